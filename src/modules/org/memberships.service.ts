// Membership periods of the municipalities in a cooperation, and who was a member in a year or on a day
// (cost splits, annual reports and the public page ask). Periods are inclusive ISO dates and never
// overlap for one municipality in one cooperation.
import { and, asc, desc, eq, gte, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, conflict, notFound } from '../../server/errors.js';
import { getCooperation } from './cooperations.service.js';
import { assertMunicipalityExists } from './integrity.js';
import type { TCreateMembershipRequest, TUpdateMembershipRequest } from './model.js';
import { memberships, municipalities } from './schema.js';
import { createAudited, deleteAudited, updateAudited, type TAggregate, type TEdit } from './revision.js';

/** 2023-01-01 → 01.01.2023, as Norwegian papers write dates. */
function formatNorwegianDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}

const periodText = (from: string, to: string | null) =>
  `${formatNorwegianDate(from)}–${to ? formatNorwegianDate(to) : ''}`;

const membershipColumns = {
  id: memberships.id,
  cooperationId: memberships.cooperationId,
  municipalityId: memberships.municipalityId,
  municipalityName: municipalities.name,
  joined: memberships.joined,
  left: memberships.left,
  revision: memberships.revision,
};

export async function listMemberships(db: DbOrTx, cooperationId: string) {
  await getCooperation(db, cooperationId);
  return db.select(membershipColumns).from(memberships)
    .innerJoin(municipalities, eq(municipalities.id, memberships.municipalityId))
    .where(eq(memberships.cooperationId, cooperationId))
    .orderBy(asc(municipalities.name), asc(memberships.joined));
}

type TMembershipRow = Awaited<ReturnType<typeof getMembership>>;

async function getMembership(db: DbOrTx, id: string) {
  const [row] = await db.select(membershipColumns).from(memberships)
    .innerJoin(municipalities, eq(municipalities.id, memberships.municipalityId))
    .where(eq(memberships.id, id));
  if (!row) throw notFound('Medlemskapet');
  return row;
}

/**
 * A municipality is a member once at a time: two periods of the same municipality in the same
 * cooperation may not overlap. The municipality row is locked so two concurrent writers cannot both
 * pass the check.
 */
async function assertNoOverlap(tx: DbOrTx, period: {
  cooperationId: string; municipalityId: string; joined: string; left: string | null; exceptId?: string;
}) {
  await tx.execute(sql`select id from ${municipalities} where ${municipalities.id} = ${period.municipalityId} for update`);
  const clash = await tx.select({ joined: memberships.joined, left: memberships.left }).from(memberships).where(and(
    eq(memberships.cooperationId, period.cooperationId),
    eq(memberships.municipalityId, period.municipalityId),
    period.exceptId ? ne(memberships.id, period.exceptId) : undefined,
    or(isNull(memberships.left), gte(memberships.left, period.joined)),
    period.left ? lte(memberships.joined, period.left) : undefined,
  )).limit(1);
  if (clash[0]) {
    throw conflict(`Kommunen er allerede medlem i perioden ${periodText(clash[0].joined, clash[0].left)}; periodene kan ikke overlappe`);
  }
}

const membership: TAggregate<TMembershipRow> = { table: memberships, entity: 'membership', what: 'Medlemskapet', read: getMembership };

export async function createMembership(db: Db, actor: Actor, options: { cooperationId: string } & TCreateMembershipRequest) {
  const period = { cooperationId: options.cooperationId, municipalityId: options.municipalityId, joined: options.joined, left: options.left ?? null };
  return createAudited(db, actor, membership, period, async (tx) => {
    await getCooperation(tx, options.cooperationId);
    await assertMunicipalityExists(tx, options.municipalityId, 'municipalityId');
    await assertNoOverlap(tx, period);
  });
}

export async function updateMembership(db: Db, actor: Actor, options: TEdit<TUpdateMembershipRequest>) {
  const { id, revision, joined, left } = options;
  return updateAudited(db, actor, membership, { id, revision, patch: { joined, left } }, async (tx, before) => {
    const period = { joined: joined ?? before.joined, left: left === undefined ? before.left : left };
    if (period.left && period.left < period.joined) {
      throw badRequest('Utmeldt kan ikke være før innmeldt', [{ path: 'left', message: 'Utmeldt kan ikke være før innmeldt' }]);
    }
    await assertNoOverlap(tx, { cooperationId: before.cooperationId, municipalityId: before.municipalityId, ...period, exceptId: before.id });
  });
}

export async function deleteMembership(db: Db, actor: Actor, options: { id: string }) {
  await deleteAudited(db, actor, membership, options.id);
}

export type TMember = { municipalityId: string; name: string; number: string | null; joined: string; left: string | null };

async function listMembersBetween(db: DbOrTx, cooperationId: string, from: string, to: string): Promise<TMember[]> {
  const rows = await db.select({
    municipalityId: municipalities.id, name: municipalities.name, number: municipalities.number,
    joined: memberships.joined, left: memberships.left,
  }).from(memberships)
    .innerJoin(municipalities, eq(municipalities.id, memberships.municipalityId))
    .where(and(
      eq(memberships.cooperationId, cooperationId),
      lte(memberships.joined, to),
      or(isNull(memberships.left), gte(memberships.left, from)),
    ))
    .orderBy(asc(municipalities.name), asc(memberships.joined));
  // Periods do not overlap, but two may touch the same year (left in March, rejoined in May): one row each.
  const seen = new Set<string>();
  return rows.filter((r) => (seen.has(r.municipalityId) ? false : (seen.add(r.municipalityId), true)));
}

/** Municipalities that were members at any time during the year (cost splits and annual reports use this). */
export async function listMembersInYear(db: DbOrTx, cooperationId: string, year: number): Promise<TMember[]> {
  return listMembersBetween(db, cooperationId, `${year}-01-01`, `${year}-12-31`);
}

/** Municipalities that were members on the day (an ISO date; `left` is the last day as a member). */
export async function listMembersOn(db: DbOrTx, cooperationId: string, date: string): Promise<TMember[]> {
  return listMembersBetween(db, cooperationId, date, date);
}

/** The cooperation a municipality belongs to now: its newest membership's (null when it has none). */
export async function latestCooperationOf(db: DbOrTx, municipalityId: string): Promise<string | null> {
  const [row] = await db.select({ cooperationId: memberships.cooperationId }).from(memberships)
    .where(eq(memberships.municipalityId, municipalityId)).orderBy(desc(memberships.joined)).limit(1);
  return row?.cooperationId ?? null;
}

/** Every municipality that has been a member of the cooperation at any time, once each. */
export async function listMunicipalitiesEverMembers(db: DbOrTx, cooperationId: string) {
  return db.selectDistinct({ id: municipalities.id, name: municipalities.name, number: municipalities.number })
    .from(municipalities).innerJoin(memberships, eq(memberships.municipalityId, municipalities.id))
    .where(eq(memberships.cooperationId, cooperationId));
}
