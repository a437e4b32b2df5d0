// Silent overwrites (issue 8): two staff sessions read the same version of a case's decision, a meeting's
// attendance or its agenda order and both save. One gets 200, the other 409 `stale` with the version
// stored now, and the stored data is the first one's edit, whole. Then the same with both saves sent at
// once (Promise.all): on PostgreSQL they really run side by side, so the check and the write must be one
// step (a row lock), not a read followed by a write.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/db.js';
import { json, TestClient, type TestApp } from '../../../test/app.js';
import { auditLog } from '../../audit/schema.js';
import { attendance, cases, meetings } from '../schema.js';
import { CYCLE_ACCOUNTS, PASSWORD, startCycle, type TCycle } from './cycle-fixture.js';

let database: TestDatabase;
let app: TestApp;
let cycle: TCycle;
let first: TestClient, second: TestClient;

beforeAll(async () => {
  let staff: TestClient;
  ({ database, app, cycle, staff } = await startCycle());
  first = staff;
  second = await new TestClient(app).login(CYCLE_ACCOUNTS.staff, PASSWORD);
});
afterAll(() => database.drop());

type TWrite = (client: TestClient, marker: string) => Promise<Response>;

/** Both sessions write on the version they read; returns the answers in the order the writes were given. */
async function bothWrite(write: TWrite, together: boolean) {
  if (together) return Promise.all([write(first, 'første'), write(second, 'andre')]);
  return [await write(first, 'første'), await write(second, 'andre')];
}

/** One 200 and one 409 `stale` naming the current version; returns which marker won. */
async function oneWins(answers: Response[], versionField: string, versionNow: () => Promise<number>) {
  const bodies = await Promise.all(answers.map(async (r) => ({ status: r.status, body: await r.json() })));
  expect(bodies.map((b) => b.status).sort(), JSON.stringify(bodies)).toEqual([200, 409]);
  const refused = bodies.find((b) => b.status === 409)!.body;
  expect(refused.error.code).toBe('stale');
  expect(refused.error.message).toMatch(/last inn på nytt/);
  expect(refused.error.current).toEqual({ [versionField]: await versionNow() });
  return bodies[0]!.status === 200 ? 'første' : 'andre';
}

const caseRevision = async (id: string) => (await database.db.select({ v: cases.revision }).from(cases).where(eq(cases.id, id)))[0]!.v;
const meetingRow = async (id: string) => (await database.db.select().from(meetings).where(eq(meetings.id, id)))[0]!;

describe('recording a decision takes the case revision the client read', () => {
  for (const together of [false, true]) {
    it(together ? 'two saves at once: one 200, one 409, the winner stored whole' : 'a stale page gets 409 and changes nothing', async () => {
      const caseId = together ? cycle.cases.c1.id : cycle.cases.c3.id;
      const read = await json(await first.get(`/api/cases/${caseId}`), 200);
      expect(read.revision).toBe(await caseRevision(caseId));
      const write: TWrite = (client, marker) => client.put(`/api/cases/${caseId}/decision`, {
        revision: read.revision, decisionKind: 'vedtak', decisionText: `Vedtak fra ${marker} økt`, treatment: `Behandling ${marker}`,
      });
      const winner = await oneWins(await bothWrite(write, together), 'revision', () => caseRevision(caseId));
      if (!together) expect(winner).toBe('første');
      const [row] = await database.db.select().from(cases).where(eq(cases.id, caseId));
      expect(row).toMatchObject({ decisionText: `Vedtak fra ${winner} økt`, treatment: `Behandling ${winner}`, revision: read.revision + 1 });
      const audited = await database.db.select().from(auditLog).where(eq(auditLog.entityId, caseId));
      expect(audited.filter((a) => (a.after as { decisionText?: string } | null)?.decisionText)).toHaveLength(1);
    });
  }

  it('shares the revision with editing the case: a decision made on a case edited since is refused', async () => {
    const caseId = cycle.cases.c4.id;
    const read = await json(await first.get(`/api/cases/${caseId}`), 200);
    await json(await second.patch(`/api/cases/${caseId}`, { revision: read.revision, proposal: 'Nytt forslag' }), 200);
    const refused = await json(await first.put(`/api/cases/${caseId}/decision`, { revision: read.revision, decisionKind: 'vedtak', decisionText: 'Sent' }), 409);
    expect(refused.error.current).toEqual({ revision: read.revision + 1 });
    expect((await database.db.select().from(cases).where(eq(cases.id, caseId)))[0]!.decisionText).toBeNull();
  });
});

