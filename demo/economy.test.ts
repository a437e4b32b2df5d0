// Acceptance of the economy demo: GET /api/economy/2023/report?asOf=2023-12-01 reproduces seed 000's
// operating and investment tables (every line's four figures equal; SUM within one thousand of the
// printed SUM), the June report shows seed 001's 1,47 mill. overspend, and the financing splits exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/test/db.js';
import { createTestApp, TestClient, type TestApp } from '../src/test/app.js';
import { accounts, DEMO_PASSWORD } from './data/index.js';
import { loadOrganisation } from './loader/organisation.js';
import { loadEconomyDemo } from './economy.js';
import { seed000Investment, seed000InvestmentSum, seed000Operating, seed000OperatingSum } from './economy-data.js';

let database: TestDatabase;
let app: TestApp;
let council: TestClient;

type TRow = { name: string; figures: { actual: number; budget: number; deviation: number; forecast: number } };
const asTuple = (r: TRow) => [r.name, r.figures.actual, r.figures.budget, r.figures.deviation, r.figures.forecast];
const sumTuple = (s: TRow['figures']) => [s.actual, s.budget, s.deviation, s.forecast];

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.transaction(async (tx) => {
    const refs = await loadOrganisation(tx, { userId: null, name: 'demo' });
    await loadEconomyDemo(tx, { userId: null, name: 'demo' }, refs);
  });
  app = createTestApp(database.db);
  const rad = accounts.find((a) => a.role === 'council')!;
  council = await new TestClient(app).login(rad.email, DEMO_PASSWORD);
});
afterAll(() => database.drop());

async function report(asOf: string) {
  const res = await council.get(`/api/economy/2023/report?asOf=${asOf}`);
  expect(res.status).toBe(200);
  return res.json();
}

const within = (actual: number[], printed: number[], tolerance: number) =>
  actual.forEach((v, i) => expect(Math.abs(v - printed[i]!), `column ${i}: ${v} vs ${printed[i]}`).toBeLessThanOrEqual(tolerance));

describe('seed 000, economy report per 1.12.2023', () => {
  it('reproduces the operating table (1.1 Driftskostnader)', async () => {
    const r = await report('2023-12-01');
    expect(r.operating.rows.map(asTuple)).toEqual(seed000Operating);
    within(sumTuple(r.operating.sum), seed000OperatingSum, 1);
    // The rounding the paper carries: SUM of Prognose is 84 127 although the lines add up to 84 128.
    expect(r.operating.sum).toEqual({ actual: 77_257, budget: 83_866, deviation: -261, forecast: 84_127 });
  });

  it('reproduces the investment table (1.2 Investeringskostnader)', async () => {
    const r = await report('2023-12-01');
    expect(r.investment.rows.map(asTuple)).toEqual(seed000Investment);
    within(sumTuple(r.investment.sum), seed000InvestmentSum, 1);
    expect(sumTuple(r.investment.sum)).toEqual(seed000InvestmentSum);
  });

  it('prints the explanations from the text beside their lines', async () => {
    const r = await report('2023-12-01');
    const text = (name: string) => r.operating.rows.find((x: TRow) => x.name === name)?.explanation;
    expect(text('Drift av stab og lokaler')).toMatch(/Storgata 33/);
    expect(text('Samband og tele')).toMatch(/Hustadvikas linjesamband/);
    expect(text('Inntekter')).toMatch(/viderefaktureres/);
  });
});

describe('seed 001, per 1.6.2023', () => {
  it('shows the forecast overspend of 1,47 mill. kr', async () => {
    const r = await report('2023-06-01');
    expect(r.operating.sumExact.deviationOre).toBe(-1_470_000_00);
    expect(r.operating.sum.deviation).toBe(-1_470);
    expect(r.investment.rows.find((x: TRow) => x.name === 'Nytt system for lønn, økonomi og personal').explanation).toMatch(/frysperiode/);
  });
});

describe('financing 2023', () => {
  it('splits the net operating and gross investment frames between the five members exactly', async () => {
    const res = await council.get('/api/economy/2023/financing');
    const fin = await res.json();
    // In the order the cooperation entered its key (the host first, then by size), not by name.
    expect(fin.shares.map((s: { name: string }) => s.name)).toEqual(['Molde', 'Hustadvika', 'Rauma', 'Vestnes', 'Aukra']);
    expect(fin.percentDecimals).toBe(4);
    expect(fin.operatingFrameOre).toBe(83_866_000_00);
    expect(fin.shares.reduce((s: number, x: { operatingOre: number }) => s + x.operatingOre, 0)).toBe(83_866_000_00);
    expect(fin.shares.reduce((s: number, x: { investmentOre: number }) => s + x.investmentOre, 0)).toBe(14_500_000_00);
  });
});
