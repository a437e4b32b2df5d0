// Optimistic concurrency for an editable row (decision 0024): the row has an integer `revision`; an
// edit names the revision it was made on, the row is locked and compared, and a stale one is refused
// with 409 `stale` and `current: { revision }`, writing nothing. Every write of the row counts the
// revision up by one in its UPDATE statement (`nextRevision`).
import { eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/client.js';
import { notFound, stale } from '../server/errors.js';

export type TRevisedTable = PgTable & { id: PgColumn; revision: PgColumn; $inferSelect: unknown };

/**
 * Locks the row for the rest of the transaction; 404 when it is gone (`what`: «Linjen»), 409 `stale`
 * when it has moved on from `expected`. Without `expected` (a service caller with no screen) it only locks.
 */
export async function lockAtRevision(tx: DbOrTx, table: TRevisedTable, id: string, expected: number | undefined, what: string) {
  const [row] = await tx.select({ revision: table.revision }).from(table as PgTable).where(eq(table.id, id)).for('update');
  if (!row) throw notFound(what);
  const current = Number(row.revision);
  if (expected !== undefined && current !== expected) {
    throw stale(`${what} er endret av noen andre siden du hentet opplysningene (nå versjon ${current}); last inn på nytt`, { revision: current });
  }
}

/** The next revision, set in the same statement as the change. */
export const nextRevision = (table: TRevisedTable) => sql`${table.revision} + 1`;
