// Which figure columns an economy report table prints, and what they are called on the papers. One rule
// for the paper, the report's data blocks, the spreadsheet and the page: while the year runs the table
// is seed 000's (Regnskap, Årsbudsjett, Avvik, Prognose); once the year is closed there is nothing left
// to forecast, so Prognose gives way to the deviation in per cent of the budget. Pure: the web imports it.
import { formatWholeKroner } from '../../lib/norwegian-format.js';
import type { TReportMode } from './vocabulary.js';

export type TFigureColumn = 'actual' | 'budget' | 'deviation' | 'forecast' | 'deviationPercent';

export function figureColumns(mode: TReportMode): TFigureColumn[] {
  return mode === 'arsslutt' ? ['actual', 'budget', 'deviation', 'deviationPercent'] : ['actual', 'budget', 'deviation', 'forecast'];
}

/** The papers' headings (bokmål; the web has its own catalogue for English). */
export const FIGURE_COLUMN_HEADINGS: Record<TFigureColumn, string> = {
  actual: 'Regnskap', budget: 'Årsbudsjett', deviation: 'Avvik', forecast: 'Prognose', deviationPercent: 'Avvik %',
};

/** The sentence under the table heading that says what Avvik is measured against. */
export function deviationRule(mode: TReportMode): string {
  return mode === 'arsslutt'
    ? 'Avvik er årsbudsjett minus regnskap; positivt tall er mindreforbruk.'
    : 'Avvik er årsbudsjett minus prognose; positivt tall er mindreforbruk, negativt merforbruk.';
}

type TFigures = { actual: number; budget: number; deviation: number; forecast: number };

/** A column's value of a row (thousands; the deviation percent as per mille of the budget, null without one). */
export function figureOf(figures: TFigures, deviationPerMille: number | null, column: TFigureColumn): number | null {
  return column === 'deviationPercent' ? deviationPerMille : figures[column];
}

/** The flag under the investment table when its budget is not the frame the members were charged. */
export function investmentFrameNote(report: { investmentFrame: { frameOre: number; budgetOre: number; differs: boolean } | null }): string | null {
  const f = report.investmentFrame;
  if (!f?.differs) return null;
  return `Investeringsbudsjettet (${formatWholeKroner(f.budgetOre)} kr) er ikke lik investeringsrammen (${formatWholeKroner(f.frameOre)} kr); `
    + `forskjellen er ${formatWholeKroner(f.budgetOre - f.frameOre)} kr.`;
}
