// What every answer carries (issue 8): a strict Content-Security-Policy, HSTS only over HTTPS, the
// session and device cookies Secure with a __Host- name over HTTPS (X-Forwarded-Proto believed only with
// TRUST_PROXY), a request id in the X-Request-Id header and in every error body, and one access-log line
// per request with the route pattern and no secrets.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/db.js';
import { createTestApp, TestClient, type TestApp } from '../test/app.js';
import { createUser } from '../modules/org/users.service.js';
import { systemActor } from './context.js';
import { logger } from './logger.js';
import { createApp } from './app.js';
import { readEnv } from './env.js';
import { ServerBusyError } from './admission.js';
import { MAX_JSON_BYTES } from './guards.js';
import { FREE_FAILURES, throttleClock } from './auth/throttle.js';
import type { Db } from '../db/client.js';

const PW = 'correct horse battery';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let database: TestDatabase;
let app: TestApp;
let proxied: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db);
  proxied = createTestApp(database.db, { TRUST_PROXY: '1' });
  await createUser(database.db, systemActor, { email: 'leder@example.no', name: 'Leder', role: 'staff', password: PW });
  await createUser(database.db, systemActor, { email: 'admin@example.no', name: 'Admin', role: 'admin', password: PW });
});
afterAll(() => database.drop());
afterEach(() => { vi.restoreAllMocks(); });

/** Signs in with a raw request, so the scheme and proxy headers are the test's to choose. */
function signIn(target: TestApp, origin: string, headers: Record<string, string> = {}) {
  return target.request(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email: 'leder@example.no', password: PW }),
  });
}
const cookiePairs = (res: Response) => res.headers.getSetCookie().map((line) => line.split(';')[0]!).join('; ');

describe('Content-Security-Policy', () => {
  const directives = (res: Response) => Object.fromEntries((res.headers.get('content-security-policy') ?? '')
    .split(';').map((d) => d.trim()).filter(Boolean).map((d) => { const [name, ...values] = d.split(/\s+/); return [name, values.join(' ')]; }));

  it('is strict on the API, the API reference and the web app: own origin only, no inline script, framed by no one', async () => {
    for (const path of ['/api/auth/me', '/api/docs', '/healthz', '/']) {
      const csp = directives(await app.request(`http://localhost${path}`));
      expect(csp, path).toMatchObject({
        'default-src': "'self'", 'script-src': "'self'", 'object-src': "'none'", 'base-uri': "'self'",
        'form-action': "'self'", 'frame-ancestors': "'none'", 'img-src': "'self' data: blob:",
      });
      expect(csp['style-src'], path).toMatch(/^'self'/);
    }
  });
});

describe('Strict-Transport-Security', () => {
  const hsts = async (target: TestApp, url: string, headers: Record<string, string> = {}) =>
    (await target.request(url, { headers })).headers.get('strict-transport-security');

  it('is not sent over plain http, nor when an untrusted client claims X-Forwarded-Proto: https', async () => {
    expect(await hsts(app, 'http://localhost/healthz')).toBeNull();
    expect(await hsts(app, 'http://localhost/healthz', { 'x-forwarded-proto': 'https' })).toBeNull();
    expect(await hsts(proxied, 'http://localhost/healthz', { 'x-forwarded-proto': 'http' })).toBeNull();
  });

  it('is sent over HTTPS, directly or through a trusted proxy', async () => {
    expect(await hsts(app, 'https://localhost/healthz')).toMatch(/^max-age=\d+/);
    expect(await hsts(proxied, 'http://localhost/healthz', { 'x-forwarded-proto': 'https' })).toMatch(/^max-age=\d+/);
  });
});

describe('session and device cookies', () => {
  it('over plain http: bare names, HttpOnly, not Secure, and the session works', async () => {
    const res = await signIn(app, 'http://localhost');
    expect(res.status).toBe(200);
    const lines = res.headers.getSetCookie();
    expect(lines.find((l) => l.startsWith('samrad_session='))).toMatch(/HttpOnly/i);
    expect(lines.find((l) => l.startsWith('samrad_device='))).toMatch(/HttpOnly/i);
    for (const line of lines) expect(line).not.toMatch(/;\s*Secure/i);
    // An untrusted X-Forwarded-Proto changes nothing.
    const claimed = await signIn(app, 'http://localhost', { 'x-forwarded-proto': 'https' });
    expect(claimed.headers.getSetCookie().every((l) => l.startsWith('samrad_'))).toBe(true);
  });

  it('over HTTPS (direct or via a trusted proxy): __Host- names, Secure, Path=/, and only that name is read back', async () => {
    for (const [target, origin, headers] of [
      [app, 'https://localhost', {}], [proxied, 'http://localhost', { 'x-forwarded-proto': 'https' }],
    ] as const) {
      const res = await signIn(target, origin, headers);
      expect(res.status).toBe(200);
      const lines = res.headers.getSetCookie();
      expect(lines.map((l) => l.split('=')[0]).sort()).toEqual(['__Host-samrad_device', '__Host-samrad_session']);
      for (const line of lines) {
        expect(line).toMatch(/;\s*Secure/i);
        expect(line).toMatch(/;\s*Path=\/(;|$)/i);
        expect(line).not.toMatch(/Domain=/i);
      }
      const me = await target.request(`${origin}/api/auth/me`, { headers: { ...headers, cookie: cookiePairs(res) } });
      expect(me.status).toBe(200);
      // A bare cookie (which a plain-http page or a sibling subdomain could have planted) is no session over HTTPS.
      const token = cookiePairs(res).match(/__Host-samrad_session=([^;]+)/)![1];
      const planted = await target.request(`${origin}/api/auth/me`, { headers: { ...headers, cookie: `samrad_session=${token}` } });
      expect(planted.status).toBe(401);
    }
  });
});

