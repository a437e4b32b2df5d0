// Benchmark of PDF memory (issue 8): the server's resident memory after 2,000 distinct PDFs must stay
// within 1.5× what it was after 50. The Typst compiler memoizes every intermediate result of every
// document it has set; before decision 0014 nothing was ever dropped (2,000 mixed PDFs: 500 MB → 4.26 GB).
//
// The demo cooperation (small service-desk history) is loaded into a throw-away database, the real HTTP
// server runs in this process, and a signed-in staff member asks for PDFs one after another, each with
// content no earlier one had, in turn:
//   - the service desk's KPI pack for a different period or municipality (the largest papers),
//   - the economy report 2023 as of a different date,
//   - a meeting's notice after its place was changed (a new agenda each time),
//   - a case's saksframlegg after its title was changed.
// Prints the process's RSS at checkpoints, the ratio RSS(2,000) / RSS(50) and the verdict.
//
//   npx tsx bench/pdf-memory.ts                                       # PGlite in a temporary directory
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npx tsx bench/pdf-memory.ts
//   BENCH_PDFS=500 npx tsx bench/pdf-memory.ts                        # fewer PDFs
//   BENCH_BASELINE=1 npx tsx bench/pdf-memory.ts                      # no eviction, no thread recycling: the leak
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { serve } from '@hono/node-server';
import { and, eq, sql } from 'drizzle-orm';
import { loadDemo } from '../demo/load.js';
import { demoVolume } from '../demo/servicedesk/load.js';
import { closeRenderer, configureRenderer, renderCount } from '../src/documents/renderer.js';
import { diskFileStore } from '../src/lib/files/disk.js';
import { municipalities } from '../src/modules/org/schema.js';
import { cases, meetings } from '../src/modules/governance/schema.js';
import { createApp } from '../src/server/app.js';
import { readEnv } from '../src/server/env.js';
import { setLogLevel } from '../src/server/logger.js';
import { machine, openBenchDatabase, signIn } from './support.js';

const PDFS = Number(process.env.BENCH_PDFS ?? 2_000);
const EARLY = 50;
const BASELINE = process.env.BENCH_BASELINE === '1';
const LIMIT = 1.5;

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const months = Array.from({ length: 36 }, (_, i) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);

async function main() {
  if (BASELINE) configureRenderer({ evict: false, recycleAfter: Number.MAX_SAFE_INTEGER });
  else if (process.env.BENCH_RECYCLE) configureRenderer({ recycleAfter: Number(process.env.BENCH_RECYCLE) });
  const database = await openBenchDatabase();
  const filesDir = mkdtempSync(path.join(tmpdir(), 'samrad-bench-files-'));
  const files = diskFileStore(filesDir);
  const { db } = database;
  let t = performance.now();
  await loadDemo(db, { serviceDesk: demoVolume('small'), files });
  console.log(`demo loaded in ${((performance.now() - t) / 1000).toFixed(0)} s (${database.kind})`);

  const env = readEnv({ SAMRAD_DEMO: 'off', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv);
  setLogLevel('silent');
  const server = serve({ fetch: createApp({ db, env, files }).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const cookie = await signIn(base, { email: 'leder@demo.samrad.no', password: 'samrad-demo' });

  const meetingIds = (await db.select({ id: meetings.id }).from(meetings)).map((m) => m.id);
  const caseRows = await db.select({ id: cases.id, title: cases.title }).from(cases)
    .where(and(sql`${cases.meetingId} is not null`, eq(cases.access, 'offentlig')));
  const municipalityIds = [undefined, ...(await db.select({ id: municipalities.id }).from(municipalities)).map((m) => m.id)];
  // KPI periods of one to twelve months, for all municipalities and each one: far more than needed.
  const kpiPaths: string[] = [];
  for (const municipality of municipalityIds) {
    for (let span = 12; span >= 1; span--) {
      for (let start = 0; start + span <= months.length; start++) {
        kpiPaths.push(`/api/servicedesk/kpi.pdf?from=${months[start]}&to=${months[start + span - 1]}${municipality ? `&municipality=${municipality}` : ''}`);
      }
    }
  }
  // Dates past the year report the year as closed: still a distinct paper per date.
  const asOf = (i: number) => new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10);

  const kinds = [
    { label: 'KPI pack', next: async (i: number) => kpiPaths[i % kpiPaths.length]! },
    { label: 'economy report', next: async (i: number) => `/api/economy/2023/report.pdf?asOf=${asOf(i)}` },
    {
      label: 'notice',
      next: async (i: number) => {
        const id = meetingIds[i % meetingIds.length]!;
        await db.update(meetings).set({ place: `Møterom ${i}, Storgata ${i % 97}` }).where(eq(meetings.id, id));
        return `/api/meetings/${id}/notice.pdf`;
      },
    },
    {
      label: 'presentation',
      next: async (i: number) => {
        const c = caseRows[i % caseRows.length]!;
        await db.update(cases).set({ title: `${c.title} (${i})` }).where(eq(cases.id, c.id));
        return `/api/cases/${c.id}/presentation.pdf`;
      },
    },
  ];

  const checkpoints = new Set([EARLY, 100, 250, 500, 1_000, 1_500, PDFS]);
  const rss = new Map<number, number>();
  const counts = new Map<string, number>();
  const bytes = new Map<string, number>();
  t = performance.now();
  for (let n = 1; n <= PDFS; n++) {
    const kind = kinds[(n - 1) % kinds.length]!;
    const round = Math.floor((n - 1) / kinds.length);
    const res = await fetch(base + await kind.next(round), { headers: { cookie } });
    const body = Buffer.from(await res.arrayBuffer());
    if (res.status !== 200 || body.subarray(0, 5).toString() !== '%PDF-') {
      throw new Error(`${kind.label} #${round}: ${res.status} ${body.toString('utf8').slice(0, 300)}`);
    }
    counts.set(kind.label, (counts.get(kind.label) ?? 0) + 1);
    bytes.set(kind.label, (bytes.get(kind.label) ?? 0) + body.length);
    if (checkpoints.has(n)) {
      const m = process.memoryUsage();
      rss.set(n, m.rss);
      console.log(`${String(n).padStart(5)} PDFs: RSS ${mb(m.rss)} MB (JS heap ${mb(m.heapUsed)} MB, external ${mb(m.external)} MB), ${((performance.now() - t) / n).toFixed(0)} ms per PDF`);
    }
  }
  const renders = renderCount();
  server.close();
  await closeRenderer();
  await database.cleanup();
  rmSync(filesDir, { recursive: true, force: true });

  const ratio = rss.get(PDFS)! / rss.get(EARLY)!;
  console.log(`\n${machine()}; ${BASELINE ? 'BASELINE: no eviction, no recycling' : `eviction after each render, threads recycled after ${process.env.BENCH_RECYCLE ?? 'the default'} renders`}`);
  for (const [label, n] of counts) console.log(`  ${label}: ${n} PDFs, mean ${Math.round(bytes.get(label)! / n / 1024)} KB`);
  console.log(`  renders: ${renders}`);
  console.log(`RSS after ${EARLY}: ${mb(rss.get(EARLY)!)} MB; after ${PDFS}: ${mb(rss.get(PDFS)!)} MB; ratio ${ratio.toFixed(2)} (limit ${LIMIT})`);
  console.log(ratio <= LIMIT ? 'PASS' : 'FAIL');
  process.exitCode = ratio <= LIMIT ? 0 : 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
