// OpenID Connect sign-in against a real provider (oidc-provider) listening on 127.0.0.1 inside the test.
// The browser is played by fetch: every redirect is followed by hand, carrying each side's cookies, and
// the way back to samrad goes through the app like any other request.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { createTestApp, TEST_ORIGIN, TestClient, type TestApp } from '../../test/app.js';
import { listAudit } from '../../modules/audit/service.js';
import { createUser, getUser, updateUser } from '../../modules/org/users.service.js';
import { systemActor } from '../context.js';

type TAccount = { sub: string; email: string; email_verified: boolean; name: string; xms_edov?: boolean };

let database: TestDatabase;
let app: TestApp;
let server: Server;
let issuer: string;
/** Who "types their password" at the provider in the next sign-in. */
let signingIn: TAccount;

async function startProvider() {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TAccount>();
  const provider = new Provider(issuer, {
    clients: [{
      client_id: 'samrad',
      client_secret: 'samrad-test-secret',
      redirect_uris: [`${TEST_ORIGIN}/api/auth/oidc/callback`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    claims: { openid: ['sub'], email: ['email', 'email_verified', 'xms_edov'], profile: ['name'] },
    cookies: { keys: ['oidc-test-cookie-key'] },
    features: { devInteractions: { enabled: false } },
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    findAccount: async (_ctx, sub) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: async () => ({ ...account }) } : undefined;
    },
    // samrad is a first-party client here: no consent screen, the grant covers what it asks for.
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    // The login screen, completed at once for the account under test.
    accounts.set(signingIn.sub, signingIn);
    provider.interactionFinished(req, res, { login: { accountId: signingIn.sub } }, { mergeWithLastSubmission: false })
      .catch((err: Error) => { res.statusCode = 500; res.end(err.message); });
  });
}

/** Follows redirects at the provider until it sends the browser back to samrad; returns that path. */
async function signInAtProvider(authorizationUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(TEST_ORIGIN)) return url.slice(TEST_ORIGIN.length);
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider stopped at ${url}: ${res.status} ${await res.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects at the provider');
}

/** The whole chain: samrad's login → provider → samrad's callback. Returns the callback's answer. */
async function signInWithOidc(client: TestClient, account: TAccount) {
  signingIn = account;
  const start = await client.get('/api/auth/oidc/login');
  expect(start.status).toBe(302);
  const callbackPath = await signInAtProvider(start.headers.get('location')!);
  expect(callbackPath).toMatch(/^\/api\/auth\/oidc\/callback\?/);
  return client.get(callbackPath);
}

beforeAll(async () => {
  database = await createTestDatabase();
  await startProvider();
  app = createTestApp(database.db, { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'samrad', OIDC_CLIENT_SECRET: 'samrad-test-secret' });
  await createUser(database.db, systemActor, { email: 'Kari.Nordmann@Molde.kommune.no', name: 'Kari Nordmann', role: 'staff' });
  await createUser(database.db, systemActor, { email: 'sperret@molde.kommune.no', name: 'Sperret', role: 'council' });
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await database?.drop();
});

describe('GET /api/auth/config', () => {
  it('tells the login page whether OIDC is offered', async () => {
    expect(await (await new TestClient(app).get('/api/auth/config')).json()).toEqual({ oidc: true });
    const plain = createTestApp(database.db);
    expect(await (await new TestClient(plain).get('/api/auth/config')).json()).toEqual({ oidc: false });
  });
});

describe('GET /api/auth/oidc/login', () => {
  it('answers 404 with a clear message when OIDC is not configured', async () => {
    const res = await new TestClient(createTestApp(database.db)).get('/api/auth/oidc/login');
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 'oidc_not_configured', message: expect.stringMatching(/OIDC_ISSUER/) });
  });

  it('says so when the provider cannot be reached, and sets no cookie', async () => {
    const down = createTestApp(database.db, { OIDC_ISSUER: 'http://127.0.0.1:9/', OIDC_CLIENT_ID: 'samrad', OIDC_CLIENT_SECRET: 's' });
    const res = await new TestClient(down).get('/api/auth/oidc/login');
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'oidc_unavailable', message: expect.stringMatching(/^Innloggingstjenesten svarer ikke/) });
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('redirects to the provider with state, nonce and an S256 PKCE challenge kept in an HttpOnly cookie', async () => {
    const res = await new TestClient(app).get('/api/auth/oidc/login');
    expect(res.status).toBe(302);
    const url = new URL(res.headers.get('location')!);
    expect(url.origin).toBe(issuer);
    expect(url.searchParams.get('client_id')).toBe('samrad');
    expect(url.searchParams.get('redirect_uri')).toBe(`${TEST_ORIGIN}/api/auth/oidc/callback`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    for (const p of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(p)).toBeTruthy();
    const cookie = res.headers.getSetCookie().find((l) => l.startsWith('samrad_oidc='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/Path=\/api\/auth\/oidc/);
    expect(cookie).toMatch(/Max-Age=600/);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });
});

describe('GET /api/auth/oidc/callback', () => {
  const kari: TAccount = { sub: 'entra-kari-1', email: 'kari.nordmann@molde.kommune.no', email_verified: true, name: 'Kari' };

  it('links an admin-created account by verified e-mail on the first sign-in, audited, and signs in', async () => {
    const client = new TestClient(app);
    const res = await signInWithOidc(client, kari);
    expect(res.status, await res.clone().text()).toBe(302);
    expect(res.headers.get('location')).toBe('/');
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    const { user } = await me.json();
    expect(user).toMatchObject({ email: 'Kari.Nordmann@Molde.kommune.no', role: 'staff' });
    const row = await getUser(database.db, user.id);
    expect(row!.oidcSubject).toBe(`${issuer}#entra-kari-1`);
    const [entry] = await listAudit(database.db, { entity: 'user', entityId: user.id });
    expect(entry).toMatchObject({ action: 'link_oidc', before: { oidcSubject: null }, after: { oidcSubject: `${issuer}#entra-kari-1` } });
  });

  it('signs in by subject afterwards, even when the provider reports another e-mail', async () => {
    const client = new TestClient(app);
    const res = await signInWithOidc(client, { ...kari, email: 'kari@nytt-navn.no', email_verified: false });
    expect(res.status).toBe(302);
    expect((await (await client.get('/api/auth/me')).json()).user.email).toBe('Kari.Nordmann@Molde.kommune.no');
  });

  it('refuses an e-mail that has no account with 403, as JSON and as a page, and creates nothing', async () => {
    const usersBefore = (await listAudit(database.db, { entity: 'user' })).length;
    const client = new TestClient(app);
    const res = await signInWithOidc(client, { sub: 'stranger', email: 'ukjent@example.no', email_verified: true, name: 'Ukjent' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/^Ingen konto for ukjent@example\.no/);
    expect((await client.get('/api/auth/me')).status).toBe(401);

    const browser = new TestClient(app);
    signingIn = { sub: 'stranger', email: 'ukjent@example.no', email_verified: true, name: 'Ukjent' };
    const start = await browser.get('/api/auth/oidc/login');
    const back = await signInAtProvider(start.headers.get('location')!);
    const page = await browser.request('GET', back, undefined, { accept: 'text/html' });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('Ingen konto for ukjent@example.no');
    expect((await listAudit(database.db, { entity: 'user' })).length).toBe(usersBefore);
  });

  it('audits sign-ins and refusals with the method and address (after the tests above)', async () => {
    const entries = await listAudit(database.db, { entity: 'sign_in' });
    expect(entries).toContainEqual(expect.objectContaining({
      action: 'sign_in', actorName: 'Kari Nordmann', after: { method: 'oidc', address: expect.any(String) },
    }));
    expect(entries).toContainEqual(expect.objectContaining({
      action: 'sign_in_failed', actorUserId: null, after: expect.objectContaining({ method: 'oidc', reason: expect.stringMatching(/^Ingen konto for ukjent@example\.no/) }),
    }));
  });

  it('does not link through an unverified e-mail address', async () => {
    const res = await signInWithOidc(new TestClient(app), { sub: 'unverified', email: 'sperret@molde.kommune.no', email_verified: false, name: 'X' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toMatch(/ikke bekreftet/);
  });

  it('links through Entra ID\'s xms_edov claim (domain verified by the tenant)', async () => {
    await createUser(database.db, systemActor, { email: 'ola@rauma.kommune.no', name: 'Ola', role: 'council' });
    const client = new TestClient(app);
    const res = await signInWithOidc(client, { sub: 'entra-ola', email: 'ola@rauma.kommune.no', email_verified: false, xms_edov: true, name: 'Ola' });
    expect(res.status).toBe(302);
    expect((await (await client.get('/api/auth/me')).json()).user.email).toBe('ola@rauma.kommune.no');
  });

  it('refuses to link a demo account (published password) to a real sign-in: 409, nothing linked', async () => {
    const row = await createUser(database.db, systemActor, { email: 'demo@molde.kommune.no', name: 'Demo', role: 'staff', password: 'samrad-demo', demo: true });
    const client = new TestClient(app);
    const res = await signInWithOidc(client, { sub: 'entra-demo', email: 'demo@molde.kommune.no', email_verified: true, name: 'Kari Ekte' });
    expect(res.status).toBe(409);
    expect((await res.json()).error.message).toMatch(/^demo@molde\.kommune\.no er en demokonto med kjent passord og kan ikke knyttes til en innlogging/);
    expect((await getUser(database.db, row.id))!.oidcSubject).toBeNull();
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a disabled account', async () => {
    const admin = { userId: null, name: 'Admin' };
    const row = await createUser(database.db, systemActor, { email: 'borte@molde.kommune.no', name: 'Borte', role: 'staff' });
    await updateUser(database.db, admin, { id: row.id, disabled: true });
    const res = await signInWithOidc(new TestClient(app), { sub: 'borte', email: 'borte@molde.kommune.no', email_verified: true, name: 'Borte' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toBe('Kontoen er deaktivert');
    expect((await getUser(database.db, row.id))!.oidcSubject).toBeNull();
  });

  it('refuses a wrong state with 400 and does not sign in', async () => {
    const client = new TestClient(app);
    signingIn = kari;
    const start = await client.get('/api/auth/oidc/login');
    const back = await signInAtProvider(start.headers.get('location')!);
    const tampered = back.replace(/state=[^&]+/, 'state=forged');
    const res = await client.get(tampered);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/state/);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a callback without the flow cookie (another browser, or a replay) with 400', async () => {
    const client = new TestClient(app);
    const first = await signInWithOidc(client, kari);
    expect(first.status).toBe(302);
    const res = await new TestClient(app).get('/api/auth/oidc/callback?code=abc&state=xyz');
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/utløpt|annen nettleser/);
  });

  it('passes on the provider\'s refusal as 400', async () => {
    const client = new TestClient(app);
    const start = await client.get('/api/auth/oidc/login');
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const res = await client.get(`/api/auth/oidc/callback?error=access_denied&error_description=Avbrutt&state=${state}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/Avbrutt/);
  });
});
