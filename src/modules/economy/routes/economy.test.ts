// Contract tests of the economy API: 401 anonymous, 400 with the field, 403 wrong role, 404 unknown,
// success with its shape, nothing half-written on refusal (the database is checked), every write audited.
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/app.js';
import { auditLog } from '../../audit/schema.js';
import { allocationShares, budgets, economyLines, financingFrames, forecasts } from '../schema.js';
import { buildBody, buildMeeting } from '../../governance/test-factories.js';
import { meetings } from '../../governance/schema.js';
import { memberships } from '../../org/schema.js';
import { economyPublications } from '../schema.js';
import { startEconomy, type TEconomyStart } from '../economy-fixture.js';

let e: TEconomyStart;
const ids: Record<string, string> = {};

beforeAll(async () => {
  e = await startEconomy();
});
afterAll(() => e.database.drop());

const rows = async (table: typeof budgets | typeof forecasts | typeof economyLines | typeof allocationShares | typeof financingFrames | typeof economyPublications) =>
  Number((await e.database.db.select({ n: count() }).from(table))[0]!.n);

describe('lines', () => {
  it('401 anonymous, 403 council, 400 field, 201 created and audited', async () => {
    await call(e.anon, 'POST', '/api/economy/lines', { kind: 'drift', name: 'Lønn' }, 401);
    await call(e.council, 'POST', '/api/economy/lines', { kind: 'drift', name: 'Lønn' }, 403);
    const bad = await call(e.staff, 'POST', '/api/economy/lines', { kind: 'drift', name: ' ' }, 400);
    expect(bad.error.fields[0]).toMatchObject({ path: 'name', message: 'Navn må fylles ut' });
    const owner = await call(e.staff, 'POST', '/api/economy/lines', { kind: 'drift', name: 'X', owner: 'ROR-IKT' }, 400);
    expect(owner.error.fields[0].path).toBe('kind');
    expect(await rows(economyLines)).toBe(0);

    const lonn = await call(e.staff, 'POST', '/api/economy/lines', { kind: 'drift', name: 'Lønn', position: 0 }, 201);
    expect(lonn).toMatchObject({ kind: 'drift', name: 'Lønn', isIncome: false, status: null, cooperationId: e.world.cooperationId });
    ids.lonn = lonn.id;
    ids.inntekter = (await call(e.staff, 'POST', '/api/economy/lines', { kind: 'drift', name: 'Inntekter', isIncome: true, position: 1 }, 201)).id;
    const project = await call(e.staff, 'POST', '/api/economy/lines', {
      kind: 'investering', name: 'Zero-trust nettverk', owner: 'ROR-IKT', municipalityId: null, startYear: 2023, endYear: 2023,
    }, 201);
    expect(project).toMatchObject({ status: 'planlagt', startYear: 2023 });
    ids.zt = project.id;
    const [audit] = await e.database.db.select().from(auditLog).where(eq(auditLog.entityId, lonn.id));
    expect(audit).toMatchObject({ action: 'create', entity: 'economy_line', actorName: 'Leder' });
  });

  it('lists for readers only; patch answers 404 for an unknown line and 400 for end before start', async () => {
    await call(e.anon, 'GET', '/api/economy/lines', undefined, 401);
    await call(e.molde, 'GET', '/api/economy/lines', undefined, 403);
    expect((await call(e.council, 'GET', '/api/economy/lines?kind=investering', undefined, 200)).lines.map((l: { name: string }) => l.name)).toEqual(['Zero-trust nettverk']);
    await call(e.staff, 'PATCH', `/api/economy/lines/${randomUUID()}`, { name: 'Y', revision: 1 }, 404);
    const bad = await call(e.staff, 'PATCH', `/api/economy/lines/${ids.zt}`, { endYear: 2020, revision: 1 }, 400);
    expect(bad.error.fields[0].path).toBe('endYear');
    expect((await call(e.staff, 'PATCH', `/api/economy/lines/${ids.zt}`, { status: 'pagar', revision: 1 }, 200)).status).toBe('pagar');
  });

  it('answers 404 for an unknown cooperation', async () => {
    await call(e.council, 'GET', `/api/economy/lines?cooperation=${randomUUID()}`, undefined, 404);
  });
});

