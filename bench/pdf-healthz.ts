// Benchmark of PDFs next to everything else (issue 8): /healthz while 4 signed-in clients ask for PDFs at
// the rate (~10 PDFs/s together). Before decision 0014 the compiler ran on the main thread, and 4
// clients at ~10 PDFs/s took /healthz from 7 ms to 50–260 ms. Signed-in readers are never served from the
// public cache, so every request renders: notices of the busy council's 70 meetings and saksframlegg of
// its 700 cases, PDF/A and plain in turn. The PDF clients and the /healthz probe each run in a child
// process (bench/clients.mjs) at a fixed rate, so this process holds the server alone. Prints /healthz
// p50/p95 idle and under load, the PDFs per second, and the verdict (p95 under load ≤ 3× idle p95).
//
//   npx tsx bench/pdf-healthz.ts                                  # PGlite in a temporary directory
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/pdf-healthz.ts
//   BENCH_SECONDS=30 BENCH_CLIENTS=8 BENCH_PDF_RATE=2.5 npx tsx bench/pdf-healthz.ts
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { asc } from 'drizzle-orm';
import { closeRenderer, renderCount } from '../src/documents/renderer.js';
import { cases, meetings } from '../src/modules/governance/schema.js';
import { setLogLevel } from '../src/server/logger.js';
import { BENCH_STAFF, buildBusyCouncil } from './fixture.js';
import { clientSummary, loadNow, machine, openBenchDatabase, runClients, signIn, startBenchServer, stats, type TStats } from './support.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 6);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
/** Per client: 4 clients at 2.5/s are the issue's ~10 PDFs/s. */
const PDF_RATE = Number(process.env.BENCH_PDF_RATE ?? 2.5);
const HEALTHZ_PERIOD_MS = 20;
const LIMIT = 3;

const fmt = (ms: number) => ms.toFixed(1);
const line = (s: TStats & { loopP99: number; loopMax: number }) =>
  `p50 ${fmt(s.p50)} ms, p95 ${fmt(s.p95)} ms, p99 ${fmt(s.p99)} ms (n=${s.n}); event loop delay p99 ${fmt(s.loopP99)} ms, max ${fmt(s.loopMax)} ms`;

async function main() {
  setLogLevel('silent');
  const database = await openBenchDatabase();
  await buildBusyCouncil(database.db);
  const server = await startBenchServer(database.db);
  const cookie = await signIn(server.base, BENCH_STAFF);
  const meetingIds = (await database.db.select({ id: meetings.id }).from(meetings).orderBy(asc(meetings.date))).map((m) => m.id);
  const caseIds = (await database.db.select({ id: cases.id }).from(cases).orderBy(asc(cases.number))).map((c) => c.id);
  const pdfPath = (i: number) => {
    const archive = Math.floor(i / 2) % 2 ? '?archive=1' : '';
    return i % 2 ? `/api/cases/${caseIds[i % caseIds.length]}/presentation.pdf${archive}` : `/api/meetings/${meetingIds[i % meetingIds.length]}/notice.pdf${archive}`;
  };
  const paths = Array.from({ length: 1000 }, (_, i) => pdfPath(i + 8));

  // The server's own event loop (this process holds nothing else) tells a blocked main thread from a
  // machine short of CPU.
  const healthz = async (seconds: number, delayMs = 0) => {
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const r = await runClients({ base: server.base, seconds, delayMs, streams: [{ name: 'healthz', clients: 1, ratePerClient: 1000 / HEALTHZ_PERIOD_MS, paths: ['/healthz'] }] });
    loop.disable();
    if (Object.keys(r.healthz!.statuses).some((k) => k !== '200')) throw new Error(`/healthz: ${JSON.stringify(r.healthz!.statuses)}`);
    return { ...stats(r.healthz!.ms), loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 };
  };

  // Warm: every thread has set a few papers, so the comparison is not against a cold compiler.
  for (let i = 0; i < 8; i++) {
    const res = await fetch(server.base + pdfPath(i), { headers: { cookie } });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${pdfPath(i)}: ${res.status}`);
  }
  await healthz(1);
  const idle = await healthz(IDLE_SECONDS);
  const idleLoad = loadNow();

  const rendersBefore = renderCount();
  const pdfRun = runClients({ base: server.base, seconds: SECONDS + 2, streams: [{ name: 'PDFs (signed in)', clients: CLIENTS, ratePerClient: PDF_RATE, paths, cookie }] });
  const loaded = await healthz(SECONDS, 1000);
  const loadedLoad = loadNow();
  const pdfs = await pdfRun;
  const renders = renderCount() - rendersBefore;
  server.close();
  await closeRenderer();
  await database.cleanup();

  const ratio = loaded.p95 / idle.p95;
  console.log(`${machine()}; ${database.kind}; ${CLIENTS} PDF clients at ${PDF_RATE}/s each`);
  console.log(`/healthz idle (load ${idleLoad}):      ${line(idle)}`);
  console.log(`/healthz with PDFs (load ${loadedLoad}): ${line(loaded)}`);
  for (const [name, r] of Object.entries(pdfs)) console.log(clientSummary(name, r, SECONDS + 2));
  console.log(`renders: ${renders}`);
  console.log(`ratio p95 ${ratio.toFixed(2)} (limit ${LIMIT}): ${ratio <= LIMIT ? 'PASS' : 'FAIL'}; p50 ratio ${(loaded.p50 / idle.p50).toFixed(2)}`);
  process.exitCode = ratio <= LIMIT ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
