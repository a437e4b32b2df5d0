// Organisation use cases: the cooperation, members with membership periods, bodies and their members,
// people and user accounts. Every change writes the audit log in the same transaction, and a delete
// that something still points at is refused with a 409 instead of silently cascading.
import { and, asc, eq, gte, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor, Role } from '../../server/context.js';
import { badRequest, conflict, HttpError, notFound } from '../../server/errors.js';
import { hashPassword } from '../../server/auth/password.js';
import { recordAudit } from '../audit/service.js';
import { bodyHasLockedCaseNumbers } from '../governance/cases.service.js';
import {
  bodies, bodyMembers, cooperations, departments, memberships, municipalities, people, sessions, users,
} from './schema.js';
import type {
  TCreateBodyMemberRequest, TCreateBodyRequest, TCreateCooperationRequest, TCreateDepartmentRequest, TCreateMembershipRequest,
  TCreateMunicipalityRequest, TCreatePersonRequest, TUpdateBodyMemberRequest, TUpdateBodyRequest,
  TUpdateCooperationRequest, TUpdateMembershipRequest, TUpdateMunicipalityRequest, TUpdatePersonRequest,
  TUpdateDepartmentRequest, TUpdateUserRequest,
} from './model.js';

/** 2023-01-01 → 01.01.2023, as Norwegian papers write dates. */
export function formatNorwegianDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}.${m}.${y}`;
}

const periodText = (from: string, to: string | null) =>
  `${formatNorwegianDate(from)}–${to ? formatNorwegianDate(to) : ''}`;

// 23503 foreign_key_violation; 23001 restrict_violation, which newer PostgreSQL (and PGlite) raise for
// ON DELETE RESTRICT.
const REFERENCE_CODES = new Set(['23503', '23001']);

function isForeignKeyViolation(err: unknown): boolean {
  const code = (e: unknown) => (e as { code?: string } | null)?.code ?? '';
  return REFERENCE_CODES.has(code(err)) || REFERENCE_CODES.has(code((err as { cause?: unknown } | null)?.cause));
}

/**
 * Runs a delete; if another module's row still points at the target (a meeting at a body, a presenter at
 * a person), Postgres refuses and the transaction rolls back; the caller gets a 409 that says why.
 */
async function refusingReferenced<T>(work: () => Promise<T>, message: string): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (isForeignKeyViolation(err)) throw conflict(message);
    throw err;
  }
}

async function assertMunicipalityExists(db: DbOrTx, id: string | null | undefined, field: string) {
  if (!id) return;
  const row = await db.query.municipalities.findFirst({ where: eq(municipalities.id, id), columns: { id: true } });
  if (!row) throw badRequest('Kommunen finnes ikke', [{ path: field, message: 'Kommunen finnes ikke' }]);
}

async function assertPersonExists(db: DbOrTx, id: string | null | undefined, field: string) {
  if (!id) return;
  const row = await db.query.people.findFirst({ where: eq(people.id, id), columns: { id: true } });
  if (!row) throw badRequest('Personen finnes ikke', [{ path: field, message: 'Personen finnes ikke' }]);
}

async function assertDepartmentExists(db: DbOrTx, id: string | null | undefined, field: string) {
  if (!id) return;
  const row = await db.query.departments.findFirst({ where: eq(departments.id, id), columns: { id: true } });
  if (!row) throw badRequest('Avdelingen finnes ikke', [{ path: field, message: 'Avdelingen finnes ikke' }]);
}

async function assertCooperationExists(db: DbOrTx, id: string, field: string) {
  const row = await db.query.cooperations.findFirst({ where: eq(cooperations.id, id), columns: { id: true } });
  if (!row) throw badRequest('Samarbeidet finnes ikke', [{ path: field, message: 'Samarbeidet finnes ikke' }]);
}

// ---- cooperation -------------------------------------------------------------------------------

export async function listCooperations(db: DbOrTx) {
  return db.select().from(cooperations).orderBy(asc(cooperations.createdAt));
}

export async function getCooperation(db: DbOrTx, id: string) {
  const row = await db.query.cooperations.findFirst({ where: eq(cooperations.id, id) });
  if (!row) throw notFound('Samarbeidet');
  return row;
}

/**
 * The cooperation this install runs, or null before it is set up. One install runs one cooperation
 * (docs/decisions/0012): the API and the set-up page create no second one, so the answer is that one.
 * A database from before the rule may hold more; the oldest is then the install's, as it always was.
 */
export async function findInstallCooperation(db: DbOrTx) {
  const [row] = await db.select().from(cooperations).orderBy(asc(cooperations.createdAt), asc(cooperations.id)).limit(1);
  return row ?? null;
}

/** The install's cooperation, for a request that cannot do without it: 404 before set-up. */
export async function requireInstallCooperation(db: DbOrTx) {
  const row = await findInstallCooperation(db);
  if (!row) throw new HttpError(404, 'not_set_up', 'Samarbeidet er ikke satt opp ennå; en administrator setter det opp under Administrasjon');
  return row;
}

/**
 * Creates the install's cooperation; refused (409) when it has one, until hosting several cooperations
 * in one install is designed. The lock makes two concurrent creators queue, so only one gets through.
 */
export async function createInstallCooperation(db: Db, actor: Actor, options: TCreateCooperationRequest) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('samrad:install-cooperation'))`);
    const existing = await findInstallCooperation(tx);
    if (existing) {
      throw conflict(`Denne installasjonen har allerede samarbeidet ${existing.name}; én installasjon driver ett samarbeid. Endre det i stedet for å opprette et nytt`);
    }
    return createCooperation(tx as unknown as Db, actor, options);
  });
}

