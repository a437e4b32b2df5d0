// Licensed products and their use (issue 13, seed 003 2024/M2-007: P360 licences exceed the contract).
// A product has contracted counts per municipality or shared, each from a date; the month view sets the
// users signed in during a month against the count in force on its last day; and the candidates for
// removal are the users still listed who have not signed in for the product's number of months, for the
// professional group to decide on (keep or remove, who, when, why). Why these rules: decision 0041.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../../db/client.js';
import { sqlRows } from '../../../lib/sql.js';
import { lockAtRevision, nextRevision } from '../../../lib/revision.js';
import type { Actor } from '../../../server/context.js';
import { badRequest, conflict, notFound, stale } from '../../../server/errors.js';
import { recordAudit } from '../../audit/service.js';
import { listMembersOn, listMunicipalitiesEverMembers } from '../../org/memberships.service.js';
import { municipalityNames } from '../../org/municipalities.service.js';
import { eqLicenceContracts, eqLicenceDecisions, eqLicenceImports, eqLicenceProducts } from '../schema.js';
import { lastDayOf } from './licence-import.service.js';
import type {
  TCreateLicenceProductRequest, TLicenceCandidate, TLicenceCandidates, TLicenceContract, TLicenceContractRequest, TLicenceDecisionRequest,
  TLicenceFigures, TLicenceMonth, TLicenceProduct, TUpdateLicenceProductRequest,
} from './model.js';
import { yearOf } from '../../../lib/date-schemas.js';

type TScope = { cooperationId: string };
/** Whose rows a reader sees: null for the cooperation's own people, a municipality user's own. */
type TReadScope = TScope & { municipalityId: string | null };

// ---- months ------------------------------------------------------------------------------------------

const monthIndex = (month: string) => yearOf(month) * 12 + Number(month.slice(5, 7)) - 1;
const monthOfIndex = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
export const addMonths = (month: string, n: number) => monthOfIndex(monthIndex(month) + n);

// ---- products and contracts --------------------------------------------------------------------------

async function productRow(db: DbOrTx, o: TScope & { id: string }) {
  const [row] = await db.select().from(eqLicenceProducts).where(and(eq(eqLicenceProducts.id, o.id), eq(eqLicenceProducts.cooperationId, o.cooperationId)));
  if (!row) throw notFound('Lisensproduktet');
  return row;
}

/** Every contracted count of the product with its municipality's name, newest first. */
async function contractsOf(db: DbOrTx, productId: string): Promise<TLicenceContract[]> {
  const rows = await db.select().from(eqLicenceContracts).where(eq(eqLicenceContracts.productId, productId)).orderBy(desc(eqLicenceContracts.validFrom));
  const names = await municipalityNames(db, [...new Set(rows.flatMap((r) => (r.municipalityId ? [r.municipalityId] : [])))]);
  const name = (id: string | null) => (id ? names.get(id) ?? '' : null);
  // Newest first; within a date the shared count, then the municipalities by name.
  return rows.sort((a, b) => b.validFrom.localeCompare(a.validFrom) || (name(a.municipalityId) ?? '').localeCompare(name(b.municipalityId) ?? '', 'nb'))
    .map((r) => ({
      id: r.id, municipalityId: r.municipalityId, municipality: name(r.municipalityId), count: r.count, validFrom: r.validFrom,
      recordedByName: r.actorName, recordedAt: r.recordedAt.toISOString(),
    }));
}

async function importedMonths(db: DbOrTx, productId: string): Promise<string[]> {
  const rows = await db.select({ month: eqLicenceImports.month }).from(eqLicenceImports).where(eq(eqLicenceImports.productId, productId)).orderBy(desc(eqLicenceImports.month));
  return rows.map((r) => r.month.slice(0, 7));
}

async function productOf(db: DbOrTx, row: typeof eqLicenceProducts.$inferSelect, municipalityId: string | null): Promise<TLicenceProduct> {
  const contracts = (await contractsOf(db, row.id)).filter((c) => !municipalityId || c.municipalityId === null || c.municipalityId === municipalityId);
  return { id: row.id, name: row.name, inactiveMonths: row.inactiveMonths, revision: row.revision, contracts, months: await importedMonths(db, row.id) };
}

