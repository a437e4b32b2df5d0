// Taking a fresh install into use through the HTTP app: the one-time set-up link creates the first
// admin and the cooperation in one transaction and signs the admin in; a wrong, expired or spent link
// creates nothing.
import { count } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.js';
import { createTestApp, json, TestClient, startApp, type TStartedApp } from '../../../test/app.js';
import { cooperations, memberships, municipalities, users } from '../schema.js';
import { issueSetupToken } from '../setup.service.js';

let w: TStartedApp;

// Every test starts on a fresh install of its own.
beforeEach(async () => {
  w = await startApp();
});
afterEach(() => w.database.drop());

const form = (token: string) => ({
  token,
  adminName: 'Ingrid Drift',
  adminEmail: 'ingrid.drift@ror-ikt.no',
  adminPassword: 'grønn kaffekopp under brua',
  cooperationName: 'Romsdal IKT-samarbeid',
  shortName: 'ROR-IKT',
  organisationNumber: '974760673',
  hostMunicipalityName: 'Molde',
  hostMunicipalityNumber: '1506',
  founded: '2006-01-01',
});

async function rowCounts() {
  const n = async (table: typeof users | typeof cooperations | typeof municipalities | typeof memberships) =>
    (await w.database.db.select({ n: count() }).from(table))[0]!.n;
  return { users: await n(users), cooperations: await n(cooperations), municipalities: await n(municipalities), memberships: await n(memberships) };
}
const NOTHING = { users: 0, cooperations: 0, municipalities: 0, memberships: 0 };

/** The install set up through its link, as the first admin does it. */
async function setUpThroughTheLink() {
  await json(await new TestClient(w.app).post('/api/setup', form((await issueSetupToken(w.database.db))!)), 201);
}

describe('POST /api/setup', () => {
  it('refuses a wrong token (403) and an expired one (403), creating nothing', async () => {
    const client = new TestClient(w.app);
    const wrong = await json(await client.post('/api/setup', form('not-the-token')), 403);
    expect(wrong.error).toMatchObject({ code: 'setup_token_invalid', message: expect.stringMatching(/^Oppsettlenken er ikke gyldig/) });
    const old = await issueSetupToken(w.database.db, { now: new Date(Date.now() - 25 * 3600_000) });
    const expired = await json(await client.post('/api/setup', form(old!)), 403);
    expect(expired.error).toMatchObject({ code: 'setup_token_expired', message: expect.stringMatching(/^Oppsettlenken er utløpt/) });
    expect(await rowCounts()).toEqual(NOTHING);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses bad fields (the organisation number\'s check digit, a common password) with 400, and the link still works', async () => {
    const token = (await issueSetupToken(w.database.db))!;
    const client = new TestClient(w.app);
    const badNumber = await json(await client.post('/api/setup', { ...form(token), organisationNumber: '974760674' }), 400);
    expect(badNumber.error.fields).toEqual([{ path: 'organisationNumber', message: 'Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke)' }]);
    const common = await json(await client.post('/api/setup', { ...form(token), adminPassword: 'password123' }), 400);
    expect(common.error.fields[0].path).toBe('adminPassword');
    expect(await rowCounts()).toEqual(NOTHING);

    const done = await json(await client.post('/api/setup', form(token)), 201);
    expect(done.user).toMatchObject({ email: 'ingrid.drift@ror-ikt.no', name: 'Ingrid Drift', role: 'admin', demo: false, hasPassword: true });
    expect(done.cooperation).toMatchObject({ name: 'Romsdal IKT-samarbeid', shortName: 'ROR-IKT', organisationNumber: '974760673', founded: '2006-01-01' });
  });

  it('left the admin signed in, the cooperation with its host municipality as a member from the founding date, and the link spent', async () => {
    await setUpThroughTheLink();
    expect(await rowCounts()).toEqual({ users: 1, cooperations: 1, municipalities: 1, memberships: 1 });
    const admin = await new TestClient(w.app).login('ingrid.drift@ror-ikt.no', 'grønn kaffekopp under brua');
    const coop = await json(await admin.get('/api/cooperation'), 200);
    const [molde] = (await json(await admin.get('/api/municipalities'), 200)).municipalities;
    expect(molde).toMatchObject({ name: 'Molde', number: '1506' });
    expect(coop.hostMunicipalityId).toBe(molde.id);
    expect((await json(await admin.get(`/api/cooperations/${coop.id}/memberships`), 200)).memberships)
      .toEqual([expect.objectContaining({ municipalityName: 'Molde', joined: '2006-01-01', left: null })]);
  });

  it('issues no new link at start once an admin exists', async () => {
    await setUpThroughTheLink();
    expect(await issueSetupToken(w.database.db)).toBeNull();
  });

  it('refuses the spent link (409) and creates nothing more', async () => {
    const fresh = await createTestDatabase();
    try {
      const freshApp = createTestApp(fresh.db);
      const token = (await issueSetupToken(fresh.db))!;
      const browser = new TestClient(freshApp);
      await json(await browser.post('/api/setup', form(token)), 201);
      const me = await json(await browser.get('/api/auth/me'), 200);
      expect(me.user).toMatchObject({ email: 'ingrid.drift@ror-ikt.no', role: 'admin' });
      const again = await json(await new TestClient(freshApp).post('/api/setup', { ...form(token), adminEmail: 'noen.andre@example.no' }), 409);
      expect(again.error).toMatchObject({ code: 'setup_token_used', message: expect.stringMatching(/^Oppsettlenken er allerede brukt/) });
      expect((await fresh.db.select({ n: count() }).from(users))[0]!.n).toBe(1);
      expect((await fresh.db.select({ n: count() }).from(cooperations))[0]!.n).toBe(1);
    } finally {
      await fresh.drop();
    }
  }, 120_000);
});
