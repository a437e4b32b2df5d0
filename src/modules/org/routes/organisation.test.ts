// Contract tests for every organisation route: 401 without sign-in, 403 for the wrong role, 400 with
// field-level messages, 404 for unknown ids, the answer's shape, and nothing half-written.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/db.js';
import { startWithAccounts } from '../../../test/accounts.js';
import { fieldsOf, json, type TestApp, TestClient } from '../../../test/app.js';
import { listAudit } from '../../audit/service.js';
import { patchAtStoredRevision } from '../test-factories.js';

let database: TestDatabase;
let app: TestApp;
let anon: TestClient;
let admin: TestClient;
let staff: TestClient;
let council: TestClient;
let muni: TestClient;
let adminId: string;

/** A database with the accounts and nothing else, and a client signed in per role. */
async function start() {
  let users: { admin: { id: string } };
  ({ database, app, users, anon, admin, staff, council, muni } = await startWithAccounts());
  adminId = users.admin.id;
}
beforeAll(start);
afterAll(() => database.drop());

/** Each test of the describe starts on a database of its own, and builds what it needs (organisationUpTo). */
function eachOnItsOwnDatabase() {
  beforeEach(async () => {
    await database.drop();
    await start();
  });
}

const STAGES = ['cooperation', 'molde', 'memberships', 'person', 'body', 'member'] as const;

/**
 * The organisation as the steps below leave it, up to `stage`, through the API: the cooperation
 * ROR-IKT; Molde (1506) as its host; Molde's membership from 2011 (an earlier period made and
 * deleted); the person Fred Gjørtz of Molde; the body Samarbeidsråd with running numbers (ST); Fred
 * as its leader for Molde, 2020–2023.
 */
async function organisationUpTo(stage: (typeof STAGES)[number]) {
  const upTo = (s: (typeof STAGES)[number]) => STAGES.indexOf(s) <= STAGES.indexOf(stage);
  const made = { coopId: '', moldeId: '', personId: '', bodyId: '', memberId: '' };
  made.coopId = (await json(await admin.post('/api/cooperations', { name: 'ROR-IKT', shortName: 'ROR', founded: '2006-01-01' }), 201)).id;
  if (!upTo('molde')) return made;
  made.moldeId = (await json(await admin.post('/api/municipalities', { name: 'Molde', number: '1506' }), 201)).id;
  await json(await patchAtStoredRevision(database.db, admin, `/api/cooperations/${made.coopId}`, { hostMunicipalityId: made.moldeId }), 200);
  if (!upTo('memberships')) return made;
  const path = `/api/cooperations/${made.coopId}/memberships`;
  const early = await json(await admin.post(path, { municipalityId: made.moldeId, joined: '2006-01-01', left: '2010-12-31' }), 201);
  await json(await admin.post(path, { municipalityId: made.moldeId, joined: '2011-01-01' }), 201);
  await json(await admin.delete(`/api/memberships/${early.id}`), 204);
  if (!upTo('person')) return made;
  made.personId = (await json(await staff.post('/api/people', { familyName: 'Gjørtz', givenName: 'Fred', email: 'fred@example.no', title: 'Rådmann', municipalityId: made.moldeId }), 201)).id;
  if (!upTo('body')) return made;
  made.bodyId = (await json(await admin.post('/api/bodies', { cooperationId: made.coopId, name: 'Samarbeidsråd', caseNumbering: 'running', casePrefix: 'ST' }), 201)).id;
  if (!upTo('member')) return made;
  made.memberId = (await json(await staff.post(`/api/bodies/${made.bodyId}/members`, {
    personId: made.personId, role: 'leder', municipalityId: made.moldeId, fromDate: '2020-01-01', toDate: '2023-12-31',
  }), 201)).id;
  return made;
}

