// Each registered block against its module's own figures for the same date: the economy tables against
// buildEconomyReport, the service desk's against its KPI pack, governance's against its yearly count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from '@hono/zod-openapi';
import { formatThousands, formatWholeKroner as formatKroner } from '../../../lib/norwegian-format.js';
import { formatSharePercent } from '../../../lib/norwegian-format.js';
import { systemActor } from '../../../server/context.js';
import { registerReportBlocks } from '../../../server/report-blocks.js';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { setBudget } from '../../economy/budgets.service.js';
import { addManualActual } from '../../economy/actuals.service.js';
import { addExplanation, addForecast } from '../../economy/forecasts.service.js';
import { buildEconomyReport } from '../../economy/report.service.js';
import { buildEconomyWorld, buildLine } from '../../economy/test-factories.js';
import { computeKpiPack } from '../../servicedesk/kpi/kpi.service.js';
import { buildServiceDesk } from '../../servicedesk/test-factories.js';
import { createTicket } from '../../servicedesk/tickets/tickets.create.js';
import { zonedTime } from '../../servicedesk/sla/calendar.js';
import { countMeetingsAndCases } from '../../governance/meetings.service.js';
import { loadBlockLive } from '../blocks.service.js';
import { setGlossary } from '../glossary.service.js';
import { addFundMovement, createFund } from '../../economy/funds.service.js';
import { addExitSettlementLine, createExitSettlement, decideExitSettlement, getExitSettlement } from '../../economy/exit-settlements.service.js';
import { buildReportWorld } from '../test-factories.js';
import { blockMonths } from '../../servicedesk/report-blocks.js';
import { settledYear } from '../../economy/report-blocks.js';
import { getFinancing, getSettlement, setFinancing } from '../../economy/financing.service.js';
import { sdPhoneStats } from '../../servicedesk/schema.js';
import { createPerson } from '../../org/people.service.js';
import { createBodyMember } from '../../org/body-members.service.js';
import { createMunicipality } from '../../org/municipalities.service.js';
import { blockDefinition, listBlockDefinitions, registerReportBlock, ZBlockData } from './registry.js';
import { buildEquipment } from '../../equipment/test-factories.js';
import { addLicenceContract, computeLicenceMonth, createLicenceProduct } from '../../equipment/licences/licences.service.js';
import { importLicenceUsage } from '../../equipment/licences/licence-import.service.js';
import { formatDifference } from '../../equipment/report-blocks.js';

// Each test builds its world in a database of its own: the fixtures of different modules name the same municipalities.
let database: TestDatabase;
const opened: TestDatabase[] = [];
async function fresh() {
  database = await createTestDatabase();
  opened.push(database);
}
beforeAll(async () => {
  await fresh();
  registerReportBlocks();
});
afterAll(() => Promise.all(opened.map((d) => d.drop())));

const live = (cooperationId: string, asOf: string, type: string, params: Record<string, unknown> = {}) =>
  loadBlockLive(database.db, { cooperationId, asOf }, { type, params });

describe('the registry', () => {
  it('holds the first blocks of every module, each with a parameter schema', () => {
    expect(listBlockDefinitions().map((d) => d.type)).toEqual([
      'economy.exitSettlement', 'economy.financing', 'economy.funds', 'economy.investment', 'economy.operating', 'economy.result', 'economy.settlement', 'equipment.licences', 'equipment.pc-status', 'equipment.year-totals',
      'governance.council-members', 'governance.meetings-and-cases', 'portfolio.buildingProjects', 'portfolio.investmentProjects', 'portfolio.pipeline', 'portfolio.procurements',
      'reports.glossary', 'reports.sick-leave', 'reports.staffing',
      'servicedesk.by-channel', 'servicedesk.by-type', 'servicedesk.critical-incidents', 'servicedesk.new-by-category', 'servicedesk.new-by-municipality',
      'servicedesk.open-per-month', 'servicedesk.phone', 'servicedesk.phone-yearly', 'servicedesk.resolution-time', 'servicedesk.solved-closed',
    ]);
    expect(blockDefinition('servicedesk.new-by-category')!.params.safeParse({ months: 13 }).success).toBe(false);
  });

  it('takes a block from a module it has never heard of', async () => {
    registerReportBlock({
      type: 'equipment.pc-rotation', module: 'equipment', label: { nb: 'Rullering', en: 'PC rotation' }, description: 'Test',
      params: z.object({ category: z.enum(['Ansatt', 'Elev']) }),
      load: async (ctx, p) => ({ title: `Rullering ${p.category}`, asOf: ctx.asOf, tables: [], charts: [], notes: [], source: 'live' }),
    });
    const data = await live('00000000-0000-4000-8000-000000000000', '2023-12-01', 'equipment.pc-rotation', { category: 'Elev' });
    expect(data.title).toBe('Rullering Elev');
    expect((await live('00000000-0000-4000-8000-000000000000', '2023-12-01', 'gone.block')).notes).toEqual(['Blokktypen gone.block finnes ikke lenger']);
  });
});

