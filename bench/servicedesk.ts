// Benchmark of the service desk (issue 4, acceptance) on PostgreSQL: 1,000,000 tickets over four years
// (2021–2024) with 10 events each (10,000,000 events), generated in the database with
// INSERT … SELECT generate_series so the set-up takes minutes, not hours, then the KPI summaries and
// monthly counts built by the same function the import and the demo loader use. Measures in the same run:
//   - kpi(2024):  the monthly KPI pack for one year and all municipalities (computeKpiPack, the service
//                 behind GET /api/servicedesk/kpi), against
//     count(*):   select count(*) from sd_tickets (target: kpi ≤ 20× count);
//   - queue:      GET /api/servicedesk/tickets, a page of 50 filtered tickets over real HTTP as a signed-in
//                 agent (rotating over filters), against GET /healthz, interleaved (target: p95 ≤ 5×).
// Prints absolute figures (ms) too. Without DATABASE_URL it runs on PGlite at a smaller default scale
// (100,000 tickets), which the issue does not ask for but shows the embedded engine's ratios.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/servicedesk.ts
//   BENCH_TICKETS=200000 BENCH_ROUNDS=10 BENCH_REQUESTS=300 BENCH_EVENTS=10 BENCH_KEEP=1 …   # smaller, longer, kept
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';
import { systemActor } from '../src/server/context.js';
import { createCooperation } from '../src/modules/org/cooperations.service.js';
import { createMembership } from '../src/modules/org/memberships.service.js';
import { createMunicipality } from '../src/modules/org/municipalities.service.js';
import { createUser } from '../src/modules/org/users.service.js';
import { computeKpiPack } from '../src/modules/servicedesk/kpi/kpi.service.js';
import { syncKpiSummaries } from '../src/modules/servicedesk/kpi/kpi-summary.js';
import { DEMO_CATEGORIES } from '../src/modules/servicedesk/vocabulary.js';
import { machine, measureInterleaved, openBenchDatabase, percentile, signIn, startBenchServer, time } from './support.js';

