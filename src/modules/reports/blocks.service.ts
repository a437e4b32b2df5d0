// A section's data blocks: added, changed and removed by whoever may edit the section; their data loaded
// live from the registered loaders while the report is open, and from the frozen snapshot once approved.
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { actorOf, type SessionUser } from '../../server/context.js';
import { badRequest, forbidden, notFound } from '../../server/errors.js';
import { zodFieldIssues } from '../../server/errors.js';
import { lockAtRevision, nextRevision } from '../../lib/revision.js';
import { recordAudit } from '../audit/service.js';
import { blockDefinition, sharedWithin, type TBlockContext, type TBlockData } from './blocks/registry.js';
import { enteredFigures } from './figures.service.js';
import type { TAddBlockRequest, TReport, TUpdateBlockRequest } from './model.js';
import { mayEditSection } from './policy.js';
import { assertOpen, getReport, loadReport, type TReportRow } from './reports.service.js';
import { reportBlocks, reportSectionOwners, reportSections } from './schema.js';

/** The block's parameters checked against its type's schema: 400 on `params.<field>` otherwise. */
function checkedParams(type: string, params: unknown): Record<string, unknown> {
  const definition = blockDefinition(type);
  if (!definition) throw badRequest(`Ukjent blokktype ${type}`, [{ path: 'type', message: 'Ukjent blokktype' }]);
  const parsed = definition.params.safeParse(params ?? {});
  if (!parsed.success) {
    const fields = zodFieldIssues(parsed.error).map((f) => ({ ...f, path: `params.${f.path}` }));
    throw badRequest(`Ugyldig parameter for blokken: ${fields[0]?.message ?? ''}`, fields);
  }
  return parsed.data as Record<string, unknown>;
}

/** The section, its open report and the check that this user may edit it; inside the caller's transaction. */
async function editableSection(tx: Tx, user: SessionUser, sectionId: string, cooperationId: string) {
  const [s] = await tx.select().from(reportSections).where(eq(reportSections.id, sectionId));
  if (!s) throw notFound('Seksjonen');
  const r = await loadReport(tx, { id: s.reportId, cooperationId, forUpdate: true }).catch(() => { throw notFound('Seksjonen'); });
  assertOpen(r);
  const owners = (await tx.select().from(reportSectionOwners).where(eq(reportSectionOwners.sectionId, s.id))).map((o) => o.userId);
  if (!mayEditSection(user, r, owners)) throw forbidden('Bare seksjonens eiere og rapportens leder kan endre seksjonen');
  return { section: s, report: r };
}

export async function addBlock(db: Db, user: SessionUser, options: TAddBlockRequest & { sectionId: string; cooperationId: string }): Promise<TReport> {
  const params = checkedParams(options.type, options.params);
  const reportId = await db.transaction(async (tx) => {
    const { section, report } = await editableSection(tx, user, options.sectionId, options.cooperationId);
    const [last] = await tx.select({ n: max(reportBlocks.position) }).from(reportBlocks).where(eq(reportBlocks.sectionId, section.id));
    const [row] = await tx.insert(reportBlocks).values({ sectionId: section.id, position: (last?.n ?? 0) + 1, type: options.type, params }).returning();
    await recordAudit(tx, actorOf(user), { action: 'create', entity: 'report_block', entityId: row!.id, after: { sectionId: section.id, type: row!.type, params } });
    return report.id;
  });
  return getReport(db, user, { id: reportId, cooperationId: options.cooperationId });
}

export async function updateBlock(db: Db, user: SessionUser, options: TUpdateBlockRequest & { id: string; cooperationId: string }): Promise<TReport> {
  const reportId = await db.transaction(async (tx) => {
    await lockAtRevision(tx, reportBlocks, options.id, options.revision, 'Blokken');
    const [b] = await tx.select().from(reportBlocks).where(eq(reportBlocks.id, options.id));
    if (!b) throw notFound('Blokken');
    const { report } = await editableSection(tx, user, b.sectionId, options.cooperationId);
    const params = options.params === undefined ? b.params : checkedParams(b.type, options.params);
    await tx.update(reportBlocks).set({ params, position: options.position ?? b.position, revision: nextRevision(reportBlocks) }).where(eq(reportBlocks.id, b.id));
    await recordAudit(tx, actorOf(user), { action: 'update', entity: 'report_block', entityId: b.id, before: { params: b.params, position: b.position }, after: { params, position: options.position ?? b.position } });
    return report.id;
  });
  return getReport(db, user, { id: reportId, cooperationId: options.cooperationId });
}