const X = randomUUID();
// Every route with who may call it: 'user' = anyone signed in, 'reader' = staff, council and admin,
// 'staff' = staff and admin, 'admin' = admin only.
const ROUTES: [method: string, path: string, who: 'user' | 'reader' | 'staff' | 'admin'][] = [
  ['GET', '/api/cooperations', 'user'], ['POST', '/api/cooperations', 'admin'], ['GET', '/api/cooperation', 'user'],
  ['GET', `/api/cooperations/${X}`, 'user'], ['PATCH', `/api/cooperations/${X}`, 'admin'],
  ['GET', `/api/cooperations/${X}/memberships`, 'user'], ['GET', `/api/cooperations/${X}/members`, 'user'],
  ['POST', `/api/cooperations/${X}/memberships`, 'admin'],
  ['PATCH', `/api/memberships/${X}`, 'admin'], ['DELETE', `/api/memberships/${X}`, 'admin'],
  ['GET', '/api/municipalities', 'user'], ['POST', '/api/municipalities', 'admin'],
  ['GET', `/api/municipalities/${X}`, 'user'], ['PATCH', `/api/municipalities/${X}`, 'admin'], ['DELETE', `/api/municipalities/${X}`, 'admin'],
  ['GET', '/api/departments', 'user'], ['POST', '/api/departments', 'admin'],
  ['PATCH', `/api/departments/${X}`, 'admin'], ['DELETE', `/api/departments/${X}`, 'admin'],
  ['GET', `/api/cooperations/${X}/staffing`, 'reader'],
  ['GET', '/api/positions', 'reader'], ['GET', `/api/people/${X}/positions`, 'reader'], ['POST', `/api/people/${X}/positions`, 'admin'],
  ['GET', `/api/positions/${X}`, 'reader'], ['PATCH', `/api/positions/${X}`, 'admin'], ['DELETE', `/api/positions/${X}`, 'admin'],
  ['POST', `/api/positions/${X}/change`, 'admin'],
  ['GET', '/api/people', 'user'], ['POST', '/api/people', 'staff'],
  ['GET', `/api/people/${X}`, 'user'], ['PATCH', `/api/people/${X}`, 'staff'], ['DELETE', `/api/people/${X}`, 'staff'],
  ['GET', '/api/bodies', 'user'], ['POST', '/api/bodies', 'admin'],
  ['GET', `/api/bodies/${X}`, 'user'], ['PATCH', `/api/bodies/${X}`, 'admin'], ['DELETE', `/api/bodies/${X}`, 'admin'],
  ['GET', `/api/bodies/${X}/members`, 'user'], ['POST', `/api/bodies/${X}/members`, 'staff'],
  ['PATCH', `/api/body-members/${X}`, 'staff'], ['DELETE', `/api/body-members/${X}`, 'staff'], ['POST', `/api/body-members/${X}/role-change`, 'staff'],
  ['GET', '/api/users', 'admin'], ['POST', '/api/users', 'admin'], ['GET', `/api/users/${X}`, 'admin'],
  ['PATCH', `/api/users/${X}`, 'admin'], ['POST', `/api/users/${X}/password`, 'admin'],
];

