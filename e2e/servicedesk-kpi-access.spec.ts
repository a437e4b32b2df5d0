// The KPI pack as the demo's Molde portal user (not shared Molde's tickets) gets it from the running
// server, signed in through the page as a person is: Molde's pack only, the critical and high incidents
// listed with date, municipality, priority and SLA result but without the number and title of cases
// someone else reported, in the JSON, the spreadsheet and the PDF. (Municipality users have no KPI page
// in the web app; the pack reaches them through the API and the downloads.)
// May 2023 holds the papers' incidents (seed 001): two critical and two high in Molde, one high in Rauma.
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { signInThroughPage } from './support/accounts';
import { pdfText } from './support/pdf';

const MAY = 'from=2023-05&to=2023-05';
const NAMED = ['Sensio', 'parkeringstunell', 'Tregt nettverk', 'Måndalen'];

test('a municipality user gets colleagues’ critical and high incidents without number and title, and only their own municipality', async ({ page }) => {
  await signInThroughPage(page, 'municipality');

  const res = await page.request.get(`/api/servicedesk/kpi?${MAY}`);
  expect(res.status()).toBe(200);
  const text = await res.text();
  const pack = JSON.parse(text) as { municipalityName: string; criticalAndHigh: { date: string; municipality: string; number: number | null; title: string | null; priority: string }[] };
  expect(pack.municipalityName).toBe('Molde');
  expect(pack.criticalAndHigh.map((c) => [c.date, c.municipality, c.priority, c.number, c.title])).toEqual([
    ['2023-05-05', 'Molde', 'hoy', null, null], ['2023-05-11', 'Molde', 'hoy', null, null],
    ['2023-05-16', 'Molde', 'kritisk', null, null], ['2023-05-24', 'Molde', 'kritisk', null, null],
  ]);
  for (const word of NAMED) expect(text).not.toContain(word);

  const xlsx = await page.request.get(`/api/servicedesk/kpi.xlsx?${MAY}`);
  expect(xlsx.status()).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await xlsx.body() as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Kritisk og høy')!;
  expect([1, 2, 3, 4, 5, 6].map((c) => sheet.getRow(3).getCell(c).value)).toEqual(['05.05.2023', 'Molde', '–', 'Høy', null, 'Ja']);
  const cells: string[] = [];
  workbook.eachSheet((s) => s.eachRow((row) => row.eachCell((cell) => { cells.push(String(cell.value)); })));
  for (const word of NAMED) expect(cells.filter((c) => c.includes(word))).toEqual([]);

  const pdf = await page.request.get(`/api/servicedesk/kpi.pdf?${MAY}`);
  expect(pdf.status()).toBe(200);
  const paper = (await pdfText(await pdf.body())).replace(/\s+/g, ' ');
  expect(paper).toContain('Overholdelse av tjenestenivåavtalen');
  for (const word of NAMED) expect(paper).not.toContain(word);

  // Another municipality's pack is refused, not narrowed or shown.
  const { municipalities } = (await (await page.request.get('/api/municipalities')).json()) as { municipalities: { id: string; name: string }[] };
  const rauma = municipalities.find((m) => m.name === 'Rauma')!;
  for (const path of ['kpi', 'kpi.xlsx', 'kpi.pdf']) {
    const refused = await page.request.get(`/api/servicedesk/${path}?${MAY}&municipality=${rauma.id}`);
    expect(refused.status()).toBe(403);
    expect(await refused.text()).not.toContain('Måndalen');
  }
});
