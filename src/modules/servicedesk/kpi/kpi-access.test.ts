// The KPI pack through HTTP (JSON, XLSX cells, PDF text): who sees which incident in the critical and
// high list, which municipality's pack a municipality user may ask for, incidents-only resolution and
// attainment, and a municipality's own policy (targets shown, each ticket's own SLA result, import
// categories). February 2024 has no public holidays; the demo calendar's business day is 7.5 hours.
//
//  S  05.02 09:00 Molde  feilmelding  Høy     by Bjørn    «Sluttet ansatt – steng konto»  solved 10:00 (met)
//  A  06.02 09:00 Molde  feilmelding  Kritisk by Anne     «Skriveren i 3. etasje brenner» open
//  K  07.02 09:00 Aukra  feilmelding  Høy     by Cecilie  «Lønnssystemet nede i Aukra»    open
//  R  08.02 09:00 Molde  forespørsel  Høy     by Bjørn    «Ny tilgang for vikar»          solved 15:00 (not an incident)
//  M1 12.02 09:00 Molde  feilmelding  Medium                                               solved 11:00: 2 h, Molde's target 1 h (breached)
//  M2 12.02 09:00 Aukra  feilmelding  Medium                                               solved 11:00: 2 h, the cooperation's 3 days (met)
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatText } from '../../../documents/pdf-text.js';
import { json, type TestClient } from '../../../test/app.js';
import type { TestDatabase } from '../../../test/db.js';
import { DEMO_CATEGORIES, type TPriority, type TTicketType } from '../vocabulary.js';
import { ZKpiPack, type TKpiPack } from './kpi.js';
import { DEMO_POLICY } from '../desk-rules.js';
import { sdTickets } from '../schema.js';
import { oslo, type TServiceDeskFixture } from '../test-factories.js';
import { startServiceDesk } from '../desk-fixture.js';
import { createTicket } from '../tickets/tickets.create.js';
import { updateTicket } from '../tickets/tickets.update.js';

const SECRET = 'Sluttet ansatt – steng konto';
const PERIOD = 'from=2024-02&to=2024-02';

let database: TestDatabase;
let f: TServiceDeskFixture;
let agent: TestClient;
let admin: TestClient;
let council: TestClient;
let anne: TestClient;
let bjorn: TestClient;
let cecilie: TestClient;
const numbers: Record<string, number> = {};

/** Molde's own rules: Medium solved within 1 hour, and its own category list (no Rådgiving, plus Velferdsteknologi). */
const MOLDE_POLICY = {
  ...DEMO_POLICY,
  categories: [...DEMO_CATEGORIES.filter((c) => c !== 'Rådgiving'), 'Velferdsteknologi'],
  targets: { ...DEMO_POLICY.targets, medium: { ...DEMO_POLICY.targets.medium, resolution: { value: 1, unit: 'hours' } } },
};


async function ticket(key: string, o: {
  at: string; municipality: 'molde' | 'aukra'; requester?: 'anne' | 'bjorn' | 'cecilie'; type: TTicketType; priority: TPriority; title: string; solvedAt?: string;
}) {
  const t = await createTicket(database.db, f.agent, {
    type: o.type, category: 'Infrastruktur', title: o.title, description: 'd', priority: o.priority,
    ...(o.requester ? { requesterUserId: f[o.requester].id } : { municipalityId: f[o.municipality].id, requesterName: 'Driftsleder' }),
    now: oslo(o.at),
  });
  expect(t.municipalityId).toBe(f[o.municipality].id);
  if (o.solvedAt) await updateTicket(database.db, f.agent, { id: t.id, status: 'lost', now: oslo(o.solvedAt) });
  numbers[key] = t.number;
}

beforeAll(async () => {
  ({ database, desk: f, agent, admin, council, anne, bjorn, cecilie } = await startServiceDesk());
  await json(await admin.put('/api/servicedesk/policy', { cooperationId: f.coop.id, municipalityId: f.molde.id, document: MOLDE_POLICY, revision: 0 }), 200);
  await ticket('S', { at: '2024-02-05T09:00', municipality: 'molde', requester: 'bjorn', type: 'feilmelding', priority: 'hoy', title: SECRET, solvedAt: '2024-02-05T10:00' });
  await ticket('A', { at: '2024-02-06T09:00', municipality: 'molde', requester: 'anne', type: 'feilmelding', priority: 'kritisk', title: 'Skriveren i 3. etasje brenner' });
  await ticket('K', { at: '2024-02-07T09:00', municipality: 'aukra', requester: 'cecilie', type: 'feilmelding', priority: 'hoy', title: 'Lønnssystemet nede i Aukra' });
  await ticket('R', { at: '2024-02-08T09:00', municipality: 'molde', requester: 'bjorn', type: 'tjenesteforesporsel', priority: 'hoy', title: 'Ny tilgang for vikar', solvedAt: '2024-02-08T15:00' });
  await ticket('M1', { at: '2024-02-12T09:00', municipality: 'molde', type: 'feilmelding', priority: 'medium', title: 'Treg PC', solvedAt: '2024-02-12T11:00' });
  await ticket('M2', { at: '2024-02-12T09:00', municipality: 'aukra', type: 'feilmelding', priority: 'medium', title: 'Treg PC', solvedAt: '2024-02-12T11:00' });
}, 60_000);
afterAll(() => database.drop());

