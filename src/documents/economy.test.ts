// The economy fragment: Norwegian number format, and a paper whose text carries the tables.
import { describe, expect, it } from 'vitest';
import type { TEconomyReport, TReportTable } from '../modules/economy/model.js';
import { composeEconomyDocument, composeFinancing, economyReportPdf } from './economy.js';
import { formatThousands } from '../lib/norwegian-format.js';
import { flatText, pdfStructure } from './pdf-text.js';

const table = (rows: [string, number, number, number, number][], sum: [number, number, number, number], explanation: string | null = null): TReportTable => ({
  rows: rows.map(([name, actual, budget, deviation, forecast], i) => ({
    lineId: `00000000-0000-0000-0000-00000000000${i}`, name, isIncome: actual < 0,
    figures: { actual, budget, deviation, forecast },
    exact: { actualOre: actual * 100_000, budgetOre: budget * 100_000, deviationOre: deviation * 100_000, forecastOre: forecast * 100_000 },
    forecastDate: null, forecastComment: null, explanation: i === 0 ? explanation : null,
    deviationPerMille: budget === 0 ? null : Math.round((deviation / Math.abs(budget)) * 1000),
  })),
  sum: { actual: sum[0], budget: sum[1], deviation: sum[2], forecast: sum[3] },
  sumExact: { actualOre: 0, budgetOre: 0, deviationOre: 0, forecastOre: 0 },
  sumDeviationPerMille: Math.round((sum[2] / Math.abs(sum[1])) * 1000),
});

const report: TEconomyReport = {
  cooperationId: '00000000-0000-0000-0000-000000000001', year: 2023, asOf: '2023-12-01', mode: 'prognose', unit: 'tusen kr', throughPeriod: 12,
  operating: table([['Lønn', 25_858, 29_233, 450, 28_783], ['Inntekter', -10_684, -5_238, 2_787, -8_025]], [15_174, 23_995, 3_237, 20_758], 'Innsparinger på ansettelser.'),
  investment: table([['Zero-trust nettverk', 1_188, 500, -688, 1_188], ['Klientsikkerhet', 0, 1_000, 1_000, 0]], [1_188, 1_500, 312, 1_188]),
  investmentFrame: { frameOre: 1_500_000_00, budgetOre: 1_500_000_00, differs: false },
};

