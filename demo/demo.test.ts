// The demo cooperation as a user meets it: the four accounts sign in, the 2023 M6 agenda and its
// notice match seed 000, the exempt ST 38/18 leaks nothing to the public, and loading is all-or-nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/test/db.js';
import { createTestApp, createTestFileStore, TestClient, type TestApp } from '../src/test/app.js';
import { readAccessOf } from '../src/modules/governance/policy.js';
import { getMeetingView } from '../src/modules/governance/views.service.js';
import { isRedactedCase } from '../src/modules/governance/model.js';
import { bodies, cooperations, municipalities, people, users } from '../src/modules/org/schema.js';
import { archivedDocuments, cases, meetings } from '../src/modules/governance/schema.js';
import { budgets } from '../src/modules/economy/schema.js';
import { sdTickets } from '../src/modules/servicedesk/schema.js';
import type { FileStore } from '../src/lib/files/store.js';
import { accounts, DEMO_PASSWORD, meeting2018Styret, meeting2023M6, ST38_EXEMPT_TITLE } from './data/index.js';
import { loadDemoIfEmpty } from './load.js';
import { demoVolume } from './servicedesk/load.js';

// The quarter-size service-desk history: these tests are about the papers, and it keeps the load short.
// The app and the loader share one file store: the demo's attachments and approved minutes are in it.
const files = createTestFileStore();
const demoOptions = { serviceDesk: demoVolume('small'), files };

/** A file store that counts the files it is given and refuses the n-th (none when n is 0). */
function countingFileStore(store: FileStore, refuseAt = 0) {
  const counted: FileStore & { stored: number } = { ...store, stored: 0 };
  counted.put = async (source) => {
    counted.stored += 1;
    if (counted.stored === refuseAt) throw new Error('the file store refuses the last file');
    return store.put(source);
  };
  return counted;
}

// Seed 000, first page: what the notice of 2023 M6 must list.
const SEED_000_AGENDA = [
  { number: '2023/M6-001', title: 'Godkjenning av innkalling og saksliste', presenters: ['Aasen, Marianne Stokkereit'] },
  { number: '2023/M6-002', title: 'Godkjenning av møtereferat', presenters: ['Aasen, Marianne Stokkereit'] },
  { number: '2023/M6-003', title: 'Økonomi- og aktivitetsrapport', presenters: ['Gjørtz, Fred'] },
  {
    number: '2023/M6-004', title: 'Orienteringssaker',
    presenters: ['Kristengård, Mette Kristin', 'Gjørtz, Fred', 'Spilling, Thormod', 'Mathisen, Elisabeth Sande'],
  },
];

let database: TestDatabase;
let app: TestApp;
let loadMs = 0;

async function meetingId(year: number, number: number, bodyName: string) {
  const [row] = await database.db.select({ id: meetings.id }).from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(and(eq(meetings.year, year), eq(meetings.number, number), eq(bodies.name, bodyName)));
  if (!row) throw new Error(`no meeting ${year}/M${number} of ${bodyName}`);
  return row.id;
}

/** How many files the load stores; the last is the public copy of the last approved minutes, the load's last step. */
let filesStoredByLoad = 0;
/** The load's own bound (below) is the limit for the hook and the test that load it, not vitest's 60 s and 30 s. */
const LOAD_TIMEOUT_MS = 300_000;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db, {}, files);
  const start = performance.now();
  const counting = countingFileStore(files);
  expect(await loadDemoIfEmpty(database.db, { ...demoOptions, files: counting })).toBe(true);
  filesStoredByLoad = counting.stored;
  loadMs = performance.now() - start;
  console.log(`demo loaded in ${Math.round(loadMs)} ms`);
}, LOAD_TIMEOUT_MS);
afterAll(() => database.drop());

