// The organisation's editable rows follow decision 0024 (src/lib/revision.ts): every row has an integer
// `revision`, and an edit names the revision it was made on.
//
// The create, edit and delete that every aggregate of org makes are written here once (an aggregate
// names its table, its audit entity, its noun and how a row is read); a service adds only its checks.
import { eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { lockAtRevision, nextRevision, type TRevisedTable } from '../../lib/revision.js';
import { conflict, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import type { TAuditEntity, TAuditSnapshot } from '../audit/vocabulary.js';
import { countUses, definedOnly, refusingReferenced, type TUse } from './integrity.js';

/**
 * An edit as a service takes it: the row's id and the request's fields. The HTTP request requires
 * `revision`; service callers without a screen (tests, sign-in linking an account) may leave it out and
 * edit whatever is stored.
 */
export type TEdit<TRequest> = { id: string } & Omit<TRequest, 'revision'> & { revision?: number };

/** One of org's aggregates: its table, what the audit log calls it, its noun in a refusal, how a row is read. */
export type TAggregate<TRow extends TAuditSnapshot> = {
  table: TRevisedTable;
  entity: TAuditEntity;
  what: string;
  read: (db: DbOrTx, id: string) => Promise<TRow>;
};

/** The row of the table by id as stored, or 404 naming it (`what`: «Kommunen»). */
export function rowReader<TTable extends TRevisedTable>(table: TTable, what: string) {
  return async (db: DbOrTx, id: string): Promise<TTable['$inferSelect']> => {
    const [row] = await db.select().from(table as PgTable).where(eq(table.id, id));
    if (!row) throw notFound(what);
    return row as TTable['$inferSelect'];
  };
}

/** Inserts the row after the service's checks, in one transaction with its audit entry; the row as read. */
export async function createAudited<TRow extends TAuditSnapshot>(
  db: Db, actor: Actor, aggregate: TAggregate<TRow>, values: Record<string, unknown>, check?: (tx: DbOrTx) => Promise<void>,
): Promise<TRow> {
  return db.transaction(async (tx) => {
    await check?.(tx);
    const [inserted] = await tx.insert(aggregate.table).values(values).returning({ id: aggregate.table.id }) as { id: string }[];
    const row = await aggregate.read(tx, inserted!.id);
    await recordAudit(tx, actor, { action: 'create', entity: aggregate.entity, entityId: inserted!.id, after: row });
    return row;
  });
}

/**
 * The edit: the row locked at the revision read, the service's checks against the row as it was, the
 * fields the request names written with the revision counted up, before and after in the audit log.
 * A request that changes nothing writes nothing and answers the row.
 */
export async function updateAudited<TRow extends TAuditSnapshot>(
  db: Db, actor: Actor, aggregate: TAggregate<TRow>,
  edit: { id: string; revision?: number; patch: Record<string, unknown> },
  check?: (tx: DbOrTx, before: TRow) => Promise<void>,
): Promise<TRow> {
  const { id } = edit;
  return db.transaction(async (tx) => {
    await lockAtRevision(tx, aggregate.table, id, edit.revision, aggregate.what);
    const before = await aggregate.read(tx, id);
    await check?.(tx, before);
    const changes = definedOnly(edit.patch);
    if (!Object.keys(changes).length) return before;
    await tx.update(aggregate.table).set({ ...changes, revision: nextRevision(aggregate.table) }).where(eq(aggregate.table.id, id));
    const after = await aggregate.read(tx, id);
    await recordAudit(tx, actor, { action: 'update', entity: aggregate.entity, entityId: id, before, after });
    return after;
  });
}

/**
 * The delete: refused (409) while `inUse` finds rows of this module that point at it, with the
 * sentence `refusal` makes of them; when `referenced` is given, also when another module's rows still
 * point at it (the database refuses, and the 409 says `referenced`).
 */
export async function deleteAudited<TRow extends TAuditSnapshot>(
  db: Db, actor: Actor, aggregate: TAggregate<TRow>, id: string,
  guard: { inUse?: TUse[]; refusal?: (before: TRow, uses: string) => string; referenced?: string } = {},
): Promise<void> {
  const work = () => db.transaction(async (tx) => {
    const before = await aggregate.read(tx, id);
    const uses = guard.inUse ? await countUses(tx, guard.inUse) : [];
    if (uses.length) throw conflict(guard.refusal!(before, uses.join(', ')));
    await tx.delete(aggregate.table).where(eq(aggregate.table.id, id));
    await recordAudit(tx, actor, { action: 'delete', entity: aggregate.entity, entityId: id, before });
  });
  await (guard.referenced ? refusingReferenced(work, guard.referenced) : work());
}
