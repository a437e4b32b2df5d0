import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TestDatabase } from '../../../test/db.js';
import { auditLog } from '../../audit/schema.js';
import { cases, meetings } from '../schema.js';
import { startGovernanceWorld, TGovernanceWorld } from '../test-factories.js';

let database: TestDatabase;
let w: TGovernanceWorld;

beforeAll(async () => {
  ({ database, w } = await startGovernanceWorld('mt'));
});
afterAll(() => database.drop());

const plan = (over: Record<string, unknown> = {}) => ({
  bodyId: w.council.id, date: '2023-12-13', startTime: '09:00', endTime: '12:00', place: 'Molde rådhus', ...over,
});

describe('POST /api/meetings', () => {
  it('plans M1 with the standing cases 001 and 002, then the next free number', async () => {
    const res = await w.clients.staff.post('/api/meetings', plan({ date: '2023-02-01' }));
    expect(res.status).toBe(201);
    const view = await res.json();
    expect(view.meeting).toMatchObject({ numberLabel: 'M1', year: 2023, date: '2023-02-01', startTime: '09:00', status: 'planlagt', published: false, noticeVersion: 0 });
    expect(view.cases.map((c: { number: string; title: string; standing: string; caseType: string }) => [c.number, c.title, c.standing, c.caseType])).toEqual([
      ['2023/M1-001', 'Godkjenning av innkalling og saksliste', 'innkalling', 'vedtak'],
      ['2023/M1-002', 'Godkjenning av møtereferat', 'referat', 'vedtak'],
    ]);
    const second = await (await w.clients.staff.post('/api/meetings', plan({ date: '2023-03-01' }))).json();
    expect(second.meeting.numberLabel).toBe('M2');
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, view.meeting.id)).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('numbers the running scheme through the year: ST 1/18, ST 2/18, then ST 3/18 in the next meeting', async () => {
    const m1 = await (await w.clients.staff.post('/api/meetings', plan({ bodyId: w.board.id, date: '2018-02-01' }))).json();
    const m2 = await (await w.clients.staff.post('/api/meetings', plan({ bodyId: w.board.id, date: '2018-04-01' }))).json();
    expect(m1.cases.map((c: { number: string }) => c.number)).toEqual(['ST 1/18', 'ST 2/18']);
    expect(m2.cases.map((c: { number: string }) => c.number)).toEqual(['ST 3/18', 'ST 4/18']);
  });

  it('refuses a taken number with 409 and writes nothing', async () => {
    const before = await database.db.select().from(meetings);
    const res = await w.clients.staff.post('/api/meetings', plan({ date: '2023-05-01', number: 1 }));
    expect(res.status).toBe(409);
    expect((await database.db.select().from(meetings)).length).toBe(before.length);
  });

  it('answers 401, 403 and 400 with fields', async () => {
    expect((await w.clients.anon.post('/api/meetings', plan())).status).toBe(401);
    expect((await w.clients.council.post('/api/meetings', plan())).status).toBe(403);
    expect((await w.clients.municipality.post('/api/meetings', plan())).status).toBe(403);
    const bad = await w.clients.staff.post('/api/meetings', { bodyId: 'x', date: '2023-13-45', startTime: '25:00', place: '' });
    expect(bad.status).toBe(400);
    const paths = (await bad.json()).error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['bodyId', 'date', 'startTime', 'place']));
    const order = await w.clients.staff.post('/api/meetings', plan({ startTime: '12:00', endTime: '09:00' }));
    expect(order.status).toBe(400);
    expect((await order.json()).error.fields[0].path).toBe('endTime');
    const unknownBody = await w.clients.staff.post('/api/meetings', plan({ bodyId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknownBody.status).toBe(400);
    expect((await unknownBody.json()).error.fields[0].path).toBe('bodyId');
  });
});

