// Local sign-in and password change. Both check a password the person types, so both go through the
// same throttle (throttle.ts) and the same audit (audit.ts).
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../modules/org/schema.js';
import { HttpError, unauthorized } from '../errors.js';
import { auditLockout, auditPasswordChange, auditSignIn, auditSignInFailure } from './audit.js';
import { rememberDevice, trustedDeviceFor } from './devices.js';
import { assertPasswordAcceptable, burnPasswordCheck, hashPassword, verifyPassword } from './password.js';
import { createSession, deleteOtherSessions } from './sessions.js';
import {
  accountAddressKey, addressKey, admitAttempt, blockSeconds, clearAfterSuccess, deviceKey, settleFailedAttempt,
} from './throttle.js';

/** Where a password is being checked from: the client's address and the browser's device cookie, if any. */
export type TPasswordOrigin = { address: string; deviceToken: string | undefined };

type TUserRow = typeof users.$inferSelect;

// errorResponse turns retryAfterSeconds into the Retry-After header.
const throttled = (seconds: number) => Object.assign(
  new HttpError(429, 'throttled', `For mange mislykkede forsøk. Prøv igjen om ${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}.`),
  { retryAfterSeconds: seconds },
);

type TCheckPasswordOptions = TPasswordOrigin & {
  email: string;
  password: string;
  /** The account the e-mail names, or undefined when none does (the check then burns the same time). */
  user: TUserRow | undefined;
  during: 'sign_in' | 'change_password';
};

/**
 * Checks a typed password under the throttle: 429 (with Retry-After) while the attempt's keys wait out
 * their delay, else true or false. A trusted browser of this account counts on its own key; anyone
 * else on (account, address) and on the address.
 */
async function checkPasswordThrottled(db: Db, options: TCheckPasswordOptions): Promise<boolean> {
  const device = await trustedDeviceFor(db, options.deviceToken, options.email);
  const keys = device ? [deviceKey(device)] : [accountAddressKey(options.email, options.address), addressKey(options.address)];
  const admission = await admitAttempt(db, keys);
  if (!admission.admitted) throw throttled(admission.retryAfterSeconds);
  const user = options.user;
  const ok = user?.passwordHash && !user.disabled
    ? await verifyPassword(user.passwordHash, options.password)
    : (await burnPasswordCheck(options.password), false);
  if (ok) {
    await clearAfterSuccess(db, admission.counted);
    return true;
  }
  for (const started of await settleFailedAttempt(db, admission.counted)) {
    await auditLockout(db, {
      account: user, email: options.email, address: options.address, scope: started.scope,
      seconds: blockSeconds(started.attempt, started.free), during: options.during,
    });
  }
  return false;
}

export type TSignInOptions = TPasswordOrigin & { email: string; password: string };

export async function signIn(db: Db, options: TSignInOptions) {
  const user = await db.query.users.findFirst({
    where: sql`lower(${users.email}) = ${options.email.trim().toLowerCase()}`,
  });
  const ok = await checkPasswordThrottled(db, { ...options, user, during: 'sign_in' });
  if (!user || !ok) {
    await auditSignInFailure(db, {
      account: user, email: options.email, address: options.address, method: 'password',
      reason: !user ? 'ukjent konto' : user.disabled ? 'deaktivert konto' : 'feil passord',
    });
    throw unauthorized('Feil e-post eller passord');
  }
  const session = await createSession(db, user.id);
  const device = await rememberDevice(db, user.id, options.deviceToken);
  await auditSignIn(db, { user, address: options.address, method: 'password' });
  return { user, ...session, device };
}

export type TChangePasswordOptions = TPasswordOrigin & {
  userId: string;
  currentPassword: string;
  newPassword: string;
  keepToken: string;
};

export async function changePassword(db: Db, options: TChangePasswordOptions): Promise<void> {
  const user = await db.query.users.findFirst({ where: eq(users.id, options.userId) });
  if (!user) throw unauthorized();
  const ok = await checkPasswordThrottled(db, {
    email: user.email, password: options.currentPassword, user, address: options.address, deviceToken: options.deviceToken, during: 'change_password',
  });
  if (!ok) {
    throw new HttpError(400, 'wrong_password', 'Nåværende passord er feil', [{ path: 'currentPassword', message: 'Feil passord' }]);
  }
  await assertPasswordAcceptable({
    password: options.newPassword, field: 'newPassword', email: user.email, name: user.name, currentPassword: options.currentPassword,
  });
  const passwordHash = await hashPassword(options.newPassword);
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    await deleteOtherSessions(tx, user.id, options.keepToken);
    await auditPasswordChange(tx, { user, address: options.address });
  });
}
