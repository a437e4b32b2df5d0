// Procurements from the need to the signed contract: behov → kunngjort (Doffin reference) →
// tilbudsfrist → evaluering → tildeling (the award notice sent to every bidder, date and time) →
// karens until the standstill's computed end → kontrakt. The contract is refused until the standstill
// is over (standstill.ts); the server decides, the page only shows `maySign`. A procurement is tied to
// the cases of the bodies that treat it (the council's decision to procure, an orientation); the link is
// kept here and read through governance's caseSummaries.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, conflict, notFound } from '../../server/errors.js';
import { lockAtRevision, nextRevision } from '../../lib/revision.js';
import { formatDateTime } from '../../lib/norwegian-format.js';
import { recordAudit } from '../audit/service.js';
import { caseSummaries } from '../governance/views.service.js';
import { findBody } from '../org/bodies.service.js';
import type {
  TAwardRequest, TCreateProcurementRequest, TLinkProcurementCaseRequest, TProcurement, TSignContractRequest, TUpdateProcurementRequest,
} from './model.js';
import { portfolioProcurementCases, portfolioProcurements, portfolioProjects } from './schema.js';
import { DEFAULT_STANDSTILL, standstillEndsAt, standstillOver } from './standstill.js';
import { PROCUREMENT_STAGES, type TProcurementStage } from './vocabulary.js';

type TRow = typeof portfolioProcurements.$inferSelect;

const after = (stage: TProcurementStage, than: TProcurementStage) => PROCUREMENT_STAGES.indexOf(stage) >= PROCUREMENT_STAGES.indexOf(than);

type TProcurementCase = TProcurement['cases'][number];

/** The linked cases of each procurement, by meeting date (a case decided in writing last). */
async function casesOf(db: DbOrTx, ids: string[]): Promise<Map<string, TProcurementCase[]>> {
  const byProcurement = new Map<string, TProcurementCase[]>();
  if (!ids.length) return byProcurement;
  const links = await db.select().from(portfolioProcurementCases).where(inArray(portfolioProcurementCases.procurementId, ids))
    .orderBy(asc(portfolioProcurementCases.createdAt));
  const summaries = new Map((await caseSummaries(db, [...new Set(links.map((l) => l.caseId))])).map((c) => [c.id, c]));
  for (const l of links) {
    const c = summaries.get(l.caseId);
    if (!c) continue;
    const list = byProcurement.get(l.procurementId) ?? [];
    list.push({
      caseId: c.id, number: c.number, title: c.title, bodyName: c.bodyName, meetingId: c.meetingId, meetingDate: c.meetingDate,
      meetingLabel: c.meetingLabel, decisionText: c.decisionText,
    });
    byProcurement.set(l.procurementId, list);
  }
  for (const list of byProcurement.values()) list.sort((a, b) => (a.meetingDate ?? '9999').localeCompare(b.meetingDate ?? '9999'));
  return byProcurement;
}

function procurementJson(r: TRow, projectTitle: string | null, now: Date, cases: TProcurementCase[]): TProcurement {
  const ends = r.awardSentAt ? standstillEndsAt(r.awardSentAt, r.standstillDays) : null;
  return {
    id: r.id, title: r.title, projectId: r.projectId, projectTitle, stage: r.stage, doffinReference: r.doffinReference,
    tenderDeadline: r.tenderDeadline?.toISOString() ?? null, awardSentAt: r.awardSentAt?.toISOString() ?? null, supplier: r.supplier,
    standstillDays: r.standstillDays, standstillRule: r.standstillRule, standstillEndsAt: ends?.toISOString() ?? null,
    maySign: r.stage === 'karens' && !!r.awardSentAt && standstillOver(r.awardSentAt, r.standstillDays, now),
    contractSignedAt: r.contractSignedAt?.toISOString() ?? null, note: r.note, cases, revision: r.revision,
  };
}

async function titlesOf(db: DbOrTx, rows: TRow[]) {
  const ids = rows.flatMap((r) => (r.projectId ? [r.projectId] : []));
  if (!ids.length) return new Map<string, string>();
  const projects = await db.select({ id: portfolioProjects.id, title: portfolioProjects.title }).from(portfolioProjects)
    .where(inArray(portfolioProjects.id, [...new Set(ids)]));
  return new Map(projects.map((p) => [p.id, p.title]));
}

export async function listProcurements(db: DbOrTx, options: { cooperationId: string; now: Date }): Promise<TProcurement[]> {
  const rows = await db.select().from(portfolioProcurements).where(eq(portfolioProcurements.cooperationId, options.cooperationId))
    .orderBy(asc(portfolioProcurements.createdAt), asc(portfolioProcurements.title));
  const [titles, cases] = await Promise.all([titlesOf(db, rows), casesOf(db, rows.map((r) => r.id))]);
  return rows.map((r) => procurementJson(r, r.projectId ? titles.get(r.projectId) ?? null : null, options.now, cases.get(r.id) ?? []));
}

