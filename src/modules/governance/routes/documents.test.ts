// The papers as PDF for each reader: the public and municipality users get the redacted papers of
// published meetings only (404 otherwise) and an exempt case's content never appears in their PDFs;
// council and staff get everything. Checked on the extracted text of each PDF.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { TestDatabase } from '../../../test/db.js';
import type { TestClient } from '../../../test/app.js';
import { flatText } from '../../../documents/pdf-text.js';
import { cases, meetings } from '../schema.js';
import { SECRET, startCycle, type TCycle } from './cycle-fixture.js';
import { putFresh } from './versions.fixture.js';

let database: TestDatabase;
let cycle: TCycle;
let anon: TestClient, staff: TestClient, council: TestClient, muni: TestClient;

beforeAll(async () => {
  ({ database, cycle, anon, staff, council, muni } = await startCycle());
  // A decision on the exempt case, so the minutes have exempt content to keep back.
  const res = await putFresh(database.db)(staff, `/api/cases/${cycle.cases.c4.id}/decision`, { decisionKind: 'vedtak', decisionText: SECRET.decision, treatment: SECRET.treatment });
  expect(res.status).toBe(200);
});
afterAll(() => database.drop());

async function pdfOf(client: TestClient, path: string): Promise<{ text: string; raw: Buffer }> {
  const res = await client.get(path);
  const raw = Buffer.from(await res.arrayBuffer());
  expect(res.status, raw.toString('utf8').slice(0, 300)).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  expect(raw.subarray(0, 5).toString()).toBe('%PDF-');
  return { text: flatText(raw), raw };
}

const secrets = Object.values(SECRET);
const expectNoSecrets = (text: string) => { for (const s of secrets) expect(text).not.toContain(s); };

