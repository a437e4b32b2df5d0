// One install runs one cooperation, and demo accounts stay the demo's (docs/decisions/0012), through
// the HTTP app on a real database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { startWithAccounts, TEST_PASSWORD } from '../../../test/accounts.js';
import { createTestApp, json, type TestApp, TestClient } from '../../../test/app.js';
import { systemActor } from '../../../server/context.js';
import { listAudit } from '../../audit/service.js';
import { listCooperations } from '../cooperations.service.js';
import { createUser, linkOidcSubject } from '../users.service.js';
import { patchAtStoredRevision } from '../test-factories.js';

let database: TestDatabase;
let app: TestApp;
let admin: TestClient;
let council: TestClient;

// Every test starts on an install of its own: the accounts, nothing else.
beforeEach(async () => {
  ({ database, app, admin, council } = await startWithAccounts());
});
afterEach(() => database.drop());

/** The install's cooperation, as an admin creates it. */
const createTheCooperation = async () =>
  json(await admin.post('/api/cooperations', { name: 'ROR-IKT', shortName: 'ROR', organisationNumber: '974760673' }), 201);
/** A demo account, as the demo loader makes them. */
const createDemoAdmin = () =>
  createUser(database.db, systemActor, { email: 'admin@demo.samrad.no', name: 'Demo-admin', role: 'admin', password: TEST_PASSWORD, demo: true });

describe('the install\'s one cooperation', () => {
  it('GET /api/cooperation answers 404 with a clear message before set-up', async () => {
    const body = await json(await council.get('/api/cooperation'), 404);
    expect(body.error).toMatchObject({ code: 'not_set_up', message: expect.stringMatching(/^Samarbeidet er ikke satt opp ennå/) });
  });

  it('creates the cooperation once; a second POST /api/cooperations is 409 and creates nothing', async () => {
    const first = await createTheCooperation();
    expect(first).toMatchObject({ name: 'ROR-IKT', organisationNumber: '974760673' });
    const auditBefore = (await listAudit(database.db, { entity: 'cooperation' })).length;
    const second = await json(await admin.post('/api/cooperations', { name: 'IKT Orkidé', shortName: 'Orkidé' }), 409);
    expect(second.error.message).toMatch(/^Denne installasjonen har allerede samarbeidet ROR-IKT; én installasjon driver ett samarbeid/);
    expect((await listCooperations(database.db)).map((c) => c.name)).toEqual(['ROR-IKT']);
    expect((await listAudit(database.db, { entity: 'cooperation' })).length).toBe(auditBefore);
    expect(await json(await council.get('/api/cooperation'), 200)).toMatchObject({ id: first.id, name: 'ROR-IKT' });
  });

  it('lets only one of two concurrent creators through', async () => {
    const fresh = await createTestDatabase();
    try {
      const freshApp = createTestApp(fresh.db);
      await createUser(fresh.db, systemActor, { email: 'a@example.no', name: 'A', role: 'admin', password: TEST_PASSWORD });
      const a = await new TestClient(freshApp).login('a@example.no', TEST_PASSWORD);
      const results = await Promise.all([
        a.post('/api/cooperations', { name: 'Første', shortName: 'F' }),
        a.post('/api/cooperations', { name: 'Andre', shortName: 'A' }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await listCooperations(fresh.db)).toHaveLength(1);
    } finally {
      await fresh.drop();
    }
  });

  it('checks the organisation number\'s mod-11 check digit', async () => {
    await createTheCooperation();
    const coop = await json(await council.get('/api/cooperation'), 200);
    const wrongDigit = await json(await patchAtStoredRevision(database.db, admin, `/api/cooperations/${coop.id}`, { organisationNumber: '974760674' }), 400);
    expect(wrongDigit.error.fields).toEqual([{ path: 'organisationNumber', message: 'Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke)' }]);
    const short = await json(await patchAtStoredRevision(database.db, admin, `/api/cooperations/${coop.id}`, { organisationNumber: '97476067' }), 400);
    expect(short.error.fields[0]).toMatchObject({ path: 'organisationNumber', message: 'Organisasjonsnummeret har ni sifre' });
    expect((await json(await council.get('/api/cooperation'), 200)).organisationNumber).toBe('974760673');
  });
});

describe('demo accounts', () => {
  it('GET /api/instance says demo: true while a demo account exists, for anyone', async () => {
    const anon = new TestClient(app);
    expect(await json(await anon.get('/api/instance'), 200)).toEqual({ demo: false });
    await createDemoAdmin();
    expect(await json(await anon.get('/api/instance'), 200)).toEqual({ demo: true });
  });

  it('refuses to give a demo account a person\'s name or an OIDC link (409), and changes nothing', async () => {
    await createDemoAdmin();
    const users = (await json(await admin.get('/api/users'), 200)).users as { id: string; email: string; demo: boolean; name: string }[];
    const demo = users.find((u) => u.email === 'admin@demo.samrad.no')!;
    expect(demo.demo).toBe(true);
    expect(users.find((u) => u.email === 'rad@example.no')!.demo).toBe(false);

    const renamed = await json(await patchAtStoredRevision(database.db, admin, `/api/users/${demo.id}`, { name: 'Kari Nordmann' }), 409);
    expect(renamed.error.message).toBe('admin@demo.samrad.no er en demokonto med kjent passord og kan ikke gis navnet til en person; opprett en egen konto i stedet');
    const linked = await json(await patchAtStoredRevision(database.db, admin, `/api/users/${demo.id}`, { oidcSubject: 'https://login.example/v2.0#kari' }), 409);
    expect(linked.error.message).toMatch(/^admin@demo\.samrad\.no er en demokonto med kjent passord og kan ikke knyttes til en innlogging/);
    await expect(linkOidcSubject(database.db, systemActor, { id: demo.id, subject: 'https://login.example/v2.0#kari' }))
      .rejects.toMatchObject({ status: 409 });
    const after = (await json(await admin.get(`/api/users/${demo.id}`), 200));
    expect(after).toMatchObject({ name: 'Demo-admin', oidcSubject: null });
    // Other changes to a demo account, and renaming a real account, still work.
    expect((await json(await patchAtStoredRevision(database.db, admin, `/api/users/${demo.id}`, { disabled: true }), 200)).disabled).toBe(true);
    const real = users.find((u) => u.email === 'rad@example.no')!;
    expect((await json(await patchAtStoredRevision(database.db, admin, `/api/users/${real.id}`, { name: 'Rådsmedlem Rask' }), 200)).name).toBe('Rådsmedlem Rask');
  });
});
