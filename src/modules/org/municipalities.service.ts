// Municipalities: the members and the host. A municipality still in use (a membership, a person, an
// account) is not deleted: history matters more than a tidy list.
import { asc, eq, inArray } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import type { TCreateMunicipalityRequest, TUpdateMunicipalityRequest } from './model.js';
import { bodyMembers, cooperations, memberships, municipalities, people, users } from './schema.js';
import { createAudited, deleteAudited, rowReader, updateAudited, type TAggregate, type TEdit } from './revision.js';

type TMunicipalityRow = typeof municipalities.$inferSelect;

/** For other modules' writes that name a municipality: 400 on the field when it does not exist. */
export { assertMunicipalityExists } from './integrity.js';

export async function listMunicipalities(db: DbOrTx) {
  return db.select().from(municipalities).orderBy(asc(municipalities.name));
}

export const getMunicipality = rowReader(municipalities, 'Kommunen');

const municipality: TAggregate<TMunicipalityRow> = { table: municipalities, entity: 'municipality', what: 'Kommunen', read: getMunicipality };

export async function createMunicipality(db: Db, actor: Actor, options: TCreateMunicipalityRequest) {
  return createAudited(db, actor, municipality, { name: options.name, number: options.number ?? null });
}

export async function updateMunicipality(db: Db, actor: Actor, options: TEdit<TUpdateMunicipalityRequest>) {
  const { id, revision, ...patch } = options;
  return updateAudited(db, actor, municipality, { id, revision, patch });
}

/** Refused while in use (a membership, the host, a person, a body member, an account): history matters more. */
export async function deleteMunicipality(db: Db, actor: Actor, options: { id: string }) {
  const { id } = options;
  await deleteAudited(db, actor, municipality, id, {
    inUse: [
      { label: 'medlemskap', table: memberships, where: eq(memberships.municipalityId, id) },
      { label: 'vertskommune', table: cooperations, where: eq(cooperations.hostMunicipalityId, id) },
      { label: 'personer', table: people, where: eq(people.municipalityId, id) },
      { label: 'organmedlemmer', table: bodyMembers, where: eq(bodyMembers.municipalityId, id) },
      { label: 'brukere', table: users, where: eq(users.municipalityId, id) },
    ],
    refusal: (before, uses) => `${before.name} kan ikke slettes fordi den er i bruk: ${uses}`,
    referenced: 'Kommunen kan ikke slettes fordi andre data peker på den',
  });
}

/** Which of the ids name a municipality. */
export async function existingMunicipalityIds(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.select({ id: municipalities.id }).from(municipalities).where(inArray(municipalities.id, [...ids]));
  return new Set(rows.map((r) => r.id));
}

/** The name of each municipality, by id (all of them when no ids are given). */
export async function municipalityNames(db: DbOrTx, ids?: readonly string[]): Promise<Map<string, string>> {
  if (ids && !ids.length) return new Map();
  const rows = await db.select({ id: municipalities.id, name: municipalities.name }).from(municipalities)
    .where(ids ? inArray(municipalities.id, [...ids]) : undefined);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The municipalities as a subquery another module may join and sort by in SQL (a queue page ordered and
 * filtered by the database): these columns are what org promises, not its table.
 */
export function municipalityRows(alias = 'municipality') {
  return new QueryBuilder().select({ id: municipalities.id, name: municipalities.name, number: municipalities.number })
    .from(municipalities).as(alias);
}