export async function deleteBlock(db: Db, user: SessionUser, options: { id: string; cooperationId: string }): Promise<TReport> {
  const reportId = await db.transaction(async (tx) => {
    const [b] = await tx.select().from(reportBlocks).where(eq(reportBlocks.id, options.id));
    if (!b) throw notFound('Blokken');
    const { report } = await editableSection(tx, user, b.sectionId, options.cooperationId);
    await tx.delete(reportBlocks).where(eq(reportBlocks.id, b.id));
    await recordAudit(tx, actorOf(user), { action: 'delete', entity: 'report_block', entityId: b.id, before: { type: b.type, params: b.params } });
    return report.id;
  });
  return getReport(db, user, { id: reportId, cooperationId: options.cooperationId });
}

/** A block whose type is no longer registered (a module removed) still renders, as a note. */
function missingType(type: string, asOf: string): TBlockData {
  return { title: type, asOf, tables: [], charts: [], notes: [`Blokktypen ${type} finnes ikke lenger`], source: 'live' };
}

/** One block's data now, from its module. */
export async function loadBlockLive(
  db: DbOrTx, report: Pick<TReportRow, 'cooperationId' | 'asOf'>, block: { type: string; params: Record<string, unknown> },
  shared: TBlockContext['shared'] = sharedWithin(),
): Promise<TBlockData> {
  const definition = blockDefinition(block.type);
  if (!definition) return missingType(block.type, report.asOf);
  const params = definition.params.parse(block.params);
  const entered: TBlockContext['entered'] = (metrics, years) => enteredFigures(db, report.cooperationId, metrics, years);
  return definition.load({ db, cooperationId: report.cooperationId, asOf: report.asOf, entered, shared }, params);
}

export type TLoadedBlock = { id: string; sectionId: string; type: string; frozen: boolean; data: TBlockData };

/** Every block of the given sections: the snapshot when frozen, else live. */
export async function loadBlocksOf(db: DbOrTx, report: TReportRow, sectionIds: readonly string[]): Promise<TLoadedBlock[]> {
  if (!sectionIds.length) return [];
  const rows = await db.select().from(reportBlocks).where(inArray(reportBlocks.sectionId, [...sectionIds])).orderBy(asc(reportBlocks.position));
  // The blocks of one report load together: what several of them need is loaded once (ctx.shared), and
  // the rest side by side (on PostgreSQL each on a connection of its own; never inside a transaction:
  // the page's data and the papers read outside one, and the freeze below goes block by block).
  const shared = sharedWithin();
  return Promise.all(rows.map(async (b): Promise<TLoadedBlock> => ({
    id: b.id, sectionId: b.sectionId, type: b.type, frozen: Boolean(b.snapshot),
    data: b.snapshot ? (b.snapshot as unknown as TBlockData) : await loadBlockLive(db, report, b, shared),
  })));
}

/** Freezes every block of the report with its data as of the report's date (approval's transaction). */
export async function freezeReportBlocks(tx: Tx, report: TReportRow): Promise<void> {
  const sectionIds = (await tx.select({ id: reportSections.id }).from(reportSections).where(eq(reportSections.reportId, report.id))).map((s) => s.id);
  if (!sectionIds.length) return;
  const rows = await tx.select().from(reportBlocks).where(and(inArray(reportBlocks.sectionId, sectionIds)));
  const now = new Date();
  const shared = sharedWithin();
  for (const b of rows) {
    const data = await loadBlockLive(tx, report, b, shared);
    await tx.update(reportBlocks).set({ snapshot: data as unknown as Record<string, unknown>, frozenAt: now }).where(eq(reportBlocks.id, b.id));
  }
}
