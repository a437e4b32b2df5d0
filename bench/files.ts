// Benchmark of files next to everything else (issue 8): GET /healthz p95 idle, then again while 4 clients
// upload 20 MB attachments and 4 anonymous clients download public meeting PDFs (notices and case
// presentations of published meetings), measured in one run and printed as a ratio; the target is 3x.
// A third phase has 2 anonymous clients download a published 20 MB attachment (the other finding).
// The load clients and the /healthz probe each run in a child process (bench/clients.mjs) at a fixed
// rate, so this process holds the server alone: the ratio is the server's latency for others, not how
// the OS schedules busy clients next to it. Rates: BENCH_UPLOAD_RATE (per uploader, 0.25/s),
// BENCH_PDF_RATE (per PDF reader, 2.5/s), BENCH_ATTACHMENT_RATE (per attachment reader, 1/s).
//
//   npx tsx bench/files.ts                               # PGlite in a temporary directory (npm run bench:files)
//   DATABASE_URL=postgres://… npx tsx bench/files.ts     # a fresh database on that server, dropped after
//   BENCH_SECONDS=30 BENCH_UPLOAD_MB=20 npx tsx bench/files.ts
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { eq, sql } from 'drizzle-orm';
import { diskFileStore } from '../src/lib/files/disk.js';
import { bodies } from '../src/modules/org/schema.js';
import { cases, meetings } from '../src/modules/governance/schema.js';
import { createApp } from '../src/server/app.js';
import { readEnv } from '../src/server/env.js';
import { setLogLevel } from '../src/server/logger.js';
import { BENCH_STAFF, buildBusyCouncil } from './fixture.js';
import { clientSummary, loadNow, machine, openBenchDatabase, runClients, signIn, stats, type TClientStream, type TStats } from './support.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 6);
const UPLOAD_BYTES = Number(process.env.BENCH_UPLOAD_MB ?? 20) * 1000 * 1000;
const TARGET_RATIO = 3;
const HEALTHZ_PERIOD_MS = 20;
/** Per client: one 20 MB upload every 4 s (4 clients: 1 upload, 20 MB a second); 2.5 PDFs a second (4 clients: 10/s, the rate). */
const UPLOAD_RATE = Number(process.env.BENCH_UPLOAD_RATE ?? 0.25);
const PDF_RATE = Number(process.env.BENCH_PDF_RATE ?? 2.5);
const ATTACHMENT_RATE = Number(process.env.BENCH_ATTACHMENT_RATE ?? 1);
const UPLOADERS = Number(process.env.BENCH_UPLOADERS ?? 4);
const PDF_READERS = Number(process.env.BENCH_PDF_READERS ?? 4);

/**
 * How long the server's event loop was held (the server runs in this process, the clients do not): a
 * delay here is a blocked loop or a machine short of CPU, never client work.
 */
let loopDelay = monitorEventLoopDelay({ resolution: 10 });
function loopReport(): string {
  const r = `event loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms`;
  loopDelay.disable();
  loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  return r;
}

/** /healthz at a fixed pace from its own process (a monitor), for `seconds` after `delayMs`. */
function probe(base: string, seconds: number, delayMs = 0) {
  return runClients({ base, seconds, delayMs, streams: [{ name: 'healthz', clients: 1, ratePerClient: 1000 / HEALTHZ_PERIOD_MS, paths: ['/healthz'] }] })
    .then((r) => {
      const h = r.healthz!;
      const bad = Object.entries(h.statuses).filter(([k]) => k !== '200');
      if (bad.length) throw new Error(`/healthz answered ${JSON.stringify(h.statuses)}`);
      return h.ms;
    });
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
    SAMRAD_DEMO: 'off', LOG_LEVEL: 'silent', SAMRAD_DATA_DIR: filesDir, UPLOAD_QUOTA_BYTES_PER_DAY: String(1e12), UPLOAD_RATE_PER_MINUTE: '100000',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
  } as NodeJS.ProcessEnv);
  const server = serve({ fetch: createApp({ db: database.db, env, files: diskFileStore(path.join(filesDir, 'files')) }).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cookie = await signIn(base, BENCH_STAFF);

  console.log(`samrad files benchmark (${database.kind}, node ${process.version}, ${machine()})`);
  console.log(`  ${fixture.meetings} published meetings; ${pdfPaths.length} public PDFs (notices, case presentations); uploads of ${UPLOAD_BYTES / 1e6} MB`);

  await probe(base, 1); // warm-up
  loopReport();
  const idle = stats(await probe(base, IDLE_SECONDS));
  console.log(`  /healthz idle (load ${loadNow()}): ${fmt(idle)}; ${loopReport()}`);

  // Phase 1: the target. The probe starts a second into the load and stops before it ends.
  const streams: TClientStream[] = [
    { name: 'uploads', clients: UPLOADERS, ratePerClient: UPLOAD_RATE, paths: [`/api/cases/${openCase!.id}/attachments`], cookie, method: 'UPLOAD', uploadBytes: UPLOAD_BYTES },
    { name: 'public PDFs', clients: PDF_READERS, ratePerClient: PDF_RATE, paths: pdfPaths },
  ].filter((st) => st.clients > 0) as TClientStream[];
  const loadRun = runClients({ base, seconds: SECONDS + 2, streams });
  const loadedSamples = await probe(base, SECONDS, 1000);
  const loadedLoop = loopReport();
  const results = await loadRun;
  const loaded = stats(loadedSamples);
  console.log(`  /healthz with ${UPLOADERS} uploading (${UPLOAD_RATE}/s each) + ${PDF_READERS} downloading PDFs (${PDF_RATE}/s each) for ${SECONDS} s (load ${loadNow()}): ${fmt(loaded)}; ${loadedLoop}`);
  for (const [name, r] of Object.entries(results)) console.log(clientSummary(name, r, SECONDS + 2));
  const ratio = loaded.p95 / idle.p95;
  console.log(`  ratio p95 loaded / idle: ${ratio.toFixed(2)}x (target <= ${TARGET_RATIO}x): ${ratio <= TARGET_RATIO ? 'PASS' : 'FAIL'}; p50 ratio ${(loaded.p50 / idle.p50).toFixed(2)}x`);

  // Phase 2: two anonymous clients reading a published 20 MB attachment over and over.
  // The newest attachment of the open meeting's public case: one of the uploads above.
  const newest = await database.db.execute(sql`select id from attachments where case_id = ${openCase!.id} order by uploaded_at desc limit 1`);
  const [bigFile] = (newest as unknown as { rows: { id: string }[] }).rows;
  if (bigFile) {
    const seconds = Math.min(SECONDS, 20);
    const readRun = runClients({ base, seconds: seconds + 2, streams: [{ name: 'attachment downloads', clients: 2, ratePerClient: ATTACHMENT_RATE, paths: [`/api/attachments/${bigFile.id}`] }] });
    const reading = stats(await probe(base, seconds, 1000));
    const readingLoop = loopReport();
    const readResults = await readRun;
    console.log(`  /healthz with 2 anonymous clients downloading a ${UPLOAD_BYTES / 1e6} MB public attachment (${ATTACHMENT_RATE}/s each; load ${loadNow()}): ${fmt(reading)}; ratio ${(reading.p95 / idle.p95).toFixed(2)}x; ${readingLoop}`);
    for (const [name, r] of Object.entries(readResults)) console.log(clientSummary(name, r, seconds + 2));
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
