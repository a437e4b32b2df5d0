// The innovation pipeline (Innovasjonsløypa, seed 003 M2-006): a proposal goes faggruppe →
// porteføljeråd → samarbeidsråd, each step a new case on a meeting of that body, created through
// governance's own insertCase in the same transaction as the link. The link is kept here (governance
// knows nothing of proposals), and `caseProposal` answers the way back from a case. The council's
// decision and the cost split are in cost-split.service.ts.
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, conflict, notFound } from '../../server/errors.js';
import { lockAtRevision, nextRevision } from '../../lib/revision.js';
import { recordAudit } from '../audit/service.js';
import { insertCase } from '../governance/cases.service.js';
import { caseSummaries, meetingCaseIds } from '../governance/views.service.js';
import { findBody } from '../org/bodies.service.js';
import { existingMunicipalityIds, municipalityNames } from '../org/municipalities.service.js';
import type {
  TCreateProposalRequest, TMeetingProposalLinks, TProposal, TProposalSummary, TSendProposalRequest, TUpdateProposalRequest,
} from './model.js';
import {
  portfolioProposalCases, portfolioProposalDecisions, portfolioProposalMunicipalities, portfolioProposalPayers, portfolioProposals,
} from './schema.js';
import { PIPELINE_STEPS, PIPELINE_STEP_LABELS, type TPipelineStep, type TProposalStage } from './vocabulary.js';

type TRow = typeof portfolioProposals.$inferSelect;

const stepIndex = (stage: TProposalStage) => (PIPELINE_STEPS as readonly string[]).indexOf(stage);

/**
 * The steps a proposal may go to: the one it is at (a body may treat it again, e.g. after a postponement)
 * and the next; never back and never past a step. None once the council has decided.
 */
export function nextStepsOf(stage: TProposalStage): TPipelineStep[] {
  if (stage === 'vedtatt' || stage === 'avslatt') return [];
  const at = stepIndex(stage);
  return PIPELINE_STEPS.filter((_, i) => i === at || i === at + 1);
}

async function checkMunicipalities(db: DbOrTx, ids: string[], path: string) {
  const found = await existingMunicipalityIds(db, ids);
  if (found.size !== new Set(ids).size) throw badRequest('Ukjent kommune', [{ path, message: 'Finnes ikke' }]);
}

export async function loadProposal(db: DbOrTx, id: string): Promise<TRow> {
  const [row] = await db.select().from(portfolioProposals).where(eq(portfolioProposals.id, id));
  if (!row) throw notFound('Forslaget');
  return row;
}

export async function listProposals(db: DbOrTx, options: { cooperationId: string }): Promise<TProposalSummary[]> {
  const rows = await db.select().from(portfolioProposals).where(eq(portfolioProposals.cooperationId, options.cooperationId))
    .orderBy(asc(portfolioProposals.createdAt), asc(portfolioProposals.title));
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const [munis, caseCounts] = await Promise.all([
    db.select({ id: portfolioProposalMunicipalities.proposalId, n: count() }).from(portfolioProposalMunicipalities)
      .where(inArray(portfolioProposalMunicipalities.proposalId, ids)).groupBy(portfolioProposalMunicipalities.proposalId),
    db.select({ id: portfolioProposalCases.proposalId, n: count() }).from(portfolioProposalCases)
      .where(inArray(portfolioProposalCases.proposalId, ids)).groupBy(portfolioProposalCases.proposalId),
  ]);
  const m = new Map(munis.map((r) => [r.id, r.n]));
  const c = new Map(caseCounts.map((r) => [r.id, r.n]));
  return rows.map((r) => ({
    id: r.id, title: r.title, proposedBy: r.proposedBy, stage: r.stage, costEstimateOre: r.costEstimateOre, revision: r.revision,
    municipalityCount: m.get(r.id) ?? 0, caseCount: c.get(r.id) ?? 0,
  }));
}