export async function listLicenceProducts(db: DbOrTx, o: TReadScope): Promise<TLicenceProduct[]> {
  const rows = await db.select().from(eqLicenceProducts).where(eq(eqLicenceProducts.cooperationId, o.cooperationId)).orderBy(eqLicenceProducts.name);
  const products: TLicenceProduct[] = [];
  for (const row of rows) products.push(await productOf(db, row, o.municipalityId));
  return products;
}

export async function createLicenceProduct(db: Db, actor: Actor, o: TScope & TCreateLicenceProductRequest): Promise<TLicenceProduct> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(eqLicenceProducts).values({ cooperationId: o.cooperationId, name: o.name, inactiveMonths: o.inactiveMonths }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'eq_licence_product', entityId: row!.id, after: { name: o.name, inactiveMonths: o.inactiveMonths } });
    return productOf(tx, row!, null);
  });
}

export async function updateLicenceProduct(db: Db, actor: Actor, o: TScope & { id: string } & TUpdateLicenceProductRequest): Promise<TLicenceProduct> {
  return db.transaction(async (tx) => {
    const before = await productRow(tx, o);
    await lockAtRevision(tx, eqLicenceProducts, o.id, o.revision, 'Lisensproduktet');
    const changes = { ...(o.name !== undefined ? { name: o.name } : {}), ...(o.inactiveMonths !== undefined ? { inactiveMonths: o.inactiveMonths } : {}) };
    const [row] = await tx.update(eqLicenceProducts).set({ ...changes, revision: nextRevision(eqLicenceProducts) }).where(eq(eqLicenceProducts.id, o.id)).returning();
    await recordAudit(tx, actor, {
      action: 'update', entity: 'eq_licence_product', entityId: o.id,
      before: { name: before.name, inactiveMonths: before.inactiveMonths }, after: { name: row!.name, inactiveMonths: row!.inactiveMonths },
    });
    return productOf(tx, row!, null);
  });
}

/** A contracted count from a date: a contract change is a new count, never an edit of the old one. */
export async function addLicenceContract(db: Db, actor: Actor, o: TScope & { productId: string } & TLicenceContractRequest): Promise<TLicenceProduct> {
  return db.transaction(async (tx) => {
    const product = await productRow(tx, { cooperationId: o.cooperationId, id: o.productId });
    if (o.municipalityId && !(await listMunicipalitiesEverMembers(tx, o.cooperationId)).some((m) => m.id === o.municipalityId)) {
      throw badRequest('Kommunen er ikke medlem av samarbeidet', [{ path: 'municipalityId', message: 'Ukjent kommune' }]);
    }
    const [row] = await tx.insert(eqLicenceContracts).values({
      productId: product.id, municipalityId: o.municipalityId, count: o.count, validFrom: o.validFrom, actorUserId: actor.userId, actorName: actor.name,
    }).returning({ id: eqLicenceContracts.id });
    await recordAudit(tx, actor, {
      action: 'create', entity: 'eq_licence_contract', entityId: row!.id,
      after: { product: product.name, municipalityId: o.municipalityId, count: o.count, validFrom: o.validFrom },
    });
    return productOf(tx, product, null);
  });
}

/** The count in force on a day per municipality ('' for the shared one): the newest from on or before it. */
function contractsOn(contracts: readonly TLicenceContract[], day: string): Map<string, number> {
  const inForce = new Map<string, { validFrom: string; count: number }>();
  for (const c of contracts) {
    if (c.validFrom > day) continue;
    const key = c.municipalityId ?? '';
    const seen = inForce.get(key);
    if (!seen || c.validFrom > seen.validFrom) inForce.set(key, { validFrom: c.validFrom, count: c.count });
  }
  return new Map([...inForce].map(([k, v]) => [k, v.count]));
}

// ---- candidates ----------------------------------------------------------------------------------------

