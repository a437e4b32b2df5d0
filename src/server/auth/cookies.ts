// The cookies that carry a sign-in: the session and the device cookie. Over HTTPS they are Secure and
// named with the __Host- prefix, which browsers accept only from a secure origin with Path=/ and no
// Domain, so neither a sibling subdomain nor a plain-http page can plant or overwrite them. Over plain
// http (development, tests, e2e on 127.0.0.1) they keep their bare names and work without Secure.
// A request reads only the name its own scheme would have set: over HTTPS a bare cookie someone planted
// is never taken for a session.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context.js';
import { isHttps } from '../transport.js';

export type TAuthCookie = 'samrad_session' | 'samrad_device';

export const SESSION_COOKIE: TAuthCookie = 'samrad_session';
export const DEVICE_COOKIE: TAuthCookie = 'samrad_device';

/** hono writes the prefix itself: `prefix: 'host'` turns samrad_session into __Host-samrad_session. */
const prefixFor = (c: Context<AppEnv>) => (isHttps(c) ? ('host' as const) : undefined);

/**
 * Secure whenever the browser reaches us over HTTPS: this request says so, or PUBLIC_URL does (a TLS
 * proxy in front whose X-Forwarded-Proto is not trusted, TRUST_PROXY=0). Only the first gets the prefix,
 * since only then can the request tell which name the browser holds.
 */
const secureFor = (c: Context<AppEnv>) => isHttps(c) || Boolean(c.var.env.PUBLIC_URL?.startsWith('https://'));

export function readAuthCookie(c: Context<AppEnv>, base: TAuthCookie): string | undefined {
  return getCookie(c, base, prefixFor(c));
}

export type TSetAuthCookieOptions = { value: string; expires: Date; sameSite: 'Lax' | 'Strict' };

export function setAuthCookie(c: Context<AppEnv>, base: TAuthCookie, options: TSetAuthCookieOptions): void {
  const prefix = prefixFor(c);
  setCookie(c, base, options.value, {
    httpOnly: true, sameSite: options.sameSite, path: '/', expires: options.expires, secure: secureFor(c), prefix,
  });
}

export function clearAuthCookie(c: Context<AppEnv>, base: TAuthCookie): void {
  const prefix = prefixFor(c);
  deleteCookie(c, base, { path: '/', secure: secureFor(c), prefix });
}
