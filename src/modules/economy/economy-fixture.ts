// The economy's shared test fixture: a fresh database holding buildEconomyWorld's world, the app on it,
// and a signed-in HTTP client per account. Kept apart from test-factories.ts, which the benches import
// outside vitest.
import { buildClients, createTestApp, createTestFileStore } from '../../test/app.js';
import { createTestDatabase } from '../../test/db.js';
import { buildEconomyWorld, buildLine, PW } from './test-factories.js';

/** The economy world's accounts by the names the tests give their clients. */
export const ECONOMY_ACCOUNTS = { admin: 'admin@example.no', staff: 'staff@example.no', council: 'council@example.no', molde: 'molde@example.no' };

/** A line of the cooperation's chart as a test wants it: buildLine's options without the cooperation. */
export type TLineSpec = Omit<Parameters<typeof buildLine>[1], 'cooperationId'>;
/** The line most tests book on: «Lønn», mapped from account 10100. */
export const SALARIES: TLineSpec = { name: 'Lønn', account: '10100' };

/**
 * A fresh database holding the economy world and the `lines` a test names (their ids in `lines`, by
 * the same keys), the app on it (with `env`), its file store, and a signed-in client per account
 * (`anon` signed out).
 */
export async function startEconomy<K extends string = never>(env: Record<string, string> = {}, lines = {} as Record<K, TLineSpec>) {
  const database = await createTestDatabase();
  const files = createTestFileStore();
  const app = createTestApp(database.db, env, files);
  const world = await buildEconomyWorld(database.db);
  const lineIds = {} as Record<K, string>;
  for (const [key, spec] of Object.entries(lines) as [K, TLineSpec][]) {
    lineIds[key] = (await buildLine(database.db, { cooperationId: world.cooperationId, ...spec })).id;
  }
  return { database, app, files, world, lines: lineIds, ...(await buildClients(app, ECONOMY_ACCOUNTS, PW)) };
}

/**
 * What startEconomy gives a test file: `let e: TEconomyStart<'lonn'>;` … `e = await startEconomy({}, { lonn: SALARIES });`
 * … `e.staff.get(…)`, `e.lines.lonn`.
 */
export type TEconomyStart<K extends string = never> = Omit<Awaited<ReturnType<typeof startEconomy>>, 'lines'> & { lines: Record<K, string> };
