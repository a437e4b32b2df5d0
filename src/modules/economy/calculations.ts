// The economy's arithmetic as plain functions: rounding to report units, deviation, the allocation of a
// frame by a key (largest remainder, docs/decisions/0007-allocation-rounding.md), and reading
// percentages. Everything is integer øre and integer millionths; BigInt where a product can pass 2^53.
import type { TInvestmentTreatment, TProjectStatus, TReportMode } from './vocabulary.js';

export const ORE_PER_KRONE = 100;
export const ORE_PER_THOUSAND = 100_000;
/** 100 % of a key, in millionths. */
export const WHOLE_KEY = 1_000_000;

/** Rounds an integer to a multiple of `unit`, half away from zero (so −1 361,5 and 1 361,5 mirror each other). */
export function roundToUnit(value: number, unit: number): number {
  const sign = value < 0 ? -1 : 1;
  const abs = Math.abs(value);
  const whole = Math.floor(abs / unit);
  const rest = abs - whole * unit;
  const rounded = (2 * rest >= unit ? whole + 1 : whole) * unit;
  return sign * rounded || 0;
}

/** Øre to whole thousands of kroner, as the report tables print them ("tall i hele 1000"). */
export function toThousands(ore: number): number {
  return roundToUnit(ore, ORE_PER_THOUSAND) / ORE_PER_THOUSAND;
}

/**
 * Avvik: budget − forecast during the year, budget − actuals at year end. Positive = underspend
 * (mindreforbruk), negative = overspend (merforbruk). For income lines (negative amounts) the same
 * formula gives a positive deviation when more income comes in than budgeted.
 */
export function deviation(options: { budgetOre: number; forecastOre: number; actualOre: number; mode: TReportMode }): number {
  return options.budgetOre - (options.mode === 'arsslutt' ? options.actualOre : options.forecastOre);
}

/** During the year until 31.12; a report dated after the year is the year-end report. */
export function deviationMode(year: number, asOf: string): TReportMode {
  return asOf > `${year}-12-31` ? 'arsslutt' : 'prognose';
}

export type TFigureRow = { actualOre: number; budgetOre: number; forecastOre: number };
export type TRoundedFigures = { actual: number; budget: number; deviation: number; forecast: number };

/**
 * The deviation as per mille of the budget's size, half away from zero (−32 prints as −3,2 %); null when
 * there is no budget to measure against. Measured against |budget| so an income line's sign still says
 * underspend (+) or overspend (−), as the kroner column does.
 */
export function deviationPerMille(deviationOre: number, budgetOre: number): number | null {
  if (budgetOre === 0) return null;
  const scaled = BigInt(deviationOre) * 1000n;
  const size = BigInt(Math.abs(budgetOre));
  const whole = scaled / size;
  const twiceRest = 2n * (scaled % size);
  const away = twiceRest >= size ? 1n : twiceRest <= -size ? -1n : 0n;
  return Number(whole + away) || 0;
}

/** One line's four figures in whole thousands; the deviation is rounded from the unrounded difference. */
export function roundFigures(row: TFigureRow, mode: TReportMode): TRoundedFigures {
  return {
    actual: toThousands(row.actualOre),
    budget: toThousands(row.budgetOre),
    deviation: toThousands(deviation({ ...row, mode })),
    forecast: toThousands(row.forecastOre),
  };
}

/** The SUM row from the unrounded amounts, so it may differ by one from the sum of the printed lines. */
export function sumFigures(rows: TFigureRow[]): TFigureRow {
  return rows.reduce<TFigureRow>((s, r) => ({
    actualOre: s.actualOre + r.actualOre,
    budgetOre: s.budgetOre + r.budgetOre,
    forecastOre: s.forecastOre + r.forecastOre,
  }), { actualOre: 0, budgetOre: 0, forecastOre: 0 });
}

// ---- percentages ---------------------------------------------------------------------------------