const ON_POSTGRES = Boolean(process.env.DATABASE_URL);
const TICKETS = Number(process.env.BENCH_TICKETS ?? (ON_POSTGRES ? 1_000_000 : 100_000));
const EVENTS_PER_TICKET = Number(process.env.BENCH_EVENTS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const STAFF = { email: 'bench-agent@bench.samrad.no', password: 'benchmark-passord' };

/** Tickets spread evenly over 2021–2024 with the demo's mixes, made from hashes of the row number. */
async function build(database: Database) {
  const { db } = database;
  const coop = await createCooperation(db, systemActor, { name: 'Bench-IKT', shortName: 'BENCH' });
  const munis = [];
  for (const [name, number] of [['Molde', '1506'], ['Aukra', '1547'], ['Rauma', '1539'], ['Vestnes', '1535'], ['Hustadvika', '1579']] as const) {
    const m = await createMunicipality(db, systemActor, { name, number });
    await createMembership(db, systemActor, { cooperationId: coop.id, municipalityId: m.id, joined: '2009-01-01' });
    munis.push(m.id);
  }
  const agent = await createUser(db, systemActor, { email: STAFF.email, name: 'Bench Agent', role: 'staff', password: STAFF.password, municipalityId: null });
  const muniArray = sql.raw(`array[${munis.map((m) => `'${m}'::uuid`).join(',')}]`);
  const catArray = sql.raw(`array[${DEMO_CATEGORIES.map((c) => `'${c}'`).join(',')}]`);
  const t0 = performance.now();
  // h(g, k) = a pseudo-random number 0..999 per row and purpose (so shares are in per mille: the demo's
  // 45 % incidents, 48 % requests, 7 % other); created spreads 4 years evenly.
  await db.execute(sql`
    insert into sd_tickets (cooperation_id, municipality_id, requester_name, type, category, channel, priority, status, title, description,
      assignee_user_id, created_at, updated_at, solved_at, closed_at, sla_resolution_elapsed_ms, sla_resolution_met, sla_resolution_due_at, sla_computed_at)
    select ${coop.id}::uuid, (${muniArray})[1 + h1 % 5], 'Innmelder ' || g,
      (case when h2 < 450 then 'feilmelding' when h2 < 930 then 'tjenesteforesporsel' else 'annet' end)::sd_ticket_type,
      (${catArray})[1 + h3 % 9],
      (array['portal','epost','telefon','oppmote','chat','annet'])[1 + h4 % 6]::sd_channel,
      (case when h5 < 300 then 'lav' when h5 < 995 then 'medium' when h5 < 998 then 'hoy' else 'kritisk' end)::sd_priority,
      (case when g > ${Math.round(TICKETS * 0.985)} and h6 < 600 then (array['ny','under_arbeid','venter_bruker'])[1 + h6 % 3] when h6 < 500 then 'lost' else 'lukket' end)::sd_status,
      'Sak ' || g, 'Beskrivelse av sak ' || g,
      case when h7 < 700 then ${agent.id}::uuid end,
      created, created,
      created + (h8 || ' hours')::interval, created + ((h8 + 48) || ' hours')::interval,
      (h8 * 600000)::bigint, h8 < 150, created + interval '3 days', created
    from (
      select g, timestamptz '2021-01-01 00:00 Europe/Oslo' + (g::float8 / ${TICKETS}) * interval '1461 days' as created,
        abs(hashint4(g)) % 1000 as h1, abs(hashint4(g + 1)) % 1000 as h2, abs(hashint4(g + 2)) % 1000 as h3, abs(hashint4(g + 3)) % 1000 as h4,
        abs(hashint4(g + 4)) % 1000 as h5, abs(hashint4(g + 5)) % 1000 as h6, abs(hashint4(g + 6)) % 1000 as h7, abs(hashint4(g + 7)) % 200 as h8
      from generate_series(1, ${TICKETS}) g
    ) s`);
  // Open tickets have no solve; the query above sets times for all, so clear them where the status is open.
  await db.execute(sql`update sd_tickets set solved_at = null, closed_at = null, sla_resolution_met = null where status not in ('lost', 'lukket')`);
  const ticketsMs = performance.now() - t0;
  const t1 = performance.now();
  await db.execute(sql`
    insert into sd_ticket_events (ticket_id, at, actor_name, by_desk, kind, internal, data)
    select t.id, t.created_at + k * interval '20 minutes', 'Bench Agent', k > 1,
      (array['created','reply','status','note','reply','status','assignment','reply','status','survey'])[k], k = 4, '{}'::jsonb
    from sd_tickets t cross join generate_series(1, ${EVENTS_PER_TICKET}) k`);
  const eventsMs = performance.now() - t1;
  // The KPI pack's per-ticket summaries and monthly counts, as the import and the demo loader build them.
  const t2 = performance.now();
  await syncKpiSummaries(db, { cooperationId: coop.id });
  const summariesMs = performance.now() - t2;
  await db.execute(sql`analyze`);
  return { coopId: coop.id, munis, ticketsMs, eventsMs, summariesMs };
}

/** A database kept by an earlier run (BENCH_REUSE=<name>): its cooperation and municipalities, nothing built. */
async function reuse(database: Database) {
  const { db } = database;
  const coop = await one<{ id: string }>(db, sql`select id from cooperations where short_name = 'BENCH'`);
  const rows = ((await db.execute(sql`select id from municipalities order by number`)) as unknown as { rows: { id: string }[] }).rows;
  return { coopId: coop.id, munis: rows.map((r) => r.id), ticketsMs: 0, eventsMs: 0, summariesMs: 0 };
}

const f1 = (x: number) => x.toFixed(1);
const one = async <T>(db: Database['db'], query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as { rows: T[] }).rows[0]!;

async function main() {
  console.log(`service desk benchmark (${ON_POSTGRES ? 'PostgreSQL' : 'PGlite'}): ${TICKETS.toLocaleString('nb-NO')} tickets × ${EVENTS_PER_TICKET} events; ${machine()}`);
  const database = await openBenchDatabase();
  try {
    const built = process.env.BENCH_REUSE ? await reuse(database) : await build(database);
    const { db } = database;
    // The issue asks for 10 events on every ticket: count them rather than trust the generator.
    const sizes = await one<{ tickets: number; events: number; per_ticket_min: number; per_ticket_max: number }>(db, sql`
      select t.n as tickets, coalesce(sum(e.n), 0)::int as events, (case when count(e.n) < t.n then 0 else min(e.n) end)::int as per_ticket_min,
        coalesce(max(e.n), 0)::int as per_ticket_max
      from (select count(*)::int as n from sd_tickets) t
        left join (select count(*)::int as n from sd_ticket_events group by ticket_id) e on true
      group by t.n`);
    console.log(`built: tickets ${f1(built.ticketsMs / 1000)} s, events ${f1(built.eventsMs / 1000)} s, KPI summaries ${f1(built.summariesMs / 1000)} s`);
    console.log(`contains: ${sizes.tickets.toLocaleString('nb-NO')} tickets, ${sizes.events.toLocaleString('nb-NO')} events (${sizes.per_ticket_min}–${sizes.per_ticket_max} per ticket)`);

    // ---- KPI pack against count(*), interleaved ----
    const count = () => db.execute(sql`select count(*) from sd_tickets`);
    const kpi = () => computeKpiPack(db, { cooperationId: built.coopId, municipalityId: null, municipalityName: null, from: '2024-01', to: '2024-12' });
    const sample = await kpi();
    console.log(`2024: new ${sample.trend.reduce((s, t) => s + t.new, 0)}, closed ${sample.trend.reduce((s, t) => s + t.closed, 0)}, open at end ${sample.openAtEnd.total}, SLA ${sample.slaAttainmentTotal.percent} %`);
    const measureKpi = async (state: string) => {
      await count(); await kpi();
      const counts: number[] = [];
      const kpis: number[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        counts.push(await time(count));
        kpis.push(await time(kpi));
      }
      const kpiRatio = percentile(kpis, 50) / percentile(counts, 50);
      console.log(`${state}:`);
      console.log(`  count(*)        median ${f1(percentile(counts, 50))} ms  (min ${f1(Math.min(...counts))})`);
      console.log(`  KPI pack 2024   median ${f1(percentile(kpis, 50))} ms  (min ${f1(Math.min(...kpis))})`);
      console.log(`  ratio KPI / count(*) = ${f1(kpiRatio)}×  (target ≤ 20×) ${kpiRatio <= 20 ? 'OK' : 'OVER'}`);
    };
    // Straight after the bulk load the visibility map is empty, so no scan is index-only; autovacuum
    // sets it soon after on a live system, which lets count(*) and the KPI pack read indexes alone.
    // Both states are measured, in this order.
    // BENCH_ONLY=queue skips the KPI rounds (with BENCH_REUSE, to measure a change to the queue alone).
    if (process.env.BENCH_ONLY !== 'queue') {
      await measureKpi('after the bulk load (analyzed, not vacuumed)');
      for (const table of ['sd_tickets', 'sd_ticket_summaries', 'sd_kpi_counts']) await db.execute(sql.raw(`vacuum analyze ${table}`));
      await measureKpi('after vacuum (as autovacuum leaves the tables)');
    }

    // ---- agent queue over HTTP against /healthz, interleaved ----
    const server = await startBenchServer(db);
    try {
      const cookie = await signIn(server.base, STAFF);
      const queues = [
        (i: number) => `/api/servicedesk/tickets?queue=mine&status=open&limit=50&municipalityId=${built.munis[i % 5]}`,
        (i: number) => `/api/servicedesk/tickets?queue=all&priority=medium&municipalityId=${built.munis[i % 5]}&limit=50`,
        (i: number) => `/api/servicedesk/tickets?queue=unassigned&status=open&limit=50&category=${encodeURIComponent(DEMO_CATEGORIES[i % 9]!)}`,
        () => '/api/servicedesk/tickets?queue=all&type=feilmelding&channel=telefon&limit=50',
      ];
      const samples = await measureInterleaved(server.base, [
        { label: 'healthz', pathFor: () => '/healthz' },
        { label: 'queue', pathFor: (i) => queues[i % 4]!(i), cookie },
      ], REQUESTS);
      const health = samples.get('healthz')!;
      const queue = samples.get('queue');
      if (!health || !queue) throw new Error('the queue or /healthz did not answer 200');
      queues.forEach((q, k) => {
        const xs = queue.filter((_, i) => i % 4 === k);
        console.log(`  ${q(0).replace(/municipalityId=[^&]+/, 'municipalityId=…')}: p50 ${f1(percentile(xs, 50))} ms, p95 ${f1(percentile(xs, 95))} ms`);
      });
      const ratio = percentile(queue, 95) / percentile(health, 95);
      console.log(`/healthz        p50 ${f1(percentile(health, 50))} ms  p95 ${f1(percentile(health, 95))} ms  p99 ${f1(percentile(health, 99))} ms`);
      console.log(`queue page (50) p50 ${f1(percentile(queue, 50))} ms  p95 ${f1(percentile(queue, 95))} ms  p99 ${f1(percentile(queue, 99))} ms`);
      console.log(`ratio queue p95 / healthz p95 = ${f1(ratio)}×  (target ≤ 5×) ${ratio <= 5 ? 'OK' : 'OVER'}; p50 ratio ${f1(percentile(queue, 50) / percentile(health, 50))}×`);
    } finally {
      server.close();
    }
    console.log(`at the end: ${machine()}`);
  } finally {
    // BENCH_KEEP=1 leaves the database for EXPLAIN; its name is printed.
    if (process.env.BENCH_KEEP) console.log(`kept database ${database.name}`);
    await database.cleanup({ keep: Boolean(process.env.BENCH_KEEP) });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
