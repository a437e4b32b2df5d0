// The economy report as of a date (seed 000, 1.1 Driftskostnader and 1.2 Investeringskostnader): per
// line Regnskap, Årsbudsjett, Avvik and Prognose in whole thousands, a SUM row from the unrounded
// amounts, and the explanation. Sums are taken in the database (one grouped query per kind of figure),
// so the cost grows with the number of lines, not with the number of ledger rows fetched.
import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { deviation, deviationMode, deviationPerMille, roundFigures, sumFigures, type TFigureRow } from './calculations.js';
import type { TEconomyReport, TReportRow, TReportTable } from './model.js';
import { listLines, type TLineRow } from './lines.service.js';
import type { TReportMode } from './vocabulary.js';
import { actuals, budgetRevisions, budgets, economyLines, explanations, financingFrames, forecasts } from './schema.js';
import { yearOf } from '../../lib/date-schemas.js';

/** The last accounting period (month) whose actuals a report dated asOf includes. */
export function periodThrough(year: number, asOf: string): number {
  const asOfYear = yearOf(asOf);
  if (asOfYear > year) return 12;
  if (asOfYear < year) return 0;
  return Number(asOf.slice(5, 7));
}

const sumOre = (column: typeof actuals.amountOre | typeof budgetRevisions.changeOre) =>
  sql<string>`coalesce(sum(${column}), 0)`.mapWith(Number);

type TLineFigures = TFigureRow & { forecastDate: string | null; forecastComment: string | null; explanation: string | null; hasFigures: boolean };

async function loadFigures(db: DbOrTx, options: { cooperationId: string; year: number; asOf: string; lineIds: string[] }) {
  const { year, asOf, lineIds } = options;
  const figures = new Map<string, TLineFigures>(lineIds.map((id) => [id, {
    actualOre: 0, budgetOre: 0, forecastOre: 0, forecastDate: null, forecastComment: null, explanation: null, hasFigures: false,
  }]));
  if (!lineIds.length) return figures;
  const through = periodThrough(year, asOf);
  const [actualRows, budgetRows, revisionRows, forecastRows, explanationRows] = await Promise.all([
    db.select({ lineId: actuals.lineId, ore: sumOre(actuals.amountOre) }).from(actuals)
      .where(and(eq(actuals.cooperationId, options.cooperationId), eq(actuals.year, year), lte(actuals.period, through)))
      .groupBy(actuals.lineId),
    db.select({ lineId: budgets.lineId, ore: budgets.amountOre }).from(budgets)
      .where(and(inArray(budgets.lineId, lineIds), eq(budgets.year, year))),
    db.select({ lineId: budgetRevisions.lineId, ore: sumOre(budgetRevisions.changeOre) }).from(budgetRevisions)
      .where(and(inArray(budgetRevisions.lineId, lineIds), eq(budgetRevisions.year, year), lte(budgetRevisions.date, asOf)))
      .groupBy(budgetRevisions.lineId),
    // The latest forecast on or before the date, per line (ties on the day: the one entered last).
    db.selectDistinctOn([forecasts.lineId], { lineId: forecasts.lineId, ore: forecasts.amountOre, date: forecasts.date, comment: forecasts.comment })
      .from(forecasts)
      .where(and(inArray(forecasts.lineId, lineIds), eq(forecasts.year, year), lte(forecasts.date, asOf)))
      .orderBy(forecasts.lineId, sql`${forecasts.date} desc`, sql`${forecasts.createdAt} desc`),
    db.selectDistinctOn([explanations.lineId], { lineId: explanations.lineId, text: explanations.text })
      .from(explanations)
      .where(and(inArray(explanations.lineId, lineIds), eq(explanations.year, year), lte(explanations.date, asOf)))
      .orderBy(explanations.lineId, sql`${explanations.date} desc`, sql`${explanations.createdAt} desc`),
  ]);
  const at = (lineId: string) => figures.get(lineId);
  for (const r of actualRows) { const f = at(r.lineId); if (f) { f.actualOre = r.ore; f.hasFigures = true; } }
  for (const r of budgetRows) { const f = at(r.lineId)!; f.budgetOre += r.ore; f.hasFigures = true; }
  for (const r of revisionRows) { const f = at(r.lineId)!; f.budgetOre += r.ore; f.hasFigures = true; }
  const forecastByLine = new Map(forecastRows.map((r) => [r.lineId, r]));
  for (const [lineId, f] of figures) {
    const latest = forecastByLine.get(lineId);
    // No forecast yet: nothing suggests the line ends anywhere but on its budget.
    f.forecastOre = latest ? latest.ore : f.budgetOre;
    f.forecastDate = latest?.date ?? null;
    f.forecastComment = latest?.comment ?? null;
    if (latest) f.hasFigures = true;
  }
  for (const r of explanationRows) at(r.lineId)!.explanation = r.text;
  return figures;
}

