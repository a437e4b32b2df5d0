// The economy fragment: Norwegian number format, and a paper whose text carries the tables.
import { describe, expect, it } from 'vitest';
import type { TEconomyReport, TReportTable } from '../modules/economy/model.js';
import { composeEconomyDocument, composeFinancing, economyReportPdf, formatThousands } from './economy.js';
import { flatText, pdfStructure } from './pdf-text.js';

const table = (rows: [string, number, number, number, number][], sum: [number, number, number, number], explanation: string | null = null): TReportTable => ({
  rows: rows.map(([name, actual, budget, deviation, forecast], i) => ({
    lineId: `00000000-0000-0000-0000-00000000000${i}`, name, isIncome: actual < 0,
    figures: { actual, budget, deviation, forecast },
    exact: { actualOre: actual * 100_000, budgetOre: budget * 100_000, deviationOre: deviation * 100_000, forecastOre: forecast * 100_000 },
    forecastDate: null, forecastComment: null, explanation: i === 0 ? explanation : null,
  })),
  sum: { actual: sum[0], budget: sum[1], deviation: sum[2], forecast: sum[3] },
  sumExact: { actualOre: 0, budgetOre: 0, deviationOre: 0, forecastOre: 0 },
});

const report: TEconomyReport = {
  cooperationId: '00000000-0000-0000-0000-000000000001', year: 2023, asOf: '2023-12-01', mode: 'prognose', unit: 'tusen kr', throughPeriod: 12,
  operating: table([['Lønn', 25_858, 29_233, 450, 28_783], ['Inntekter', -10_684, -5_238, 2_787, -8_025]], [15_174, 23_995, 3_237, 20_758], 'Innsparinger på ansettelser.'),
  investment: table([['Zero-trust nettverk', 1_188, 500, -688, 1_188], ['Klientsikkerhet', 0, 1_000, 1_000, 0]], [1_188, 1_500, 312, 1_188]),
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
    expect(doc.operating.sum).toEqual({ actual: '15\u202f174', budget: '23\u202f995', deviation: '3\u202f237', forecast: '20\u202f758' });
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
    }, { cooperationId: report.cooperationId, year: 2023, asOf: '2024-01-01', resultOre: -261_000_00, rows: [
      { municipalityId: 'a', name: 'Aukra', percent: '5.7326', amountOre: -14_962_00 },
      { municipalityId: 'm', name: 'Molde', percent: '94.2674', amountOre: -246_038_00 },
    ] });
    const text = flatText(await economyReportPdf(report, 'ROR-IKT', financing));
    expect(text).toContain('Finansiering 2023');
    expect(text).toMatch(/Aukra 5,7326.% 4.807.702 831.000/);
    expect(text).toMatch(/Sum 100 % 83.866.000 14.500.000/);
    expect(text).toContain('merforbruk 261');
    expect(text).toMatch(/Molde 94,2674.% .246.038/);
  });
});
