import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { TestDatabase } from '../../../test/db.js';
import { TestClient } from '../../../test/app.js';
import { auditLog } from '../../audit/schema.js';
import { casePresenters, cases, meetings } from '../schema.js';
import { legalBasisByCode, SAMPLE_FILES, startGovernanceWorld, TGovernanceWorld } from '../test-factories.js';
import { putFresh } from './versions.fixture.js';

let database: TestDatabase;
let w: TGovernanceWorld;
let basisId: string;
const NONE = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  ({ database, w } = await startGovernanceWorld('cs'));
  basisId = (await legalBasisByCode(database.db, 'offl-13-fvl-13-1-2')).id;
});
afterAll(() => database.drop());
const put = (client: TestClient, path: string, body: Record<string, unknown>) => putFresh(database.db)(client, path, body);

let day = 0;
async function newMeeting(bodyId = w.council.id) {
  day++;
  const res = await w.clients.staff.post('/api/meetings', {
    bodyId, date: `2023-01-${String(day).padStart(2, '0')}`, startTime: '09:00', place: 'Molde',
  });
  expect(res.status).toBe(201);
  return (await res.json()).meeting as { id: string; number: number; revision: number };
}
const numbers = async (meetingId: string) =>
  (await (await w.clients.staff.get(`/api/meetings/${meetingId}`)).json()).cases.map((c: { number: string; title: string }) => `${c.number} ${c.title}`);

describe('POST /api/meetings/{id}/cases', () => {
  it('adds a case with presenters, numbered after the standing cases', async () => {
    const m = await newMeeting();
    const res = await w.clients.staff.post(`/api/meetings/${m.id}/cases`, {
      title: 'Økonomi- og aktivitetsrapport', caseType: 'orientering', presenterIds: [w.fred.id],
      description: 'Saken gjelder orientering om økonomistatus.', proposalKind: 'enighet', proposal: 'Tas til orientering.',
      presentation: { archiveCode: '033', caseFolder: '2016/2947-0', caseOfficer: 'Fred Gjørtz', date: '2018-09-20', body: 'Saksopplysninger' },
    });
    expect(res.status).toBe(201);
    const c = await res.json();
    expect(c).toMatchObject({
      number: `2023/M${m.number}-003`, position: 3, presenters: ['Gjørtz, Fred'], caseType: 'orientering',
      proposalKind: 'enighet', access: 'offentlig', legalBasis: null, revision: 1,
      presentation: { caseFolder: '2016/2947-0' },
    });
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'case'), eq(auditLog.entityId, c.id)));
    expect(audit.length).toBe(1);
  });

  it('requires a public title and a legal basis for an exempt case (400 with fields, nothing written)', async () => {
    const m = await newMeeting();
    const res = await w.clients.staff.post(`/api/meetings/${m.id}/cases`, { title: 'Hemmelig', caseType: 'vedtak', access: 'unntatt' });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['legalBasisId', 'publicTitle']);
    expect((await database.db.select().from(cases).where(eq(cases.meetingId, m.id))).length).toBe(2);
    const ok = await w.clients.staff.post(`/api/meetings/${m.id}/cases`, {
      title: 'Veien videre for nytt sak-arkivsystem', caseType: 'vedtak', access: 'unntatt', publicTitle: 'Sak-arkivsystem', legalBasisId: basisId,
    });
    expect(ok.status).toBe(201);
    expect((await ok.json()).legalBasis).toBe('Unntatt offentlighet, offl. § 13 første ledd, jf. fvl. § 13 første ledd nr. 2');
  });

  it('refuses unknown presenters and legal bases with field messages, and writes nothing', async () => {
    const m = await newMeeting();
    const res = await w.clients.staff.post(`/api/meetings/${m.id}/cases`, {
      title: 'X', caseType: 'vedtak', presenterIds: [NONE], access: 'unntatt', publicTitle: 'Y', legalBasisId: NONE,
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['legalBasisId', 'presenterIds']);
    expect((await database.db.select().from(cases).where(eq(cases.meetingId, m.id))).length).toBe(2);
  });

  it('answers 401, 403, 400 and 404', async () => {
    const m = await newMeeting();
    const body = { title: 'Sak', caseType: 'vedtak' };
    expect((await w.clients.anon.post(`/api/meetings/${m.id}/cases`, body)).status).toBe(401);
    expect((await w.clients.council.post(`/api/meetings/${m.id}/cases`, body)).status).toBe(403);
    const bad = await w.clients.staff.post(`/api/meetings/${m.id}/cases`, { title: '', caseType: 'beslutning' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['caseType', 'title']);
    expect((await w.clients.staff.post(`/api/meetings/${NONE}/cases`, body)).status).toBe(404);
  });

  it('inserts at a position and renumbers the unlocked cases', async () => {
    const m = await newMeeting();
    await w.clients.staff.post(`/api/meetings/${m.id}/cases`, { title: 'Orienteringssaker', caseType: 'orientering' });
    await w.clients.staff.post(`/api/meetings/${m.id}/cases`, { title: 'Budsjett', caseType: 'vedtak', position: 3 });
    expect(await numbers(m.id)).toEqual([
      `2023/M${m.number}-001 Godkjenning av innkalling og saksliste`,
      `2023/M${m.number}-002 Godkjenning av møtereferat`,
      `2023/M${m.number}-003 Budsjett`,
      `2023/M${m.number}-004 Orienteringssaker`,
    ]);
  });
});

