// Benchmark of files next to everything else (issue 8): GET /healthz p95 idle, then again while 4 clients
// upload 20 MB attachments and 4 anonymous clients download public meeting PDFs (notices and case
// presentations of published meetings), measured in one run and printed as a ratio; the target is 3x.
// A third phase has 2 anonymous clients download a published 20 MB attachment (the other finding).
// The load clients run in worker threads, so their own work (building 20 MB bodies, reading answers)
// does not sit on the server's event loop; /healthz is timed from the main thread, like a monitor.
//
//   npx tsx bench/files.ts                               # PGlite in a temporary directory (npm run bench:files)
//   DATABASE_URL=postgres://… npx tsx bench/files.ts     # a fresh database on that server, dropped after
//   BENCH_SECONDS=30 BENCH_UPLOAD_MB=20 npx tsx bench/files.ts
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { serve } from '@hono/node-server';
import { eq, sql } from 'drizzle-orm';
import { diskFileStore } from '../src/lib/files/disk.js';
import { bodies } from '../src/modules/org/schema.js';
import { cases, meetings } from '../src/modules/governance/schema.js';
import { createApp } from '../src/server/app.js';
import { readEnv } from '../src/server/env.js';
import { setLogLevel } from '../src/server/logger.js';
import { BENCH_STAFF, buildBusyCouncil } from './fixture.js';
import { machine, openBenchDatabase, signIn, stats, type TStats } from './support.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const IDLE_REQUESTS = Number(process.env.BENCH_REQUESTS ?? 300);
const UPLOAD_BYTES = Number(process.env.BENCH_UPLOAD_MB ?? 20) * 1000 * 1000;
const TARGET_RATIO = 3;
const HEALTHZ_PAUSE_MS = 20;
const UPLOADERS = Number(process.env.BENCH_UPLOADERS ?? 4);
const PDF_READERS = Number(process.env.BENCH_PDF_READERS ?? 4);

// Plain JavaScript for the worker threads: one client each, in a loop until told to stop.
const CLIENT = `
const { parentPort, workerData: w } = require('node:worker_threads');
let stop = false;
parentPort.on('message', (m) => { if (m === 'stop') stop = true; });
(async () => {
  const statuses = {};
  let n = 0, bytes = 0;
  const ms = [];
  // The multipart body is built once, by hand: Node 20's Blob and FormData would spend more CPU here
  // than the server spends storing the file, on the same two cores.
  const boundary = 'samradbench' + w.id;
  const body = w.kind === 'upload' ? Buffer.concat([
    Buffer.from('--' + boundary + '\\r\\nContent-Disposition: form-data; name="file"; filename="stor.txt"\\r\\nContent-Type: text/plain\\r\\n\\r\\n'),
    Buffer.alloc(w.uploadBytes, 'a'),
    Buffer.from('\\r\\n--' + boundary + '--\\r\\n'),
  ]) : null;
  const headerAt = body ? body.indexOf('\\r\\n\\r\\n') + 4 : 0;
  while (!stop) {
    const t = performance.now();
    try {
      let res;
      if (w.kind === 'upload') {
        // A new first line each time: a new file for the store, not a repeat of one already kept.
        body.write(('vedlegg ' + w.id + '-' + n).padEnd(32, ' '), headerAt, 'latin1');
        res = await fetch(w.base + '/api/cases/' + w.caseId + '/attachments', {
          method: 'POST', body, headers: { cookie: w.cookie, origin: w.base, 'content-type': 'multipart/form-data; boundary=' + boundary },
        });
        await res.arrayBuffer();
        if (res.status === 201) bytes += w.uploadBytes;
      } else {
        res = await fetch(w.base + w.paths[(n + w.id) % w.paths.length]);
        const body = await res.arrayBuffer();
        if (res.status === 200) bytes += body.byteLength;
      }
      statuses[res.status] = (statuses[res.status] || 0) + 1;
    } catch (err) {
      statuses.error = (statuses.error || 0) + 1;
    }
    ms.push(performance.now() - t);
    n++;
  }
  parentPort.postMessage({ n, bytes, statuses, ms });
})();
`;

type TClientResult = { n: number; bytes: number; statuses: Record<string, number>; ms: number[] };

function startClients(count: number, data: Record<string, unknown>) {
  const workers = Array.from({ length: count }, (_, id) => new Worker(CLIENT, { eval: true, workerData: { ...data, id } }));
  const done = workers.map((w) => new Promise<TClientResult>((resolve, reject) => { w.once('message', resolve); w.once('error', reject); }));
  return {
    stop: async () => {
      for (const w of workers) w.postMessage('stop');
      const results = await Promise.all(done);
      await Promise.all(workers.map((w) => w.terminate()));
      return results;
    },
  };
}

async function healthzOnce(base: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(`${base}/healthz`);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`/healthz answered ${res.status}`);
  return performance.now() - t;
}

/**
 * How long the server's event loop was held (the server runs in this process): tells a blocked loop
 * from a machine short of CPU, which slows /healthz too but does not block.
 */
let loopDelay = monitorEventLoopDelay({ resolution: 10 });
function loopReport(): string {
  const r = `event loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms`;
  loopDelay.disable();
  loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  return r;
}

/** /healthz one after another for `seconds`, a short pause between, while the load runs. */
async function healthzFor(base: string, seconds: number): Promise<number[]> {
  const samples: number[] = [];
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    samples.push(await healthzOnce(base));
    await new Promise((r) => setTimeout(r, HEALTHZ_PAUSE_MS));
  }
  return samples;
}