describe('recording attendance takes the attendance version the client read', () => {
  for (const together of [false, true]) {
    it(together ? 'two saves at once: one 200, one 409, the winner\'s list stored whole' : 'a stale page gets 409 and changes nothing', async () => {
      const meetingId = together ? cycle.m1.id : cycle.m6.id;
      const read = (await json(await first.get(`/api/meetings/${meetingId}`), 200)).meeting;
      const lists: Record<string, { personId: string; role: string; note?: string }[]> = {
        første: [{ personId: cycle.people.aasen.id, role: 'til_stede' }, { personId: cycle.people.skalhavn.id, role: 'forfall' }],
        andre: [{ personId: cycle.people.ersvik.id, role: 'til_stede' }, { personId: cycle.people.myhre.id, role: 'observator', note: 'andre' }],
      };
      const write: TWrite = (client, marker) => client.put(`/api/meetings/${meetingId}/attendance`, {
        attendanceRevision: read.attendanceRevision, entries: lists[marker],
      });
      const winner = await oneWins(await bothWrite(write, together), 'attendanceRevision', async () => (await meetingRow(meetingId)).attendanceRevision);
      if (!together) expect(winner).toBe('første');
      const stored = await database.db.select().from(attendance).where(eq(attendance.meetingId, meetingId));
      expect(stored.map((a) => a.personId).sort()).toEqual(lists[winner]!.map((e) => e.personId).sort());
      expect((await meetingRow(meetingId)).attendanceRevision).toBe(read.attendanceRevision + 1);
    });
  }
});

describe('reordering the agenda takes the agenda version the client read', () => {
  for (const together of [false, true]) {
    it(together ? 'two saves at once: one 200, one 409, the winner\'s order stored' : 'a stale page gets 409 and changes nothing', async () => {
      const planned = await json(await first.post('/api/meetings', {
        bodyId: cycle.body.id, date: together ? '2024-06-12' : '2024-05-15', startTime: '09:00', place: 'Molde',
      }), 201);
      const extra = await json(await first.post(`/api/meetings/${planned.meeting.id}/cases`, { title: 'Budsjett', caseType: 'vedtak' }), 201);
      const read = await json(await first.get(`/api/meetings/${planned.meeting.id}`), 200);
      const [s1, s2] = read.cases.map((c: { id: string }) => c.id);
      const orders: Record<string, string[]> = { første: [s1, extra.id, s2], andre: [extra.id, s1, s2] };
      const write: TWrite = (client, marker) => client.put(`/api/meetings/${planned.meeting.id}/agenda`, {
        agendaRevision: read.meeting.agendaRevision, order: orders[marker],
      });
      const winner = await oneWins(await bothWrite(write, together), 'agendaRevision', async () => (await meetingRow(planned.meeting.id)).agendaRevision);
      if (!together) expect(winner).toBe('første');
      const after = await json(await first.get(`/api/meetings/${planned.meeting.id}`), 200);
      expect(after.cases.map((c: { id: string }) => c.id)).toEqual(orders[winner]);
      expect(after.meeting.agendaRevision).toBe(read.meeting.agendaRevision + 1);
    });
  }

  it('moves the agenda version when a case is added or deleted, so an order made before is stale', async () => {
    const planned = await json(await first.post('/api/meetings', { bodyId: cycle.body.id, date: '2024-09-11', startTime: '09:00', place: 'Molde' }), 201);
    const read = (await json(await first.get(`/api/meetings/${planned.meeting.id}`), 200)).meeting;
    const added = await json(await second.post(`/api/meetings/${planned.meeting.id}/cases`, { title: 'Ny sak', caseType: 'vedtak' }), 201);
    const afterAdd = (await meetingRow(planned.meeting.id)).agendaRevision;
    expect(afterAdd).toBe(read.agendaRevision + 1);
    await json(await second.delete(`/api/cases/${added.id}`), 204);
    expect((await meetingRow(planned.meeting.id)).agendaRevision).toBe(afterAdd + 1);
  });
});