describe('request id', () => {
  it('is returned in X-Request-Id and in every error body', async () => {
    const client = new TestClient(app);
    const cases: [string, Promise<Response>][] = [
      ['401', client.get('/api/auth/me')],
      ['validation 400', client.post('/api/auth/login', { email: 'not-an-email' })],
      ['malformed JSON 400', client.request('POST', '/api/auth/login', '{"email":', { 'content-type': 'application/json' })],
      ['unknown API 404', client.get('/api/no-such-thing')],
      ['HttpError 404', (await new TestClient(app).login('leder@example.no', PW)).get('/api/cases/4f1c2a8e-6a4b-4d61-9a77-0f2f3c9b1d10')],
    ];
    const seen = new Set<string>();
    for (const [name, pending] of cases) {
      const res = await pending;
      const id = res.headers.get('x-request-id');
      expect(id, name).toMatch(UUID);
      expect((await res.json()).error.requestId, name).toBe(id);
      seen.add(id!);
    }
    expect(seen.size).toBe(cases.length);
    expect((await app.request('http://localhost/healthz')).headers.get('x-request-id')).toMatch(UUID);
  });

  it('is in the body of a 409, 413, 429, 503 and 500 too', async () => {
    const admin = await new TestClient(app).login('admin@example.no', PW);
    const kari = { email: 'kari.requestid@example.no', name: 'Kari', role: 'council' };
    expect((await admin.post('/api/users', kari)).status).toBe(201);

    // The sign-in throttle, at an address of its own (behind a trusted proxy); its clock stands still,
    // so the first wait (1 s) cannot run out on a slow machine before the 429 is asked for.
    vi.spyOn(throttleClock, 'now').mockReturnValue(new Date());
    const guesser = new TestClient(proxied);
    const guess = (password: string) => guesser.request('POST', '/api/auth/login', { email: 'leder@example.no', password }, { 'x-forwarded-for': '203.0.113.99' });
    for (let i = 0; i < FREE_FAILURES; i++) expect((await guess(`guess ${i}`)).status).toBe(401);

    // The admission gate when full: every request to the API is refused at once.
    const full = createApp({
      db: database.db,
      env: readEnv({ SAMRAD_DEMO: 'off', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv),
      admission: { enter: () => Promise.reject(new ServerBusyError(2)), active: 4, queued: 500 },
    });
    // A database that fails every query: what reaches the error handler is no HttpError.
    const failing = new Proxy(database.db, {
      get(target, property, receiver) {
        if (property === 'select' || property === 'query' || property === 'execute' || property === 'transaction') throw new Error('forced failure');
        return Reflect.get(target, property, receiver);
      },
    }) as Db;
    const broken = createApp({ db: failing, env: readEnv({ SAMRAD_DEMO: 'off', LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv), admission: null });
    vi.spyOn(logger, 'error').mockImplementation(() => undefined);

    const cases: [number, () => Response | Promise<Response>][] = [
      [409, () => admin.post('/api/users', kari)],
      [413, () => new TestClient(app).request('POST', '/api/auth/login', 'x'.repeat(MAX_JSON_BYTES + 1), { 'content-type': 'application/json' })],
      [429, () => guess(PW)],
      [503, () => full.request('http://localhost/api/instance')],
      [500, () => broken.request('http://localhost/api/instance')],
    ];
    for (const [status, send] of cases) {
      const res = await send();
      const text = await res.text();
      expect(res.status, text).toBe(status);
      const id = res.headers.get('x-request-id');
      expect(id, `${status}`).toMatch(UUID);
      expect(JSON.parse(text).error.requestId, `${status}: ${text}`).toBe(id);
    }
  });

  it('takes a proxy\'s X-Request-Id only with TRUST_PROXY and only when it looks like an id', async () => {
    const given = 'req-7f3a9c2e1b4d';
    const idOf = async (target: TestApp, value: string) =>
      (await target.request('http://localhost/healthz', { headers: { 'x-request-id': value } })).headers.get('x-request-id');
    expect(await idOf(proxied, given)).toBe(given);
    expect(await idOf(app, given)).toMatch(UUID);
    for (const bad of ['short', 'a b c d e f g h', 'x'.repeat(200), '<script>alert(1)</script>']) expect(await idOf(proxied, bad), bad).toMatch(UUID);
  });
});

describe('access log', () => {
  it('writes one line per request with method, route pattern, status, duration, user and request id, and no secrets', async () => {
    const lines: Record<string, unknown>[] = [];
    vi.spyOn(logger, 'info').mockImplementation(((obj: Record<string, unknown>) => { lines.push(obj); }) as never);
    const client = new TestClient(app);
    await client.post('/api/auth/login', { email: 'leder@example.no', password: PW });
    const userId = (await (await client.get('/api/auth/me')).json()).user.id;
    const res = await client.get('/api/cases/4f1c2a8e-6a4b-4d61-9a77-0f2f3c9b1d10?token=hemmelig-token-123');
    const requests = lines.filter((l) => 'route' in l);
    expect(requests).toHaveLength(3);
    expect(requests[2]).toEqual({
      requestId: res.headers.get('x-request-id'), method: 'GET', route: '/api/cases/:id', status: 404, ms: expect.any(Number), userId,
    });
    expect(requests[0]).toMatchObject({ method: 'POST', route: '/api/auth/login', status: 200 });
    const logged = JSON.stringify(lines);
    for (const secret of [PW, 'hemmelig-token-123', '4f1c2a8e-6a4b-4d61-9a77-0f2f3c9b1d10', 'samrad_session']) expect(logged).not.toContain(secret);
  });
});
