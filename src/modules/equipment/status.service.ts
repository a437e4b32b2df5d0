// The monthly PC status table (seed 000 §2.1.1, "Status pr. 28.11.2023"): per member municipality and
// category, the PCs signed in during the month of the date that expired before this year (Utgått) and
// that expire this year (Utgår), the newest stock count on or before the date, the PCs ordered and not
// delivered by the date, and what must be ordered. Everything is read as it stood on the date, so the
// table of any earlier date comes out as it was (a device retired after the date still counts).
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { sqlRows } from '../../lib/sql.js';
import { listMembersOn } from '../org/memberships.service.js';
import { monthOf, mustOrder } from './rules.js';
import { DEVICE_CATEGORIES, type TDeviceCategory } from './vocabulary.js';
import type { TStatusTable, TStatusTableRow } from './model.js';
import { yearOf } from '../../lib/date-schemas.js';

export type TStatusTableOptions = {
  cooperationId: string;
  asOf: string;
  /** Only this municipality's rows (a municipality user's view); null: every member. */
  municipalityId: string | null;
};

type TCountRow = { municipality_id: string; category: TDeviceCategory; expired: number; expiring: number; assumed: number };

/**
 * The expired and expiring PCs signed in during the month, per municipality and category, in one pass
 * over the month's sign-ins; each device's expiry year is kept on it (expiry.ts).
 */
export function deviceCountsQuery(o: TStatusTableOptions) {
  const year = yearOf(o.asOf);
  return sql`
    select d.municipality_id, d.category,
      count(*) filter (where d.expiry_year < ${year})::int as expired,
      count(*) filter (where d.expiry_year = ${year})::int as expiring,
      count(*) filter (where d.purchase_assumed)::int as assumed
    from eq_device_sign_ins s
    join eq_devices d on d.id = s.device_id
    where s.month = ${monthOf(o.asOf)}::date and d.cooperation_id = ${o.cooperationId} and d.expiry_year <= ${year}
      ${o.municipalityId ? sql`and d.municipality_id = ${o.municipalityId}` : sql``}
      and not exists (select 1 from eq_retirement_steps x where x.device_id = d.id and x.on <= ${o.asOf}::date)
    group by d.municipality_id, d.category`;
}

const countDevices = (db: DbOrTx, o: TStatusTableOptions) => sqlRows<TCountRow>(db, deviceCountsQuery(o));

async function stockOn(db: DbOrTx, o: TStatusTableOptions) {
  return sqlRows<{ municipality_id: string; category: TDeviceCategory; count: number; counted_on: string }>(db, sql`
    select distinct on (municipality_id, category) municipality_id, category, count, counted_on::text as counted_on
    from eq_stock_counts
    where cooperation_id = ${o.cooperationId} and counted_on <= ${o.asOf}::date
      ${o.municipalityId ? sql`and municipality_id = ${o.municipalityId}` : sql``}
    order by municipality_id, category, counted_on desc, recorded_at desc`);
}

/** Orders placed on or before the date and neither delivered nor cancelled by it. */
async function orderedOn(db: DbOrTx, o: TStatusTableOptions) {
  return sqlRows<{ municipality_id: string; category: TDeviceCategory; quantity: number }>(db, sql`
    select o.municipality_id, o.category, sum(o.quantity)::int as quantity
    from eq_orders o
    where o.cooperation_id = ${o.cooperationId}
      ${o.municipalityId ? sql`and o.municipality_id = ${o.municipalityId}` : sql``}
      and exists (select 1 from eq_order_steps s where s.order_id = o.id and s.state = 'ordered' and s.on <= ${o.asOf}::date)
      and not exists (select 1 from eq_order_steps s where s.order_id = o.id and s.state <> 'ordered' and s.on <= ${o.asOf}::date)
    group by o.municipality_id, o.category`);
}

/**
 * The date the table opens on when none is asked for: the last day of the newest month with sign-ins
 * (today, when that month is the current one), so a cooperation whose newest export is from 2023 sees
 * its figures rather than an empty month; today when nothing is imported. Read backwards along the
 * sign-ins' (month, device) key, stopping at the first of this cooperation's devices.
 */
export async function defaultStatusDate(db: DbOrTx, o: { cooperationId: string; today: string }): Promise<string> {
  const [newest] = await sqlRows<{ month: string }>(db, sql`
    select s.month::text as month from eq_device_sign_ins s
    where exists (select 1 from eq_devices d where d.id = s.device_id and d.cooperation_id = ${o.cooperationId})
    order by s.month desc limit 1`);
  if (!newest) return o.today;
  const [y, m] = newest.month.split('-').map(Number) as [number, number];
  const lastDay = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return lastDay < o.today ? lastDay : o.today;
}

export async function computeStatusTable(db: DbOrTx, options: TStatusTableOptions): Promise<TStatusTable> {
  const [members, devices, stock, ordered] = [
    await listMembersOn(db, options.cooperationId, options.asOf), await countDevices(db, options), await stockOn(db, options), await orderedOn(db, options),
  ];
  const key = (m: string, c: string) => `${m}:${c}`;
  const counts = new Map(devices.map((r) => [key(r.municipality_id, r.category), r]));
  const stocks = new Map(stock.map((r) => [key(r.municipality_id, r.category), r]));
  const orders = new Map(ordered.map((r) => [key(r.municipality_id, r.category), r.quantity]));
  // The papers list the original members first and a newcomer (Hustadvika, 2023) last.
  const listed = members
    .filter((m) => !options.municipalityId || m.municipalityId === options.municipalityId)
    .sort((a, b) => a.joined.localeCompare(b.joined) || a.name.localeCompare(b.name, 'nb'));
  const rows: TStatusTableRow[] = listed.flatMap((m) => DEVICE_CATEGORIES.map((category) => {
    const c = counts.get(key(m.municipalityId, category));
    const s = stocks.get(key(m.municipalityId, category));
    const figures = {
      expired: c?.expired ?? 0, expiring: c?.expiring ?? 0, inStock: s?.count ?? 0,
      orderedNotDelivered: orders.get(key(m.municipalityId, category)) ?? 0,
    };
    return {
      municipalityId: m.municipalityId, municipality: m.name, category, ...figures, mustOrder: mustOrder(figures),
      assumedPurchase: c?.assumed ?? 0, stockCountedOn: s?.counted_on ?? null,
    };
  }));
  const sum = (f: 'expired' | 'expiring' | 'inStock' | 'orderedNotDelivered' | 'mustOrder' | 'assumedPurchase') => rows.reduce((n, r) => n + r[f], 0);
  const year = yearOf(options.asOf);
  return {
    asOf: options.asOf, month: options.asOf.slice(0, 7), lastYear: year - 1, thisYear: year, rows,
    municipalities: listed.map((m) => ({
      municipalityId: m.municipalityId, municipality: m.name,
      mustOrder: rows.filter((r) => r.municipalityId === m.municipalityId).reduce((n, r) => n + r.mustOrder, 0),
    })),
    sum: {
      expired: sum('expired'), expiring: sum('expiring'), inStock: sum('inStock'), orderedNotDelivered: sum('orderedNotDelivered'),
      mustOrder: sum('mustOrder'), assumedPurchase: sum('assumedPurchase'),
    },
  };
}
