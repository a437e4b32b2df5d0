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
import { seed000Investment, seed000InvestmentSum, seed000Operating, seed000OperatingSum } from './economy-data.js';
import { reports } from '../src/modules/reports/schema.js';

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

/** The demo pipeline's split at the council's decision (demo/data/portfolio.ts), in kroner. */
const DEMO_SPLIT_AT_DECISION = { Molde: 668_572, Hustadvika: 349_714, Aukra: 181_714 };

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
/** The limit for the hook that loads the demo, not vitest's 60 s (the time itself: bench/timed-checks.ts). */
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
  it('happens once', async () => {
    // How long it takes (a few seconds on an idle machine; 36 s at load average 17 on 2 CPUs, past 120 s
    // with two CI runs side by side) is measured in bench/timed-checks.ts, not bounded here.
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

describe('the innovation pipeline', () => {
  it('has a proposal that went faggruppe → porteføljeråd → samarbeidsråd, each step a case that links back', async () => {
    const client = await new TestClient(app).login('rad@demo.samrad.no', DEMO_PASSWORD);
    const { proposals } = await (await client.get('/api/portfolio/proposals')).json() as { proposals: { id: string; title: string; stage: string; caseCount: number }[] };
    // The proposal staff may still send stays as it was (demo/portfolio.test.ts).
    expect(proposals.map((p) => [p.title, p.stage, p.caseCount])).toEqual([
      ['Felles krav og sjekkliste for kjøp av skytjenester', 'forslag', 0],
      ['Felles responssenter for velferdsteknologi', 'vedtatt', 3],
    ]);
    const p = await (await client.get(`/api/portfolio/proposals/${proposals[1]!.id}`)).json();
    expect(p.cases.map((c: { step: string; number: string; bodyName: string; meetingDate: string; decisionText: string }) => [c.step, c.number, c.bodyName, c.meetingDate, c.decisionText.split(' ').slice(0, 2).join(' ')])).toEqual([
      ['faggruppe', '2024/M1-003', 'Faggruppe helse og velferd', '2024-04-24', 'Faggruppen anbefaler'],
      ['portefoljerad', '2024/M1-003', 'Porteføljerådet', '2024-05-08', 'Porteføljerådet anbefaler'],
      ['samarbeidsrad', '2024/M4-003', 'Samarbeidsrådet for ROR-IKT', '2024-06-12', 'Samarbeidsrådet vedtar'],
    ]);
    expect(p.decision).toMatchObject({ outcome: 'go', decidedOn: '2024-06-12', model: 'fixedPlusPopulation', fixedPercent: 30, basisYear: 2024, totalOre: 120_000_000 });
    expect(p.decision.payers.map((m: { name: string }) => m.name)).toEqual(['Aukra', 'Hustadvika', 'Molde']);
    for (const c of p.cases) {
      const { links } = await (await client.get(`/api/portfolio/meetings/${c.meetingId}/proposals`)).json();
      expect(links).toEqual([{ caseId: c.caseId, proposalId: p.id, title: p.title, stage: 'vedtatt', step: c.step }]);
    }
    const split = await (await client.get(`/api/portfolio/proposals/${p.id}/cost-split`)).json();
    expect(split.steps.map((s: { kind: string; municipalityName: string | null }) => [s.kind, s.municipalityName])).toEqual([['decision', null], ['join', 'Rauma']]);
    for (const s of split.steps) expect(s.positions.reduce((sum: number, x: { netOre: number }) => sum + x.netOre, 0)).toBe(120_000_000);
    expect(Object.fromEntries(split.steps[0].positions.map((x: { name: string; netOre: number }) => [x.name, x.netOre / 100]))).toEqual(DEMO_SPLIT_AT_DECISION);
  });

  it('holds an investment project per investment line of seed 000 §1.2, with the economy\'s figures of 1.12.2023', async () => {
    const client = await new TestClient(app).login('rad@demo.samrad.no', DEMO_PASSWORD);
    const status = await (await client.get('/api/portfolio/investments?asOf=2023-12-01')).json() as {
      rows: { title: string; figures: { actual: number; budget: number; deviation: number; forecast: number } | null }[];
    };
    expect(status.rows.map((r) => [r.title, r.figures?.actual, r.figures?.budget, r.figures?.deviation, r.figures?.forecast])).toEqual(seed000Investment);
  });

  it('ties the seeds\' procurements to the council cases that report on them', async () => {
    const client = await new TestClient(app).login('rad@demo.samrad.no', DEMO_PASSWORD);
    const { procurements } = await (await client.get('/api/portfolio/procurements')).json() as { procurements: { title: string; cases: { number: string }[] }[] };
    expect(procurements.map((p) => [p.title, p.cases.map((c) => c.number)])).toEqual([
      ['Nytt system for lønn, økonomi og personal (LØP)', ['2024/M2-003', '2024/M2-007']],
      ['Sikkerhetspartner (DigiMR)', ['2023/M6-004', '2024/M2-007']],
    ]);
  });

  it('leaves the council\'s 2024 M1–M3 and every published meeting as the papers have them', async () => {
    // The pipeline's meetings are not published: the public sees the same meetings as before.
    const res = await new TestClient(app).get('/api/public/meetings?year=2024');
    expect(res.status).toBe(200);
    const published = (await res.json() as { meetings: { bodyName: string; numberLabel: string }[] }).meetings;
    expect(published.map((m) => `${m.bodyName} ${m.numberLabel}`).sort()).toEqual(['M1', 'M2', 'M3'].map((n) => `Samarbeidsrådet for ROR-IKT ${n}`));
    const council2024 = await database.db.select({ number: meetings.number }).from(meetings).innerJoin(bodies, eq(bodies.id, meetings.bodyId))
      .where(and(eq(meetings.year, 2024), eq(bodies.name, 'Samarbeidsrådet for ROR-IKT')));
    expect(council2024.map((m) => m.number).sort()).toEqual([1, 2, 3, 4]);
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
      // The approved activity report itself (seed 000 names the file "2023.12.13 Aktivitetsrapport per 1.12.2023.pdf").
      expect(report.attachments.map((a) => a.filename)).toEqual(['Aktivitetsrapport per 1.12.2023.pdf']);
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

// Seed 000's report: every section number and heading, in the paper's order (the OCR's letters repaired).
const SEED_000_SECTIONS: [string, string][] = [
  ['1', 'Økonomirapport'], ['1.1', 'Driftskostnader'], ['1.2', 'Investeringskostnader'],
  ['2', 'Aktiviteter'], ['2.1', 'Kundeservice'], ['2.1.1', 'Rullering av PC-er'], ['2.1.2', 'Spør Rakel'],
  ['2.1.3', 'Støtte ifm. Helseplattformen'], ['2.1.4', 'Kompetanseportalen'], ['2.1.5', 'Support'],
  ['2.1.5.1', 'Nye feil og forespørsler fordelt på kategori'], ['2.1.5.2', 'Nye feil og forespørsler fordelt på kommune'],
  ['2.1.5.3', 'Oversikt over feilmeldinger'], ['2.1.5.4', 'Oversikt over tjenesteforespørsler'],
  ['2.1.5.5', 'Feilmeldinger og tjenesteforespørsler'], ['2.1.5.6', 'Overholdelse av tjenestenivåavtalen – SLA'],
  ['2.1.5.7', 'Gjennomsnittlig løsningstid på innmeldte feil'],
  ['2.2', 'Oppvekst og utdanning'], ['2.2.1', 'Forberedelse stenging av nett Hustadvika under tentamen'],
  ['2.2.2', 'Arbeid med diverse suppleringsavtaler'], ['2.2.3', 'Optimert barnehage'], ['2.2.4', 'Visma Flyt Samspill'],
  ['2.2.4.1', 'Visma Sikker Sak'], ['2.2.4.2', 'Intune skole'], ['2.2.5', 'Hustadvika inn i ROR-IKT'],
  ['2.3', 'Helse og velferd'], ['2.3.1', 'Helseplattformen'], ['2.3.2', 'Matilda'], ['2.3.3', 'Socio'],
  ['2.3.4', 'Legekontor og fagapplikasjon Hove Total'], ['2.3.5', 'Advisor 247 – portal for advokater'], ['2.3.6', 'Legevaktsentral'],
  ['2.4', 'Teknisk'], ['2.4.1', 'Status pågående byggprosjekter'], ['2.4.2', 'Smart data og dataplattform'],
  ['2.5', 'Dokumentasjonsforvaltning'], ['2.5.1', 'Teknisk/historisk arkivløsning'], ['2.5.2', 'Sak/arkiv'],
  ['2.5.2.1', 'eByggesak for Hustadvika'], ['2.5.2.2', 'P360'], ['2.5.3', 'Digital transformasjon'], ['2.5.4', 'Faggruppen'],
  ['2.6', 'Informasjonssikkerhet'], ['2.6.1', 'Generelt'], ['2.6.1.1', 'KommuneCERT'], ['2.6.2', 'Faggruppen'],
  ['2.6.2.1', 'KS – informasjonssikkerhetskampanje om personvern og informasjonssikkerhet'], ['2.6.2.2', 'Forms i skolen'],
  ['2.6.2.3', 'Phishing'], ['2.6.2.4', 'Styringssystem'], ['2.6.3', 'DigiMR'], ['2.6.3.1', 'Sikkerhetspartner'],
  ['2.6.3.2', 'Trygg digitalisering'], ['2.6.3.3', 'Samarbeid med fagnettverk oppvekst'], ['2.7', 'Microsoft 365'],
  ['2.8', 'Lønn og personal'], ['2.8.1', 'MERkompetanse'], ['2.8.2', 'Integrasjon mellom HRM og Public 360'], ['2.8.3', 'HRM som master'],
  ['2.9', 'Økonomi og administrasjon'], ['2.9.1', 'LØP-prosess'], ['2.9.2', 'Arbeid i faggruppen'],
  ['2.10', 'Portal og innbyggerdialog'], ['2.10.1', 'Faggruppen'], ['2.10.2', 'Hustadvika'], ['2.11', 'Driftstekniske aktiviteter'],
  ['3', 'Definisjoner og begreper'],
];

type TReportJson = {
  id: string; title: string; status: string; version: number; approvedAt: string | null; approvedByName: string | null;
  published: boolean; previousReportId: string | null; acceptances: { municipalityName: string; acceptedOn: string | null }[];
  sections: { id: string; number: string; title: string; changes: { blocks: string[]; changed: boolean } | null; blocks: { type: string; frozenAt: string | null }[] }[];
};
type TBlockJson = { type: string; frozen: boolean; data: { tables: { rows: { cells: string[]; sum?: boolean }[]; columns: { label: string }[] }[]; charts: { categories: string[] }[]; source: string } };

async function demoReport(asOf: string) {
  const [row] = await database.db.select({ id: reports.id }).from(reports).where(and(eq(reports.asOf, asOf), eq(reports.archived, false)));
  if (!row) throw new Error(`no report per ${asOf}`);
  const leader = await new TestClient(app).login('leder@demo.samrad.no', DEMO_PASSWORD);
  const report = await (await leader.get(`/api/reports/${row.id}`)).json() as TReportJson;
  const { blocks } = await (await leader.get(`/api/reports/${row.id}/data`)).json() as { blocks: TBlockJson[] };
  return { leader, report, blocks };
}

/** A printed figure ("25 858", "−2 265", "–") as a number; a dash is nothing, 0. */
const figure = (cell: string) => (/^[–-]$/.test(cell.trim()) ? 0 : Number(cell.replace(/[\s\u00a0\u202f]/g, '').replace('−', '-')));
const tableOf = (block: TBlockJson) => block.data.tables[0]!.rows.map((r) => [r.cells[0], ...r.cells.slice(1, 5).map(figure)]);

describe('the activity report per 1.12.2023 (seed 000)', () => {
  it('is approved, published and attached to 2023/M6-003 before the notice went out', async () => {
    const { report } = await demoReport('2023-12-01');
    expect(report).toMatchObject({ title: 'Aktivitetsrapport per 1.12.2023', status: 'godkjent', version: 1, approvedAt: '2023-12-05', approvedByName: 'Fred Gjørtz', published: true });
    const [row] = await database.db.select().from(reports).where(eq(reports.id, report.id));
    const [c] = await database.db.select().from(cases).where(eq(cases.number, '2023/M6-003'));
    expect(row!.attachmentId).not.toBeNull();
    expect(row!.meetingId).toBe(c!.meetingId);
    expect(report.sections.map((s) => [s.number, s.title])).toEqual(SEED_000_SECTIONS);
  });

  it('prints the economy tables with exactly seed 000\'s figures, frozen on approval', async () => {
    const { blocks } = await demoReport('2023-12-01');
    const operating = blocks.find((b) => b.type === 'economy.operating')!;
    const investment = blocks.find((b) => b.type === 'economy.investment')!;
    expect(operating.frozen && investment.frozen).toBe(true);
    expect(tableOf(operating)).toEqual([...seed000Operating, ['SUM', ...seed000OperatingSum]]);
    expect(tableOf(investment)).toEqual([...seed000Investment, ['SUM', ...seed000InvestmentSum]]);
  });

  it('has a live block for every table and chart of seed 000 samrad holds data for', async () => {
    const { report, blocks } = await demoReport('2023-12-01');
    const typesIn = (n: string) => report.sections.find((s) => s.number === n)!.blocks.map((b) => b.type);
    expect(typesIn('2.1.1')).toEqual(['equipment.pc-status']);
    expect(typesIn('2.4.1')).toEqual(['portfolio.buildingProjects']);
    expect(typesIn('2.1.5.1')).toEqual(['servicedesk.new-by-category']);
    expect(typesIn('2.1.5.2')).toEqual(['servicedesk.new-by-municipality']);
    expect(typesIn('2.1.5.3')).toEqual(['servicedesk.open-per-month']);
    expect(typesIn('2.1.5.4')).toEqual(['servicedesk.open-per-month']);
    expect(typesIn('2.1.5.5')).toEqual(['servicedesk.open-per-month']);
    expect(typesIn('2.1.5.6')).toEqual(['servicedesk.critical-incidents']);
    expect(typesIn('2.1.5.7')).toEqual(['servicedesk.resolution-time', 'servicedesk.phone']);
    expect(typesIn('3')).toEqual(['reports.glossary']);
    expect(blocks.every((b) => b.frozen && b.data.source === 'live')).toBe(true);
    // Seed 000's months: August–November for tickets, October–November for incidents.
    const byCategory = blocks.find((b) => b.type === 'servicedesk.new-by-category')!;
    const months = byCategory.data.tables[0]!.columns.slice(1).map((c) => c.label);
    expect(months).toHaveLength(4);
    expect(months[0]).toMatch(/^aug/i);
    expect(months[3]).toMatch(/^nov/i);
    const incidents = JSON.stringify(blocks.find((b) => b.type === 'servicedesk.critical-incidents')!.data);
    expect(incidents).toContain('SystemX Midsund');
    expect(incidents).toContain('Gerica mobil');
    // Seed 000 §2.1.1's Sum row, frozen (demo/equipment.test.ts checks every figure).
    const pcs = blocks.find((b) => b.type === 'equipment.pc-status')!;
    expect(pcs.data.tables[0]!.rows.at(-1)!.cells).toEqual(['Sum', '', '798', '488', '320', '30', '1\u202f182', '1\u202f182']);
    // Seed 000 §2.4.1, frozen at week 48 (demo/portfolio.test.ts checks every row).
    const building = blocks.find((b) => b.type === 'portfolio.buildingProjects')!;
    expect(JSON.stringify(building.data)).toContain('Status pågående byggprosjekter, uke 48');
    expect(building.data.tables[0]!.rows.map((r) => r.cells[0])).toContain('Fræna sjukeheim');
  });

  it('prints seed 000\'s section numbers and headings in order in its PDF', async () => {
    const { leader, report } = await demoReport('2023-12-01');
    const res = await leader.get(`/api/reports/${report.id}/report.pdf`);
    expect(res.status).toBe(200);
    const text = pdfText(Buffer.from(await res.arrayBuffer()));
    // After the table of contents (which lists them too): the body's headings, each after the one before.
    let at = text.indexOf('3 Definisjoner og begreper');
    expect(at).toBeGreaterThan(0);
    for (const [number, title] of SEED_000_SECTIONS) {
      const next = text.indexOf(`${number} ${title}`, at + 1);
      expect(next, `${number} ${title}`).toBeGreaterThan(at);
      at = next;
    }
    for (const expected of ['Versjon', 'Godkjent', '05.12.2023', 'Fred Gjørtz', '77 257', '84 127', '8 188', '14 500']) {
      expect(text.replace(/[\u00a0\u202f]/g, ' ')).toContain(expected);
    }
  });
});

describe('the later reports', () => {
  it('has a draft per 1.3.2024 carried forward from the approved report, with 1.1 begun anew', async () => {
    const approved = (await demoReport('2023-12-01')).report;
    const { report, blocks } = await demoReport('2024-03-01');
    expect(report).toMatchObject({ status: 'utkast', previousReportId: approved.id, approvedAt: null });
    expect(report.sections.map((s) => [s.number, s.title])).toEqual(SEED_000_SECTIONS);
    const drift = report.sections.find((s) => s.number === '1.1')!;
    expect(drift.changes!.changed).toBe(true);
    expect(drift.changes!.blocks[0]).toBe('added');
    expect(drift.changes!.blocks.slice(1).every((b) => b === 'same')).toBe(true);
    expect(report.sections.find((s) => s.number === '1.2')!.changes!.changed).toBe(false);
    expect(blocks.every((b) => !b.frozen)).toBe(true);
  });

  it('has an annual report 2023 that compares with 2021 and 2022, entered figures where samrad has none', async () => {
    const { report, blocks } = await demoReport('2023-12-31');
    expect(report).toMatchObject({ title: 'Årsrapport 2023', status: 'godkjent', approvedAt: '2024-02-20' });
    expect(report.acceptances.map((a) => [a.municipalityName, a.acceptedOn])).toEqual([
      ['Aukra', '2024-03-19'], ['Hustadvika', null], ['Molde', '2024-03-14'], ['Rauma', null], ['Vestnes', null],
    ]);
    for (const type of ['economy.result', 'servicedesk.by-channel', 'servicedesk.phone-yearly', 'governance.meetings-and-cases', 'reports.staffing', 'reports.sick-leave']) {
      const b = blocks.find((x) => x.type === type)!;
      const labels = JSON.stringify(b.data.tables[0]!.columns);
      for (const y of ['2021', '2022', '2023']) expect(labels, `${type} ${y}`).toContain(y);
    }
    expect(blocks.find((b) => b.type === 'economy.result')!.data.source).toBe('mixed');
    expect(blocks.find((b) => b.type === 'reports.staffing')!.data.source).toBe('entered');
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
