// The user accounts that sign in: created by an admin (or a script), found by e-mail or OpenID Connect
// subject, changed, and never shown with their password hash. Demo accounts stay the demo's.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor, Role } from '../../server/context.js';
import { badRequest, conflict, notFound } from '../../server/errors.js';
import { hashPassword } from '../../server/auth/password.js';
import { recordAudit } from '../audit/service.js';
import { assertMunicipalityExists, assertPersonExists, definedOnly } from './integrity.js';
import type { TUpdateUserRequest } from './model.js';
import { sessions, users } from './schema.js';
import { lockAtRevision, nextRevision } from '../../lib/revision.js';
import type { TEdit } from './revision.js';

export type TCreateUserOptions = {
  email: string;
  name: string;
  role: Role;
  password?: string;
  municipalityId?: string | null;
  personId?: string | null;
  /** Only the demo loader sets this: the account has the published demo password. */
  demo?: boolean;
};

/** The account without secrets, as the API and the audit log show it. */
export function publicUser(u: typeof users.$inferSelect) {
  const { passwordHash: _p, ...rest } = u;
  return { ...rest, hasPassword: Boolean(_p) };
}

const municipalityRequired = () => badRequest('En kommunebruker må høre til en kommune', [
  { path: 'municipalityId', message: 'En kommunebruker må høre til en kommune' },
]);

// The API refuses a municipality user without a municipality (ZCreateUserRequest); scripts and tests
// may create one to fill in later, and updateUser then insists on it.
export async function createUser(db: Db, actor: Actor, options: TCreateUserOptions) {
  const passwordHash = options.password ? await hashPassword(options.password) : null;
  return db.transaction(async (tx) => {
    const existing = await findUserByEmail(tx, options.email);
    if (existing) throw conflict(`Det finnes allerede en bruker med e-post ${options.email}`);
    await assertMunicipalityExists(tx, options.municipalityId, 'municipalityId');
    await assertPersonExists(tx, options.personId, 'personId');
    const [user] = await tx.insert(users).values({
      email: options.email.trim(),
      name: options.name,
      role: options.role,
      municipalityId: options.municipalityId ?? null,
      personId: options.personId ?? null,
      passwordHash,
      demo: options.demo ?? false,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'user', entityId: user!.id, after: publicUser(user!) });
    return publicUser(user!);
  });
}

export async function findUserByEmail(db: DbOrTx, email: string) {
  return db.query.users.findFirst({ where: sql`lower(${users.email}) = ${email.trim().toLowerCase()}` });
}

export async function getUser(db: DbOrTx, id: string) {
  return db.query.users.findFirst({ where: eq(users.id, id) });
}

export async function findUserByOidcSubject(db: DbOrTx, subject: string) {
  return db.query.users.findFirst({ where: eq(users.oidcSubject, subject) });
}

async function requireUserRow(db: DbOrTx, id: string) {
  const user = await getUser(db, id);
  if (!user) throw notFound('Brukeren');
  return user;
}

export async function listUsers(db: DbOrTx) {
  const rows = await db.select().from(users).orderBy(asc(users.name));
  return rows.map(publicUser);
}

export async function getPublicUser(db: DbOrTx, id: string) {
  return publicUser(await requireUserRow(db, id));
}

/** Whether any demo account is left: the web shows its demo banner while one is. */
export async function hasDemoAccounts(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.demo, true)).limit(1);
  return Boolean(row);
}

/**
 * A demo account's password is in the README, so it must stay recognisably the demo's: it cannot be
 * renamed to a person or linked to a real sign-in. Make the person an account of their own instead.
 */
function refuseGivingAwayDemoAccount(user: typeof users.$inferSelect, change: 'name' | 'oidc') {
  if (!user.demo) return;
  throw conflict(change === 'name'
    ? `${user.email} er en demokonto med kjent passord og kan ikke gis navnet til en person; opprett en egen konto i stedet`
    : `${user.email} er en demokonto med kjent passord og kan ikke knyttes til en innlogging hos en identitetsleverandør; opprett en egen konto i stedet`);
}

