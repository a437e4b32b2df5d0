// The council's decision on a proposal and the cost split it sets (decision 0035): the model, its basis
// year and total are stored with the first payers; joins and leaves are stored as events; the split and
// its history are computed from them on every read (cost-sharing.ts), never stored. Population figures
// (SSB, per municipality and year) are kept here; the cooperation's key is the economy module's.
import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, conflict } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { getFinancing } from '../economy/financing.service.js';
import { listMembersInYear, listMembersOn } from '../org/memberships.service.js';
import { municipalityNames } from '../org/municipalities.service.js';
import { CostSharingError, costHistory, splitCost, type TCostEvent, type TCostModel } from './cost-sharing.js';
import type {
  TCostEventRequest, TCostSplit, TDecideProposalRequest, TPopulations, TPreviewSplitRequest, TProposal, TSetPopulationsRequest, TSplitPreview,
} from './model.js';
import { bumpProposal, councilCaseIds, getProposal, loadProposal, lockProposal } from './proposals.service.js';
import { portfolioCostEvents, portfolioPopulations, portfolioProposalDecisions, portfolioProposalPayers } from './schema.js';
import type { TCostModelKind } from './vocabulary.js';
import { yearOf } from '../../lib/date-schemas.js';

type TDecisionRow = typeof portfolioProposalDecisions.$inferSelect;

/** A rule of the split broken by the request: 400 on the field it names. */
function asBadRequest(err: unknown): never {
  if (err instanceof CostSharingError) throw badRequest(err.message, err.path ? [{ path: err.path, message: err.message }] : undefined);
  throw err;
}

async function populationsOf(db: DbOrTx, cooperationId: string, year: number): Promise<Record<string, number>> {
  const rows = await db.select().from(portfolioPopulations)
    .where(and(eq(portfolioPopulations.cooperationId, cooperationId), eq(portfolioPopulations.year, year)));
  return Object.fromEntries(rows.map((r) => [r.municipalityId, r.inhabitants]));
}

/** The model with the figures it needs: the key of the year from economy, or the population figures. */
async function modelOf(db: DbOrTx, cooperationId: string, d: { model: TCostModelKind; fixedPercent: number | null; basisYear: number }): Promise<TCostModel> {
  switch (d.model) {
    case 'equal':
      return { kind: 'equal' };
    case 'key': {
      const financing = await getFinancing(db, { cooperationId, year: d.basisYear });
      if (!financing.shares.length) throw badRequest(`Samarbeidet har ingen fordelingsnøkkel for ${d.basisYear}`, [{ path: 'basisYear', message: 'Ingen nøkkel' }]);
      return { kind: 'key', shareMillionths: Object.fromEntries(financing.shares.map((s) => [s.municipalityId, s.shareMillionths])) };
    }
    case 'population':
      return { kind: 'population', inhabitants: await populationsOf(db, cooperationId, d.basisYear) };
    case 'fixedPlusPopulation':
      return { kind: 'fixedPlusPopulation', fixedPercent: d.fixedPercent ?? 0, inhabitants: await populationsOf(db, cooperationId, d.basisYear) };
  }
}

async function historyOf(db: DbOrTx, cooperationId: string, decision: TDecisionRow, payerIds: string[], events: (typeof portfolioCostEvents.$inferSelect)[]) {
  const names = await municipalityNames(db, [...payerIds, ...events.map((e) => e.municipalityId)]);
  const named = (id: string) => ({ id, name: names.get(id) ?? '' });
  const model = await modelOf(db, cooperationId, { model: decision.model!, fixedPercent: decision.fixedPercent, basisYear: decision.basisYear! });
  const costEvents: TCostEvent[] = events.map((e) => (e.kind === 'join'
    ? { kind: 'join', date: e.date, participant: named(e.municipalityId), entryAmountOre: e.entryAmountOre }
    : { kind: 'leave', date: e.date, participantId: e.municipalityId }));
  try {
    return { names, steps: costHistory({ totalOre: decision.totalOre!, model, decidedOn: decision.decidedOn, participants: payerIds.map(named), events: costEvents }) };
  } catch (err) {
    return asBadRequest(err);
  }
}

async function loadDecision(db: DbOrTx, proposalId: string) {
  const [decision] = await db.select().from(portfolioProposalDecisions).where(eq(portfolioProposalDecisions.proposalId, proposalId));
  const payers = await db.select({ id: portfolioProposalPayers.municipalityId }).from(portfolioProposalPayers)
    .where(eq(portfolioProposalPayers.proposalId, proposalId));
  const events = await db.select().from(portfolioCostEvents).where(eq(portfolioCostEvents.proposalId, proposalId))
    .orderBy(asc(portfolioCostEvents.date), asc(portfolioCostEvents.createdAt));
  return { decision, payerIds: payers.map((p) => p.id), events };
}

