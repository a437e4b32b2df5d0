// Print data for the economy tables (economy-tables.typ): the report's figures formatted the Norwegian
// way (narrow no-break space between thousands, a true minus sign, "–" for zero) so the paper and the
// screen print the same strings. economyReportPdf renders the fragment as a paper of its own.
import type { TEconomyReport, TFinancing, TReportTable, TSettlement } from '../modules/economy/model.js';
import { renderPdf } from './renderer.js';
import type { TEconomyDocument, TPrintFigures, TPrintFinancing, TPrintTable } from './types.js';

export type { TEconomyDocument } from './types.js';

const NNBSP = '\u202f';

/** 25 858 → "25 858", −1 361 → "−1 361", 0 → "–". */
export function formatThousands(value: number): string {
  if (value === 0) return '–';
  const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  return value < 0 ? `\u2212${digits}` : digits;
}


/** Whole kroner from øre, "42 735 000" / "−133 055". */
export function formatKroner(ore: number): string {
  const kr = Math.round(ore / 100);
  const digits = String(Math.abs(kr)).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  return kr < 0 ? `\u2212${digits}` : digits;
}
const percent = (p: string) => `${p.replace('.', ',')}\u00a0%`;

/** The financing tables of the annual report; the settlement only for a closed year. */
export function composeFinancing(financing: TFinancing, settlement: TSettlement | null): TPrintFinancing | null {
  if (!financing.shares.length || financing.operatingFrameOre === null || financing.investmentFrameOre === null) return null;
  return {
    year: financing.year,
    operatingFrame: formatKroner(financing.operatingFrameOre),
    investmentFrame: formatKroner(financing.investmentFrameOre),
    shares: financing.shares.map((s) => ({ name: s.name, percent: percent(s.percent), operating: formatKroner(s.operatingOre), investment: formatKroner(s.investmentOre) })),
    settlement: settlement ? {
      resultText: `${settlement.resultOre >= 0 ? 'mindreforbruk' : 'merforbruk'} ${formatKroner(Math.abs(settlement.resultOre))} kr`,
      rows: settlement.rows.map((r) => ({ name: r.name, percent: percent(r.percent), amount: formatKroner(r.amountOre) })),
    } : null,
  };
}

function printFigures(f: { actual: number; budget: number; deviation: number; forecast: number }): TPrintFigures {
  return { actual: formatThousands(f.actual), budget: formatThousands(f.budget), deviation: formatThousands(f.deviation), forecast: formatThousands(f.forecast) };
}

function printTable(t: TReportTable): TPrintTable {
  return {
    rows: t.rows.map((r) => ({ name: r.name, explanation: r.explanation, ...printFigures(r.figures) })),
    sum: printFigures(t.sum),
  };
}

export function composeEconomyDocument(report: TEconomyReport, cooperationName: string, financing: TPrintFinancing | null = null): TEconomyDocument {
  const [y, m, d] = report.asOf.split('-');
  return {
    cooperationName,
    asOfText: `${Number(d)}.${Number(m)}.${y}`,
    ruleText: report.mode === 'arsslutt'
      ? 'Avvik er årsbudsjett minus regnskap; positivt tall er mindreforbruk.'
      : 'Avvik er årsbudsjett minus prognose; positivt tall er mindreforbruk, negativt merforbruk.',
    operating: printTable(report.operating),
    investment: printTable(report.investment),
    financing,
  };
}

export function economyReportPdf(report: TEconomyReport, cooperationName: string, financing: TPrintFinancing | null = null): Promise<Buffer> {
  return renderPdf('economy', composeEconomyDocument(report, cooperationName, financing));
}