/** The cooperation a request names (404 when there is none such), or else the install's. */
export async function resolveCooperationId(db: DbOrTx, cooperationId?: string | null): Promise<string> {
  if (!cooperationId) return (await requireInstallCooperation(db)).id;
  const row = await db.query.cooperations.findFirst({ where: eq(cooperations.id, cooperationId), columns: { id: true } });
  if (!row) throw notFound('Samarbeidet');
  return row.id;
}

/** Any cooperation, also a second one: for the demo loader, tests and benches. People go through createInstallCooperation. */
export async function createCooperation(db: Db, actor: Actor, options: TCreateCooperationRequest) {
  return db.transaction(async (tx) => {
    await assertMunicipalityExists(tx, options.hostMunicipalityId, 'hostMunicipalityId');
    const [row] = await tx.insert(cooperations).values({
      name: options.name,
      shortName: options.shortName,
      hostMunicipalityId: options.hostMunicipalityId ?? null,
      founded: options.founded ?? null,
      organisationNumber: options.organisationNumber ?? null,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'cooperation', entityId: row!.id, after: row });
    return row!;
  });
}

export async function updateCooperation(db: Db, actor: Actor, options: { id: string } & TUpdateCooperationRequest) {
  const { id, ...patch } = options;
  return db.transaction(async (tx) => {
    const before = await getCooperation(tx, id);
    await assertMunicipalityExists(tx, patch.hostMunicipalityId, 'hostMunicipalityId');
    const changes = definedOnly(patch);
    if (!Object.keys(changes).length) return before;
    const [after] = await tx.update(cooperations).set(changes).where(eq(cooperations.id, id)).returning();
    await recordAudit(tx, actor, { action: 'update', entity: 'cooperation', entityId: id, before, after });
    return after!;
  });
}

/** What anyone may know: the name, today's member municipalities and the active bodies. */
export async function getPublicCooperation(db: DbOrTx, today: string) {
  const coop = await requireInstallCooperation(db);
  const members = await listMembersOn(db, coop.id, today);
  const bodyRows = await db.select({ id: bodies.id, name: bodies.name, kind: bodies.kind }).from(bodies)
    .where(and(eq(bodies.cooperationId, coop.id), eq(bodies.active, true))).orderBy(asc(bodies.name));
  return {
    name: coop.name,
    shortName: coop.shortName,
    members: members.map((m) => ({ name: m.name, number: m.number })),
    bodies: bodyRows,
  };
}

