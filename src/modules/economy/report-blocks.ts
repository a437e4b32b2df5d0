// The economy's data blocks for the reports (seed 000, 1.1 Driftskostnader and 1.2
// Investeringskostnader): the operating and investment tables as of the report's date, in whole
// thousands, with each line's explanation as a note below the table.
import { z } from '@hono/zod-openapi';
import { formatThousands } from '../../documents/economy.js';
import { registerReportBlock, type TBlockData, type TBlockTable } from '../reports/blocks/registry.js';
import type { TEconomyReport, TReportTable } from './model.js';
import { buildEconomyReport } from './report.service.js';

const ZEconomyBlockParams = z.object({
  /** Leave out to print the explanation of each line below the table. */
  explanations: z.boolean().default(true),
});

const FIGURE_COLUMNS = ['Regnskap', 'Årsbudsjett', 'Avvik', 'Prognose'];

function table(caption: string, first: string, t: TReportTable): TBlockTable {
  return {
    caption, unit: 'tall i hele 1000',
    columns: [{ label: first, align: 'left' }, ...FIGURE_COLUMNS.map((label) => ({ label, align: 'right' as const }))],
    rows: [
      ...t.rows.map((r) => ({ cells: [r.name, ...[r.figures.actual, r.figures.budget, r.figures.deviation, r.figures.forecast].map(formatThousands)] })),
      { cells: ['SUM', ...[t.sum.actual, t.sum.budget, t.sum.deviation, t.sum.forecast].map(formatThousands)], sum: true },
    ],
  };
}

function blockData(report: TEconomyReport, which: 'operating' | 'investment', explanations: boolean): TBlockData {
  const t = report[which];
  const title = which === 'operating' ? 'Driftskostnader' : 'Investeringskostnader';
  const rule = report.mode === 'arsslutt'
    ? 'Avvik er årsbudsjett minus regnskap; positivt tall er mindreforbruk.'
    : 'Avvik er årsbudsjett minus prognose; positivt tall er mindreforbruk, negativt merforbruk.';
  return {
    title, asOf: report.asOf,
    tables: [table(title, which === 'operating' ? 'Type utgift' : 'Prosjekt', t)],
    charts: [],
    notes: [rule, ...(explanations ? t.rows.filter((r) => r.explanation).map((r) => `${r.name}: ${r.explanation}`) : [])],
    source: 'live',
  };
}

export function registerEconomyReportBlocks() {
  registerReportBlock({
    type: 'economy.operating', module: 'economy',
    label: { nb: 'Driftskostnader', en: 'Operating costs' },
    description: 'Regnskap, årsbudsjett, avvik og prognose per utgiftstype per rapportdatoen, i hele 1000 kr.',
    params: ZEconomyBlockParams,
    load: async (ctx, params) => blockData(await buildEconomyReport(ctx.db, { cooperationId: ctx.cooperationId, year: Number(ctx.asOf.slice(0, 4)), asOf: ctx.asOf }), 'operating', params.explanations),
  });
  registerReportBlock({
    type: 'economy.investment', module: 'economy',
    label: { nb: 'Investeringskostnader', en: 'Investment costs' },
    description: 'Regnskap, årsbudsjett, avvik og prognose per investeringsprosjekt per rapportdatoen, i hele 1000 kr.',
    params: ZEconomyBlockParams,
    load: async (ctx, params) => blockData(await buildEconomyReport(ctx.db, { cooperationId: ctx.cooperationId, year: Number(ctx.asOf.slice(0, 4)), asOf: ctx.asOf }), 'investment', params.explanations),
  });
}
