// Device cookies (OWASP, "Slow down online guessing attacks with device cookies"): a browser that
// signed in to an account gets a random token in a long-lived HttpOnly cookie; the table keeps its
// SHA-256 and the account. With it, that browser is throttled on its own failures only, so a guesser
// elsewhere (or behind the same NAT) cannot keep the account's owner out. The cookie proves nothing by
// itself: the password is still checked on every sign-in.
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, lt, notInArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { trustedDevices, users } from '../../modules/org/schema.js';

export const DEVICE_DAYS = 365;
/** Browsers kept per account: a script that signs in without keeping cookies would otherwise add one per sign-in. */
export const DEVICES_PER_USER = 20;

export const deviceTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** The token's hash when the token is a trusted device of the account with this e-mail, else null. */
export async function trustedDeviceFor(db: DbOrTx, token: string | undefined, email: string, now = new Date()): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const hash = deviceTokenHash(token);
  const [row] = await db.select({ tokenHash: trustedDevices.tokenHash })
    .from(trustedDevices)
    .innerJoin(users, eq(users.id, trustedDevices.userId))
    .where(and(
      eq(trustedDevices.tokenHash, hash),
      gt(trustedDevices.expiresAt, now),
      sql`lower(${users.email}) = ${email.trim().toLowerCase()}`,
    ))
    .limit(1);
  return row?.tokenHash ?? null;
}

/**
 * After a successful sign-in: the browser's device cookie for this account, renewed, or a new one when
 * it had none (or one of another account: a shared computer trusts its latest user).
 */
export async function rememberDevice(db: DbOrTx, userId: string, current: string | undefined, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + DEVICE_DAYS * 24 * 3600 * 1000);
  if (current && current.length <= 200) {
    const renewed = await db.update(trustedDevices).set({ lastUsedAt: now, expiresAt })
      .where(and(eq(trustedDevices.tokenHash, deviceTokenHash(current)), eq(trustedDevices.userId, userId), gt(trustedDevices.expiresAt, now)))
      .returning({ tokenHash: trustedDevices.tokenHash });
    if (renewed.length) return { token: current, expiresAt };
  }
  const token = randomBytes(32).toString('base64url');
  await db.insert(trustedDevices).values({ tokenHash: deviceTokenHash(token), userId, createdAt: now, lastUsedAt: now, expiresAt });
  // Expired devices, and an account's least recently used ones past DEVICES_PER_USER, are swept on the way.
  await db.delete(trustedDevices).where(or(
    lt(trustedDevices.expiresAt, now),
    and(eq(trustedDevices.userId, userId), notInArray(trustedDevices.tokenHash, db.select({ tokenHash: trustedDevices.tokenHash })
      .from(trustedDevices).where(eq(trustedDevices.userId, userId)).orderBy(desc(trustedDevices.lastUsedAt)).limit(DEVICES_PER_USER))),
  ));
  return { token, expiresAt };
}