describe('budgets, revisions, forecasts, explanations, manual actuals', () => {
  it('refuses floats and unknown lines (400 with field), 403 for the council', async () => {
    const float = await call(e.staff, 'PUT', '/api/economy/2023/budgets', { lineId: ids.lonn, amountOre: 12.5 }, 400);
    expect(float.error.fields[0].path).toBe('amountOre');
    const unknown = await call(e.staff, 'PUT', '/api/economy/2023/budgets', { lineId: randomUUID(), amountOre: 100 }, 400);
    expect(unknown.error.fields[0].path).toBe('lineId');
    await call(e.council, 'PUT', '/api/economy/2023/budgets', { lineId: ids.lonn, amountOre: 100 }, 403);
    await call(e.anon, 'PUT', '/api/economy/2023/budgets', { lineId: ids.lonn, amountOre: 100 }, 401);
    const year = await call(e.staff, 'PUT', '/api/economy/abc/budgets', { lineId: ids.lonn, amountOre: 100 }, 400);
    expect(year.error.fields[0].path).toBe('year');
    expect(await rows(budgets)).toBe(0);
  });

  it('sets budgets (again: updated), revisions, forecasts, explanations and manual actuals', async () => {
    await call(e.staff, 'PUT', '/api/economy/2023/budgets', { lineId: ids.lonn, amountOre: 29_000_000_00 }, 200);
    await call(e.staff, 'PUT', '/api/economy/2023/budgets', { lineId: ids.lonn, amountOre: 29_133_000_00 }, 200);
    await call(e.staff, 'PUT', '/api/economy/2023/budgets', { lineId: ids.inntekter, amountOre: -5_238_000_00 }, 200);
    await call(e.staff, 'PUT', '/api/economy/2023/budgets', { lineId: ids.zt, amountOre: 500_000_00 }, 200);
    expect(await rows(budgets)).toBe(3);
    const noRef = await call(e.staff, 'POST', '/api/economy/2023/budget-revisions', { lineId: ids.lonn, date: '2023-06-14', changeOre: 100_000_00, decisionReference: '' }, 400);
    expect(noRef.error.fields[0].path).toBe('decisionReference');
    await call(e.staff, 'POST', '/api/economy/2023/budget-revisions', { lineId: ids.lonn, date: '2023-06-14', changeOre: 100_000_00, decisionReference: '2023/M3-005' }, 201);
    const badDate = await call(e.staff, 'POST', '/api/economy/2023/forecasts', { lineId: ids.lonn, date: '2023-02-30', amountOre: 1 }, 400);
    expect(badDate.error.fields[0].path).toBe('date');
    await call(e.staff, 'POST', '/api/economy/2023/forecasts', { lineId: ids.lonn, date: '2023-06-01', amountOre: 28_900_000_00, comment: 'juni' }, 201);
    await call(e.staff, 'POST', '/api/economy/2023/forecasts', { lineId: ids.lonn, date: '2023-12-01', amountOre: 28_782_600_00, comment: 'desember' }, 201);
    await call(e.staff, 'POST', '/api/economy/2023/forecasts', { lineId: ids.inntekter, date: '2023-12-01', amountOre: -8_025_000_00 }, 201);
    await call(e.staff, 'POST', '/api/economy/2023/explanations', { lineId: ids.lonn, date: '2023-06-01', text: 'Innsparinger på ansettelser.' }, 201);
    const manual = await call(e.staff, 'POST', '/api/economy/2023/actuals', { lineId: ids.zt, period: 3, amountOre: 1_188_000_00, text: 'Faktura' }, 201);
    expect(manual).toMatchObject({ source: 'manuell', period: 3 });
    await call(e.staff, 'POST', '/api/economy/2023/actuals', { lineId: ids.lonn, period: 13, amountOre: 1 }, 400);
    await call(e.staff, 'POST', '/api/economy/2023/actuals', { lineId: ids.lonn, period: 11, amountOre: 25_858_000_00 }, 201);
    await call(e.staff, 'POST', '/api/economy/2023/actuals', { lineId: ids.inntekter, period: 2, amountOre: -10_684_000_00 }, 201);

    const listed = await call(e.council, 'GET', '/api/economy/2023/forecasts', undefined, 200);
    expect(listed.forecasts[0]).toMatchObject({ date: '2023-12-01' });
    expect((await call(e.council, 'GET', '/api/economy/2023/budgets', undefined, 200)).revisions).toHaveLength(1);
    const audited = await e.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.entity, 'economy_forecast'));
    expect(Number(audited[0]!.n)).toBe(3);
  });
});

