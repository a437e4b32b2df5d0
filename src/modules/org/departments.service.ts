// The cooperation's own departments. A department with positions is not deleted; it is ended (its last
// day, `validTo`), and then keeps its positions for the staffing on earlier days. Staffing summaries
// are in staffing.service.ts.
import { and, asc, count, eq, gt, isNull, or } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { formatDate } from '../../lib/norwegian-format.js';
import type { Actor } from '../../server/context.js';
import { conflict } from '../../server/errors.js';
import { assertCooperationExists } from './integrity.js';
import type { TCreateDepartmentRequest, TUpdateDepartmentRequest } from './model.js';
import { departments, positions } from './schema.js';
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
  const values = { cooperationId: options.cooperationId, name: options.name, validTo: options.validTo ?? null };
  return createAudited(db, actor, department, values, (tx) => assertCooperationExists(tx, options.cooperationId, 'cooperationId'));
}

/** Renames or ends it; an end is refused (409) while a position in it runs past the new last day. */
export async function updateDepartment(db: Db, actor: Actor, options: TEdit<TUpdateDepartmentRequest>) {
  const { id, revision, ...patch } = options;
  return updateAudited(db, actor, department, { id, revision, patch }, async (tx, before) => {
    if (!patch.validTo) return;
    const [row] = await tx.select({ n: count() }).from(positions)
      .where(and(eq(positions.departmentId, id), or(isNull(positions.endDate), gt(positions.endDate, patch.validTo))));
    const n = Number(row?.n ?? 0);
    if (n > 0) {
      throw conflict(`${before.name} kan ikke avsluttes ${formatDate(patch.validTo)}: ${n === 1 ? 'én stilling løper' : `${n} stillinger løper`} lenger; avslutt ${n === 1 ? 'den' : 'dem'} først`);
    }
  });
}

/** Refused while it has positions; end it instead. */
export async function deleteDepartment(db: Db, actor: Actor, options: { id: string }) {
  await deleteAudited(db, actor, department, options.id, {
    inUse: [{ label: 'stillinger', table: positions, where: eq(positions.departmentId, options.id) }],
    refusal: (before, uses) => `${before.name} kan ikke slettes fordi avdelingen har ${uses}; avslutt den heller`,
  });
}
