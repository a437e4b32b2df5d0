// Migrating a database: once, again (nothing to do), and a database made by an earlier development
// version whose single migration has since been regenerated (decision 0005), refused in plain words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { childServerStorage, type TChildStorage } from '../test/child-server.js';
import { migrateDatabase } from './migrate.js';

let storage: TChildStorage;
beforeAll(async () => { storage = await childServerStorage('migrate'); }, 120_000);
afterAll(() => storage.dispose());

describe('migrateDatabase', () => {
  it('migrates an empty database, does nothing the second time, and refuses a history it does not know', async () => {
    const database = await storage.open();
    try {
      await migrateDatabase(database);
      await migrateDatabase(database);
      // What a database made before the migration was regenerated holds: another file's hash.
      await database.db.execute(sql`update drizzle.__drizzle_migrations set hash = 'e'||repeat('0', 63)`);
      await expect(migrateDatabase(database)).rejects.toThrow(/^the database was made by an earlier development version of samrad/);
    } finally {
      await database.close();
    }
  }, 120_000);
});
