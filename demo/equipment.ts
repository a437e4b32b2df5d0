// The equipment demo: ROR-IKT's PCs as endpoint management would have exported them, generated so that
// the status table per 28.11.2023 is seed 000's §2.1.1 figure by figure, with the stock counts and the
// orders underway that the paper subtracts. The devices are synthetic (serials, users and models are
// made up) and deterministic; they go in with one INSERT … SELECT over generate_series per table, so the
// demo stays quick to load (the e2e server loads it on every start). The P360 licences of 2024
// (demo/data/licences-2024.ts, seed 003 2024/M2-007) are loaded with them (loadLicenceDemo).
//
// Seed 000's table as OCR left it has unreadable cells; the figures below are the only ones that agree
// with its Sum row (798 / 488 / 320 / 30 / 1 182) and with Må bestilles = max(0, utgått + utgår − lager −
// bestilt) on every readable row: Aukra Elev Utgått 300 (blank in the scan), Vestnes Elev 19 and 53
// (printed «15» and «33»; its Må bestilles 72 and the column sums need these), Hustadvika Ansatt På
// lager 6 («il»; 127 + 58 − 6 = 179), Hustadvika Elev Må bestilles 421 («721»; 241 + 180).
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client.js';
import { sqlRows } from '../src/lib/sql.js';
import type { Actor } from '../src/server/context.js';
import { refreshExpiry } from '../src/modules/equipment/expiry.js';
import { createOrder, recordStockCount, stepOrder } from '../src/modules/equipment/stock.service.js';
import type { TDeviceCategory } from '../src/modules/equipment/vocabulary.js';
import type { TMunicipalityKey } from './data/types.js';
import { addLicenceContract, createLicenceProduct } from '../src/modules/equipment/licences/licences.service.js';
import { P360_CONTRACTS, P360_MONTHS, P360_PRODUCT, P360_USERS, type TLicenceMember } from './data/licences-2024.js';

type TFigures = { expired: number; expiring: number; inStock: number; ordered: number };
type TEquipmentKey = Exclude<TMunicipalityKey, 'midsund'>;

/** Seed 000 §2.1.1, "Status pr. 28.11.2023" (Utgått 2022, Utgår 2023, På lager 28.11, Bestilt ikke levert). */
export const SEED_000_PC_STATUS: Record<TEquipmentKey, Record<TDeviceCategory, TFigures>> = {
  aukra: { ansatt: { expired: 10, expiring: 10, inStock: 25, ordered: 0 }, elev: { expired: 300, expiring: 12, inStock: 4, ordered: 0 } },
  molde: { ansatt: { expired: 12, expiring: 9, inStock: 253, ordered: 9 }, elev: { expired: 37, expiring: 0, inStock: 25, ordered: 0 } },
  rauma: { ansatt: { expired: 31, expiring: 73, inStock: 7, ordered: 0 }, elev: { expired: 18, expiring: 54, inStock: 0, ordered: 20 } },
  vestnes: { ansatt: { expired: 3, expiring: 39, inStock: 0, ordered: 1 }, elev: { expired: 19, expiring: 53, inStock: 0, ordered: 0 } },
  hustadvika: { ansatt: { expired: 127, expiring: 58, inStock: 6, ordered: 0 }, elev: { expired: 241, expiring: 180, inStock: 0, ordered: 0 } },
};

export const PC_STATUS_DATE = '2023-11-28';

export type TEquipmentDemoRefs = { cooperationId: string; municipality: (key: TEquipmentKey) => string };

/**
 * Devices per municipality and category: `expired` bought 2015–2017 (five-year rule: expired 2020–2022),
 * `expiring` bought 2018, and twice as many again bought 2019–2023 that are still current. Every tenth
 * expired PC has no purchase date in the export (its enrolment in 2017 is assumed, as the default rule
 * says), so the table's «antatt» count is shown too. All are signed in during November 2023; four in
 * five also in August 2023 (the paper: more older PCs in use in November than in August).
 */
