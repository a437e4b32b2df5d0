// Positions (stillinger) and the staffing on a day, over HTTP (issue 12): a person's stillingsprosent
// over time as a list of periods, checked (0–100 with two decimals, end not before start, no overlap in
// a department, never above 100 % in all), a change from a date as one action that writes both periods
// or neither, the staffing summary per department on a day, and who the employer is.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/db.js';
import { startWithAccounts } from '../../../test/accounts.js';
import { fieldsOf, json, type TestClient } from '../../../test/app.js';
import { listAudit } from '../../audit/service.js';
import { patchAtStoredRevision } from '../test-factories.js';

let database: TestDatabase;
let admin: TestClient;
let staff: TestClient;
let council: TestClient;
let muni: TestClient;
let coopId: string;
let hostId: string;
let drift: string;
let kundeservice: string;

beforeAll(async () => {
  ({ database, admin, staff, council, muni } = await startWithAccounts());
  hostId = (await json(await admin.post('/api/municipalities', { name: 'Vertby', number: '4699' }), 201)).id;
  coopId = (await json(await admin.post('/api/cooperations', { name: 'Fjordkysten IKT', shortName: 'FKIKT', hostMunicipalityId: hostId }), 201)).id;
  drift = (await json(await admin.post('/api/departments', { cooperationId: coopId, name: 'Drift' }), 201)).id;
  kundeservice = (await json(await admin.post('/api/departments', { cooperationId: coopId, name: 'Kundeservice' }), 201)).id;
});
afterAll(() => database.drop());

const person = async (familyName: string, givenName: string) => (await json(await staff.post('/api/people', { familyName, givenName }), 201)).id as string;
const positionsOf = async (personId: string) => (await json(await council.get(`/api/people/${personId}/positions`), 200)).positions as
  { id: string; departmentName: string; ftePercent: number; startDate: string; endDate: string | null; title: string | null; revision: number }[];
const staffing = async (on: string) => json(await council.get(`/api/cooperations/${coopId}/staffing?on=${on}`), 200);

