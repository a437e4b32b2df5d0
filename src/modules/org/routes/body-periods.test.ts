// Bodies over time and their members' roles, over HTTP (issue 12): a body's validity period (ending it
// keeps its history; the list shows current bodies on request), the employee representative and the
// deputy who names the member they stand in for, editable start and end dates, and a role change in
// the middle of a period as one action that ends one membership the day before and starts the next.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/db.js';
import { startWithAccounts } from '../../../test/accounts.js';
import { fieldsOf, json, TestClient, type TestApp } from '../../../test/app.js';
import { listAudit } from '../../audit/service.js';
import { dayBefore } from '../body-members.service.js';
import type { TBodyMember } from '../body-members.service.js';

let database: TestDatabase;
let app: TestApp;
let admin: TestClient;
let staff: TestClient;
let council: TestClient;
let coopId: string;
let people: Record<'leader' | 'member' | 'employee' | 'deputy', string>;

beforeAll(async () => {
  ({ database, app, admin, staff, council } = await startWithAccounts());
  void app;
  coopId = (await json(await admin.post('/api/cooperations', { name: 'Fjordkysten IKT', shortName: 'FKIKT' }), 201)).id;
  const person = async (familyName: string, givenName: string) => (await json(await staff.post('/api/people', { familyName, givenName }), 201)).id as string;
  people = { leader: await person('Lid', 'Åse'), member: await person('Berg', 'Ola'), employee: await person('Nes', 'Kari'), deputy: await person('Vik', 'Per') };
});
afterAll(() => database.drop());

const today = new Date().toISOString().slice(0, 10);

describe('a body\'s validity period', () => {
  it('is kept, checked, and decides which bodies the list shows as current', async () => {
    const bad = await json(await admin.post('/api/bodies', { cooperationId: coopId, name: 'Faggruppe skole', validFrom: '2024-01-01', validTo: '2023-12-31' }), 400);
    expect(fieldsOf(bad)).toEqual(['validTo']);
    const old = await json(await admin.post('/api/bodies', { cooperationId: coopId, name: 'Faggruppe skole', validFrom: '2022-01-01', validTo: '2023-12-31' }), 201);
    const now = await json(await admin.post('/api/bodies', { cooperationId: coopId, name: 'Faggruppe oppvekst', validFrom: '2024-01-01' }), 201);
    expect(old).toMatchObject({ validFrom: '2022-01-01', validTo: '2023-12-31' });

    const names = async (query: string) => (await json(await council.get(`/api/bodies?cooperationId=${coopId}${query}`), 200)).bodies.map((b: { name: string }) => b.name);
    expect(await names('&current=true')).toEqual(['Faggruppe oppvekst']);
    expect(await names('&current=false')).toEqual(['Faggruppe skole']);
    expect(await names('')).toEqual(['Faggruppe oppvekst', 'Faggruppe skole']);

    // Ending a body is an edit of its last day; its members and history stay.
    const refused = await json(await admin.patch(`/api/bodies/${now.id}`, { revision: now.revision, validTo: '2023-06-30' }), 400);
    expect(fieldsOf(refused)).toEqual(['validTo']);
    expect((await staff.patch(`/api/bodies/${now.id}`, { revision: now.revision, validTo: today })).status).toBe(403);
    const ended = await json(await admin.patch(`/api/bodies/${now.id}`, { revision: now.revision, validTo: dayBefore(today) }), 200);
    expect(ended.validTo).toBe(dayBefore(today));
    expect(await names('&current=true')).toEqual([]);
    expect((await json(await council.get(`/api/bodies/${old.id}`), 200)).name).toBe('Faggruppe skole');
  });
});

