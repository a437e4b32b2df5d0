// Starts samrad for the end-to-end tests on storage of its own, and removes that storage when the server
// stops, so every run begins from a freshly loaded demo and leaves nothing behind:
// - embedded database: a new temporary SAMRAD_DATA_DIR;
// - DATABASE_URL set: a new database samrad_e2e_<random> on that server, dropped afterwards.
// This lives in the webServer command rather than in a Playwright globalSetup because Playwright starts
// webServer BEFORE globalSetup runs (runner: plugin setup tasks come first), so a globalSetup could not
// create the database before the server needs it.
// The server also runs with the service desk's test clock on (SAMRAD_TEST_CLOCK=on: a request's
// x-samrad-now header is its "now"), so servicedesk.spec.ts can let days pass. Only here: `npm start` and
// every other way of running samrad leave it at its default, off.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

type TStorage = { env: Record<string, string>; describe: string; remove: () => Promise<void> };

async function withServerClient<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function createStorage(): Promise<TStorage> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'samrad-e2e-'));
    return {
      env: { SAMRAD_DATA_DIR: dataDir },
      describe: `embedded database in ${dataDir}`,
      remove: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `samrad_e2e_${randomBytes(6).toString('hex')}`;
  await withServerClient(serverUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    describe: `database ${name} on ${url.host}`,
    remove: async () => {
      await withServerClient(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function main() {
  const storage = await createStorage();
  process.stderr.write(`e2e: samrad on ${storage.describe}\n`);
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, SAMRAD_DEMO: 'auto', SAMRAD_TEST_CLOCK: 'on', ...storage.env },
  });

  let cleaned = false;
  const cleanup = async (code: number) => {
    if (cleaned) return;
    cleaned = true;
    try {
      await storage.remove();
    } catch (err) {
      console.error(`e2e: could not remove ${storage.describe}:`, err instanceof Error ? err.message : err);
    }
    process.exit(code);
  };
  // Playwright stops the webServer's whole process group with SIGTERM (gracefulShutdown in the config):
  // the server closes its database, then we remove the storage.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (server.exitCode === null) server.kill(signal);
    });
  }
  server.on('exit', (code, signal) => void cleanup(code ?? (signal ? 0 : 1)));
}

main().catch((err) => {
  console.error('e2e: could not start samrad:', err instanceof Error ? err.message : err);
  process.exit(1);
});
