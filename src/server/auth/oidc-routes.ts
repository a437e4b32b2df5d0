// HTTP for OpenID Connect sign-in: where the login page learns whether it is offered, the redirect to
// the provider, and the way back. The flow's secrets ride in a short-lived HttpOnly cookie scoped to
// these paths, so nothing needs to be stored server-side between the two requests.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../context.js';
import { HttpError } from '../errors.js';
import { createRouter, jsonContent, route } from '../openapi.js';
import { completeOidcLogin, decodeFlow, encodeFlow, oidcSettings, startOidcLogin } from './oidc.js';
import { auditSignIn, auditSignInFailure } from './audit.js';
import { clientAddressOf, setSessionCookie } from './routes.js';
import { createSession } from './sessions.js';

const FLOW_COOKIE = 'samrad_oidc';
const FLOW_COOKIE_PATH = '/api/auth/oidc';
/** Long enough to sign in at the provider (with MFA), short enough that a stale flow is not reused. */
const FLOW_SECONDS = 10 * 60;
const tags = ['Auth'];

const notConfigured = () => new HttpError(404, 'oidc_not_configured',
  'Innlogging med OpenID Connect er ikke satt opp (OIDC_ISSUER, OIDC_CLIENT_ID og OIDC_CLIENT_SECRET mangler)');

const ZCallbackQuery = z.object({
  code: z.string().optional().openapi({ param: { name: 'code', in: 'query' } }),
  state: z.string().optional().openapi({ param: { name: 'state', in: 'query' } }),
  error: z.string().optional().openapi({ param: { name: 'error', in: 'query' } }),
});

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

// The callback is opened by the browser, so a refusal there is a readable page; scripts get JSON.
function refusalPage(c: Context<AppEnv>, err: HttpError) {
  return c.html(`<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Innlogging avvist – samrad</title></head>
<body><main><h1>Innloggingen ble avvist</h1><p>${escapeHtml(err.message)}</p><p><a href="/logg-inn">Tilbake til innlogging</a></p></main></body></html>`, err.status);
}

export const oidcRoutes = createRouter();

oidcRoutes.openapi(createRoute({
  method: 'get', path: '/api/auth/config', tags, summary: 'Hvilke innloggingsmåter som tilbys',
  responses: { 200: jsonContent(z.object({ oidc: z.boolean() }).openapi('AuthConfig'), 'Innloggingsmåtene') },
}), (c) => c.json({ oidc: oidcSettings(c.var.env, c.req.url) !== null }, 200));

oidcRoutes.openapi(route({
  method: 'get', path: '/api/auth/oidc/login', tags, summary: 'Start innlogging hos OpenID Connect-leverandøren',
  answers: { 302: { description: 'Videre til innloggingstjenesten' } },
}), async (c) => {
  const settings = oidcSettings(c.var.env, c.req.url);
  if (!settings) throw notConfigured();
  const { url, flow } = await startOidcLogin(settings);
  setCookie(c, FLOW_COOKIE, encodeFlow(flow), {
    httpOnly: true,
    // Lax, not Strict: the way back from the provider is a cross-site top-level navigation.
    sameSite: 'Lax',
    path: FLOW_COOKIE_PATH,
    maxAge: FLOW_SECONDS,
    secure: new URL(settings.redirectUri).protocol === 'https:',
  });
  return c.redirect(url, 302);
});

oidcRoutes.openapi(route({
  method: 'get', path: '/api/auth/oidc/callback', tags, summary: 'Tilbake fra innloggingstjenesten',
  request: { query: ZCallbackQuery }, answers: { 302: { description: 'Innlogget; videre til forsiden' } },
}), async (c) => {
  const settings = oidcSettings(c.var.env, c.req.url);
  if (!settings) throw notConfigured();
  const flow = decodeFlow(getCookie(c, FLOW_COOKIE));
  // One flow, one try: a replayed callback finds no cookie.
  deleteCookie(c, FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
  try {
    const user = await completeOidcLogin(c.var.db, { settings, flow, search: new URL(c.req.url).search });
    const { token, expiresAt } = await createSession(c.var.db, user.id);
    setSessionCookie(c, token, expiresAt);
    await auditSignIn(c.var.db, { user, address: clientAddressOf(c), method: 'oidc' });
    return c.redirect('/', 302);
  } catch (err) {
    // The provider vouched for someone and samrad refused them (no account, unverified address, disabled):
    // audited. A stale or forged callback (400) is not, since anyone could fill the log with those.
    if (err instanceof HttpError && err.status === 403) {
      await auditSignInFailure(c.var.db, { address: clientAddressOf(c), method: 'oidc', reason: err.message });
    }
    if (err instanceof HttpError && (c.req.header('accept') ?? '').includes('text/html')) return refusalPage(c, err);
    throw err;
  }
});