describe('GET /api/economy/{year}/report', () => {
  it('401 anonymous, 403 municipality user, 400 bad date, 404 unknown cooperation', async () => {
    await call(e.anon, 'GET', '/api/economy/2023/report?asOf=2023-12-01', undefined, 401);
    await call(e.molde, 'GET', '/api/economy/2023/report?asOf=2023-12-01', undefined, 403);
    const bad = await call(e.council, 'GET', '/api/economy/2023/report?asOf=1.12.2023', undefined, 400);
    expect(bad.error.fields[0].path).toBe('asOf');
    await call(e.council, 'GET', `/api/economy/2023/report?asOf=2023-12-01&cooperation=${randomUUID()}`, undefined, 404);
  });

  it('uses the latest forecast, explanation and revision on or before the date; actuals up to its month', async () => {
    const dec = await call(e.council, 'GET', '/api/economy/2023/report?asOf=2023-12-01', undefined, 200);
    expect(dec).toMatchObject({ year: 2023, asOf: '2023-12-01', mode: 'prognose', unit: 'tusen kr', throughPeriod: 12 });
    const lonn = dec.operating.rows.find((r: { name: string }) => r.name === 'Lønn');
    expect(lonn.figures).toEqual({ actual: 25_858, budget: 29_233, deviation: 450, forecast: 28_783 });
    expect(lonn).toMatchObject({ forecastDate: '2023-12-01', forecastComment: 'desember', explanation: 'Innsparinger på ansettelser.' });
    const inntekter = dec.operating.rows.find((r: { name: string }) => r.name === 'Inntekter');
    expect(inntekter.figures).toEqual({ actual: -10_684, budget: -5_238, deviation: 2_787, forecast: -8_025 });
    expect(dec.operating.sum).toEqual({ actual: 15_174, budget: 23_995, deviation: 3_237, forecast: 20_758 });
    expect(dec.investment.rows[0].figures).toEqual({ actual: 1_188, budget: 500, deviation: 0, forecast: 500 });
    expect(dec.investment.rows[0].forecastDate).toBeNull();

    const may = await call(e.council, 'GET', '/api/economy/2023/report?asOf=2023-05-31', undefined, 200);
    const lonnMay = may.operating.rows.find((r: { name: string }) => r.name === 'Lønn');
    // Before the revision of 14.6 and the first forecast; November's actuals not yet booked.
    expect(lonnMay.figures).toEqual({ actual: 0, budget: 29_133, deviation: 0, forecast: 29_133 });
    expect(lonnMay.explanation).toBeNull();
    expect(may.throughPeriod).toBe(5);

    const yearEnd = await call(e.council, 'GET', '/api/economy/2023/report?asOf=2024-02-15', undefined, 200);
    expect(yearEnd.mode).toBe('arsslutt');
    expect(yearEnd.operating.rows.find((r: { name: string }) => r.name === 'Lønn').figures.deviation).toBe(29_233 - 25_858);
  });

  it('exports the same tables as XLSX and as a PDF', async () => {
    const res = await e.council.get('/api/economy/2023/report.xlsx?asOf=2023-12-01');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const values = wb.worksheets[0]!.getSheetValues().filter(Boolean).map((r) => (r as unknown[]).slice(1));
    expect(values).toContainEqual(['Lønn', 25_858, 29_233, 450, 28_783, 'Innsparinger på ansettelser.']);
    expect(values.find((r) => r[0] === 'SUM')).toEqual(['SUM', 15_174, 23_995, 3_237, 20_758]);
    const pdf = await e.council.get('/api/economy/2023/report.pdf?asOf=2023-12-01');
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 4).toString()).toBe('%PDF');
    expect((await e.molde.get('/api/economy/2023/report.xlsx')).status).toBe(403);
  });
});

