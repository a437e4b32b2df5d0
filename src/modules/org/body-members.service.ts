// Who sits in a body, in which role and for which municipality, from when to when. The notice goes to
// the members sitting on the meeting's day. A deputy may name the member (person) they stand in for; a
// role change in the middle of a period is one action that ends one membership and starts the next.
import { and, asc, eq, gte, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client.js';
import { lockAtRevision, nextRevision } from '../../lib/revision.js';
import { formatDate } from '../../lib/norwegian-format.js';
import type { Actor } from '../../server/context.js';
import { badRequest, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { getBody } from './bodies.service.js';
import { assertMunicipalityExists, assertPersonExists } from './integrity.js';
import type { TChangeBodyMemberRoleRequest, TCreateBodyMemberRequest, TUpdateBodyMemberRequest } from './model.js';
import { bodyMembers, municipalities, people } from './schema.js';
import { BODY_MEMBER_ROLES, DEPUTY_ROLE } from './vocabulary.js';
import { createAudited, deleteAudited, updateAudited, type TAggregate, type TEdit } from './revision.js';

const deputyFor = alias(people, 'deputy_for');

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
  deputyForPersonId: bodyMembers.deputyForPersonId,
  // As the papers write a name: "Gjørtz, Fred".
  deputyForName: sql<string | null>`case when ${deputyFor.id} is null then null else ${deputyFor.familyName} || ', ' || ${deputyFor.givenName} end`,
  revision: bodyMembers.revision,
};

// Papers list the leader first, then the deputy, members, substitutes, observers and the secretary.
const roleOrder = sql`array_position(array[${sql.join(BODY_MEMBER_ROLES.map((r) => sql`${r}`), sql`, `)}]::text[], ${bodyMembers.role}::text)`;

function selectBodyMembers(db: DbOrTx) {
  return db.select(bodyMemberColumns).from(bodyMembers)
    .innerJoin(people, eq(people.id, bodyMembers.personId))
    .leftJoin(municipalities, eq(municipalities.id, bodyMembers.municipalityId))
    .leftJoin(deputyFor, eq(deputyFor.id, bodyMembers.deputyForPersonId));
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

const deputyField = (message: string) => badRequest(message, [{ path: 'deputyForPersonId', message }]);

/**
 * A deputy's member must be someone else who sits, or has sat, in the same body in a role that is not
 * itself a deputy's; and only a deputy names one (the request schema says so too, for the fields sent).
 */
async function assertDeputyFor(tx: DbOrTx, o: { bodyId: string; personId: string; role: string; deputyForPersonId: string | null }) {
  if (!o.deputyForPersonId) return;
  if (o.role !== DEPUTY_ROLE) throw deputyField('Bare et varamedlem kan stå for et annet medlem');
  if (o.deputyForPersonId === o.personId) throw deputyField('Et varamedlem kan ikke stå for seg selv');
  const [member] = await tx.select({ id: bodyMembers.id }).from(bodyMembers).where(and(
    eq(bodyMembers.bodyId, o.bodyId), eq(bodyMembers.personId, o.deputyForPersonId), ne(bodyMembers.role, DEPUTY_ROLE),
  )).limit(1);
  if (!member) throw deputyField('Den varamedlemmet står for, er ikke medlem av organet');
}

export async function createBodyMember(db: Db, actor: Actor, options: { bodyId: string } & TCreateBodyMemberRequest) {
  const deputyForPersonId = options.deputyForPersonId ?? null;
  return createAudited(db, actor, bodyMember, {
    bodyId: options.bodyId, personId: options.personId, role: options.role,
    municipalityId: options.municipalityId ?? null, fromDate: options.fromDate, toDate: options.toDate ?? null, deputyForPersonId,
  }, async (tx) => {
    await getBody(tx, options.bodyId);
    await assertPersonExists(tx, options.personId, 'personId');
    await assertMunicipalityExists(tx, options.municipalityId, 'municipalityId');
    await assertDeputyFor(tx, { bodyId: options.bodyId, personId: options.personId, role: options.role, deputyForPersonId });
  });
}

export async function updateBodyMember(db: Db, actor: Actor, options: TEdit<TUpdateBodyMemberRequest>) {
  const { id, revision, ...requested } = options;
  // A change to a role other than a deputy's drops the deputy's member it no longer may name.
  const patch = requested.role && requested.role !== DEPUTY_ROLE && requested.deputyForPersonId === undefined
    ? { ...requested, deputyForPersonId: null } : requested;
  return updateAudited(db, actor, bodyMember, { id, revision, patch }, async (tx, before) => {
    await assertMunicipalityExists(tx, patch.municipalityId, 'municipalityId');
    const fromDate = patch.fromDate ?? before.fromDate;
    const toDate = patch.toDate === undefined ? before.toDate : patch.toDate;
    if (toDate && toDate < fromDate) {
      throw badRequest('Til-dato kan ikke være før fra-dato', [{ path: 'toDate', message: 'Til-dato kan ikke være før fra-dato' }]);
    }
    await assertDeputyFor(tx, {
      bodyId: before.bodyId, personId: before.personId, role: patch.role ?? before.role,
      deputyForPersonId: patch.deputyForPersonId === undefined ? before.deputyForPersonId : patch.deputyForPersonId,
    });
  });
}

/** The ISO day before an ISO day. */
export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A role change as one action (a member becomes leader from 1 July): the membership read at `revision`
 * ends the day before `from`, and a new membership in the new role starts on `from` and runs to the old
 * one's end. One transaction with both audit entries; a refusal writes neither.
 */
export async function changeBodyMemberRole(db: Db, actor: Actor, options: { id: string } & Omit<TChangeBodyMemberRoleRequest, 'revision'> & { revision?: number }) {
  return db.transaction(async (tx) => {
    await lockAtRevision(tx, bodyMembers, options.id, options.revision, 'Organmedlemmet');
    const before = await getBodyMember(tx, options.id);
    const field = (message: string) => badRequest(message, [{ path: 'from', message }]);
    if (options.from <= before.fromDate) throw field(`Den nye rollen må begynne etter ${formatDate(before.fromDate)}, da medlemskapet begynte`);
    if (before.toDate && options.from > before.toDate) throw field(`Medlemskapet sluttet ${formatDate(before.toDate)}; en ny rolle etter det er et nytt medlemskap`);
    const municipalityId = options.municipalityId === undefined ? before.municipalityId : options.municipalityId;
    const deputyForPersonId = options.deputyForPersonId ?? null;
    if (options.role === before.role && municipalityId === before.municipalityId && deputyForPersonId === before.deputyForPersonId) {
      throw badRequest('Rollen er den samme som før; endre medlemskapet i stedet', [{ path: 'role', message: 'Velg en annen rolle' }]);
    }
    await assertMunicipalityExists(tx, municipalityId, 'municipalityId');
    await assertDeputyFor(tx, { bodyId: before.bodyId, personId: before.personId, role: options.role, deputyForPersonId });

    await tx.update(bodyMembers).set({ toDate: dayBefore(options.from), revision: nextRevision(bodyMembers) }).where(eq(bodyMembers.id, before.id));
    const ended = await getBodyMember(tx, before.id);
    await recordAudit(tx, actor, { action: 'update', entity: 'body_member', entityId: before.id, before, after: ended });
    const [inserted] = await tx.insert(bodyMembers).values({
      bodyId: before.bodyId, personId: before.personId, role: options.role, municipalityId,
      fromDate: options.from, toDate: before.toDate, deputyForPersonId,
    }).returning({ id: bodyMembers.id });
    const started = await getBodyMember(tx, inserted!.id);
    await recordAudit(tx, actor, { action: 'create', entity: 'body_member', entityId: started.id, after: started });
    return { ended, started };
  });
}

export async function deleteBodyMember(db: Db, actor: Actor, options: { id: string }) {
  await deleteAudited(db, actor, bodyMember, options.id);
}