describe('economy blocks', () => {
  it('print the economy report of the same date, line by line, with the explanations', async () => {
    const w = await buildEconomyWorld(database.db);
    const lonn = await buildLine(database.db, { cooperationId: w.cooperationId, name: 'Lønn' });
    const inntekter = await buildLine(database.db, { cooperationId: w.cooperationId, name: 'Inntekter', isIncome: true });
    const grunnmur = await buildLine(database.db, { cooperationId: w.cooperationId, name: 'Grunnmur del 3', kind: 'investering' });
    const year = { cooperationId: w.cooperationId, year: 2023 };
    await setBudget(database.db, systemActor, { ...year, lineId: lonn.id, amountOre: 29_233_000_00 });
    await setBudget(database.db, systemActor, { ...year, lineId: inntekter.id, amountOre: -5_238_000_00 });
    await setBudget(database.db, systemActor, { ...year, lineId: grunnmur.id, amountOre: 1_000_000_00 });
    await addForecast(database.db, systemActor, { ...year, lineId: lonn.id, date: '2023-11-20', amountOre: 28_783_000_00 });
    await addForecast(database.db, systemActor, { ...year, lineId: grunnmur.id, date: '2023-11-20', amountOre: 1_740_000_00 });
    await addManualActual(database.db, systemActor, { ...year, lineId: lonn.id, period: 11, amountOre: 25_858_000_00 });
    await addManualActual(database.db, systemActor, { ...year, lineId: inntekter.id, period: 10, amountOre: -10_684_000_00 });
    await addExplanation(database.db, systemActor, { ...year, lineId: lonn.id, date: '2023-11-20', text: 'Vakanser i Drift.' });
    // A forecast after the report's date is not in it, in the report nor in the block.
    await addForecast(database.db, systemActor, { ...year, lineId: lonn.id, date: '2023-12-15', amountOre: 1_00 });

    const report = await buildEconomyReport(database.db, { cooperationId: w.cooperationId, year: 2023, asOf: '2023-12-01' });
    const operating = await live(w.cooperationId, '2023-12-01', 'economy.operating');
    expect(ZBlockData.safeParse(operating).success).toBe(true);
    const expected = report.operating.rows.map((r) => [r.name, ...[r.figures.actual, r.figures.budget, r.figures.deviation, r.figures.forecast].map(formatThousands)]);
    expect(operating.tables[0]!.rows.slice(0, -1).map((r) => r.cells)).toEqual(expected);
    expect(operating.tables[0]!.rows.find((r) => r.cells[0] === 'Lønn')!.cells).toEqual(['Lønn', '25\u202f858', '29\u202f233', '450', '28\u202f783']);
    expect(operating.tables[0]!.rows.at(-1)).toEqual({ cells: ['SUM', ...[report.operating.sum.actual, report.operating.sum.budget, report.operating.sum.deviation, report.operating.sum.forecast].map(formatThousands)], sum: true });
    expect(operating.notes).toContain('Lønn: Vakanser i Drift.');
    expect((await live(w.cooperationId, '2023-12-01', 'economy.operating', { explanations: false })).notes).not.toContain('Lønn: Vakanser i Drift.');
    // The annual report's comparison: Regnskap of the two years before, beside the year's columns.
    await addManualActual(database.db, systemActor, { cooperationId: w.cooperationId, year: 2022, lineId: lonn.id, period: 12, amountOre: 24_100_000_00 });
    const compared = await live(w.cooperationId, '2023-12-01', 'economy.operating', { previousYears: 2 });
    expect(compared.tables[0]!.columns.map((c) => c.label)).toEqual(['Type utgift', 'Regnskap 2021', 'Regnskap 2022', 'Regnskap 2023', 'Årsbudsjett', 'Avvik', 'Prognose']);
    expect(compared.tables[0]!.rows.find((r) => r.cells[0] === 'Lønn')!.cells).toEqual(['Lønn', '–', '24\u202f100', '25\u202f858', '29\u202f233', '450', '28\u202f783']);
    const result = await live(w.cooperationId, '2023-12-01', 'economy.result');
    expect(result.tables[0]!.rows[1]!.cells).toEqual(['Regnskap', '–', '24\u202f100', formatThousands(report.operating.sum.actual)]);
    expect(result.source).toBe('live');
    const investment = await live(w.cooperationId, '2023-12-01', 'economy.investment');
    expect(investment.tables[0]!.rows[0]!.cells).toEqual(['Grunnmur del 3', '–', '1\u202f000', '\u2212740', '1\u202f740']);
  });
});

