// The service desk's shared test fixture: a fresh database holding buildServiceDesk's world, the app on
// it, and a signed-in HTTP client per account. Kept apart from test-factories.ts, which the benches
// import outside vitest.
import { buildClients, createTestApp, createTestFileStore } from '../../test/app.js';
import { createTestDatabase } from '../../test/db.js';
import { buildServiceDesk, PASSWORD } from './test-factories.js';

/** The desk's accounts by the names the tests give their clients. */
export const DESK_ACCOUNTS = {
  admin: 'admin@ror.no', agent: 'agent@ror.no', agent2: 'agent2@ror.no', council: 'rad@ror.no',
  anne: 'anne@molde.kommune.no', bjorn: 'bjorn@molde.kommune.no', cecilie: 'cecilie@aukra.kommune.no',
};

/**
 * A fresh database holding the service desk, the app on it (with `env`, e.g. the test clock), its file
 * store, and a signed-in client per account (`anon` signed out). `desk` holds the rows and SessionUsers.
 */
export async function startServiceDesk(env: Record<string, string> = {}) {
  const database = await createTestDatabase();
  const files = createTestFileStore();
  const app = createTestApp(database.db, env, files);
  const desk = await buildServiceDesk(database.db);
  return { database, app, files, desk, ...(await buildClients(app, DESK_ACCOUNTS, PASSWORD)) };
}

/** What startServiceDesk gives a test file: `let w: TDeskWorld;` … `w = await startServiceDesk();` … `w.agent.get(…)`. */
export type TDeskWorld = Awaited<ReturnType<typeof startServiceDesk>>;

/** The desk's rows in a fresh database, for tests of services that need no HTTP: `({ database, desk: f } = await startDeskDatabase())`. */
export async function startDeskDatabase() {
  const database = await createTestDatabase();
  return { database, desk: await buildServiceDesk(database.db) };
}
