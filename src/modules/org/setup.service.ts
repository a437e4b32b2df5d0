// Taking a fresh install into use (docs/decisions/0012). While no admin account exists, the server
// issues a one-time set-up link at start; whoever holds it creates the first admin and the install's
// cooperation in one go. The admin CLI (src/server/cli/admin.ts) is the other way in, for the operator
// at the server, and goes through ensureAdmin here.
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { conflict, HttpError } from '../../server/errors.js';
import { assertPasswordAcceptable, hashPassword } from '../../server/auth/password.js';
import { recordAudit } from '../audit/service.js';
import { setupTokens, sessions, users } from './schema.js';
import type { TCompleteSetupRequest } from './model.js';
import { createInstallCooperation, findInstallCooperation } from './cooperations.service.js';
import { createMembership } from './memberships.service.js';
import { createMunicipality } from './municipalities.service.js';
import { createUser, findUserByEmail, publicUser } from './users.service.js';

/** How long a set-up link works: long enough to fetch it from the log the next morning. */
export const SETUP_TOKEN_HOURS = 24;

const setupActor: Actor = { userId: null, name: 'oppsett' };
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function hasActiveAdmin(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false))).limit(1);
  return Boolean(row);
}

/**
 * At start: a new set-up token for an install with neither an enabled admin nor a cooperation (earlier
 * unused links stop working, so only the newest printed link is live), or null (and any leftover
 * token is removed). An install whose cooperation exists but whose admins are all disabled needs the
 * admin CLI: the set-up page would only be refused.
 */
export async function issueSetupToken(db: Db, options: { now?: Date } = {}): Promise<string | null> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    await tx.delete(setupTokens).where(isNull(setupTokens.usedAt));
    if (await hasActiveAdmin(tx) || await findInstallCooperation(tx)) return null;
    const token = randomBytes(32).toString('base64url');
    await tx.insert(setupTokens).values({
      tokenHash: tokenHash(token), createdAt: now, expiresAt: new Date(now.getTime() + SETUP_TOKEN_HOURS * 3600_000),
    });
    return token;
  });
}

/** The address the set-up page is reached at, for the log line. */
export function setupLink(options: { publicUrl: string | undefined; port: number; token: string }): string {
  const base = (options.publicUrl ?? `http://localhost:${options.port}`).replace(/\/+$/, '');
  return `${base}/oppsett?token=${encodeURIComponent(options.token)}`;
}

/** Spends the token in the caller's transaction, or refuses: nothing is created with a dead link. */
async function spendSetupToken(tx: DbOrTx, token: string, now: Date): Promise<void> {
  const hash = tokenHash(token);
  const [spent] = await tx.update(setupTokens).set({ usedAt: now })
    .where(and(eq(setupTokens.tokenHash, hash), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)))
    .returning({ tokenHash: setupTokens.tokenHash });
  if (spent) return;
  const [row] = await tx.select().from(setupTokens).where(eq(setupTokens.tokenHash, hash));
  if (!row) throw new HttpError(403, 'setup_token_invalid', 'Oppsettlenken er ikke gyldig; bruk den nyeste lenken i serverloggen');
  if (row.usedAt) throw new HttpError(409, 'setup_token_used', 'Oppsettlenken er allerede brukt; logg inn med administratorkontoen');
  throw new HttpError(403, 'setup_token_expired', 'Oppsettlenken er utløpt; start samrad på nytt for å få en ny lenke i loggen');
}

/**
 * The set-up page's one transaction: spends the token, creates the host municipality (a member from
 * the founding date), the install's cooperation and the first admin. Any refusal leaves nothing behind,
 * the token included.
 */
export async function completeSetup(db: Db, options: TCompleteSetupRequest & { now?: Date }) {
  const now = options.now ?? new Date();
  await assertPasswordAcceptable({ password: options.adminPassword, field: 'adminPassword', email: options.adminEmail, name: options.adminName });
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    await spendSetupToken(tx, options.token, now);
    if (await hasActiveAdmin(tx)) throw conflict('samrad har allerede en administrator; logg inn med den kontoen');
    const host = await createMunicipality(txDb, setupActor, { name: options.hostMunicipalityName, number: options.hostMunicipalityNumber ?? null });
    const cooperation = await createInstallCooperation(txDb, setupActor, {
      name: options.cooperationName, shortName: options.shortName, organisationNumber: options.organisationNumber,
      hostMunicipalityId: host.id, founded: options.founded,
    });
    await createMembership(txDb, setupActor, { cooperationId: cooperation.id, municipalityId: host.id, joined: options.founded });
    const user = await createUser(txDb, setupActor, { email: options.adminEmail, name: options.adminName, role: 'admin', password: options.adminPassword });
    return { user, cooperation };
  });
}

export type TEnsureAdminResult = { action: 'created' | 'reset'; user: ReturnType<typeof publicUser> };

/**
 * The admin CLI: makes the account with this e-mail an enabled admin with the given password, creating
 * it when there is none. Ends the account's sessions, so an old session does not outlive the reset.
 */
export async function ensureAdmin(db: Db, actor: Actor, options: { email: string; name?: string; password: string }): Promise<TEnsureAdminResult> {
  const existing = await findUserByEmail(db, options.email);
  const name = options.name ?? existing?.name ?? options.email.split('@')[0]!;
  await assertPasswordAcceptable({ password: options.password, field: 'password', email: options.email, name });
  const passwordHash = await hashPassword(options.password);
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const found = await findUserByEmail(tx, options.email);
    if (!found) {
      const user = await createUser(txDb, actor, { email: options.email, name, role: 'admin', password: options.password });
      return { action: 'created' as const, user };
    }
    if (found.demo) {
      throw conflict(`${found.email} er en demokonto med kjent passord og kan ikke gjøres til en ekte administrator; bruk en annen e-postadresse`);
    }
    const [after] = await tx.update(users)
      .set({ role: 'admin', disabled: false, passwordHash, ...(options.name ? { name: options.name } : {}) })
      .where(eq(users.id, found.id)).returning();
    await tx.delete(sessions).where(eq(sessions.userId, found.id));
    await recordAudit(tx, actor, {
      action: 'reset_admin', entity: 'user', entityId: found.id, before: publicUser(found), after: publicUser(after!),
    });
    return { action: 'reset' as const, user: publicUser(after!) };
  });
}
