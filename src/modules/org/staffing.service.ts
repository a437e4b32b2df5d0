// Staffing: who works where, and how much, on a day (per department: people and stillingsprosent
// summed), for the admin page and the annual report's staffing table; and who the employer is.
import { and, asc, countDistinct, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { osloToday } from '../../lib/oslo-time.js';
import { getCooperation } from './cooperations.service.js';
import { toPercent } from './positions.service.js';
import { departments, municipalities, people, positions } from './schema.js';
import type { TCooperationForm, TStaffEmployer } from './vocabulary.js';

export type TEmployer = { kind: TStaffEmployer | null; name: string | null; stated: boolean };

/**
 * Who employs the staff: what the cooperation states, or else what its form implies. A vertskommune
 * cooperation is no legal entity (kommuneloven § 20-1), so its staff are the host municipality's; an IKS
 * employs its own. A kommunalt oppgavefellesskap (kap. 19) may or may not be a legal entity of its own,
 * so it, like another form, has none until the cooperation says.
 */
export function employerOf(cooperation: { name: string; form: TCooperationForm | null; staffEmployer: TStaffEmployer | null }, hostName: string | null): TEmployer {
  const implied: TStaffEmployer | null = cooperation.form === 'vertskommune' ? 'vertskommune' : cooperation.form === 'iks' ? 'samarbeidet' : null;
  const kind = cooperation.staffEmployer ?? implied;
  const name = kind === 'samarbeidet' ? cooperation.name : kind === 'vertskommune' ? hostName : null;
  return { kind, name, stated: cooperation.staffEmployer !== null };
}

export async function getEmployer(db: DbOrTx, cooperationId: string): Promise<TEmployer> {
  const cooperation = await getCooperation(db, cooperationId);
  const [host] = cooperation.hostMunicipalityId
    ? await db.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, cooperation.hostMunicipalityId))
    : [];
  return employerOf(cooperation, host?.name ?? null);
}

/** Women and men among the people counted (each person once), by the gender kept on the person. */
const genderCounts = {
  women: sql<number>`count(distinct ${positions.personId}) filter (where ${people.gender} = 'kvinne')::int`,
  men: sql<number>`count(distinct ${positions.personId}) filter (where ${people.gender} = 'mann')::int`,
};

const runsOn = (on: string) => and(lte(positions.startDate, on), or(isNull(positions.endDate), gte(positions.endDate, on)));

/**
 * Per department that exists on the day (or still has positions on it): the people with a position and
 * their stillingsprosent summed; the total counts a person with positions in two departments once.
 */
export async function staffingOn(db: DbOrTx, options: { cooperationId: string; on?: string }) {
  const on = options.on ?? osloToday();
  const rows = await db.select({
    departmentId: departments.id,
    name: departments.name,
    validTo: departments.validTo,
    people: countDistinct(positions.personId),
    fteHundredths: sql<number>`coalesce(sum(${positions.fteHundredths}), 0)::int`,
    ...genderCounts,
  }).from(departments)
    .leftJoin(positions, and(eq(positions.departmentId, departments.id), runsOn(on)))
    .leftJoin(people, eq(people.id, positions.personId))
    .where(eq(departments.cooperationId, options.cooperationId))
    .groupBy(departments.id, departments.name, departments.validTo)
    .orderBy(asc(departments.name));
  const [total] = await db.select({
    people: countDistinct(positions.personId),
    fteHundredths: sql<number>`coalesce(sum(${positions.fteHundredths}), 0)::int`,
    ...genderCounts,
  }).from(positions).innerJoin(departments, eq(departments.id, positions.departmentId))
    .innerJoin(people, eq(people.id, positions.personId))
    .where(and(eq(departments.cooperationId, options.cooperationId), runsOn(on)));
  const figures = (r: { people: number; fteHundredths: number; women: number; men: number }) => ({
    people: Number(r.people), ftePercent: toPercent(Number(r.fteHundredths)), fte: Number(r.fteHundredths) / 10_000, women: Number(r.women), men: Number(r.men),
  });
  return {
    on,
    employer: await getEmployer(db, options.cooperationId),
    departments: rows.filter((r) => !r.validTo || r.validTo >= on || Number(r.people) > 0)
      .map((r) => ({ departmentId: r.departmentId, name: r.name, ...figures(r) })),
    total: figures(total ?? { people: 0, fteHundredths: 0, women: 0, men: 0 }),
  };
}

/** The years among `years` in which any of the cooperation's positions ran: there the staffing is live. */
export async function yearsWithPositions(db: DbOrTx, cooperationId: string, years: readonly number[]): Promise<Set<number>> {
  const held = new Set<number>();
  for (const year of years) {
    const [row] = await db.select({ id: positions.id }).from(positions).innerJoin(departments, eq(departments.id, positions.departmentId))
      .where(and(eq(departments.cooperationId, cooperationId), lte(positions.startDate, `${year}-12-31`),
        or(isNull(positions.endDate), gte(positions.endDate, `${year}-01-01`)))).limit(1);
    if (row) held.add(year);
  }
  return held;
}
