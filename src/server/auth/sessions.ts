// Sessions live in the database; the cookie holds a random token and the table holds its hash.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { sessions, users } from '../../modules/org/schema.js';
import type { SessionUser } from '../context.js';

export const SESSION_DAYS = 14;

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: DbOrTx, userId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await db.insert(sessions).values({ tokenHash: tokenHash(token), userId, expiresAt });
  // Expired rows are swept opportunistically so the table does not grow forever.
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
  return { token, expiresAt };
}

export async function loadSessionUser(db: DbOrTx, token: string): Promise<SessionUser | null> {
  const [row] = await db
    .select({
      id: users.id, email: users.email, name: users.name, role: users.role,
      municipalityId: users.municipalityId, personId: users.personId, disabled: users.disabled,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash(token)), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (!row || row.disabled) return null;
  const { disabled: _disabled, ...user } = row;
  return user;
}

export async function deleteSession(db: DbOrTx, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash(token)));
}

/** After a password change every other session of the user ends. */
export async function deleteOtherSessions(db: DbOrTx, userId: string, keepToken: string): Promise<void> {
  const keep = tokenHash(keepToken);
  const all = await db.select({ tokenHash: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, userId));
  for (const s of all) if (s.tokenHash !== keep) await db.delete(sessions).where(eq(sessions.tokenHash, s.tokenHash));
}