const pack = async (client: TestClient, extra = '') => {
  const res = await client.get(`/api/servicedesk/kpi?${PERIOD}${extra}`);
  const text = await res.text();
  expect(res.status, text).toBe(200);
  return { pack: ZKpiPack.parse(JSON.parse(text)), text };
};
const listed = (p: TKpiPack) => p.criticalAndHigh.map((c) => [c.date, c.municipality, c.priority, c.number, c.title, c.slaMet]);

async function workbookOf(client: TestClient, extra = '') {
  const res = await client.get(`/api/servicedesk/kpi.xlsx?${PERIOD}${extra}`);
  expect(res.status).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
  return workbook;
}
/** Every cell of every sheet, as text. */
const allCells = (workbook: ExcelJS.Workbook) => {
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => { cells.push(String(cell.value)); })));
  return cells;
};
async function pdfOf(client: TestClient) {
  const res = await client.get(`/api/servicedesk/kpi.pdf?${PERIOD}`);
  expect(res.status).toBe(200);
  return flatText(Buffer.from(await res.arrayBuffer()));
}

describe('the critical and high incidents a municipality user sees', () => {
  it('JSON: Anne (not shared) gets colleagues’ incidents without number and title, her own in full, no other municipality, no requests', async () => {
    const { pack: p, text } = await pack(anne);
    expect(p.municipalityName).toBe('Molde');
    expect(listed(p)).toEqual([
      ['2024-02-05', 'Molde', 'hoy', null, null, true],
      ['2024-02-06', 'Molde', 'kritisk', numbers.A, 'Skriveren i 3. etasje brenner', null],
    ]);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('Lønnssystemet');
    expect(text).not.toContain('Ny tilgang for vikar');
  });

  it('XLSX: the same rows, the hidden title a dash and the number cell empty; the title is nowhere in the workbook', async () => {
    const workbook = await workbookOf(anne);
    const sheet = workbook.getWorksheet('Kritisk og høy')!;
    expect(sheet.getCell('A1').value).toBe('Hendelser med kritisk og høy prioritet, Molde');
    const row = (n: number) => [1, 2, 3, 4, 5, 6].map((c) => sheet.getRow(n).getCell(c).value);
    expect(row(3)).toEqual(['05.02.2024', 'Molde', '–', 'Høy', null, 'Ja']);
    expect(row(4)).toEqual(['06.02.2024', 'Molde', 'Skriveren i 3. etasje brenner', 'Kritisk', numbers.A, 'Åpen']);
    expect(sheet.rowCount).toBe(4);
    expect(allCells(workbook).filter((c) => c.includes('Sluttet') || c.includes('Lønnssystemet'))).toEqual([]);
  });

  it('PDF: the fragment prints her own incident, a dash for the other, and never the hidden title', async () => {
    const text = await pdfOf(anne);
    expect(text).toContain('Skriveren i 3. etasje brenner');
    // Critical incidents and high ones are listed apart.
    expect(text).toMatch(/Kritiske hendelser Dato Kommune Hendelse Innen SLA 06\.02\.2024 Molde Skriveren i 3\. etasje brenner Åpen/);
    expect(text).toMatch(/Hendelser med høy prioritet Dato Kommune Hendelse Innen SLA 05\.02\.2024 Molde – Ja/);
    expect(text).not.toContain('Sluttet ansatt');
    expect(text).not.toContain('Lønnssystemet');
  });

  it('a user shared Molde’s tickets sees Molde’s incidents in full, and still not Aukra’s', async () => {
    await json(await admin.put(`/api/servicedesk/portal-sharing/${f.bjorn.id}`, { seesMunicipality: true }), 200);
    try {
      const { pack: p } = await pack(bjorn);
      expect(listed(p)).toEqual([
        ['2024-02-05', 'Molde', 'hoy', numbers.S, SECRET, true],
        ['2024-02-06', 'Molde', 'kritisk', numbers.A, 'Skriveren i 3. etasje brenner', null],
      ]);
      const cells = allCells(await workbookOf(bjorn));
      expect(cells).toContain(SECRET);
      expect(cells.some((c) => c.includes('Lønnssystemet'))).toBe(false);
      expect(await pdfOf(bjorn)).toContain('Sluttet ansatt');
    } finally {
      await json(await admin.put(`/api/servicedesk/portal-sharing/${f.bjorn.id}`, { seesMunicipality: false }), 200);
    }
    // Unshared again: his own incident in full, Anne's without number and title.
    expect(listed((await pack(bjorn)).pack)).toEqual([
      ['2024-02-05', 'Molde', 'hoy', numbers.S, SECRET, true],
      ['2024-02-06', 'Molde', 'kritisk', null, null, null],
    ]);
  });

  it('the desk sees every municipality in full; the council the titles the report prints, not the numbers', async () => {
    expect(listed((await pack(agent)).pack)).toEqual([
      ['2024-02-05', 'Molde', 'hoy', numbers.S, SECRET, true],
      ['2024-02-06', 'Molde', 'kritisk', numbers.A, 'Skriveren i 3. etasje brenner', null],
      ['2024-02-07', 'Aukra', 'hoy', numbers.K, 'Lønnssystemet nede i Aukra', null],
    ]);
    expect(listed((await pack(council)).pack).map((r) => [r[3], r[4]])).toEqual([
      [null, SECRET], [null, 'Skriveren i 3. etasje brenner'], [null, 'Lønnssystemet nede i Aukra'],
    ]);
  });
});

