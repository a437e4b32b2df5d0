// Issue 12: a notice to members without e-mail. The sender records, per member, that it went by post or
// was handed out; the send then goes through (numbers locked, papers out of draft) even when nobody has
// e-mail, and the version keeps who got it on paper. Bad deliveries are 400 and write nothing.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/db.js';
import { json, type TestClient } from '../../../test/app.js';
import { outbox } from '../../mail/schema.js';
import { bodies, bodyMembers, people } from '../../org/schema.js';
import { cases, meetings, noticeVersions } from '../schema.js';
import { startCycle, type TCycle } from './cycle-fixture.js';

let database: TestDatabase;
let cycle: TCycle;
let staff: TestClient, council: TestClient;

beforeAll(async () => {
  ({ database, cycle, staff, council } = await startCycle());
});
afterAll(() => database.drop());

/** A body of its own, its members as given (e-mail or none), and a meeting with one case. */
async function paperBody(name: string, members: { given: string; email: string | null }[]) {
  const [body] = await database.db.insert(bodies).values({ cooperationId: cycle.body.cooperationId, name }).returning();
  const ids: string[] = [];
  for (const m of members) {
    const [person] = await database.db.insert(people).values({ familyName: name, givenName: m.given, email: m.email }).returning();
    await database.db.insert(bodyMembers).values({ bodyId: body!.id, personId: person!.id, role: 'medlem', fromDate: '2020-01-01' });
    ids.push(person!.id);
  }
  const [meeting] = await database.db.insert(meetings).values({ bodyId: body!.id, year: 2024, number: 1, date: '2024-05-01', startTime: '10:00', place: 'Molde' }).returning();
  await database.db.insert(cases).values({ bodyId: body!.id, meetingId: meeting!.id, year: 2024, position: 1, sequence: 1, number: '2024/M1-001', title: 'Sak', caseType: 'vedtak' });
  return { meetingId: meeting!.id, people: ids };
}

const untouched = async (meetingId: string, mailsBefore: number) => {
  expect((await database.db.select().from(outbox)).length).toBe(mailsBefore);
  expect(await database.db.select().from(noticeVersions).where(eq(noticeVersions.meetingId, meetingId))).toEqual([]);
  const [m] = await database.db.select().from(meetings).where(eq(meetings.id, meetingId));
  expect(m).toMatchObject({ status: 'planlagt', noticeVersion: 0 });
};

describe('a notice to members without e-mail', () => {
  it('goes out when every member without e-mail is recorded as reached by post or by hand', async () => {
    const { meetingId, people: [ola, kari] } = await paperBody('Papirorgan', [{ given: 'Ola', email: null }, { given: 'Kari', email: null }]);
    const body = await json(await staff.post(`/api/meetings/${meetingId}/notice`, {
      paperDeliveries: [{ personId: ola, method: 'post' }, { personId: kari, method: 'utlevert' }],
    }), 201);
    expect(body).toMatchObject({ version: 1, recipients: [] });
    expect(body.paperDeliveries).toEqual([
      { personId: ola, name: 'Papirorgan, Ola', method: 'post' },
      { personId: kari, name: 'Papirorgan, Kari', method: 'utlevert' },
    ]);
    const [m] = await database.db.select().from(meetings).where(eq(meetings.id, meetingId));
    expect(m).toMatchObject({ status: 'innkalt', noticeVersion: 1 });
    expect((await database.db.select().from(cases).where(eq(cases.meetingId, meetingId)))[0]!.numberLocked).toBe(true);
    const versions = await json(await council.get(`/api/meetings/${meetingId}/notice/versions`), 200);
    expect(versions.versions[0]).toMatchObject({ version: 1, recipientCount: 0, paperDeliveries: body.paperDeliveries });
  });

  it('mails those with e-mail and records the paper for the others in the same version', async () => {
    const { meetingId, people: [, per] } = await paperBody('Blandet organ', [{ given: 'Eva', email: 'eva.blandet@example.no' }, { given: 'Per', email: null }]);
    const body = await json(await staff.post(`/api/meetings/${meetingId}/notice`, { paperDeliveries: [{ personId: per, method: 'post' }] }), 201);
    expect(body.recipients).toEqual(['eva.blandet@example.no']);
    expect(body.paperDeliveries).toEqual([{ personId: per, name: 'Blandet organ, Per', method: 'post' }]);
    expect((await database.db.select().from(outbox)).filter((o) => o.to === 'eva.blandet@example.no')).toHaveLength(1);
  });

  it('still refuses (409) a notice that reaches nobody, and says how to record the paper', async () => {
    const { meetingId } = await paperBody('Stille organ', [{ given: 'Ada', email: null }]);
    const before = (await database.db.select().from(outbox)).length;
    const res = await json(await staff.post(`/api/meetings/${meetingId}/notice`), 409);
    expect(res.error.message).toMatch(/posten eller levert ut/);
    await untouched(meetingId, before);
  });

  it('refuses bad deliveries with 400 on the field and writes nothing', async () => {
    const { meetingId, people: [eva, per] } = await paperBody('Feilorgan', [{ given: 'Eva', email: 'eva.feil@example.no' }, { given: 'Per', email: null }]);
    const before = (await database.db.select().from(outbox)).length;
    const refuse = async (paperDeliveries: unknown, path: string, message: RegExp) => {
      const res = await json(await staff.post(`/api/meetings/${meetingId}/notice`, { paperDeliveries }), 400);
      const field = res.error.fields.find((f: { path: string }) => f.path === path);
      expect(field, JSON.stringify(res.error)).toBeTruthy();
      expect(field.message).toMatch(message);
    };
    await refuse([{ personId: eva, method: 'post' }], 'paperDeliveries.0.personId', /har e-postadresse/);
    await refuse([{ personId: randomUUID(), method: 'post' }], 'paperDeliveries.0.personId', /ikke medlem/);
    await refuse([{ personId: per, method: 'post' }, { personId: per, method: 'utlevert' }], 'paperDeliveries.1.personId', /to ganger/);
    await refuse([{ personId: per, method: 'due' }], 'paperDeliveries.0.method', /./);
    await refuse([{ personId: 'ikke-en-id', method: 'post' }], 'paperDeliveries.0.personId', /./);
    await untouched(meetingId, before);
  });

  it('answers 403 to the council and 404 for an unknown meeting, with deliveries too', async () => {
    const paperDeliveries = [{ personId: randomUUID(), method: 'post' }];
    expect((await json(await council.post(`/api/meetings/${cycle.m6.id}/notice`, { paperDeliveries }), 403)).error.code).toBe('forbidden');
    expect((await json(await staff.post(`/api/meetings/${randomUUID()}/notice`, { paperDeliveries }), 404)).error.message).toBe('Møtet finnes ikke');
  });
});