describe('positions', () => {
  it('are checked field by field, and an unknown person or department is named', async () => {
    const anne = await person('Dahl', 'Anne');
    const post = (body: Record<string, unknown>) => admin.post(`/api/people/${anne}/positions`, body);
    expect(fieldsOf(await json(await post({ departmentId: drift, ftePercent: 100.5, startDate: '2024-01-01' }), 400))).toEqual(['ftePercent']);
    expect(fieldsOf(await json(await post({ departmentId: drift, ftePercent: -1, startDate: '2024-01-01' }), 400))).toEqual(['ftePercent']);
    const decimals = await json(await post({ departmentId: drift, ftePercent: 33.333, startDate: '2024-01-01' }), 400);
    expect(decimals.error.fields[0].message).toBe('Høyst to desimaler');
    expect(fieldsOf(await json(await post({ departmentId: drift, ftePercent: 50, startDate: '2024-02-01', endDate: '2024-01-31' }), 400))).toEqual(['endDate']);
    expect(fieldsOf(await json(await post({ departmentId: drift, ftePercent: 50, startDate: '1.1.2024' }), 400))).toEqual(['startDate']);
    expect(fieldsOf(await json(await post({ departmentId: randomUUID(), ftePercent: 50, startDate: '2024-01-01' }), 400))).toEqual(['departmentId']);
    expect((await json(await admin.post(`/api/people/${randomUUID()}/positions`, { departmentId: drift, ftePercent: 50, startDate: '2024-01-01' }), 404)).error.message)
      .toBe('Personen finnes ikke');
    expect((await json(await staff.post(`/api/people/${anne}/positions`, { departmentId: drift, ftePercent: 50, startDate: '2024-01-01' }), 403)).error.code).toBe('forbidden');
    expect((await json(await muni.get(`/api/people/${anne}/positions`), 403)).error.code).toBe('forbidden');
    // A position cannot run past its department's last day.
    const project = (await json(await admin.post('/api/departments', { cooperationId: coopId, name: 'Prosjekt', validTo: '2024-12-31' }), 201)).id;
    const open = await json(await post({ departmentId: project, ftePercent: 50, startDate: '2024-01-01' }), 400);
    expect(open.error.message).toBe('Prosjekt sluttet 31.12.2024; stillingen må slutte senest da');
    expect(fieldsOf(open)).toEqual(['endDate']);
    expect(fieldsOf(await json(await post({ departmentId: project, ftePercent: 50, startDate: '2025-01-01', endDate: '2025-06-30' }), 400))).toEqual(['startDate']);
    expect(await positionsOf(anne)).toEqual([]);
    await json(await admin.delete(`/api/departments/${project}`), 204);
  });

  it('keep a person\'s stillingsprosent over time: no overlap in a department, never above 100 % in all', async () => {
    const bo = await person('Berg', 'Bo');
    const first = await json(await admin.post(`/api/people/${bo}/positions`, { departmentId: drift, title: 'Driftstekniker', ftePercent: 60, startDate: '2024-01-01' }), 201);
    expect(first).toEqual({
      id: expect.any(String), personId: bo, familyName: 'Berg', givenName: 'Bo', departmentId: drift, departmentName: 'Drift', title: 'Driftstekniker',
      ftePercent: 60, startDate: '2024-01-01', endDate: null, revision: 1,
    });
    const overlap = await json(await admin.post(`/api/people/${bo}/positions`, { departmentId: drift, ftePercent: 20, startDate: '2024-06-01', endDate: '2024-06-30' }), 409);
    expect(overlap.error.message).toMatch(/Bo Berg har allerede en stilling i samme avdeling 01\.01\.2024–/);
    const tooMuch = await json(await admin.post(`/api/people/${bo}/positions`, { departmentId: kundeservice, ftePercent: 40.01, startDate: '2024-03-01' }), 409);
    expect(tooMuch.error.message).toBe('Stillingene til Bo Berg blir til sammen 100,01 % fra 01.03.2024; høyst 100 %');
    // Two part-time positions in two departments make 100 %.
    const second = await json(await admin.post(`/api/people/${bo}/positions`, { departmentId: kundeservice, ftePercent: 33.33, startDate: '2024-03-01' }), 201);
    expect(second.ftePercent).toBe(33.33);
    // Raising the first so the two pass 100 % is refused too, and writes nothing.
    const audits = (await listAudit(database.db, { limit: 1000 })).length;
    await json(await patchAtStoredRevision(database.db, admin, `/api/positions/${first.id}`, { ftePercent: 70 }), 409);
    expect((await listAudit(database.db, { limit: 1000 })).length).toBe(audits);
    expect(fieldsOf(await json(await patchAtStoredRevision(database.db, admin, `/api/positions/${first.id}`, { endDate: '2023-12-31' }), 400))).toEqual(['endDate']);
    // A stale revision is refused; the end date is set on the one read.
    expect((await json(await admin.patch(`/api/positions/${first.id}`, { revision: 7, endDate: '2024-12-31' }), 409)).error.code).toBe('stale');
    expect(await json(await admin.patch(`/api/positions/${first.id}`, { revision: 1, endDate: '2024-12-31' }), 200)).toMatchObject({ endDate: '2024-12-31', revision: 2 });
    expect((await positionsOf(bo)).map((p) => [p.departmentName, p.ftePercent, p.startDate, p.endDate])).toEqual([
      ['Drift', 60, '2024-01-01', '2024-12-31'], ['Kundeservice', 33.33, '2024-03-01', null],
    ]);
    // A person with positions is not deleted; a position made by mistake is.
    expect((await json(await staff.delete(`/api/people/${bo}`), 409)).error.message).toMatch(/stillinger \(2\)/);
    await json(await admin.delete(`/api/positions/${second.id}`), 204);
    await json(await council.get(`/api/positions/${second.id}`), 404);
  });

  it('change from a date as one action: the old period ends the day before, the new one starts', async () => {
    const cai = await person('Cai', 'Lise');
    const full = await json(await admin.post(`/api/people/${cai}/positions`, { departmentId: drift, title: 'Rådgiver', ftePercent: 100, startDate: '2024-01-01' }), 201);
    const path = `/api/positions/${full.id}/change`;
    expect(fieldsOf(await json(await admin.post(path, { revision: 1, from: '2024-01-01', ftePercent: 80 }), 400))).toEqual(['from']);
    expect(fieldsOf(await json(await admin.post(path, { revision: 1, from: '2024-03-01', ftePercent: 100 }), 400))).toEqual(['ftePercent']);
    expect(fieldsOf(await json(await admin.post(path, { revision: 1, from: '2024-03-01', ftePercent: 180 }), 400))).toEqual(['ftePercent']);
    expect((await json(await admin.post(path, { revision: 2, from: '2024-03-01', ftePercent: 80 }), 409)).error.code).toBe('stale');
    const change = await json(await admin.post(path, { revision: 1, from: '2024-03-01', ftePercent: 80 }), 201);
    expect(change.ended).toMatchObject({ id: full.id, ftePercent: 100, startDate: '2024-01-01', endDate: '2024-02-29', revision: 2 });
    expect(change.started).toMatchObject({ departmentId: drift, title: 'Rådgiver', ftePercent: 80, startDate: '2024-03-01', endDate: null, revision: 1 });
    const entries = await listAudit(database.db, { entity: 'position', limit: 10 });
    expect(entries.slice(0, 2).map((e) => [e.action, e.entityId])).toEqual([['create', change.started.id], ['update', full.id]]);
    // A change after the position's end is a new position, not a change.
    expect(fieldsOf(await json(await admin.post(path, { revision: 2, from: '2024-04-01', ftePercent: 50 }), 400))).toEqual(['from']);
    // A change into a department where the person already works then is refused whole: nothing ends.
    await json(await admin.post(`/api/people/${cai}/positions`, { departmentId: kundeservice, ftePercent: 10, startDate: '2024-06-01', endDate: '2024-06-30' }), 201);
    await json(await admin.post(`/api/positions/${change.started.id}/change`, { revision: 1, from: '2024-05-01', departmentId: kundeservice, ftePercent: 50 }), 409);
    expect((await positionsOf(cai)).map((p) => [p.ftePercent, p.startDate, p.endDate])).toEqual([
      [100, '2024-01-01', '2024-02-29'], [80, '2024-03-01', null], [10, '2024-06-01', '2024-06-30'],
    ]);
  });
});

