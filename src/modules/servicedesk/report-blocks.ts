// The service desk's data blocks for the reports (seed 000, 2.1.5 Support): new tickets by category and
// by municipality (charts with their tables) and the mean resolution time per priority against its
// target, over the months before the report's date, from the KPI pack (kpi/kpi.service.ts).
import { z } from '@hono/zod-openapi';
import { formatNumber } from '../../documents/servicedesk.js';
import { formatMonth } from '../../lib/norwegian-format.js';
import { registerReportBlock, type TBlockContext, type TBlockData } from '../reports/blocks/registry.js';
import { computeKpiPack } from './kpi/kpi.service.js';
import type { TKpiPack } from './kpi/kpi.js';

const ZDeskBlockParams = z.object({
  /** How many months, ending with the month before the report's date (a report per 1.12 shows up to November). */
  months: z.number().int().min(1, 'Minst 1 måned').max(12, 'Høyst 12 måneder').default(4),
});
type TDeskBlockParams = z.infer<typeof ZDeskBlockParams>;

/** The months a block covers: `months` months ending with the one before the report's date. */
export function blockMonths(asOf: string, months: number): { from: string; to: string } {
  let to = asOf.slice(0, 7);
  const [y, m] = to.split('-').map(Number) as [number, number];
  to = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  let from = to;
  for (let i = 1; i < months; i++) {
    const [fy, fm] = from.split('-').map(Number) as [number, number];
    from = fm === 1 ? `${fy - 1}-12` : `${fy}-${String(fm - 1).padStart(2, '0')}`;
  }
  return { from, to };
}

async function pack(ctx: TBlockContext, params: TDeskBlockParams): Promise<TKpiPack> {
  const { from, to } = blockMonths(ctx.asOf, params.months);
  return computeKpiPack(ctx.db, { cooperationId: ctx.cooperationId, municipalityId: null, municipalityName: null, from, to });
}

const monthNames = (p: TKpiPack) => p.months.map((m) => formatMonth(m, { long: true }));

function countsBlock(p: TKpiPack, asOf: string, title: string, first: string, rows: { label: string; counts: number[] }[]): TBlockData {
  const months = monthNames(p);
  const sums = p.months.map((_, i) => rows.reduce((s, r) => s + (r.counts[i] ?? 0), 0));
  return {
    title, asOf,
    tables: [{
      caption: title, unit: 'antall saker',
      columns: [{ label: first, align: 'left' }, ...months.map((label) => ({ label, align: 'right' as const }))],
      rows: [...rows.map((r) => ({ cells: [r.label, ...r.counts.map((n) => formatNumber(n))] })), { cells: ['Sum', ...sums.map((n) => formatNumber(n))], sum: true }],
    }],
    // As the paper draws it: one group of bars per category or municipality, one bar per month.
    charts: [{
      kind: 'bar', title, unit: 'saker', categories: rows.map((r) => r.label),
      series: months.map((name, i) => ({ name, values: rows.map((r) => r.counts[i] ?? 0) })),
    }],
    notes: [`Nye saker ${formatMonth(p.from, { long: true })}–${formatMonth(p.to, { long: true })}: ${formatNumber(sums.reduce((a, b) => a + b, 0))}.`],
    source: 'live',
  };
}

export function registerServiceDeskReportBlocks() {
  registerReportBlock({
    type: 'servicedesk.new-by-category', module: 'servicedesk',
    label: { nb: 'Nye feil og forespørsler per kategori', en: 'New incidents and requests by category' },
    description: 'Nye saker per kategori og måned, som søylediagram og tabell.',
    params: ZDeskBlockParams,
    load: async (ctx, params) => {
      const p = await pack(ctx, params);
      return countsBlock(p, ctx.asOf, 'Feil og forespørsler per kategori', 'Kategori', p.newByCategory);
    },
  });
  registerReportBlock({
    type: 'servicedesk.new-by-municipality', module: 'servicedesk',
    label: { nb: 'Nye feil og forespørsler per kommune', en: 'New incidents and requests by municipality' },
    description: 'Nye saker per kommune og måned, som søylediagram og tabell.',
    params: ZDeskBlockParams,
    load: async (ctx, params) => {
      const p = await pack(ctx, params);
      return countsBlock(p, ctx.asOf, 'Feil og forespørsler per kommune', 'Kommune', p.newByMunicipality);
    },
  });
  registerReportBlock({
    type: 'servicedesk.resolution-time', module: 'servicedesk',
    label: { nb: 'Gjennomsnittlig løsningstid per prioritet', en: 'Mean resolution time by priority' },
    description: 'Gjennomsnittlig løsningstid på innmeldte feil per prioritet og måned, mot SLA-målet.',
    params: ZDeskBlockParams,
    load: async (ctx, params) => {
      const p = await pack(ctx, params);
      const months = monthNames(p);
      return {
        title: 'Løsningstid per prioritet', asOf: ctx.asOf,
        tables: [{
          caption: 'Løsningstid per prioritet', unit: null,
          columns: [{ label: 'Prioritet', align: 'left' }, { label: 'SLA', align: 'right' }, ...months.map((label) => ({ label, align: 'right' as const }))],
          rows: p.resolution.map((r) => ({ cells: [r.label, `${formatNumber(r.target, 0)} ${r.unit}`, ...r.months.map((m) => formatNumber(m.mean, 1))] })),
        }],
        charts: [],
        notes: ['Tiden er målt hhv. i dager og timer og kan relateres til gjeldende SLA for de ulike prioritetene.'],
        source: 'live',
      };
    },
  });
}