export async function loadEquipmentDemo(db: Db, actor: Actor, refs: TEquipmentDemoRefs): Promise<{ devices: number }> {
  const groups = (Object.entries(SEED_000_PC_STATUS) as [TEquipmentKey, Record<TDeviceCategory, TFigures>][]).flatMap(([key, byCategory]) =>
    (Object.entries(byCategory) as [TDeviceCategory, TFigures][]).map(([category, f]) => ({
      municipality_id: refs.municipality(key), key, category, expired: f.expired, expiring: f.expiring, current: 2 * (f.expired + f.expiring) + 20,
    })));
  const [inserted] = await sqlRows<{ count: number }>(db, sql`
    with g as (select * from jsonb_to_recordset(${JSON.stringify(groups)}::jsonb)
      as g(municipality_id uuid, key text, category eq_device_category, expired int, expiring int, current int)),
    d as (
      select g.*, b.bucket, n from g
      cross join lateral (values ('U', g.expired), ('X', g.expiring), ('C', g.current)) as b(bucket, size)
      cross join lateral generate_series(1, b.size) as n
    ),
    ins as (
      insert into eq_devices (cooperation_id, municipality_id, category, serial, name, model, manufacturer, primary_user,
        enrolled_on, last_sign_in_at, purchased_on, first_seen_month)
      select ${refs.cooperationId}::uuid, municipality_id, category,
        upper(left(key, 3)) || '-' || upper(left(category::text, 1)) || bucket || lpad(n::text, 4, '0'),
        upper(left(key, 3)) || '-PC-' || lpad(n::text, 4, '0'),
        case when category = 'elev' then 'Chromebook 3110' when n % 2 = 0 then 'Latitude 5440' else 'ThinkPad T14' end,
        case when category = 'elev' then 'Dell' when n % 2 = 0 then 'Dell' else 'Lenovo' end,
        case when category = 'ansatt' then 'pc' || upper(left(key, 3)) || bucket || n || '@' || key || '.demo.samrad.no' end,
        make_date(p.year, 1 + n % 12, 1 + n % 28),
        timestamptz '2023-11-01 08:00:00+01' + (n % 27) * interval '1 day' + (n % 9) * interval '1 hour',
        case when bucket = 'U' and n % 10 = 0 then null else make_date(p.year, 1 + n % 12, 1 + n % 28) end,
        date '2023-08-01'
      from d cross join lateral (select case bucket when 'U' then 2017 - n % 3 when 'X' then 2018 else 2019 + n % 5 end as year) p
      returning id, serial
    ),
    s as (
      insert into eq_device_sign_ins (month, device_id)
      select m.month, ins.id from ins cross join (values (date '2023-11-01'), (date '2023-08-01')) as m(month)
      where m.month = date '2023-11-01' or right(ins.serial, 1) not in ('0', '5')
      returning 1
    )
    select (select count(*) from ins)::int as count, (select count(*) from s)::int as signins`);
  await refreshExpiry(db, refs.cooperationId);
  for (const [key, byCategory] of Object.entries(SEED_000_PC_STATUS) as [TEquipmentKey, Record<TDeviceCategory, TFigures>][]) {
    for (const [category, f] of Object.entries(byCategory) as [TDeviceCategory, TFigures][]) {
      const municipalityId = refs.municipality(key);
      await recordStockCount(db, actor, { cooperationId: refs.cooperationId, municipalityId, category, count: f.inStock, countedOn: PC_STATUS_DATE });
      if (f.ordered) {
        await createOrder(db, actor, { cooperationId: refs.cooperationId, municipalityId, category, quantity: f.ordered, model: null, reference: null, orderedOn: '2023-11-10' });
      }
    }
  }
  // Seed 001 (31.05.2023): Hustadvika's 399 pupils' PCs, ordered and due mid June, and 26 employees' PCs
  // through the Helseplattformen project; both delivered before November, so they are not underway on
  // 28.11.2023. ASSUMPTION: the order and delivery dates; the paper gives only "medio juni".
  for (const [category, quantity, delivered] of [['elev', 399, '2023-06-15'], ['ansatt', 26, '2023-06-20']] as const) {
    const order = await createOrder(db, actor, {
      cooperationId: refs.cooperationId, municipalityId: refs.municipality('hustadvika'), category, quantity, model: null, reference: 'Seed 001', orderedOn: '2023-05-15',
    });
    const done = await stepOrder(db, actor, { cooperationId: refs.cooperationId, id: order.id, state: 'delivered', on: delivered, revision: order.revision });
    await stepOrder(db, actor, { cooperationId: refs.cooperationId, id: order.id, state: 'rolled_out', on: '2023-08-15', revision: done.revision });
  }
  await loadLicenceDemo(db, actor, refs);
  return { devices: inserted?.count ?? 0 };
}