export async function getProposal(db: DbOrTx, options: { id: string }): Promise<TProposal> {
  const row = await loadProposal(db, options.id);
  const [wanted, links, decision, payers] = await Promise.all([
    db.select({ id: portfolioProposalMunicipalities.municipalityId }).from(portfolioProposalMunicipalities)
      .where(eq(portfolioProposalMunicipalities.proposalId, row.id)),
    db.select().from(portfolioProposalCases).where(eq(portfolioProposalCases.proposalId, row.id)).orderBy(asc(portfolioProposalCases.createdAt)),
    db.select().from(portfolioProposalDecisions).where(eq(portfolioProposalDecisions.proposalId, row.id)),
    db.select({ id: portfolioProposalPayers.municipalityId }).from(portfolioProposalPayers).where(eq(portfolioProposalPayers.proposalId, row.id)),
  ]);
  const names = await municipalityNames(db, [...wanted, ...payers].map((w) => w.id));
  const named = (list: { id: string }[]) => list.map((w) => ({ id: w.id, name: names.get(w.id) ?? '' }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const summaries = new Map((await caseSummaries(db, links.map((l) => l.caseId))).map((s) => [s.id, s]));
  const cases = links.flatMap((l) => {
    const s = summaries.get(l.caseId);
    return s ? [{
      step: l.step, caseId: s.id, number: s.number, title: s.title, bodyName: s.bodyName, meetingId: s.meetingId,
      meetingDate: s.meetingDate, meetingLabel: s.meetingLabel, decisionText: s.decisionText,
    }] : [];
  }).sort((a, b) => PIPELINE_STEPS.indexOf(a.step) - PIPELINE_STEPS.indexOf(b.step) || (a.meetingDate ?? '').localeCompare(b.meetingDate ?? ''));
  const d = decision[0];
  return {
    id: row.id, title: row.title, proposedBy: row.proposedBy, problem: row.problem, benefit: row.benefit,
    costEstimateOre: row.costEstimateOre, stage: row.stage, municipalities: named(wanted), cases,
    decision: d ? {
      caseId: d.caseId, outcome: d.outcome, decidedOn: d.decidedOn, model: d.model, fixedPercent: d.fixedPercent,
      basisYear: d.basisYear, totalOre: d.totalOre, payers: named(payers),
    } : null,
    nextSteps: nextStepsOf(row.stage),
    mayDecide: !d && cases.some((c) => c.step === 'samarbeidsrad'),
    revision: row.revision,
  };
}

async function setWanted(tx: Tx, proposalId: string, ids: string[]) {
  await tx.delete(portfolioProposalMunicipalities).where(eq(portfolioProposalMunicipalities.proposalId, proposalId));
  if (ids.length) await tx.insert(portfolioProposalMunicipalities).values(ids.map((municipalityId) => ({ proposalId, municipalityId })));
}

export async function createProposal(db: Db, actor: Actor, options: { cooperationId: string } & TCreateProposalRequest): Promise<TProposal> {
  const id = await db.transaction(async (tx) => {
    await checkMunicipalities(tx, options.municipalityIds, 'municipalityIds');
    const [row] = await tx.insert(portfolioProposals).values({
      cooperationId: options.cooperationId, title: options.title, proposedBy: options.proposedBy, problem: options.problem,
      benefit: options.benefit, costEstimateOre: options.costEstimateOre ?? null,
    }).returning();
    await setWanted(tx, row!.id, options.municipalityIds);
    await recordAudit(tx, actor, { action: 'create', entity: 'portfolio_proposal', entityId: row!.id, after: { ...row!, municipalityIds: options.municipalityIds } });
    return row!.id;
  });
  return getProposal(db, { id });
}

/** Locks the proposal at the revision the client read; the caller's transaction. */
export async function lockProposal(tx: DbOrTx, id: string, revision: number): Promise<TRow> {
  await loadProposal(tx, id);
  await lockAtRevision(tx, portfolioProposals, id, revision, 'Forslaget');
  return loadProposal(tx, id);
}

export async function bumpProposal(tx: DbOrTx, id: string, patch: Partial<TRow> = {}) {
  const [row] = await tx.update(portfolioProposals).set({ ...patch, revision: nextRevision(portfolioProposals) })
    .where(eq(portfolioProposals.id, id)).returning();
  return row!;
}

/** What was proposed may be corrected until the council has decided; the decision is the record. */
export async function updateProposal(db: Db, actor: Actor, options: { id: string } & TUpdateProposalRequest): Promise<TProposal> {
  const { id, revision, municipalityIds, ...patch } = options;
  await db.transaction(async (tx) => {
    const before = await lockProposal(tx, id, revision);
    if (before.stage === 'vedtatt' || before.stage === 'avslatt') throw conflict('Samarbeidsrådet har vedtatt forslaget; det kan ikke endres');
    if (municipalityIds) {
      await checkMunicipalities(tx, municipalityIds, 'municipalityIds');
      await setWanted(tx, id, municipalityIds);
    }
    const after = await bumpProposal(tx, id, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)));
    await recordAudit(tx, actor, { action: 'update', entity: 'portfolio_proposal', entityId: id, before, after: municipalityIds ? { ...after, municipalityIds } : after });
  });
  return getProposal(db, { id });
}