describe('financing and settlement', () => {
  const key = () => [
    { municipalityId: e.world.molde, percent: '60,1234' },
    { municipalityId: e.world.aukra, percent: '20.5' },
    { municipalityId: e.world.hustadvika, percent: 19.3766 },
  ];
  const body = (k = key()) => ({ operatingFrameOre: 23_995_001_00, investmentFrameOre: 500_000_00, key: k });

  it('refuses a key not summing to 100 %, a member outside its period, frames not in units; nothing stored', async () => {
    const notHundred = await call(e.staff, 'PUT', '/api/economy/2023/financing', { ...body(), key: key().slice(0, 2) }, 400);
    expect(notHundred.error.fields).toEqual([{ path: 'key', message: 'Fordelingsnøkkelen summerer til 80,6234 %, må være nøyaktig 100 %' }]);
    const midsund = await call(e.staff, 'PUT', '/api/economy/2023/financing', { ...body(), key: [...key().slice(0, 2), { municipalityId: e.world.midsund, percent: '19,3766' }] }, 400);
    expect(midsund.error.fields).toEqual([{ path: 'key.2.municipalityId', message: 'Kommunen var ikke medlem av samarbeidet i 2023' }]);
    // Hustadvika joined 1.1.2023: not in 2022's key.
    const hustadvika = await call(e.staff, 'PUT', '/api/economy/2022/financing', body(), 400);
    expect(hustadvika.error.fields[0].path).toBe('key.2.municipalityId');
    const decimals = await call(e.staff, 'PUT', '/api/economy/2023/financing', { ...body(), key: [{ municipalityId: e.world.molde, percent: '99,99999' }] }, 400);
    expect(decimals.error.fields[0].path).toBe('key.0.percent');
    const units = await call(e.staff, 'PUT', '/api/economy/2023/financing', { ...body(), operatingFrameOre: 101, investmentFrameOre: 500_500_00 }, 400);
    expect(units.error.fields.map((f: { path: string }) => f.path)).toEqual(['operatingFrameOre', 'investmentFrameOre']);
    await call(e.council, 'PUT', '/api/economy/2023/financing', body(), 403);
    await call(e.anon, 'PUT', '/api/economy/2023/financing', body(), 401);
    expect(await rows(allocationShares)).toBe(0);
    expect(await rows(financingFrames)).toBe(0);
  });

  it('splits the frames so the parts sum exactly; municipality users see only their own row', async () => {
    const fin = await call(e.staff, 'PUT', '/api/economy/2023/financing', body(), 200);
    const operating = fin.shares.reduce((s: number, r: { operatingOre: number }) => s + r.operatingOre, 0);
    const investment = fin.shares.reduce((s: number, r: { investmentOre: number }) => s + r.investmentOre, 0);
    expect(operating).toBe(fin.operatingFrameOre);
    expect(investment).toBe(500_000_00);
    expect(fin.shares.every((r: { operatingOre: number; investmentOre: number }) => r.operatingOre % 100 === 0 && r.investmentOre % 100_000 === 0)).toBe(true);
    expect(fin.shares.map((r: { name: string; percent: string }) => [r.name, r.percent])).toEqual([['Molde', '60.1234'], ['Aukra', '20.5'], ['Hustadvika', '19.3766']]);
    expect(fin.percentDecimals).toBe(4);

    const own = await call(e.molde, 'GET', '/api/economy/2023/financing', undefined, 200);
    expect(own.shares).toHaveLength(1);
    expect(own.shares[0]).toMatchObject({ name: 'Molde', municipalityId: e.world.molde });
    await call(e.anon, 'GET', '/api/economy/2023/financing', undefined, 401);
    expect((await call(e.council, 'GET', '/api/economy/2023/financing', undefined, 200)).shares).toHaveLength(3);
    const [audit] = await e.database.db.select().from(auditLog).where(eq(auditLog.entity, 'economy_financing'));
    expect(audit!.after).toMatchObject({ year: 2023 });
  });

  it('settles the year: budget − actuals by the key, in whole kroner that sum to the result', async () => {
    const s = await call(e.council, 'GET', '/api/economy/2023/settlement', undefined, 200);
    // Operating budget 29 233 000 − 5 238 000; actuals 25 858 000 − 10 684 000.
    expect(s.resultOre).toBe((23_995_000 - 15_174_000) * 100);
    expect(s.rows.reduce((sum: number, r: { amountOre: number }) => sum + r.amountOre, 0)).toBe(s.resultOre);
    const own = await call(e.molde, 'GET', '/api/economy/2023/settlement', undefined, 200);
    expect(own.rows.map((r: { name: string }) => r.name)).toEqual(['Molde']);
    await call(e.anon, 'GET', '/api/economy/2023/settlement', undefined, 401);
  });
});

