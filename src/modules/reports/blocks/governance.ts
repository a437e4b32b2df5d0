// Governance's data block: meetings held and cases minuted per body and year (the annual report's
// organisation chapter), with the two years before for comparison. It lives on the reports side
// because reports already depends on governance (legal bases, the meeting a report is attached to);
// governance importing reports back would make the two modules a cycle.
import { z } from '@hono/zod-openapi';
import { countMeetingsAndCases } from '../../governance/meetings.service.js';
import { registerReportBlock } from './registry.js';

const ZGovernanceBlockParams = z.object({
  /** 0: the report's year only; 1 or 2: also that many years before it. */
  previousYears: z.number().int().min(0).max(2).default(2),
});

export function registerGovernanceReportBlocks() {
  registerReportBlock({
    type: 'governance.meetings-and-cases', module: 'governance',
    label: { nb: 'Møter og saker per organ', en: 'Meetings and cases by body' },
    description: 'Avholdte møter og protokollerte saker per organ og år, med inntil to år før til sammenligning.',
    params: ZGovernanceBlockParams,
    load: async (ctx, params) => {
      const last = Number(ctx.asOf.slice(0, 4));
      const years = Array.from({ length: params.previousYears + 1 }, (_, i) => last - params.previousYears + i);
      const perYear = await Promise.all(years.map((year) => countMeetingsAndCases(ctx.db, { cooperationId: ctx.cooperationId, year })));
      const bodies = new Map<string, string>();
      perYear.flat().forEach((r) => bodies.set(r.bodyId, r.bodyName));
      const cell = (yearIndex: number, bodyId: string, key: 'meetingsHeld' | 'casesMinuted') =>
        String(perYear[yearIndex]!.find((r) => r.bodyId === bodyId)?.[key] ?? 0);
      const rows = [...bodies].sort((a, b) => a[1].localeCompare(b[1], 'nb')).map(([id, name]) => ({
        cells: [name, ...years.flatMap((_, i) => [cell(i, id, 'meetingsHeld'), cell(i, id, 'casesMinuted')])],
      }));
      const sum = (i: number, key: 'meetingsHeld' | 'casesMinuted') => String(perYear[i]!.reduce((s, r) => s + r[key], 0));
      return {
        title: 'Møter og saker', asOf: ctx.asOf,
        tables: [{
          caption: 'Møter og saker per organ', unit: null,
          columns: [{ label: 'Organ', align: 'left' as const }, ...years.flatMap((y) => [{ label: `Møter ${y}`, align: 'right' as const }, { label: `Saker ${y}`, align: 'right' as const }])],
          rows: [...rows, { cells: ['Sum', ...years.flatMap((_, i) => [sum(i, 'meetingsHeld'), sum(i, 'casesMinuted')])], sum: true }],
        }],
        charts: [],
        notes: [],
        source: 'live',
      };
    },
  });
}