describe('economy financing and settlement blocks', () => {
  it('print the financing key and the settlement of the economy module, per member', async () => {
    await fresh();
    const w = await buildEconomyWorld(database.db);
    const lonn = await buildLine(database.db, { cooperationId: w.cooperationId, name: 'Lønn' });
    const year = { cooperationId: w.cooperationId, year: 2023 };
    await setBudget(database.db, systemActor, { ...year, lineId: lonn.id, amountOre: 1_000_000_00 });
    await addManualActual(database.db, systemActor, { ...year, lineId: lonn.id, period: 12, amountOre: 900_000_00 });
    await setFinancing(database.db, systemActor, {
      ...year, operatingFrameOre: 83_866_000_00, investmentFrameOre: 14_500_000_00,
      key: [{ municipalityId: w.molde, percent: '60' }, { municipalityId: w.aukra, percent: '15,5' }, { municipalityId: w.hustadvika, percent: '24,5' }],
    });
    const financing = await getFinancing(database.db, year);
    const block = await live(w.cooperationId, '2023-12-01', 'economy.financing');
    expect(block.tables[0]!.rows.map((r) => r.cells[0])).toEqual([...financing.shares.map((f) => f.name), 'SUM']);
    expect(financing.shares.map((f) => f.name)).toEqual(['Molde', 'Aukra', 'Hustadvika']);
    expect(block.tables[0]!.rows.map((r) => r.cells[1])).toEqual(['60,0\u00a0%', '15,5\u00a0%', '24,5\u00a0%', '100,0\u00a0%']);
    const molde = financing.shares.find((f) => f.name === 'Molde')!;
    expect(block.tables[0]!.rows.find((r) => r.cells[0] === 'Molde')!.cells).toEqual(['Molde', '60,0\u00a0%', '50\u202f319\u202f600', '8\u202f700\u202f000']);
    expect(molde.operatingOre).toBe(50_319_600_00);
    expect(block.tables[0]!.rows.at(-1)!.cells.slice(2)).toEqual(['83\u202f866\u202f000', '14\u202f500\u202f000']);
    expect((await live(w.cooperationId, '2023-12-01', 'economy.financing', { year: 2019 })).notes).toEqual(['Fordelingsnøkkel og rammer for 2019 er ikke registrert.']);

    expect([settledYear('2023-12-01'), settledYear('2023-12-31'), settledYear('2024-03-01')]).toEqual([2022, 2023, 2023]);
    const settlement = await getSettlement(database.db, { ...year, asOf: '2024-03-01' });
    expect(settlement.resultOre).toBe(100_000_00);
    const settled = await live(w.cooperationId, '2024-03-01', 'economy.settlement');
    expect(settled.title).toBe('Årsoppgjør 2023');
    expect(settled.tables[0]!.rows.map((r) => r.cells.slice(0, 3))).toEqual([
      ...settlement.rows.map((r) => [r.name, formatSharePercent(r.percent, 1), formatKroner(r.amountOre)]), ['SUM', '100,0\u00a0%', '100\u202f000'],
    ]);
    expect(settled.tables[0]!.rows.find((r) => r.cells[0] === 'Molde')!.cells[2]).toBe('60\u202f000');
    expect(settled.notes[0]).toBe('Driftsresultat 2023: mindreforbruk 100\u202f000 kr, fordelt etter årets nøkkel (positivt beløp tilbakebetales kommunen).');
  });
});

