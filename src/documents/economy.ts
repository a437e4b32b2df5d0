// Print data for the economy tables (economy-tables.typ): the report's figures formatted the Norwegian
// way (narrow no-break space between thousands, a true minus sign, "–" for zero) so the paper and the
// screen print the same strings. economyReportPdf renders the fragment as a paper of its own.
import type { TEconomyReport, TFinancing, TReportTable, TSettlement } from '../modules/economy/model.js';
import { renderPdf } from './renderer.js';
import { formatPerMille, formatSharePercent, formatThousands, formatWholeKroner } from '../lib/norwegian-format.js';
import { deviationRule, FIGURE_COLUMN_HEADINGS, figureColumns, figureOf, investmentFrameNote, type TFigureColumn } from '../modules/economy/report-columns.js';
import type { TEconomyDocument, TPrintFinancing, TPrintTable } from './types.js';

export type { TEconomyDocument } from './types.js';


/** The financing tables of the annual report; the settlement only for a closed year. */
export function composeFinancing(financing: TFinancing, settlement: TSettlement | null): TPrintFinancing | null {
  if (!financing.shares.length || financing.operatingFrameOre === null || financing.investmentFrameOre === null) return null;
  const percent = (p: string) => formatSharePercent(p, financing.percentDecimals);
  return {
    year: financing.year,
    operatingFrame: formatWholeKroner(financing.operatingFrameOre),
    investmentFrame: formatWholeKroner(financing.investmentFrameOre),
    wholeKey: percent('100'),
    shares: financing.shares.map((s) => ({ name: s.name, percent: percent(s.percent), operating: formatWholeKroner(s.operatingOre), investment: formatWholeKroner(s.investmentOre) })),
    settlement: settlement ? {
      resultText: `${settlement.resultOre >= 0 ? 'mindreforbruk' : 'merforbruk'} ${formatWholeKroner(Math.abs(settlement.resultOre))} kr`,
      rows: settlement.rows.map((r) => ({ name: r.name, percent: percent(r.percent), amount: formatWholeKroner(r.amountOre) })),
    } : null,
  };
}

/** A column's figure as printed: whole thousands, or the deviation in per cent with one decimal. */
export function printFigure(figures: TReportTable['sum'], perMille: number | null, column: TFigureColumn): string {
  return column === 'deviationPercent' ? formatPerMille(perMille) : formatThousands(figureOf(figures, perMille, column) ?? 0);
}

function printTable(t: TReportTable, columns: TFigureColumn[]): TPrintTable {
  return {
    rows: t.rows.map((r) => ({ name: r.name, explanation: r.explanation, figures: columns.map((c) => printFigure(r.figures, r.deviationPerMille, c)) })),
    sum: columns.map((c) => printFigure(t.sum, t.sumDeviationPerMille, c)),
  };
}

export function composeEconomyDocument(report: TEconomyReport, cooperationName: string, financing: TPrintFinancing | null = null): TEconomyDocument {
  const [y, m, d] = report.asOf.split('-');
  const columns = figureColumns(report.mode);
  return {
    cooperationName,
    asOfText: `${Number(d)}.${Number(m)}.${y}`,
    ruleText: deviationRule(report.mode),
    columns: columns.map((c) => FIGURE_COLUMN_HEADINGS[c]),
    operating: printTable(report.operating, columns),
    investment: printTable(report.investment, columns),
    investmentFrameNote: investmentFrameNote(report),
    financing,
  };
}

export function economyReportPdf(report: TEconomyReport, cooperationName: string, financing: TPrintFinancing | null = null): Promise<Buffer> {
  return renderPdf('economy', composeEconomyDocument(report, cooperationName, financing));
}
