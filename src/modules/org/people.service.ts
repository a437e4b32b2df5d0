// The people who appear in the papers (members, presenters, staff). A person still in a body, an
// account or a meeting's record is not deleted.
import { asc, eq, inArray } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { conflict, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { assertDepartmentExists, assertMunicipalityExists, countUses, definedOnly, refusingReferenced } from './integrity.js';
import type { TCreatePersonRequest, TUpdatePersonRequest } from './model.js';
import { bodyMembers, people, users } from './schema.js';
import { lockAtRevision, nextRevision, type TEdit } from './revision.js';

export async function listPeople(db: DbOrTx) {
  return db.select().from(people).orderBy(asc(people.familyName), asc(people.givenName));
}

export async function getPerson(db: DbOrTx, id: string) {
  const row = await db.query.people.findFirst({ where: eq(people.id, id) });
  if (!row) throw notFound('Personen');
  return row;
}

export async function createPerson(db: Db, actor: Actor, options: TCreatePersonRequest) {
  return db.transaction(async (tx) => {
    await assertMunicipalityExists(tx, options.municipalityId, 'municipalityId');
    await assertDepartmentExists(tx, options.departmentId, 'departmentId');
    const [row] = await tx.insert(people).values({
      familyName: options.familyName, givenName: options.givenName, email: options.email ?? null,
      title: options.title ?? null, municipalityId: options.municipalityId ?? null,
      departmentId: options.departmentId ?? null, positionPercent: options.positionPercent ?? null,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'person', entityId: row!.id, after: row });
    return row!;
  });
}

export async function updatePerson(db: Db, actor: Actor, options: TEdit<TUpdatePersonRequest>) {
  const { id, revision, ...patch } = options;
  return db.transaction(async (tx) => {
    await lockAtRevision(tx, people, id, revision, 'Personen');
    const before = await getPerson(tx, id);
    await assertMunicipalityExists(tx, patch.municipalityId, 'municipalityId');
    await assertDepartmentExists(tx, patch.departmentId, 'departmentId');
    const changes = definedOnly(patch);
    if (!Object.keys(changes).length) return before;
    const [after] = await tx.update(people).set({ ...changes, revision: nextRevision(people) }).where(eq(people.id, id)).returning();
    await recordAudit(tx, actor, { action: 'update', entity: 'person', entityId: id, before, after });
    return after!;
  });
}

export async function deletePerson(db: Db, actor: Actor, options: { id: string }) {
  const { id } = options;
  await refusingReferenced(() => db.transaction(async (tx) => {
    const before = await getPerson(tx, id);
    const uses = await countUses(tx, [
      { label: 'organmedlemskap', table: bodyMembers, where: eq(bodyMembers.personId, id) },
      { label: 'brukerkontoer', table: users, where: eq(users.personId, id) },
    ]);
    if (uses.length) throw conflict(`${before.givenName} ${before.familyName} kan ikke slettes fordi personen er i bruk: ${uses.join(', ')}`);
    await tx.delete(people).where(eq(people.id, id));
    await recordAudit(tx, actor, { action: 'delete', entity: 'person', entityId: id, before });
  }), 'Personen kan ikke slettes fordi den er saksansvarlig, har oppmøte eller har stemt i et møte');
}

/** Which of the ids name a person. */
export async function existingPersonIds(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.select({ id: people.id }).from(people).where(inArray(people.id, [...ids]));
  return new Set(rows.map((r) => r.id));
}

/**
 * The people as a subquery another module may join and sort by in SQL (names in the papers' order, a
 * search by the presenter's municipality): these columns are what org promises, not its table.
 */
export function personRows(alias = 'person') {
  return new QueryBuilder().select({
    id: people.id, familyName: people.familyName, givenName: people.givenName, municipalityId: people.municipalityId,
  }).from(people).as(alias);
}
