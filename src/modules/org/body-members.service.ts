// Who sits in a body, in which role and for which municipality, from when to when. The notice goes to
// the members sitting on the meeting's day.
import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, notFound } from '../../server/errors.js';
import { getBody } from './bodies.service.js';
import { assertMunicipalityExists, assertPersonExists } from './integrity.js';
import type { TCreateBodyMemberRequest, TUpdateBodyMemberRequest } from './model.js';
import { bodyMembers, municipalities, people } from './schema.js';
import { BODY_MEMBER_ROLES } from './vocabulary.js';
import { createAudited, deleteAudited, updateAudited, type TAggregate, type TEdit } from './revision.js';

const bodyMemberColumns = {
  id: bodyMembers.id,
  bodyId: bodyMembers.bodyId,
  personId: bodyMembers.personId,
  familyName: people.familyName,
  givenName: people.givenName,
  email: people.email,
  title: people.title,
  role: bodyMembers.role,
  municipalityId: bodyMembers.municipalityId,
  municipalityName: municipalities.name,
  fromDate: bodyMembers.fromDate,
  toDate: bodyMembers.toDate,
  revision: bodyMembers.revision,
};

// Papers list the leader first, then the deputy, members, substitutes, observers and the secretary.
const roleOrder = sql`array_position(array[${sql.join(BODY_MEMBER_ROLES.map((r) => sql`${r}`), sql`, `)}]::text[], ${bodyMembers.role}::text)`;

function selectBodyMembers(db: DbOrTx) {
  return db.select(bodyMemberColumns).from(bodyMembers)
    .innerJoin(people, eq(people.id, bodyMembers.personId))
    .leftJoin(municipalities, eq(municipalities.id, bodyMembers.municipalityId));
}

export type TBodyMember = Awaited<ReturnType<typeof listBodyMembersOn>>[number];

/** Everyone who has sat in the body, or only those sitting on the day when `on` is given. */
export async function listBodyMembers(db: DbOrTx, options: { bodyId: string; on?: string }) {
  await getBody(db, options.bodyId);
  if (options.on) return listBodyMembersOn(db, options.bodyId, options.on);
  return selectBodyMembers(db).where(eq(bodyMembers.bodyId, options.bodyId))
    .orderBy(roleOrder, asc(people.familyName), asc(bodyMembers.fromDate));
}

/** The members sitting in the body on the day, with their e-mail addresses (the notice goes to them). */
export async function listBodyMembersOn(db: DbOrTx, bodyId: string, date: string) {
  return selectBodyMembers(db).where(and(
    eq(bodyMembers.bodyId, bodyId),
    lte(bodyMembers.fromDate, date),
    or(isNull(bodyMembers.toDate), gte(bodyMembers.toDate, date)),
  )).orderBy(roleOrder, asc(people.familyName), asc(people.givenName));
}

async function getBodyMember(db: DbOrTx, id: string) {
  const [row] = await selectBodyMembers(db).where(eq(bodyMembers.id, id));
  if (!row) throw notFound('Organmedlemmet');
  return row;
}

const bodyMember: TAggregate<TBodyMember> = { table: bodyMembers, entity: 'body_member', what: 'Organmedlemmet', read: getBodyMember };

export async function createBodyMember(db: Db, actor: Actor, options: { bodyId: string } & TCreateBodyMemberRequest) {
  return createAudited(db, actor, bodyMember, {
    bodyId: options.bodyId, personId: options.personId, role: options.role,
    municipalityId: options.municipalityId ?? null, fromDate: options.fromDate, toDate: options.toDate ?? null,
  }, async (tx) => {
    await getBody(tx, options.bodyId);
    await assertPersonExists(tx, options.personId, 'personId');
    await assertMunicipalityExists(tx, options.municipalityId, 'municipalityId');
  });
}

export async function updateBodyMember(db: Db, actor: Actor, options: TEdit<TUpdateBodyMemberRequest>) {
  const { id, revision, ...patch } = options;
  return updateAudited(db, actor, bodyMember, { id, revision, patch }, async (tx, before) => {
    await assertMunicipalityExists(tx, patch.municipalityId, 'municipalityId');
    const fromDate = patch.fromDate ?? before.fromDate;
    const toDate = patch.toDate === undefined ? before.toDate : patch.toDate;
    if (toDate && toDate < fromDate) {
      throw badRequest('Til-dato kan ikke være før fra-dato', [{ path: 'toDate', message: 'Til-dato kan ikke være før fra-dato' }]);
    }
  });
}

export async function deleteBodyMember(db: Db, actor: Actor, options: { id: string }) {
  await deleteAudited(db, actor, bodyMember, options.id);
}
