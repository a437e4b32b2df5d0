// The deviation and allocation rules, the report rounding and the reading of Norwegian amounts.
import { describe, expect, it } from 'vitest';
import {
  allocate, AllocationError, deviation, deviationMode, formatPercent, parseNorwegianAmount, parsePercent,
  deviationPerMille, keyDecimals, roundFigures, roundToUnit, settleInvestments, shareOfAmount, sumFigures, toThousands, type TProjectYearEnd,
} from './calculations.js';

const kr = (n: number) => n * 100;

describe('deviation', () => {
  it('is budget − forecast during the year and budget − actuals at year end; positive = underspend', () => {
    const row = { budgetOre: kr(29_233_000), forecastOre: kr(28_783_000), actualOre: kr(25_858_000) };
    expect(deviation({ ...row, mode: 'prognose' })).toBe(kr(450_000));
    expect(deviation({ ...row, mode: 'arsslutt' })).toBe(kr(3_375_000));
    expect(deviation({ budgetOre: kr(715_000), forecastOre: kr(2_980_000), actualOre: 0, mode: 'prognose' })).toBe(kr(-2_265_000));
  });

  it('gives an income line (negative amounts) a positive deviation when more income comes in', () => {
    // Inntekter in seed 000: budget −5 238, forecast −8 025, Avvik 2 787.
    expect(deviation({ budgetOre: kr(-5_238_000), forecastOre: kr(-8_025_000), actualOre: 0, mode: 'prognose' })).toBe(kr(2_787_000));
    expect(deviation({ budgetOre: kr(-5_238_000), forecastOre: 0, actualOre: kr(-4_000_000), mode: 'arsslutt' })).toBe(kr(-1_238_000));
  });

  it('switches to the year-end rule only after 31.12', () => {
    expect(deviationMode(2023, '2023-12-01')).toBe('prognose');
    expect(deviationMode(2023, '2023-12-31')).toBe('prognose');
    expect(deviationMode(2023, '2024-02-15')).toBe('arsslutt');
  });
});

describe('report rounding', () => {
  it('rounds to whole thousands half away from zero', () => {
    expect(toThousands(kr(1_360_499))).toBe(1_360);
    expect(toThousands(kr(1_360_500))).toBe(1_361);
    expect(toThousands(kr(-1_360_500))).toBe(-1_361);
    expect(toThousands(kr(-1_360_499))).toBe(-1_360);
    expect(toThousands(kr(-400))).toBe(0);
    expect(Object.is(toThousands(kr(-400)), -0)).toBe(false);
    expect(roundToUnit(149, 100)).toBe(100);
  });

  it('computes the SUM row from unrounded amounts, not from the printed lines', () => {
    // Three lines of 0,4 thousand print 0 each; their sum 1,2 prints 1.
    const rows = [0, 1, 2].map(() => ({ actualOre: kr(400), budgetOre: kr(400), forecastOre: kr(400) }));
    expect(rows.map((r) => roundFigures(r, 'prognose').actual)).toEqual([0, 0, 0]);
    expect(roundFigures(sumFigures(rows), 'prognose')).toEqual({ actual: 1, budget: 1, deviation: 0, forecast: 1 });
  });

  it('rounds the deviation from the unrounded difference', () => {
    const f = roundFigures({ actualOre: 0, budgetOre: kr(1_000_400), forecastOre: kr(999_600) }, 'prognose');
    expect(f).toEqual({ actual: 0, budget: 1_000, deviation: 1, forecast: 1_000 });
  });
});

describe('deviation in per cent, and the decimals of a key', () => {
  it('measures the deviation in per mille of the budget, half away from zero, and has none without a budget', () => {
    expect(deviationPerMille(kr(450_000), kr(29_233_000))).toBe(15);
    expect(deviationPerMille(kr(-688_000), kr(500_000))).toBe(-1_376);
    expect(deviationPerMille(kr(5), kr(1_000))).toBe(5);
    expect(deviationPerMille(kr(1), kr(2_000))).toBe(1);
    expect(deviationPerMille(kr(-1), kr(2_000))).toBe(-1);
    expect(deviationPerMille(kr(2_787_000), kr(-5_238_000))).toBe(532);
    expect(deviationPerMille(kr(100), 0)).toBeNull();
    expect(deviationPerMille(0, kr(100))).toBe(0);
  });

  it('prints a key with the decimals its most exact share needs, at least one', () => {
    expect(keyDecimals([820_000, 180_000])).toBe(1);
    expect(keyDecimals([825_000, 175_000])).toBe(1);
    expect(keyDecimals([822_500, 177_500])).toBe(2);
    expect(keyDecimals([57_326, 942_674])).toBe(4);
    expect(keyDecimals([])).toBe(1);
  });
});

