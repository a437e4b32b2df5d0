// What the public reads of a published meeting at each stage (docs/decisions/0016), over HTTP: the
// meeting's time and place once published; the agenda and case papers once the notice is sent; the
// decisions, votes and attendance once the minutes are approved. A municipality user reads as the
// public does; staff read everything at every stage. JSON, PDFs, attachments and search agree.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/db.js';
import { TestClient } from '../../../test/app.js';
import { attendance, cases, meetings } from '../schema.js';
import { SAMPLE_FILES, startGovernanceWorld, TGovernanceWorld, uploadForm } from '../test-factories.js';

let database: TestDatabase;
let w: TGovernanceWorld;
let meetingId: string;
let caseId: string;
let attachmentId: string;

const DRAFT = { title: 'Kamelsak om nytt nettverk', decision: 'Sebravedtak om kontrakt', treatment: 'Giraffbehandling i møtet' };

beforeAll(async () => {
  ({ database, w } = await startGovernanceWorld('st'));
  const staff = w.clients.staff;
  meetingId = (await (await staff.post('/api/meetings', { bodyId: w.council.id, date: '2023-12-13', startTime: '09:00', endTime: '12:00', place: 'Molde rådhus' })).json()).meeting.id;
  const created = await (await staff.post(`/api/meetings/${meetingId}/cases`, {
    title: DRAFT.title, caseType: 'vedtak', presenterIds: [w.fred.id], description: 'Om nettverket.', proposal: 'Vedtas.',
  })).json();
  caseId = created.id;
  attachmentId = (await (await staff.post(`/api/cases/${caseId}/attachments`, uploadForm('Tilbud.pdf', SAMPLE_FILES.pdf))).json()).id;
  expect((await staff.post(`/api/meetings/${meetingId}/publish`)).status).toBe(200);
});
afterAll(() => database.drop());

/** Everything the public can ask about this meeting, as status codes and what the JSON holds. */
async function publicReading(client: TestClient) {
  const view = await client.get(`/api/public/meetings/${meetingId}`);
  const body = await view.json();
  const search = async (q: string) => (await (await client.get(`/api/public/search?q=${encodeURIComponent(q)}`)).json()).hits.length;
  const status = async (path: string) => (await client.get(path)).status;
  return {
    view: view.status,
    withheld: body.withheld,
    cases: body.cases.map((c: { title: string; decisionText: string | null; treatment: string | null }) => [c.title, c.decisionText, c.treatment]),
    attendance: body.attendance.length,
    noticePdf: await status(`/api/meetings/${meetingId}/notice.pdf`),
    minutesPdf: await status(`/api/meetings/${meetingId}/minutes.pdf`),
    presentationPdf: await status(`/api/cases/${caseId}/presentation.pdf`),
    attachment: await status(`/api/attachments/${attachmentId}`),
    searchTitle: await search('Kamelsak'),
    searchDecision: await search('Sebravedtak'),
  };
}

async function expectStage(expected: Awaited<ReturnType<typeof publicReading>>) {
  expect(await publicReading(w.clients.anon)).toEqual(expected);
  expect(await publicReading(w.clients.municipality)).toEqual(expected);
  // Staff read the meeting in full at every stage.
  const full = await (await w.clients.staff.get(`/api/meetings/${meetingId}`)).json();
  expect(full.withheld).toEqual([]);
  expect(full.cases.find((c: { id: string }) => c.id === caseId)).toMatchObject({ title: DRAFT.title });
}

describe('a published meeting, stage by stage', () => {
  it('before the notice is sent: the meeting is announced, its agenda and papers are not public', async () => {
    await expectStage({
      view: 200, withheld: ['agenda', 'minutes'], cases: [], attendance: 0,
      noticePdf: 404, minutesPdf: 404, presentationPdf: 404, attachment: 404, searchTitle: 0, searchDecision: 0,
    });
  });

  it('once the notice is sent: the agenda and case papers are public, no decision yet', async () => {
    await database.db.update(meetings).set({ noticeVersion: 1, status: 'innkalt' }).where(eq(meetings.id, meetingId));
    const agenda = await publicReading(w.clients.anon);
    expect(agenda.cases.map((c: unknown[]) => c[0])).toContain(DRAFT.title);
    await expectStage({
      view: 200, withheld: ['minutes'], cases: agenda.cases, attendance: 0,
      noticePdf: 200, minutesPdf: 404, presentationPdf: 200, attachment: 200, searchTitle: 1, searchDecision: 0,
    });
    expect(agenda.cases.every((c: unknown[]) => c[1] === null && c[2] === null)).toBe(true);
  });

  it('held, with decisions and attendance recorded: the draft minutes stay internal, the case leaves public search until approval', async () => {
    await database.db.update(meetings).set({ status: 'avholdt' }).where(eq(meetings.id, meetingId));
    await database.db.update(cases).set({ decisionKind: 'vedtak', decisionText: DRAFT.decision, treatment: DRAFT.treatment }).where(eq(cases.id, caseId));
    await database.db.insert(attendance).values({ meetingId, personId: w.marianne.id, role: 'til_stede', municipalityId: w.aukra.id });
    const held = await publicReading(w.clients.anon);
    expect(JSON.stringify(held)).not.toMatch(/Sebravedtak|Giraffbehandling/);
    await expectStage({
      view: 200, withheld: ['minutes'], cases: held.cases, attendance: 0,
      noticePdf: 200, minutesPdf: 404, presentationPdf: 200, attachment: 200, searchTitle: 0, searchDecision: 0,
    });
    const raw = await (await w.clients.anon.get(`/api/public/meetings/${meetingId}`)).text();
    expect(raw).not.toMatch(/Sebravedtak|Giraffbehandling|Aasen/);
  });

  it('once the minutes are approved: decisions, treatment and attendance are public', async () => {
    await database.db.update(meetings).set({ status: 'godkjent', minutesApprovedAt: new Date() }).where(eq(meetings.id, meetingId));
    const approved = await publicReading(w.clients.anon);
    expect(approved.cases).toContainEqual([DRAFT.title, DRAFT.decision, DRAFT.treatment]);
    await expectStage({
      view: 200, withheld: [], cases: approved.cases, attendance: 1,
      noticePdf: 200, minutesPdf: 200, presentationPdf: 200, attachment: 200, searchTitle: 1, searchDecision: 1,
    });
  });
});