// ---- municipalities ----------------------------------------------------------------------------

export async function listMunicipalities(db: DbOrTx) {
  return db.select().from(municipalities).orderBy(asc(municipalities.name));
}

export async function getMunicipality(db: DbOrTx, id: string) {
  const row = await db.query.municipalities.findFirst({ where: eq(municipalities.id, id) });
  if (!row) throw notFound('Kommunen');
  return row;
}

export async function createMunicipality(db: Db, actor: Actor, options: TCreateMunicipalityRequest) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(municipalities).values({ name: options.name, number: options.number ?? null }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'municipality', entityId: row!.id, after: row });
    return row!;
  });
}

export async function updateMunicipality(db: Db, actor: Actor, options: { id: string } & TUpdateMunicipalityRequest) {
  const { id, ...patch } = options;
  return db.transaction(async (tx) => {
    const before = await getMunicipality(tx, id);
    const changes = definedOnly(patch);
    if (!Object.keys(changes).length) return before;
    const [after] = await tx.update(municipalities).set(changes).where(eq(municipalities.id, id)).returning();
    await recordAudit(tx, actor, { action: 'update', entity: 'municipality', entityId: id, before, after });
    return after!;
  });
}

export async function deleteMunicipality(db: Db, actor: Actor, options: { id: string }) {
  const { id } = options;
  await refusingReferenced(() => db.transaction(async (tx) => {
    const before = await getMunicipality(tx, id);
    // These references would be nulled or cascaded by the schema; history matters more, so refuse.
    const uses = await countUses(tx, [
      { label: 'medlemskap', table: memberships, where: eq(memberships.municipalityId, id) },
      { label: 'vertskommune', table: cooperations, where: eq(cooperations.hostMunicipalityId, id) },
      { label: 'personer', table: people, where: eq(people.municipalityId, id) },
      { label: 'organmedlemmer', table: bodyMembers, where: eq(bodyMembers.municipalityId, id) },
      { label: 'brukere', table: users, where: eq(users.municipalityId, id) },
    ]);
    if (uses.length) throw conflict(`${before.name} kan ikke slettes fordi den er i bruk: ${uses.join(', ')}`);
    await tx.delete(municipalities).where(eq(municipalities.id, id));
    await recordAudit(tx, actor, { action: 'delete', entity: 'municipality', entityId: id, before });
  }), 'Kommunen kan ikke slettes fordi andre data peker på den');
}

type TUse = { label: string; table: PgTable; where: SQL };

/** Names of the uses that have rows, with their counts: ["medlemskap (2)"]. */
async function countUses(db: DbOrTx, uses: TUse[]): Promise<string[]> {
  const found: string[] = [];
  for (const use of uses) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(use.table).where(use.where);
    const n = Number(row?.n ?? 0);
    if (n > 0) found.push(`${use.label} (${n})`);
  }
  return found;
}

/** Drizzle refuses an update with nothing to set; a PATCH with no fields is a no-op. */
function definedOnly<T extends Record<string, unknown>>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

// ---- memberships -------------------------------------------------------------------------------

const membershipColumns = {
  id: memberships.id,
  cooperationId: memberships.cooperationId,
  municipalityId: memberships.municipalityId,
  municipalityName: municipalities.name,
  joined: memberships.joined,
  left: memberships.left,
};

export async function listMemberships(db: DbOrTx, cooperationId: string) {
  await getCooperation(db, cooperationId);
  return db.select(membershipColumns).from(memberships)
    .innerJoin(municipalities, eq(municipalities.id, memberships.municipalityId))
    .where(eq(memberships.cooperationId, cooperationId))
    .orderBy(asc(municipalities.name), asc(memberships.joined));
}

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

