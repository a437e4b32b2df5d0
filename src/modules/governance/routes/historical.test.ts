import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { TestDatabase } from '../../../test/db.js';
import { json } from '../../../test/app.js';
import { checkRevisionConvention } from '../../../test/revision-convention.js';
import { pdfText } from '../../../documents/pdf-text.js';
import { auditLog } from '../../audit/schema.js';
import { cases, meetings } from '../schema.js';
import { legalBasisByCode, startGovernanceWorld, TGovernanceWorld } from '../test-factories.js';

let database: TestDatabase;
let w: TGovernanceWorld;
let basisId: string;

beforeAll(async () => {
  ({ database, w } = await startGovernanceWorld('hm'));
  basisId = (await legalBasisByCode(database.db, 'offl-23-3')).id;
});
afterAll(() => database.drop());

const register = (over: Record<string, unknown> = {}) => ({ bodyId: w.board.id, date: '2017-03-14', place: 'Molde rådhus', ...over });
const historicalCase = (over: Record<string, unknown> = {}) => ({ number: '12/17', title: 'Budsjett 2018', decisionText: 'Budsjettet vedtas.', ...over });
const auditOf = (id: string) => database.db.select().from(auditLog).where(eq(auditLog.entityId, id));

describe('historical meetings', () => {
  it('registers a held meeting without standing cases, takes cases with their own numbers, audited', async () => {
    const res = await w.clients.staff.post('/api/meetings/historical', register());
    expect(res.status).toBe(201);
    const view = await res.json();
    expect(view.meeting).toMatchObject({ historical: true, status: 'avholdt', noticeVersion: 0, year: 2017, numberLabel: 'M1' });
    expect(view.cases).toEqual([]);
    expect((await auditOf(view.meeting.id)).map((a) => a.action)).toEqual(['create']);

    const first = await w.clients.staff.post(`/api/meetings/${view.meeting.id}/historical-cases`, historicalCase());
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ number: '12/17', title: 'Budsjett 2018', decisionText: 'Budsjettet vedtas.', access: 'offentlig' });
    const exempt = await w.clients.staff.post(`/api/meetings/${view.meeting.id}/historical-cases`, historicalCase({
      number: '13/17', title: 'Personalsak Hansen', access: 'unntatt', publicTitle: 'Personalsak', legalBasisId: basisId, decisionText: 'Som innstilt.',
    }));
    expect(exempt.status).toBe(201);
    const exemptCase = await exempt.json();
    expect((await auditOf(exemptCase.id)).map((a) => a.action)).toEqual(['create']);

    // The body's running numbering for a new meeting of the same year is not disturbed: ST 1/17 on.
    const planned = await (await w.clients.staff.post('/api/meetings', { bodyId: w.board.id, date: '2017-06-01', startTime: '09:00', place: 'Aukra' })).json();
    expect(planned.cases.map((c: { number: string }) => c.number)).toEqual(['ST 1/17', 'ST 2/17']);

    // The public: published, the agenda is there without a notice; the decisions wait for approved minutes.
    expect((await w.clients.anon.get(`/api/public/meetings/${view.meeting.id}`)).status).toBe(404);
    expect((await w.clients.staff.post(`/api/meetings/${view.meeting.id}/publish`, {})).status).toBe(200);
    const held = await (await w.clients.anon.get(`/api/public/meetings/${view.meeting.id}`)).json();
    expect(held.withheld).toEqual(['minutes']);
    expect(held.cases[0]).toMatchObject({ number: '12/17', decisionText: null });

    const approved = await w.clients.staff.post(`/api/meetings/${view.meeting.id}/historical-approval`, {});
    expect(approved.status).toBe(200);
    expect((await approved.json()).meeting.status).toBe('godkjent');
    const pub = await (await w.clients.anon.get(`/api/public/meetings/${view.meeting.id}`)).json();
    expect(pub.withheld ?? []).toEqual([]);
    expect(pub.cases[0]).toMatchObject({ number: '12/17', decisionText: 'Budsjettet vedtas.' });
    // The exempt case is reduced for the public: number, public title, legal basis, and nothing more.
    expect(Object.keys(pub.cases[1]).sort()).toEqual(['access', 'legalBasis', 'number', 'publicTitle']);
    expect(pub.cases[1]).toMatchObject({ number: '13/17', publicTitle: 'Personalsak' });
    expect(JSON.stringify(pub)).not.toContain('Hansen');

    // The year count for the annual report includes it.
    const stats = await (await w.clients.staff.get('/api/governance/stats?year=2017')).json();
    const board = stats.bodies.find((b: { bodyId: string }) => b.bodyId === w.board.id);
    expect(board).toMatchObject({ meetingsHeld: 2, casesMinuted: 2 });
  });

  it('answers 409 for a notice, an automatic case, a taken number and a closed meeting', async () => {
    const view = await (await w.clients.staff.post('/api/meetings/historical', register({ date: '2016-05-10' }))).json();
    const id = view.meeting.id;
    expect((await w.clients.staff.post(`/api/meetings/${id}/notice`, {})).status).toBe(409);
    expect((await w.clients.staff.get(`/api/meetings/${id}/notice/versions`)).status).toBe(409);
    expect((await w.clients.staff.post(`/api/meetings/${id}/cases`, { title: 'Ny', caseType: 'vedtak' })).status).toBe(409);
    expect((await w.clients.staff.post(`/api/meetings/${id}/historical-cases`, historicalCase({ number: '5/16' }))).status).toBe(201);
    const before = await database.db.select().from(cases).where(eq(cases.meetingId, id));
    // Unique within the body, also against another meeting's case (12/17 above), whatever the case.
    expect((await w.clients.staff.post(`/api/meetings/${id}/historical-cases`, historicalCase({ number: '5/16' }))).status).toBe(409);
    expect((await w.clients.staff.post(`/api/meetings/${id}/historical-cases`, historicalCase({ number: ' 12/17 ' }))).status).toBe(409);
    expect((await database.db.select().from(cases).where(eq(cases.meetingId, id))).length).toBe(before.length);
    // A meeting that is not historical takes no hand-numbered case.
    const planned = await (await w.clients.staff.post('/api/meetings', { bodyId: w.board.id, date: '2030-01-10', startTime: '09:00', place: 'Molde' })).json();
    expect((await w.clients.staff.post(`/api/meetings/${planned.meeting.id}/historical-cases`, historicalCase({ number: '1/30' }))).status).toBe(409);
    expect((await w.clients.staff.post(`/api/meetings/${planned.meeting.id}/historical-approval`, {})).status).toBe(409);
    // Approved minutes close it.
    expect((await w.clients.staff.post(`/api/meetings/${id}/historical-approval`, {})).status).toBe(200);
    expect((await w.clients.staff.post(`/api/meetings/${id}/historical-cases`, historicalCase({ number: '6/16' }))).status).toBe(409);
    expect((await w.clients.staff.post(`/api/meetings/${id}/historical-approval`, {})).status).toBe(409);
    expect((await w.clients.staff.delete(`/api/meetings/${id}`)).status).toBe(409);
    // A taken meeting number in the year.
    expect((await w.clients.staff.post('/api/meetings/historical', register({ date: '2016-09-10', number: 1 }))).status).toBe(409);
  });

  it('answers 400 for a date from today on and for missing fields, writing nothing', async () => {
    const count = (await database.db.select().from(meetings)).length;
    const future = await w.clients.staff.post('/api/meetings/historical', register({ date: '2099-01-01' }));
    expect(future.status).toBe(400);
    expect((await future.json()).error.fields[0].path).toBe('date');
    const bad = await w.clients.staff.post('/api/meetings/historical', { bodyId: 'x', date: '2017-13-40', place: '' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['bodyId', 'date', 'place']));
    expect((await database.db.select().from(meetings)).length).toBe(count);

    const view = await (await w.clients.staff.post('/api/meetings/historical', register({ date: '2015-02-02' }))).json();
    const empty = await w.clients.staff.post(`/api/meetings/${view.meeting.id}/historical-cases`, { number: ' ', title: '', decisionText: '' });
    expect(empty.status).toBe(400);
    expect((await empty.json()).error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['number', 'title', 'decisionText']));
    const exempt = await w.clients.staff.post(`/api/meetings/${view.meeting.id}/historical-cases`, historicalCase({ number: '1/15', access: 'unntatt' }));
    expect(exempt.status).toBe(400);
    expect((await exempt.json()).error.fields.map((f: { path: string }) => f.path)).toEqual(['publicTitle', 'legalBasisId']);
  });

  it('answers 401, 403 and 404', async () => {
    expect((await w.clients.anon.post('/api/meetings/historical', register())).status).toBe(401);
    expect((await w.clients.council.post('/api/meetings/historical', register())).status).toBe(403);
    expect((await w.clients.municipality.post('/api/meetings/historical', register())).status).toBe(403);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await w.clients.anon.post(`/api/meetings/${missing}/historical-cases`, historicalCase())).status).toBe(401);
    expect((await w.clients.council.post(`/api/meetings/${missing}/historical-cases`, historicalCase())).status).toBe(403);
    expect((await w.clients.council.post(`/api/meetings/${missing}/historical-approval`, {})).status).toBe(403);
    expect((await w.clients.staff.post(`/api/meetings/${missing}/historical-cases`, historicalCase())).status).toBe(404);
    expect((await w.clients.staff.post(`/api/meetings/${missing}/historical-approval`, {})).status).toBe(404);
  });

  describe('correcting and removing a case entered from the papers', () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    async function meetingWithCases(date: string, numbers: string[]) {
      const view = await json(await w.clients.staff.post('/api/meetings/historical', register({ date })), 201);
      const added = [];
      for (const number of numbers) {
        added.push(await json(await w.clients.staff.post(`/api/meetings/${view.meeting.id}/historical-cases`, historicalCase({ number, title: `Sak ${number}` })), 201));
      }
      return { meetingId: view.meeting.id as string, cases: added as { id: string; revision: number; number: string }[] };
    }
    const caseRow = async (id: string) => (await database.db.select().from(cases).where(eq(cases.id, id)))[0];

    it('corrects number, title and decision with the revision read, audited; the public sees the correction', async () => {
      const { meetingId, cases: [c] } = await meetingWithCases('2014-03-03', ['3/14']);
      const res = await json(await w.clients.staff.patch(`/api/historical-cases/${c!.id}`, {
        revision: c!.revision, number: ' 4/14 ', title: 'Budsjett 2015 (rettet)', decisionText: 'Budsjettet vedtas som foreslått.',
      }), 200);
      expect(res).toMatchObject({ id: c!.id, number: '4/14', title: 'Budsjett 2015 (rettet)', decisionText: 'Budsjettet vedtas som foreslått.', revision: c!.revision + 1 });
      expect(await caseRow(c!.id)).toMatchObject({ number: '4/14', numberLocked: true, sequence: 0 });
      const audit = (await auditOf(c!.id)).find((a) => a.action === 'update');
      expect(audit).toMatchObject({ before: expect.objectContaining({ number: '3/14', title: 'Sak 3/14' }), after: expect.objectContaining({ number: '4/14' }) });
      // Exempt and back: the public title and the legal basis go with the access.
      const exempt = await json(await w.clients.staff.patch(`/api/historical-cases/${c!.id}`, {
        revision: res.revision, access: 'unntatt', publicTitle: 'Personalsak', legalBasisId: basisId,
      }), 200);
      expect(exempt).toMatchObject({ access: 'unntatt', publicTitle: 'Personalsak' });
      const back = await json(await w.clients.staff.patch(`/api/historical-cases/${c!.id}`, { revision: exempt.revision, access: 'offentlig' }), 200);
      expect(back).toMatchObject({ access: 'offentlig', publicTitle: null, legalBasis: null });
      await json(await w.clients.staff.post(`/api/meetings/${meetingId}/publish`, {}), 200);
      await json(await w.clients.staff.post(`/api/meetings/${meetingId}/historical-approval`, {}), 200);
      const pub = await json(await w.clients.anon.get(`/api/public/meetings/${meetingId}`), 200);
      expect(pub.cases[0]).toMatchObject({ number: '4/14', title: 'Budsjett 2015 (rettet)', decisionText: 'Budsjettet vedtas som foreslått.' });
    });

    it('follows the revision convention: stale refused, nothing written, one of two at once', async () => {
      const { cases: [c] } = await meetingWithCases('2014-04-04', ['7/14']);
      await checkRevisionConvention({
        path: `/api/historical-cases/${c!.id}`,
        read: async () => { const row = await caseRow(c!.id); return { revision: row!.revision, value: row!.title }; },
        edits: [{ body: { title: 'Første retting' }, value: 'Første retting' }, { body: { title: 'Andre retting' }, value: 'Andre retting' }],
        answered: (body) => body.revision,
        editors: [w.clients.staff, w.clients.admin],
      });
    });

    it('deletes with the revision read, closes up the agenda, audited', async () => {
      const { meetingId, cases: [, b, c] } = await meetingWithCases('2014-05-05', ['10/14', '11/14', '12/14']);
      const agendaBefore = (await database.db.select().from(meetings).where(eq(meetings.id, meetingId)))[0]!.agendaRevision;
      const stale = await json(await w.clients.staff.delete(`/api/historical-cases/${b!.id}?revision=${b!.revision + 1}`), 409);
      expect(stale.error).toMatchObject({ code: 'stale', current: { revision: b!.revision } });
      expect(await caseRow(b!.id)).toBeDefined();
      await json(await w.clients.staff.delete(`/api/historical-cases/${b!.id}`), 400);
      expect((await w.clients.staff.delete(`/api/historical-cases/${b!.id}?revision=${b!.revision}`)).status).toBe(204);
      expect(await caseRow(b!.id)).toBeUndefined();
      const view = await json(await w.clients.staff.get(`/api/meetings/${meetingId}`), 200);
      expect(view.cases.map((x: { number: string }) => x.number)).toEqual(['10/14', '12/14']);
      expect((await caseRow(c!.id))!.position).toBe(2);
      expect(view.meeting.agendaRevision).toBe(agendaBefore + 1);
      expect((await auditOf(b!.id)).map((x) => x.action)).toEqual(['create', 'delete']);
      // The freed number can be entered again.
      await json(await w.clients.staff.post(`/api/meetings/${meetingId}/historical-cases`, historicalCase({ number: '11/14' })), 201);
    });

    it('answers 400 for bad fields and 409 for a taken number, an ordinary case and approved minutes, writing nothing', async () => {
      const { meetingId, cases: [c, d] } = await meetingWithCases('2014-06-06', ['20/14', '21/14']);
      const empty = await json(await w.clients.staff.patch(`/api/historical-cases/${c!.id}`, { revision: c!.revision, number: ' ', title: '', decisionText: '' }), 400);
      expect(empty.error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['number', 'title', 'decisionText']));
      const exempt = await json(await w.clients.staff.patch(`/api/historical-cases/${c!.id}`, { revision: c!.revision, access: 'unntatt' }), 400);
      expect(exempt.error.fields.map((f: { path: string }) => f.path)).toEqual(['publicTitle', 'legalBasisId']);
      await json(await w.clients.staff.patch(`/api/historical-cases/${c!.id}`, { revision: c!.revision, title: 'x' }), 200);
      const now = (await caseRow(c!.id))!;
      // Unique within the body: another case of this meeting, or of another meeting (12/17 above), any case.
      expect((await w.clients.staff.patch(`/api/historical-cases/${c!.id}`, { revision: now.revision, number: '21/14' })).status).toBe(409);
      expect((await w.clients.staff.patch(`/api/historical-cases/${c!.id}`, { revision: now.revision, number: '12/17' })).status).toBe(409);
      // Its own number in another case is no conflict.
      await json(await w.clients.staff.patch(`/api/historical-cases/${c!.id}`, { revision: now.revision, number: '20/14' }), 200);
      // An ordinary meeting's case is not corrected or removed here.
      const planned = await json(await w.clients.staff.post('/api/meetings', { bodyId: w.board.id, date: '2031-01-10', startTime: '09:00', place: 'Molde' }), 201);
      const ordinary = planned.cases[0];
      expect((await w.clients.staff.patch(`/api/historical-cases/${ordinary.id}`, { revision: ordinary.revision, title: 'x' })).status).toBe(409);
      expect((await w.clients.staff.delete(`/api/historical-cases/${ordinary.id}?revision=${ordinary.revision}`)).status).toBe(409);
      // Approved minutes close it.
      await json(await w.clients.staff.post(`/api/meetings/${meetingId}/historical-approval`, {}), 200);
      const closed = (await caseRow(d!.id))!;
      expect((await json(await w.clients.staff.patch(`/api/historical-cases/${d!.id}`, { revision: closed.revision, title: 'Sent' }), 409)).error.code).toBe('minutes_approved');
      expect((await w.clients.staff.delete(`/api/historical-cases/${d!.id}?revision=${closed.revision}`)).status).toBe(409);
      expect(await caseRow(d!.id)).toEqual(closed);
    });

    it('answers 401, 403 and 404', async () => {
      const { cases: [c] } = await meetingWithCases('2014-07-07', ['30/14']);
      for (const [client, status] of [[w.clients.anon, 401], [w.clients.council, 403], [w.clients.municipality, 403]] as const) {
        expect((await client.patch(`/api/historical-cases/${c!.id}`, { revision: c!.revision, title: 'x' })).status).toBe(status);
        expect((await client.delete(`/api/historical-cases/${c!.id}?revision=${c!.revision}`)).status).toBe(status);
      }
      expect((await w.clients.staff.patch(`/api/historical-cases/${missing}`, { revision: 1, title: 'x' })).status).toBe(404);
      expect((await w.clients.staff.delete(`/api/historical-cases/${missing}?revision=1`)).status).toBe(404);
      expect(await caseRow(c!.id)).toMatchObject({ title: 'Sak 30/14', revision: c!.revision });
    });
  });

  it('has a date only when the papers give no time: null in the views, no time row in the minutes PDF', async () => {
    const view = await json(await w.clients.staff.post('/api/meetings/historical', register({ date: '2013-09-09' })), 201);
    const id = view.meeting.id;
    expect(view.meeting.startTime).toBeNull();
    await json(await w.clients.staff.post(`/api/meetings/${id}/historical-cases`, historicalCase({ number: '40/13' })), 201);
    await json(await w.clients.staff.post(`/api/meetings/${id}/publish`, {}), 200);
    await json(await w.clients.staff.post(`/api/meetings/${id}/historical-approval`, {}), 200);
    expect((await json(await w.clients.anon.get(`/api/public/meetings/${id}`), 200)).meeting.startTime).toBeNull();
    const { meetings: listed } = await json(await w.clients.anon.get('/api/public/meetings'), 200);
    expect(listed.find((m: { id: string }) => m.id === id)).toMatchObject({ startTime: null });
    const text = async (client: typeof w.clients.anon) => {
      const res = await client.get(`/api/meetings/${id}/minutes.pdf`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('moetereferat-godkjent.pdf');
      return pdfText(Buffer.from(await res.arrayBuffer())).replace(/\s+/g, ' ');
    };
    for (const client of [w.clients.staff, w.clients.anon]) {
      const minutes = await text(client);
      expect(minutes).toContain('Dato Sted 09.09.2013 Molde rådhus');
      expect(minutes).toContain('40/13');
      expect(minutes).not.toContain('Tid');
      expect(minutes).not.toContain('00:00');
      // Approved on paper: no draft mark on what the archive and the public read.
      expect(minutes).toMatch(/Godkjent etter papirreferatet; registrert i samrad \d{2}\.\d{2}\.\d{4}/);
      expect(minutes).not.toContain('Utkast');
    }
  });

  it('keeps a time the papers give, and lets it be cleared again; a called meeting must have one', async () => {
    const view = await json(await w.clients.staff.post('/api/meetings/historical', register({ date: '2013-10-10', startTime: '10:00' })), 201);
    expect(view.meeting.startTime).toBe('10:00');
    const cleared = await json(await w.clients.staff.patch(`/api/meetings/${view.meeting.id}`, { revision: view.meeting.revision, startTime: null }), 200);
    expect(cleared.meeting.startTime).toBeNull();
    const planned = await json(await w.clients.staff.post('/api/meetings', { bodyId: w.board.id, date: '2032-01-10', startTime: '09:00', place: 'Molde' }), 201);
    const refused = await json(await w.clients.staff.patch(`/api/meetings/${planned.meeting.id}`, { revision: planned.meeting.revision, startTime: null }), 400);
    expect(refused.error.fields).toEqual([{ path: 'startTime', message: 'Starttid må fylles ut' }]);
    expect((await json(await w.clients.staff.get(`/api/meetings/${planned.meeting.id}`), 200)).meeting.startTime).toBe('09:00');
  });
});