describe('economy funds block', () => {
  it('prints each fund with its balances and the decisions behind the year\'s movements', async () => {
    await fresh();
    const w = await buildEconomyWorld(database.db);
    expect((await live(w.cooperationId, '2023-12-31', 'economy.funds')).notes).toEqual(['Samarbeidet har ingen fond registrert.']);
    const fund = await createFund(database.db, systemActor, { cooperationId: w.cooperationId, kind: 'disposisjonsfond', name: 'Disposisjonsfond' });
    const move = { cooperationId: w.cooperationId, fundId: fund.id };
    await addFundMovement(database.db, systemActor, { ...move, kind: 'inngaende_saldo', date: '2022-12-31', amountOre: 1_000_000_00 });
    await addFundMovement(database.db, systemActor, { ...move, kind: 'bruk', date: '2023-04-20', amountOre: 250_000_00, decisionReference: '2023/M2-004', text: 'Skyprosjekt' });
    const block = await live(w.cooperationId, '2023-12-31', 'economy.funds');
    expect(block.title).toBe('Fond 2023');
    expect(block.tables[0]!.rows.map((r) => r.cells)).toEqual([
      ['Disposisjonsfond (disposisjonsfond)', '1\u202f000\u202f000', '0', '250\u202f000', '750\u202f000'],
      ['SUM', '1\u202f000\u202f000', '0', '250\u202f000', '750\u202f000'],
    ]);
    expect(block.notes).toEqual(['Disposisjonsfond: brukt 250\u202f000 kr 20.04.2023 etter vedtak i sak 2023/M2-004 (Skyprosjekt).']);
  });
});

describe('economy exit settlement block', () => {
  it('prints each leaving member\'s settlement as the economy module computes it, draft and decided', async () => {
    await fresh();
    const w = await buildEconomyWorld(database.db);
    const coop = { cooperationId: w.cooperationId };
    expect((await live(w.cooperationId, '2020-03-01', 'economy.exitSettlement')).notes).toEqual(['Ingen kommuner har utmeldingsoppgjør med utmelding i 2019.']);
    // Midsund left on 31.12.2019 with 12,3457 % of the 2019 key.
    await setFinancing(database.db, systemActor, {
      ...coop, year: 2019, operatingFrameOre: 10_000_000_00, investmentFrameOre: 0,
      key: [{ municipalityId: w.molde, percent: '60' }, { municipalityId: w.aukra, percent: '27,6543' }, { municipalityId: w.midsund, percent: '12,3457' }],
    });
    const fund = await createFund(database.db, systemActor, { ...coop, kind: 'disposisjonsfond', name: 'Disposisjonsfond' });
    await addFundMovement(database.db, systemActor, { ...coop, fundId: fund.id, kind: 'inngaende_saldo', date: '2018-12-31', amountOre: 1_234_567_89 });
    const draft = await createExitSettlement(database.db, systemActor, { ...coop, municipalityId: w.midsund, leavingDate: '2019-12-31', basis: 'nokkel' });
    await addExitSettlementLine(database.db, systemActor, { ...coop, id: draft.id, text: 'Andel av lisensavtale', amountOre: -25_000_00 });

    const view = { kind: 'cooperation' } as const;
    const expectBlockOf = async (asOf: string) => {
      const s = await getExitSettlement(database.db, { ...coop, id: draft.id, view });
      const block = await live(w.cooperationId, asOf, 'economy.exitSettlement');
      expect(block.title).toBe('Utmeldingsoppgjør 2019');
      expect(block.tables[0]!.caption).toBe('Utmeldingsoppgjør Midsund 31.12.2019');
      expect(block.tables[0]!.columns.map((c) => c.label)).toEqual(['Utmeldingsoppgjør Midsund 31.12.2019', 'Grunnlag', 'Andel', 'Beløp']);
      expect(block.tables[0]!.rows.map((r) => r.cells.at(-1))).toEqual([...s.lines.map((l) => formatKroner(l.amountOre)), formatKroner(s.sumOre)]);
      return { s, block };
    };
    const first = await expectBlockOf('2020-03-01');
    // 1 234 567,89 kr × 12,3457 % = 152 416,05 kr → 152 416 kr; the decided amount −25 000 kr.
    expect(first.block.tables[0]!.rows.map((r) => r.cells)).toEqual([
      ['Disposisjonsfond (fond)', '1\u202f234\u202f568', '12,3457\u00a0%', '152\u202f416'],
      ['Andel av lisensavtale (vedtatt beløp)', '', '', '\u2212' + '25\u202f000'],
      ['SUM', '', '', '127\u202f416'],
    ]);
    expect(first.s.sumOre).toBe(127_416_00);
    expect(first.block.notes[0]).toBe('Midsund: utkast, ikke vedtatt; andel 12,3457\u00a0% etter fordelingsnøkkelen for 2019.');

    // Decided: stored as it stood; a fund movement booked later on the leaving date no longer changes it.
    await decideExitSettlement(database.db, systemActor, { ...coop, id: draft.id, decisionReference: '2019/M6-004' });
    await addFundMovement(database.db, systemActor, { ...coop, fundId: fund.id, kind: 'avsetning', date: '2019-12-31', amountOre: 100_000_00, decisionReference: '2019/M6-005' });
    const decided = await expectBlockOf('2019-12-31');
    expect(decided.s.sumOre).toBe(127_416_00);
    expect(decided.block.notes[0]).toBe('Midsund: vedtatt i sak 2019/M6-004; andel 12,3457\u00a0% etter fordelingsnøkkelen for 2019.');
    expect((await live(w.cooperationId, '2019-12-31', 'economy.exitSettlement', { year: 2023 })).tables).toEqual([]);
  });
});

