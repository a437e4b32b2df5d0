// What sign-in writes to the audit log, so GET /api/audit answers who signed in, from where and how,
// who failed, who was slowed down, who signed out and who changed a password. Each is one insert.
// Sign-in events have the entity "sign_in" and the account as entity id (its id when it exists, else the
// e-mail that was tried), so an account's own history (entity "user") stays the record of changes to it;
// a password change is such a change.
import type { DbOrTx } from '../../db/client.js';
import { recordAudit } from '../../modules/audit/service.js';
import type { Actor } from '../context.js';
import type { TThrottleScope } from './throttle.js';

export type TSignInMethod = 'password' | 'oidc';
type TAccount = { id: string; name: string } | null | undefined;

const anonymous: Actor = { userId: null, name: 'anonym' };
const actorFor = (account: TAccount): Actor => (account ? { userId: account.id, name: account.name } : anonymous);
const entityId = (account: TAccount, email: string | undefined) => account?.id ?? email?.trim().toLowerCase() ?? '(ukjent)';

export async function auditSignIn(db: DbOrTx, options: { user: { id: string; name: string }; address: string; method: TSignInMethod }) {
  await recordAudit(db, actorFor(options.user), {
    action: 'sign_in', entity: 'sign_in', entityId: options.user.id, after: { method: options.method, address: options.address },
  });
}

export type TAuditSignInFailureOptions = {
  /** The account the attempt named, when it exists. */
  account?: TAccount;
  email?: string;
  address: string;
  method: TSignInMethod;
  reason: string;
};

/** Attempted by someone unknown, so the actor is "anonym"; the account tried is the entity. */
export async function auditSignInFailure(db: DbOrTx, options: TAuditSignInFailureOptions) {
  await recordAudit(db, anonymous, {
    action: 'sign_in_failed', entity: 'sign_in', entityId: entityId(options.account, options.email),
    after: { method: options.method, address: options.address, reason: options.reason, ...(options.email ? { email: options.email.trim().toLowerCase() } : {}) },
  });
}

export type TAuditLockoutOptions = {
  account?: TAccount;
  email: string;
  address: string;
  scope: TThrottleScope;
  seconds: number;
  /** Where the password was checked: sign-in, or the current password of a password change. */
  during: 'sign_in' | 'change_password';
};

export async function auditLockout(db: DbOrTx, options: TAuditLockoutOptions) {
  await recordAudit(db, anonymous, {
    action: 'lockout', entity: 'sign_in', entityId: entityId(options.account, options.email),
    after: { scope: options.scope, address: options.address, seconds: options.seconds, during: options.during, email: options.email.trim().toLowerCase() },
  });
}

export async function auditSignOut(db: DbOrTx, user: { id: string; name: string }) {
  await recordAudit(db, actorFor(user), { action: 'sign_out', entity: 'sign_in', entityId: user.id });
}

export async function auditPasswordChange(db: DbOrTx, options: { user: { id: string; name: string }; address: string }) {
  await recordAudit(db, actorFor(options.user), {
    action: 'change_password', entity: 'user', entityId: options.user.id, after: { address: options.address },
  });
}