describe('loading the demo', () => {
  it('takes a few seconds at most and happens once', async () => {
    // A few seconds on an idle machine. The bound only catches an order-of-magnitude regression: on a
    // machine running several suites at once (load average 17 on 2 CPUs) the same load took 36 s, and
    // with two CI runs side by side it passed 120 s.
    expect(loadMs).toBeLessThan(LOAD_TIMEOUT_MS);
    expect(await loadDemoIfEmpty(database.db, demoOptions)).toBe(false);
    expect((await database.db.select({ n: count() }).from(cooperations))[0]!.n).toBe(1);
  });

  it('leaves nothing behind when its last step fails', async () => {
    const other = await createTestDatabase();
    try {
      // The load's last write is the public PDF of the last approved minutes, after the meetings, the
      // economy and the whole service-desk history: refusing it must roll back everything before it.
      const failing = countingFileStore(createTestFileStore(), filesStoredByLoad);
      await expect(loadDemoIfEmpty(other.db, { ...demoOptions, files: failing })).rejects.toThrow('the file store refuses the last file');
      expect(failing.stored).toBe(filesStoredByLoad);
      for (const table of [cooperations, municipalities, bodies, people, users, meetings, cases, archivedDocuments, budgets, sdTickets]) {
        expect((await other.db.select({ n: count() }).from(table))[0]!.n).toBe(0);
      }
    } finally {
      await other.drop();
    }
  }, LOAD_TIMEOUT_MS);

  it('numbers every case as the papers do and approves 2024 M1 by 2024/M2-002 and 2024 M2 by 2024/M3-002', async () => {
    const rows = await database.db.select({ number: cases.number, locked: cases.numberLocked }).from(cases);
    const numbers = rows.map((r) => r.number);
    for (const n of ['ST 34/18', 'ST 38/18', 'ST 39/18', 'ST 40/18', '2023/M6-004', '2024/M1-002', '2024/M2-007']) {
      expect(numbers).toContain(n);
    }
    expect(rows.every((r) => r.locked)).toBe(true);
    const [m1] = await database.db.select().from(meetings).where(eq(meetings.id, await meetingId(2024, 1, 'Samarbeidsrådet for ROR-IKT')));
    const [approving] = await database.db.select({ id: cases.id }).from(cases).where(eq(cases.number, '2024/M2-002'));
    expect(m1!.status).toBe('godkjent');
    expect(m1!.minutesApprovedByCaseId).toBe(approving!.id);
    const [m2] = await database.db.select().from(meetings).where(eq(meetings.id, await meetingId(2024, 2, 'Samarbeidsrådet for ROR-IKT')));
    const [approvingM2] = await database.db.select({ id: cases.id }).from(cases).where(eq(cases.number, '2024/M3-002'));
    expect(m2!.status).toBe('godkjent');
    expect(m2!.minutesApprovedByCaseId).toBe(approvingM2!.id);
    expect(m2!.minutesPdfSha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('demo accounts', () => {
  it.each(accounts.map((a) => [a.email, a.role] as const))('%s signs in as %s', async (email, role) => {
    const res = await new TestClient(app).post('/api/auth/login', { email, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect((await res.json()).user).toMatchObject({ email, role });
  });

  it('the municipality account belongs to Molde', async () => {
    const res = await new TestClient(app).post('/api/auth/login', { email: 'ansatt@molde.demo.samrad.no', password: DEMO_PASSWORD });
    const [molde] = await database.db.select().from(municipalities).where(eq(municipalities.name, 'Molde'));
    expect((await res.json()).user.municipalityId).toBe(molde!.id);
  });
});

describe('2023 M6 as in seed 000', () => {
  it('has exactly the four cases with the numbers, titles and presenters of the notice', async () => {
    const id = await meetingId(2023, 6, 'Samarbeidsrådet for ROR-IKT');
    const view = await getMeetingView(database.db, id, 'public');
    expect(view.meeting).toMatchObject({ date: '2023-12-13', published: true, noticeVersion: 1 });
    const agenda = view.cases.map((c) => (isRedactedCase(c) ? c : { number: c.number, title: c.title, presenters: c.presenters }));
    expect(agenda).toEqual(SEED_000_AGENDA);
    const report = view.cases[2]!;
    expect(isRedactedCase(report)).toBe(false);
    if (!isRedactedCase(report)) {
      expect(report.caseType).toBe('orientering');
      expect(report.attachments.map((a) => a.filename)).toEqual(['2023.12.13 Aktivitetsrapport per 1.12.2023.pdf']);
      expect(report.attachments[0]!.contentType).toBe('application/pdf');
    }
  });

  it('reads the same through the API as a council member', async () => {
    const client = await new TestClient(app).login('rad@demo.samrad.no', DEMO_PASSWORD);
    const res = await client.get(`/api/meetings/${await meetingId(2023, 6, 'Samarbeidsrådet for ROR-IKT')}`);
    expect(res.status).toBe(200);
    const body = await res.json() as { cases: { number: string; title: string; presenters: string[] }[] };
    expect(body.cases.map((c) => ({ number: c.number, title: c.title, presenters: c.presenters }))).toEqual(SEED_000_AGENDA);
  });

  it('prints them in the notice PDF', async () => {
    const client = await new TestClient(app).login('leder@demo.samrad.no', DEMO_PASSWORD);
    const res = await client.get(`/api/meetings/${await meetingId(2023, 6, 'Samarbeidsrådet for ROR-IKT')}/notice.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/pdf');
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    for (const c of SEED_000_AGENDA) {
      expect(text).toContain(c.number);
      expect(text).toContain(c.title);
      for (const p of c.presenters) expect(text).toContain(p);
    }
  });
});

describe('the exempt case ST 38/18', () => {
  const exempt = meeting2018Styret.cases.find((c) => c.number === 'ST 38/18')!;

  it('shows the public only its number, public title and legal basis (view)', async () => {
    const view = await getMeetingView(database.db, await meetingId(2018, 5, 'Styret for ROR-IKT'), 'public');
    const json = JSON.stringify(view);
    expect(json).not.toContain(ST38_EXEMPT_TITLE);
    expect(json).not.toContain(exempt.description!);
    const st38 = view.cases.find((c) => c.number === 'ST 38/18')!;
    expect(st38).toEqual({
      access: 'unntatt', number: 'ST 38/18', publicTitle: 'Sak unntatt offentlighet',
      legalBasis: 'Unntatt offentlighet, offl. § 13 første ledd, jf. fvl. § 13 første ledd nr. 2',
    });
  });

  it('leaks nothing through GET /api/public/meetings/{id}', async () => {
    const res = await new TestClient(app).get(`/api/public/meetings/${await meetingId(2018, 5, 'Styret for ROR-IKT')}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('ST 38/18');
    expect(text).toContain('Sak unntatt offentlighet');
    expect(text).not.toContain(ST38_EXEMPT_TITLE);
    expect(text).not.toContain(exempt.description!);
    // The public case next to it is there with its papers; its decision waits for approved minutes (decision 0016).
    expect(text).toContain('Styret tar de foreslåtte endringene til orientering');
    expect(text).not.toContain('De foreslåtte endringene tas til orientering og videre behandling i Bestillerutvalget.');
  });

  it('leaks nothing through the public PDFs, the public search or the case presentation', async () => {
    const anonymous = new TestClient(app);
    const moldeUser = await new TestClient(app).login('ansatt@molde.demo.samrad.no', DEMO_PASSWORD);
    const id = await meetingId(2018, 5, 'Styret for ROR-IKT');
    // Words of the real title and description; PDF text may wrap at the hyphen, so look for the parts.
    const secrets = ['Veien videre', 'arkivsystem', 'vurderinger av leverandører'];
    for (const client of [anonymous, moldeUser]) {
      const notice = await client.get(`/api/meetings/${id}/notice.pdf`);
      expect(notice.status).toBe(200);
      const text = pdfText(Buffer.from(await notice.arrayBuffer()));
      expect(text).toContain('ST 38/18');
      expect(text).toContain('Sak unntatt offentlighet');
      for (const secret of secrets) expect(text).not.toContain(secret);
      // The 2018 minutes were never approved in the seeds: draft minutes are not public at all (decision 0016).
      expect((await client.get(`/api/meetings/${id}/minutes.pdf`)).status).toBe(404);
      for (const q of ['sak-arkivsystem', 'Veien videre', 'leverandører']) {
        const res = await client.get(`/api/public/search?q=${encodeURIComponent(q)}`);
        expect(res.status).toBe(200);
        const text = await res.text();
        for (const secret of secrets) expect(text).not.toContain(secret);
      }
      const [st38] = await database.db.select({ id: cases.id }).from(cases).where(eq(cases.number, 'ST 38/18'));
      const presentation = await client.get(`/api/cases/${st38!.id}/presentation.pdf`);
      expect(presentation.status).toBe(404);
    }
  });

  it('is there in full for the council', async () => {
    const [user] = await database.db.select().from(users).where(eq(users.email, 'rad@demo.samrad.no'));
    const view = await getMeetingView(database.db, await meetingId(2018, 5, 'Styret for ROR-IKT'), readAccessOf({
      id: user!.id, email: user!.email, name: user!.name, role: 'council', municipalityId: user!.municipalityId, personId: user!.personId,
    }));
    expect(JSON.stringify(view)).toContain(ST38_EXEMPT_TITLE);
  });
});

describe('2024 M2 as in seed 003', () => {
  it('records attendance, referents and the decisions', async () => {
    const view = await getMeetingView(database.db, await meetingId(2024, 2, 'Samarbeidsrådet for ROR-IKT'), 'public');
    expect(view.meeting).toMatchObject({ date: '2024-03-13', startTime: '08:15', endTime: '11:00', place: 'Del (Storgata 33, 3.etg)' });
    const byRole = (role: string) => view.attendance.filter((a) => a.role === role).map((a) => a.name);
    expect(byRole('til_stede')).toHaveLength(8);
    expect(byRole('forfall')).toEqual(['Spilling, Thormod', 'Skjølberg, Hege-Beate']);
    expect(byRole('referent')).toEqual(['Gjørtz, Fred', 'Kristengård, Mette Kristin']);
    const c002 = view.cases.find((c) => c.number === '2024/M2-002');
    expect(c002 && !isRedactedCase(c002) && c002.decisionText).toBe('Møtereferat fra møtet 14.02.2024 godkjent');
    expect(view.cases).toHaveLength(7);
  });
});

describe('papers generated from the demo', () => {
  it('prints the saksframlegg of ST 39/18 as seed 001 has it', async () => {
    const client = await new TestClient(app).login('rad@demo.samrad.no', DEMO_PASSWORD);
    const [st39] = await database.db.select({ id: cases.id }).from(cases).where(eq(cases.number, 'ST 39/18'));
    const res = await client.get(`/api/cases/${st39!.id}/presentation.pdf`);
    expect(res.status).toBe(200);
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    for (const expected of [
      'Endringer i saksbehandling ROR-IKT Servicedesk', '033', '2016/2947-0', 'Fred Gjørtz', '25.09.2018',
      'Styret for ROR-IKT', '03.10.2018', 'Daglig leders forslag til vedtak', 'Styret tar de foreslåtte endringene til orientering',
      'Lukking av løste saker', '3-2-1',
    ]) expect(text).toContain(expected);
  });

  it('serves the approved minutes of 2024 M2 with attendance, decisions and treatment (seed 003)', async () => {
    const res = await new TestClient(app).get(`/api/meetings/${await meetingId(2024, 2, 'Samarbeidsrådet for ROR-IKT')}/minutes.pdf`);
    expect(res.status).toBe(200);
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    for (const expected of [
      '13.03.2024', '08:15', 'Del (Storgata 33, 3.etg)', 'Gjørtz, Fred', 'Skjølberg, Hege-Beate', 'Kristengård, Mette Kristin',
      '2024/M2-004', 'Omorganisering Molde kommune', 'Møtereferat fra møtet 14.02.2024 godkjent',
      'hhv. 85% og 15%', 'Innovasjonsløypa skal følges', '2024/M3-002',
    ]) expect(text).toContain(expected);
  });

  it('serves the approved minutes of 2024 M1 as archived, naming the approving case', async () => {
    const res = await new TestClient(app).get(`/api/meetings/${await meetingId(2024, 1, 'Samarbeidsrådet for ROR-IKT')}/minutes.pdf`);
    expect(res.status).toBe(200);
    expect(pdfText(Buffer.from(await res.arrayBuffer()))).toContain('2024/M2-002');
  });
});

// The 2023 M6 data file and this test must agree; a drift between them would hide a transcription error.
it('the data file holds the agenda of seed 000', () => {
  expect(meeting2023M6.cases.map((c) => c.number)).toEqual(SEED_000_AGENDA.map((c) => c.number));
});

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'samrad-demo-'));
  try {
    const file = path.join(dir, 'notice.pdf');
    writeFileSync(file, pdf);
    // Without -layout, so a name the template wraps across lines still reads as one string after this.
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