describe('service desk blocks', () => {
  it('count the same new tickets per category and municipality as the KPI pack, as a chart and a table', async () => {
    await fresh();
    const f = await buildServiceDesk(database.db);
    const at = (iso: string) => zonedTime('Europe/Oslo', iso);
    const tickets: [string, 'molde' | 'aukra', string][] = [
      ['2023-10-03T09:00', 'molde', 'Fagapplikasjoner'], ['2023-10-04T09:00', 'aukra', 'Fagapplikasjoner'],
      ['2023-11-06T10:00', 'molde', 'Infrastruktur'], ['2023-11-07T10:00', 'molde', 'Fagapplikasjoner'],
      ['2023-12-01T10:00', 'aukra', 'Infrastruktur'],
    ];
    for (const [when, m, category] of tickets) {
      await createTicket(database.db, f.agent, {
        type: 'feilmelding', category, title: 'Feil', description: 'Beskrivelse', priority: 'medium', municipalityId: f[m].id, requesterName: 'Innmelder', now: at(when),
      });
    }
    expect(blockMonths('2023-12-01', 4)).toEqual({ from: '2023-08', to: '2023-11' });
    expect(blockMonths('2024-01-10', 2)).toEqual({ from: '2023-11', to: '2023-12' });
    const pack = await computeKpiPack(database.db, { cooperationId: f.coop.id, municipalityId: null, municipalityName: null, from: '2023-10', to: '2023-11' });
    const byCategory = await live(f.coop.id, '2023-12-01', 'servicedesk.new-by-category', { months: 2 });
    expect(byCategory.tables[0]!.columns.map((c) => c.label)).toEqual(['Kategori', 'oktober 2023', 'november 2023']);
    expect(byCategory.tables[0]!.rows.slice(0, -1).map((r) => r.cells)).toEqual(pack.newByCategory.map((r) => [r.label, ...r.counts.map(String)]));
    expect(byCategory.tables[0]!.rows.find((r) => r.cells[0] === 'Fagapplikasjoner')!.cells).toEqual(['Fagapplikasjoner', '2', '1']);
    expect(byCategory.tables[0]!.rows.at(-1)!.cells).toEqual(['Sum', '2', '2']);
    expect(byCategory.charts[0]!.series.map((s) => s.name)).toEqual(['oktober 2023', 'november 2023']);
    const byMunicipality = await live(f.coop.id, '2023-12-01', 'servicedesk.new-by-municipality', { months: 2 });
    expect(byMunicipality.tables[0]!.rows.map((r) => r.cells)).toEqual([['Aukra', '1', '0'], ['Molde', '1', '2'], ['Sum', '2', '2']]);
    expect(byMunicipality.charts[0]!.categories).toEqual(['Aukra', 'Molde']);
    const resolution = await live(f.coop.id, '2023-12-01', 'servicedesk.resolution-time', { months: 2 });
    expect(resolution.tables[0]!.rows.map((r) => r.cells.slice(0, 2))).toEqual(pack.resolution.map((r) => [r.label, `${r.target} ${r.unit}`]));
  });

  it('print open tickets per month, the critical incidents, channels per year and the phone queue as the KPI pack counts them', async () => {
    await fresh();
    const f = await buildServiceDesk(database.db);
    const at = (iso: string) => zonedTime('Europe/Oslo', iso);
    const make = (when: string, type: 'feilmelding' | 'tjenesteforesporsel', priority: 'medium' | 'kritisk' | 'hoy', channel: 'portal' | 'telefon' | 'epost', title = 'Feil') =>
      createTicket(database.db, f.agent, { type, category: 'Infrastruktur', title, description: 'Beskrivelse', priority, channel, municipalityId: f.molde.id, requesterName: 'Innmelder', now: at(when) });
    await make('2021-05-03T09:00', 'feilmelding', 'medium', 'telefon');
    await make('2022-05-03T09:00', 'tjenesteforesporsel', 'medium', 'epost');
    await make('2023-10-03T09:00', 'feilmelding', 'medium', 'portal');
    await make('2023-10-04T09:00', 'tjenesteforesporsel', 'medium', 'portal');
    await make('2023-11-06T10:00', 'feilmelding', 'kritisk', 'telefon', 'SystemX Midsund utilgjengelig');
    await make('2023-11-11T10:00', 'feilmelding', 'hoy', 'telefon', 'Gerica mobil fungerer ikke');
    await database.db.insert(sdPhoneStats).values([
      { cooperationId: f.coop.id, day: '2023-10-02', offered: 747, answered: 650, meanWaitSeconds: 65, meanTalkSeconds: 250, importedAt: new Date() },
      { cooperationId: f.coop.id, day: '2023-11-01', offered: 589, answered: 501, meanWaitSeconds: 70, meanTalkSeconds: 245, importedAt: new Date() },
    ]);
    const pack = await computeKpiPack(database.db, { cooperationId: f.coop.id, municipalityId: null, municipalityName: null, from: '2023-10', to: '2023-11' });

    const open = await live(f.coop.id, '2023-12-01', 'servicedesk.open-per-month', { months: 2 });
    expect(open.tables[0]!.rows.map((r) => r.cells)).toEqual(pack.trend.map((t, i) => [['oktober 2023', 'november 2023'][i], ...[t.new, t.closed, t.openIncidents, t.openRequests, t.openOther, t.open].map(String)]));
    expect(open.tables[0]!.rows.at(-1)!.cells.at(-1)).toBe('6');
    const incidents = await live(f.coop.id, '2023-12-01', 'servicedesk.open-per-month', { months: 2, type: 'feilmelding' });
    expect(incidents.tables[0]!.rows.map((r) => r.cells)).toEqual([['oktober 2023', '1', '2'], ['november 2023', '2', '4']]);
    expect(incidents.notes).toEqual(['Antall åpne feilmeldinger ved utgangen av november 2023: 4.']);

    const critical = await live(f.coop.id, '2023-12-01', 'servicedesk.critical-incidents', { months: 2 });
    expect(critical.tables[0]!.rows.map((r) => r.cells.slice(0, 4))).toEqual([
      ['11.11.2023', 'Molde', 'Høy', 'Gerica mobil fungerer ikke'], ['06.11.2023', 'Molde', 'Kritisk', 'SystemX Midsund utilgjengelig'],
    ]);
    expect(critical.tables[0]!.rows.length).toBe(pack.criticalAndHigh.length);
    const onlyCritical = await live(f.coop.id, '2023-12-01', 'servicedesk.critical-incidents', { months: 2, priorities: ['kritisk'] });
    expect(onlyCritical.tables[0]!.rows.map((r) => r.cells[3])).toEqual(['SystemX Midsund utilgjengelig']);
    expect(onlyCritical.notes[0]).toMatch(/^I oktober 2023–november 2023 har vi hatt 1 hendelser med kritisk prioritet/);

    const channels = await live(f.coop.id, '2023-12-31', 'servicedesk.by-channel');
    const yearly = (await computeKpiPack(database.db, { cooperationId: f.coop.id, municipalityId: null, municipalityName: null, from: '2023-12', to: '2023-12' })).yearly;
    expect(channels.tables[0]!.columns.map((c) => c.label)).toEqual(['Kanal', '2021', '2022', '2023']);
    expect(channels.tables[0]!.rows.slice(0, -1).map((r) => r.cells)).toEqual(yearly.byChannel.map((c) => [c.label, ...c.counts.map(String)]));
    expect(channels.tables[0]!.rows.find((r) => r.cells[0] === 'Telefon')!.cells).toEqual(['Telefon', '1', '0', '2']);
    expect(channels.notes).toEqual([]);
    const types = await live(f.coop.id, '2023-12-31', 'servicedesk.by-type');
    expect(types.tables[0]!.rows.map((r) => r.cells)).toEqual([
      ...yearly.byType.map((r) => [r.label, ...r.counts.flatMap((n, i) => [String(n), r.shares[i] === null ? '–' : `${String(r.shares[i]!.toFixed(1)).replace('.', ',')}\u00a0%`])]),
      ['Sum', '1', '100\u00a0%', '1', '100\u00a0%', '4', '100\u00a0%'],
    ]);
    const phoneYears = await live(f.coop.id, '2023-12-31', 'servicedesk.phone-yearly');
    expect(phoneYears.tables[0]!.rows.map((r) => r.cells[3])).toEqual(['1\u202f336', '1\u202f151', '86,2\u00a0%', '1:07', '4:08']);

    const phone = await live(f.coop.id, '2023-12-01', 'servicedesk.phone', { months: 2 });
    expect(phone.tables[0]!.rows.map((r) => r.cells.slice(0, 4))).toEqual(pack.phone.map((p, i) => [['oktober 2023', 'november 2023'][i], String(p.offered), String(p.answered), `${Math.round(p.answerRate!)}\u00a0%`]));
    expect(phone.tables[0]!.rows[1]!.cells).toEqual(['november 2023', '589', '501', '85\u00a0%', '1:10', '4:05']);
    expect(phone.notes).toEqual(['Svarprosent i perioden: 86,2\u00a0%.']);
  });
});