describe('access', () => {
  it.each(ROUTES)('%s %s refuses anonymous callers with 401', async (method, path) => {
    const res = await anon.request(method, path, method === 'GET' || method === 'DELETE' ? undefined : {});
    expect((await json(res, 401)).error.code).toBe('unauthorized');
  });

  it.each(ROUTES.filter((r) => r[2] !== 'user'))('%s %s refuses the wrong role with 403', async (method, path, who) => {
    const caller = who === 'admin' ? staff : who === 'staff' ? council : muni;
    const res = await caller.request(method, path, method === 'GET' || method === 'DELETE' ? undefined : {});
    expect((await json(res, 403)).error.code).toBe('forbidden');
  });

  it.each(ROUTES.filter((r) => r[1].includes(X)))('%s %s answers 404 for an unknown id', async (method, path) => {
    const bodies: Record<string, unknown> = {
      [`/api/cooperations/${X}/memberships`]: { municipalityId: randomUUID(), joined: '2020-01-01' },
      [`/api/bodies/${X}/members`]: { personId: randomUUID(), role: 'medlem', fromDate: '2020-01-01' },
      [`/api/users/${X}/password`]: { password: 'long enough password' },
      [`/api/body-members/${X}/role-change`]: { revision: 1, role: 'leder', from: '2024-07-01' },
      [`/api/people/${X}/positions`]: { departmentId: randomUUID(), ftePercent: 100, startDate: '2024-01-01' },
      [`/api/positions/${X}/change`]: { revision: 1, from: '2024-07-01', ftePercent: 80 },
      [`/api/positions/${X}`]: { revision: 1, endDate: '2030-01-01' },
      // A PATCH must change something (an empty one is a 400 before any lookup), so each names a field and
      // the revision it was read at.
      [`/api/cooperations/${X}`]: { revision: 1, name: 'Nytt navn' },
      [`/api/memberships/${X}`]: { revision: 1, left: '2030-01-01' },
      [`/api/municipalities/${X}`]: { revision: 1, name: 'Nytt navn' },
      [`/api/departments/${X}`]: { revision: 1, name: 'Nytt navn' },
      [`/api/people/${X}`]: { revision: 1, familyName: 'Nytt navn' },
      [`/api/bodies/${X}`]: { revision: 1, name: 'Nytt navn' },
      [`/api/body-members/${X}`]: { revision: 1, toDate: '2030-01-01' },
      [`/api/users/${X}`]: { revision: 1, name: 'Nytt navn' },
    };
    const res = await admin.request(method, path, method === 'GET' || method === 'DELETE' ? undefined : (bodies[path] ?? {}));
    expect((await json(res, 404)).error.message).toMatch(/finnes ikke/);
  });

  it('refuses a malformed id with 400', async () => {
    expect((await json(await admin.get('/api/municipalities/not-a-uuid'), 400)).error.fields[0].path).toBe('id');
  });
});

