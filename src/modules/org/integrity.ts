// What the organisation's writes check before and after they touch a row: that what a request points at
// exists (400 on its field), and that a delete leaves nothing pointing at the row (409 saying what uses
// it) instead of letting the schema null or cascade it away.
import { eq, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { badRequest, conflict } from '../../server/errors.js';
import { cooperations, municipalities, people } from './schema.js';

// 23503 foreign_key_violation; 23001 restrict_violation, which newer PostgreSQL (and PGlite) raise for
// ON DELETE RESTRICT.
const REFERENCE_CODES = new Set(['23503', '23001']);

function isForeignKeyViolation(err: unknown): boolean {
  const code = (e: unknown) => (e as { code?: string } | null)?.code ?? '';
  return REFERENCE_CODES.has(code(err)) || REFERENCE_CODES.has(code((err as { cause?: unknown } | null)?.cause));
}

/**
 * Runs a delete; if another module's row still points at the target (a meeting at a body, a presenter at
 * a person), Postgres refuses and the transaction rolls back; the caller gets a 409 that says why.
 */
export async function refusingReferenced<T>(work: () => Promise<T>, message: string): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isForeignKeyViolation(err)) throw conflict(message);
    throw err;
  }
}

export async function assertMunicipalityExists(db: DbOrTx, id: string | null | undefined, field: string) {
  if (!id) return;
  const row = await db.query.municipalities.findFirst({ where: eq(municipalities.id, id), columns: { id: true } });
  if (!row) throw badRequest('Kommunen finnes ikke', [{ path: field, message: 'Kommunen finnes ikke' }]);
}

export async function assertPersonExists(db: DbOrTx, id: string | null | undefined, field: string) {
  if (!id) return;
  const row = await db.query.people.findFirst({ where: eq(people.id, id), columns: { id: true } });
  if (!row) throw badRequest('Personen finnes ikke', [{ path: field, message: 'Personen finnes ikke' }]);
}

export async function assertCooperationExists(db: DbOrTx, id: string, field: string) {
  const row = await db.query.cooperations.findFirst({ where: eq(cooperations.id, id), columns: { id: true } });
  if (!row) throw badRequest('Samarbeidet finnes ikke', [{ path: field, message: 'Samarbeidet finnes ikke' }]);
}

export type TUse = { label: string; table: PgTable; where: SQL };

/** Names of the uses that have rows, with their counts: ["medlemskap (2)"]. */
export async function countUses(db: DbOrTx, uses: TUse[]): Promise<string[]> {
  const found: string[] = [];
  for (const use of uses) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(use.table).where(use.where);
    const n = Number(row?.n ?? 0);
    if (n > 0) found.push(`${use.label} (${n})`);
  }
  return found;
}

/** Drizzle refuses an update with nothing to set; a PATCH with no fields is a no-op. */
export function definedOnly<T extends Record<string, unknown>>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