describe('governance and glossary blocks', () => {
  it('count meetings and cases as governance does, and print the glossary alphabetically', async () => {
    await fresh();
    const w = await buildReportWorld(database.db);
    const data = await live(w.cooperationId, '2023-12-01', 'governance.meetings-and-cases', { previousYears: 1 });
    const counts = await countMeetingsAndCases(database.db, { cooperationId: w.cooperationId, year: 2023 });
    expect(data.tables[0]!.columns.map((c) => c.label)).toEqual(['Organ', 'Møter 2022', 'Saker 2022', 'Møter 2023', 'Saker 2023']);
    expect(counts.map((c) => c.meetingsHeld)).toEqual([1]);
    expect(data.tables[0]!.rows.map((r) => r.cells)).toEqual([
      ['Samarbeidsrådet for ROR-IKT', '0', '0', String(counts[0]!.meetingsHeld), String(counts[0]!.casesMinuted)], ['Sum', '0', '0', '1', String(counts[0]!.casesMinuted)],
    ]);
    await setGlossary(database.db, systemActor, { cooperationId: w.cooperationId, terms: [{ term: 'API', definition: 'Grensesnitt' }, { term: 'AD', definition: 'Katalogtjeneste' }] });
    const glossary = await live(w.cooperationId, '2023-12-01', 'reports.glossary');
    const molde = await createMunicipality(database.db, systemActor, { name: 'Molde', number: '1506' });
    const person = (givenName: string, familyName: string) => createPerson(database.db, systemActor, { givenName, familyName, email: `${givenName.toLowerCase()}@example.no` });
    const bodyId = w.meeting.bodyId;
    await createBodyMember(database.db, systemActor, { bodyId, personId: (await person('Marianne', 'Aasen')).id, role: 'leder', municipalityId: molde.id, fromDate: '2023-01-01' });
    await createBodyMember(database.db, systemActor, { bodyId, personId: (await person('Tidligere', 'Medlem')).id, role: 'medlem', municipalityId: molde.id, fromDate: '2019-01-01', toDate: '2022-12-31' });
    await createBodyMember(database.db, systemActor, { bodyId, personId: (await person('Fred', 'Gjørtz')).id, role: 'sekretar', fromDate: '2020-01-01' });
    const members = await live(w.cooperationId, '2023-12-01', 'governance.council-members');
    expect(members.tables[0]!.rows.map((r) => r.cells)).toEqual([['Marianne Aasen', 'Leder', 'Molde'], ['Fred Gjørtz', 'Sekretær', '']]);
    expect(JSON.stringify(members)).not.toContain('@example.no');
    expect(glossary.tables[0]!.rows.map((r) => r.cells)).toEqual([['AD', 'Katalogtjeneste'], ['API', 'Grensesnitt']]);
  });
});