export async function createMembership(db: Db, actor: Actor, options: { cooperationId: string } & TCreateMembershipRequest) {
  return db.transaction(async (tx) => {
    await getCooperation(tx, options.cooperationId);
    await assertMunicipalityExists(tx, options.municipalityId, 'municipalityId');
    const left = options.left ?? null;
    await assertNoOverlap(tx, { cooperationId: options.cooperationId, municipalityId: options.municipalityId, joined: options.joined, left });
    const [inserted] = await tx.insert(memberships).values({
      cooperationId: options.cooperationId, municipalityId: options.municipalityId, joined: options.joined, left,
    }).returning();
    const row = await getMembership(tx, inserted!.id);
    await recordAudit(tx, actor, { action: 'create', entity: 'membership', entityId: row.id, after: row });
    return row;
  });
}

export async function updateMembership(db: Db, actor: Actor, options: { id: string } & TUpdateMembershipRequest) {
  return db.transaction(async (tx) => {
    const before = await getMembership(tx, options.id);
    const joined = options.joined ?? before.joined;
    const left = options.left === undefined ? before.left : options.left;
    if (left && left < joined) {
      throw badRequest('Utmeldt kan ikke være før innmeldt', [{ path: 'left', message: 'Utmeldt kan ikke være før innmeldt' }]);
    }
    await assertNoOverlap(tx, { cooperationId: before.cooperationId, municipalityId: before.municipalityId, joined, left, exceptId: before.id });
    await tx.update(memberships).set({ joined, left }).where(eq(memberships.id, options.id));
    const after = await getMembership(tx, options.id);
    await recordAudit(tx, actor, { action: 'update', entity: 'membership', entityId: options.id, before, after });
    return after;
  });
}