async function checkMembers(db: DbOrTx, cooperationId: string, ids: string[], date: string, path: string) {
  const members = new Set((await listMembersOn(db, cooperationId, date)).map((m) => m.municipalityId));
  const outside = ids.filter((id) => !members.has(id));
  if (outside.length) throw badRequest(`Kommunen var ikke medlem av samarbeidet ${date}`, [{ path, message: 'Ikke medlem på datoen' }]);
}

/**
 * Records the council's decision in one of the proposal's council cases: no-go closes it; go stores the
 * model and the first payers, after computing the split once so a missing figure is refused now (400)
 * rather than on every later read.
 */
export async function decideProposal(db: Db, actor: Actor, options: { id: string } & TDecideProposalRequest): Promise<TProposal> {
  await db.transaction(async (tx) => {
    const before = await lockProposal(tx, options.id, options.revision);
    const existing = await loadDecision(tx, before.id);
    if (existing.decision) throw conflict('Samarbeidsrådet har alt vedtatt forslaget');
    const councilCases = await councilCaseIds(tx, before.id);
    if (!councilCases.size) throw conflict('Forslaget må først være en sak i samarbeidsrådet');
    if (!councilCases.has(options.caseId)) throw badRequest('Saken er ikke samarbeidsrådets sak om forslaget', [{ path: 'caseId', message: 'Ikke rådets sak om forslaget' }]);
    const go = options.outcome === 'go';
    const basisYear = go && options.model !== 'equal' ? options.basisYear ?? yearOf(options.decidedOn) : null;
    const [decision] = await tx.insert(portfolioProposalDecisions).values({
      proposalId: before.id, caseId: options.caseId, outcome: options.outcome, decidedOn: options.decidedOn,
      model: go ? options.model! : null, fixedPercent: go && options.model === 'fixedPlusPopulation' ? options.fixedPercent! : null,
      basisYear, totalOre: go ? options.totalOre! : null,
    }).returning();
    if (go) {
      const payerIds = options.municipalityIds!;
      await checkMembers(tx, before.cooperationId, payerIds, options.decidedOn, 'municipalityIds');
      await tx.insert(portfolioProposalPayers).values(payerIds.map((municipalityId) => ({ proposalId: before.id, municipalityId })));
      await historyOf(tx, before.cooperationId, decision!, payerIds, []);
    }
    const after = await bumpProposal(tx, before.id, { stage: go ? 'vedtatt' : 'avslatt' });
    await recordAudit(tx, actor, { action: 'update', entity: 'portfolio_proposal', entityId: before.id, before, after: { ...after, decision, payerIds: options.municipalityIds ?? [] } });
  });
  return getProposal(db, { id: options.id });
}

/**
 * The split a go decision with these terms would set, computed exactly as decideProposal computes it and
 * stored nowhere: the decision form shows it before the council's decision is saved. The same refusals
 * (a payer that was not a member that day, a missing population figure or key) come back as 400.
 */
export async function previewCostSplit(db: DbOrTx, options: { id: string } & TPreviewSplitRequest): Promise<TSplitPreview> {
  const proposal = await loadProposal(db, options.id);
  await checkMembers(db, proposal.cooperationId, options.municipalityIds, options.decidedOn, 'municipalityIds');
  const basisYear = options.model !== 'equal' ? options.basisYear ?? yearOf(options.decidedOn) : null;
  const fixedPercent = options.model === 'fixedPlusPopulation' ? options.fixedPercent! : null;
  const model = await modelOf(db, proposal.cooperationId, { model: options.model, fixedPercent, basisYear: basisYear ?? 0 });
  const names = await municipalityNames(db, options.municipalityIds);
  try {
    const shares = splitCost(options.totalOre, model, options.municipalityIds.map((id) => ({ id, name: names.get(id) ?? '' })));
    return {
      model: options.model, fixedPercent, basisYear, totalOre: options.totalOre,
      shares: shares.map((s) => ({ municipalityId: s.id, name: s.name, amountOre: s.amountOre })),
    };
  } catch (err) {
    return asBadRequest(err);
  }
}