function inYear(line: TLineRow, year: number) {
  return (line.startYear === null || line.startYear <= year) && (line.endYear === null || line.endYear >= year);
}

function buildTable(lines: TLineRow[], figures: Map<string, TLineFigures>, mode: TReportMode, year: number): TReportTable {
  // A line shows when it has figures this year, or is active and runs this year (an empty budget line is news too).
  const shown = lines.filter((l) => figures.get(l.id)!.hasFigures || (l.active && inYear(l, year)));
  const rows: TReportRow[] = shown.map((l) => {
    const f = figures.get(l.id)!;
    return {
      lineId: l.id,
      name: l.name,
      isIncome: l.isIncome,
      figures: roundFigures(f, mode),
      exact: { actualOre: f.actualOre, budgetOre: f.budgetOre, forecastOre: f.forecastOre, deviationOre: deviation({ ...f, mode }) },
      forecastDate: f.forecastDate,
      forecastComment: f.forecastComment,
      explanation: f.explanation,
      deviationPerMille: deviationPerMille(deviation({ ...f, mode }), f.budgetOre),
    };
  });
  const total = sumFigures(shown.map((l) => figures.get(l.id)!));
  const totalDeviation = deviation({ ...total, mode });
  return {
    rows,
    sum: roundFigures(total, mode),
    sumExact: { ...total, deviationOre: totalDeviation },
    sumDeviationPerMille: deviationPerMille(totalDeviation, total.budgetOre),
  };
}

export async function buildEconomyReport(db: DbOrTx, options: { cooperationId: string; year: number; asOf: string }): Promise<TEconomyReport> {
  const lines = await listLines(db, { cooperationId: options.cooperationId });
  const figures = await loadFigures(db, { ...options, lineIds: lines.map((l) => l.id) });
  const mode = deviationMode(options.year, options.asOf);
  const investment = buildTable(lines.filter((l) => l.kind === 'investering'), figures, mode, options.year);
  const frame = await db.query.financingFrames.findFirst({
    columns: { investmentFrameOre: true },
    where: and(eq(financingFrames.cooperationId, options.cooperationId), eq(financingFrames.year, options.year)),
  });
  return {
    cooperationId: options.cooperationId,
    year: options.year,
    asOf: options.asOf,
    mode,
    unit: 'tusen kr',
    throughPeriod: periodThrough(options.year, options.asOf),
    operating: buildTable(lines.filter((l) => l.kind === 'drift'), figures, mode, options.year),
    investment,
    investmentFrame: frame ? {
      frameOre: frame.investmentFrameOre,
      budgetOre: investment.sumExact.budgetOre,
      differs: frame.investmentFrameOre !== investment.sumExact.budgetOre,
    } : null,
  };
}

/**
 * The years that have figures (actuals or a budget), newest first, with the last accounting period of
 * actuals in each: the page opens on the newest year with figures instead of an empty current year.
 */
export async function figurePeriods(db: DbOrTx, cooperationId: string): Promise<{ year: number; lastPeriod: number | null }[]> {
  const rows = await db.select({ year: actuals.year, lastPeriod: sql<number>`max(${actuals.period})::int` })
    .from(actuals).where(eq(actuals.cooperationId, cooperationId)).groupBy(actuals.year);
  const budgetYears = await db.selectDistinct({ year: budgets.year }).from(budgets)
    .where(inArray(budgets.lineId, db.select({ id: economyLines.id }).from(economyLines).where(eq(economyLines.cooperationId, cooperationId))));
  const byYear = new Map<number, number | null>(rows.map((r) => [r.year, r.lastPeriod]));
  for (const b of budgetYears) if (!byYear.has(b.year)) byYear.set(b.year, null);
  return [...byYear].map(([year, lastPeriod]) => ({ year, lastPeriod })).sort((a, b) => b.year - a.year);
}