describe('a key left behind by a changed membership', () => {
  it('is refused with 409 naming the municipality, never shown', async () => {
    await call(e.staff, 'PUT', '/api/economy/2024/financing', {
      operatingFrameOre: 100_00, investmentFrameOre: 0,
      key: [{ municipalityId: e.world.molde, percent: 50 }, { municipalityId: e.world.aukra, percent: 50 }],
    }, 200);
    // Aukra's membership is corrected to have ended in 2023.
    await e.database.db.update(memberships).set({ left: '2023-12-31' }).where(eq(memberships.municipalityId, e.world.aukra));
    const refused = await call(e.council, 'GET', '/api/economy/2024/financing', undefined, 409);
    expect(refused.error.message).toMatch(/Aukra var ikke medlem i 2024/);
    await call(e.council, 'GET', '/api/economy/2024/settlement', undefined, 409);
    const repaired = await call(e.staff, 'PUT', '/api/economy/2024/financing', {
      operatingFrameOre: 100_00, investmentFrameOre: 0, key: [{ municipalityId: e.world.molde, percent: '100' }],
    }, 200);
    expect(repaired.shares.map((r: { name: string }) => r.name)).toEqual(['Molde']);
    await e.database.db.update(memberships).set({ left: null }).where(eq(memberships.municipalityId, e.world.aukra));
  });
});