describe('members: employee representative, deputies, periods and role changes', () => {
  let bodyId: string;
  let member: TBodyMember;

  beforeAll(async () => {
    bodyId = (await json(await admin.post('/api/bodies', { cooperationId: coopId, name: 'Styret', validFrom: '2020-01-01' }), 201)).id;
  });
  const path = () => `/api/bodies/${bodyId}/members`;

  it('takes an employee representative, and a deputy who names a member of the body', async () => {
    await json(await staff.post(path(), { personId: people.leader, role: 'leder', fromDate: '2024-01-01' }), 201);
    member = await json(await staff.post(path(), { personId: people.member, role: 'medlem', fromDate: '2024-01-01', toDate: '2027-12-31' }), 201);
    const employee = await json(await staff.post(path(), { personId: people.employee, role: 'ansattrepresentant', fromDate: '2024-01-01' }), 201);
    expect(employee.role).toBe('ansattrepresentant');

    // Only a deputy names a member; the member must sit in the body; not themselves.
    expect(fieldsOf(await json(await staff.post(path(), { personId: people.deputy, role: 'medlem', fromDate: '2024-01-01', deputyForPersonId: people.member }), 400))).toEqual(['deputyForPersonId']);
    const stranger = (await json(await staff.post('/api/people', { familyName: 'Utenfor', givenName: 'Ida' }), 201)).id;
    expect((await json(await staff.post(path(), { personId: people.deputy, role: 'varamedlem', fromDate: '2024-01-01', deputyForPersonId: stranger }), 400)).error.message).toMatch(/ikke medlem av organet/);
    expect(fieldsOf(await json(await staff.post(path(), { personId: people.deputy, role: 'varamedlem', fromDate: '2024-01-01', deputyForPersonId: people.deputy }), 400))).toEqual(['deputyForPersonId']);
    const deputy = await json(await staff.post(path(), { personId: people.deputy, role: 'varamedlem', fromDate: '2024-01-01', deputyForPersonId: people.member }), 201);
    expect(deputy).toMatchObject({ role: 'varamedlem', deputyForPersonId: people.member, deputyForName: 'Berg, Ola' });

    // The papers' order: leader, members, the employee representative, then deputies.
    const sitting = (await json(await council.get(`${path()}?on=2024-06-01`), 200)).members;
    expect(sitting.map((m: TBodyMember) => m.role)).toEqual(['leder', 'medlem', 'ansattrepresentant', 'varamedlem']);
  });

  it('edits a member\'s start and end dates at the revision read', async () => {
    const edited = await json(await staff.patch(`/api/body-members/${member.id}`, { revision: member.revision, fromDate: '2024-02-01', toDate: '2027-06-30' }), 200);
    expect(edited).toMatchObject({ fromDate: '2024-02-01', toDate: '2027-06-30', revision: member.revision + 1 });
    expect((await json(await staff.patch(`/api/body-members/${member.id}`, { revision: member.revision, toDate: '2028-01-01' }), 409)).error.code).toBe('stale');
    expect(fieldsOf(await json(await staff.patch(`/api/body-members/${member.id}`, { revision: edited.revision, fromDate: '2028-01-01' }), 400))).toEqual(['toDate']);
    member = edited;
  });

  it('changes a role mid-period as one action: the old membership ends the day before, the new one runs to its end', async () => {
    const url = `/api/body-members/${member.id}/role-change`;
    expect((await council.post(url, { revision: member.revision, role: 'nestleder', from: '2025-07-01' })).status).toBe(403);
    const auditBefore = (await listAudit(database.db, { entity: 'body_member', limit: 1000 })).length;
    // Refusals write nothing: a start on or before the membership's, after its end, the same role, a bad deputy, a stale revision.
    expect(fieldsOf(await json(await staff.post(url, { revision: member.revision, role: 'nestleder', from: '2024-02-01' }), 400))).toEqual(['from']);
    expect(fieldsOf(await json(await staff.post(url, { revision: member.revision, role: 'nestleder', from: '2027-07-01' }), 400))).toEqual(['from']);
    expect(fieldsOf(await json(await staff.post(url, { revision: member.revision, role: 'medlem', from: '2025-07-01' }), 400))).toEqual(['role']);
    expect(fieldsOf(await json(await staff.post(url, { revision: member.revision, role: 'nestleder', from: '2025-07-01', deputyForPersonId: people.leader }), 400))).toEqual(['deputyForPersonId']);
    expect((await json(await staff.post(url, { revision: member.revision - 1 || 99, role: 'nestleder', from: '2025-07-01' }), 409)).error.code).toBe('stale');
    expect((await listAudit(database.db, { entity: 'body_member', limit: 1000 })).length).toBe(auditBefore);
    expect((await json(await council.get(path()), 200)).members.filter((m: TBodyMember) => m.personId === people.member)).toHaveLength(1);

    const change = await json(await staff.post(url, { revision: member.revision, role: 'nestleder', from: '2025-07-01' }), 201);
    expect(change.ended).toMatchObject({ id: member.id, role: 'medlem', fromDate: '2024-02-01', toDate: '2025-06-30', revision: member.revision + 1 });
    expect(change.started).toMatchObject({ personId: people.member, role: 'nestleder', fromDate: '2025-07-01', toDate: '2027-06-30' });
    const on = async (d: string) => (await json(await council.get(`${path()}?on=${d}`), 200)).members
      .filter((m: TBodyMember) => m.personId === people.member).map((m: TBodyMember) => m.role);
    expect(await on('2025-06-30')).toEqual(['medlem']);
    expect(await on('2025-07-01')).toEqual(['nestleder']);
    const entries = await listAudit(database.db, { entity: 'body_member', limit: 1000 });
    expect(entries.length).toBe(auditBefore + 2);
    // The deputy still stands in for the same person after that person's role change.
    const deputy = (await json(await council.get(`${path()}?on=2025-07-01`), 200)).members.find((m: TBodyMember) => m.role === 'varamedlem');
    expect(deputy.deputyForName).toBe('Berg, Ola');
  });
});
