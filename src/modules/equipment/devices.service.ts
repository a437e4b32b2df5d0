// The device list (who sees which: policy.ts) and retiring a device step by step: returned, wiped with
// proof, sent to an approved recycler. A device counts in no status table dated on or after its return.
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { sqlRows } from '../../lib/sql.js';
import type { Actor } from '../../server/context.js';
import { badRequest, conflict, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { municipalityNames } from '../org/municipalities.service.js';
import type { TDevice, TDeviceListQuery, TRetirementBatchRequest, TRetirementStepRequest } from './model.js';
import { eqDevices, eqRetirementSteps } from './schema.js';
import { RETIREMENT_STEP_LABELS, RETIREMENT_STEPS, type TDeviceCategory, type TRetirementStep } from './vocabulary.js';

type TDeviceRow = {
  id: string; serial: string; name: string | null; model: string | null; manufacturer: string | null; municipality_id: string;
  category: TDeviceCategory; primary_user: string | null; enrolled_on: string | null; last_sign_in_at: Date | string | null; purchased_on: string | null;
  expiry_year: number; purchase_assumed: boolean;
  retirement: TRetirementStep | null; total: number;
};

export type TListDevicesOptions = { cooperationId: string } & Omit<TDeviceListQuery, 'cooperation'>;

/** Devices by serial, with their expiry year under the rules; `municipalityId` is the caller's scope or filter. */
export async function listDevices(db: DbOrTx, o: TListDevicesOptions): Promise<{ devices: TDevice[]; total: number }> {
  const like = o.search ? `%${o.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = await sqlRows<TDeviceRow>(db, sql`
    select d.id, d.serial, d.name, d.model, d.manufacturer, d.municipality_id, d.category, d.primary_user,
      d.enrolled_on::text as enrolled_on, d.last_sign_in_at, d.purchased_on::text as purchased_on, d.expiry_year, d.purchase_assumed,
      (select x.step from eq_retirement_steps x where x.device_id = d.id order by array_position(array['returned','wiped','recycled']::eq_retirement_step[], x.step) desc limit 1) as retirement,
      count(*) over ()::int as total
    from eq_devices d
    where d.cooperation_id = ${o.cooperationId}
      ${o.municipalityId ? sql`and d.municipality_id = ${o.municipalityId}` : sql``}
      ${o.category ? sql`and d.category = ${o.category}` : sql``}
      ${o.month ? sql`and exists (select 1 from eq_device_sign_ins s where s.month = ${`${o.month}-01`}::date and s.device_id = d.id)` : sql``}
      ${like ? sql`and (d.serial ilike ${like} or d.name ilike ${like} or d.primary_user ilike ${like} or d.model ilike ${like})` : sql``}
    order by d.serial
    limit ${o.limit} offset ${o.offset}`);
  const names = await municipalityNames(db, [...new Set(rows.map((r) => r.municipality_id))]);
  return {
    total: rows[0]?.total ?? 0,
    devices: rows.map((r) => {
      return {
        id: r.id, serial: r.serial, name: r.name, model: r.model, manufacturer: r.manufacturer, municipalityId: r.municipality_id,
        municipality: names.get(r.municipality_id) ?? '', category: r.category, primaryUser: r.primary_user, enrolledOn: r.enrolled_on,
        lastSignInAt: r.last_sign_in_at === null ? null : new Date(r.last_sign_in_at).toISOString(), purchasedOn: r.purchased_on,
        expiryYear: r.expiry_year, purchaseAssumed: r.purchase_assumed, retirement: r.retirement,
      };
    }),
  };
}

/**
 * One step of retiring a device, in order (returned → wiped → recycled), each once and not dated before
 * the step before it.
 */
export async function recordRetirementStep(db: Db, actor: Actor, options: { cooperationId: string; deviceId: string } & TRetirementStepRequest) {
  return db.transaction(async (tx) => retireOne(tx, actor, options));
}

/**
 * The same step for several devices at once (a batch handed back, wiped or collected together): all or
 * none. The first device that cannot take the step refuses the batch, named by its serial, and nothing
 * is written; an unknown id is 404.
 */
export async function recordRetirementSteps(db: Db, actor: Actor, options: { cooperationId: string } & TRetirementBatchRequest) {
  return db.transaction(async (tx) => {
    const steps = [];
    for (const deviceId of options.deviceIds) {
      steps.push(await retireOne(tx, actor, { cooperationId: options.cooperationId, deviceId, step: options.step, on: options.on, note: options.note }));
    }
    return { steps };
  });
}

async function retireOne(tx: DbOrTx, actor: Actor, options: { cooperationId: string; deviceId: string } & TRetirementStepRequest) {
  const [device] = await tx.select({ id: eqDevices.id, serial: eqDevices.serial }).from(eqDevices)
    .where(and(eq(eqDevices.id, options.deviceId), eq(eqDevices.cooperationId, options.cooperationId))).for('update');
  if (!device) throw notFound('Enheten');
  const done = await tx.select().from(eqRetirementSteps).where(eq(eqRetirementSteps.deviceId, device.id));
  const index = RETIREMENT_STEPS.indexOf(options.step);
  const label = (step: TRetirementStep) => RETIREMENT_STEP_LABELS[step].toLowerCase();
  if (done.some((s) => s.step === options.step)) throw conflict(`Enheten ${device.serial} er allerede registrert som «${label(options.step)}»`);
  const before = index > 0 ? done.find((s) => s.step === RETIREMENT_STEPS[index - 1]) : null;
  if (index > 0 && !before) throw conflict(`Enheten ${device.serial} må først registreres som «${label(RETIREMENT_STEPS[index - 1]!)}»`);
  if (before && options.on < before.on) throw badRequest(`Datoen er før forrige steg for ${device.serial}`, [{ path: 'on', message: `Tidligst ${before.on}` }]);
  const [row] = await tx.insert(eqRetirementSteps).values({
    deviceId: device.id, step: options.step, on: options.on, note: options.note, actorUserId: actor.userId, actorName: actor.name,
  }).returning();
  await recordAudit(tx, actor, { action: 'create', entity: 'eq_retirement', entityId: row!.id, after: { serial: device.serial, step: options.step, on: options.on, note: options.note } });
  return { deviceId: device.id, serial: device.serial, step: options.step, on: options.on };
}
