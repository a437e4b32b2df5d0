// samrad as a real process on storage of its own, for the tests that kill it (issue 8's crash tests):
// a temporary data directory on the embedded database, or a fresh database on the PostgreSQL server
// when DATABASE_URL is set (dropped again at the end), and `node --import tsx src/server/main.ts` started
// on it. Every server started is killed by `dispose`, so a failed test leaves none running.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { expect } from 'vitest';
import { openDatabase, type Database } from '../db/client.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type TChildServer = { child: ChildProcess; base: string; exited: Promise<number | null> };

export type TChildStorage = {
  dataDir: string;
  /** The server database's URL, when the tests run on PostgreSQL. */
  databaseUrl: string | undefined;
  /** The storage's database, opened in this process (close it before a server starts on PGlite). */
  open: () => Promise<Database>;
  /** Starts samrad on the storage and resolves once it logs that it is listening. */
  start: (env?: Record<string, string>) => Promise<TChildServer>;
  /** Kills what is still running and removes the storage. */
  dispose: () => Promise<void>;
};

async function adminQuery(serverUrl: string, statement: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** New storage named after the test (`crash`: `samrad-crash-…` and `samrad_crash_…`). */
export async function childServerStorage(name: string): Promise<TChildStorage> {
  const serverUrl = process.env.DATABASE_URL;
  const dataDir = mkdtempSync(path.join(tmpdir(), `samrad-${name}-`));
  let databaseUrl: string | undefined;
  if (serverUrl) {
    const database = `samrad_${name.replace(/\W/g, '_')}_${randomBytes(6).toString('hex')}`;
    await adminQuery(serverUrl, `create database ${database}`);
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    databaseUrl = url.toString();
  }
  const started: ChildProcess[] = [];

  const start = async (extraEnv: Record<string, string> = {}): Promise<TChildServer> => {
    const port = await freePort();
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('VITEST')) env[k] = v;
    delete env.DATABASE_URL;
    Object.assign(env, {
      PORT: String(port), SAMRAD_DATA_DIR: dataDir, SAMRAD_DEMO: 'off', LOG_LEVEL: 'info', NODE_ENV: 'test',
      ...extraEnv, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    });
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(child);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let stderr = '';
    child.stderr!.on('data', (chunk) => { stderr += chunk; });
    const lines = createInterface({ input: child.stdout! });
    await new Promise<void>((resolve, reject) => {
      lines.on('line', (line) => { if (line.includes('samrad listening')) resolve(); });
      void exited.then((code) => reject(new Error(`samrad exited (${code}) before listening: ${stderr}`)));
    });
    return { child, base: `http://127.0.0.1:${port}`, exited };
  };

  const dispose = async () => {
    for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    if (databaseUrl && serverUrl) await adminQuery(serverUrl, `drop database if exists ${new URL(databaseUrl).pathname.slice(1)} with (force)`);
    rmSync(dataDir, { recursive: true, force: true });
  };

  return { dataDir, databaseUrl, open: () => (databaseUrl ? openDatabase({ url: databaseUrl }) : openDatabase({ dataDir })), start, dispose };
}

/** Signs in on a started server; the session cookie to send. */
export async function signInTo(server: TChildServer, email: string, password: string): Promise<string> {
  const res = await fetch(`${server.base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: server.base },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** Waits for a condition by polling it (no fixed sleeps); fails after `timeoutMs`. */
export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