describe('GET /api/meetings/{id}/notice.pdf', () => {
  it('gives the public the redacted notice: number, public title and legal basis of the exempt case only', async () => {
    // Not before the notice is sent (decision 0016); then as sent (marked here, sent for real below).
    expect((await anon.get(`/api/meetings/${cycle.m6.id}/notice.pdf`)).status).toBe(404);
    await database.db.update(meetings).set({ noticeVersion: 1 }).where(eq(meetings.id, cycle.m6.id));
    onTestFinished(() => database.db.update(meetings).set({ noticeVersion: 0 }).where(eq(meetings.id, cycle.m6.id)).then(() => undefined));
    for (const client of [anon, muni]) {
      const { text } = await pdfOf(client, `/api/meetings/${cycle.m6.id}/notice.pdf`);
      expect(text).toContain('Agenda - 13. desember 2023');
      expect(text).toContain('2023/M6-003 Økonomi- og aktivitetsrapport');
      expect(text).toContain('2023/M6-004 Anskaffelse av sak-arkivsystem');
      expect(text).toContain('(Unntatt offentlighet, offl. § 23 første ledd)');
      expect(text).toContain('Aktivitetsrapport per 1.12.2023.pdf');
      expectNoSecrets(text);
    }
  });

  it('gives council and staff the full notice', async () => {
    for (const client of [council, staff]) {
      const { text } = await pdfOf(client, `/api/meetings/${cycle.m6.id}/notice.pdf`);
      expect(text).toContain(SECRET.title);
      expect(text).toContain(SECRET.description);
      expect(text).toContain(SECRET.presenter);
      expect(text).toContain(SECRET.attachment);
      expect(text).toContain('Aktivitetsrapport per 1.12.2023.pdf');
    }
  });

  it('answers 404 to the public for unpublished meetings, 400 for a bad id and 404 for an unknown one', async () => {
    expect((await anon.get(`/api/meetings/${cycle.m2.id}/notice.pdf`)).status).toBe(404);
    expect((await muni.get(`/api/meetings/${cycle.m2.id}/notice.pdf`)).status).toBe(404);
    expect((await council.get(`/api/meetings/${cycle.m2.id}/notice.pdf`)).status).toBe(200);
    const bad = await anon.get('/api/meetings/nope/notice.pdf');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields[0].path).toBe('id');
    expect((await anon.get(`/api/meetings/${cycle.m6.id}/notice.pdf?archive=2`)).status).toBe(400);
    expect((await staff.get(`/api/meetings/${randomUUID()}/notice.pdf`)).status).toBe(404);
  });

  it('says which version was sent and whether the agenda changed since', async () => {
    expect((await pdfOf(staff, `/api/meetings/${cycle.m6.id}/notice.pdf`)).text).toContain('Utkast, ikke sendt');
    const sent = await staff.post(`/api/meetings/${cycle.m6.id}/notice`);
    expect(sent.status).toBe(201);
    expect((await pdfOf(anon, `/api/meetings/${cycle.m6.id}/notice.pdf`)).text).toMatch(/Versjon 1, sendt \d\d\.\d\d\.\d{4} Dato/);
    await database.db.update(cases).set({ description: 'Ny beskrivelse' }).where(eq(cases.id, cycle.cases.c4.id));
    const { text } = await pdfOf(anon, `/api/meetings/${cycle.m6.id}/notice.pdf`);
    expect(text).toContain('Versjon 1, sendt');
    expect(text).toContain('endringer etter dette er ikke sendt ut');
    expect(text).not.toContain('Ny beskrivelse');
  });

  it('serves the notice of a realistic meeting in well under 200 ms over HTTP, database read included', async () => {
    await pdfOf(staff, `/api/meetings/${cycle.m6.id}/notice.pdf`);
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      const res = await anon.get(`/api/meetings/${cycle.m6.id}/notice.pdf`);
      await res.arrayBuffer();
      times.push(performance.now() - t);
      expect(res.status).toBe(200);
    }
    times.sort((a, b) => a - b);
    console.log(`GET notice.pdf (public, 4 cases): median ${times[5]!.toFixed(1)} ms, max ${times[9]!.toFixed(1)} ms`);
    // The 200 ms target is asserted on rendering alone (renderer.test.ts); here only a sanity bound, as CI shares the machine.
    expect(times[5]!).toBeLessThan(1000);
  });

  it('answers PDF/A-2a with ?archive=1', async () => {
    const { raw } = await pdfOf(staff, `/api/meetings/${cycle.m6.id}/notice.pdf?archive=1`);
    expect(raw.toString('latin1')).toMatch(/pdfaid:part(>|=")2/);
    expect(raw.toString('latin1')).toMatch(/pdfaid:conformance(>|=")A/);
  });
});

describe('GET /api/meetings/{id}/minutes.pdf', () => {
  it('never shows the public the exempt decision or treatment: draft minutes are not public at all', async () => {
    // Decision 0016: the public reads minutes once approved (the approved public copy is tested in minutes.test.ts).
    for (const client of [anon, muni]) {
      const res = await client.get(`/api/meetings/${cycle.m6.id}/minutes.pdf`);
      const body = await res.text();
      expect(res.status, body).toBe(404);
      expectNoSecrets(body);
    }
    const { text } = await pdfOf(staff, `/api/meetings/${cycle.m6.id}/minutes.pdf`);
    expect(text).toContain('Utkast: referatet er ikke godkjent');
  });

  it('shows council members the decision on the exempt case', async () => {
    const { text } = await pdfOf(council, `/api/meetings/${cycle.m6.id}/minutes.pdf`);
    expect(text).toContain(`Vedtak: ${SECRET.decision}`);
    expect(text).toContain(SECRET.treatment);
  });

  it('answers 404 to the public for unpublished and unknown meetings', async () => {
    expect((await anon.get(`/api/meetings/${cycle.m2.id}/minutes.pdf`)).status).toBe(404);
    expect((await anon.get(`/api/meetings/${randomUUID()}/minutes.pdf`)).status).toBe(404);
  });
});

describe('GET /api/cases/{id}/presentation.pdf', () => {
  it('renders the saksframlegg of a public case for anyone', async () => {
    const { text } = await pdfOf(anon, `/api/cases/${cycle.cases.c3.id}/presentation.pdf`);
    for (const s of ['Arkiv: 033', 'Saksmappe: 2023/1234-1', 'Saksbehandler: Fred Gjørtz', 'Dato: 01.12.2023', 'Saksframlegg',
      'Økonomi- og aktivitetsrapport', '2023/M6-003 Samarbeidsrådet for ROR-IKT 13.12.2023', 'Saksopplysninger om økonomien.']) {
      expect(text).toContain(s);
    }
  });

  it('does not exist for the public when the case is exempt or its meeting unpublished', async () => {
    expect((await anon.get(`/api/cases/${cycle.cases.c4.id}/presentation.pdf`)).status).toBe(404);
    expect((await muni.get(`/api/cases/${cycle.cases.c4.id}/presentation.pdf`)).status).toBe(404);
    expect((await anon.get(`/api/cases/${cycle.cases.m2Case.id}/presentation.pdf`)).status).toBe(404);
    expect((await anon.get(`/api/cases/${randomUUID()}/presentation.pdf`)).status).toBe(404);
    expect((await anon.get('/api/cases/nope/presentation.pdf')).status).toBe(400);
  });

  it('renders an exempt case in full for council members, with its legal basis', async () => {
    const { text } = await pdfOf(council, `/api/cases/${cycle.cases.c4.id}/presentation.pdf`);
    expect(text).toContain(SECRET.title);
    expect(text).toContain('(Unntatt offentlighet, offl. § 23 første ledd)');
  });
});