describe('which municipality’s pack a municipality user gets', () => {
  it.each(['kpi', 'kpi.xlsx', 'kpi.pdf'])('/api/servicedesk/%s: another municipality is 403 with no figures; none or their own is their own', async (path) => {
    for (const [client, other] of [[anne, f.aukra.id], [cecilie, f.molde.id]] as const) {
      const refused = await json(await client.get(`/api/servicedesk/${path}?${PERIOD}&municipality=${other}`), 403);
      expect(refused.error).toMatchObject({ code: 'forbidden', message: 'Du kan bare se tall for egen kommune' });
      expect(JSON.stringify(refused)).not.toMatch(/Lønnssystemet|Sluttet|criticalAndHigh/);
    }
  });

  it('never the all-municipalities pack: without a municipality they get their own, with their own figures only', async () => {
    for (const [client, own, name] of [[anne, f.molde.id, 'Molde'], [cecilie, f.aukra.id, 'Aukra']] as const) {
      for (const extra of ['', `&municipality=${own}`]) {
        const { pack: p } = await pack(client, extra);
        expect([p.municipalityId, p.municipalityName]).toEqual([own, name]);
        expect(p.newByMunicipality.map((m) => m.label)).toEqual([name]);
        expect(new Set(p.criticalAndHigh.map((c) => c.municipality))).toEqual(new Set([name]));
      }
    }
    const workbook = await workbookOf(cecilie);
    expect(workbook.getWorksheet('Kommune')!.getCell('A1').value).toMatch(/, Aukra, /);
    expect(allCells(workbook)).not.toContain('Molde');
  });
});