describe('the staffing on a day', () => {
  it('sums stillingsprosent and counts people per department, each person once in the total', async () => {
    // From the tests above: Bo Berg 60 % Drift in 2024; Lise Cai 100 % Drift, 80 % from 1 March, and
    // 10 % Kundeservice in June 2024.
    const feb = await staffing('2024-02-15');
    expect(feb.on).toBe('2024-02-15');
    expect(feb.departments).toEqual([
      { departmentId: drift, name: 'Drift', people: 2, ftePercent: 160, fte: 1.6, women: 0, men: 0 },
      { departmentId: kundeservice, name: 'Kundeservice', people: 0, ftePercent: 0, fte: 0, women: 0, men: 0 },
    ]);
    const june = await staffing('2024-06-15');
    expect(june.departments.map((d: { name: string; people: number; ftePercent: number }) => [d.name, d.people, d.ftePercent])).toEqual([['Drift', 2, 140], ['Kundeservice', 1, 10]]);
    expect(june.total).toEqual({ people: 2, ftePercent: 150, fte: 1.5, women: 0, men: 0 });
    expect((await staffing('2025-06-15')).total).toEqual({ people: 1, ftePercent: 80, fte: 0.8, women: 0, men: 0 });
    expect(fieldsOf(await json(await council.get(`/api/cooperations/${coopId}/staffing?on=15.06.2024`), 400))).toEqual(['on']);
    await json(await council.get(`/api/cooperations/${randomUUID()}/staffing`), 404);
  });

  it('counts women and men per department by the gender kept on the person, each once in the total', async () => {
    const { people } = await json(await staff.get('/api/people'), 200) as { people: { id: string; familyName: string; revision: number; gender?: string }[] };
    const berg = people.find((p) => p.familyName === 'Berg')!;
    const cai = people.find((p) => p.familyName === 'Cai')!;
    expect(berg.gender).toBe('ikke_oppgitt');
    expect(fieldsOf(await json(await staff.patch(`/api/people/${berg.id}`, { revision: berg.revision, gender: 'ukjent' }), 400))).toEqual(['gender']);
    await json(await staff.patch(`/api/people/${berg.id}`, { revision: berg.revision, gender: 'mann' }), 200);
    const june = await staffing('2024-06-15');
    // Lise Cai's gender is not given: she counts among the people, in neither column.
    expect(june.departments.map((d: { name: string; people: number; women: number; men: number }) => [d.name, d.people, d.women, d.men]))
      .toEqual([['Drift', 2, 0, 1], ['Kundeservice', 1, 0, 0]]);
    await json(await staff.patch(`/api/people/${cai.id}`, { revision: cai.revision, gender: 'kvinne' }), 200);
    const after = await staffing('2024-06-15');
    expect(after.departments.map((d: { name: string; women: number; men: number }) => [d.name, d.women, d.men])).toEqual([['Drift', 1, 1], ['Kundeservice', 1, 0]]);
    // In two departments, counted once in the total.
    expect(after.total).toMatchObject({ people: 2, women: 1, men: 1 });
    // Personal data: the council reads the staffing's counts, never a person's gender.
    const seen = await json(await council.get(`/api/people/${cai.id}`), 200);
    expect(seen).not.toHaveProperty('gender');
    expect((await json(await council.get('/api/people'), 200)).people.some((p: Record<string, unknown>) => 'gender' in p)).toBe(false);
    expect((await json(await staff.get(`/api/people/${cai.id}`), 200)).gender).toBe('kvinne');
  });

  it('names the employer: what the cooperation states, or what its form implies', async () => {
    const employer = async () => (await staffing('2024-06-15')).employer;
    expect(await employer()).toEqual({ kind: null, name: null, stated: false });
    await json(await patchAtStoredRevision(database.db, admin, `/api/cooperations/${coopId}`, { form: 'vertskommune' }), 200);
    expect(await employer()).toEqual({ kind: 'vertskommune', name: 'Vertby', stated: false });
    // A vertskommune cooperation is no legal entity: it cannot employ its staff itself.
    expect(fieldsOf(await json(await patchAtStoredRevision(database.db, admin, `/api/cooperations/${coopId}`, { staffEmployer: 'samarbeidet' }), 400))).toEqual(['staffEmployer']);
    await json(await patchAtStoredRevision(database.db, admin, `/api/cooperations/${coopId}`, { form: 'oppgavefellesskap' }), 200);
    expect(await employer()).toEqual({ kind: null, name: null, stated: false });
    await json(await patchAtStoredRevision(database.db, admin, `/api/cooperations/${coopId}`, { staffEmployer: 'samarbeidet' }), 200);
    expect(await employer()).toEqual({ kind: 'samarbeidet', name: 'Fjordkysten IKT', stated: true });
    await json(await patchAtStoredRevision(database.db, admin, `/api/cooperations/${coopId}`, { form: 'iks', staffEmployer: null }), 200);
    expect(await employer()).toEqual({ kind: 'samarbeidet', name: 'Fjordkysten IKT', stated: false });
    expect(fieldsOf(await json(await patchAtStoredRevision(database.db, admin, `/api/cooperations/${coopId}`, { staffEmployer: 'vertskommune' }), 400))).toEqual(['staffEmployer']);
  });
});
