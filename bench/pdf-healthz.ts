// Benchmark of PDFs next to everything else (issue 8): /healthz while 4 signed-in clients ask for PDFs
// as fast as the server gives them. Before decision 0014 the compiler ran on the main thread, and 4 clients
// at ~10 PDFs/s took /healthz from 7 ms to 50–260 ms. Signed-in readers are never served from the public
// cache, so every request renders: notices of the busy council's 70 meetings and saksframlegg of its 700
// cases, PDF/A and plain in turn. Prints /healthz p50/p95 idle and under load, the PDFs per second, and
// the verdict (p95 under load ≤ 3× idle p95).
//
//   npx tsx bench/pdf-healthz.ts                                  # PGlite in a temporary directory
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/pdf-healthz.ts
//   BENCH_REQUESTS=500 BENCH_CLIENTS=8 npx tsx bench/pdf-healthz.ts
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { asc } from 'drizzle-orm';
import { closeRenderer, renderCount } from '../src/documents/renderer.js';
import { cases, meetings } from '../src/modules/governance/schema.js';
import { setLogLevel } from '../src/server/logger.js';
import { BENCH_STAFF, buildBusyCouncil } from './fixture.js';
import { machine, openBenchDatabase, signIn, startBenchServer, stats, time } from './support.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const LIMIT = 3;

const fmt = (ms: number) => ms.toFixed(1);

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
  const get = async (path: string, withCookie: boolean) => {
    const res = await fetch(server.base + path, { headers: withCookie ? { cookie } : {} });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  };
  // The event loop's own delay tells a blocked main thread from a machine short of CPU.
  const healthz = async () => {
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const samples: number[] = [];
    for (let i = 0; i < REQUESTS; i++) samples.push(await time(() => get('/healthz', false)));
    loop.disable();
    return { ...stats(samples), loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 };
  };

  // Warm: every thread has set a few papers, so the comparison is not against a cold compiler.
  for (let i = 0; i < 8; i++) await get(pdfPath(i), true);
  const idle = await healthz();

  let stop = false;
  let next = 8;
  const pdfTimes: number[] = [];
  const clients = Array.from({ length: CLIENTS }, async () => {
    while (!stop) pdfTimes.push(await time(() => get(pdfPath(next++), true)));
  });
  const started = performance.now();
  const rendersBefore = renderCount();
  const loaded = await healthz();
  stop = true;
  await Promise.all(clients);
  const seconds = (performance.now() - started) / 1000;
  const renders = renderCount() - rendersBefore;
  server.close();
  await closeRenderer();
  await database.cleanup();

  const pdf = stats(pdfTimes);
  const ratio = loaded.p95 / idle.p95;
  console.log(`${machine()}; ${database.kind}; ${CLIENTS} PDF clients`);
  console.log(`/healthz idle:      p50 ${fmt(idle.p50)} ms, p95 ${fmt(idle.p95)} ms, p99 ${fmt(idle.p99)} ms; event loop delay p99 ${fmt(idle.loopP99)} ms, max ${fmt(idle.loopMax)} ms`);
  console.log(`/healthz with PDFs: p50 ${fmt(loaded.p50)} ms, p95 ${fmt(loaded.p95)} ms, p99 ${fmt(loaded.p99)} ms; event loop delay p99 ${fmt(loaded.loopP99)} ms, max ${fmt(loaded.loopMax)} ms`);
  console.log(`PDFs: ${pdfTimes.length} in ${seconds.toFixed(1)} s = ${(pdfTimes.length / seconds).toFixed(1)}/s (${renders} renders), p50 ${fmt(pdf.p50)} ms, p95 ${fmt(pdf.p95)} ms`);
  console.log(`ratio p95 ${ratio.toFixed(2)} (limit ${LIMIT}): ${ratio <= LIMIT ? 'PASS' : 'FAIL'}`);
  process.exitCode = ratio <= LIMIT ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
