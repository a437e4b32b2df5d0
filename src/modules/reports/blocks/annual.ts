// The annual report's own facts, which no module holds: staffing by department and sick leave, entered
// per year (figures.service.ts) and printed for the report's year and the two before, as the annual
// report compares every figure with the two previous years.
import { z } from '@hono/zod-openapi';
import { formatNumber } from '../../../documents/servicedesk.js';
import { comparisonYears, registerReportBlock, type TBlockData } from './registry.js';

const dash = (v: number | undefined, decimals = 0) => (v === undefined ? '–' : formatNumber(v, decimals));

export function registerAnnualReportBlocks() {
  registerReportBlock({
    type: 'reports.staffing', module: 'reports',
    label: { nb: 'Bemanning per avdeling', en: 'Staffing by department' },
    description: 'Årsverk og ansatte per avdeling i rapportens år og de to årene før, og kvinner og menn i året (registrerte tall per 31.12).',
    params: z.object({}),
    load: async (ctx): Promise<TBlockData> => {
      const years = comparisonYears(ctx.asOf);
      const last = years.at(-1)!;
      const rows = await ctx.entered(['staff.fte', 'staff.people', 'staff.women', 'staff.men'], years);
      const departments = [...new Set(rows.map((r) => r.dimension))].sort((a, b) => a.localeCompare(b, 'nb'));
      const value = (metric: string, year: number, department: string | null) => {
        const hits = rows.filter((r) => r.metric === metric && r.year === year && (department === null || r.dimension === department));
        return hits.length ? hits.reduce((s, r) => s + r.value, 0) : undefined;
      };
      const line = (department: string | null) => [
        ...years.map((y) => dash(value('staff.fte', y, department), 1)),
        ...years.map((y) => dash(value('staff.people', y, department))),
        dash(value('staff.women', last, department)), dash(value('staff.men', last, department)),
      ];
      return {
        title: 'Bemanning', asOf: ctx.asOf,
        tables: departments.length ? [{
          caption: 'Bemanning per avdeling per 31.12', unit: null,
          columns: [
            { label: 'Avdeling', align: 'left' },
            ...years.map((y) => ({ label: `Årsverk ${y}`, align: 'right' as const })),
            ...years.map((y) => ({ label: `Ansatte ${y}`, align: 'right' as const })),
            { label: `Kvinner ${last}`, align: 'right' }, { label: `Menn ${last}`, align: 'right' },
          ],
          rows: [...departments.map((d) => ({ cells: [d, ...line(d)] })), { cells: ['Sum', ...line(null)], sum: true }],
        }] : [],
        charts: [],
        notes: departments.length ? [] : [`Bemanningen for ${years[0]}–${last} er ikke registrert.`],
        source: 'entered',
      };
    },
  });
  registerReportBlock({
    type: 'reports.sick-leave', module: 'reports',
    label: { nb: 'Sykefravær', en: 'Sick leave' },
    description: 'Sykefravær i prosent i rapportens år og de to årene før (registrerte tall).',
    params: z.object({}),
    load: async (ctx): Promise<TBlockData> => {
      const years = comparisonYears(ctx.asOf);
      const rows = await ctx.entered(['sickleave.percent'], years);
      const of = (y: number) => rows.find((r) => r.year === y)?.value;
      return {
        title: 'Sykefravær', asOf: ctx.asOf,
        tables: [{
          caption: 'Sykefravær per år', unit: 'prosent',
          columns: [{ label: '', align: 'left' }, ...years.map((y) => ({ label: String(y), align: 'right' as const }))],
          rows: [{ cells: ['Sykefravær', ...years.map((y) => (of(y) === undefined ? '–' : `${formatNumber(of(y)!, 1)}\u00a0%`))] }],
        }],
        charts: [{ kind: 'bar', title: 'Sykefravær', unit: '%', categories: years.map(String), series: [{ name: 'Sykefravær', values: years.map((y) => of(y) ?? null) }] }],
        notes: [],
        source: 'entered',
      };
    },
  });
}
