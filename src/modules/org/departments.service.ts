// The cooperation's own departments and their staffing (people and summed stillingsprosent), for the
// annual report. A department with staff is not deleted; set it inactive instead.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { conflict, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { assertCooperationExists, countUses, definedOnly } from './integrity.js';
import type { TCreateDepartmentRequest, TUpdateDepartmentRequest } from './model.js';
import { departments, people } from './schema.js';
import { lockAtRevision, nextRevision, type TEdit } from './revision.js';

export async function listDepartments(db: DbOrTx, options: { cooperationId?: string } = {}) {
  return db.select().from(departments)
    .where(options.cooperationId ? eq(departments.cooperationId, options.cooperationId) : undefined)
    .orderBy(asc(departments.name));
}

export async function getDepartment(db: DbOrTx, id: string) {
  const row = await db.query.departments.findFirst({ where: eq(departments.id, id) });
  if (!row) throw notFound('Avdelingen');
  return row;
}

export async function createDepartment(db: Db, actor: Actor, options: TCreateDepartmentRequest) {
  return db.transaction(async (tx) => {
    await assertCooperationExists(tx, options.cooperationId, 'cooperationId');
    const [row] = await tx.insert(departments).values({
      cooperationId: options.cooperationId, name: options.name, active: options.active ?? true,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'department', entityId: row!.id, after: row });
    return row!;
  });
}

export async function updateDepartment(db: Db, actor: Actor, options: TEdit<TUpdateDepartmentRequest>) {
  const { id, revision, ...patch } = options;
  return db.transaction(async (tx) => {
    await lockAtRevision(tx, departments, id, revision, 'Avdelingen');
    const before = await getDepartment(tx, id);
    const changes = definedOnly(patch);
    if (!Object.keys(changes).length) return before;
    const [after] = await tx.update(departments).set({ ...changes, revision: nextRevision(departments) }).where(eq(departments.id, id)).returning();
    await recordAudit(tx, actor, { action: 'update', entity: 'department', entityId: id, before, after });
    return after!;
  });
}

export async function deleteDepartment(db: Db, actor: Actor, options: { id: string }) {
  const { id } = options;
  await db.transaction(async (tx) => {
    const before = await getDepartment(tx, id);
    const uses = await countUses(tx, [{ label: 'ansatte', table: people, where: eq(people.departmentId, id) }]);
    if (uses.length) throw conflict(`${before.name} kan ikke slettes fordi avdelingen har ${uses.join(', ')}; sett den heller som inaktiv`);
    await tx.delete(departments).where(eq(departments.id, id));
    await recordAudit(tx, actor, { action: 'delete', entity: 'department', entityId: id, before });
  });
}

/** People and summed stillingsprosent per department, for the annual report's staffing table. */
export async function listStaffingByDepartment(db: DbOrTx, cooperationId: string) {
  return db.select({
    departmentId: departments.id,
    name: departments.name,
    people: sql<number>`count(${people.id})::int`,
    positionPercent: sql<number>`coalesce(sum(${people.positionPercent}), 0)::int`,
  }).from(departments)
    .leftJoin(people, eq(people.departmentId, departments.id))
    .where(eq(departments.cooperationId, cooperationId))
    .groupBy(departments.id, departments.name)
    .orderBy(asc(departments.name));
}
