// Every editable organisation row follows decision 0024: it is read with `revision`, an edit sends back
// the revision it was made on and answers with the next one, and an edit made on an older revision is
// refused with 409 `stale` and `current: { revision }`, writing nothing (no change, no audit entry).
// Two edits sent at once on the same revision give one 200 and one 409.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/db.js';
import { startWithAccounts, TEST_PASSWORD } from '../../../test/accounts.js';
import { buildClients, json, type TestClient } from '../../../test/app.js';
import { listAudit } from '../../audit/service.js';

let database: TestDatabase;
let admin: TestClient;
let admin2: TestClient;
/** Each editable resource: the path of one row, the edit to make, and a field the edit changes. */
let rows: { name: string; path: string; first: Record<string, unknown>; second: Record<string, unknown>; field: string }[];

beforeAll(async () => {
  const started = await startWithAccounts();
  ({ database, admin } = started);
  // The same admin signed in a second time: two browsers.
  ({ admin2 } = await buildClients(started.app, { admin2: 'admin@example.no' }, TEST_PASSWORD));
  const coop = await json(await admin.post('/api/cooperations', { name: 'ROR-IKT', shortName: 'ROR' }), 201);
  const molde = await json(await admin.post('/api/municipalities', { name: 'Molde', number: '1506' }), 201);
  const membership = await json(await admin.post(`/api/cooperations/${coop.id}/memberships`, { municipalityId: molde.id, joined: '2010-01-01' }), 201);
  const department = await json(await admin.post('/api/departments', { cooperationId: coop.id, name: 'Drift' }), 201);
  const person = await json(await admin.post('/api/people', { familyName: 'Samtidig', givenName: 'Sara' }), 201);
  const body = await json(await admin.post('/api/bodies', { cooperationId: coop.id, name: 'Rådet' }), 201);
  const member = await json(await admin.post(`/api/bodies/${body.id}/members`, { personId: person.id, role: 'medlem', fromDate: '2020-01-01' }), 201);
  const user = await json(await admin.post('/api/users', { email: 'kari@example.no', name: 'Kari', role: 'council' }), 201);
  rows = [
    { name: 'cooperation', path: `/api/cooperations/${coop.id}`, first: { shortName: 'ROR1' }, second: { shortName: 'ROR2' }, field: 'shortName' },
    { name: 'municipality', path: `/api/municipalities/${molde.id}`, first: { name: 'Molde kommune' }, second: { name: 'Molde by' }, field: 'name' },
    { name: 'membership', path: `/api/memberships/${membership.id}`, first: { left: '2030-12-31' }, second: { left: '2031-12-31' }, field: 'left' },
    { name: 'department', path: `/api/departments/${department.id}`, first: { name: 'Drift og nett' }, second: { name: 'Nett' }, field: 'name' },
    { name: 'person', path: `/api/people/${person.id}`, first: { title: 'Rådgiver' }, second: { title: 'Leder' }, field: 'title' },
    { name: 'body', path: `/api/bodies/${body.id}`, first: { name: 'Samarbeidsrådet' }, second: { name: 'Styret' }, field: 'name' },
    { name: 'body member', path: `/api/body-members/${member.id}`, first: { role: 'leder' }, second: { role: 'nestleder' }, field: 'role' },
    { name: 'user', path: `/api/users/${user.id}`, first: { name: 'Kari Nordmann' }, second: { name: 'Kari N.' }, field: 'name' },
  ];
  for (const [created, path] of [[coop, 0], [molde, 1], [membership, 2], [department, 3], [person, 4], [body, 5], [member, 6], [user, 7]] as const) {
    expect(created.revision, rows[path]!.name).toBe(1);
  }
});
afterAll(() => database.drop());

/** What the row reads as now, by the list or item route the page uses. */
async function stored(path: string): Promise<Record<string, unknown>> {
  const id = path.split('/').pop()!;
  if (path.startsWith('/api/memberships/')) {
    const coop = await json(await admin.get('/api/cooperation'), 200);
    return (await json(await admin.get(`/api/cooperations/${coop.id}/memberships`), 200)).memberships.find((m: { id: string }) => m.id === id);
  }
  if (path.startsWith('/api/departments/')) {
    return (await json(await admin.get('/api/departments'), 200)).departments.find((d: { id: string }) => d.id === id);
  }
  if (path.startsWith('/api/body-members/')) {
    const bodies = (await json(await admin.get('/api/bodies'), 200)).bodies as { id: string }[];
    for (const b of bodies) {
      const found = (await json(await admin.get(`/api/bodies/${b.id}/members`), 200)).members.find((m: { id: string }) => m.id === id);
      if (found) return found;
    }
    throw new Error('no such member');
  }
  return json(await admin.get(path), 200);
}

describe('an edit made on an older revision', () => {
  it('is refused with 409 stale and the current revision, for every editable organisation row, and writes nothing', async () => {
    for (const row of rows) {
      const read = await stored(row.path);
      expect(read.revision, row.name).toBe(1);
      const saved = await json(await admin.patch(row.path, { ...row.first, revision: 1 }), 200);
      expect(saved, row.name).toMatchObject({ ...row.first, revision: 2 });
      const audits = (await listAudit(database.db, { limit: 1000 })).length;
      const refused = await json(await admin.patch(row.path, { ...row.second, revision: 1 }), 409);
      expect(refused.error, row.name).toMatchObject({ code: 'stale', current: { revision: 2 } });
      expect(refused.error.message, row.name).toMatch(/er endret av noen andre siden du hentet opplysningene \(nå versjon 2\); last inn på nytt$/);
      expect(await stored(row.path), row.name).toMatchObject({ [row.field]: row.first[row.field], revision: 2 });
      expect((await listAudit(database.db, { limit: 1000 })).length, row.name).toBe(audits);
      // On the revision from the 409 the edit goes through.
      expect(await json(await admin.patch(row.path, { ...row.second, revision: refused.error.current.revision }), 200), row.name)
        .toMatchObject({ ...row.second, revision: 3 });
    }
  });

  it('requires the revision on every organisation PATCH (400 on the field)', async () => {
    for (const row of rows) {
      expect((await json(await admin.patch(row.path, row.first), 400)).error.fields, row.name).toEqual([{ path: 'revision', message: 'Må fylles ut' }]);
    }
  });

  it('lets one of two simultaneous edits on the same revision through; the other gets 409', async () => {
    for (const row of rows) {
      const { revision } = await stored(row.path);
      const answers = await Promise.all([
        admin.patch(row.path, { ...row.first, revision }),
        admin2.patch(row.path, { ...row.second, revision }),
      ]);
      expect(answers.map((r) => r.status).sort(), row.name).toEqual([200, 409]);
    }
  });
});
