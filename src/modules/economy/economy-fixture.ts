// The economy's shared test fixture: a fresh database holding buildEconomyWorld's world, the app on it,
// and a signed-in HTTP client per account. Kept apart from test-factories.ts, which the benches import
// outside vitest.
import { buildClients, createTestApp, createTestFileStore } from '../../test/app.js';
import { createTestDatabase } from '../../test/db.js';
import { buildEconomyWorld, PW } from './test-factories.js';

/** The economy world's accounts by the names the tests give their clients. */
export const ECONOMY_ACCOUNTS = { admin: 'admin@example.no', staff: 'staff@example.no', council: 'council@example.no', molde: 'molde@example.no' };

/**
 * A fresh database holding the economy world, the app on it (with `env`), its file store, and a
 * signed-in client per account (`anon` signed out).
 */
export async function startEconomy(env: Record<string, string> = {}) {
  const database = await createTestDatabase();
  const files = createTestFileStore();
  const app = createTestApp(database.db, env, files);
  const world = await buildEconomyWorld(database.db);
  return { database, app, files, world, ...(await buildClients(app, ECONOMY_ACCOUNTS, PW)) };
}

/** What startEconomy gives a test file: `let e: TEconomyStart;` … `e = await startEconomy();` … `e.staff.get(…)`. */
export type TEconomyStart = Awaited<ReturnType<typeof startEconomy>>;