export async function getProcurement(db: DbOrTx, options: { id: string; now: Date }): Promise<TProcurement> {
  const [row] = await db.select().from(portfolioProcurements).where(eq(portfolioProcurements.id, options.id));
  if (!row) throw notFound('Anskaffelsen');
  const [titles, cases] = await Promise.all([titlesOf(db, [row]), casesOf(db, [row.id])]);
  return procurementJson(row, row.projectId ? titles.get(row.projectId) ?? null : null, options.now, cases.get(row.id) ?? []);
}

/** What a stage needs recorded: a notice its Doffin reference, a tender deadline its date and time. */
function checkStageFacts(r: Pick<TRow, 'stage' | 'doffinReference' | 'tenderDeadline'>) {
  if (after(r.stage, 'kunngjort') && !r.doffinReference) throw badRequest('En kunngjort anskaffelse trenger Doffin-referansen', [{ path: 'doffinReference', message: 'Må fylles ut fra kunngjort' }]);
  if (after(r.stage, 'tilbudsfrist') && !r.tenderDeadline) throw badRequest('Tilbudsfristen mangler dato og klokkeslett', [{ path: 'tenderDeadline', message: 'Må fylles ut fra tilbudsfrist' }]);
}

async function checkProject(db: DbOrTx, cooperationId: string, projectId: string | null | undefined) {
  if (!projectId) return;
  const [p] = await db.select({ cooperationId: portfolioProjects.cooperationId }).from(portfolioProjects).where(eq(portfolioProjects.id, projectId));
  if (!p || p.cooperationId !== cooperationId) throw badRequest('Prosjektet finnes ikke i samarbeidet', [{ path: 'projectId', message: 'Finnes ikke' }]);
}

export async function createProcurement(db: Db, actor: Actor, options: { cooperationId: string; now: Date } & TCreateProcurementRequest): Promise<TProcurement> {
  const id = await db.transaction(async (tx) => {
    await checkProject(tx, options.cooperationId, options.projectId);
    const values = {
      cooperationId: options.cooperationId, projectId: options.projectId ?? null, title: options.title, stage: options.stage,
      doffinReference: options.doffinReference ?? null, tenderDeadline: options.tenderDeadline ? new Date(options.tenderDeadline) : null,
      standstillDays: options.standstillDays ?? DEFAULT_STANDSTILL.days, standstillRule: options.standstillRule ?? DEFAULT_STANDSTILL.rule, note: options.note ?? null,
    };
    checkStageFacts(values);
    const [row] = await tx.insert(portfolioProcurements).values(values).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'portfolio_procurement', entityId: row!.id, after: row! });
    return row!.id;
  });
  return getProcurement(db, { id, now: options.now });
}

/** Writes a locked row's change with its audit entry, in the caller's transaction. */
async function write(tx: DbOrTx, actor: Actor, before: TRow, patch: Partial<TRow>) {
  const [row] = await tx.update(portfolioProcurements).set({ ...patch, revision: nextRevision(portfolioProcurements) })
    .where(eq(portfolioProcurements.id, before.id)).returning();
  await recordAudit(tx, actor, { action: 'update', entity: 'portfolio_procurement', entityId: before.id, before, after: row! });
}

async function lockRow(tx: DbOrTx, id: string, revision: number) {
  await lockAtRevision(tx, portfolioProcurements, id, revision, 'Anskaffelsen');
  const [row] = await tx.select().from(portfolioProcurements).where(eq(portfolioProcurements.id, id));
  return row!;
}

/** The stages before the award and what they record; after the award only the note may change. */
export async function updateProcurement(db: Db, actor: Actor, options: { id: string; now: Date } & TUpdateProcurementRequest): Promise<TProcurement> {
  const { id, revision, now, ...patch } = options;
  await db.transaction(async (tx) => {
    const before = await lockRow(tx, id, revision);
    const changesMore = Object.entries(patch).some(([k, v]) => v !== undefined && k !== 'note');
    if (before.awardSentAt && changesMore) throw conflict('Tildelingen er sendt: bare notatet kan endres nå');
    await checkProject(tx, before.cooperationId, patch.projectId);
    const next = {
      ...patch,
      tenderDeadline: patch.tenderDeadline === undefined ? undefined : patch.tenderDeadline ? new Date(patch.tenderDeadline) : null,
    };
    checkStageFacts({
      stage: next.stage ?? before.stage,
      doffinReference: next.doffinReference === undefined ? before.doffinReference : next.doffinReference,
      tenderDeadline: next.tenderDeadline === undefined ? before.tenderDeadline : next.tenderDeadline,
    });
    await write(tx, actor, before, next);
  });
  return getProcurement(db, { id, now });
}