/**
 * "34,1234", "34.1234" or 34.1234 (a JSON number is read through its shortest decimal form) to
 * millionths of the whole. At most four decimals, so the stored value is exact; null when unreadable.
 */
export function parsePercent(input: string | number): number | null {
  const text = (typeof input === 'number' ? String(input) : input).trim().replace(',', '.').replace(/\s*%$/, '');
  const m = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(text);
  if (!m) return null;
  const value = Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
  return value > WHOLE_KEY ? null : value;
}

/** Millionths as a percent with up to four decimals, "34.1234". */
export function formatPercent(millionths: number): string {
  const whole = Math.floor(millionths / 10_000);
  const frac = String(millionths % 10_000).padStart(4, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/**
 * The decimals a key prints with: every share with the same number, the most any share needs and at
 * least one, as the papers print a key ("18,0 %" beside "5,7326 %" becomes "18,0000 %").
 */
export function keyDecimals(millionths: number[]): number {
  return millionths.reduce((most, m) => Math.max(most, formatPercent(m).split('.')[1]?.length ?? 0), 1);
}

// ---- allocation ----------------------------------------------------------------------------------

export type TKeyShare = { id: string; name: string; shareMillionths: number };
export type TAllocation = { id: string; name: string; shareMillionths: number; amountOre: number };

export class AllocationError extends Error {}

/**
 * Splits `totalOre` by the key into parts that are whole multiples of `unitOre` and sum to the total
 * exactly. Largest remainder (Hamilton): every member gets the whole units of its exact quota; the units
 * left over go one each to the largest fractional remainders; ties go to the larger share, then by name,
 * so the result never depends on input order. A negative total (an overspend) is split as its absolute
 * value and negated, so a member's part of a loss mirrors its part of an equal gain.
 */
export function allocate(totalOre: number, key: TKeyShare[], unitOre: number): TAllocation[] {
  const sum = key.reduce((s, k) => s + k.shareMillionths, 0);
  if (sum !== WHOLE_KEY) throw new AllocationError(`Fordelingsnøkkelen summerer til ${formatPercent(sum)} %, ikke 100 %`);
  if (key.some((k) => !Number.isInteger(k.shareMillionths) || k.shareMillionths < 0)) throw new AllocationError('Andeler må være ikke-negative');
  if (!Number.isSafeInteger(totalOre) || totalOre % unitOre !== 0) {
    throw new AllocationError(`Rammen må være et helt antall av enheten (${unitOre / ORE_PER_KRONE} kr)`);
  }
  const sign = totalOre < 0 ? -1n : 1n;
  const units = BigInt(Math.abs(totalOre) / unitOre);
  const whole = BigInt(WHOLE_KEY);
  const parts = key.map((k) => {
    const exact = units * BigInt(k.shareMillionths);
    return { ...k, units: exact / whole, remainder: exact % whole };
  });
  let left = units - parts.reduce((s, p) => s + p.units, 0n);
  const order = [...parts].sort((a, b) =>
    (a.remainder === b.remainder ? 0 : a.remainder > b.remainder ? -1 : 1)
    || b.shareMillionths - a.shareMillionths
    || a.name.localeCompare(b.name, 'nb'));
  for (const p of order) {
    if (left === 0n) break;
    p.units += 1n;
    left -= 1n;
  }
  return parts.map((p) => ({
    id: p.id, name: p.name, shareMillionths: p.shareMillionths,
    amountOre: Number(sign * p.units * BigInt(unitOre)) || 0,
  }));
}

// ---- Norwegian amounts ---------------------------------------------------------------------------

/**
 * A ledger amount as Norwegian exports write it: "1 234,50", "-1 361", "−1 361" (minus sign), with
 * spaces, non-breaking or thin spaces as thousands separators, or "1.234,50". Returns øre, or null when
 * the text is not a number. A plain "1234.5" (one dot, no comma, not three digits after) is read as a
 * decimal point, as spreadsheets export it.
 */
export function parseNorwegianAmount(input: string): number | null {
  let text = input.trim().replace(/[\s\u00a0\u202f\u2009]/g, '').replace(/^[\u2212\u2013]/, '-');
  if (/^\(.*\)$/.test(text)) text = `-${text.slice(1, -1)}`;
  if (!text) return null;
  if (text.includes(',')) {
    // Comma is the decimal mark; dots can only be thousands separators.
    if (!/^[+-]?\d{1,3}(\.\d{3})*,\d{1,2}$|^[+-]?\d+,\d{1,2}$/.test(text)) return null;
    text = text.replace(/\./g, '').replace(',', '.');
  } else if (/^[+-]?\d{1,3}(\.\d{3})+$/.test(text)) {
    text = text.replace(/\./g, '');
  } else if (!/^[+-]?\d+(\.\d{1,2})?$/.test(text)) {
    return null;
  }
  const negative = text.startsWith('-');
  const [kr, ore = ''] = text.replace(/^[+-]/, '').split('.');
  const value = Number(kr) * ORE_PER_KRONE + Number(ore.padEnd(2, '0'));
  if (!Number.isSafeInteger(value)) return null;
  return negative ? -value || 0 : value;
}

// ---- year-end settlement of investments ----------------------------------------------------------

export type TProjectYearEnd = {
  lineId: string; name: string; status: TProjectStatus | null; endYear: number | null;
  budgetOre: number; actualOre: number;
};
export type TProjectSettlement = TProjectYearEnd & { balanceOre: number; treatment: TInvestmentTreatment };

/**
 * Investment funds at year end (docs/decisions/0010-investment-settlement.md). A project that goes on
 * after the year (planned or under way, and no end year before the next) keeps its balance: unused
 * funds are carried over to it, an overspend is carried as a debt it must cover next year. A project
 * that is finished, cancelled or whose end year is this year or earlier is settled with the members:
 * unused funds returned, an overspend charged, the sum in whole thousands as investment shares are.
 */
export function settleInvestments(projects: TProjectYearEnd[], year: number): {
  projects: TProjectSettlement[]; carriedOverOre: number; settledOre: number;
} {
  const settled = projects.map((p): TProjectSettlement => {
    const goesOn = (p.status === 'planlagt' || p.status === 'pagar') && (p.endYear === null || p.endYear > year);
    return { ...p, balanceOre: p.budgetOre - p.actualOre, treatment: goesOn ? 'overfores' : 'avregnes' };
  });
  const total = (treatment: TProjectSettlement['treatment']) =>
    settled.filter((p) => p.treatment === treatment).reduce((s, p) => s + p.balanceOre, 0);
  return {
    projects: settled,
    carriedOverOre: total('overfores'),
    settledOre: roundToUnit(total('avregnes'), ORE_PER_THOUSAND),
  };
}

// ---- exit settlement -----------------------------------------------------------------------------

/**
 * A leaving member's part of one amount: `baseOre × share`, rounded to a multiple of `unitOre` half away
 * from zero (docs/decisions/0040-exit-settlement.md). Not largest remainder: only one member's part is
 * settled, and it should be checkable by hand from the amount and the percent alone. Exact in BigInt.
 */
export function shareOfAmount(baseOre: number, shareMillionths: number, unitOre: number = ORE_PER_KRONE): number {
  if (!Number.isSafeInteger(baseOre)) throw new AllocationError('Beløpet må være et helt antall øre');
  if (!Number.isInteger(shareMillionths) || shareMillionths < 0 || shareMillionths > WHOLE_KEY) throw new AllocationError('Andelen må være mellom 0 og 100 %');
  const exact = BigInt(Math.abs(baseOre)) * BigInt(shareMillionths);
  const divisor = BigInt(WHOLE_KEY) * BigInt(unitOre);
  const whole = exact / divisor;
  const units = 2n * (exact % divisor) >= divisor ? whole + 1n : whole;
  const amount = Number(units * BigInt(unitOre));
  return baseOre < 0 ? -amount || 0 : amount;
}