describe('PUT /api/meetings/{id}/agenda (reorder)', () => {
  it('renumbers before the notice; after it, locked numbers stay and a new case gets the next free number', async () => {
    const m = await newMeeting();
    const a = await (await w.clients.staff.post(`/api/meetings/${m.id}/cases`, { title: 'A', caseType: 'vedtak' })).json();
    const b = await (await w.clients.staff.post(`/api/meetings/${m.id}/cases`, { title: 'B', caseType: 'vedtak' })).json();
    const view = await (await w.clients.staff.get(`/api/meetings/${m.id}`)).json();
    const [s1, s2] = view.cases.map((c: { id: string }) => c.id);
    const n = (s: number) => `2023/M${m.number}-${String(s).padStart(3, '0')}`;

    const reordered = await put(w.clients.staff, `/api/meetings/${m.id}/agenda`, { order: [s1, s2, b.id, a.id] });
    expect(reordered.status).toBe(200);
    expect((await reordered.json()).cases.map((c: { number: string; title: string }) => `${c.number} ${c.title}`))
      .toEqual([`${n(1)} Godkjenning av innkalling og saksliste`, `${n(2)} Godkjenning av møtereferat`, `${n(3)} B`, `${n(4)} A`]);

    // The notice sender locks the numbers it sent out.
    await database.db.update(cases).set({ numberLocked: true }).where(eq(cases.meetingId, m.id));
    const c = await (await w.clients.staff.post(`/api/meetings/${m.id}/cases`, { title: 'C', caseType: 'vedtak', position: 3 })).json();
    expect(c.number).toBe(n(5));
    await put(w.clients.staff, `/api/meetings/${m.id}/agenda`, { order: [s1, s2, a.id, c.id, b.id] });
    expect(await numbers(m.id)).toEqual([
      `${n(1)} Godkjenning av innkalling og saksliste`, `${n(2)} Godkjenning av møtereferat`, `${n(4)} A`, `${n(5)} C`, `${n(3)} B`,
    ]);
  });

  it('refuses a list made from an older agenda (409) and duplicates (400), and leaves the order as it was', async () => {
    const m = await newMeeting();
    const view = await (await w.clients.staff.get(`/api/meetings/${m.id}`)).json();
    const [s1, s2] = view.cases.map((c: { id: string }) => c.id);
    await w.clients.staff.post(`/api/meetings/${m.id}/cases`, { title: 'Ny', caseType: 'vedtak' });
    expect((await put(w.clients.staff, `/api/meetings/${m.id}/agenda`, { order: [s2, s1] })).status).toBe(409);
    const dup = await put(w.clients.staff, `/api/meetings/${m.id}/agenda`, { order: [s2, s2, s1] });
    expect(dup.status).toBe(400);
    expect((await dup.json()).error.fields[0].path).toBe('order');
    expect((await numbers(m.id))[0]).toMatch(/001 Godkjenning av innkalling/);
    expect((await put(w.clients.anon, `/api/meetings/${m.id}/agenda`, { order: [s1] })).status).toBe(401);
    expect((await put(w.clients.council, `/api/meetings/${m.id}/agenda`, { order: [s1] })).status).toBe(403);
    expect((await put(w.clients.staff, `/api/meetings/${m.id}/agenda`, { order: [] })).status).toBe(400);
    expect((await put(w.clients.staff, `/api/meetings/${NONE}/agenda`, { order: [s1] })).status).toBe(404);
  });

  it('keeps running numbers (ST n/yy) in meeting order: later unlocked meetings follow, locked numbers stay', async () => {
    const m1 = await newMeeting(w.board.id);
    const m2 = await newMeeting(w.board.id);
    expect(await numbers(m2.id)).toEqual(['ST 3/23 Godkjenning av innkalling og saksliste', 'ST 4/23 Godkjenning av møtereferat']);
    const extra = await (await w.clients.staff.post(`/api/meetings/${m1.id}/cases`, { title: 'Endringer i saksbehandling', caseType: 'vedtak', position: 1 })).json();
    expect(await numbers(m1.id)).toEqual([
      'ST 1/23 Endringer i saksbehandling', 'ST 2/23 Godkjenning av innkalling og saksliste', 'ST 3/23 Godkjenning av møtereferat',
    ]);
    expect(extra.number).toBe('ST 1/23');
    expect(await numbers(m2.id)).toEqual(['ST 4/23 Godkjenning av innkalling og saksliste', 'ST 5/23 Godkjenning av møtereferat']);
    // Once M2's notice is out, a case added to M1 cannot take M2's numbers: it gets the next free one.
    await database.db.update(cases).set({ numberLocked: true }).where(eq(cases.meetingId, m2.id));
    const late = await (await w.clients.staff.post(`/api/meetings/${m1.id}/cases`, { title: 'Eventuelt', caseType: 'diskusjon' })).json();
    expect(late.number).toBe('ST 6/23');
    expect(await numbers(m2.id)).toEqual(['ST 4/23 Godkjenning av innkalling og saksliste', 'ST 5/23 Godkjenning av møtereferat']);
  });
});