export async function deleteMembership(db: Db, actor: Actor, options: { id: string }) {
  await db.transaction(async (tx) => {
    const before = await getMembership(tx, options.id);
    await tx.delete(memberships).where(eq(memberships.id, options.id));
    await recordAudit(tx, actor, { action: 'delete', entity: 'membership', entityId: options.id, before });
  });
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

// ---- departments -------------------------------------------------------------------------------

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

export async function updateDepartment(db: Db, actor: Actor, options: { id: string } & TUpdateDepartmentRequest) {
  const { id, ...patch } = options;
  return db.transaction(async (tx) => {
    const before = await getDepartment(tx, id);
    const changes = definedOnly(patch);
    if (!Object.keys(changes).length) return before;
    const [after] = await tx.update(departments).set(changes).where(eq(departments.id, id)).returning();
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

// ---- people ------------------------------------------------------------------------------------

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

export async function updatePerson(db: Db, actor: Actor, options: { id: string } & TUpdatePersonRequest) {
  const { id, ...patch } = options;
  return db.transaction(async (tx) => {
    const before = await getPerson(tx, id);
    await assertMunicipalityExists(tx, patch.municipalityId, 'municipalityId');
    await assertDepartmentExists(tx, patch.departmentId, 'departmentId');
    const changes = definedOnly(patch);
    if (!Object.keys(changes).length) return before;
    const [after] = await tx.update(people).set(changes).where(eq(people.id, id)).returning();
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

// ---- bodies ------------------------------------------------------------------------------------

export async function listBodies(db: DbOrTx, options: { cooperationId?: string; active?: boolean } = {}) {
  return db.select().from(bodies)
    .where(and(
      options.cooperationId ? eq(bodies.cooperationId, options.cooperationId) : undefined,
      options.active === undefined ? undefined : eq(bodies.active, options.active),
    ))
    .orderBy(asc(bodies.name));
}

export async function getBody(db: DbOrTx, id: string) {
  const row = await db.query.bodies.findFirst({ where: eq(bodies.id, id) });
  if (!row) throw notFound('Organet');
  return row;
}

const prefixRequired = () => badRequest('Løpende saksnummerering krever et prefiks (f.eks. ST)', [
  { path: 'casePrefix', message: 'Løpende saksnummerering krever et prefiks (f.eks. ST)' },
]);

export async function createBody(db: Db, actor: Actor, options: TCreateBodyRequest) {
  if (options.caseNumbering === 'running' && !options.casePrefix) throw prefixRequired();
  return db.transaction(async (tx) => {
    await assertCooperationExists(tx, options.cooperationId, 'cooperationId');
    const [row] = await tx.insert(bodies).values({
      cooperationId: options.cooperationId,
      name: options.name,
      kind: options.kind ?? 'rad',
      caseNumbering: options.caseNumbering ?? 'meeting',
      casePrefix: options.casePrefix ?? null,
      active: options.active ?? true,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'body', entityId: row!.id, after: row });
    return row!;
  });
}

export async function updateBody(db: Db, actor: Actor, options: { id: string } & TUpdateBodyRequest) {
  const { id, ...patch } = options;
  return db.transaction(async (tx) => {
    // The row lock orders this against the notice sender, which locks numbers under the same lock.
    const [before] = await tx.select().from(bodies).where(eq(bodies.id, id)).for('update');
    if (!before) throw notFound('Organet');
    const merged = { ...before, ...definedOnly(patch) };
    if (merged.caseNumbering === 'running' && !merged.casePrefix) throw prefixRequired();
    // A number sent out in a notice never changes, so neither may the scheme that made it: the body's
    // later numbers would no longer follow on from the ones members already have.
    const switchesScheme = merged.caseNumbering !== before.caseNumbering
      || (merged.caseNumbering === 'running' && merged.casePrefix !== before.casePrefix);
    if (switchesScheme && await bodyHasLockedCaseNumbers(tx, id)) {
      throw conflict(`${before.name} har saksnumre som er sendt ut i en innkalling; nummereringen og prefikset kan ikke endres lenger`);
    }
    const changes = definedOnly(patch);
    if (!Object.keys(changes).length) return before;
    const [after] = await tx.update(bodies).set(changes).where(eq(bodies.id, id)).returning();
    await recordAudit(tx, actor, { action: 'update', entity: 'body', entityId: id, before, after });
    return after!;
  });
}

export async function deleteBody(db: Db, actor: Actor, options: { id: string }) {
  const { id } = options;
  await refusingReferenced(() => db.transaction(async (tx) => {
    const before = await getBody(tx, id);
    const uses = await countUses(tx, [{ label: 'medlemmer', table: bodyMembers, where: eq(bodyMembers.bodyId, id) }]);
    if (uses.length) throw conflict(`${before.name} kan ikke slettes fordi organet har ${uses.join(', ')}; sett det heller som inaktivt`);
    await tx.delete(bodies).where(eq(bodies.id, id));
    await recordAudit(tx, actor, { action: 'delete', entity: 'body', entityId: id, before });
  }), 'Organet kan ikke slettes fordi det har møter eller saker; sett det heller som inaktivt');
}

// ---- body members ------------------------------------------------------------------------------

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
};

// Papers list the leader first, then the deputy, members, substitutes, observers and the secretary.
const roleOrder = sql`array_position(array['leder','nestleder','medlem','varamedlem','observator','sekretar']::text[], ${bodyMembers.role}::text)`;

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

export async function createBodyMember(db: Db, actor: Actor, options: { bodyId: string } & TCreateBodyMemberRequest) {
  return db.transaction(async (tx) => {
    await getBody(tx, options.bodyId);
    await assertPersonExists(tx, options.personId, 'personId');
    await assertMunicipalityExists(tx, options.municipalityId, 'municipalityId');
    const [inserted] = await tx.insert(bodyMembers).values({
      bodyId: options.bodyId, personId: options.personId, role: options.role,
      municipalityId: options.municipalityId ?? null, fromDate: options.fromDate, toDate: options.toDate ?? null,
    }).returning();
    const row = await getBodyMember(tx, inserted!.id);
    await recordAudit(tx, actor, { action: 'create', entity: 'body_member', entityId: row.id, after: row });
    return row;
  });
}

export async function updateBodyMember(db: Db, actor: Actor, options: { id: string } & TUpdateBodyMemberRequest) {
  const { id, ...patch } = options;
  return db.transaction(async (tx) => {
    const before = await getBodyMember(tx, id);
    await assertMunicipalityExists(tx, patch.municipalityId, 'municipalityId');
    const fromDate = patch.fromDate ?? before.fromDate;
    const toDate = patch.toDate === undefined ? before.toDate : patch.toDate;
    if (toDate && toDate < fromDate) {
      throw badRequest('Til-dato kan ikke være før fra-dato', [{ path: 'toDate', message: 'Til-dato kan ikke være før fra-dato' }]);
    }
    const changes = definedOnly(patch);
    if (!Object.keys(changes).length) return before;
    await tx.update(bodyMembers).set(changes).where(eq(bodyMembers.id, id));
    const after = await getBodyMember(tx, id);
    await recordAudit(tx, actor, { action: 'update', entity: 'body_member', entityId: id, before, after });
    return after;
  });
}

export async function deleteBodyMember(db: Db, actor: Actor, options: { id: string }) {
  await db.transaction(async (tx) => {
    const before = await getBodyMember(tx, options.id);
    await tx.delete(bodyMembers).where(eq(bodyMembers.id, options.id));
    await recordAudit(tx, actor, { action: 'delete', entity: 'body_member', entityId: options.id, before });
  });
}

// ---- users -------------------------------------------------------------------------------------

export type TCreateUserOptions = {
  email: string;
  name: string;
  role: Role;
  password?: string;
  municipalityId?: string | null;
  personId?: string | null;
  /** Only the demo loader sets this: the account has the published demo password. */
  demo?: boolean;
};

/** The account without secrets, as the API and the audit log show it. */
export function publicUser(u: typeof users.$inferSelect) {
  const { passwordHash: _p, ...rest } = u;
  return { ...rest, hasPassword: Boolean(_p) };
}

const municipalityRequired = () => badRequest('En kommunebruker må høre til en kommune', [
  { path: 'municipalityId', message: 'En kommunebruker må høre til en kommune' },
]);

// The API refuses a municipality user without a municipality (ZCreateUserRequest); scripts and tests
// may create one to fill in later, and updateUser then insists on it.
export async function createUser(db: Db, actor: Actor, options: TCreateUserOptions) {
  const passwordHash = options.password ? await hashPassword(options.password) : null;
  return db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, options.email);
    if (existing) throw conflict(`Det finnes allerede en bruker med e-post ${options.email}`);
    await assertMunicipalityExists(tx, options.municipalityId, 'municipalityId');
    await assertPersonExists(tx, options.personId, 'personId');
    const [user] = await tx.insert(users).values({
      email: options.email.trim(),
      name: options.name,
      role: options.role,
      municipalityId: options.municipalityId ?? null,
      personId: options.personId ?? null,
      passwordHash,
      demo: options.demo ?? false,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'user', entityId: user!.id, after: publicUser(user!) });
    return publicUser(user!);
  });
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  return db.query.users.findFirst({ where: sql`lower(${users.email}) = ${email.trim().toLowerCase()}` });
}

export async function getUser(db: DbOrTx, id: string) {
  return db.query.users.findFirst({ where: eq(users.id, id) });
}

export async function findUserByOidcSubject(db: DbOrTx, subject: string) {
  return db.query.users.findFirst({ where: eq(users.oidcSubject, subject) });
}

async function requireUserRow(db: DbOrTx, id: string) {
  const user = await getUser(db, id);
  if (!user) throw notFound('Brukeren');
  return user;
}

export async function listUsers(db: DbOrTx) {
  const rows = await db.select().from(users).orderBy(asc(users.name));
  return rows.map(publicUser);
}

export async function getPublicUser(db: DbOrTx, id: string) {
  return publicUser(await requireUserRow(db, id));
}

/** Whether any demo account is left: the web shows its demo banner while one is. */
export async function hasDemoAccounts(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.demo, true)).limit(1);
  return Boolean(row);
}

/**
 * A demo account's password is in the README, so it must stay recognisably the demo's: it cannot be
 * renamed to a person or linked to a real sign-in. Make the person an account of their own instead.
 */
function refuseGivingAwayDemoAccount(user: typeof users.$inferSelect, change: 'name' | 'oidc') {
  if (!user.demo) return;
  throw conflict(change === 'name'
    ? `${user.email} er en demokonto med kjent passord og kan ikke gis navnet til en person; opprett en egen konto i stedet`
    : `${user.email} er en demokonto med kjent passord og kan ikke knyttes til en innlogging hos en identitetsleverandør; opprett en egen konto i stedet`);
}

export async function updateUser(db: Db, actor: Actor, options: { id: string } & TUpdateUserRequest) {
  const { id, ...patch } = options;
  // An admin who locks themselves out leaves nobody to undo it.
  if (actor.userId === id && (patch.disabled === true || (patch.role && patch.role !== 'admin'))) {
    throw conflict('Du kan ikke deaktivere eller fjerne administratorrollen fra deg selv');
  }
  return db.transaction(async (tx) => {
    const beforeRow = await requireUserRow(tx, id);
    if (patch.name !== undefined && patch.name !== beforeRow.name) refuseGivingAwayDemoAccount(beforeRow, 'name');
    if (patch.oidcSubject) refuseGivingAwayDemoAccount(beforeRow, 'oidc');
    const merged = { ...beforeRow, ...definedOnly(patch) };
    if (merged.role === 'municipality' && !merged.municipalityId) throw municipalityRequired();
    await assertMunicipalityExists(tx, patch.municipalityId, 'municipalityId');
    await assertPersonExists(tx, patch.personId, 'personId');
    const changes = definedOnly(patch);
    if (!Object.keys(changes).length) return publicUser(beforeRow);
    const [afterRow] = await tx.update(users).set(changes).where(eq(users.id, id)).returning();
    // A disabled account or a changed role takes effect now, not when old sessions expire.
    if (patch.disabled === true || (patch.role && patch.role !== beforeRow.role)) {
      await tx.delete(sessions).where(eq(sessions.userId, id));
    }
    await recordAudit(tx, actor, { action: 'update', entity: 'user', entityId: id, before: publicUser(beforeRow), after: publicUser(afterRow!) });
    return publicUser(afterRow!);
  });
}

/** Sets a new password chosen by an admin and ends the user's sessions. The hash never reaches the log. */
export async function resetUserPassword(db: Db, actor: Actor, options: { id: string; password: string }) {
  const passwordHash = await hashPassword(options.password);
  await db.transaction(async (tx) => {
    const before = await requireUserRow(tx, options.id);
    await tx.update(users).set({ passwordHash }).where(eq(users.id, options.id));
    await tx.delete(sessions).where(eq(sessions.userId, options.id));
    await recordAudit(tx, actor, {
      action: 'reset_password', entity: 'user', entityId: options.id,
      before: { hasPassword: Boolean(before.passwordHash) }, after: { hasPassword: true },
    });
  });
}

/** Ties an OpenID Connect subject to an existing account (first sign-in with a verified e-mail). */
export async function linkOidcSubject(db: Db, actor: Actor, options: { id: string; subject: string }) {
  return db.transaction(async (tx) => {
    const before = await requireUserRow(tx, options.id);
    refuseGivingAwayDemoAccount(before, 'oidc');
    const [after] = await tx.update(users).set({ oidcSubject: options.subject }).where(eq(users.id, options.id)).returning();
    await recordAudit(tx, actor, { action: 'link_oidc', entity: 'user', entityId: options.id, before: publicUser(before), after: publicUser(after!) });
    return after!;
  });
}
