// Sign-in that cannot be turned against its users (issue 8): the throttle counts per (account, address)
// and per address, a browser that signed in before keeps its way in, a concurrent burst gets exactly the
// free attempts, the current-password check of a password change is throttled the same way, lockouts
// and sign-ins land in the audit log, and new passwords must pass the password rules.
// Addresses come from X-Forwarded-For with TRUST_PROXY=1, as behind a reverse proxy.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { createTestApp, TestClient, type TestApp } from '../../test/app.js';
import { createUser } from '../../modules/org/users.service.js';
import { systemActor } from '../context.js';
import { trustedDevices } from '../../modules/org/schema.js';
import { DEVICES_PER_USER } from './devices.js';
import { FREE_FAILURES, FREE_FAILURES_PER_ADDRESS, throttleClock } from './throttle.js';

const PW = 'correct horse battery';
const ATTACKER = '203.0.113.7';
const OWNER = '198.51.100.20';
const TOWN_HALL = '192.0.2.44';

// Enough accounts to spread the per-address free failures over, fewer than FREE_FAILURES on each.
const SPREAD_ACCOUNTS = Math.ceil(FREE_FAILURES_PER_ADDRESS / (FREE_FAILURES - 1));

let database: TestDatabase;
let app: TestApp;
let admin: TestClient;

/** A browser at an address: keeps its cookies, sends the address as the proxy would. */
class Browser extends TestClient {
  constructor(app: TestApp, private readonly address: string) {
    super(app);
  }
  override request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    return super.request(method, path, body, { ...headers, 'x-forwarded-for': this.address });
  }
  signIn(email: string, password: string) {
    return this.post('/api/auth/login', { email, password });
  }
}

