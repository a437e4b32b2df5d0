// The portfolio's HTTP test world: a fresh database with buildPortfolio's rows, the app on it (with
// `env`, e.g. the test clock) and a signed-in client per account (`anon` signed out).
import { buildClients, createTestApp } from '../../test/app.js';
import { createTestDatabase } from '../../test/db.js';
import { buildPortfolio, PORTFOLIO_ACCOUNTS, PORTFOLIO_PASSWORD } from './test-factories.js';

export async function startPortfolio(env: Record<string, string> = {}) {
  const database = await createTestDatabase();
  const world = await buildPortfolio(database.db);
  const app = createTestApp(database.db, env);
  return { database, world, ...(await buildClients(app, PORTFOLIO_ACCOUNTS, PORTFOLIO_PASSWORD)) };
}

export type TPortfolioHttp = Awaited<ReturnType<typeof startPortfolio>>;
