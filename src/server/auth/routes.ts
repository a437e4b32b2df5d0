// Sign-in, sign-out, who am I, password change. OpenID Connect lives in oidc.ts.
import { createRoute, z } from '@hono/zod-openapi';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { createRouter, jsonBody, jsonContent, refusal, route } from '../openapi.js';
import { currentUser, requireUser } from './middleware.js';
import { auditSignOut } from './audit.js';
import { clearAuthCookie, DEVICE_COOKIE, readAuthCookie, SESSION_COOKIE, setAuthCookie } from './cookies.js';
import { changePassword, signIn, type TPasswordOrigin } from './login.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './password.js';
import { deleteSession } from './sessions.js';
import { clientAddress } from './throttle.js';
import { ZUser } from '../../modules/org/model.js';

/** The signed-in user as the API answers it: the account's fields that say who and what (org's ZUser). */
export const ZSessionUser = ZUser.pick({ id: true, email: true, name: true, role: true, municipalityId: true, personId: true }).openapi('SessionUser');

const ZLoginRequest = z.object({
  email: z.string().trim().email('Ugyldig e-postadresse').max(320),
  password: z.string().min(1, 'Passord mangler').max(1000),
}).openapi('LoginRequest');

const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(1000),
  // The rest of the rules (common, breached, own name) are checked by assertPasswordAcceptable.
  newPassword: z.string().min(MIN_PASSWORD_LENGTH, `Passordet må ha minst ${MIN_PASSWORD_LENGTH} tegn`).max(MAX_PASSWORD_LENGTH),
}).openapi('ChangePasswordRequest');

function socketAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // app.request() in tests has no socket
  }
}

export const clientAddressOf = (c: Context<AppEnv>) => clientAddress({
  socket: socketAddress(c), forwardedFor: c.req.header('x-forwarded-for'), trustedHops: c.var.env.TRUST_PROXY,
});

const passwordOrigin = (c: Context<AppEnv>): TPasswordOrigin => ({
  address: clientAddressOf(c), deviceToken: readAuthCookie(c, DEVICE_COOKIE),
});

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date) {
  setAuthCookie(c, SESSION_COOKIE, { value: token, expires: expiresAt, sameSite: 'Lax' });
}

/** The sign-in throttle (throttle.ts) answers 429 with Retry-After to too many wrong passwords. */
const tooManyAttempts = refusal('For mange mislykkede forsøk; prøv igjen etter Retry-After');

export const authRoutes = createRouter()
  .openapi(route({
    method: 'post', path: '/api/auth/login', tags: ['Auth'], summary: 'Logg inn med e-post og passord',
    request: jsonBody(ZLoginRequest),
    answers: { 200: jsonContent(z.object({ user: ZSessionUser }), 'Innlogget'), 429: tooManyAttempts },
  }), async (c) => {
    const body = c.req.valid('json');
    const { user, token, expiresAt, device } = await signIn(c.var.db, { ...body, ...passwordOrigin(c) });
    setSessionCookie(c, token, expiresAt);
    // Only ever read by sign-in itself, a same-site POST: Strict.
    setAuthCookie(c, DEVICE_COOKIE, { value: device.token, expires: device.expiresAt, sameSite: 'Strict' });
    return c.json({
      user: { id: user.id, email: user.email, name: user.name, role: user.role, municipalityId: user.municipalityId, personId: user.personId },
    }, 200);
  })
  .openapi(createRoute({
    method: 'post', path: '/api/auth/logout', tags: ['Auth'], summary: 'Logg ut',
    responses: { 204: { description: 'Utlogget' } },
  }), async (c) => {
    const token = readAuthCookie(c, SESSION_COOKIE);
    if (token) await deleteSession(c.var.db, token);
    // The device cookie stays: signing out does not make the browser a stranger to the throttle.
    clearAuthCookie(c, SESSION_COOKIE);
    if (c.var.user) await auditSignOut(c.var.db, c.var.user);
    return c.body(null, 204);
  })
  .openapi(route({
    method: 'get', path: '/api/auth/me', tags: ['Auth'], summary: 'Innlogget bruker', access: [requireUser],
    answers: { 200: jsonContent(z.object({ user: ZSessionUser }), 'Brukeren') },
  }), (c) => c.json({ user: currentUser(c) }, 200))
  .openapi(route({
    method: 'post', path: '/api/auth/password', tags: ['Auth'], summary: 'Bytt passord', access: [requireUser],
    request: jsonBody(ZChangePasswordRequest),
    answers: { 204: { description: 'Passord byttet' }, 429: tooManyAttempts },
  }), async (c) => {
    const body = c.req.valid('json');
    await changePassword(c.var.db, {
      userId: currentUser(c).id, ...body, keepToken: readAuthCookie(c, SESSION_COOKIE) ?? '', ...passwordOrigin(c),
    });
    return c.body(null, 204);
  });
