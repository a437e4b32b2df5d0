// The people who appear in the papers (members, presenters, staff). A person still in a body, an
// account or a meeting's record is not deleted.
import { asc, eq, inArray } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { assertMunicipalityExists } from './integrity.js';
import type { TCreatePersonRequest, TUpdatePersonRequest } from './model.js';
import { bodyMembers, people, positions, users } from './schema.js';
import { createAudited, deleteAudited, rowReader, updateAudited, type TAggregate, type TEdit } from './revision.js';

type TPersonRow = typeof people.$inferSelect;

export async function listPeople(db: DbOrTx) {
  return db.select().from(people).orderBy(asc(people.familyName), asc(people.givenName));
}

export const getPerson = rowReader(people, 'Personen');

const person: TAggregate<TPersonRow> = { table: people, entity: 'person', what: 'Personen', read: getPerson };

/** The municipality a request names exists (400 on the field). */
async function assertPlaces(tx: DbOrTx, fields: { municipalityId?: string | null }) {
  await assertMunicipalityExists(tx, fields.municipalityId, 'municipalityId');
}

export async function createPerson(db: Db, actor: Actor, options: TCreatePersonRequest) {
  return createAudited(db, actor, person, {
    familyName: options.familyName, givenName: options.givenName, email: options.email ?? null,
    title: options.title ?? null, municipalityId: options.municipalityId ?? null, gender: options.gender ?? 'ikke_oppgitt',
  }, (tx) => assertPlaces(tx, options));
}

export async function updatePerson(db: Db, actor: Actor, options: TEdit<TUpdatePersonRequest>) {
  const { id, revision, ...patch } = options;
  return updateAudited(db, actor, person, { id, revision, patch }, (tx) => assertPlaces(tx, patch));
}

/** Refused while in a body, an account or a position, or named in another module's record (a presenter, a vote). */
export async function deletePerson(db: Db, actor: Actor, options: { id: string }) {
  const { id } = options;
  await deleteAudited(db, actor, person, id, {
    inUse: [
      { label: 'organmedlemskap', table: bodyMembers, where: eq(bodyMembers.personId, id) },
      { label: 'brukerkontoer', table: users, where: eq(users.personId, id) },
      { label: 'stillinger', table: positions, where: eq(positions.personId, id) },
    ],
    refusal: (before, uses) => `${before.givenName} ${before.familyName} kan ikke slettes fordi personen er i bruk: ${uses}`,
    referenced: 'Personen kan ikke slettes fordi den er saksansvarlig, har oppmøte eller har stemt i et møte',
  });
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
