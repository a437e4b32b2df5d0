// Positions (stillinger): a person's stillingsprosent in a department over time, as a list of periods.
// Every write locks the person's row first, so two writes about the same person queue and the checks
// below see each other's result: a person never has two overlapping positions in one department, and
// never more than 100 % in all on any day. A change from a date is one action (`changePosition`).
import { and, asc, eq, gte, isNull, lte, or, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { lockAtRevision, nextRevision } from '../../lib/revision.js';
import { formatDate } from '../../lib/norwegian-format.js';
import type { Actor } from '../../server/context.js';
import { badRequest, conflict, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { dayBefore } from './body-members.service.js';
import { resolveCooperationId } from './cooperations.service.js';
import { definedOnly } from './integrity.js';
import type { TChangePositionRequest, TCreatePositionRequest, TPosition, TUpdatePositionRequest } from './model.js';
import { departments, people, positions } from './schema.js';
import type { TEdit } from './revision.js';

/** Stillingsprosent as stored (hundredths, exact) and as the API speaks it (a percent with two decimals). */
export const toHundredths = (percent: number) => Math.round(percent * 100);
export const toPercent = (hundredths: number) => hundredths / 100;

const positionColumns = {
  id: positions.id,
  personId: positions.personId,
  familyName: people.familyName,
  givenName: people.givenName,
  departmentId: positions.departmentId,
  departmentName: departments.name,
  title: positions.title,
  fteHundredths: positions.fteHundredths,
  startDate: positions.startDate,
  endDate: positions.endDate,
  revision: positions.revision,
};

async function selectPositions(db: DbOrTx, where: SQL | undefined): Promise<TPosition[]> {
  const rows = await db.select(positionColumns).from(positions)
    .innerJoin(people, eq(people.id, positions.personId))
    .innerJoin(departments, eq(departments.id, positions.departmentId))
    .where(where)
    .orderBy(asc(people.familyName), asc(people.givenName), asc(positions.startDate), asc(departments.name));
  return rows.map(({ fteHundredths, ...r }) => ({ ...r, ftePercent: toPercent(fteHundredths) }));
}

/** The positions a period covers on `on`, as SQL. */
const runsOn = (on: string) => and(lte(positions.startDate, on), or(isNull(positions.endDate), gte(positions.endDate, on)));

/** The cooperation's positions (through their departments), or only those that run on `on`. */
export async function listPositions(db: DbOrTx, options: { cooperationId?: string; on?: string } = {}) {
  const cooperationId = await resolveCooperationId(db, options.cooperationId);
  return selectPositions(db, and(eq(departments.cooperationId, cooperationId), options.on ? runsOn(options.on) : undefined));
}

/** One person's positions, oldest first: their stillingsprosent over time. */
export async function listPositionsOfPerson(db: DbOrTx, personId: string) {
  const [person] = await db.select({ id: people.id }).from(people).where(eq(people.id, personId));
  if (!person) throw notFound('Personen');
  return selectPositions(db, eq(positions.personId, personId));
}

export async function getPosition(db: DbOrTx, id: string): Promise<TPosition> {
  const [row] = await selectPositions(db, eq(positions.id, id));
  if (!row) throw notFound('Stillingen');
  return row;
}

/** Locks the person's row to the end of the transaction: their position writes queue (404 when none). */
async function lockPerson(tx: DbOrTx, personId: string) {
  const [row] = await tx.select({ id: people.id, familyName: people.familyName, givenName: people.givenName })
    .from(people).where(eq(people.id, personId)).for('update');
  if (!row) throw notFound('Personen');
  return row;
}

type TPeriod = { id?: string; departmentId: string; fteHundredths: number; startDate: string; endDate: string | null };

const OPEN_END = '9999-12-31';
const overlaps = (a: TPeriod, b: TPeriod) => a.startDate <= (b.endDate ?? OPEN_END) && b.startDate <= (a.endDate ?? OPEN_END);
const periodText = (p: { startDate: string; endDate: string | null }) => `${formatDate(p.startDate)}–${p.endDate ? formatDate(p.endDate) : ''}`;
const percentText = (hundredths: number) => `${toPercent(hundredths).toLocaleString('nb-NO', { maximumFractionDigits: 2 })} %`;

/**
 * The department exists (400 on `field`) and lasts through the period: a position cannot run past the
 * department's last day.
 */
async function assertDepartmentCovers(tx: DbOrTx, period: TPeriod, field: string) {
  const [department] = await tx.select().from(departments).where(eq(departments.id, period.departmentId));
  if (!department) throw badRequest('Avdelingen finnes ikke', [{ path: field, message: 'Avdelingen finnes ikke' }]);
  if (department.validTo && (period.endDate ?? OPEN_END) > department.validTo) {
    const message = `${department.name} sluttet ${formatDate(department.validTo)}; stillingen må slutte senest da`;
    throw badRequest(message, [{ path: period.startDate > department.validTo ? 'startDate' : 'endDate', message }]);
  }
  return department;
}

/**
 * A person's positions, with `replaced` taken out and `added` put in, still make sense: no two overlap in
 * one department (409), and together they never pass 100 % on any day (409, naming the first such day).
 * A sum only grows where a period starts, so checking each start is enough.
 */
async function assertPersonPeriods(tx: DbOrTx, person: { id: string; familyName: string; givenName: string }, replaced: string[], added: TPeriod[]) {
  const kept = (await tx.select().from(positions).where(eq(positions.personId, person.id))).filter((p) => !replaced.includes(p.id));
  const all: TPeriod[] = [...kept, ...added];
  const name = `${person.givenName} ${person.familyName}`;
  for (const a of added) {
    const clash = kept.find((k) => k.departmentId === a.departmentId && overlaps(k, a));
    if (clash) throw conflict(`${name} har allerede en stilling i samme avdeling ${periodText(clash)}; periodene kan ikke overlappe`);
  }
  for (const day of [...new Set(all.map((p) => p.startDate))].sort()) {
    const sum = all.filter((p) => p.startDate <= day && (p.endDate ?? OPEN_END) >= day).reduce((s, p) => s + p.fteHundredths, 0);
    if (sum > 10_000) throw conflict(`Stillingene til ${name} blir til sammen ${percentText(sum)} fra ${formatDate(day)}; høyst 100 %`);
  }
}

export async function createPosition(db: Db, actor: Actor, options: { personId: string } & TCreatePositionRequest) {
  return db.transaction(async (tx) => {
    const person = await lockPerson(tx, options.personId);
    const period: TPeriod = {
      departmentId: options.departmentId, fteHundredths: toHundredths(options.ftePercent), startDate: options.startDate, endDate: options.endDate ?? null,
    };
    await assertDepartmentCovers(tx, period, 'departmentId');
    await assertPersonPeriods(tx, person, [], [period]);
    const [inserted] = await tx.insert(positions).values({ personId: person.id, title: options.title ?? null, ...period }).returning({ id: positions.id });
    const after = await getPosition(tx, inserted!.id);
    await recordAudit(tx, actor, { action: 'create', entity: 'position', entityId: after.id, after });
    return after;
  });
}

/** Edits the position read at `revision` (a correction, or its end date); the person's periods checked again. */
export async function updatePosition(db: Db, actor: Actor, options: TEdit<TUpdatePositionRequest>) {
  const { id, revision, ...requested } = options;
  return db.transaction(async (tx) => {
    await lockAtRevision(tx, positions, id, revision, 'Stillingen');
    const before = await getPosition(tx, id);
    const person = await lockPerson(tx, before.personId);
    const patch = definedOnly({
      departmentId: requested.departmentId, title: requested.title,
      fteHundredths: requested.ftePercent === undefined ? undefined : toHundredths(requested.ftePercent),
      startDate: requested.startDate, endDate: requested.endDate,
    });
    if (!Object.keys(patch).length) return before;
    const period: TPeriod = {
      id, departmentId: patch.departmentId ?? before.departmentId, fteHundredths: patch.fteHundredths ?? toHundredths(before.ftePercent),
      startDate: patch.startDate ?? before.startDate, endDate: patch.endDate === undefined ? before.endDate : patch.endDate,
    };
    if (period.endDate && period.endDate < period.startDate) {
      throw badRequest('Sluttdatoen kan ikke være før startdatoen', [{ path: 'endDate', message: 'Sluttdatoen kan ikke være før startdatoen' }]);
    }
    await assertDepartmentCovers(tx, period, 'departmentId');
    await assertPersonPeriods(tx, person, [id], [period]);
    await tx.update(positions).set({ ...patch, revision: nextRevision(positions) }).where(eq(positions.id, id));
    const after = await getPosition(tx, id);
    await recordAudit(tx, actor, { action: 'update', entity: 'position', entityId: id, before, after });
    return after;
  });
}

/**
 * A change from a date as one action (100 % becomes 80 % from 1 March): the position read at `revision`
 * ends the day before `from`, and a new one with the new stillingsprosent, title or department starts on
 * `from` and runs to the old one's end. One transaction with both audit entries; a refusal writes neither.
 */
export async function changePosition(db: Db, actor: Actor, options: { id: string } & Omit<TChangePositionRequest, 'revision'> & { revision?: number }) {
  return db.transaction(async (tx) => {
    await lockAtRevision(tx, positions, options.id, options.revision, 'Stillingen');
    const before = await getPosition(tx, options.id);
    const person = await lockPerson(tx, before.personId);
    const field = (message: string) => badRequest(message, [{ path: 'from', message }]);
    if (options.from <= before.startDate) throw field(`Endringen må gjelde fra en dag etter ${formatDate(before.startDate)}, da stillingen begynte`);
    if (before.endDate && options.from > before.endDate) throw field(`Stillingen sluttet ${formatDate(before.endDate)}; en stilling etter det er en ny stilling`);
    const started: TPeriod = {
      departmentId: options.departmentId ?? before.departmentId,
      fteHundredths: options.ftePercent === undefined ? toHundredths(before.ftePercent) : toHundredths(options.ftePercent),
      startDate: options.from, endDate: before.endDate,
    };
    const title = options.title === undefined ? before.title : options.title;
    if (started.departmentId === before.departmentId && started.fteHundredths === toHundredths(before.ftePercent) && title === before.title) {
      throw badRequest('Stillingen er den samme som før; oppgi ny stillingsprosent, tittel eller avdeling', [{ path: 'ftePercent', message: 'Oppgi en ny stillingsprosent' }]);
    }
    const ended: TPeriod = { id: before.id, departmentId: before.departmentId, fteHundredths: toHundredths(before.ftePercent), startDate: before.startDate, endDate: dayBefore(options.from) };
    await assertDepartmentCovers(tx, started, 'departmentId');
    await assertPersonPeriods(tx, person, [before.id], [ended, started]);

    await tx.update(positions).set({ endDate: ended.endDate, revision: nextRevision(positions) }).where(eq(positions.id, before.id));
    const endedRow = await getPosition(tx, before.id);
    await recordAudit(tx, actor, { action: 'update', entity: 'position', entityId: before.id, before, after: endedRow });
    const [inserted] = await tx.insert(positions).values({ personId: person.id, title, ...started }).returning({ id: positions.id });
    const startedRow = await getPosition(tx, inserted!.id);
    await recordAudit(tx, actor, { action: 'create', entity: 'position', entityId: startedRow.id, after: startedRow });
    return { ended: endedRow, started: startedRow };
  });
}

/** For a position registered by mistake; one that ended is ended (PATCH endDate), not deleted. */
export async function deletePosition(db: Db, actor: Actor, options: { id: string }) {
  await db.transaction(async (tx) => {
    const before = await getPosition(tx, options.id);
    await tx.delete(positions).where(eq(positions.id, options.id));
    await recordAudit(tx, actor, { action: 'delete', entity: 'position', entityId: options.id, before });
  });
}
