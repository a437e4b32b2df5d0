// Storage of its own for a samrad server started by the end-to-end tests, removed afterwards:
// - embedded database: a new temporary SAMRAD_DATA_DIR;
// - DATABASE_URL set: a new database <prefix><random> on that server, dropped afterwards.
// Used by serve.ts (the demo server of every spec) and by specs that start a server of their own.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { databaseUrl, withClient } from '../../src/test/postgres.js';

export type TStorage = { env: Record<string, string>; describe: string; remove: () => Promise<void> };

export async function createStorage(prefix = 'samrad_e2e_'): Promise<TStorage> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), `${prefix.replace(/_/g, '-')}`));
    return {
      env: { SAMRAD_DATA_DIR: dataDir },
      describe: `embedded database in ${dataDir}`,
      remove: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`create database ${name}`));
  const url = databaseUrl(serverUrl, name);
  return {
    env: { DATABASE_URL: url },
    describe: `database ${name} on ${new URL(url).host}`,
    remove: async () => {
      await withClient(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}
