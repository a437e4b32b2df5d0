// The migrated, empty database every test file starts from, built once per test run (vitest's
// globalSetup, src/test/global-setup.ts) instead of once per file: creating and migrating a database
// costs seconds on PGlite (its initdb runs in WASM), copying a finished one a fraction of that.
// - PGlite: the migrated data directory dumped to a tar file; each file's database loads it.
// - PostgreSQL: a template database; each file's database is `CREATE DATABASE … TEMPLATE` of it. Its name
//   carries a hash of what the migration puts in (the SQL migrations and the reference data), so a
//   changed migration gets a new template and a stale one is never copied. Templates are kept between
//   runs (building one is the slow part) and shared by concurrent runs of the same migrations.
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import type pg from 'pg';
import { openDatabase, type Db } from '../db/client.js';
import * as schema from '../db/schema.js';
import { migrateDatabase } from '../db/migrate.js';
import { LEGAL_BASES } from '../modules/governance/reference-data.js';
import { PAPER_REVISION_DDL } from '../modules/governance/paper-revisions.js';
import { databaseUrl, withClient } from './postgres.js';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Everything migrateDatabase writes into an empty database, as one hash. */
export function migrationsHash(): string {
  const hash = createHash('sha256');
  const files = readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort();
  for (const file of files) {
    const full = path.join(migrationsFolder, file);
    if (!file.endsWith('.sql') && !file.endsWith('.json')) continue;
    hash.update(file).update('\0').update(readFileSync(full)).update('\0');
  }
  hash.update(JSON.stringify(LEGAL_BASES));
  hash.update(PAPER_REVISION_DDL.join('\0'));
  return hash.digest('hex').slice(0, 16);
}

/**
 * PGlite: a migrated in-memory database's data directory, as an uncompressed tar (loads fastest).
 * Every test file unpacks it, so it holds only what the tests use: the database `postgres` (PGlite's),
 * without template0 and template1, which nothing copies here. That takes the tar from 40 to 25 MB and
 * a file's database from ~0.7 to ~0.45 s of CPU.
 */
export async function dumpMigratedPglite(): Promise<Uint8Array> {
  const client = await PGlite.create();
  try {
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    await migrateDatabase({ db, kind: 'pglite', close: () => client.close() });
    for (const name of ['template0', 'template1']) {
      await client.query(`alter database ${name} is_template false`);
      await client.query(`drop database ${name}`);
    }
    await client.query('checkpoint');
    const tar = await client.dumpDataDir('none');
    return new Uint8Array(await tar.arrayBuffer());
  } finally {
    await client.close();
  }
}

const TEMPLATE_PREFIX = 'samrad_template_';
/** A template nobody has used for this long belongs to migrations that are gone: it is dropped. */
const TEMPLATE_UNUSED_DAYS = 7;

/**
 * PostgreSQL: the name of the migrated template database for today's migrations, built if missing.
 * It is built under a name of its own and then renamed, so a concurrent run never copies a half-migrated
 * template; when two runs build at once, the second rename fails and that run drops its copy.
 */
export async function ensurePostgresTemplate(serverUrl: string): Promise<string> {
  const name = `${TEMPLATE_PREFIX}${migrationsHash()}`;
  const exists = await withClient(serverUrl, async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    return rowCount === 1;
  });
  if (!exists) {
    const building = `samrad_building_${randomBytes(6).toString('hex')}`;
    await withClient(serverUrl, (client) => client.query(`create database ${building}`));
    const database = await openDatabase({ url: databaseUrl(serverUrl, building) });
    try {
      await migrateDatabase(database);
    } finally {
      await database.close();
    }
    await withClient(serverUrl, async (client) => {
      try {
        await client.query(`alter database ${building} rename to ${name}`);
        await client.query(`alter database ${name} is_template true`);
      } catch (err) {
        if ((err as { code?: string }).code !== '42P04') throw err; // duplicate_database: another run won
        await client.query(`drop database if exists ${building}`);
      }
    });
  }
  await withClient(serverUrl, async (client) => {
    await client.query(`comment on database ${name} is 'samrad test template, last used ${new Date().toISOString()}'`);
    await dropUnusedTemplates(client, name);
  });
  return name;
}

/** Templates of other migrations that no run has used for a week; one still in use is left alone. */
async function dropUnusedTemplates(client: pg.Client, current: string) {
  const { rows } = await client.query<{ name: string; comment: string | null }>(
    `select datname as name, shobj_description(oid, 'pg_database') as comment from pg_database
      where datname like '${TEMPLATE_PREFIX}%' and datname <> $1`, [current]);
  const cutoff = Date.now() - TEMPLATE_UNUSED_DAYS * 86_400_000;
  for (const { name, comment } of rows) {
    const lastUsed = Date.parse(comment?.match(/last used (\S+)/)?.[1] ?? '');
    if (Number.isFinite(lastUsed) && lastUsed > cutoff) continue;
    try {
      await client.query(`alter database ${name} is_template false`);
      await client.query(`drop database if exists ${name}`);
    } catch {
      // Someone is copying it right now: it was not unused after all.
    }
  }
}
