// Applies the committed SQL migrations under drizzle/. Both drivers read the same folder.
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { sqlRows } from '../lib/sql.js';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client.js';
import { ensureReferenceData } from '../modules/governance/reference-data.js';
import { ensurePaperRevisionTriggers } from '../modules/governance/paper-revisions.js';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Until the first release the one migration is regenerated when the schema changes (decision 0005), so
 * a database made by an earlier development version holds a migration that no longer exists, and
 * drizzle would replay the new one over it and fail on its first CREATE. Say that instead, plainly.
 */
async function refuseForeignHistory(database: Database): Promise<void> {
  const [table] = await sqlRows<{ name: string | null }>(database.db, sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`);
  if (!table?.name) return;
  const applied = await sqlRows<{ hash: string }>(database.db, sql`select hash from drizzle.__drizzle_migrations`);
  const known = new Set(readMigrationFiles({ migrationsFolder }).map((m) => m.hash));
  if (applied.some((m) => !known.has(m.hash))) {
    throw new Error('the database was made by an earlier development version of samrad whose schema has since been '
      + 'rewritten (docs/decisions/0005): start on an empty database (a new SAMRAD_DATA_DIR, or a new database for DATABASE_URL)');
  }
}

export async function migrateDatabase(database: Database): Promise<void> {
  await refuseForeignHistory(database);
  if (database.kind === 'pglite') {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migratePglite(database.db as any, { migrationsFolder });
  } else {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await migratePg(database.db as any, { migrationsFolder });
  }
  // Reference lists (legal bases) belong to every database, tests included.
  await ensureReferenceData(database.db);
  // What public papers are cached under (decision 0023); triggers are not in drizzle's migrations.
  await ensurePaperRevisionTriggers(database.db);
}
