// The cooperation's own departments and their staffing (people and summed stillingsprosent), for the
// annual report. A department with staff is not deleted; set it inactive instead.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { assertCooperationExists } from './integrity.js';
import type { TCreateDepartmentRequest, TUpdateDepartmentRequest } from './model.js';
import { departments, people } from './schema.js';
import { createAudited, deleteAudited, rowReader, updateAudited, type TAggregate, type TEdit } from './revision.js';

type TDepartmentRow = typeof departments.$inferSelect;

export async function listDepartments(db: DbOrTx, options: { cooperationId?: string } = {}) {
  return db.select().from(departments)
    .where(options.cooperationId ? eq(departments.cooperationId, options.cooperationId) : undefined)
    .orderBy(asc(departments.name));
}

export const getDepartment = rowReader(departments, 'Avdelingen');

const department: TAggregate<TDepartmentRow> = { table: departments, entity: 'department', what: 'Avdelingen', read: getDepartment };

export async function createDepartment(db: Db, actor: Actor, options: TCreateDepartmentRequest) {
  const values = { cooperationId: options.cooperationId, name: options.name, active: options.active ?? true };
  return createAudited(db, actor, department, values, (tx) => assertCooperationExists(tx, options.cooperationId, 'cooperationId'));
}

export async function updateDepartment(db: Db, actor: Actor, options: TEdit<TUpdateDepartmentRequest>) {
  const { id, revision, ...patch } = options;
  return updateAudited(db, actor, department, { id, revision, patch });
}

/** Refused while it has staff; set it inactive instead. */
export async function deleteDepartment(db: Db, actor: Actor, options: { id: string }) {
  await deleteAudited(db, actor, department, options.id, {
    inUse: [{ label: 'ansatte', table: people, where: eq(people.departmentId, options.id) }],
    refusal: (before, uses) => `${before.name} kan ikke slettes fordi avdelingen har ${uses}; sett den heller som inaktiv`,
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
