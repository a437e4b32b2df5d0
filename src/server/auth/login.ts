// Local sign-in: throttle check, password check, session. Failures are counted per account and address.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../modules/org/schema.js';
import { HttpError, unauthorized } from '../errors.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from './password.js';
import { createSession, deleteOtherSessions } from './sessions.js';
import { accountKey, addressKey, clearFailures, recordFailure, secondsBlocked } from './throttle.js';

export type TSignInOptions = { email: string; password: string; address: string };

export async function signIn(db: Db, options: TSignInOptions) {
  const keys = [accountKey(options.email), addressKey(options.address)];
  const wait = await secondsBlocked(db, keys);
  if (wait > 0) {
    throw new HttpError(429, 'throttled', `For mange mislykkede innlogginger. Prøv igjen om ${wait} sekunder.`);
  }
  const user = await db.query.users.findFirst({
    where: sql`lower(${users.email}) = ${options.email.trim().toLowerCase()}`,
  });
  const ok = user?.passwordHash && !user.disabled
    ? await verifyPassword(user.passwordHash, options.password)
    : (await burnPasswordCheck(options.password), false);
  if (!user || !ok) {
    await recordFailure(db, keys);
    throw unauthorized('Feil e-post eller passord');
  }
  await clearFailures(db, keys[0]!);
  const session = await createSession(db, user.id);
  return { user, ...session };
}

export type TChangePasswordOptions = { userId: string; currentPassword: string; newPassword: string; keepToken: string };

export async function changePassword(db: Db, options: TChangePasswordOptions): Promise<void> {
  const user = await db.query.users.findFirst({ where: eq(users.id, options.userId) });
  if (!user) throw unauthorized();
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, options.currentPassword))) {
    throw new HttpError(400, 'wrong_password', 'Nåværende passord er feil', [{ path: 'currentPassword', message: 'Feil passord' }]);
  }
  const passwordHash = await hashPassword(options.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await deleteOtherSessions(tx, user.id, options.keepToken);
  });
}
