// A fresh install with one account per role and nothing else, for the tests of routes that belong to no
// module's world (organisation, audit, outbox, install): the app, a signed-in client per role and `anon`.
import { systemActor } from '../server/context.js';
import { createUser } from '../modules/org/users.service.js';
import { buildClients, createTestApp, createTestFileStore } from './app.js';
import { createTestDatabase } from './db.js';

export const TEST_PASSWORD = 'correct horse battery';

/** The accounts, by the names the tests give their clients; the municipality account has no municipality. */
export const ROLE_ACCOUNTS = {
  admin: { email: 'admin@example.no', name: 'Admin', role: 'admin' },
  staff: { email: 'staff@example.no', name: 'Leder', role: 'staff' },
  council: { email: 'rad@example.no', name: 'Rådsmedlem', role: 'council' },
  muni: { email: 'kommune@example.no', name: 'Kommune', role: 'municipality' },
} as const;

type TAccount = keyof typeof ROLE_ACCOUNTS;

/** A fresh database with the four accounts, the app on it (with `env`) and its file store, signed-in clients. */
export async function startWithAccounts(env: Record<string, string> = {}) {
  const database = await createTestDatabase();
  const files = createTestFileStore();
  const app = createTestApp(database.db, env, files);
  const users = {} as Record<TAccount, { id: string }>;
  for (const [name, account] of Object.entries(ROLE_ACCOUNTS) as [TAccount, (typeof ROLE_ACCOUNTS)[TAccount]][]) {
    users[name] = await createUser(database.db, systemActor, { ...account, password: TEST_PASSWORD });
  }
  const emails = Object.fromEntries(Object.entries(ROLE_ACCOUNTS).map(([name, a]) => [name, a.email])) as Record<TAccount, string>;
  return { database, app, files, users, ...(await buildClients(app, emails, TEST_PASSWORD)) };
}