/** Records the award notice sent to every bidder; the standstill runs from the next day. */
export async function awardProcurement(db: Db, actor: Actor, options: { id: string; now: Date } & TAwardRequest): Promise<TProcurement> {
  await db.transaction(async (tx) => {
    const before = await lockRow(tx, options.id, options.revision);
    if (before.awardSentAt) throw conflict('Tildelingen er alt sendt');
    if (before.stage !== 'evaluering') throw conflict('Tildeling kommer etter evalueringen: flytt anskaffelsen til evaluering først');
    const sentAt = new Date(options.sentAt);
    if (sentAt.getTime() > options.now.getTime()) throw badRequest('Tildelingen kan ikke være sendt i fremtiden', [{ path: 'sentAt', message: 'Senest nå' }]);
    await write(tx, actor, before, { stage: 'karens', awardSentAt: sentAt, supplier: options.supplier });
  });
  return getProcurement(db, { id: options.id, now: options.now });
}

/** Signs the contract; refused (409) until the standstill has ended, with the end and the rule in the message. */
export async function signContract(db: Db, actor: Actor, options: { id: string; now: Date } & TSignContractRequest): Promise<TProcurement> {
  await db.transaction(async (tx) => {
    const before = await lockRow(tx, options.id, options.revision);
    if (before.stage === 'kontrakt') throw conflict('Kontrakten er alt signert');
    if (before.stage !== 'karens' || !before.awardSentAt) throw conflict('Kontrakten kan først signeres etter tildelingen og karensperioden');
    const signedAt = options.signedAt ? new Date(options.signedAt) : options.now;
    if (signedAt.getTime() > options.now.getTime()) throw badRequest('Signeringen kan ikke være i fremtiden', [{ path: 'signedAt', message: 'Senest nå' }]);
    if (!standstillOver(before.awardSentAt, before.standstillDays, signedAt)) {
      const ends = standstillEndsAt(before.awardSentAt, before.standstillDays);
      throw conflict(
        `Kontrakten kan ikke signeres før karensperioden er over: den løper til ${formatDateTime(ends)} `
        + `(${before.standstillDays} dager fra dagen etter at tildelingen ble sendt ${formatDateTime(before.awardSentAt)}; ${before.standstillRule})`,
        // The English page says the same from the code: the end as an instant and as the Oslo wall clock.
        'standstill_running', { standstillEndsAt: ends.toISOString(), standstillEnds: formatDateTime(ends), standstillDays: before.standstillDays },
      );
    }
    await write(tx, actor, before, { stage: 'kontrakt', contractSignedAt: signedAt });
  });
  return getProcurement(db, { id: options.id, now: options.now });
}

/**
 * Ties the procurement to a case of one of the cooperation's bodies: 400 for a case that does not exist or
 * is another cooperation's, 409 when it is tied already. Allowed at every stage: the council is told of
 * a procurement after its contract too.
 */
export async function linkProcurementCase(db: Db, actor: Actor, options: { id: string; now: Date } & TLinkProcurementCaseRequest): Promise<TProcurement> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(portfolioProcurements).where(eq(portfolioProcurements.id, options.id)).for('update');
    if (!row) throw notFound('Anskaffelsen');
    const [found] = await caseSummaries(tx, [options.caseId]);
    const body = found ? await findBody(tx, found.bodyId) : null;
    if (!found || body?.cooperationId !== row.cooperationId) throw badRequest('Saken finnes ikke i samarbeidet', [{ path: 'caseId', message: 'Finnes ikke' }]);
    const inserted = await tx.insert(portfolioProcurementCases).values({ procurementId: row.id, caseId: found.id }).onConflictDoNothing().returning();
    if (!inserted.length) throw conflict(`Sak ${found.number} er alt knyttet til anskaffelsen`);
    await recordAudit(tx, actor, { action: 'update', entity: 'portfolio_procurement', entityId: row.id, before: row, after: { ...row, linkedCaseId: found.id, linkedCaseNumber: found.number } });
  });
  return getProcurement(db, { id: options.id, now: options.now });
}

/** Unties a case from the procurement; 404 when it is not tied. */
export async function unlinkProcurementCase(db: Db, actor: Actor, options: { id: string; caseId: string; now: Date }): Promise<TProcurement> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(portfolioProcurements).where(eq(portfolioProcurements.id, options.id)).for('update');
    if (!row) throw notFound('Anskaffelsen');
    const removed = await tx.delete(portfolioProcurementCases)
      .where(and(eq(portfolioProcurementCases.procurementId, row.id), eq(portfolioProcurementCases.caseId, options.caseId))).returning();
    if (!removed.length) throw notFound('Saken på anskaffelsen');
    await recordAudit(tx, actor, { action: 'update', entity: 'portfolio_procurement', entityId: row.id, before: { ...row, linkedCaseId: options.caseId }, after: row });
  });
  return getProcurement(db, { id: options.id, now: options.now });
}
