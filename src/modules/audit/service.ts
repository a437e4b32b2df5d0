// Writes and reads the audit log. Writers call recordAudit inside the same transaction as the change,
// so a change and its audit row land together or not at all.
import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { auditLog } from './schema.js';
import type { TAuditAction, TAuditChange, TAuditEntity, TAuditSnapshot } from './vocabulary.js';

/**
 * One entry as a writer gives it: the kinds are vocabulary.ts's, and what it carries is the action's
 * (TAuditChange: a create its `after`, a delete its `before`, an update both, each an object).
 */
export type TAuditEntry = { entity: TAuditEntity; entityId: string } & TAuditChange;

export async function recordAudit(db: DbOrTx, actor: Actor, entry: TAuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorUserId: actor.userId,
    actorName: actor.name,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before === undefined ? null : toJson(entry.before),
    after: entry.after === undefined ? null : toJson(entry.after),
  });
}

/** A write that creates the thing or changes it: `update` with both when it existed (`before`), else `create`. */
export async function recordUpsertAudit(db: DbOrTx, actor: Actor, entry: {
  entity: TAuditEntity; entityId: string; before: TAuditSnapshot | null | undefined; after: TAuditSnapshot;
}): Promise<void> {
  const { before, ...rest } = entry;
  await recordAudit(db, actor, before ? { ...rest, action: 'update', before } : { ...rest, action: 'create' });
}

/**
 * An entry whose `after` a module computes in SQL, written only when that value is not null: for
 * entries that depend on data the writer would otherwise have to read first (a read of a meeting's
 * papers is audited only when the meeting has exempt cases). One statement, no round trip.
 */
export async function recordAuditIf(db: DbOrTx, actor: Actor, entry: { action: TAuditAction; entity: TAuditEntity; entityId: string }, after: SQL): Promise<void> {
  await db.execute(sql`insert into ${auditLog} (actor_user_id, actor_name, action, entity, entity_id, after)
    select ${actor.userId}, ${actor.name}, ${entry.action}, ${entry.entity}, ${entry.entityId}, candidate.after
    from (select (${after})::jsonb as after) as candidate
    where candidate.after is not null`);
}

// Dates and bigints do not survive jsonb as-is; a JSON round trip stores what a reader will see.
function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}

export type TListAuditOptions = {
  entity?: TAuditEntity;
  entityId?: string;
  actorUserId?: string;
  from?: Date;
  to?: Date;
  limit?: number;
};

export async function listAudit(db: DbOrTx, options: TListAuditOptions = {}) {
  const where: SQL[] = [];
  if (options.entity) where.push(eq(auditLog.entity, options.entity));
  if (options.entityId) where.push(eq(auditLog.entityId, options.entityId));
  if (options.actorUserId) where.push(eq(auditLog.actorUserId, options.actorUserId));
  if (options.from) where.push(gte(auditLog.at, options.from));
  if (options.to) where.push(lte(auditLog.at, options.to));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(Math.min(options.limit ?? 200, 1000));
}
