// Who is asking, and may they? Routes name the roles they admit with requireRole; what a role may see
// or do inside a module (its scope, a predicate such as «reads exempt content») is that module's
// policy.ts. Those are the only places roles are compared.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Role, SessionUser } from '../context.js';
import { forbidden, unauthorized } from '../errors.js';
import { readAuthCookie, SESSION_COOKIE } from './cookies.js';
import { loadSessionUser } from './sessions.js';

export const sessionMiddleware: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = readAuthCookie(c, SESSION_COOKIE);
  c.set('user', token ? await loadSessionUser(c.var.db, token) : null);
  await next();
};

/** Admits signed-in users with one of the roles; admin is always admitted. */
export function requireRole(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const user = c.var.user;
    if (!user) throw unauthorized();
    if (user.role !== 'admin' && !roles.includes(user.role)) throw forbidden();
    await next();
  };
}

export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.user) throw unauthorized();
  await next();
};

/** For handlers behind requireRole/requireUser: the user is known to be there. */
export function currentUser(c: { var: { user: SessionUser | null } }): SessionUser {
  const user = c.var.user;
  if (!user) throw unauthorized();
  return user;
}

export const STAFF: Role[] = ['staff'];
export const READERS: Role[] = ['staff', 'council'];
