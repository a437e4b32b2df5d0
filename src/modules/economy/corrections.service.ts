// Correcting and deleting what staff typed in: forecasts, budget revisions and manual actuals. Before,
// these were append-only and a wrong entry could only be outweighed by a newer one; a wrong revision or
// a manual actual on the wrong line stayed in the sums for good.
//
// Optimistic concurrency: every row is handed out with `version`, a fingerprint of the row as stored,
// including its `revision` counter (bumped by every correction, so a value changed and changed back
// still gives a new version). A correction or deletion carries the version the caller read; the row is
// locked, fingerprinted again, and a mismatch (someone changed it since) is refused with 409 and changes
// nothing. A correction that changes nothing writes nothing and is not audited. Imported ledger rows are
// never edited here: a new import of the period replaces them.
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { conflict, notFound, stale } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import type { TAuditEntity } from '../audit/vocabulary.js';
import { requireDateInYear } from './dates.js';
import { requireLine } from './lines.service.js';
import type { TUpdateBudgetRevisionRequest, TUpdateForecastRequest, TUpdateManualActualRequest } from './model.js';
import { actuals, budgetRevisions, economyLines, forecasts } from './schema.js';

/** The three kinds of entry staff type in: the table, the audit entry's entity and the name a message uses. */
type TEntryTable = typeof forecasts | typeof budgetRevisions | typeof actuals;
type TEntryKind<T extends TEntryTable> = { table: T; entity: TAuditEntity; what: string };
const FORECAST: TEntryKind<typeof forecasts> = { table: forecasts, entity: 'economy_forecast', what: 'Prognosen' };
const BUDGET_REVISION: TEntryKind<typeof budgetRevisions> = { table: budgetRevisions, entity: 'economy_budget_revision', what: 'Budsjettrevisjonen' };
const MANUAL_ACTUAL: TEntryKind<typeof actuals> = { table: actuals, entity: 'economy_actual', what: 'Regnskapstallet' };

/** A fingerprint of a row as stored: equal rows give equal versions, any change gives another. */
export function rowVersion(row: Record<string, unknown>): string {
  const canonical = JSON.stringify(Object.keys(row).sort().map((k) => {
    const v = row[k];
    return [k, v instanceof Date ? v.toISOString() : v ?? null];
  }));
  return createHash('sha256').update(canonical).digest('hex').slice(0, 20);
}

export const withVersion = <T extends Record<string, unknown>>(row: T): T & { version: string } => ({ ...row, version: rowVersion(row) });

/** 409 `stale` with the version stored now, as every edit made on an older revision is refused. */
function staleEntry(what: string, current: string) {
  return stale(`${what} er endret av noen andre siden du hentet den; last inn på nytt og prøv igjen`, { version: current });
}

/** The line's cooperation decides who may touch an entry; another cooperation's entry does not exist here. */
async function lineCooperation(db: DbOrTx, lineId: string): Promise<string | undefined> {
  const line = await db.query.economyLines.findFirst({ where: eq(economyLines.id, lineId), columns: { cooperationId: true } });
  return line?.cooperationId;
}

/** Loads the row locked for the rest of the transaction, in the caller's cooperation, at the version read. */
async function lockAtVersion<T extends { lineId: string }>(tx: DbOrTx, options: {
  load: () => Promise<T | undefined>; cooperationId: string; version: string; what: string;
}): Promise<T> {
  const row = await options.load();
  if (!row || (await lineCooperation(tx, row.lineId)) !== options.cooperationId) throw notFound(options.what);
  const current = rowVersion(row);
  if (current !== options.version) throw staleEntry(options.what, current);
  return row;
}

/** The fields sent that differ from the row as stored; empty when the correction changes nothing. */
function changedFields<T extends Record<string, unknown>>(before: Record<string, unknown>, changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([k, v]) => v !== undefined && before[k] !== v)) as Partial<T>;
}

/** Which entry, in which cooperation, at the version the caller read. */
type TEntryAt = { id: string; cooperationId: string; version: string };

/** The entry locked for the rest of the transaction, in the caller's cooperation, at the version read. */
async function lockEntry<T extends TEntryTable>(tx: DbOrTx, kind: TEntryKind<T>, at: TEntryAt): Promise<T['$inferSelect']> {
  const table: TEntryTable = kind.table;
  return lockAtVersion<T['$inferSelect']>(tx, {
    load: async () => (await tx.select().from(table).where(eq(table.id, at.id)).for('update'))[0] as T['$inferSelect'] | undefined,
    cooperationId: at.cooperationId, version: at.version, what: kind.what,
  });
}

