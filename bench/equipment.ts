// Benchmark of the PC status table (issue 13, acceptance): 200,000 devices over five municipalities and
// two categories, 24 monthly imports (each month ~85 % of the devices signed in: ~4 million sign-ins),
// lifecycle rules, models with a fixed end of support, stock counts, orders and some retirements.
// Measures, interleaved in the same run:
//   - table:  computeStatusTable for the last month (the service the API and the report block call);
//   - count:  select count(*) from eq_devices where cooperation_id = … (the bare baseline of the issue).
// Prints p50/mean in milliseconds and the ratio (target ≤ 10×).
//
//   npx tsx bench/equipment.ts                                   # PGlite in a temporary directory
//   DATABASE_URL=postgres://… npx tsx bench/equipment.ts         # a fresh database on that server, dropped after
//   BENCH_ROUNDS=50 BENCH_DEVICES=50000 npx tsx bench/equipment.ts
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';
import { cooperations, memberships, municipalities } from '../src/modules/org/schema.js';
import { refreshExpiry } from '../src/modules/equipment/expiry.js';
import { computeStatusTable, deviceCountsQuery } from '../src/modules/equipment/status.service.js';
import { machine, medianAndMean, openBenchDatabase, percentile, timeInterleaved } from './support.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const WARMUP = 3;
const DEVICES = Number(process.env.BENCH_DEVICES ?? 200_000);
const MONTHS = 24;
const FIRST_MONTH = '2022-01-01';
const AS_OF = '2023-12-15';

async function build(database: Database) {
  const { db } = database;
  const [coop] = await db.insert(cooperations).values({ name: 'Bench-IKT', shortName: 'BENCH' }).returning();
  const munis = await db.insert(municipalities).values(['Aukra', 'Molde', 'Rauma', 'Vestnes', 'Hustadvika'].map((name) => ({ name }))).returning();
  await db.insert(memberships).values(munis.map((m) => ({ cooperationId: coop!.id, municipalityId: m.id, joined: '2009-01-01' })));
  const ids = sql.raw(`array[${munis.map((m) => `'${m.id}'::uuid`).join(',')}]`);
  // Deterministic: device n's municipality, category, model and purchase date follow from n.
  await db.execute(sql`
    insert into eq_devices (cooperation_id, municipality_id, category, serial, model, primary_user, enrolled_on, purchased_on, first_seen_month)
    select ${coop!.id}::uuid, (${ids})[1 + n % 5], case when n % 3 = 0 then 'elev'::eq_device_category else 'ansatt'::eq_device_category end,
      'SN' || lpad(n::text, 7, '0'), 'Model ' || (n % 40),
      case when n % 3 <> 0 then 'user' || n || '@bench.no' end,
      date '2015-01-01' + (n % 3000),
      case when n % 11 = 0 then null else date '2015-01-01' + (n % 3000) end,
      ${FIRST_MONTH}::date
    from generate_series(1, ${DEVICES}) as n`);
  // 24 monthly imports; a device is missing from a month's export one month in seven. The foreign-key
  // triggers are off for these rows (the ids come from eq_devices itself): checking 4 million of them
  // took PGlite 20 minutes, and the benchmark measures the read.
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`
      insert into eq_device_sign_ins (month, device_id)
      select (${FIRST_MONTH}::date + make_interval(months => m))::date, id from eq_devices cross join generate_series(0, ${MONTHS - 1}) m
      where cooperation_id = ${coop!.id} and (hashtext(serial) + m) % 7 <> 0`);
  });
  await db.execute(sql`
    insert into eq_lifecycle_rules (cooperation_id, municipality_id, category, years, when_purchase_missing)
    select ${coop!.id}::uuid, id, c, 4 + (row_number() over ()) % 3, 'enrolled' from municipalities cross join unnest(enum_range(null::eq_device_category)) c
    where id = any(${ids})`);
  await db.execute(sql`insert into eq_model_support (cooperation_id, model, end_of_support)
    select ${coop!.id}::uuid, 'Model ' || k, date '2022-06-30' + k * 30 from generate_series(0, 4) k`);
  await db.execute(sql`insert into eq_stock_counts (cooperation_id, municipality_id, category, count, counted_on, actor_name)
    select ${coop!.id}::uuid, m, c, 10 + k, date '2023-01-01' + k * 30, 'bench'
    from unnest(${ids}) m cross join unnest(enum_range(null::eq_device_category)) c cross join generate_series(0, 11) k`);
  await db.execute(sql`with o as (
      insert into eq_orders (cooperation_id, municipality_id, category, quantity)
      select ${coop!.id}::uuid, (${ids})[1 + k % 5], case when k % 2 = 0 then 'ansatt'::eq_device_category else 'elev'::eq_device_category end, 1 + k % 5
      from generate_series(1, 200) k returning id, quantity)
    insert into eq_order_steps (order_id, state, "on", actor_name)
    select id, 'ordered', date '2022-01-01' + quantity * 3, 'bench' from o`);
  await db.execute(sql`insert into eq_retirement_steps (device_id, step, "on", actor_name)
    select id, 'returned', date '2023-06-01', 'bench' from eq_devices where cooperation_id = ${coop!.id} and right(serial, 2) = '00'`);
  await refreshExpiry(db, coop!.id);
  await db.execute(sql`analyze`);
  return coop!.id;
}

const p50 = (xs: number[]) => percentile(xs, 50);

async function main() {
  const database = await openBenchDatabase();
  try {
    const t0 = performance.now();
    const cooperationId = await build(database);
    const { db } = database;
    const [counts] = (await db.execute(sql`select (select count(*) from eq_devices)::int as devices, (select count(*) from eq_device_sign_ins)::int as signins`) as unknown as { rows: { devices: number; signins: number }[] }).rows;
    console.log(`engine ${database.kind}; ${counts!.devices} devices, ${counts!.signins} sign-ins over ${MONTHS} months; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const table = () => computeStatusTable(db, { cooperationId, asOf: AS_OF, municipalityId: null });
    const count = () => db.execute(sql`select count(*) from eq_devices where cooperation_id = ${cooperationId}`);
    const t = await table();
    console.log(`sanity: ${t.rows.length} rows; Sum utgått ${t.sum.expired}, utgår ${t.sum.expiring}, på lager ${t.sum.inStock}, bestilt ${t.sum.orderedNotDelivered}, må bestilles ${t.sum.mustOrder}, antatt ${t.sum.assumedPurchase}`);

    if (process.env.BENCH_EXPLAIN) {
      const plan = await db.execute(sql`explain (analyze, buffers) ${deviceCountsQuery({ cooperationId, asOf: AS_OF, municipalityId: null })}`) as unknown as { rows: Record<string, string>[] };
      console.log(plan.rows.map((r) => Object.values(r)[0]).join('\n'));
    }
    const samples = await timeInterleaved({ table, count }, ROUNDS, WARMUP);
    console.log(`rounds ${ROUNDS} (after ${WARMUP} warm-up); ${machine()}`);
    console.log(`  status table      ${medianAndMean(samples.table)}`);
    console.log(`  count(*) devices  ${medianAndMean(samples.count)}`);
    const ratio = p50(samples.table) / p50(samples.count);
    console.log(`ratio status table / count(*): ${ratio.toFixed(2)}× (target ≤ 10×: ${ratio <= 10 ? 'met' : 'NOT met'})`);
  } finally {
    await database.cleanup();
  }
}

await main();