async function auditFor(query: string) {
  const res = await admin.get(`/api/audit?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()).entries as { action: string; entityId: string; actorUserId: string | null; after: Record<string, unknown> }[];
}

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db, { TRUST_PROXY: '1' });
  await createUser(database.db, systemActor, { email: 'admin@example.no', name: 'Admin', role: 'admin', password: PW });
  const spread = Array.from({ length: SPREAD_ACCOUNTS }, (_, i) => `spread${i}`);
  for (const name of ['owner', 'colleague', 'burst', 'device', 'changer', 'rules', 'scripted', 'further', 'waiter', ...spread]) {
    await createUser(database.db, systemActor, { email: `${name}@example.no`, name: name[0]!.toUpperCase() + name.slice(1), role: 'council', password: PW });
  }
  admin = new Browser(app, '192.0.2.1');
  await admin.login('admin@example.no', PW);
});
afterAll(() => database.drop());

describe('sign-in throttle (OWASP: per account and address, per address, device cookies)', () => {
  // The throttle's time stands still, so the first delay (1 s) cannot run out while a loaded machine
  // works through the attempts: what is let through depends on counting only.
  beforeEach(() => { vi.spyOn(throttleClock, 'now').mockReturnValue(new Date()); });
  afterEach(() => { vi.restoreAllMocks(); });

  it('an attacker who guesses an account\'s password from one address cannot lock its owner out from another', async () => {
    const attacker = new Browser(app, ATTACKER);
    for (let i = 0; i < FREE_FAILURES; i++) expect((await attacker.signIn('owner@example.no', `guess ${i}`)).status).toBe(401);
    const blocked = await attacker.signIn('owner@example.no', PW);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await blocked.json()).error.message).toMatch(/Prøv igjen om (1 sekund|([02-9]|\d{2,}) sekunder)\./);
    // Before issue 8 the account itself was blocked, from every address.
    expect((await new Browser(app, OWNER).signIn('owner@example.no', PW)).status).toBe(200);
  });

  it('a browser that signed in before keeps signing in past a guesser at the same address, and is slowed by its own failures only', async () => {
    const ownBrowser = new Browser(app, TOWN_HALL);
    const first = await ownBrowser.signIn('colleague@example.no', PW);
    expect(first.status).toBe(200);
    expect(first.headers.getSetCookie().some((c) => /^samrad_device=[^;]+;.*HttpOnly/i.test(c))).toBe(true);
    expect((await ownBrowser.post('/api/auth/logout')).status).toBe(204);

    // Someone else behind the same NAT guesses the colleague's password until blocked.
    const guesser = new Browser(app, TOWN_HALL);
    for (let i = 0; i < FREE_FAILURES; i++) await guesser.signIn('colleague@example.no', `guess ${i}`);
    expect((await guesser.signIn('colleague@example.no', PW)).status).toBe(429);
    expect((await new Browser(app, TOWN_HALL).signIn('colleague@example.no', PW)).status).toBe(429);
    // The owner's browser still gets in.
    expect((await ownBrowser.signIn('colleague@example.no', PW)).status).toBe(200);

    // The device cookie is the account's: it does not help another account at that address.
    const other = new Browser(app, TOWN_HALL);
    expect((await other.signIn('device@example.no', PW)).status).toBe(200);
    expect((await other.post('/api/auth/logout')).status).toBe(204);
    for (let i = 0; i < FREE_FAILURES; i++) expect((await other.signIn('device@example.no', `typo ${i}`)).status).toBe(401);
    expect((await other.signIn('device@example.no', PW)).status).toBe(429);
  });

  it('keeps at most DEVICES_PER_USER trusted browsers per account, so a script signing in without cookies adds no more', async () => {
    for (let i = 0; i < DEVICES_PER_USER + 3; i++) expect((await new Browser(app, '192.0.2.88').signIn('scripted@example.no', PW)).status).toBe(200);
    const user = await database.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, 'scripted@example.no') });
    expect(await database.db.$count(trustedDevices, eq(trustedDevices.userId, user!.id))).toBe(DEVICES_PER_USER);
  });

  it('counts a concurrent burst atomically: 20 wrong passwords at once let exactly the free attempts through', async () => {
    const burst = new Browser(app, '192.0.2.99');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => burst.signIn('burst@example.no', `burst guess ${i}`)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(FREE_FAILURES);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - FREE_FAILURES);
  });

  it('counts failures per address across accounts: past FREE_FAILURES_PER_ADDRESS a further account waits, but not from elsewhere', async () => {
    const sprayer = new Browser(app, '192.0.2.150');
    // Password spraying: a few guesses at each of many accounts, never FREE_FAILURES at one. The address
    // is this test's alone: its block would otherwise meet the other tests' sign-ins.
    for (let failure = 0; failure < FREE_FAILURES_PER_ADDRESS; failure++) {
      const account = `spread${failure % SPREAD_ACCOUNTS}@example.no`;
      expect((await sprayer.signIn(account, `spray ${failure}`)).status, `failure ${failure + 1} at ${account}`).toBe(401);
    }
    const blocked = await sprayer.signIn('further@example.no', PW);
    expect(blocked.status, 'the address has used its free failures').toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // The same account, from another address, is not affected.
    expect((await new Browser(app, '192.0.2.151').signIn('further@example.no', PW)).status).toBe(200);
  });

  it('slows down rather than locks: once the wait has run out the right password gets in, and the wait grows with failures', async () => {
    let now = new Date('2026-03-02T08:00:00Z').getTime();
    vi.spyOn(throttleClock, 'now').mockImplementation(() => new Date(now));
    const browser = new Browser(app, '192.0.2.160');
    for (let i = 0; i < FREE_FAILURES; i++) expect((await browser.signIn('waiter@example.no', `typo ${i}`)).status).toBe(401);
    const first = await browser.signIn('waiter@example.no', PW);
    expect(first.status).toBe(429);
    const firstWait = Number(first.headers.get('retry-after'));
    expect(firstWait).toBe(1);
    // Not yet: half the wait.
    now += 500;
    expect((await browser.signIn('waiter@example.no', PW)).status).toBe(429);
    // The wait has run out: one more wrong password is answered (401), and the next wait is twice as long.
    now += 600;
    expect((await browser.signIn('waiter@example.no', 'typo again')).status).toBe(401);
    const second = await browser.signIn('waiter@example.no', PW);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBe(2 * firstWait);
    now += 2_000;
    // Waited out: the right password signs in, and the account starts afresh.
    expect((await browser.signIn('waiter@example.no', PW)).status).toBe(200);
    expect((await browser.post('/api/auth/logout')).status).toBe(204);
    const fresh = new Browser(app, '192.0.2.160');
    for (let i = 0; i < FREE_FAILURES - 1; i++) expect((await fresh.signIn('waiter@example.no', `later ${i}`)).status).toBe(401);
  });

  it('throttles the current-password check of a password change the same way', async () => {
    const browser = new Browser(app, '192.0.2.77');
    await browser.login('changer@example.no', PW);
    for (let i = 0; i < FREE_FAILURES; i++) {
      const res = await browser.post('/api/auth/password', { currentPassword: `wrong ${i}`, newPassword: 'a much longer new secret 71' });
      expect(res.status).toBe(400);
    }
    const blocked = await browser.post('/api/auth/password', { currentPassword: PW, newPassword: 'a much longer new secret 71' });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  it('records sign-in, failure (with address and method), lockout, sign-out and password change in the audit log', async () => {
    const ownerId = (await database.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, 'owner@example.no') }))!.id;
    const entries = await auditFor(`entity=sign_in&entityId=${ownerId}`);
    const actions = entries.map((e) => e.action);
    expect(actions).toContain('sign_in');
    expect(actions).toContain('lockout');
    expect(actions.filter((a) => a === 'sign_in_failed')).toHaveLength(FREE_FAILURES);
    expect(entries.find((e) => e.action === 'sign_in')).toMatchObject({ actorUserId: ownerId, after: { method: 'password', address: OWNER } });
    expect(entries.find((e) => e.action === 'sign_in_failed')).toMatchObject({ actorUserId: null, after: { method: 'password', address: ATTACKER } });
    expect(entries.find((e) => e.action === 'lockout')).toMatchObject({ after: { scope: 'account_address', address: ATTACKER, during: 'sign_in' } });
    // An unknown account is named by the e-mail that was tried.
    await new Browser(app, ATTACKER).signIn('nobody@example.no', 'whatever it is');
    expect((await auditFor('entity=sign_in&entityId=nobody@example.no'))[0]).toMatchObject({ action: 'sign_in_failed', after: { reason: 'ukjent konto' } });

    const browser = new Browser(app, '192.0.2.55');
    await browser.login('rules@example.no', PW);
    expect((await browser.post('/api/auth/password', { currentPassword: PW, newPassword: 'lilla elefant danser vals' })).status).toBe(204);
    expect((await browser.post('/api/auth/logout')).status).toBe(204);
    const rulesId = (await database.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, 'rules@example.no') }))!.id;
    expect((await auditFor(`actor=${rulesId}`)).map((e) => e.action)).toEqual(['sign_out', 'change_password', 'sign_in']);
  });
});

describe('password rules', () => {
  let browser: TestClient;
  beforeAll(async () => {
    await createUser(database.db, systemActor, { email: 'kari.nordmann@molde.kommune.no', name: 'Kari Nordmann', role: 'staff', password: PW });
    browser = new Browser(app, '192.0.2.160');
    await browser.login('kari.nordmann@molde.kommune.no', PW);
  });

  const change = async (newPassword: string) => {
    const res = await browser.post('/api/auth/password', { currentPassword: PW, newPassword });
    return { status: res.status, body: await res.json().catch(() => null) };
  };

  it('refuses common and breached-list passwords, with the field named in bokmål', async () => {
    for (const weak of ['password1234', 'Passord123!', 'qwertyuiop123', 'Sommer2024!', '1234567890']) {
      const { status, body } = await change(weak);
      expect(status, weak).toBe(400);
      expect(body.error.fields, weak).toEqual([{ path: 'newPassword', message: expect.stringMatching(/for lett å gjette/) }]);
      expect(body.error.message).toMatch(/^Ugyldig verdi for newPassword: /);
    }
  });

  it('refuses the current password and one built from the user\'s e-mail or name', async () => {
    expect((await change(PW)).body.error.fields[0]).toEqual({ path: 'newPassword', message: 'Det nye passordet må være et annet enn det nåværende' });
    expect((await change('kari.nordmann2024')).body.error.fields[0].message).toMatch(/e-postadressen eller navnet/);
    expect((await change('KariNordmann!!77')).body.error.fields[0].message).toMatch(/e-postadressen eller navnet/);
  });

  it('applies when an admin creates an account or sets a password', async () => {
    const created = await admin.post('/api/users', { email: 'ny@example.no', name: 'Ny Bruker', role: 'council', password: 'password12345' });
    expect(created.status).toBe(400);
    expect((await created.json()).error.fields).toEqual([{ path: 'password', message: expect.stringMatching(/for lett å gjette/) }]);
    const ok = await admin.post('/api/users', { email: 'ny@example.no', name: 'Ny Bruker', role: 'council', password: 'grønn sykkel under brua' });
    expect(ok.status).toBe(201);
    const { id } = await ok.json();
    const same = await admin.post(`/api/users/${id}/password`, { password: 'grønn sykkel under brua' });
    expect(same.status).toBe(400);
    expect((await same.json()).error.fields[0]).toEqual({ path: 'password', message: 'Det nye passordet må være et annet enn det nåværende' });
    expect((await admin.post(`/api/users/${id}/password`, { password: 'Velkommen123!' })).status).toBe(400);
    expect((await admin.post(`/api/users/${id}/password`, { password: 'blå traktor på taket' })).status).toBe(204);
  });

  it('checks a long password once the lists are loaded, and accepts a strong one', async () => {
    // How long the check takes (milliseconds; seconds would block sign-in) is measured in
    // bench/timed-checks.ts: a bound on time here failed on a busy CI machine or caught nothing.
    const { assertPasswordAcceptable } = await import('./password.js');
    const options = { field: 'password', email: 'x@example.no', name: 'X' };
    await assertPasswordAcceptable({ ...options, password: 'first load of the lists' });
    await expect(assertPasswordAcceptable({ ...options, password: 'Xq7!vR2#mK9$wL4@'.repeat(8) })).resolves.toBeUndefined();
  });
});