export async function updateUser(db: Db, actor: Actor, options: TEdit<TUpdateUserRequest>) {
  const { id, revision, ...patch } = options;
  // An admin who locks themselves out leaves nobody to undo it.
  if (actor.userId === id && (patch.disabled === true || (patch.role && patch.role !== 'admin'))) {
    throw conflict('Du kan ikke deaktivere eller fjerne administratorrollen fra deg selv');
  }
  return db.transaction(async (tx) => {
    await lockAtRevision(tx, users, id, revision, 'Brukeren');
    const beforeRow = await requireUserRow(tx, id);
    if (patch.name !== undefined && patch.name !== beforeRow.name) refuseGivingAwayDemoAccount(beforeRow, 'name');
    if (patch.oidcSubject) refuseGivingAwayDemoAccount(beforeRow, 'oidc');
    const merged = { ...beforeRow, ...definedOnly(patch) };
    if (merged.role === 'municipality' && !merged.municipalityId) throw municipalityRequired();
    await assertMunicipalityExists(tx, patch.municipalityId, 'municipalityId');
    await assertPersonExists(tx, patch.personId, 'personId');
    const changes = definedOnly(patch);
    if (!Object.keys(changes).length) return publicUser(beforeRow);
    const [afterRow] = await tx.update(users).set({ ...changes, revision: nextRevision(users) }).where(eq(users.id, id)).returning();
    // A disabled account or a changed role takes effect now, not when old sessions expire.
    if (patch.disabled === true || (patch.role && patch.role !== beforeRow.role)) {
      await tx.delete(sessions).where(eq(sessions.userId, id));
    }
    await recordAudit(tx, actor, { action: 'update', entity: 'user', entityId: id, before: publicUser(beforeRow), after: publicUser(afterRow!) });
    return publicUser(afterRow!);
  });
}

/** Sets a new password chosen by an admin and ends the user's sessions. The hash never reaches the log. */
export async function resetUserPassword(db: Db, actor: Actor, options: { id: string; password: string }) {
  const passwordHash = await hashPassword(options.password);
  await db.transaction(async (tx) => {
    const before = await requireUserRow(tx, options.id);
    await tx.update(users).set({ passwordHash, revision: nextRevision(users) }).where(eq(users.id, options.id));
    await tx.delete(sessions).where(eq(sessions.userId, options.id));
    await recordAudit(tx, actor, {
      action: 'reset_password', entity: 'user', entityId: options.id,
      before: { hasPassword: Boolean(before.passwordHash) }, after: { hasPassword: true },
    });
  });
}

/** Ties an OpenID Connect subject to an existing account (first sign-in with a verified e-mail). */
export async function linkOidcSubject(db: Db, actor: Actor, options: { id: string; subject: string }) {
  return db.transaction(async (tx) => {
    const before = await requireUserRow(tx, options.id);
    refuseGivingAwayDemoAccount(before, 'oidc');
    const [after] = await tx.update(users).set({ oidcSubject: options.subject, revision: nextRevision(users) }).where(eq(users.id, options.id)).returning();
    await recordAudit(tx, actor, { action: 'link_oidc', entity: 'user', entityId: options.id, before: publicUser(before), after: publicUser(after!) });
    return after!;
  });
}

/** What other modules may know of an account: no secrets, no sign-in links. */
export type TUserSummary = { id: string; name: string; email: string; role: Role; disabled: boolean; municipalityId: string | null };
const summaryColumns = {
  id: users.id, name: users.name, email: users.email, role: users.role, disabled: users.disabled, municipalityId: users.municipalityId,
};

/** The accounts with these ids (those that exist). */
export async function listUserSummaries(db: DbOrTx, ids: readonly string[]): Promise<TUserSummary[]> {
  if (!ids.length) return [];
  return db.select(summaryColumns).from(users).where(inArray(users.id, [...ids]));
}

export async function findUserSummary(db: DbOrTx, id: string): Promise<TUserSummary | undefined> {
  const [row] = await db.select(summaryColumns).from(users).where(eq(users.id, id));
  return row;
}

/** The enabled accounts with one of the roles, by name and e-mail. */
export async function listEnabledUsersWithRoles(db: DbOrTx, roles: readonly Role[]): Promise<TUserSummary[]> {
  return db.select(summaryColumns).from(users)
    .where(and(inArray(users.role, [...roles]), eq(users.disabled, false)))
    .orderBy(asc(users.name), asc(users.email));
}

/** The accounts as a subquery another module may join in SQL (an assignee's name on a queue page). */
export function userRows(alias = 'account') {
  return new QueryBuilder().select({ id: users.id, name: users.name }).from(users).as(alias);
}