function summary(label: string, results: TClientResult[], seconds: number) {
  const statuses: Record<string, number> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  const n = results.reduce((a, r) => a + r.n, 0);
  const mb = results.reduce((a, r) => a + r.bytes, 0) / 1e6;
  const ms = results.flatMap((r) => r.ms);
  const s = ms.length ? stats(ms) : null;
  return `  ${label}: ${n} requests (${(n / seconds).toFixed(1)}/s), ${mb.toFixed(0)} MB (${(mb / seconds).toFixed(1)} MB/s), statuses ${JSON.stringify(statuses)}`
    + (s ? `, per request p50 ${s.p50.toFixed(0)} ms p95 ${s.p95.toFixed(0)} ms` : '');
}

const fmt = (s: TStats) => `p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms (n=${s.n})`;

async function main() {
  setLogLevel('silent');
  const database = await openBenchDatabase();
  const filesDir = mkdtempSync(path.join(tmpdir(), 'samrad-bench-files-'));
  const fixture = await buildBusyCouncil(database.db, { years: 1, meetingsPerYear: 4, casesPerMeeting: 6, attachmentsPerCase: 1 });
  // An open, published meeting with a public case to upload to (the fixture's meetings are approved,
  // and approved minutes take no new attachments).
  const [body] = await database.db.select().from(bodies).limit(1);
  const [open] = await database.db.insert(meetings).values({
    bodyId: body!.id, year: new Date().getFullYear(), number: 90, date: `${new Date().getFullYear()}-12-20`, startTime: '09:00', place: 'Molde', published: true, noticeVersion: 1,
  }).returning();
  const [openCase] = await database.db.insert(cases).values({
    bodyId: body!.id, meetingId: open!.id, year: open!.year, position: 1, sequence: 1, number: `${open!.year}/M90-001`, title: 'Vedlegg i hopetall', caseType: 'orientering',
  }).returning();
  const published = await database.db.select({ id: meetings.id }).from(meetings).where(eq(meetings.status, 'godkjent'));
  const publicCases = await database.db.select({ id: cases.id }).from(cases).where(eq(cases.access, 'offentlig'));
  const pdfPaths = [
    ...published.map((m) => `/api/meetings/${m.id}/notice.pdf`),
    ...publicCases.slice(0, 8).map((c) => `/api/cases/${c.id}/presentation.pdf`),
  ];

  const env = readEnv({
    SAMRAD_DEMO: 'off', LOG_LEVEL: 'silent', UPLOAD_QUOTA_BYTES_PER_DAY: String(1e12), UPLOAD_RATE_PER_MINUTE: '100000',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  } as NodeJS.ProcessEnv);
  const server = serve({ fetch: createApp({ db: database.db, env, files: diskFileStore(path.join(filesDir, 'files')) }).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cookie = await signIn(base, BENCH_STAFF);

  console.log(`samrad files benchmark (${database.kind}, node ${process.version}, ${machine()})`);
  console.log(`  ${fixture.meetings} published meetings; ${pdfPaths.length} public PDFs (notices, case presentations); uploads of ${UPLOAD_BYTES / 1e6} MB`);

  for (let i = 0; i < 20; i++) await healthzOnce(base);
  loopReport();
  const idleSamples: number[] = [];
  for (let i = 0; i < IDLE_REQUESTS; i++) {
    idleSamples.push(await healthzOnce(base));
    await new Promise((r) => setTimeout(r, HEALTHZ_PAUSE_MS));
  }
  const idle = stats(idleSamples);
  console.log(`  /healthz idle: ${fmt(idle)}; ${loopReport()}`);

  // Phase 1: the target.
  const uploads = startClients(UPLOADERS, { kind: 'upload', base, cookie, caseId: openCase!.id, uploadBytes: UPLOAD_BYTES });
  const pdfs = startClients(PDF_READERS, { kind: 'pdf', base, paths: pdfPaths });
  const loaded = stats(await healthzFor(base, SECONDS));
  const loadedLoop = loopReport();
  const [upResults, pdfResults] = [await uploads.stop(), await pdfs.stop()];
  console.log(`  /healthz with ${UPLOADERS} uploading + ${PDF_READERS} downloading PDFs for ${SECONDS} s: ${fmt(loaded)}; ${loadedLoop}`);
  console.log(summary('uploads', upResults, SECONDS));
  console.log(summary('public PDFs', pdfResults, SECONDS));
  const ratio = loaded.p95 / idle.p95;
  console.log(`  ratio p95 loaded / idle: ${ratio.toFixed(2)}x (target <= ${TARGET_RATIO}x): ${ratio <= TARGET_RATIO ? 'PASS' : 'FAIL'}`);

  // Phase 2: two anonymous clients reading a published 20 MB attachment over and over.
  // The newest attachment of the open meeting's public case: one of the uploads above.
  const newest = await database.db.execute(sql`select id from attachments where case_id = ${openCase!.id} order by uploaded_at desc limit 1`);
  const [bigFile] = (newest as unknown as { rows: { id: string }[] }).rows;
  if (bigFile) {
    const readers = startClients(2, { kind: 'pdf', base, paths: [`/api/attachments/${bigFile.id}`] });
    const reading = stats(await healthzFor(base, Math.min(SECONDS, 20)));
    const readingLoop = loopReport();
    const readResults = await readers.stop();
    console.log(`  /healthz with 2 anonymous clients downloading a ${UPLOAD_BYTES / 1e6} MB public attachment: ${fmt(reading)}; ratio ${(reading.p95 / idle.p95).toFixed(2)}x; ${readingLoop}`);
    console.log(summary('attachment downloads', readResults, Math.min(SECONDS, 20)));
  }

  server.close();
  await database.cleanup();
  rmSync(filesDir, { recursive: true, force: true });
  process.exit(ratio <= TARGET_RATIO ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(2);
});
