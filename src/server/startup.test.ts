// Start-up: what goes into an empty database (the demo only where it is safe, else a set-up link), and
// each way the start can fail ending in one clear line on stderr and exit code 1. The failures start the
// real server (node --import tsx src/server/main.ts) and wait for it to exit.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Each start is a new node process on a machine that may be busy; the failures themselves take about a second.
vi.setConfig({ testTimeout: 60_000 });
import { openDatabase } from '../db/client.js';
import { createTestDatabase } from '../test/db.js';
import { cooperations, users } from '../modules/org/schema.js';
import { createUser } from '../modules/org/users.service.js';
import { systemActor } from './context.js';
import { demoWanted, prepareInstall } from './install.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samrad-start-'));
  temporary.push(dir);
  return dir;
}

type TRun = { code: number | null; stdout: string; stderr: string };

/** Starts main.ts with the given environment and waits for it to exit (a guard kills it after 90 s). */
function runMain(env: Record<string, string>, options: { uid?: number } = {}): Promise<TRun> {
  const { DATABASE_URL: _url, VITEST: _v, VITEST_POOL_ID: _p, VITEST_WORKER_ID: _w, ...inherited } = process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: root,
      env: { ...inherited, SAMRAD_DEMO: 'off', LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.uid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const guard = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(guard);
      resolve({ code, stdout, stderr });
    });
  });
}

function expectOneLine(run: TRun, pattern: RegExp) {
  expect(run.code, run.stderr).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^samrad cannot start: /);
  expect(lines[0]).toMatch(pattern);
}

async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, resolve));
  return { port: (server.address() as { port: number }).port, server };
}

async function freePort(): Promise<string> {
  const { port, server } = await occupiedPort();
  await new Promise((resolve) => server.close(resolve));
  return String(port);
}

describe('which empty database gets the demo', () => {
  it('auto: the embedded database only; on: also a DATABASE_URL database; off: none', () => {
    expect(demoWanted('auto', 'pglite')).toBe(true);
    expect(demoWanted('auto', 'postgres')).toBe(false);
    expect(demoWanted('on', 'postgres')).toBe(true);
    expect(demoWanted('on', 'pglite')).toBe(true);
    expect(demoWanted('off', 'pglite')).toBe(false);
    expect(demoWanted('off', 'postgres')).toBe(false);
  });

  it('prepareInstall without the demo logs one set-up link while no admin exists, and none once one does', async () => {
    const database = await createTestDatabase();
    try {
      const warnings: string[] = [];
      const log = { info: () => undefined, warn: (m: string) => warnings.push(m) };
      const env = { SAMRAD_DEMO: database.kind === 'postgres' ? 'auto' : 'off', PORT: 3000, PUBLIC_URL: undefined } as const;
      const first = await prepareInstall(database, { env, log });
      expect(first.demoLoaded).toBe(false);
      expect(first.setupLink).toMatch(/^http:\/\/localhost:3000\/oppsett\?token=[\w-]{40,}$/);
      expect(warnings).toEqual([expect.stringContaining(first.setupLink!)]);
      expect((await database.db.select({ n: count() }).from(users))[0]!.n).toBe(0);
      expect((await database.db.select({ n: count() }).from(cooperations))[0]!.n).toBe(0);

      await createUser(database.db, systemActor, { email: 'drift@example.no', name: 'Drift', role: 'admin', password: 'correct horse battery' });
      const second = await prepareInstall(database, { env: { ...env, PUBLIC_URL: 'https://samrad.example.no/' }, log });
      expect(second.setupLink).toBeNull();
      expect(warnings).toHaveLength(1);
    } finally {
      await database.drop();
    }
  }, 120_000);

  it.skipIf(!process.env.DATABASE_URL)('main on an empty DATABASE_URL database with SAMRAD_DEMO unset loads no demo and prints the set-up link', async () => {
    const serverUrl = process.env.DATABASE_URL!;
    const name = `samrad_start_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const port = await freePort();
    try {
      const { DATABASE_URL: _u, VITEST: _v, SAMRAD_DEMO: _d, ...inherited } = process.env;
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
        cwd: root, env: { ...inherited, DATABASE_URL: url.toString(), PORT: String(port), LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stderr.on('data', (d) => { stderr += d; });
      const listening = new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          stdout += d;
          if (stdout.includes('samrad listening')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`main exited with ${code}: ${stderr}`)));
      });
      await listening;
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      expect(stdout).toMatch(/samrad has no admin yet: set it up at http:\/\/localhost:\d+\/oppsett\?token=/);
      expect(stdout).not.toMatch(/loaded the demo/);
      const database = await openDatabase({ url: url.toString() });
      try {
        expect((await database.db.select({ n: count() }).from(users))[0]!.n).toBe(0);
        expect((await database.db.select({ n: count() }).from(users).where(eq(users.demo, true)))[0]!.n).toBe(0);
        expect((await database.db.select({ n: count() }).from(cooperations))[0]!.n).toBe(0);
      } finally {
        await database.close();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 180_000);
});

describe('a start that cannot succeed says why in one line and exits with 1', () => {
  it('a port in use, before the database is opened', async () => {
    const { port, server } = await occupiedPort();
    const dataDir = path.join(tempDir(), 'data');
    try {
      const run = await runMain({ PORT: String(port), SAMRAD_DATA_DIR: dataDir });
      expectOneLine(run, new RegExp(`port ${port} is already in use`));
      // No PGlite files: the port was checked before the database was opened and migrated.
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      server.close();
    }
  });

  it('an invalid LOG_LEVEL', async () => {
    const run = await runMain({ LOG_LEVEL: 'loud', SAMRAD_DATA_DIR: path.join(tempDir(), 'data') });
    expectOneLine(run, /the environment is wrong: LOG_LEVEL: /);
  });

  it('a DATABASE_URL whose server does not answer', async () => {
    const run = await runMain({ DATABASE_URL: 'postgres://samrad@127.0.0.1:1/samrad', PORT: await freePort() });
    expectOneLine(run, /the PostgreSQL server at 127\.0\.0\.1:1 does not answer/);
  });

  it.skipIf(!process.env.DATABASE_URL)('a DATABASE_URL naming a database that does not exist', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/samrad_missing_${randomBytes(4).toString('hex')}`;
    const run = await runMain({ DATABASE_URL: url.toString(), PORT: await freePort() });
    expectOneLine(run, new RegExp(`the database "${url.pathname.slice(1)}" does not exist on the PostgreSQL server at ${url.hostname}:`));
  });

  it('a read-only data directory', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(dataDir);
    chmodSync(dataDir, 0o555);
    chmodSync(path.dirname(dataDir), 0o755);
    // root writes through mode bits, so as root the server runs as nobody (the files it reads are world-readable).
    const asRoot = process.getuid?.() === 0;
    if (asRoot) chownSync(path.dirname(dataDir), 65534, 65534);
    const run = await runMain({ SAMRAD_DATA_DIR: dataDir, PORT: await freePort() }, asRoot ? { uid: 65534 } : {});
    expectOneLine(run, new RegExp(`the data directory ${dataDir} \\(SAMRAD_DATA_DIR\\) is not writable: EACCES`));
  });

  it('an unusable SAMRAD_DATA_DIR such as /proc/samrad, at once instead of spinning', async () => {
    const run = await runMain({ SAMRAD_DATA_DIR: '/proc/samrad', PORT: await freePort() });
    expectOneLine(run, /cannot create the data directory \/proc\/samrad \(SAMRAD_DATA_DIR\)/);
  });
});