describe('GET /api/meetings and /api/meetings/{id}', () => {
  it('lists meetings for staff, only published ones for a municipality user', async () => {
    const created = await (await w.clients.staff.post('/api/meetings', plan({ date: '2023-06-01' }))).json();
    const staffList = await (await w.clients.staff.get(`/api/meetings?body=${w.council.id}&year=2023`)).json();
    expect(staffList.meetings.map((m: { id: string }) => m.id)).toContain(created.meeting.id);
    expect(staffList.meetings[0]).toMatchObject({ caseCount: 2 });
    const muniList = await (await w.clients.municipality.get('/api/meetings')).json();
    expect(muniList.meetings.every((m: { published: boolean }) => m.published)).toBe(true);
    expect((await w.clients.anon.get('/api/meetings')).status).toBe(401);
    expect((await w.clients.staff.get('/api/meetings?year=abc')).status).toBe(400);
  });

  it('reads one meeting; 404 for unknown and for unpublished to a municipality user', async () => {
    const created = await (await w.clients.staff.post('/api/meetings', plan({ date: '2023-07-01' }))).json();
    expect((await w.clients.council.get(`/api/meetings/${created.meeting.id}`)).status).toBe(200);
    expect((await w.clients.municipality.get(`/api/meetings/${created.meeting.id}`)).status).toBe(404);
    expect((await w.clients.anon.get(`/api/meetings/${created.meeting.id}`)).status).toBe(401);
    expect((await w.clients.staff.get('/api/meetings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await w.clients.staff.get('/api/meetings/not-a-uuid')).status).toBe(400);
  });
});

describe('PATCH /api/meetings/{id}', () => {
  it('changes place and time with the current revision; a stale revision gets 409 and changes nothing', async () => {
    const { meeting } = await (await w.clients.staff.post('/api/meetings', plan({ date: '2023-08-01' }))).json();
    const ok = await w.clients.staff.patch(`/api/meetings/${meeting.id}`, { revision: meeting.revision, place: 'Teams', startTime: '08:15' });
    expect(ok.status).toBe(200);
    expect((await ok.json()).meeting).toMatchObject({ place: 'Teams', startTime: '08:15', revision: meeting.revision + 1 });
    const stale = await w.clients.staff.patch(`/api/meetings/${meeting.id}`, { revision: meeting.revision, place: 'Aukra' });
    expect(stale.status).toBe(409);
    const [row] = await database.db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(row).toMatchObject({ place: 'Teams', revision: meeting.revision + 1 });
  });

  it('renumbers the cases when the meeting number changes before the notice, and refuses it after', async () => {
    const { meeting } = await (await w.clients.staff.post('/api/meetings', plan({ date: '2023-09-01' }))).json();
    const res = await w.clients.staff.patch(`/api/meetings/${meeting.id}`, { revision: 1, number: 9 });
    expect(res.status).toBe(200);
    expect((await res.json()).cases.map((c: { number: string }) => c.number)).toEqual(['2023/M9-001', '2023/M9-002']);
    await database.db.update(cases).set({ numberLocked: true }).where(eq(cases.meetingId, meeting.id));
    const locked = await w.clients.staff.patch(`/api/meetings/${meeting.id}`, { revision: 2, number: 8 });
    expect(locked.status).toBe(409);
    const [row] = await database.db.select().from(meetings).where(eq(meetings.id, meeting.id));
    expect(row!.number).toBe(9);
  });

  it('answers 401, 403, 400 and 404', async () => {
    const { meeting } = await (await w.clients.staff.post('/api/meetings', plan({ date: '2023-10-01' }))).json();
    expect((await w.clients.anon.patch(`/api/meetings/${meeting.id}`, { revision: 1 })).status).toBe(401);
    expect((await w.clients.council.patch(`/api/meetings/${meeting.id}`, { revision: 1 })).status).toBe(403);
    const bad = await w.clients.staff.patch(`/api/meetings/${meeting.id}`, { startTime: '9' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['revision', 'startTime']);
    expect((await w.clients.staff.patch('/api/meetings/00000000-0000-4000-8000-000000000000', { revision: 1, place: 'Molde' })).status).toBe(404);
  });
});

describe('DELETE /api/meetings/{id}', () => {
  it('deletes a planned meeting with its cases, and refuses once the notice is sent', async () => {
    const { meeting } = await (await w.clients.staff.post('/api/meetings', plan({ date: '2023-11-01' }))).json();
    expect((await w.clients.council.delete(`/api/meetings/${meeting.id}`)).status).toBe(403);
    expect((await w.clients.anon.delete(`/api/meetings/${meeting.id}`)).status).toBe(401);
    expect((await w.clients.staff.delete(`/api/meetings/${meeting.id}`)).status).toBe(204);
    expect(await database.db.select().from(cases).where(eq(cases.meetingId, meeting.id))).toEqual([]);
    expect((await w.clients.staff.delete(`/api/meetings/${meeting.id}`)).status).toBe(404);

    const sent = await (await w.clients.staff.post('/api/meetings', plan({ date: '2023-11-02' }))).json();
    await database.db.update(meetings).set({ noticeVersion: 1, status: 'innkalt' }).where(eq(meetings.id, sent.meeting.id));
    expect((await w.clients.staff.delete(`/api/meetings/${sent.meeting.id}`)).status).toBe(409);
    expect((await database.db.select().from(cases).where(eq(cases.meetingId, sent.meeting.id))).length).toBe(2);
  });
});

describe('publish and unpublish', () => {
  it('publishes for the public list and takes it back', async () => {
    const { meeting } = await (await w.clients.staff.post('/api/meetings', plan({ date: '2023-12-01' }))).json();
    expect((await w.clients.council.post(`/api/meetings/${meeting.id}/publish`)).status).toBe(403);
    expect((await w.clients.anon.post(`/api/meetings/${meeting.id}/publish`)).status).toBe(401);
    expect((await w.clients.staff.post('/api/meetings/00000000-0000-4000-8000-000000000000/publish')).status).toBe(404);
    const pub = await w.clients.staff.post(`/api/meetings/${meeting.id}/publish`);
    expect(pub.status).toBe(200);
    expect((await pub.json()).published).toBe(true);
    expect((await w.clients.anon.get(`/api/public/meetings/${meeting.id}`)).status).toBe(200);
    expect((await w.clients.staff.post(`/api/meetings/${meeting.id}/unpublish`)).status).toBe(200);
    expect((await w.clients.anon.get(`/api/public/meetings/${meeting.id}`)).status).toBe(404);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.entityId, meeting.id)).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'publish', 'unpublish']);
  });
});

