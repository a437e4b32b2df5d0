// Contract tests for the KPI routes: 401 without sign-in, 400 with field-level messages, 403 for a
// municipality user asking for another municipality, 404 for an unknown municipality, and the JSON,
// XLSX and PDF answers.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldsOf, json } from '../../../test/app.js';
import { zonedTime } from '../sla/calendar.js';
import { ZKpiPack } from '../kpi/kpi.js';
import { startServiceDesk, type TDeskWorld } from '../desk-fixture.js';
import { createTicket } from '../tickets/tickets.create.js';
import { updateTicket } from '../tickets/tickets.update.js';
import { pdfStructure } from '../../../documents/pdf-text.js';

let w: TDeskWorld;

beforeAll(async () => {
  w = await startServiceDesk();
  const t = await createTicket(w.database.db, w.desk.agent, {
    type: 'feilmelding', category: 'Infrastruktur', title: 'Nettverk nede ved Måndalen skole', description: 'Nede', priority: 'hoy',
    municipalityId: w.desk.molde.id, requesterName: 'Rektor', now: zonedTime('Europe/Oslo', '2023-05-03T09:00'),
  });
  await updateTicket(w.database.db, w.desk.agent, { id: t.id, status: 'lost', now: zonedTime('Europe/Oslo', '2023-05-03T11:00') });
});
afterAll(() => w.database.drop());

const PATHS = ['/api/servicedesk/kpi', '/api/servicedesk/kpi.xlsx', '/api/servicedesk/kpi.pdf'];

describe('KPI routes', () => {
  it.each(PATHS)('%s refuses anonymous callers with 401', async (path) => {
    expect((await json(await w.anon.get(`${path}?from=2023-05&to=2023-05`), 401)).error.code).toBe('unauthorized');
  });

  it.each(PATHS)('%s validates the period field by field', async (path) => {
    expect(fieldsOf(await json(await w.agent.get(`${path}?from=2023-13&to=mai`), 400))).toEqual(['from', 'to']);
    expect(fieldsOf(await json(await w.agent.get(`${path}?from=2023-06&to=2023-05`), 400))).toEqual(['to']);
    expect(fieldsOf(await json(await w.agent.get(`${path}?from=2020-01&to=2023-05`), 400))).toEqual(['to']);
    expect(fieldsOf(await json(await w.agent.get(`${path}?from=2023-05&to=2023-05&municipality=molde`), 400))).toEqual(['municipality']);
  });

  it.each(PATHS)('%s lets a municipality user see only their own municipality (403 otherwise)', async (path) => {
    expect((await json(await w.anne.get(`${path}?from=2023-05&to=2023-05&municipality=${w.desk.aukra.id}`), 403)).error.code).toBe('forbidden');
  });

  it.each(PATHS)('%s answers 404 for an unknown municipality', async (path) => {
    expect((await json(await w.council.get(`${path}?from=2023-05&to=2023-05&municipality=${randomUUID()}`), 404)).error.code).toBe('not_found');
  });

  it('answers the pack as JSON to the desk, the council and the municipality, each with what they may see', async () => {
    const seen = [];
    for (const client of [w.agent, w.council, w.anne]) {
      const body = await json(await client.get('/api/servicedesk/kpi?from=2023-05&to=2023-05'), 200);
      const [only, ...rest] = ZKpiPack.parse(body).criticalAndHigh;
      expect(rest).toEqual([]);
      expect(only).toMatchObject({ date: '2023-05-03', municipality: 'Molde', priority: 'hoy', slaMet: true });
      seen.push([typeof only!.number, only!.title]);
    }
    // Anne neither reported it nor is shared Molde's tickets (kpi-access.test.ts has the rest).
    expect(seen).toEqual([['number', 'Nettverk nede ved Måndalen skole'], ['object', 'Nettverk nede ved Måndalen skole'], ['object', null]]);
    expect((await json(await w.anne.get('/api/servicedesk/kpi?from=2023-05&to=2023-05'), 200)).municipalityName).toBe('Molde');
  });

  it('names the first and last month with new tickets, for the reader\'s scope (the page opens on the last)', async () => {
    expect((await json(await w.anon.get('/api/servicedesk/kpi/months'), 401)).error.code).toBe('unauthorized');
    expect(await json(await w.agent.get('/api/servicedesk/kpi/months'), 200)).toEqual({ first: '2023-05', last: '2023-05' });
    expect(await json(await w.anne.get('/api/servicedesk/kpi/months'), 200)).toEqual({ first: '2023-05', last: '2023-05' });
    expect(await json(await w.council.get(`/api/servicedesk/kpi/months?municipality=${w.desk.aukra.id}`), 200)).toEqual({ first: null, last: null });
    expect((await json(await w.anne.get(`/api/servicedesk/kpi/months?municipality=${w.desk.aukra.id}`), 403)).error.code).toBe('forbidden');
  });

  it('exports the pack as a spreadsheet', async () => {
    const res = await w.agent.get('/api/servicedesk/kpi.xlsx?from=2023-05&to=2023-05');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Kategori', 'Kommune', 'Trend', 'Kritisk og høy', 'Løsningstid', 'SLA og tilfredshet', 'Telefon', 'År']);
    const critical = workbook.getWorksheet('Kritisk og høy')!;
    expect(critical.getRow(3).values).toEqual([undefined, '03.05.2023', 'Molde', 'Nettverk nede ved Måndalen skole', 'Høy', 1, 'Ja']);
    const category = workbook.getWorksheet('Kategori')!;
    const infra = category.getSheetValues().find((r) => Array.isArray(r) && r[1] === 'Infrastruktur') as unknown[];
    expect(infra.slice(2)).toEqual([1, 1]);
  });

  it('renders the Typst fragment as a tagged PDF', async () => {
    const res = await w.council.get('/api/servicedesk/kpi.pdf?from=2023-05&to=2023-05');
    expect(res.status).toBe(200);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const structure = pdfStructure(pdf);
    expect(structure).toMatchObject({ tagged: true, lang: 'nb' });
    expect(structure.elements).toEqual(expect.arrayContaining(['Document', 'Table', 'TH']));
    // Three charts as vector figures whose alternative text carries their figures (seed 000's charts).
    expect(structure.elements.filter((e) => e === 'Figure')).toHaveLength(3);
    expect(structure.alts).toHaveLength(3);
    expect(structure.alts.find((a) => a.startsWith('Nye feil og forespørsler fordelt på kategori'))).toMatch(/^Nye feil og forespørsler fordelt på kategori \(saker\)\. .+: mai 2023 \d+/);
    expect(structure.alts.find((a) => a.startsWith('Nye, lukkede og åpne'))).toMatch(/^Nye, lukkede og åpne saker per måned \(saker\)\. mai 2023: Nye saker \d+, Lukkede saker \d+, Åpne saker \d+\.$/);
  });
});
