// Stock counts and orders: the two figures the status table subtracts from the need. A count is a new
// row each time (the table takes the newest on or before its date); an order moves ordered → delivered
// → rolled out (or is cancelled), each step a row with its date and who recorded it, so "Bestilt ikke
// levert" on any date is read from the steps, and the yearly totals too.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { sqlRows } from '../../lib/sql.js';
import { lockAtRevision, nextRevision } from '../../lib/revision.js';
import type { Actor } from '../../server/context.js';
import { badRequest, conflict, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { listMunicipalitiesEverMembers } from '../org/memberships.service.js';
import { municipalityNames } from '../org/municipalities.service.js';
import type { TCreateOrderRequest, TCreateStockCountRequest, TOrder, TOrderStepRequest, TYearTotals } from './model.js';
import { eqOrders, eqOrderSteps, eqStockCounts } from './schema.js';
import { ORDER_STATE_LABELS, ORDER_TRANSITIONS, type TOrderState } from './vocabulary.js';

/** 400 on the field when the municipality has never been a member of the cooperation. */
async function requireMember(db: DbOrTx, cooperationId: string, municipalityId: string) {
  const members = await listMunicipalitiesEverMembers(db, cooperationId);
  if (!members.some((m) => m.id === municipalityId)) throw badRequest('Kommunen er ikke medlem av samarbeidet', [{ path: 'municipalityId', message: 'Ukjent kommune' }]);
}

export async function recordStockCount(db: Db, actor: Actor, options: { cooperationId: string } & TCreateStockCountRequest) {
  return db.transaction(async (tx) => {
    await requireMember(tx, options.cooperationId, options.municipalityId);
    const [row] = await tx.insert(eqStockCounts).values({
      cooperationId: options.cooperationId, municipalityId: options.municipalityId, category: options.category, count: options.count,
      countedOn: options.countedOn, actorUserId: actor.userId, actorName: actor.name,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'eq_stock_count', entityId: row!.id, after: { ...options } });
    return (await listStockCounts(tx, { cooperationId: options.cooperationId, ids: [row!.id] }))[0]!;
  });
}

export async function listStockCounts(db: DbOrTx, options: { cooperationId: string; municipalityId?: string | null; ids?: string[] }) {
  const rows = await db.select().from(eqStockCounts).where(and(
    eq(eqStockCounts.cooperationId, options.cooperationId),
    options.municipalityId ? eq(eqStockCounts.municipalityId, options.municipalityId) : undefined,
    options.ids ? inArray(eqStockCounts.id, options.ids) : undefined,
  )).orderBy(desc(eqStockCounts.countedOn), desc(eqStockCounts.recordedAt)).limit(500);
  const names = await municipalityNames(db, [...new Set(rows.map((r) => r.municipalityId))]);
  return rows.map((r) => ({
    id: r.id, municipalityId: r.municipalityId, municipality: names.get(r.municipalityId) ?? '', category: r.category, count: r.count,
    countedOn: r.countedOn, countedByName: r.actorName, recordedAt: r.recordedAt.toISOString(),
  }));
}

export async function createOrder(db: Db, actor: Actor, options: { cooperationId: string } & TCreateOrderRequest): Promise<TOrder> {
  return db.transaction(async (tx) => {
    await requireMember(tx, options.cooperationId, options.municipalityId);
    const [order] = await tx.insert(eqOrders).values({
      cooperationId: options.cooperationId, municipalityId: options.municipalityId, category: options.category, quantity: options.quantity,
      model: options.model, reference: options.reference, state: 'ordered',
    }).returning();
    await tx.insert(eqOrderSteps).values({ orderId: order!.id, state: 'ordered', on: options.orderedOn, actorUserId: actor.userId, actorName: actor.name });
    await recordAudit(tx, actor, { action: 'create', entity: 'eq_order', entityId: order!.id, after: { ...options } });
    return (await listOrders(tx, { cooperationId: options.cooperationId, ids: [order!.id] }))[0]!;
  });
}

/** The next step of an order: only the moves ORDER_TRANSITIONS allows, never dated before the step before. */
export async function stepOrder(db: Db, actor: Actor, options: { cooperationId: string; id: string } & TOrderStepRequest): Promise<TOrder> {
  return db.transaction(async (tx) => {
    await lockAtRevision(tx, eqOrders, options.id, options.revision, 'Bestillingen');
    const [order] = await tx.select().from(eqOrders).where(and(eq(eqOrders.id, options.id), eq(eqOrders.cooperationId, options.cooperationId)));
    if (!order) throw notFound('Bestillingen');
    if (!ORDER_TRANSITIONS[order.state].includes(options.state)) {
      throw conflict(`En bestilling som er «${ORDER_STATE_LABELS[order.state]}» kan ikke bli «${ORDER_STATE_LABELS[options.state]}»`);
    }
    const [last] = await tx.select({ on: eqOrderSteps.on }).from(eqOrderSteps).where(eq(eqOrderSteps.orderId, order.id)).orderBy(desc(eqOrderSteps.on)).limit(1);
    if (last && options.on < last.on) throw badRequest('Datoen er før forrige steg', [{ path: 'on', message: `Tidligst ${last.on}` }]);
    await tx.insert(eqOrderSteps).values({ orderId: order.id, state: options.state, on: options.on, actorUserId: actor.userId, actorName: actor.name });
    await tx.update(eqOrders).set({ state: options.state, revision: nextRevision(eqOrders) }).where(eq(eqOrders.id, order.id));
    await recordAudit(tx, actor, { action: 'update', entity: 'eq_order', entityId: order.id, before: { state: order.state }, after: { state: options.state, on: options.on } });
    return (await listOrders(tx, { cooperationId: options.cooperationId, ids: [order.id] }))[0]!;
  });
}

export async function listOrders(db: DbOrTx, options: { cooperationId: string; municipalityId?: string | null; state?: TOrderState; ids?: string[] }): Promise<TOrder[]> {
  const orders = await db.select().from(eqOrders).where(and(
    eq(eqOrders.cooperationId, options.cooperationId),
    options.municipalityId ? eq(eqOrders.municipalityId, options.municipalityId) : undefined,
    options.state ? eq(eqOrders.state, options.state) : undefined,
    options.ids ? inArray(eqOrders.id, options.ids) : undefined,
  )).orderBy(desc(eqOrders.createdAt)).limit(500);
  if (!orders.length) return [];
  const steps = await db.select().from(eqOrderSteps).where(inArray(eqOrderSteps.orderId, orders.map((o) => o.id))).orderBy(asc(eqOrderSteps.on), asc(eqOrderSteps.recordedAt));
  const names = await municipalityNames(db, [...new Set(orders.map((o) => o.municipalityId))]);
  return orders.map((o) => ({
    id: o.id, municipalityId: o.municipalityId, municipality: names.get(o.municipalityId) ?? '', category: o.category, quantity: o.quantity,
    model: o.model, reference: o.reference, state: o.state, revision: o.revision,
    steps: steps.filter((s) => s.orderId === o.id).map((s) => ({ state: s.state, on: s.on, actorName: s.actorName, recordedAt: s.recordedAt.toISOString() })),
  }));
}

/**
 * The annual report's equipment figures for a year: PCs ordered, delivered and rolled out during it
 * (by the steps' dates), the newest stock counts on 31 December summed, and devices retired (returned).
 */
export async function computeYearTotals(db: DbOrTx, options: { cooperationId: string; year: number }): Promise<TYearTotals> {
  const from = `${options.year}-01-01`;
  const to = `${options.year}-12-31`;
  const [steps] = await sqlRows<{ ordered: number; delivered: number; rolled_out: number }>(db, sql`
    select coalesce(sum(o.quantity) filter (where s.state = 'ordered'), 0)::int as ordered,
      coalesce(sum(o.quantity) filter (where s.state = 'delivered'), 0)::int as delivered,
      coalesce(sum(o.quantity) filter (where s.state = 'rolled_out'), 0)::int as rolled_out
    from eq_order_steps s join eq_orders o on o.id = s.order_id
    where o.cooperation_id = ${options.cooperationId} and s.on between ${from}::date and ${to}::date`);
  const [stock] = await sqlRows<{ count: number }>(db, sql`
    select coalesce(sum(count), 0)::int as count from (
      select distinct on (municipality_id, category) count from eq_stock_counts
      where cooperation_id = ${options.cooperationId} and counted_on <= ${to}::date
      order by municipality_id, category, counted_on desc, recorded_at desc) latest`);
  const [retired] = await sqlRows<{ count: number }>(db, sql`
    select count(*)::int as count from eq_retirement_steps x join eq_devices d on d.id = x.device_id
    where d.cooperation_id = ${options.cooperationId} and x.step = 'returned' and x.on between ${from}::date and ${to}::date`);
  return {
    year: options.year, ordered: steps?.ordered ?? 0, delivered: steps?.delivered ?? 0, rolledOut: steps?.rolled_out ?? 0,
    inStockAtYearEnd: stock?.count ?? 0, retired: retired?.count ?? 0,
  };
}