describe('the organisation, kept by admin and staff', () => {
  eachOnItsOwnDatabase();
  let coopId: string;
  let moldeId: string;
  let bodyId: string;
  let personId: string;
  let memberId: string;

  it('creates and changes the cooperation', async () => {
    const bad = await json(await admin.post('/api/cooperations', { name: '', shortName: 'x'.repeat(50), founded: '2006-02-30' }), 400);
    expect(fieldsOf(bad).sort()).toEqual(['founded', 'name', 'shortName']);
    const created = await json(await admin.post('/api/cooperations', { name: 'ROR-IKT', shortName: 'ROR', founded: '2006-01-01' }), 201);
    expect(created).toMatchObject({ id: expect.any(String), name: 'ROR-IKT', shortName: 'ROR', founded: '2006-01-01', hostMunicipalityId: null });
    coopId = created.id;
    const unknownHost = await json(await patchAtStoredRevision(database.db, admin, `/api/cooperations/${coopId}`, { hostMunicipalityId: randomUUID() }), 400);
    expect(fieldsOf(unknownHost)).toEqual(['hostMunicipalityId']);
    expect((await json(await council.get(`/api/cooperations/${coopId}`), 200)).name).toBe('ROR-IKT');
    expect((await json(await council.get('/api/cooperations'), 200)).cooperations).toHaveLength(1);
  });

  it('keeps municipalities', async () => {
    ({ coopId } = await organisationUpTo('cooperation'));
    expect(fieldsOf(await json(await admin.post('/api/municipalities', { name: 'Molde', number: '15' }), 400))).toEqual(['number']);
    const molde = await json(await admin.post('/api/municipalities', { name: 'Molde', number: '1506' }), 201);
    expect(molde).toEqual({ id: expect.any(String), name: 'Molde', number: '1506', revision: 1 });
    moldeId = molde.id;
    expect((await json(await admin.post('/api/municipalities', { name: 'Molde' }), 409)).error.code).toBe('conflict');
    expect(await json(await patchAtStoredRevision(database.db, admin, `/api/municipalities/${moldeId}`, { number: '1506' }), 200)).toMatchObject({ name: 'Molde' });
    await json(await patchAtStoredRevision(database.db, admin, `/api/cooperations/${coopId}`, { hostMunicipalityId: moldeId }), 200);
    expect((await json(await council.get('/api/municipalities'), 200)).municipalities.map((m: { name: string }) => m.name)).toEqual(['Molde']);
    expect((await json(await council.get(`/api/municipalities/${moldeId}`), 200)).name).toBe('Molde');
  });

  it('keeps membership periods without overlap', async () => {
    ({ coopId, moldeId } = await organisationUpTo('molde'));
    const path = `/api/cooperations/${coopId}/memberships`;
    const bad = await json(await admin.post(path, { municipalityId: moldeId, joined: '2020-01-01', left: '2019-01-01' }), 400);
    expect(fieldsOf(bad)).toEqual(['left']);
    const unknown = await json(await admin.post(path, { municipalityId: randomUUID(), joined: '2020-01-01' }), 400);
    expect(fieldsOf(unknown)).toEqual(['municipalityId']);
    const m = await json(await admin.post(path, { municipalityId: moldeId, joined: '2006-01-01', left: '2010-12-31' }), 201);
    expect(m).toMatchObject({ municipalityName: 'Molde', joined: '2006-01-01', left: '2010-12-31' });
    const overlap = await json(await admin.post(path, { municipalityId: moldeId, joined: '2010-06-01' }), 409);
    expect(overlap.error.message).toMatch(/01\.01\.2006–31\.12\.2010/);
    expect((await json(await council.get(path), 200)).memberships).toHaveLength(1);
    const later = await json(await admin.post(path, { municipalityId: moldeId, joined: '2011-01-01' }), 201);
    await json(await patchAtStoredRevision(database.db, admin, `/api/memberships/${m.id}`, { left: '2011-01-01' }), 409);
    expect(fieldsOf(await json(await patchAtStoredRevision(database.db, admin, `/api/memberships/${m.id}`, { joined: 'igår' }), 400))).toEqual(['joined']);
    expect(await json(await patchAtStoredRevision(database.db, admin, `/api/memberships/${m.id}`, { left: '2009-12-31' }), 200)).toMatchObject({ left: '2009-12-31' });
    const members = (q: string) => council.get(`/api/cooperations/${coopId}/members${q}`).then((r) => json(r, 200));
    expect((await members('?year=2010')).members).toEqual([]);
    expect((await members('?on=2008-05-17')).members.map((x: { name: string }) => x.name)).toEqual(['Molde']);
    expect((await members('')).members).toHaveLength(1);
    expect(fieldsOf(await json(await council.get(`/api/cooperations/${coopId}/members?year=abc`), 400))).toEqual(['year']);
    expect(fieldsOf(await json(await council.get(`/api/cooperations/${coopId}/members?year=2010&on=2010-01-01`), 400))).toEqual(['on']);
    await json(await admin.delete(`/api/memberships/${m.id}`), 204);
    expect((await json(await council.get(path), 200)).memberships.map((x: { id: string }) => x.id)).toEqual([later.id]);
  });

  it('keeps departments: add, rename, end; one with positions is ended, not deleted', async () => {
    ({ coopId } = await organisationUpTo('cooperation'));
    expect(fieldsOf(await json(await admin.post('/api/departments', { cooperationId: coopId, name: '' }), 400))).toEqual(['name']);
    expect(fieldsOf(await json(await admin.post('/api/departments', { cooperationId: randomUUID(), name: 'Drift' }), 400))).toEqual(['cooperationId']);
    const drift = await json(await admin.post('/api/departments', { cooperationId: coopId, name: 'Drift' }), 201);
    expect(drift).toEqual({ id: expect.any(String), cooperationId: coopId, name: 'Drift', validTo: null, revision: 1 });
    await json(await admin.post('/api/departments', { cooperationId: coopId, name: 'Drift' }), 409);
    const ks = await json(await admin.post('/api/departments', { cooperationId: coopId, name: 'Kundesenter' }), 201);
    expect(await json(await patchAtStoredRevision(database.db, admin, `/api/departments/${ks.id}`, { name: 'Kundeservice' }), 200)).toMatchObject({ name: 'Kundeservice' });
    expect(fieldsOf(await json(await patchAtStoredRevision(database.db, admin, `/api/departments/${ks.id}`, { validTo: '31.12.2024' }), 400))).toEqual(['validTo']);
    const anne = await json(await staff.post('/api/people', { familyName: 'Drift', givenName: 'Anne' }), 201);
    await json(await admin.post(`/api/people/${anne.id}/positions`, { departmentId: drift.id, ftePercent: 100, startDate: '2024-01-01' }), 201);
    // A department whose position runs on cannot end before it; nor be deleted while it has positions.
    expect((await json(await patchAtStoredRevision(database.db, admin, `/api/departments/${drift.id}`, { validTo: '2024-12-31' }), 409)).error.message)
      .toMatch(/Drift kan ikke avsluttes 31\.12\.2024: én stilling løper lenger/);
    expect((await json(await admin.delete(`/api/departments/${drift.id}`), 409)).error.message).toMatch(/Drift kan ikke slettes.*stillinger \(1\)/);
    expect(await json(await patchAtStoredRevision(database.db, admin, `/api/departments/${ks.id}`, { validTo: '2024-12-31' }), 200)).toMatchObject({ validTo: '2024-12-31' });
    await json(await admin.delete(`/api/departments/${ks.id}`), 204);
    expect((await json(await muni.get(`/api/departments?cooperationId=${coopId}`), 200)).departments.map((d: { name: string }) => d.name)).toEqual(['Drift']);
    // A person carries no staffing fields of their own any more: positions hold them.
    expect(await json(await council.get(`/api/people/${anne.id}`), 200)).not.toHaveProperty('positionPercent');
  });

  it('refuses a municipality number another municipality has (409), changing nothing', async () => {
    const a = await json(await admin.post('/api/municipalities', { name: 'Nummerby', number: '4601' }), 201);
    const b = await json(await admin.post('/api/municipalities', { name: 'Annenby', number: '4602' }), 201);
    await json(await patchAtStoredRevision(database.db, admin, `/api/municipalities/${b.id}`, { number: '4601' }), 409);
    expect(await json(await admin.get(`/api/municipalities/${b.id}`), 200)).toMatchObject({ number: '4602' });
    expect(a.number).toBe('4601');
  });

  it('keeps people; staff write, others read names without e-mail addresses', async () => {
    ({ moldeId } = await organisationUpTo('molde'));
    const bad = await json(await staff.post('/api/people', { familyName: 'Gjørtz', email: 'nope' }), 400);
    expect(fieldsOf(bad).sort()).toEqual(['email', 'givenName']);
    const p = await json(await staff.post('/api/people', { familyName: 'Gjørtz', givenName: 'Fred', email: 'fred@example.no', title: 'Rådmann', municipalityId: moldeId }), 201);
    expect(p).toMatchObject({ familyName: 'Gjørtz', givenName: 'Fred', email: 'fred@example.no', municipalityId: moldeId });
    personId = p.id;
    expect(await json(await patchAtStoredRevision(database.db, staff, `/api/people/${personId}`, { title: 'Kommunedirektør' }), 200)).toMatchObject({ title: 'Kommunedirektør' });
    const seen = (await json(await council.get('/api/people'), 200)).people.find((x: { id: string }) => x.id === personId);
    expect(seen).toMatchObject({ familyName: 'Gjørtz', givenName: 'Fred' });
    expect(seen).not.toHaveProperty('email');
    expect(await json(await council.get(`/api/people/${personId}`), 200)).not.toHaveProperty('email');
    expect((await json(await staff.get(`/api/people/${personId}`), 200)).email).toBe('fred@example.no');
  });

  it('keeps bodies; running numbering needs a prefix', async () => {
    ({ coopId } = await organisationUpTo('cooperation'));
    const bad = await json(await admin.post('/api/bodies', { cooperationId: coopId, name: 'Styret', caseNumbering: 'running' }), 400);
    expect(fieldsOf(bad)).toEqual(['casePrefix']);
    expect(fieldsOf(await json(await admin.post('/api/bodies', { cooperationId: coopId, name: 'X', caseNumbering: 'weekly' }), 400))).toEqual(['caseNumbering']);
    expect(fieldsOf(await json(await admin.post('/api/bodies', { cooperationId: randomUUID(), name: 'X' }), 400))).toEqual(['cooperationId']);
    const body = await json(await admin.post('/api/bodies', { cooperationId: coopId, name: 'Samarbeidsråd' }), 201);
    expect(body).toMatchObject({ name: 'Samarbeidsråd', kind: 'rad', caseNumbering: 'meeting', casePrefix: null, active: true });
    bodyId = body.id;
    expect(fieldsOf(await json(await patchAtStoredRevision(database.db, admin, `/api/bodies/${bodyId}`, { caseNumbering: 'running' }), 400))).toEqual(['casePrefix']);
    expect(await json(await patchAtStoredRevision(database.db, admin, `/api/bodies/${bodyId}`, { caseNumbering: 'running', casePrefix: 'ST' }), 200)).toMatchObject({ casePrefix: 'ST' });
    expect((await json(await council.get('/api/bodies'), 200)).bodies).toHaveLength(1);
    expect((await json(await council.get(`/api/bodies?cooperationId=${coopId}&active=true`), 200)).bodies).toHaveLength(1);
    expect((await json(await council.get('/api/bodies?active=false'), 200)).bodies).toHaveLength(0);
    expect(fieldsOf(await json(await council.get('/api/bodies?active=ja&cooperationId=x'), 400)).sort()).toEqual(['active', 'cooperationId']);
    expect((await json(await council.get(`/api/bodies/${bodyId}`), 200)).name).toBe('Samarbeidsråd');
  });

  it('keeps body members with role, municipality and period', async () => {
    ({ moldeId, personId, bodyId } = await organisationUpTo('body'));
    const path = `/api/bodies/${bodyId}/members`;
    const bad = await json(await staff.post(path, { personId, role: 'boss', fromDate: '2024-01-01', toDate: '2023-01-01' }), 400);
    expect(fieldsOf(bad)).toContain('role');
    expect(fieldsOf(await json(await staff.post(path, { personId: randomUUID(), role: 'leder', fromDate: '2024-01-01' }), 400))).toEqual(['personId']);
    const m = await json(await staff.post(path, { personId, role: 'leder', municipalityId: moldeId, fromDate: '2020-01-01' }), 201);
    expect(m).toMatchObject({ personId, role: 'leder', familyName: 'Gjørtz', municipalityName: 'Molde', fromDate: '2020-01-01', toDate: null, email: 'fred@example.no' });
    memberId = m.id;
    expect(fieldsOf(await json(await patchAtStoredRevision(database.db, staff, `/api/body-members/${memberId}`, { toDate: '2019-01-01' }), 400))).toEqual(['toDate']);
    expect(await json(await patchAtStoredRevision(database.db, staff, `/api/body-members/${memberId}`, { toDate: '2023-12-31' }), 200)).toMatchObject({ toDate: '2023-12-31' });
    const onDay = (d: string) => council.get(`${path}?on=${d}`).then((r) => json(r, 200));
    expect((await onDay('2023-06-01')).members).toHaveLength(1);
    expect((await onDay('2024-06-01')).members).toHaveLength(0);
    expect((await onDay('2023-06-01')).members[0]).not.toHaveProperty('email');
    expect(fieldsOf(await json(await council.get(`${path}?on=1.1.2024`), 400))).toEqual(['on']);
    expect((await json(await council.get(path), 200)).members).toHaveLength(1);
  });

  it('refuses to delete what is referenced, leaving everything as it was', async () => {
    ({ moldeId, personId, bodyId } = await organisationUpTo('member'));
    const auditCount = (await listAudit(database.db, { limit: 1000 })).length;
    expect((await json(await admin.delete(`/api/municipalities/${moldeId}`), 409)).error.message).toMatch(/Molde kan ikke slettes/);
    expect((await json(await staff.delete(`/api/people/${personId}`), 409)).error.message).toMatch(/Gjørtz kan ikke slettes/);
    expect((await json(await admin.delete(`/api/bodies/${bodyId}`), 409)).error.message).toMatch(/inaktivt/);
    expect((await listAudit(database.db, { limit: 1000 })).length).toBe(auditCount);
    await json(await council.get(`/api/municipalities/${moldeId}`), 200);
  });

  it('deletes in order once nothing points at it, and audits every step', async () => {
    ({ personId, bodyId, memberId } = await organisationUpTo('member'));
    await json(await staff.delete(`/api/body-members/${memberId}`), 204);
    await json(await admin.delete(`/api/bodies/${bodyId}`), 204);
    await json(await staff.delete(`/api/people/${personId}`), 204);
    await json(await council.get(`/api/people/${personId}`), 404);
    const deletes = (await listAudit(database.db, { limit: 1000 })).filter((e) => e.action === 'delete').map((e) => e.entity);
    expect(deletes).toEqual(expect.arrayContaining(['body_member', 'body', 'person', 'membership']));
  });
});