type TCandidateRow = {
  user_key: string; municipality_id: string; flagged_month: string | null; last_sign_in_on: string | null; first_listed: string;
  decision: 'keep' | 'remove' | null; comment: string | null; decision_month: string | null; decision_since: string | null; decided_by: string | null;
  decided_at: string | null; revision: number | null;
};

/**
 * The users listed in the month and not signed in during it, with what every import up to the month
 * says of them: the newest month they were active, the newest last sign-in, the first month listed.
 */
async function idleUsers(db: DbOrTx, o: { productId: string; month: string; municipalityId: string | null }) {
  return sqlRows<TCandidateRow>(db, sql`
    with idle as (
      select l.user_key, l.municipality_id from eq_licence_usage l
      where l.product_id = ${o.productId} and l.month = ${`${o.month}-01`}::date and not l.active
        ${o.municipalityId ? sql`and l.municipality_id = ${o.municipalityId}` : sql``}
    ),
    history as (
      select h.user_key, to_char(max(h.month) filter (where h.active), 'YYYY-MM') as flagged_month,
        max(h.last_sign_in_on)::text as last_sign_in_on, to_char(min(h.month), 'YYYY-MM') as first_listed
      from eq_licence_usage h join idle using (user_key)
      where h.product_id = ${o.productId} and h.month <= ${`${o.month}-01`}::date
      group by h.user_key
    )
    select idle.user_key, idle.municipality_id, history.flagged_month, history.last_sign_in_on, history.first_listed,
      d.decision, d.comment, to_char(d.month, 'YYYY-MM') as decision_month, to_char(d.inactive_since, 'YYYY-MM') as decision_since,
      d.actor_name as decided_by, to_char(d.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as decided_at, d.revision
    from idle join history using (user_key)
    left join eq_licence_decisions d on d.product_id = ${o.productId} and d.user_key = idle.user_key`);
}

function candidateOf(r: TCandidateRow, month: string, names: Map<string, string>): TLicenceCandidate {
  const signInMonth = r.last_sign_in_on?.slice(0, 7) ?? null;
  const lastActiveMonth = [r.flagged_month, signInMonth].filter((m): m is string => m !== null).sort().at(-1) ?? null;
  // Never seen active: idle from the first month listed, no earlier (the imports say nothing before it).
  const inactiveSince = lastActiveMonth ? addMonths(lastActiveMonth, 1) : r.first_listed;
  // A decision stands until the user signs in again after the stretch it was made on.
  const decided = r.decision && r.decision_since && (!lastActiveMonth || lastActiveMonth < r.decision_since);
  return {
    user: r.user_key, municipalityId: r.municipality_id, municipality: names.get(r.municipality_id) ?? '', lastActiveMonth, lastSignInOn: r.last_sign_in_on,
    inactiveSince, monthsInactive: monthIndex(month) - monthIndex(inactiveSince) + 1,
    decision: decided ? {
      decision: r.decision!, comment: r.comment, month: r.decision_month!, decidedByName: r.decided_by!, decidedAt: r.decided_at!, revision: r.revision!,
    } : null,
  };
}

async function candidatesIn(db: DbOrTx, o: { productId: string; month: string; municipalityId: string | null; inactiveMonths: number }) {
  const idle = await idleUsers(db, o);
  const names = await municipalityNames(db, [...new Set(idle.map((r) => r.municipality_id))]);
  return idle.map((r) => candidateOf(r, o.month, names)).filter((c) => c.monthsInactive >= o.inactiveMonths)
    .sort((a, b) => a.municipality.localeCompare(b.municipality, 'nb') || a.user.localeCompare(b.user));
}

/** The month asked for, or the newest imported; null when nothing is imported. */
async function monthToShow(db: DbOrTx, productId: string, month: string | undefined): Promise<string | null> {
  return month ?? (await importedMonths(db, productId))[0] ?? null;
}

export async function listLicenceCandidates(db: DbOrTx, o: TReadScope & { productId: string; month?: string }): Promise<TLicenceCandidates> {
  const product = await productRow(db, { cooperationId: o.cooperationId, id: o.productId });
  const month = await monthToShow(db, product.id, o.month);
  const candidates = month ? await candidatesIn(db, { productId: product.id, month, municipalityId: o.municipalityId, inactiveMonths: product.inactiveMonths }) : [];
  return { productId: product.id, product: product.name, inactiveMonths: product.inactiveMonths, month, candidates };
}