describe('percent', () => {
  it('reads up to four decimals exactly, with comma or dot', () => {
    expect(parsePercent('34,1234')).toBe(341_234);
    expect(parsePercent('34.1234')).toBe(341_234);
    expect(parsePercent(12.5)).toBe(125_000);
    expect(parsePercent('100')).toBe(1_000_000);
    expect(parsePercent('0,00001')).toBeNull();
    expect(parsePercent('100,0001')).toBeNull();
    expect(parsePercent('-1')).toBeNull();
    expect(parsePercent('abc')).toBeNull();
    expect(formatPercent(341_234)).toBe('34.1234');
    expect(formatPercent(125_000)).toBe('12.5');
    expect(formatPercent(1_000_000)).toBe('100');
  });
});

describe('allocate (largest remainder)', () => {
  const key = [
    { id: 'a', name: 'Aukra', shareMillionths: 333_333 },
    { id: 'b', name: 'Molde', shareMillionths: 333_334 },
    { id: 'c', name: 'Rauma', shareMillionths: 333_333 },
  ];

  it('splits an operating frame in whole kroner so the parts sum to the frame exactly', () => {
    const parts = allocate(kr(100), key, 100);
    expect(parts.map((p) => p.amountOre)).toEqual([kr(33), kr(34), kr(33)]);
    const frame = kr(83_866_001);
    const split = allocate(frame, key, 100);
    expect(split.reduce((s, p) => s + p.amountOre, 0)).toBe(frame);
    expect(split.every((p) => p.amountOre % 100 === 0)).toBe(true);
  });

  it('splits an investment frame in whole thousands; the remainder goes to the largest fractional parts', () => {
    // 14 500 thousand by 33,3333/33,3334/33,3333: quotas 4 833,33 / 4 833,34 / 4 833,33 → one unit left over,
    // which the largest remainder (Molde, ,34) gets.
    const split = allocate(kr(14_500_000), key, kr(1_000));
    expect(split.map((p) => p.amountOre / kr(1_000))).toEqual([4_833, 4_834, 4_833]);
    expect(split.reduce((s, p) => s + p.amountOre, 0)).toBe(kr(14_500_000));
  });

  it('breaks equal remainders by the larger share, then by name, whatever the input order', () => {
    const even = [
      { id: 'r', name: 'Rauma', shareMillionths: 250_000 },
      { id: 'a', name: 'Aukra', shareMillionths: 250_000 },
      { id: 'v', name: 'Vestnes', shareMillionths: 250_000 },
      { id: 'm', name: 'Molde', shareMillionths: 250_000 },
    ];
    const split = allocate(kr(6), even, 100);
    expect(Object.fromEntries(split.map((p) => [p.name, p.amountOre / 100]))).toEqual({ Aukra: 2, Molde: 2, Rauma: 1, Vestnes: 1 });
    expect(allocate(kr(6), [...even].reverse(), 100).find((p) => p.name === 'Aukra')!.amountOre).toBe(kr(2));
  });

  it('mirrors a negative total (overspend) and handles large frames without losing precision', () => {
    const gain = allocate(kr(261_001), key, 100);
    const loss = allocate(kr(-261_001), key, 100);
    expect(loss.map((p) => p.amountOre)).toEqual(gain.map((p) => -p.amountOre));
    const huge = allocate(kr(9_000_000_000_001), key, 100);
    expect(huge.reduce((s, p) => s + p.amountOre, 0)).toBe(kr(9_000_000_000_001));
  });

  it('refuses a key that does not sum to exactly 100 %, and a frame not in whole units', () => {
    expect(() => allocate(kr(100), key.slice(0, 2), 100)).toThrow(AllocationError);
    expect(() => allocate(kr(100), [...key, { id: 'd', name: 'Vestnes', shareMillionths: 1 }], 100)).toThrow(/100,0001|100.0001/);
    expect(() => allocate(kr(14_500_500), key, kr(1_000))).toThrow(AllocationError);
  });

  it('gives a zero share nothing', () => {
    const split = allocate(kr(999), [{ id: 'a', name: 'A', shareMillionths: 1_000_000 }, { id: 'b', name: 'B', shareMillionths: 0 }], 100);
    expect(split.map((p) => p.amountOre)).toEqual([kr(999), 0]);
  });
});

