// Sign-in, sign-out, who am I, password change. OpenID Connect lives in oidc.ts.
import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../context.js';
import { createRouter, errorResponses, jsonContent } from '../openapi.js';
import { currentUser, requireUser } from './middleware.js';
import { changePassword, signIn } from './login.js';
import { deleteSession, SESSION_COOKIE } from './sessions.js';
import { clientAddress } from './throttle.js';

export const ZSessionUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'staff', 'council', 'municipality']),
  municipalityId: z.string().nullable(),
  personId: z.string().nullable(),
}).openapi('SessionUser');

const ZLoginRequest = z.object({
  email: z.string().trim().email('Ugyldig e-postadresse').max(320),
  password: z.string().min(1, 'Passord mangler').max(1000),
}).openapi('LoginRequest');

const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().min(10, 'Passordet må ha minst 10 tegn').max(1000),
}).openapi('ChangePasswordRequest');

function socketAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // app.request() in tests has no socket
  }
}

const clientAddressOf = (c: Context<AppEnv>) => clientAddress({
  socket: socketAddress(c), forwardedFor: c.req.header('x-forwarded-for'), trustedHops: c.var.env.TRUST_PROXY,
});

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: Date) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true, sameSite: 'Lax', path: '/', expires: expiresAt,
    // Behind a TLS-terminating proxy the request itself is http; PUBLIC_URL says what users reach.
    secure: (c.var.env.PUBLIC_URL ?? c.req.url).startsWith('https:'),
  });
}

export const authRoutes = createRouter()
  .openapi(createRoute({
    method: 'post', path: '/api/auth/login', tags: ['Auth'], summary: 'Logg inn med e-post og passord',
    request: { body: { content: { 'application/json': { schema: ZLoginRequest } }, required: true } },
    responses: { 200: jsonContent(z.object({ user: ZSessionUser }), 'Innlogget'), ...errorResponses },
  }), async (c) => {
    const body = c.req.valid('json');
    const { user, token, expiresAt } = await signIn(c.var.db, { ...body, address: clientAddressOf(c) });
    setSessionCookie(c, token, expiresAt);
    return c.json({
      user: { id: user.id, email: user.email, name: user.name, role: user.role, municipalityId: user.municipalityId, personId: user.personId },
    }, 200);
  })
  .openapi(createRoute({
    method: 'post', path: '/api/auth/logout', tags: ['Auth'], summary: 'Logg ut',
    responses: { 204: { description: 'Utlogget' } },
  }), async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) await deleteSession(c.var.db, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  })
  .openapi(createRoute({
    method: 'get', path: '/api/auth/me', tags: ['Auth'], summary: 'Innlogget bruker',
    middleware: [requireUser] as const,
    responses: { 200: jsonContent(z.object({ user: ZSessionUser }), 'Brukeren'), ...errorResponses },
  }), (c) => c.json({ user: currentUser(c) }, 200))
  .openapi(createRoute({
    method: 'post', path: '/api/auth/password', tags: ['Auth'], summary: 'Bytt passord',
    middleware: [requireUser] as const,
    request: { body: { content: { 'application/json': { schema: ZChangePasswordRequest } }, required: true } },
    responses: { 204: { description: 'Passord byttet' }, ...errorResponses },
  }), async (c) => {
    const body = c.req.valid('json');
    await changePassword(c.var.db, {
      userId: currentUser(c).id, ...body, keepToken: getCookie(c, SESSION_COOKIE) ?? '',
    });
    return c.body(null, 204);
  });