describe('running numbers from a given start', () => {
  it('starts a meeting at firstCaseSequence (a body that began mid-year: ST 34/18), and the next meeting follows', async () => {
    const res = await w.clients.staff.post('/api/meetings', {
      bodyId: w.board.id, date: '2018-10-03', startTime: '09:00', place: 'Molde', firstCaseSequence: 34,
    });
    expect(res.status).toBe(201);
    const first = await res.json();
    expect(first.meeting.firstCaseSequence).toBe(34);
    expect(first.cases.map((c: { number: string }) => c.number)).toEqual(['ST 34/18', 'ST 35/18']);
    const next = await (await w.clients.staff.post('/api/meetings', { bodyId: w.board.id, date: '2018-12-13', startTime: '09:00', place: 'Molde' })).json();
    expect(next.cases.map((c: { number: string }) => c.number)).toEqual(['ST 36/18', 'ST 37/18']);
    const moved = await w.clients.staff.patch(`/api/meetings/${first.meeting.id}`, { revision: first.meeting.revision, firstCaseSequence: 30 });
    expect((await moved.json()).cases.map((c: { number: string }) => c.number)).toEqual(['ST 30/18', 'ST 31/18']);
    expect(await numbers(next.meeting.id)).toEqual(['ST 32/18 Godkjenning av innkalling og saksliste', 'ST 33/18 Godkjenning av møtereferat']);
    const bad = await w.clients.staff.post('/api/meetings', { bodyId: w.board.id, date: '2018-12-20', startTime: '09:00', place: 'Molde', firstCaseSequence: 0 });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields[0].path).toBe('firstCaseSequence');
  });
});

describe('GET /api/cases/{id}', () => {
  it('gives council the exempt case in full and a municipality user only the redacted form of a published one', async () => {
    const m = await newMeeting();
    const c = await (await w.clients.staff.post(`/api/meetings/${m.id}/cases`, {
      title: 'Hemmelig tittel', caseType: 'vedtak', access: 'unntatt', publicTitle: 'Offentlig tittel', legalBasisId: basisId, description: 'Hemmelig tekst',
    })).json();
    expect((await (await w.clients.council.get(`/api/cases/${c.id}`)).json()).title).toBe('Hemmelig tittel');
    expect((await w.clients.municipality.get(`/api/cases/${c.id}`)).status).toBe(404);
    await w.clients.staff.post(`/api/meetings/${m.id}/publish`);
    // The case papers are public once the notice is sent (decision 0016).
    await database.db.update(meetings).set({ noticeVersion: 1 }).where(eq(meetings.id, m.id));
    const redacted = await (await w.clients.municipality.get(`/api/cases/${c.id}`)).json();
    expect(redacted).toEqual({ access: 'unntatt', number: c.number, publicTitle: 'Offentlig tittel', legalBasis: c.legalBasis });
    expect((await w.clients.anon.get(`/api/cases/${c.id}`)).status).toBe(401);
    expect((await w.clients.staff.get(`/api/cases/${NONE}`)).status).toBe(404);
    expect((await w.clients.staff.get('/api/cases/123')).status).toBe(400);
  });
});

