// Benchmark of the service desk (issue 4, acceptance) on PostgreSQL: 1,000,000 tickets over four years
// (2021–2024) with 10 events each (10,000,000 events), generated in the database with
// INSERT … SELECT generate_series so the set-up takes minutes, not hours. Measures in the same run:
//   - kpi(2024):  the monthly KPI pack for one year and all municipalities (computeKpiPack, the service
//                 behind GET /api/servicedesk/kpi), against
//     count(*):   select count(*) from sd_tickets (target: kpi ≤ 20× count);
//   - queue:      GET /api/servicedesk/tickets, a page of 50 filtered tickets over real HTTP as a signed-in
//                 agent (rotating over filters), against GET /healthz, interleaved (target: p95 ≤ 5×).
// Prints absolute figures (ms) too.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/servicedesk.ts
//   BENCH_TICKETS=200000 BENCH_ROUNDS=10 BENCH_REQUESTS=300 …   # smaller or longer runs
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { createApp } from '../src/server/app.js';
import { readEnv } from '../src/server/env.js';
import { systemActor } from '../src/server/context.js';
import { createCooperation, createMembership, createMunicipality, createUser } from '../src/modules/org/service.js';
import { computeKpiPack } from '../src/modules/servicedesk/kpi.service.js';
import { DEMO_CATEGORIES } from '../src/modules/servicedesk/constants.js';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1_000_000);
const EVENTS_PER_TICKET = Number(process.env.BENCH_EVENTS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const STAFF = { email: 'bench-agent@bench.samrad.no', password: 'benchmark-passord' };

async function openBenchDatabase(url: string): Promise<Database & { url: string; cleanup: () => Promise<void> }> {
  const name = `samrad_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const database = await openDatabase({ url: dbUrl.toString() });
  await migrateDatabase(database);
  return {
    ...database,
    url: dbUrl.toString(),
    cleanup: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

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
  // h(g, k) = a pseudo-random number 0..999 per row and purpose; created spreads 4 years evenly.
  await db.execute(sql`
    insert into sd_tickets (cooperation_id, municipality_id, requester_name, type, category, channel, priority, status, title, description,
      assignee_user_id, created_at, updated_at, solved_at, closed_at, sla_resolution_elapsed_ms, sla_resolution_met, sla_resolution_due_at, sla_computed_at)
    select ${coop.id}::uuid, (${muniArray})[1 + h1 % 5], 'Innmelder ' || g,
      (case when h2 < 45 then 'feilmelding' when h2 < 93 then 'tjenesteforesporsel' else 'annet' end)::sd_ticket_type,
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
  await db.execute(sql`analyze`);
  return { coopId: coop.id, munis, ticketsMs, eventsMs };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const f1 = (x: number) => x.toFixed(1);

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('bench/servicedesk.ts measures on PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test). Nothing to do.');
    return;
  }
  console.log(`service desk benchmark: ${TICKETS.toLocaleString('nb-NO')} tickets × ${EVENTS_PER_TICKET} events; ${cpus().length} CPUs, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const database = await openBenchDatabase(url);
  try {
    const built = await build(database);
    console.log(`built: tickets ${f1(built.ticketsMs / 1000)} s, events ${f1(built.eventsMs / 1000)} s`);
    const { db } = database;

    // ---- KPI pack against count(*), interleaved ----
    const count = async () => { await db.execute(sql`select count(*) from sd_tickets`); };
    const kpi = async () => computeKpiPack(db, { cooperationId: built.coopId, municipalityId: null, municipalityName: null, from: '2024-01', to: '2024-12' });
    await count(); await kpi();
    const counts: number[] = [];
    const kpis: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      let t = performance.now(); await count(); counts.push(performance.now() - t);
      t = performance.now(); await kpi(); kpis.push(performance.now() - t);
    }
    const sample = await kpi();
    console.log(`2024: new ${sample.trend.reduce((s, t) => s + t.new, 0)}, open at end ${sample.openAtEnd.total}, SLA ${sample.slaAttainmentTotal.percent} %`);
    const kpiRatio = median(kpis) / median(counts);
    console.log(`count(*)        median ${f1(median(counts))} ms  (min ${f1(Math.min(...counts))})`);
    console.log(`KPI pack 2024   median ${f1(median(kpis))} ms  (min ${f1(Math.min(...kpis))})`);
    console.log(`ratio KPI / count(*) = ${f1(kpiRatio)}×  (target ≤ 20×) ${kpiRatio <= 20 ? 'OK' : 'OVER'}`);

    // ---- agent queue over HTTP against /healthz ----
    const env = readEnv({ SAMRAD_DEMO: 'off', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
    const app = createApp({ db, env });
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify(STAFF) });
      if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const queues = [
        (i: number) => `/api/servicedesk/tickets?queue=mine&status=open&limit=50&municipalityId=${built.munis[i % 5]}`,
        (i: number) => `/api/servicedesk/tickets?queue=all&priority=medium&municipalityId=${built.munis[i % 5]}&limit=50`,
        (i: number) => `/api/servicedesk/tickets?queue=unassigned&status=open&limit=50&category=${encodeURIComponent(DEMO_CATEGORIES[i % 9]!)}`,
        () => '/api/servicedesk/tickets?queue=all&type=feilmelding&channel=telefon&limit=50',
      ];
      const get = async (p: string) => {
        const res = await fetch(base + p, { headers: { cookie } });
        const body = await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${p}: ${res.status} ${Buffer.from(body).toString()}`);
        return body.byteLength;
      };
      for (let i = 0; i < 20; i++) { await get('/healthz'); await get(queues[i % 4]!(i)); }
      const health: number[] = [];
      const queue: number[] = [];
      const perKind: number[][] = queues.map(() => []);
      for (let i = 0; i < REQUESTS; i++) {
        let t = performance.now(); await get('/healthz'); health.push(performance.now() - t);
        t = performance.now(); await get(queues[i % 4]!(i)); queue.push(performance.now() - t);
        perKind[i % 4]!.push(queue[queue.length - 1]!);
      }
      perKind.forEach((xs, k) => console.log(`  ${queues[k]!(0).replace(/municipalityId=[^&]+/, 'municipalityId=…')}: p50 ${f1(pct(xs, 50))} ms, p95 ${f1(pct(xs, 95))} ms`));
      const ratio = pct(queue, 95) / pct(health, 95);
      console.log(`/healthz        p50 ${f1(pct(health, 50))} ms  p95 ${f1(pct(health, 95))} ms  p99 ${f1(pct(health, 99))} ms`);
      console.log(`queue page (50) p50 ${f1(pct(queue, 50))} ms  p95 ${f1(pct(queue, 95))} ms  p99 ${f1(pct(queue, 99))} ms`);
      console.log(`ratio queue p95 / healthz p95 = ${f1(ratio)}×  (target ≤ 5×) ${ratio <= 5 ? 'OK' : 'OVER'}; p50 ratio ${f1(pct(queue, 50) / pct(health, 50))}×`);
    } finally {
      server.close();
    }
    console.log(`load average at the end: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    // BENCH_KEEP=1 leaves the database for EXPLAIN; its name is printed.
    if (process.env.BENCH_KEEP) console.log(`kept database ${new URL(database.url).pathname.slice(1)}`);
    else await database.cleanup();
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