describe('the public view', () => {
  eachOnItsOwnDatabase();
  it('shows the name, today\'s members and the active bodies to anyone', async () => {
    await organisationUpTo('memberships');
    const res = await json(await anon.get('/api/public/cooperation'), 200);
    expect(res).toEqual({ name: 'ROR-IKT', shortName: 'ROR', members: [{ name: 'Molde', number: '1506' }], bodies: [] });
  });
});

describe('user accounts (admin only)', () => {
  eachOnItsOwnDatabase();
  it('creates, lists, changes and resets accounts', async () => {
    const municipalityId = (await json(await admin.post('/api/municipalities', { name: 'Aukra' }), 201)).id;
    const bad = await json(await admin.post('/api/users', { email: 'x', name: 'X', role: 'king', password: 'short' }), 400);
    expect(fieldsOf(bad).sort()).toEqual(['email', 'password', 'role']);
    const noMuni = await json(await admin.post('/api/users', { email: 'k@example.no', name: 'K', role: 'municipality' }), 400);
    expect(fieldsOf(noMuni)).toEqual(['municipalityId']);
    const created = await json(await admin.post('/api/users', { email: 'k@example.no', name: 'Kari', role: 'municipality', municipalityId, password: 'first long password' }), 201);
    expect(created).toMatchObject({ email: 'k@example.no', role: 'municipality', municipalityId, hasPassword: true, disabled: false, oidcSubject: null });
    expect(created).not.toHaveProperty('passwordHash');
    await json(await admin.post('/api/users', { email: 'K@example.no', name: 'Again', role: 'staff' }), 409);
    const kari = await new TestClient(app).login('k@example.no', 'first long password');

    expect((await json(await admin.get('/api/users'), 200)).users.map((u: { email: string }) => u.email)).toContain('k@example.no');
    expect((await json(await admin.get(`/api/users/${created.id}`), 200)).name).toBe('Kari');
    expect(fieldsOf(await json(await patchAtStoredRevision(database.db, admin, `/api/users/${created.id}`, { role: 'owner' }), 400))).toEqual(['role']);
    expect(fieldsOf(await json(await patchAtStoredRevision(database.db, admin, `/api/users/${created.id}`, { municipalityId: null }), 400))).toEqual(['municipalityId']);
    expect(await json(await patchAtStoredRevision(database.db, admin, `/api/users/${created.id}`, { role: 'council', name: 'Kari Nordmann' }), 200)).toMatchObject({ role: 'council', name: 'Kari Nordmann' });
    // A role change ends the old sessions.
    await json(await kari.get('/api/auth/me'), 401);

    expect(fieldsOf(await json(await admin.post(`/api/users/${created.id}/password`, { password: 'short' }), 400))).toEqual(['password']);
    await json(await admin.post(`/api/users/${created.id}/password`, { password: 'second long password' }), 204);
    await new TestClient(app).login('k@example.no', 'second long password');
    await json(await patchAtStoredRevision(database.db, admin, `/api/users/${created.id}`, { disabled: true }), 200);
    const refused = await new TestClient(app).post('/api/auth/login', { email: 'k@example.no', password: 'second long password' });
    expect(refused.status).toBe(401);
    expect((await json(await patchAtStoredRevision(database.db, admin, `/api/users/${adminId}`, { disabled: true }), 409)).error.message).toMatch(/deg selv/);

    // Linking an OpenID Connect subject by hand, unique across accounts, and unlinking.
    const linked = await json(await patchAtStoredRevision(database.db, admin, `/api/users/${created.id}`, { oidcSubject: 'https://login.example/t#abc' }), 200);
    expect(linked.oidcSubject).toBe('https://login.example/t#abc');
    await json(await patchAtStoredRevision(database.db, admin, `/api/users/${adminId}`, { oidcSubject: 'https://login.example/t#abc' }), 409);
    expect((await json(await patchAtStoredRevision(database.db, admin, `/api/users/${created.id}`, { oidcSubject: null }), 200)).oidcSubject).toBeNull();

    const actions = (await listAudit(database.db, { entity: 'user', entityId: created.id })).map((e) => e.action);
    expect(actions).toEqual(['update', 'update', 'update', 'reset_password', 'update', 'create']);
  });
});

