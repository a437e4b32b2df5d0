// A migrated database for one test file: PGlite in memory by default; with DATABASE_URL set, a fresh
// database on that server, dropped afterwards. The same tests run on both engines. Each is a copy of
// the run's migrated template (template.ts), so a file never waits for the migrations.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/client.js';
import { databaseUrl, withClient } from './postgres.js';

export type TestDatabase = Database & { drop: () => Promise<void> };

/** The template file's bytes, read once per test file. */
let pgliteTemplate: Blob | undefined;

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    pgliteTemplate ??= new Blob([readFileSync(provided('pgliteTemplateFile'))]);
    const database = await openDatabase({ memory: true, loadDataDir: pgliteTemplate });
    return { ...database, drop: database.close };
  }
  const name = `samrad_test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`create database ${name} template ${provided('postgresTemplate')}`));
  const database = await openDatabase({ url: databaseUrl(serverUrl, name) });
  return {
    ...database,
    drop: async () => {
      await database.close();
      await withClient(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

function provided(key: 'pgliteTemplateFile' | 'postgresTemplate'): string {
  const value = inject(key);
  if (!value) throw new Error(`no ${key}: the test database template is built by src/test/global-setup.ts (vitest.config.ts globalSetup)`);
  return value;
}
