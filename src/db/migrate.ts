// Applies the committed SQL migrations under drizzle/. Both drivers read the same folder.
import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { Database } from './client.js';
import { ensureReferenceData } from '../modules/governance/reference-data.js';
import { ensurePaperRevisionTriggers } from '../modules/governance/paper-revisions.js';

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export async function migrateDatabase(database: Database): Promise<void> {
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