describe('PATCH /api/cases/{id}', () => {
  it('updates with the revision read; a stale revision gets 409 and changes nothing', async () => {
    const m = await newMeeting();
    const c = await (await w.clients.staff.post(`/api/meetings/${m.id}/cases`, { title: 'Første', caseType: 'vedtak', presenterIds: [w.fred.id] })).json();
    const first = await w.clients.staff.patch(`/api/cases/${c.id}`, { revision: 1, title: 'Andre', presenterIds: [w.marianne.id, w.fred.id] });
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ title: 'Andre', revision: 2, presenters: ['Aasen, Marianne Stokkereit', 'Gjørtz, Fred'] });
    // A second editor still holding revision 1:
    const stale = await w.clients.admin.patch(`/api/cases/${c.id}`, { revision: 1, title: 'Tredje', presenterIds: [] });
    expect(stale.status).toBe(409);
    const [row] = await database.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row).toMatchObject({ title: 'Andre', revision: 2 });
    expect((await database.db.select().from(casePresenters).where(eq(casePresenters.caseId, c.id))).length).toBe(2);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'case'), eq(auditLog.entityId, c.id))).orderBy(auditLog.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(audit[1]!.before).toMatchObject({ title: 'Første' });
    expect(audit[1]!.after).toMatchObject({ title: 'Andre' });
  });

  it('refuses to make a case exempt without public title and legal basis; clears them when made public', async () => {
    const m = await newMeeting();
    const c = await (await w.clients.staff.post(`/api/meetings/${m.id}/cases`, { title: 'Sak', caseType: 'vedtak' })).json();
    const bad = await w.clients.staff.patch(`/api/cases/${c.id}`, { revision: 1, access: 'unntatt' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['legalBasisId', 'publicTitle']);
    const [unchanged] = await database.db.select().from(cases).where(eq(cases.id, c.id));
    expect(unchanged).toMatchObject({ access: 'offentlig', revision: 1 });
    const ok = await (await w.clients.staff.patch(`/api/cases/${c.id}`, { revision: 1, access: 'unntatt', publicTitle: 'Nøytral', legalBasisId: basisId })).json();
    expect(ok).toMatchObject({ access: 'unntatt', publicTitle: 'Nøytral', revision: 2 });
    const back = await (await w.clients.staff.patch(`/api/cases/${c.id}`, { revision: 2, access: 'offentlig' })).json();
    expect(back).toMatchObject({ access: 'offentlig', publicTitle: null, legalBasisId: null, legalBasis: null });
  });

  it('answers 401, 403, 400 and 404', async () => {
    const m = await newMeeting();
    const c = await (await w.clients.staff.post(`/api/meetings/${m.id}/cases`, { title: 'Sak', caseType: 'vedtak' })).json();
    expect((await w.clients.anon.patch(`/api/cases/${c.id}`, { revision: 1 })).status).toBe(401);
    expect((await w.clients.council.patch(`/api/cases/${c.id}`, { revision: 1 })).status).toBe(403);
    expect((await w.clients.municipality.patch(`/api/cases/${c.id}`, { revision: 1 })).status).toBe(403);
    const bad = await w.clients.staff.patch(`/api/cases/${c.id}`, { title: 'x', presentation: { date: '20.09.2018' } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['presentation.body', 'presentation.date', 'revision']);
    expect((await w.clients.staff.patch(`/api/cases/${NONE}`, { revision: 1, title: 'Ny tittel' })).status).toBe(404);
  });
});

