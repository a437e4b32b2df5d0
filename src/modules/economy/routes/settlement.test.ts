// The year-end settlement over HTTP: the operating result and the investment projects' balances,
// carried over for projects that go on and settled by the key for those that are done; a municipality
// user sees only their own municipality's parts; anonymous callers get nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { flatText } from '../../../documents/pdf-text.js';
import { call } from '../../../test/app.js';
import { startEconomy, type TEconomyStart } from '../economy-fixture.js';

let e: TEconomyStart;

beforeAll(async () => {
  e = await startEconomy();
});
afterAll(() => e.database.drop());


async function project(name: string, status: string, endYear: number | null, budgetKr: number, actualKr: number) {
  const line = await call(e.staff, 'POST', '/api/economy/lines', { kind: 'investering', name, startYear: 2022, endYear, status }, 201);
  await call(e.staff, 'PUT', '/api/economy/2023/budgets', { lineId: line.id, amountOre: budgetKr * 100 }, 200);
  if (actualKr) await call(e.staff, 'POST', '/api/economy/2023/actuals', { lineId: line.id, period: 10, amountOre: actualKr * 100 }, 201);
  return line.id as string;
}

describe('GET /api/economy/{year}/settlement: investments', () => {
  it('carries over the balance of projects that go on and settles the rest by the key in whole thousands', async () => {
    const lonn = await call(e.staff, 'POST', '/api/economy/lines', { kind: 'drift', name: 'Lønn' }, 201);
    await call(e.staff, 'PUT', '/api/economy/2023/budgets', { lineId: lonn.id, amountOre: 1_000_000_00 }, 200);
    await call(e.staff, 'POST', '/api/economy/2023/actuals', { lineId: lonn.id, period: 12, amountOre: 900_000_00 }, 201);
    const beredskap = await project('Beredskapsplattform', 'pagar', 2024, 1_800_000, 0);
    await project('Zero-trust nettverk', 'avsluttet', 2023, 500_000, 1_188_000);
    await project('Digitalisering teknisk sektor', 'pagar', 2023, 1_400_000, 809_400);
    await project('Innbyggerportal', 'avlyst', 2024, 600_000, 0);
    await call(e.staff, 'PUT', '/api/economy/2023/financing', {
      operatingFrameOre: 1_000_000_00, investmentFrameOre: 4_300_000_00,
      key: [{ municipalityId: e.world.molde, percent: 50 }, { municipalityId: e.world.aukra, percent: 30 }, { municipalityId: e.world.hustadvika, percent: 20 }],
    }, 200);

    const s = await call(e.council, 'GET', '/api/economy/2023/settlement', undefined, 200);
    expect(s.resultOre).toBe(100_000_00);
    // In the order the projects were made (a line without a position goes last of its kind), not by name.
    expect(s.investment.projects.map((p: { name: string; treatment: string; balanceOre: number }) => [p.name, p.treatment, p.balanceOre])).toEqual([
      ['Beredskapsplattform', 'overfores', 1_800_000_00],
      ['Zero-trust nettverk', 'avregnes', -688_000_00],
      ['Digitalisering teknisk sektor', 'avregnes', 590_600_00],
      ['Innbyggerportal', 'avregnes', 600_000_00],
    ]);
    expect(s.investment.carriedOverOre).toBe(1_800_000_00);
    // 590 600 + 600 000 − 688 000 = 502 600 kr, settled as 503 000; 50/30/20 by largest remainder in thousands.
    expect(s.investment.settledOre).toBe(503_000_00);
    expect(s.investment.rows.map((r: { name: string; amountOre: number }) => [r.name, r.amountOre / 100])).toEqual([
      ['Molde', 251_000], ['Aukra', 151_000], ['Hustadvika', 101_000],
    ]);

    // The project is closed early: its unused funds are now paid back, not carried over.
    await call(e.staff, 'PATCH', `/api/economy/lines/${beredskap}`, { status: 'avsluttet', revision: 1 }, 200);
    const closed = await call(e.council, 'GET', '/api/economy/2023/settlement', undefined, 200);
    expect(closed.investment.carriedOverOre).toBe(0);
    expect(closed.investment.settledOre).toBe(2_303_000_00);

    const own = await call(e.molde, 'GET', '/api/economy/2023/settlement', undefined, 200);
    expect(own.investment.rows).toEqual([expect.objectContaining({ name: 'Molde', amountOre: 1_151_000_00 })]);
    expect(own.rows.map((r: { name: string }) => r.name)).toEqual(['Molde']);
    await call(e.anon, 'GET', '/api/economy/2023/settlement', undefined, 401);
    await call(e.council, 'GET', `/api/economy/2023/settlement?cooperation=${randomUUID()}`, undefined, 404);
    const badDate = await call(e.council, 'GET', '/api/economy/2023/settlement?asOf=31.12.2023', undefined, 400);
    expect(badDate.error.fields[0].path).toBe('asOf');
  });

  it('the closed year: no forecast column, the deviation in per cent, and a budget off the investment frame flagged', async () => {
    const report = await call(e.council, 'GET', '/api/economy/2023/report?asOf=2024-01-01', undefined, 200);
    expect(report.mode).toBe('arsslutt');
    // The four projects' budgets (1 800 000 + 500 000 + 1 400 000 + 600 000 kr) are the frame set above.
    expect(report.investmentFrame).toEqual({ frameOre: 4_300_000_00, budgetOre: 4_300_000_00, differs: false });
    const zeroTrust = report.investment.rows.find((r: { name: string }) => r.name === 'Zero-trust nettverk');
    expect(zeroTrust.deviationPerMille).toBe(-1_376); // (500 000 − 1 188 000) / 500 000
    expect(report.operating.sumDeviationPerMille).toBe(100); // 100 000 of 1 000 000 unspent

    const xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.load(await (await e.council.get('/api/economy/2023/report.xlsx?asOf=2024-01-01')).arrayBuffer());
    const rows = xlsx.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(['Prosjekt', 'Regnskap', 'Årsbudsjett', 'Avvik', 'Avvik %', 'Forklaring']);
    expect(rows.find((r) => r[0] === 'Zero-trust nettverk')!.slice(0, 5)).toEqual(['Zero-trust nettverk', 1_188, 500, -688, -1.376]);
    const pdf = flatText(Buffer.from(await (await e.council.get('/api/economy/2023/report.pdf?asOf=2024-01-01')).arrayBuffer()));
    expect(pdf).toContain('Avvik %');
    expect(pdf).not.toContain('Prognose');
    expect(pdf).toMatch(/Zero-trust nettverk 1.188 500 .688 .137,6.%/);

    // During the year the table is seed 000's, with the forecast.
    const during = await call(e.council, 'GET', '/api/economy/2023/report?asOf=2023-11-30', undefined, 200);
    expect(during.mode).toBe('prognose');
    expect(flatText(Buffer.from(await (await e.council.get('/api/economy/2023/report.pdf?asOf=2023-11-30')).arrayBuffer()))).toContain('Prognose');

    const fin = await call(e.staff, 'GET', '/api/economy/2023/financing', undefined, 200);
    await call(e.staff, 'PUT', '/api/economy/2023/financing', {
      operatingFrameOre: fin.operatingFrameOre, investmentFrameOre: 4_000_000_00,
      key: fin.shares.map((r: { municipalityId: string; percent: string }) => ({ municipalityId: r.municipalityId, percent: r.percent })),
    }, 200);
    const flagged = await call(e.council, 'GET', '/api/economy/2023/report?asOf=2024-01-01', undefined, 200);
    expect(flagged.investmentFrame).toEqual({ frameOre: 4_000_000_00, budgetOre: 4_300_000_00, differs: true });
    expect(flatText(Buffer.from(await (await e.council.get('/api/economy/2023/report.pdf?asOf=2024-01-01')).arrayBuffer())))
      .toMatch(/Investeringsbudsjettet \(4.300.000 kr\) er ikke lik investeringsrammen \(4.000.000 kr\); forskjellen er 300.000 kr/);
  });
});