describe('economy fragment', () => {
  it('formats thousands with a narrow no-break space, a minus sign and a dash for zero', () => {
    expect(formatThousands(25_858)).toBe('25\u202f858');
    expect(formatThousands(-1_361)).toBe('\u22121\u202f361');
    expect(formatThousands(1_000_000)).toBe('1\u202f000\u202f000');
    expect(formatThousands(450)).toBe('450');
    expect(formatThousands(0)).toBe('–');
  });

  it('composes the print data with the date as the papers write it', () => {
    const doc = composeEconomyDocument(report, 'ROR-IKT');
    expect(doc.asOfText).toBe('1.12.2023');
    expect(doc.columns).toEqual(['Regnskap', 'Årsbudsjett', 'Avvik', 'Prognose']);
    expect(doc.operating.sum).toEqual(['15\u202f174', '23\u202f995', '3\u202f237', '20\u202f758']);
    expect(doc.investmentFrameNote).toBeNull();
  });

  it('renders a paper with both tables, the SUM rows and the explanation', async () => {
    const pdf = await economyReportPdf(report, 'ROR-IKT');
    expect(pdfStructure(pdf)).toMatchObject({ tagged: true, lang: 'nb' });
    expect(pdfStructure(pdf).elements).toEqual(expect.arrayContaining(['Document', 'Table', 'TH']));
    const text = flatText(pdf);
    expect(text).toContain('1.1 Driftskostnader');
    expect(text).toContain('1.2 Investeringskostnader');
    expect(text).toMatch(/Lønn 25.858 29.233 450 28.783/);
    expect(text).toMatch(/Inntekter .10.684 .5.238 2.787 .8.025/);
    expect(text).toMatch(/Klientsikkerhet – 1.000 1.000 –/);
    expect(text).toContain('Innsparinger på ansettelser.');
    expect(text).toContain('pr. 1.12.2023');
  });

  it('adds the financing and the settlement of a closed year for the annual report', async () => {
    const financing = composeFinancing({
      cooperationId: report.cooperationId, year: 2023, operatingFrameOre: 83_866_000_00, investmentFrameOre: 14_500_000_00,
      shares: [
        { municipalityId: 'a', name: 'Aukra', percent: '5.7326', shareMillionths: 57_326, operatingOre: 4_807_702_00, investmentOre: 831_000_00 },
        { municipalityId: 'm', name: 'Molde', percent: '94.2674', shareMillionths: 942_674, operatingOre: 79_058_298_00, investmentOre: 13_669_000_00 },
      ],
      percentDecimals: 4,
    }, { cooperationId: report.cooperationId, year: 2023, asOf: '2024-01-01', resultOre: -261_000_00, percentDecimals: 4, rows: [
      { municipalityId: 'a', name: 'Aukra', percent: '5.7326', amountOre: -14_962_00 },
      { municipalityId: 'm', name: 'Molde', percent: '94.2674', amountOre: -246_038_00 },
    ] });
    const text = flatText(await economyReportPdf(report, 'ROR-IKT', financing));
    expect(text).toContain('Finansiering 2023');
    expect(text).toMatch(/Aukra 5,7326.% 4.807.702 831.000/);
    expect(text).toMatch(/Sum 100,0000.% 83.866.000 14.500.000/);
    expect(text).toContain('merforbruk 261');
    expect(text).toMatch(/Molde 94,2674.% .246.038/);
  });

  it('prints a key with the decimals it was decided with, the sum too: 18,0 % and 100,0 %', () => {
    const financing = composeFinancing({
      cooperationId: report.cooperationId, year: 2023, operatingFrameOre: 100_000_00, investmentFrameOre: 0, percentDecimals: 1,
      shares: [
        { municipalityId: 'm', name: 'Molde', percent: '82', shareMillionths: 820_000, operatingOre: 82_000_00, investmentOre: 0 },
        { municipalityId: 'a', name: 'Aukra', percent: '18', shareMillionths: 180_000, operatingOre: 18_000_00, investmentOre: 0 },
      ],
    }, null)!;
    expect(financing.shares.map((s) => [s.name, s.percent])).toEqual([['Molde', '82,0\u00a0%'], ['Aukra', '18,0\u00a0%']]);
    expect(financing.wholeKey).toBe('100,0\u00a0%');
  });

  it('once the year is closed, prints the deviation in per cent instead of the forecast, and flags a budget off the frame', async () => {
    const closed: TEconomyReport = { ...report, asOf: '2024-01-01', mode: 'arsslutt', investmentFrame: { frameOre: 2_000_000_00, budgetOre: 1_500_000_00, differs: true } };
    const doc = composeEconomyDocument(closed, 'ROR-IKT');
    expect(doc.columns).toEqual(['Regnskap', 'Årsbudsjett', 'Avvik', 'Avvik %']);
    expect(doc.operating.rows[0]!.figures).toEqual(['25\u202f858', '29\u202f233', '450', '1,5\u00a0%']);
    expect(doc.investmentFrameNote).toBe('Investeringsbudsjettet (1\u202f500\u202f000 kr) er ikke lik investeringsrammen (2\u202f000\u202f000 kr); forskjellen er \u2212500\u202f000 kr.');
    const text = flatText(await economyReportPdf(closed, 'ROR-IKT'));
    expect(text).toContain('Avvik %');
    expect(text).not.toContain('Prognose');
    expect(text).toMatch(/Lønn 25.858 29.233 450 1,5.%/);
    expect(text).toMatch(/Zero-trust nettverk 1.188 500 .688 .137,6.%/);
    expect(text).toContain('er ikke lik investeringsrammen');
  });
});