describe('DELETE /api/cases/{id}', () => {
  it('deletes an unlocked case and renumbers; refuses a locked one with 409', async () => {
    const m = await newMeeting();
    const a = await (await w.clients.staff.post(`/api/meetings/${m.id}/cases`, { title: 'A', caseType: 'vedtak' })).json();
    await w.clients.staff.post(`/api/meetings/${m.id}/cases`, { title: 'B', caseType: 'vedtak' });
    expect((await w.clients.anon.delete(`/api/cases/${a.id}`)).status).toBe(401);
    expect((await w.clients.council.delete(`/api/cases/${a.id}`)).status).toBe(403);
    expect((await w.clients.staff.delete(`/api/cases/${a.id}`)).status).toBe(204);
    expect((await numbers(m.id))[2]).toBe(`2023/M${m.number}-003 B`);
    expect((await w.clients.staff.delete(`/api/cases/${a.id}`)).status).toBe(404);
    const [standing] = await database.db.select().from(cases).where(and(eq(cases.meetingId, m.id), eq(cases.standing, 'referat')));
    const refused = await w.clients.staff.delete(`/api/cases/${standing!.id}`);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.message).toMatch(/fast sak/);

    await database.db.update(cases).set({ numberLocked: true }).where(eq(cases.meetingId, m.id));
    const [locked] = await database.db.select().from(cases).where(and(eq(cases.meetingId, m.id), eq(cases.position, 3)));
    expect((await w.clients.staff.delete(`/api/cases/${locked!.id}`)).status).toBe(409);
    expect((await database.db.select().from(cases).where(eq(cases.meetingId, m.id))).length).toBe(3);
  });
});

describe('after the minutes are approved', () => {
  it('refuses changes to the meeting, its agenda, its cases and their attachments with 409, changing nothing', async () => {
    const m = await newMeeting();
    const c = await (await w.clients.staff.post(`/api/meetings/${m.id}/cases`, { title: 'Vedtatt sak', caseType: 'vedtak' })).json();
    const form = new FormData();
    form.append('file', new File([new Uint8Array(SAMPLE_FILES.pdf)], 'vedlegg.pdf'));
    const file = await (await w.clients.staff.post(`/api/cases/${c.id}/attachments`, form)).json();
    await database.db.update(meetings).set({ status: 'godkjent', minutesApprovedAt: new Date() }).where(eq(meetings.id, m.id));
    const view = await (await w.clients.staff.get(`/api/meetings/${m.id}`)).json();
    const order = view.cases.map((x: { id: string }) => x.id).reverse();
    const again = new FormData();
    again.append('file', new File([new Uint8Array(SAMPLE_FILES.pdf)], 'nytt.pdf'));
    const attempts = [
      await w.clients.staff.patch(`/api/cases/${c.id}`, { revision: c.revision, title: 'Omskrevet' }),
      await w.clients.staff.post(`/api/meetings/${m.id}/cases`, { title: 'Etternølt', caseType: 'vedtak' }),
      await put(w.clients.staff, `/api/meetings/${m.id}/agenda`, { order }),
      await w.clients.staff.delete(`/api/cases/${c.id}`),
      await w.clients.staff.patch(`/api/meetings/${m.id}`, { revision: view.meeting.revision, place: 'Annet sted' }),
      await w.clients.staff.post(`/api/cases/${c.id}/attachments`, again),
      await w.clients.staff.delete(`/api/attachments/${file.id}`),
    ];
    expect(attempts.map((r) => r.status)).toEqual([409, 409, 409, 409, 409, 409, 409]);
    const after = await (await w.clients.staff.get(`/api/meetings/${m.id}`)).json();
    expect(after.cases).toEqual(view.cases);
    expect(after.meeting.place).toBe(view.meeting.place);
  });
});

describe('concurrent writers', () => {
  it('gives cases added at the same moment distinct numbers, and lets only one of two same-revision edits win', async () => {
    const m = await newMeeting();
    const added = await Promise.all(['A', 'B', 'C', 'D', 'E'].map((title) =>
      w.clients.staff.post(`/api/meetings/${m.id}/cases`, { title, caseType: 'vedtak' })));
    expect(added.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    const listed = await numbers(m.id);
    expect(new Set(listed.map((s: string) => s.split(' ')[0])).size).toBe(7);

    const c = await added[0]!.json();
    const edits = await Promise.all([
      w.clients.staff.patch(`/api/cases/${c.id}`, { revision: 1, title: 'Fra den ene' }),
      w.clients.admin.patch(`/api/cases/${c.id}`, { revision: 1, title: 'Fra den andre' }),
    ]);
    expect(edits.map((r) => r.status).sort()).toEqual([200, 409]);
    const [row] = await database.db.select().from(cases).where(eq(cases.id, c.id));
    expect(row!.revision).toBe(2);
  });
});