describe('incidents only, and the municipality’s own policy', () => {
  it('a one-municipality pack shows that municipality’s targets; resolution and attainment count incidents only', async () => {
    const { pack: molde } = await pack(agent, `&municipality=${f.molde.id}`);
    const medium = molde.resolution.find((r) => r.priority === 'medium')!;
    // 1 hour in business days of 7.5 hours, to one decimal.
    expect([medium.target, medium.unit]).toEqual([0.1, 'dager']);
    expect(medium.months[0]).toEqual({ month: '2024-02', solved: 1, mean: 0.3, median: 0.3 });
    // Høy: S only (1 h); R is a request and is not counted.
    expect(molde.resolution.find((r) => r.priority === 'hoy')!.months[0]).toEqual({ month: '2024-02', solved: 1, mean: 1, median: 1 });
    // S met, M1 breached Molde's 1 hour.
    expect(molde.slaAttainment).toEqual([{ month: '2024-02', measured: 2, met: 1, percent: 50 }]);
    const { pack: aukra } = await pack(agent, `&municipality=${f.aukra.id}`);
    expect(aukra.resolution.find((r) => r.priority === 'medium')!.target).toBe(3);
  });

  it('the all-municipalities pack shows the cooperation’s targets and each ticket’s own result', async () => {
    const { pack: all } = await pack(agent);
    expect(all.resolution.map((r) => [r.priority, r.target, r.unit])).toEqual([['lav', 5, 'dager'], ['medium', 3, 'dager'], ['hoy', 4, 'timer'], ['kritisk', 2, 'timer']]);
    // S met; M1 breached under Molde's rules although 2 h is within the cooperation's 3 days; M2 met.
    expect(all.slaAttainmentTotal).toEqual({ measured: 3, met: 2, percent: 66.7 });
    expect(all.resolution.find((r) => r.priority === 'medium')!.months[0]).toMatchObject({ solved: 2 });
    // The yearly critical and high per month counts incidents: S, A, K but not R.
    expect(all.yearly.criticalHighPerMonth.find((m) => m.month === '2024-02')).toEqual({ month: '2024-02', kritisk: 1, hoy: 2 });
    expect(all.newByType.find((t) => t.type === 'tjenesteforesporsel')!.counts).toEqual([1]);
  });

  it('labels them so in the spreadsheet', async () => {
    const workbook = await workbookOf(agent);
    expect(workbook.getWorksheet('Løsningstid')!.getCell('A1').value).toBe('Gjennomsnittlig (og median) løsningstid på innmeldte feil per prioritet');
    expect(workbook.getWorksheet('SLA og tilfredshet')!.getCell('A1').value).toBe('SLA-oppnåelse for feilmeldinger og brukertilfredshet');
    expect(workbook.getWorksheet('SLA og tilfredshet')!.getRow(2).getCell(2).value).toBe('Løste feilmeldinger målt');
  });

  it('import checks each row’s category against its municipality’s policy, and imports nothing when one is wrong', async () => {
    const header = 'Saksnr;Opprettet;Tittel;Type;Kategori;Kanal;Prioritet;Status;Kommune;Innmelder;Løst;Lukket';
    const file = (rows: string[]) => {
      const data = new FormData();
      data.append('file', new File([[header, ...rows].join('\r\n')], 'eksport.csv'));
      return data;
    };
    const bad = file([
      'P-1;01.02.2024 09:00;Alarm;Feil;Velferdsteknologi;Telefon;Høy;Åpen;Molde;X;;',
      'P-2;01.02.2024 09:00;Råd;Forespørsel;Rådgiving;E-post;Lav;Åpen;Aukra;X;;',
      'P-3;01.02.2024 09:00;Råd;Forespørsel;Rådgiving;E-post;Lav;Åpen;Molde;X;;',
      'P-4;01.02.2024 09:00;Alarm;Feil;Velferdsteknologi;Telefon;Høy;Åpen;Aukra;X;;',
    ]);
    const before = (await database.db.select({ n: count() }).from(sdTickets))[0]!.n;
    // A file with bad rows is refused whole, in the preview as in the commit, with its row issues listed.
    const preview = (await json(await agent.post('/api/servicedesk/ticket-imports/preview', bad), 400)).error;
    expect(preview.issueCount).toBe(2);
    expect(preview.issues).toEqual([
      { row: 4, column: 'category', message: 'Rad 4, category: kategorien «Rådgiving» brukes ikke for Molde' },
      { row: 5, column: 'category', message: 'Rad 5, category: ukjent kategori «Velferdsteknologi»' },
    ]);
    const refused = await json(await agent.post('/api/servicedesk/ticket-imports', file([
      'P-1;01.02.2024 09:00;Alarm;Feil;Velferdsteknologi;Telefon;Høy;Åpen;Molde;X;;',
      'P-3;01.02.2024 09:00;Råd;Forespørsel;Rådgiving;E-post;Lav;Åpen;Molde;X;;',
    ])), 400);
    expect(refused.error.issues).toEqual([{ row: 3, column: 'category', message: 'Rad 3, category: kategorien «Rådgiving» brukes ikke for Molde' }]);
    expect((await database.db.select({ n: count() }).from(sdTickets))[0]!.n).toBe(before);

    expect(await json(await agent.post('/api/servicedesk/ticket-imports', file([
      'P-1;01.02.2024 09:00;Alarm;Feil;Velferdsteknologi;Telefon;Høy;Åpen;Molde;X;;',
      'P-2;01.02.2024 09:00;Råd;Forespørsel;Rådgiving;E-post;Lav;Åpen;Aukra;X;;',
      'P-5;01.02.2024 09:00;Treg;Feil;Infrastruktur;E-post;Medium;Løst;Molde;X;01.02.2024 11:00;',
    ])), 201)).toMatchObject({ newTickets: 3 });
    // The imported Molde ticket's SLA is Molde's: 2 hours against 1.
    const [p5] = await database.db.select().from(sdTickets).where(eq(sdTickets.externalId, 'P-5'));
    expect(p5).toMatchObject({ slaResolutionMet: false, slaResolutionElapsedMs: 2 * 3_600_000 });
  });
});