/** A correction moved to another line must name one of the cooperation's lines, and keep its date in the entry's year. */
async function checkMove(tx: DbOrTx, cooperationId: string, changes: { lineId?: string; date?: string }, year?: number) {
  if (changes.lineId !== undefined) await requireLine(tx, { id: changes.lineId, cooperationId, field: 'lineId' });
  if (changes.date !== undefined && year !== undefined) requireDateInYear(changes.date, year);
}

/** Writes the fields that differ and bumps the revision, with the audit entry; a correction that changes nothing writes nothing. */
async function writeCorrection<T extends TEntryTable>(tx: DbOrTx, actor: Actor, kind: TEntryKind<T>, before: T['$inferSelect'], changes: Record<string, unknown>) {
  const changed = changedFields(before, changes);
  if (!Object.keys(changed).length) return withVersion(before);
  const table: TEntryTable = kind.table;
  const [after] = await tx.update(table).set({ ...changed, revision: sql`${table.revision} + 1` }).where(eq(table.id, before.id)).returning();
  await recordAudit(tx, actor, { action: 'update', entity: kind.entity, entityId: before.id, before, after: after! });
  return withVersion(after as T['$inferSelect']);
}

async function deleteEntry<T extends TEntryTable>(tx: DbOrTx, actor: Actor, kind: TEntryKind<T>, before: T['$inferSelect']) {
  const table: TEntryTable = kind.table;
  await tx.delete(table).where(eq(table.id, before.id));
  await recordAudit(tx, actor, { action: 'delete', entity: kind.entity, entityId: before.id, before });
}

export async function updateForecast(db: Db, actor: Actor, options: { id: string; cooperationId: string } & TUpdateForecastRequest) {
  const { id, cooperationId, version, ...changes } = options;
  return db.transaction(async (tx) => {
    const before = await lockEntry(tx, FORECAST, { id, cooperationId, version });
    await checkMove(tx, cooperationId, changes, before.year);
    return writeCorrection(tx, actor, FORECAST, before, changes);
  });
}

export async function deleteForecast(db: Db, actor: Actor, options: TEntryAt) {
  await db.transaction(async (tx) => deleteEntry(tx, actor, FORECAST, await lockEntry(tx, FORECAST, options)));
}

export async function updateBudgetRevision(db: Db, actor: Actor, options: { id: string; cooperationId: string } & TUpdateBudgetRevisionRequest) {
  const { id, cooperationId, version, ...changes } = options;
  return db.transaction(async (tx) => {
    const before = await lockEntry(tx, BUDGET_REVISION, { id, cooperationId, version });
    await checkMove(tx, cooperationId, changes, before.year);
    return writeCorrection(tx, actor, BUDGET_REVISION, before, changes);
  });
}

export async function deleteBudgetRevision(db: Db, actor: Actor, options: TEntryAt) {
  await db.transaction(async (tx) => deleteEntry(tx, actor, BUDGET_REVISION, await lockEntry(tx, BUDGET_REVISION, options)));
}

/** Only manual entries: an imported row belongs to its ledger import and changes by importing again. */
async function lockManualActual(tx: DbOrTx, options: TEntryAt) {
  const row = await lockEntry(tx, MANUAL_ACTUAL, options);
  if (row.source !== 'manuell') throw conflict('Importerte regnskapstall endres ved å importere perioden på nytt, ikke her');
  return row;
}

export async function updateManualActual(db: Db, actor: Actor, options: { id: string; cooperationId: string } & TUpdateManualActualRequest) {
  const { id, cooperationId, version, ...changes } = options;
  return db.transaction(async (tx) => {
    const before = await lockManualActual(tx, { id, cooperationId, version });
    await checkMove(tx, cooperationId, changes);
    return writeCorrection(tx, actor, MANUAL_ACTUAL, before, changes);
  });
}

export async function deleteManualActual(db: Db, actor: Actor, options: TEntryAt) {
  await db.transaction(async (tx) => deleteEntry(tx, actor, MANUAL_ACTUAL, await lockManualActual(tx, options)));
}