describe('parseNorwegianAmount', () => {
  it.each([
    ['1 234,50', 123_450],
    ['1\u00a0234,50', 123_450],
    ['1\u202f234,5', 123_450],
    ['-1 361', -136_100],
    ['\u22121 361', -136_100],
    ['1.234,50', 123_450],
    ['1234.5', 123_450],
    ['1.234', 123_400],
    ['0', 0],
    ['(250,00)', -25_000],
    ['+12', 1_200],
  ])('%s → %d øre', (text, ore) => expect(parseNorwegianAmount(text)).toBe(ore));

  it.each(['', 'abc', '1,234,5', '12,345', '1 2x', '--1', '1,2.3'])('rejects %j', (text) => expect(parseNorwegianAmount(text)).toBeNull());
});

describe('settleInvestments', () => {
  const project = (name: string, status: TProjectYearEnd['status'], endYear: number | null, budgetKr: number, actualKr: number): TProjectYearEnd =>
    ({ lineId: name, name, status, endYear, budgetOre: budgetKr * 100, actualOre: actualKr * 100 });

  it('carries over what goes on, settles what is finished, cancelled or ended, in whole thousands', () => {
    const result = settleInvestments([
      project('Beredskapsplattform', 'pagar', 2024, 1_800_000, 0),
      project('Grunnmur del 3', 'planlagt', null, 1_000_000, 1_290_000),
      project('Zero-trust nettverk', 'avsluttet', 2023, 500_000, 1_188_000),
      project('Digitalisering teknisk sektor', 'pagar', 2023, 1_400_000, 809_400),
      project('Innbyggerportal', 'avlyst', 2024, 600_000, 0),
    ], 2023);
    expect(result.projects.map((p) => [p.name, p.treatment, p.balanceOre / 100])).toEqual([
      ['Beredskapsplattform', 'overfores', 1_800_000],
      ['Grunnmur del 3', 'overfores', -290_000],
      ['Zero-trust nettverk', 'avregnes', -688_000],
      ['Digitalisering teknisk sektor', 'avregnes', 590_600],
      ['Innbyggerportal', 'avregnes', 600_000],
    ]);
    // The overspend on Grunnmur stays with the project: 1 800 000 − 290 000.
    expect(result.carriedOverOre).toBe(1_510_000_00);
    // −688 000 + 590 600 + 600 000 = 502 600 → 503 000.
    expect(result.settledOre).toBe(503_000_00);
  });

  it('settles an overspend of ended projects as a charge, rounded half away from zero', () => {
    const result = settleInvestments([project('A', 'avsluttet', 2023, 100_000, 100_500), project('B', 'pagar', 2022, 0, 1_000)], 2023);
    expect(result.settledOre).toBe(-2_000_00);
    expect(result.carriedOverOre).toBe(0);
  });
});

describe('shareOfAmount (exit settlement, decision 0040)', () => {
  it('rounds balance × share to whole kroner half away from zero, exactly', () => {
    // 1 234 567,89 kr × 12,3457 % = 152 416,047… kr
    expect(shareOfAmount(123_456_789, 123_457)).toBe(kr(152_416));
    // 1 000 001 kr × 50 % = 500 000,50 kr: half goes away from zero, the same for a debt
    expect(shareOfAmount(kr(1_000_001), 500_000)).toBe(kr(500_001));
    expect(shareOfAmount(-kr(1_000_001), 500_000)).toBe(-kr(500_001));
    expect(shareOfAmount(kr(1_000_001), 499_999)).toBe(kr(499_999));
    expect(shareOfAmount(0, 250_000)).toBe(0);
    expect(Object.is(shareOfAmount(-1, 1), 0)).toBe(true);
    // Past 2^53 in the product, still exact: 90 billion kr × 33,3333 %
    expect(shareOfAmount(kr(90_000_000_000), 333_333)).toBe(kr(29_999_970_000));
  });

  it('refuses a share outside 0–100 % and a fraction of an øre', () => {
    expect(() => shareOfAmount(100, 1_000_001)).toThrow(AllocationError);
    expect(() => shareOfAmount(100, -1)).toThrow(AllocationError);
    expect(() => shareOfAmount(1.5, 10)).toThrow(AllocationError);
  });
});