describe('publication with a meeting', () => {
  it('shows the public nothing until the report is published with a published meeting', async () => {
    const body = await buildBody(e.database.db, { cooperationId: e.world.cooperationId });
    const meeting = await buildMeeting(e.database.db, { bodyId: body.id, published: false });
    const publicPath = `/api/public/meetings/${meeting.id}/economy`;
    await call(e.anon, 'GET', publicPath, undefined, 404);

    await call(e.anon, 'PUT', '/api/economy/2023/publications', { meetingId: meeting.id, asOf: '2023-12-01' }, 401);
    await call(e.council, 'PUT', '/api/economy/2023/publications', { meetingId: meeting.id, asOf: '2023-12-01' }, 403);
    const unknown = await call(e.staff, 'PUT', '/api/economy/2023/publications', { meetingId: randomUUID(), asOf: '2023-12-01' }, 400);
    expect(unknown.error.fields[0].path).toBe('meetingId');
    expect(await rows(economyPublications)).toBe(0);
    const published = await call(e.staff, 'PUT', '/api/economy/2023/publications', { meetingId: meeting.id, asOf: '2023-12-01' }, 200);
    expect(published).toMatchObject({ meetingId: meeting.id, year: 2023, asOf: '2023-12-01' });
    // The meeting itself is not published yet: still nothing for the public.
    await call(e.anon, 'GET', publicPath, undefined, 404);

    await e.database.db.update(meetings).set({ published: true }).where(eq(meetings.id, meeting.id));
    const report = await call(e.anon, 'GET', publicPath, undefined, 200);
    expect(report.operating.rows.find((r: { name: string }) => r.name === 'Lønn')).toMatchObject({
      figures: { actual: 25_858, budget: 29_233, deviation: 450, forecast: 28_783 }, forecastComment: null,
    });
    expect((await call(e.council, 'GET', '/api/economy/2023/publications', undefined, 200)).publications).toHaveLength(1);

    await call(e.staff, 'DELETE', `/api/economy/publications/${randomUUID()}`, undefined, 404);
    await call(e.staff, 'DELETE', `/api/economy/publications/${meeting.id}`, undefined, 204);
    await call(e.anon, 'GET', publicPath, undefined, 404);
    const audits = await e.database.db.select().from(auditLog).where(eq(auditLog.entity, 'economy_publication'));
    expect(audits.map((a) => a.action)).toEqual(['create', 'delete']);
  });
});

describe('the public copy follows the meeting', () => {
  it('is gone as soon as the meeting is no longer published, and the internal lists stay closed', async () => {
    const body = await buildBody(e.database.db, { cooperationId: e.world.cooperationId });
    const meeting = await buildMeeting(e.database.db, { bodyId: body.id, published: true });
    const publicPath = `/api/public/meetings/${meeting.id}/economy`;
    await call(e.staff, 'PUT', '/api/economy/2023/publications', { meetingId: meeting.id, asOf: '2023-12-01' }, 200);
    const report = await call(e.anon, 'GET', publicPath, undefined, 200);
    expect(report).toMatchObject({ year: 2023, asOf: '2023-12-01', mode: 'prognose' });
    expect([...report.operating.rows, ...report.investment.rows].every((r: { forecastComment: unknown }) => r.forecastComment === null)).toBe(true);

    await e.database.db.update(meetings).set({ published: false }).where(eq(meetings.id, meeting.id));
    const gone = await call(e.anon, 'GET', publicPath, undefined, 404);
    expect(JSON.stringify(gone)).not.toMatch(/Lønn|operating/);
    await call(e.anon, 'GET', '/api/economy/2023/publications', undefined, 401);
    await call(e.anon, 'GET', `/api/public/meetings/${randomUUID()}/economy`, undefined, 404);
  });
});

describe('every economy route', () => {
  it('refuses anonymous callers with 401 on every route the OpenAPI document lists', async () => {
    const res = await e.anon.get('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await res.json() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).filter(([p]) => p.startsWith('/api/economy/'))
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => [m.toUpperCase(), p] as const));
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const [method, p] of routes) {
      const concrete = p.replace('{year}', '2023').replace('{id}', randomUUID());
      const answer = await e.anon.request(method, concrete, method === 'GET' ? undefined : {});
      expect(answer.status, `${method} ${p}`).toBe(401);
    }
  });
});

describe('GET /api/economy/periods', () => {
  it('lists the years with figures newest first and the last period of actuals, for readers only (last: it adds a 2024 budget)', async () => {
    await call(e.anon, 'GET', '/api/economy/periods', undefined, 401);
    await call(e.molde, 'GET', '/api/economy/periods', undefined, 403);
    await call(e.staff, 'PUT', '/api/economy/2024/budgets', { lineId: ids.lonn, amountOre: 30_000_000_00 }, 200);
    const body = await call(e.council, 'GET', '/api/economy/periods', undefined, 200);
    // 2023 has actuals up to period 11 (set above); 2024 only a budget.
    expect(body.years[0]).toEqual({ year: 2024, lastPeriod: null });
    expect(body.years).toContainEqual({ year: 2023, lastPeriod: 11 });
  });
});