/**
 * Whether P360 user n (from 1) signed in during month m (1–12) of 2024: every tenth (n = 10, 20 …) stops
 * after one of the first six months, and every tenth from 5 (5, 15 …) never signs in, so by December both
 * are candidates for removal; a third of the rest take July off (idle one month, no candidate).
 */
export function p360Active(n: number, m: number): boolean {
  if (n % 10 === 0) return m <= ((n / 10) % 6) + 1;
  if (n % 10 === 5) return false;
  return !(m === 7 && n % 3 === 0);
}

/**
 * The P360 licences of 2024 (demo/data/licences-2024.ts): the product, its contracted counts, and the
 * twelve monthly exports (user, municipality, last sign-in, sign-ins in the month) as the import stores
 * them, written in one statement a month so the demo stays quick to load.
 */
export async function loadLicenceDemo(db: Db, actor: Actor, refs: TEquipmentDemoRefs): Promise<{ productId: string }> {
  const product = await createLicenceProduct(db, actor, { cooperationId: refs.cooperationId, ...P360_PRODUCT });
  for (const c of P360_CONTRACTS) {
    await addLicenceContract(db, actor, { cooperationId: refs.cooperationId, productId: product.id, municipalityId: refs.municipality(c.municipality), count: c.count, validFrom: c.validFrom });
  }
  for (const [i, month] of P360_MONTHS.entries()) {
    const m = i + 1;
    const users = (Object.entries(P360_USERS) as [TLicenceMember, number][]).flatMap(([key, listed]) => Array.from({ length: listed }, (_, k) => {
      const n = k + 1;
      const activeMonths = Array.from({ length: m }, (_, j) => j + 1).filter((x) => p360Active(n, x));
      const last = activeMonths.at(-1);
      return {
        user_key: `p360.bruker${n}@${key}.demo.samrad.no`, municipality_id: refs.municipality(key),
        sign_ins: p360Active(n, m) ? 1 + (n % 20) : 0,
        last_sign_in_on: last ? `2024-${String(last).padStart(2, '0')}-${String(1 + (n % 27)).padStart(2, '0')}` : null, active: p360Active(n, m),
      };
    }));
    const active = users.filter((u) => u.active).length;
    await db.execute(sql`
      with imp as (
        insert into eq_licence_imports (cooperation_id, product_id, month, source, filename, rows, users, active, actor_user_id, actor_name)
        values (${refs.cooperationId}, ${product.id}, ${`${month}-01`}::date, null, ${`p360-palogginger-${month}.csv`}, ${users.length}, ${users.length}, ${active}, ${actor.userId}, ${actor.name})
        returning id
      )
      insert into eq_licence_usage (import_id, product_id, month, user_key, municipality_id, sign_ins, last_sign_in_on, active)
      select imp.id, ${product.id}::uuid, ${`${month}-01`}::date, x.user_key, x.municipality_id, x.sign_ins, x.last_sign_in_on, x.active
      from imp, jsonb_to_recordset(${JSON.stringify(users)}::jsonb) as x(user_key text, municipality_id uuid, sign_ins int, last_sign_in_on date, active boolean)`);
  }
  return { productId: product.id };
}
