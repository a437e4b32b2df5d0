// Contract test for GET /api/portfolio/investments: the investment projects' four figures are the
// economy module's for the same date (never typed again), for the council and staff only; a project
// is paid from an investment line, never an operating one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../server/context.js';
import { call, fieldsOf, json } from '../../../test/app.js';
import { setBudget } from '../../economy/budgets.service.js';
import { addForecast } from '../../economy/forecasts.service.js';
import { buildEconomyReport } from '../../economy/report.service.js';
import { buildLine } from '../../economy/test-factories.js';
import { blockDefinition, sharedWithin } from '../../reports/blocks/registry.js';
import { startPortfolio, type TPortfolioHttp } from '../portfolio-fixture.js';
import { buildProject } from '../test-factories.js';

let h: TPortfolioHttp;
let grunnmur: { id: string };
let lonn: { id: string };

beforeAll(async () => {
  h = await startPortfolio();
  const { db } = h.database;
  const cooperationId = h.world.coop.id;
  grunnmur = await buildLine(db, { cooperationId, name: 'Grunnmur del 3', kind: 'investering' });
  lonn = await buildLine(db, { cooperationId, name: 'Lønn' });
  await setBudget(db, systemActor, { cooperationId, year: 2023, lineId: grunnmur.id, amountOre: 1_000_000_00 });
  await addForecast(db, systemActor, { cooperationId, year: 2023, lineId: grunnmur.id, date: '2023-11-20', amountOre: 1_740_400_00 });
  await buildProject(db, h.world, { title: 'Grunnmur del 3', kindId: h.world.development.id, economyLineId: grunnmur.id });
});
afterAll(() => h.database.drop());

describe('GET /api/portfolio/investments', () => {
  it('gives each investment project the economy report\'s figures for the date', async () => {
    const status = await json(await h.council.get('/api/portfolio/investments?asOf=2023-12-01'), 200);
    const economy = await buildEconomyReport(h.database.db, { cooperationId: h.world.coop.id, year: 2023, asOf: '2023-12-01' });
    const line = economy.investment.rows.find((r) => r.lineId === grunnmur.id)!;
    expect(status).toMatchObject({ year: 2023, asOf: '2023-12-01', unit: 'tusen kr', mode: 'prognose' });
    expect(status.rows).toEqual([{ projectId: expect.any(String), title: 'Grunnmur del 3', phase: 'gjennomforing', lineId: grunnmur.id, lineName: 'Grunnmur del 3', figures: line.figures }]);
    expect(line.figures).toEqual({ actual: 0, budget: 1_000, deviation: -740, forecast: 1_740 });
  });

  it('are printed by the report block portfolio.investmentProjects with the economy report\'s figures for the report\'s date', async () => {
    const block = blockDefinition('portfolio.investmentProjects')!;
    const data = await block.load({ db: h.database.db, cooperationId: h.world.coop.id, asOf: '2023-12-01', entered: async () => [], shared: sharedWithin() }, {});
    const economy = await buildEconomyReport(h.database.db, { cooperationId: h.world.coop.id, year: 2023, asOf: '2023-12-01' });
    const { figures } = economy.investment.rows.find((r) => r.lineId === grunnmur.id)!;
    expect(figures).toEqual({ actual: 0, budget: 1_000, deviation: -740, forecast: 1_740 });
    expect(data.tables[0]!.columns.map((c) => c.label)).toEqual(['Prosjekt', 'Fase', 'Regnskap', 'Årsbudsjett', 'Avvik', 'Prognose']);
    // The economy report's figures as the papers print them: a dash for zero, a true minus sign.
    expect(data.tables[0]!.rows).toEqual([{ cells: ['Grunnmur del 3', 'Gjennomføring', '–', '1\u202f000', '\u2212740', '1\u202f740'] }]);
    expect(data.source).toBe('live');
  });

  it('is for the council and staff; a bad date is refused', async () => {
    await json(await h.anon.get('/api/portfolio/investments'), 401);
    await json(await h.molde.get('/api/portfolio/investments'), 403);
    expect(fieldsOf(await json(await h.staff.get('/api/portfolio/investments?asOf=2023-02-30'), 400))).toEqual(['asOf']);
  });

  it('refuses a project paid from an operating line', async () => {
    const body = { kindId: h.world.development.id, title: 'Lønnsprosjekt', economyLineId: lonn.id };
    expect(fieldsOf(await call(h.staff, 'POST', '/api/portfolio/projects', body, 400))).toEqual(['economyLineId']);
  });
});
