// Request guards applied to the whole API before any route runs.
import type { IncomingMessage } from 'node:http';
import type { MiddlewareHandler } from 'hono';
import { limitBody } from './body.js';
import type { AppEnv } from './context.js';
import { HttpError, tooLarge } from './errors.js';
import { multipartBodyCap } from '../modules/uploads/limits.js';

/** JSON and other small bodies; multipart bodies get MAX_UPLOAD_BYTES (the uploads module's limits; an upload route then its kind's). */
export const MAX_JSON_BYTES = 1024 * 1024;

export const limitBodies: MiddlewareHandler<AppEnv> = async (c, next) => {
  const multipart = (c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data');
  const maxSize = multipart ? multipartBodyCap(c.var.env) : MAX_JSON_BYTES;
  return limitBody(maxSize, () => {
    throw tooLarge(`Forespørselen er for stor (høyst ${Math.round(maxSize / 1024)} KiB)`);
  })(c, next);
};

/**
 * An answer sent before the request's body has all arrived (a 413, a refused upload, a 401 before the
 * upload was read) must say `Connection: close`: the server does not read the rest, so it closes the
 * socket after answering (after a short drain), and a client told keep-alive would send its next
 * request into a closing socket and lose it.
 */
export const closeWhenBodyUnread: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming || incoming.complete) return;
  c.res.headers.set('connection', 'close');
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A write whose Origin is another site is refused, whatever its content type: SameSite cookies and
 * the CORS preflight protect JSON today, but this does not depend on browsers getting both right.
 * Our own origin is the request's host, or PUBLIC_URL behind a proxy that rewrites the scheme.
 */
export const refuseForeignOrigin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const origin = c.req.header('origin');
  if (origin && !SAFE_METHODS.has(c.req.method)) {
    const allowed = new Set([new URL(c.req.url).origin]);
    const host = c.req.header('host');
    if (host) allowed.add(`${new URL(c.req.url).protocol}//${host}`);
    if (c.var.env.PUBLIC_URL) allowed.add(new URL(c.var.env.PUBLIC_URL).origin);
    if (!allowed.has(origin)) {
      throw new HttpError(403, 'csrf', 'Forespørselen kom ikke fra samrad sine sider (CSRF)');
    }
  }
  await next();
};

/**
 * Answers that depend on who is signed in must not be kept by browsers or proxies. Public answers
 * (the public API, the API reference) may be cached.
 */
export const privateByDefault: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const p = c.req.path;
  if (p.startsWith('/api/public/') || p.startsWith('/api/docs') || p === '/api/openapi.json') return;
  if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', 'private, no-store');
  c.res.headers.append('vary', 'Cookie');
};