describe('the equipment licence block', () => {
  it('prints the licence service\'s month, row by row, for the newest month by the report\'s date', async () => {
    await fresh();
    const f = await buildEquipment(database.db);
    const coop = { cooperationId: f.coop.id };
    const product = await createLicenceProduct(database.db, systemActor, { ...coop, name: 'Public 360', inactiveMonths: 4 });
    await addLicenceContract(database.db, systemActor, { ...coop, productId: product.id, municipalityId: f.ids.molde, count: 1, validFrom: '2024-01-01' });
    await addLicenceContract(database.db, systemActor, { ...coop, productId: product.id, municipalityId: null, count: 1, validFrom: '2024-01-01' });
    const csv = ['UPN;Kommune;Siste pålogging', 'm1@molde.no;Molde;03.06.2024', 'm2@molde.no;Molde;15.01.2024', 'm3@molde.no;Molde;28.06.2024', 'a1@aukra.no;Aukra;12.06.2024'];
    await importLicenceUsage(database.db, systemActor, { ...coop, productId: product.id, month: '2024-06', filename: 'p360.csv', bytes: new TextEncoder().encode(csv.join('\n')) });
    // A report per 1.7.2024 shows June, the month before (as the PC table does).
    const data = ZBlockData.parse(await live(f.coop.id, '2024-07-01', 'equipment.licences', { product: 'public 360' }));
    const m = await computeLicenceMonth(database.db, { ...coop, productId: product.id, month: '2024-06', municipalityId: null });
    const [table] = data.tables;
    expect(table!.caption).toBe('Public 360: aktive brukere mot avtalen, juni 2024');
    const n = (v: number | null) => (v === null ? '–' : String(v));
    expect(table!.rows.map((r) => r.cells)).toEqual([
      ...m.rows.map((r) => [r.municipality, r.inShared ? 'felles' : n(r.contracted), n(r.active), formatDifference(r.difference), n(r.candidates)]),
      ['Felles avtale', n(m.shared!.contracted), n(m.shared!.active), formatDifference(m.shared!.difference), n(m.shared!.candidates)],
      ['Sum', n(m.sum.contracted), n(m.sum.active), formatDifference(m.sum.difference), n(m.sum.candidates)],
    ]);
    expect(table!.rows[0]!.cells).toEqual(['Aukra', 'felles', '1', '–', '0']);
    expect(table!.rows[1]!.cells).toEqual(['Molde', '1', '2', '+1', '1']);
    expect(table!.rows.at(-2)!.cells).toEqual(['Felles avtale', '1', '1', '0', '0']);
    expect(table!.rows.at(-1)).toEqual({ cells: ['Sum', '2', '3', '+1', '1'], sum: true });
    expect(data.charts[0]!.series.map((s) => s.values)).toEqual([m.trend.map((t) => t.active), m.trend.map((t) => t.contracted)]);
    // Without a product: every product; an unknown one says so; a report before any import says that.
    expect((await live(f.coop.id, '2024-07-01', 'equipment.licences')).tables).toHaveLength(1);
    expect((await live(f.coop.id, '2024-07-01', 'equipment.licences', { product: 'Visma' })).notes[0]).toBe('Lisensproduktet «Visma» finnes ikke.');
    expect((await live(f.coop.id, '2024-06-01', 'equipment.licences')).notes[0]).toBe('Ingen lisensbruk er importert til og med rapportens dato.');
  });
});
