// The annual report's own facts: staffing by department (counted from org's positions for a year in
// which org holds them, entered per year otherwise) and sick leave (entered, figures.service.ts), printed
// for the report's year and the two before, as the annual report compares every figure with the two
// previous years.
import { z } from '@hono/zod-openapi';
import { formatNumber } from '../../../lib/norwegian-format.js';
import { staffingOn, yearsWithPositions } from '../../org/staffing.service.js';
import { comparisonYears, enteredNote, registerReportBlock, type TBlockData } from './registry.js';

const dash = (v: number | undefined, decimals = 0) => (v === undefined ? '–' : formatNumber(v, decimals));

/** The day a year's staffing is counted on: its 31.12, or the report's date within the report's year. */
const countedOn = (year: number, asOf: string) => (`${year}-12-31` < asOf ? `${year}-12-31` : asOf);

export function registerAnnualReportBlocks() {
  registerReportBlock({
    type: 'reports.staffing', module: 'reports',
    label: { nb: 'Bemanning per avdeling', en: 'Staffing by department' },
    description: 'Årsverk og ansatte per avdeling i rapportens år og de to årene før, og kvinner og menn i året: fra stillingene og personenes kjønn i samrad der det finnes stillinger, ellers registrerte tall per 31.12.',
    params: z.object({}),
    load: async (ctx): Promise<TBlockData> => {
      const years = comparisonYears(ctx.asOf);
      const last = years.at(-1)!;
      // A year in which org holds positions is counted from them, women and men by the gender kept on each
      // person (one source: org); the other years take the entered figures.
      const liveYears = await yearsWithPositions(ctx.db, ctx.cooperationId, years);
      const live = new Map(await Promise.all([...liveYears].map(async (y) =>
        [y, await staffingOn(ctx.db, { cooperationId: ctx.cooperationId, on: countedOn(y, ctx.asOf) })] as const)));
      const rows = await ctx.entered(['staff.fte', 'staff.people', 'staff.women', 'staff.men'], years);
      const enteredRows = rows.filter((r) => !liveYears.has(r.year));
      const liveNames = [...live.values()].flatMap((s) => s.departments.filter((d) => d.people > 0).map((d) => d.name));
      const departments = [...new Set([...enteredRows.map((r) => r.dimension), ...liveNames])].sort((a, b) => a.localeCompare(b, 'nb'));
      const value = (metric: string, year: number, department: string | null) => {
        const staffing = live.get(year);
        if (staffing) {
          // The sum row counts a person with positions in two departments once.
          const figures = department === null ? staffing.total : staffing.departments.find((d) => d.name === department);
          if (!figures) return undefined;
          return metric === 'staff.fte' ? figures.fte : metric === 'staff.people' ? figures.people : metric === 'staff.women' ? figures.women : figures.men;
        }
        const hits = enteredRows.filter((r) => r.metric === metric && r.year === year && (department === null || r.dimension === department));
        return hits.length ? hits.reduce((s, r) => s + r.value, 0) : undefined;
      };
      const line = (department: string | null) => [
        ...years.map((y) => dash(value('staff.fte', y, department), 1)),
        ...years.map((y) => dash(value('staff.people', y, department))),
        dash(value('staff.women', last, department)), dash(value('staff.men', last, department)),
      ];
      const enteredYears = years.filter((y) => !liveYears.has(y) && rows.some((r) => r.year === y));
      const liveList = [...liveYears].sort();
      const lastLive = live.get(last);
      const ungendered = lastLive ? lastLive.total.people - lastLive.total.women - lastLive.total.men : 0;
      const notes = !departments.length ? [`Bemanningen for ${years[0]}–${last} er ikke registrert.`] : [
        ...(liveList.length ? [`Årsverk og ansatte for ${liveList.join(', ')}${lastLive ? `, kvinner og menn i ${last},` : ''} er talt fra stillingene i samrad.`] : []),
        ...(ungendered > 0 ? [`${ungendered} ${ungendered === 1 ? 'ansatt' : 'ansatte'} uten oppgitt kjønn er ikke med blant kvinner og menn.`] : []),
        ...(liveList.length ? enteredNote(enteredYears) : []),
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
        notes,
        source: !liveList.length ? 'entered' : !enteredYears.length ? 'live' : 'mixed',
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