/**
 * The professional group's decision on a candidate of the product's newest month: keep or remove, with
 * a comment. Changing a decision already made on this stretch of inactivity names its revision (409
 * `stale` when someone else changed it since); a user who is no candidate is a 409.
 */
export async function decideLicenceCandidate(db: Db, actor: Actor, o: TScope & { productId: string } & TLicenceDecisionRequest): Promise<TLicenceCandidate> {
  return db.transaction(async (tx) => {
    const product = await productRow(tx, { cooperationId: o.cooperationId, id: o.productId });
    await tx.select({ id: eqLicenceProducts.id }).from(eqLicenceProducts).where(eq(eqLicenceProducts.id, product.id)).for('update');
    const month = await monthToShow(tx, product.id, undefined);
    const candidate = month
      ? (await candidatesIn(tx, { productId: product.id, month, municipalityId: null, inactiveMonths: product.inactiveMonths })).find((c) => c.user === o.user)
      : undefined;
    if (!candidate) {
      throw conflict(`${o.user} er ikke kandidat for fjerning i ${month ?? 'noen importert måned'}: brukeren er ikke oppført, har vært pålogget eller har ikke vært inaktiv ${product.inactiveMonths} måneder`);
    }
    if (candidate.decision && o.revision !== candidate.decision.revision) {
      throw stale(`Beslutningen for ${o.user} er endret av noen andre siden du hentet listen (nå versjon ${candidate.decision.revision}); last inn på nytt`, { revision: candidate.decision.revision });
    }
    const [before] = await tx.select().from(eqLicenceDecisions).where(and(eq(eqLicenceDecisions.productId, product.id), eq(eqLicenceDecisions.userKey, o.user)));
    const values = {
      decision: o.decision, comment: o.comment, month: `${month}-01`, inactiveSince: `${candidate.inactiveSince}-01`,
      actorUserId: actor.userId, actorName: actor.name, recordedAt: new Date(),
    };
    // A decision on an earlier stretch (the user signed in since) is replaced: it no longer applies.
    const [row] = before
      ? await tx.update(eqLicenceDecisions).set({ ...values, revision: nextRevision(eqLicenceDecisions) }).where(eq(eqLicenceDecisions.id, before.id)).returning()
      : await tx.insert(eqLicenceDecisions).values({ productId: product.id, userKey: o.user, ...values }).returning();
    const after = { product: product.name, user: o.user, decision: o.decision, comment: o.comment, month, inactiveSince: candidate.inactiveSince };
    await recordAudit(tx, actor, before
      ? { action: 'update', entity: 'eq_licence_decision', entityId: row!.id, before: { decision: before.decision, comment: before.comment, month: before.month.slice(0, 7) }, after }
      : { action: 'create', entity: 'eq_licence_decision', entityId: row!.id, after });
    return {
      ...candidate,
      decision: { decision: row!.decision, comment: row!.comment, month: month!, decidedByName: row!.actorName, decidedAt: row!.recordedAt.toISOString(), revision: row!.revision },
    };
  });
}

// ---- the month view ------------------------------------------------------------------------------------

const figures = (contracted: number | null, active: number, listed: number, candidates: number): TLicenceFigures => ({
  contracted, active, listed, difference: contracted === null ? null : active - contracted, candidates,
});

/**
 * Active users against the contract for a month, per municipality: each municipality's users count
 * against its own count when it has one in force on the month's last day, else against the shared one.
 * A municipality user sees their own row only (and no shared row, which sums other members' users).
 */
