// What the benchmarks share: a throw-away database (PGlite in a temporary directory, or a fresh database
// on the PostgreSQL server of DATABASE_URL, dropped after), the real HTTP server on a free port with a
// signed-in client, interleaved timing of HTTP endpoints, and percentiles. Each benchmark keeps only
// its data and its verdicts.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { openDatabase, type Database, type Db } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { createApp } from '../src/server/app.js';
import { readEnv } from '../src/server/env.js';

export type TBenchDatabase = Database & {
  /** The PostgreSQL database's name, or the PGlite directory. */
  name: string;
  /** Closes and deletes it; with `keep` closes only (to EXPLAIN afterwards). */
  cleanup: (options?: { keep?: boolean }) => Promise<void>;
};

/** A migrated, empty database: on the server of DATABASE_URL if set, else PGlite in a temporary directory. */
export async function openBenchDatabase(url = process.env.DATABASE_URL): Promise<TBenchDatabase> {
  if (!url) {
    const dir = mkdtempSync(path.join(tmpdir(), 'samrad-bench-'));
    const database = await openDatabase({ dataDir: dir });
    await migrateDatabase(database);
    return {
      ...database, name: dir,
      cleanup: async (options) => {
        await database.close();
        if (!options?.keep) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  // BENCH_REUSE names a database an earlier run kept (BENCH_KEEP=1): opened as it is, never dropped,
  // so a change to the read path can be measured again without building the data anew.
  const reuse = process.env.BENCH_REUSE;
  const name = reuse ?? `samrad_bench_${randomBytes(5).toString('hex')}`;
  if (!reuse) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
  }
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const database = await openDatabase({ url: dbUrl.toString() });
  if (!reuse) await migrateDatabase(database);
  return {
    ...database, name,
    cleanup: async (options) => {
      await database.close();
      if (options?.keep || reuse) return;
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export type TStats = { n: number; p50: number; p95: number; p99: number; mean: number; min: number };

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  const s = [...samples].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

export function stats(samples: readonly number[]): TStats {
  return {
    n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length, min: Math.min(...samples),
  };
}

/** Milliseconds one call takes. */
export async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/** Deterministic pseudo-random numbers in [0, 1), so every run builds the same data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 0x100000000;
  };
}

/**
 * Times in-process calls as `measureInterleaved` times endpoints: `warmup` untimed rounds, then `rounds`
 * rounds that call each function once, in turn, so load on the machine falls evenly on all of them and
 * their ratio compares like with like. Answers the milliseconds per name, in round order.
 */
export async function timeInterleaved<K extends string>(calls: Record<K, () => Promise<unknown>>, rounds: number, warmup: number): Promise<Record<K, number[]>> {
  const names = Object.keys(calls) as K[];
  const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<K, number[]>;
  for (let r = 0; r < warmup + rounds; r++) {
    for (const name of names) {
      const ms = await time(calls[name]);
      if (r >= warmup) samples[name].push(ms);
    }
  }
  return samples;
}

/** The median and the mean of samples in milliseconds, as the in-process benchmarks print them. */
export const medianAndMean = (xs: readonly number[]) => {
  const ms = (x: number) => `${x.toFixed(2).padStart(8)} ms`;
  return `p50 ${ms(percentile(xs, 50))}  mean ${ms(xs.reduce((a, b) => a + b, 0) / xs.length)}`;
};

/** CPUs and load average: how much to trust the absolute numbers of a run. */
export const machine = () => `${cpus().length} CPUs, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`;

export type TBenchServer = { base: string; close: () => void };

/** The real application on a free loopback port, demo loading off and logging silent. */
export async function startBenchServer(db: Db): Promise<TBenchServer> {
  // A data directory of its own: the public papers' cache is written there, never into ./data.
  const env = readEnv({ SAMRAD_DEMO: 'off', LOG_LEVEL: 'silent', SAMRAD_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'samrad-bench-data-')) } as NodeJS.ProcessEnv);
  const server = serve({ fetch: createApp({ db, env }).fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

/** Signs in through POST /api/auth/login and answers the session cookie. */
export async function signIn(base: string, credentials: { email: string; password: string }): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: JSON.stringify(credentials),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${credentials.email} failed: ${res.status} ${await res.text()}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

export type TEndpoint = { label: string; pathFor: (round: number) => string; cookie?: string };

/** GETs the endpoint's path for the round, reads the whole body, answers the status. */
async function get(base: string, e: TEndpoint, round: number): Promise<number> {
  const res = await fetch(base + e.pathFor(round), { headers: e.cookie ? { cookie: e.cookie } : {} });
  await res.arrayBuffer();
  return res.status;
}

/**
 * Times `rounds` rounds after `warmup` untimed ones; each round requests every endpoint once, in turn,
 * sequentially over keep-alive HTTP. Interleaving spreads garbage collection and other load on the
 * machine evenly over the endpoints, so ratios between them compare like with like. An endpoint whose
 * first request is not 200 is reported and left out (its samples are null); a later non-200 stops the
 * run. Answers the samples per label, in round order.
 */
export async function measureInterleaved(base: string, endpoints: TEndpoint[], rounds: number, warmup = 20): Promise<Map<string, number[] | null>> {
  const result = new Map<string, number[] | null>();
  const live: TEndpoint[] = [];
  for (const e of endpoints) {
    const status = await get(base, e, 0);
    if (status === 200) live.push(e);
    else {
      console.log(`  ${e.label}: skipped, ${e.pathFor(0)} answered ${status}`);
      result.set(e.label, null);
    }
  }
  for (let i = 0; i < warmup; i++) for (const e of live) await get(base, e, i);
  const samples = new Map<string, number[]>(live.map((e) => [e.label, []]));
  for (let i = 0; i < rounds; i++) {
    for (const e of live) {
      const start = performance.now();
      const status = await get(base, e, i);
      samples.get(e.label)!.push(performance.now() - start);
      if (status !== 200) throw new Error(`${e.label}: ${e.pathFor(i)} answered ${status}`);
    }
  }
  for (const e of live) result.set(e.label, samples.get(e.label)!);
  return result;
}

export type TClientStream = {
  name: string;
  clients: number;
  /** Requests a second per client, each client one request in flight (bench/clients.mjs). */
  ratePerClient: number;
  paths: string[];
  cookie?: string;
  method?: 'GET' | 'UPLOAD';
  uploadBytes?: number;
};
export type TClientResult = { n: number; late: number; bytes: number; statuses: Record<string, number>; ms: number[] };

/**
 * Runs load clients in a child process (bench/clients.mjs), at fixed rates, for `seconds`: their work
 * never shares the server's process or event loop. Answers each stream's results once they are done.
 */
export function runClients(config: { base: string; seconds: number; delayMs?: number; streams: TClientStream[] }): Promise<Record<string, TClientResult>> {
  const script = fileURLToPath(new URL('./clients.mjs', import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, JSON.stringify(config)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`load clients exited with ${code}`));
      else resolve(JSON.parse(out) as Record<string, TClientResult>);
    });
  });
}

/** One line per stream: requests, rate, bytes, statuses, late starts, per-request p50/p95. */
export function clientSummary(name: string, r: TClientResult, seconds: number): string {
  const mb = r.bytes / 1e6;
  const s = r.ms.length ? stats(r.ms) : null;
  return `  ${name}: ${r.n} requests (${(r.n / seconds).toFixed(1)}/s), ${mb.toFixed(0)} MB (${(mb / seconds).toFixed(1)} MB/s), `
    + `statuses ${JSON.stringify(r.statuses)}, ${r.late} started late`
    + (s ? `, per request p50 ${s.p50.toFixed(0)} ms p95 ${s.p95.toFixed(0)} ms` : '');
}

/** The load average now, for the record next to a number. */
export const loadNow = () => loadavg().map((l) => l.toFixed(2)).join(' ');