describe('GET /api/meetings/awaiting', () => {
  it('lists planned meetings to call, called meetings past their day, and held meetings whose minutes wait for approval', async () => {
    const made: Record<string, string> = {};
    const status = { prepare: 'planlagt', pastPlanned: 'planlagt', record: 'innkalt', upcoming: 'innkalt', approve: 'avholdt', approved: 'godkjent' } as const;
    const dates = { prepare: '2099-03-01', pastPlanned: '2001-03-01', record: '2002-03-01', upcoming: '2099-04-01', approve: '2003-03-01', approved: '2004-03-01' };
    for (const [key, date] of Object.entries(dates)) {
      const view = await (await w.clients.staff.post('/api/meetings', plan({ bodyId: w.board.id, date }))).json();
      made[key] = view.meeting.id;
      await database.db.update(meetings).set({ status: status[key as keyof typeof status] }).where(eq(meetings.id, view.meeting.id));
    }
    const res = await w.clients.staff.get('/api/meetings/awaiting');
    expect(res.status).toBe(200);
    const body = await res.json() as Record<'toPrepare' | 'toRecord' | 'toApprove', { id: string; date: string }[]>;
    const ours = (list: { id: string }[]) => list.map((m) => m.id).filter((id) => Object.values(made).includes(id));
    expect(ours(body.toPrepare)).toEqual([made.prepare]);
    expect(ours(body.toRecord)).toEqual([made.record]);
    expect(ours(body.toApprove)).toEqual([made.approve]);
    expect(body.toPrepare.map((m) => m.date)).toEqual([...body.toPrepare.map((m) => m.date)].sort());
  });

  it('gives staff and the public one lifecycle: a called meeting past its day is held, and staff see it awaits recording', async () => {
    const made: Record<string, string> = {};
    const cases = { pastCalled: ['innkalt', '2002-05-01'], comingCalled: ['innkalt', '2099-05-01'], held: ['avholdt', '2003-05-01'], approved: ['godkjent', '2004-05-01'] } as const;
    for (const [key, [status, date]] of Object.entries(cases)) {
      const view = await (await w.clients.staff.post('/api/meetings', plan({ bodyId: w.board.id, date }))).json();
      made[key] = view.meeting.id;
      await database.db.update(meetings).set({ status, published: true }).where(eq(meetings.id, view.meeting.id));
    }
    const expected = {
      pastCalled: { stage: 'avholdt', awaitsRecording: true }, comingCalled: { stage: 'kommende', awaitsRecording: false },
      held: { stage: 'avholdt', awaitsRecording: false }, approved: { stage: 'godkjent', awaitsRecording: false },
    };
    const staffList = await (await w.clients.staff.get('/api/meetings')).json() as { meetings: { id: string; stage: string; awaitsRecording: boolean }[] };
    const publicList = await (await w.clients.anon.get('/api/public/meetings')).json() as { meetings: ({ id: string; stage: string } & Record<string, unknown>)[] };
    for (const [key, want] of Object.entries(expected)) {
      const staffRow = staffList.meetings.find((m) => m.id === made[key]);
      expect(staffRow && { stage: staffRow.stage, awaitsRecording: staffRow.awaitsRecording }, key).toEqual(want);
      const publicRow = publicList.meetings.find((m) => m.id === made[key]);
      expect(publicRow?.stage, key).toBe(want.stage);
      // «Avholdt · ikke ført» is the staff's cue: the public list and the public page do not carry it.
      expect(publicRow && 'awaitsRecording' in publicRow, key).toBe(false);
      const publicView = await (await w.clients.anon.get(`/api/public/meetings/${made[key]}`)).json() as { meeting: Record<string, unknown> };
      expect(publicView.meeting.stage, key).toBe(want.stage);
      expect('awaitsRecording' in publicView.meeting, key).toBe(false);
      const header = await (await w.clients.staff.get(`/api/meetings/${made[key]}`)).json() as { meeting: { stage: string; awaitsRecording: boolean } };
      expect({ stage: header.meeting.stage, awaitsRecording: header.meeting.awaitsRecording }, key).toEqual(want);
    }
  });

  it('is for the staff: 401 signed out, 403 for the council and a municipality', async () => {
    expect((await w.clients.anon.get('/api/meetings/awaiting')).status).toBe(401);
    expect((await w.clients.council.get('/api/meetings/awaiting')).status).toBe(403);
    expect((await w.clients.municipality.get('/api/meetings/awaiting')).status).toBe(403);
    expect((await w.clients.admin.get('/api/meetings/awaiting')).status).toBe(200);
  });
});