describe('PATCH /api/bodies/{id} once case numbers are sent out', () => {
  eachOnItsOwnDatabase();
  it('refuses to switch the numbering scheme or the running prefix (409), changing nothing; other fields still change', async () => {
    await organisationUpTo('cooperation');
    // One install runs one cooperation (decision 0012): the board belongs to the one organisationUpTo made.
    const coop = await json(await admin.get('/api/cooperation'), 200);
    const board = await json(await admin.post('/api/bodies', { cooperationId: coop.id, name: 'Styret', caseNumbering: 'running', casePrefix: 'ST' }), 201);
    const secretary = await json(await staff.post('/api/people', { familyName: 'Sekretær', givenName: 'Siri', email: 'siri@example.no' }), 201);
    await json(await staff.post(`/api/bodies/${board.id}/members`, { personId: secretary.id, role: 'leder', fromDate: '2020-01-01' }), 201);
    const planned = await json(await staff.post('/api/meetings', { bodyId: board.id, date: '2024-05-02', startTime: '09:00', place: 'Molde' }), 201);
    // Before the notice the scheme may still change (the numbers are only proposals).
    expect(await json(await patchAtStoredRevision(database.db, admin, `/api/bodies/${board.id}`, { casePrefix: 'STY' }), 200)).toMatchObject({ casePrefix: 'STY' });
    await json(await staff.post(`/api/meetings/${planned.meeting.id}/notice`), 201);

    const auditCount = (await listAudit(database.db, { limit: 1000 })).length;
    for (const patch of [{ caseNumbering: 'meeting' }, { caseNumbering: 'meeting', casePrefix: null }, { casePrefix: 'ST' }]) {
      const refused = await json(await patchAtStoredRevision(database.db, admin, `/api/bodies/${board.id}`, patch), 409);
      expect(refused.error.message, JSON.stringify(patch)).toMatch(/saksnumre.*sendt ut/i);
    }
    expect(await json(await admin.get(`/api/bodies/${board.id}`), 200)).toMatchObject({ caseNumbering: 'running', casePrefix: 'STY' });
    expect((await listAudit(database.db, { limit: 1000 })).length).toBe(auditCount);
    // Sending the same values again is no switch; the name and the active flag are free to change.
    expect(await json(await patchAtStoredRevision(database.db, admin, `/api/bodies/${board.id}`, { caseNumbering: 'running', casePrefix: 'STY', name: 'Styret i ROR-IKT' }), 200))
      .toMatchObject({ name: 'Styret i ROR-IKT', caseNumbering: 'running', casePrefix: 'STY' });
  });
});