/** The split at the decision and after every join and leave, computed now from what is stored. */
export async function getCostSplit(db: DbOrTx, options: { id: string }): Promise<TCostSplit> {
  const proposal = await loadProposal(db, options.id);
  const { decision, payerIds, events } = await loadDecision(db, proposal.id);
  if (!decision || decision.outcome !== 'go') throw conflict('Forslaget har ikke et vedtak med kostnadsfordeling');
  const { names, steps } = await historyOf(db, proposal.cooperationId, decision, payerIds, events);
  const amount = (s: { id: string; name: string; amountOre: number }) => ({ municipalityId: s.id, name: s.name, amountOre: s.amountOre });
  return {
    model: decision.model!, fixedPercent: decision.fixedPercent, basisYear: decision.basisYear, totalOre: decision.totalOre!,
    steps: steps.map((s) => ({
      kind: s.kind, date: s.date, municipalityId: s.municipalityId, municipalityName: s.municipalityId ? names.get(s.municipalityId) ?? '' : null,
      entryAmountOre: s.entryAmountOre, credits: s.credits.map(amount),
      positions: s.positions.map((p) => ({ municipalityId: p.id, name: p.name, paidOre: p.paidOre, creditedOre: p.creditedOre, netOre: p.netOre, active: p.active })),
    })),
  };
}

/** A municipality joins (paying in) or leaves; the whole history is computed again to check it. */
export async function addCostEvent(db: Db, actor: Actor, options: { id: string } & TCostEventRequest): Promise<TCostSplit> {
  await db.transaction(async (tx) => {
    const proposal = await loadProposal(tx, options.id);
    // One change of a split at a time: the row lock orders concurrent joins.
    await tx.select().from(portfolioProposalDecisions).where(eq(portfolioProposalDecisions.proposalId, proposal.id)).for('update');
    const { decision, payerIds, events } = await loadDecision(tx, proposal.id);
    if (!decision || decision.outcome !== 'go') throw conflict('Forslaget har ikke et vedtak med kostnadsfordeling');
    if (options.kind === 'leave' && options.entryAmountOre != null) throw badRequest('Inngangsbeløp gjelder bare når en kommune blir med', [{ path: 'entryAmountOre', message: 'Bare ved innmelding' }]);
    if (options.kind === 'join') await checkMembers(tx, proposal.cooperationId, [options.municipalityId], options.date, 'municipalityId');
    const [event] = await tx.insert(portfolioCostEvents).values({
      proposalId: proposal.id, kind: options.kind, municipalityId: options.municipalityId, date: options.date,
      entryAmountOre: options.kind === 'join' ? options.entryAmountOre ?? null : null,
    }).returning();
    await historyOf(tx, proposal.cooperationId, decision, payerIds, [...events, event!]);
    await recordAudit(tx, actor, { action: 'create', entity: 'portfolio_cost_event', entityId: event!.id, after: event! });
  });
  return getCostSplit(db, { id: options.id });
}

// ── Population figures ────────────────────────────────────────────────────────────────────────────

export async function getPopulations(db: DbOrTx, options: { cooperationId: string; year: number }): Promise<TPopulations> {
  const members = await listMembersInYear(db, options.cooperationId, options.year);
  const figures = await populationsOf(db, options.cooperationId, options.year);
  return {
    year: options.year,
    rows: members.map((m) => ({ municipalityId: m.municipalityId, name: m.name, inhabitants: figures[m.municipalityId] ?? null })),
  };
}

/** Sets the year's figures of the municipalities sent (others stay); only members of that year. */
export async function setPopulations(db: Db, actor: Actor, options: { cooperationId: string; year: number } & TSetPopulationsRequest): Promise<TPopulations> {
  await db.transaction(async (tx) => {
    const members = new Set((await listMembersInYear(tx, options.cooperationId, options.year)).map((m) => m.municipalityId));
    const outside = options.rows.findIndex((r) => !members.has(r.municipalityId));
    if (outside >= 0) throw badRequest(`Kommunen var ikke medlem i ${options.year}`, [{ path: `rows.${outside}.municipalityId`, message: 'Ikke medlem det året' }]);
    const before = await populationsOf(tx, options.cooperationId, options.year);
    for (const r of options.rows) {
      await tx.insert(portfolioPopulations).values({ cooperationId: options.cooperationId, year: options.year, ...r })
        .onConflictDoUpdate({ target: [portfolioPopulations.cooperationId, portfolioPopulations.municipalityId, portfolioPopulations.year], set: { inhabitants: r.inhabitants } });
    }
    await recordAudit(tx, actor, { action: 'update', entity: 'portfolio_populations', entityId: options.cooperationId, before: { year: options.year, figures: before }, after: { year: options.year, rows: options.rows } });
  });
  return getPopulations(db, options);
}