export async function computeLicenceMonth(db: DbOrTx, o: TReadScope & { productId: string; month?: string }): Promise<TLicenceMonth> {
  const product = await productRow(db, { cooperationId: o.cooperationId, id: o.productId });
  const month = await monthToShow(db, product.id, o.month);
  const contracts = await contractsOf(db, product.id);
  const shownMonth = month ?? new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' }).slice(0, 7);
  const day = lastDayOf(shownMonth);
  const first = addMonths(shownMonth, -11);
  const usage = await sqlRows<{ month: string; municipality_id: string; listed: number; active: number }>(db, sql`
    select to_char(month, 'YYYY-MM') as month, municipality_id, count(*)::int as listed, count(*) filter (where active)::int as active
    from eq_licence_usage
    where product_id = ${product.id} and month between ${`${first}-01`}::date and ${`${shownMonth}-01`}::date
      ${o.municipalityId ? sql`and municipality_id = ${o.municipalityId}` : sql``}
    group by 1, 2`);
  const candidates = month ? await candidatesIn(db, { productId: product.id, month, municipalityId: o.municipalityId, inactiveMonths: product.inactiveMonths }) : [];
  const inMonth = usage.filter((u) => u.month === shownMonth);
  // The members on the month's last day, in the papers' order (original members first), and any former
  // member the export still lists.
  const members = (await listMembersOn(db, o.cooperationId, day)).sort((a, b) => a.joined.localeCompare(b.joined) || a.name.localeCompare(b.name, 'nb'))
    .map((m) => ({ id: m.municipalityId, name: m.name }));
  const ever = await listMunicipalitiesEverMembers(db, o.cooperationId);
  for (const u of inMonth) {
    if (!members.some((m) => m.id === u.municipality_id)) members.push({ id: u.municipality_id, name: ever.find((e) => e.id === u.municipality_id)?.name ?? '' });
  }
  const listed = members.filter((m) => !o.municipalityId || m.id === o.municipalityId);
  const counts = contractsOn(contracts, day);
  const rows = listed.map((m) => {
    const u = inMonth.find((x) => x.municipality_id === m.id);
    const own = counts.get(m.id) ?? null;
    return {
      municipalityId: m.id, municipality: m.name, inShared: own === null && counts.has(''),
      ...figures(own, u?.active ?? 0, u?.listed ?? 0, candidates.filter((c) => c.municipalityId === m.id).length),
    };
  });
  const pooled = rows.filter((r) => r.inShared);
  const sumOf = (list: typeof rows, f: 'active' | 'listed' | 'candidates') => list.reduce((n, r) => n + r[f], 0);
  const shared = !o.municipalityId && counts.has('')
    ? figures(counts.get('')!, sumOf(pooled, 'active'), sumOf(pooled, 'listed'), sumOf(pooled, 'candidates')) : null;
  const contractedTotal = (inForce: Map<string, number>) => {
    if (o.municipalityId) return inForce.get(o.municipalityId) ?? null;
    return inForce.size ? [...inForce.values()].reduce((n, v) => n + v, 0) : null;
  };
  const trend = Array.from({ length: 12 }, (_, i) => addMonths(first, i)).map((m) => {
    const of = usage.filter((u) => u.month === m);
    return { month: m, active: of.length ? of.reduce((n, u) => n + u.active, 0) : null, contracted: contractedTotal(contractsOn(contracts, lastDayOf(m))) };
  });
  return {
    productId: product.id, product: product.name, inactiveMonths: product.inactiveMonths, month, rows, shared,
    sum: figures(contractedTotal(counts), sumOf(rows, 'active'), sumOf(rows, 'listed'), sumOf(rows, 'candidates')),
    trend,
  };
}

/** The product of a report block, by its name in the cooperation; null when there is none. */
export async function findLicenceProduct(db: DbOrTx, o: TScope & { name: string }): Promise<{ id: string; name: string } | null> {
  const [row] = await db.select({ id: eqLicenceProducts.id, name: eqLicenceProducts.name }).from(eqLicenceProducts)
    .where(and(eq(eqLicenceProducts.cooperationId, o.cooperationId), sql`lower(${eqLicenceProducts.name}) = lower(${o.name})`));
  return row ?? null;
}

/** The newest imported month on or before a month, for a report as of a date. */
export async function newestLicenceMonth(db: DbOrTx, o: { productId: string; onOrBefore: string }): Promise<string | null> {
  return (await importedMonths(db, o.productId)).find((m) => m <= o.onOrBefore) ?? null;
}
