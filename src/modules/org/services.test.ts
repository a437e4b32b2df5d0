import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { systemActor, type Actor } from '../../server/context.js';
import { HttpError } from '../../server/errors.js';
import { listAudit } from '../audit/service.js';
import { meetings } from '../governance/schema.js';
import { createBody, deleteBody, getBody, updateBody } from './bodies.service.js';
import { createBodyMember, listBodyMembers, listBodyMembersOn } from './body-members.service.js';
import { createCooperation } from './cooperations.service.js';
import { createMembership, listMembersInYear, listMembersOn, listMemberships, updateMembership } from './memberships.service.js';
import { createMunicipality, deleteMunicipality, getMunicipality } from './municipalities.service.js';
import { createPerson, deletePerson, getPerson } from './people.service.js';
import { createUser, resetUserPassword, updateUser } from './users.service.js';

let database: TestDatabase;
const actor: Actor = { userId: null, name: 'Testadmin' };

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.drop());

async function expectHttpError(promise: Promise<unknown>, status: number, message?: RegExp) {
  const err = await promise.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(HttpError);
  expect((err as HttpError).status).toBe(status);
  if (message) expect((err as HttpError).message).toMatch(message);
  return err as HttpError;
}

describe('memberships and members', () => {
  it('answers who was a member in a year and on a day, with Hustadvika joining 1.1.2023', async () => {
    const db = database.db;
    const coop = await createCooperation(db, actor, { name: 'ROR-IKT', shortName: 'ROR-IKT', founded: '2006-01-01' });
    const molde = await createMunicipality(db, actor, { name: 'Molde', number: '1506' });
    const hustadvika = await createMunicipality(db, actor, { name: 'Hustadvika', number: '1579' });
    const midsund = await createMunicipality(db, actor, { name: 'Midsund' });
    await createMembership(db, actor, { cooperationId: coop.id, municipalityId: molde.id, joined: '2006-01-01' });
    await createMembership(db, actor, { cooperationId: coop.id, municipalityId: hustadvika.id, joined: '2023-01-01' });
    await createMembership(db, actor, { cooperationId: coop.id, municipalityId: midsund.id, joined: '2006-01-01', left: '2019-12-31' });

    const names = (rows: { name: string }[]) => rows.map((r) => r.name);
    expect(names(await listMembersInYear(db, coop.id, 2022))).toEqual(['Molde']);
    expect(names(await listMembersInYear(db, coop.id, 2019))).toEqual(['Midsund', 'Molde']);
    expect(names(await listMembersInYear(db, coop.id, 2023))).toEqual(['Hustadvika', 'Molde']);
    expect(names(await listMembersOn(db, coop.id, '2019-12-31'))).toEqual(['Midsund', 'Molde']);
    expect(names(await listMembersOn(db, coop.id, '2020-01-01'))).toEqual(['Molde']);
    expect(names(await listMembersOn(db, coop.id, '2022-12-31'))).toEqual(['Molde']);
  });

  it('lets only one of two concurrent overlapping memberships through', async () => {
    const db = database.db;
    const coop = await createCooperation(db, actor, { name: 'Samarbeid F', shortName: 'F' });
    const vestnes = await createMunicipality(db, actor, { name: 'Vestnes' });
    const results = await Promise.allSettled([
      createMembership(db, actor, { cooperationId: coop.id, municipalityId: vestnes.id, joined: '2010-01-01' }),
      createMembership(db, actor, { cooperationId: coop.id, municipalityId: vestnes.id, joined: '2012-01-01' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason as HttpError).status).toBe(409);
    expect(await listMemberships(db, coop.id)).toHaveLength(1);
  });

  it('refuses overlapping periods of one municipality and allows one after the other', async () => {
    const db = database.db;
    const coop = await createCooperation(db, actor, { name: 'IKT Orkidé', shortName: 'Orkidé' });
    const nesset = await createMunicipality(db, actor, { name: 'Nesset' });
    const first = await createMembership(db, actor, { cooperationId: coop.id, municipalityId: nesset.id, joined: '2010-01-01', left: '2018-12-31' });
    await expectHttpError(createMembership(db, actor, { cooperationId: coop.id, municipalityId: nesset.id, joined: '2018-12-31' }), 409, /01\.01\.2010–31\.12\.2018/);
    await expectHttpError(createMembership(db, actor, { cooperationId: coop.id, municipalityId: nesset.id, joined: '2005-01-01' }), 409);
    const again = await createMembership(db, actor, { cooperationId: coop.id, municipalityId: nesset.id, joined: '2019-01-01' });
    // Reopening the first period would now run into the second.
    await expectHttpError(updateMembership(db, actor, { id: first.id, left: null }), 409);
    await expectHttpError(updateMembership(db, actor, { id: again.id, left: '2000-01-01' }), 400);
    expect((await listMemberships(db, coop.id)).filter((m) => m.municipalityId === nesset.id)).toHaveLength(2);
    // One municipality, two periods in the same year: listed once.
    await updateMembership(db, actor, { id: first.id, left: '2018-06-30' });
    await updateMembership(db, actor, { id: again.id, joined: '2018-09-01' });
    expect((await listMembersInYear(db, coop.id, 2018)).map((m) => m.name)).toEqual(['Nesset']);
  });
});

describe('bodies and their members', () => {
  it('lists the members sitting on a day, leader first, with e-mail addresses', async () => {
    const db = database.db;
    const coop = await createCooperation(db, actor, { name: 'Samarbeid B', shortName: 'B' });
    const body = await createBody(db, actor, { cooperationId: coop.id, name: 'Samarbeidsråd' });
    const aukra = await createMunicipality(db, actor, { name: 'Aukra' });
    const a = await createPerson(db, actor, { familyName: 'Gjørtz', givenName: 'Fred', email: 'fred@example.no', municipalityId: aukra.id });
    const b = await createPerson(db, actor, { familyName: 'Aas', givenName: 'Berit', email: 'berit@example.no' });
    const c = await createPerson(db, actor, { familyName: 'Berg', givenName: 'Ole' });
    await createBodyMember(db, actor, { bodyId: body.id, personId: b.id, role: 'medlem', fromDate: '2020-01-01' });
    await createBodyMember(db, actor, { bodyId: body.id, personId: a.id, role: 'leder', municipalityId: aukra.id, fromDate: '2020-01-01', toDate: '2023-12-31' });
    await createBodyMember(db, actor, { bodyId: body.id, personId: c.id, role: 'leder', fromDate: '2024-01-01' });

    const in2023 = await listBodyMembersOn(db, body.id, '2023-12-31');
    expect(in2023.map((m) => [m.familyName, m.role, m.email])).toEqual([
      ['Gjørtz', 'leder', 'fred@example.no'], ['Aas', 'medlem', 'berit@example.no'],
    ]);
    expect(in2023[0]!.municipalityName).toBe('Aukra');
    expect((await listBodyMembersOn(db, body.id, '2024-01-01')).map((m) => m.familyName)).toEqual(['Berg', 'Aas']);
    expect(await listBodyMembers(db, { bodyId: body.id })).toHaveLength(3);
  });

  it('requires a prefix for running case numbers, also when a change would leave none', async () => {
    const db = database.db;
    const coop = await createCooperation(db, actor, { name: 'Samarbeid C', shortName: 'C' });
    const err = await expectHttpError(createBody(db, actor, { cooperationId: coop.id, name: 'Styret', caseNumbering: 'running' }), 400);
    expect(err.fields?.[0]?.path).toBe('casePrefix');
    const body = await createBody(db, actor, { cooperationId: coop.id, name: 'Styret', caseNumbering: 'running', casePrefix: 'ST' });
    await expectHttpError(updateBody(db, actor, { id: body.id, casePrefix: null }), 400);
    expect((await getBody(db, body.id)).casePrefix).toBe('ST');
  });
});

describe('deleting what is referenced', () => {
  it('refuses with 409 and changes nothing', async () => {
    const db = database.db;
    const coop = await createCooperation(db, actor, { name: 'Samarbeid D', shortName: 'D' });
    const kommune = await createMunicipality(db, actor, { name: 'Rauma' });
    await createMembership(db, actor, { cooperationId: coop.id, municipalityId: kommune.id, joined: '2010-01-01' });
    const person = await createPerson(db, actor, { familyName: 'Holm', givenName: 'Kari', municipalityId: kommune.id });
    const body = await createBody(db, actor, { cooperationId: coop.id, name: 'Arbeidsutvalg' });
    await createBodyMember(db, actor, { bodyId: body.id, personId: person.id, role: 'medlem', fromDate: '2020-01-01' });
    const auditBefore = (await listAudit(db, { limit: 1000 })).length;

    await expectHttpError(deleteMunicipality(db, actor, { id: kommune.id }), 409, /Rauma kan ikke slettes.*medlemskap \(1\).*personer \(1\)/);
    await expectHttpError(deletePerson(db, actor, { id: person.id }), 409, /organmedlemskap/);
    await expectHttpError(deleteBody(db, actor, { id: body.id }), 409, /inaktivt/);
    expect(await getMunicipality(db, kommune.id)).toMatchObject({ name: 'Rauma' });
    expect(await getPerson(db, person.id)).toMatchObject({ familyName: 'Holm' });
    expect((await listAudit(db, { limit: 1000 })).length).toBe(auditBefore);
  });

  it('refuses to delete a body that another module points at (a meeting), with 409 and nothing changed', async () => {
    const db = database.db;
    const coop = await createCooperation(db, actor, { name: 'Samarbeid E', shortName: 'E' });
    const body = await createBody(db, actor, { cooperationId: coop.id, name: 'Styret' });
    await db.insert(meetings).values({ bodyId: body.id, year: 2018, number: 6, date: '2018-12-13', startTime: '08:15', place: 'Molde' });
    await expectHttpError(deleteBody(db, actor, { id: body.id }), 409, /møter/);
    expect(await getBody(db, body.id)).toMatchObject({ name: 'Styret' });
    expect(await listAudit(db, { entity: 'body', entityId: body.id })).toHaveLength(1);
  });

  it('deletes what nothing points at, and audits it', async () => {
    const db = database.db;
    const kommune = await createMunicipality(db, actor, { name: 'Gamle Nesset' });
    await deleteMunicipality(db, actor, { id: kommune.id });
    await expectHttpError(getMunicipality(db, kommune.id), 404);
    const [entry] = await listAudit(db, { entity: 'municipality', entityId: kommune.id });
    expect(entry).toMatchObject({ action: 'delete', actorName: 'Testadmin', before: { name: 'Gamle Nesset' }, after: null });
  });
});

describe('users', () => {
  it('creates, changes and resets accounts, audited without the password hash', async () => {
    const db = database.db;
    const molde = await createMunicipality(db, actor, { name: 'Molde kommune' });
    const user = await createUser(db, actor, { email: 'k@example.no', name: 'K', role: 'municipality', municipalityId: molde.id, password: 'long enough pw' });
    expect(user).not.toHaveProperty('passwordHash');
    await expectHttpError(updateUser(db, actor, { id: user.id, municipalityId: null }), 400);
    const changed = await updateUser(db, actor, { id: user.id, role: 'council', name: 'Kari', disabled: true });
    expect(changed).toMatchObject({ role: 'council', name: 'Kari', disabled: true, hasPassword: true });
    await resetUserPassword(db, actor, { id: user.id, password: 'another long pw' });
    const entries = await listAudit(db, { entity: 'user', entityId: user.id });
    expect(entries.map((e) => e.action)).toEqual(['reset_password', 'update', 'create']);
    expect(JSON.stringify(entries)).not.toMatch(/argon2|passwordHash/);
  });

  it('keeps an admin from locking themselves out', async () => {
    const db = database.db;
    const admin = await createUser(db, systemActor, { email: 'self@example.no', name: 'Selv', role: 'admin' });
    await expectHttpError(updateUser(db, { userId: admin.id, name: 'Selv' }, { id: admin.id, disabled: true }), 409);
    await expectHttpError(updateUser(db, { userId: admin.id, name: 'Selv' }, { id: admin.id, role: 'staff' }), 409);
  });
});