function caseDescription(p: TRow, step: TPipelineStep): string {
  const lines = [
    `Innovasjonsløypa, steg: ${PIPELINE_STEP_LABELS[step].nb}.`,
    `Foreslått av: ${p.proposedBy}.`,
    p.problem && `Problem: ${p.problem}`,
    p.benefit && `Gevinst: ${p.benefit}`,
    p.costEstimateOre !== null && `Kostnadsanslag: ${new Intl.NumberFormat('nb-NO').format(Math.round(p.costEstimateOre / 100))} kr.`,
  ];
  return lines.filter(Boolean).join('\n\n');
}

/**
 * Sends the proposal to a step: a new case on the given meeting's agenda (the body's own numbering and
 * rules apply: a meeting with approved minutes refuses it), linked to the proposal, in one transaction.
 */
export async function sendProposal(db: Db, actor: Actor, options: { id: string } & TSendProposalRequest): Promise<TProposal> {
  await db.transaction(async (tx) => {
    const before = await lockProposal(tx, options.id, options.revision);
    if (!nextStepsOf(before.stage).includes(options.step)) {
      const allowed = nextStepsOf(before.stage).map((s) => PIPELINE_STEP_LABELS[s].nb).join(' eller ');
      throw conflict(allowed
        ? `Forslaget kan nå bare sendes til ${allowed}: løypa går faggruppe → porteføljeråd → samarbeidsråd`
        : 'Samarbeidsrådet har alt vedtatt forslaget');
    }
    const created = await insertCase(tx, actor, {
      meetingId: options.meetingId, title: before.title, caseType: 'vedtak', description: caseDescription(before, options.step),
      proposal: options.proposal ?? '',
    });
    const body = await findBody(tx, created.bodyId);
    if (body?.cooperationId !== before.cooperationId) throw badRequest('Møtet hører til et annet samarbeid', [{ path: 'meetingId', message: 'Annet samarbeid' }]);
    await tx.insert(portfolioProposalCases).values({ proposalId: before.id, caseId: created.id, step: options.step });
    const after = await bumpProposal(tx, before.id, { stage: options.step });
    await recordAudit(tx, actor, { action: 'update', entity: 'portfolio_proposal', entityId: before.id, before, after: { ...after, caseId: created.id, step: options.step } });
  });
  return getProposal(db, { id: options.id });
}

/** The way back from a governance case: the proposal it treats, or 404 when it treats none. */
export async function caseProposal(db: DbOrTx, options: { caseId: string }) {
  const [row] = await db.select({
    proposalId: portfolioProposals.id, title: portfolioProposals.title, stage: portfolioProposals.stage, step: portfolioProposalCases.step,
  }).from(portfolioProposalCases)
    .innerJoin(portfolioProposals, eq(portfolioProposals.id, portfolioProposalCases.proposalId))
    .where(eq(portfolioProposalCases.caseId, options.caseId));
  if (!row) throw notFound('Forslag for saken');
  return row;
}

/**
 * The way back for every case of a meeting in one query: the proposal each case treats, in agenda order,
 * leaving out the cases that treat none. 404 when the meeting does not exist.
 */
export async function meetingProposals(db: DbOrTx, options: { meetingId: string }): Promise<TMeetingProposalLinks> {
  const caseIds = await meetingCaseIds(db, options.meetingId);
  if (!caseIds) throw notFound('Møtet');
  if (!caseIds.length) return { links: [] };
  const rows = await db.select({
    caseId: portfolioProposalCases.caseId, proposalId: portfolioProposals.id, title: portfolioProposals.title,
    stage: portfolioProposals.stage, step: portfolioProposalCases.step,
  }).from(portfolioProposalCases)
    .innerJoin(portfolioProposals, eq(portfolioProposals.id, portfolioProposalCases.proposalId))
    .where(inArray(portfolioProposalCases.caseId, caseIds));
  const order = new Map(caseIds.map((id, i) => [id, i]));
  return { links: rows.sort((a, b) => order.get(a.caseId)! - order.get(b.caseId)!) };
}

/** The council cases of a proposal (the decision must name one of them). */
export async function councilCaseIds(db: DbOrTx, proposalId: string): Promise<Set<string>> {
  const rows = await db.select({ caseId: portfolioProposalCases.caseId }).from(portfolioProposalCases)
    .where(and(eq(portfolioProposalCases.proposalId, proposalId), eq(portfolioProposalCases.step, 'samarbeidsrad')));
  return new Set(rows.map((r) => r.caseId));
}
