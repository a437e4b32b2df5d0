// Governance's data blocks: meetings held and cases minuted per body and year (the annual report's
// organisation chapter), with the two years before for comparison; and the council's members on the
// report's date (name, role, municipality; never their e-mail addresses, the report goes to the public). It lives on the reports side
// because reports already depends on governance (legal bases, the meeting a report is attached to);
// governance importing reports back would make the two modules a cycle.
import { z } from '@hono/zod-openapi';
import { countMeetingsAndCases } from '../../governance/meetings.service.js';
import { listBodies } from '../../org/bodies.service.js';
import { listBodyMembersOn } from '../../org/body-members.service.js';
import type { TBodyMemberRole } from '../../org/vocabulary.js';
import { enteredNote, registerReportBlock, sourceOf } from './registry.js';
import { yearOf } from '../../../lib/date-schemas.js';

const ROLE_LABELS: Record<TBodyMemberRole, string> = {
  leder: 'Leder', nestleder: 'Nestleder', medlem: 'Medlem', ansattrepresentant: 'Ansattrepresentant', varamedlem: 'Varamedlem', observator: 'Observatør', sekretar: 'Sekretær',
};

const ZMembersParams = z.object({
  /** The body; left out, the cooperation's council (the first active body of kind `rad`). */
  bodyId: z.string().uuid('Ugyldig organ-id').optional(),
});

const ZGovernanceBlockParams = z.object({
  /** 0: the report's year only; 1 or 2: also that many years before it. */
  previousYears: z.number().int().min(0).max(2).default(2),
});

export function registerGovernanceReportBlocks() {
  registerReportBlock({
    type: 'governance.council-members', module: 'governance',
    label: { nb: 'Samarbeidsrådets medlemmer', en: 'Council members' },
    description: 'Medlemmene av rådet (eller et annet organ) på rapportens dato: navn, rolle og kommunen de representerer.',
    params: ZMembersParams,
    load: async (ctx, params) => {
      const bodies = await listBodies(ctx.db, { cooperationId: ctx.cooperationId, active: true });
      const body = params.bodyId ? bodies.find((b) => b.id === params.bodyId) : bodies.find((b) => b.kind === 'rad') ?? bodies[0];
      if (!body) return { title: 'Rådets medlemmer', asOf: ctx.asOf, tables: [], charts: [], notes: ['Organet finnes ikke i samarbeidet.'], source: 'live' };
      const members = await listBodyMembersOn(ctx.db, body.id, ctx.asOf);
      return {
        title: `Medlemmer av ${body.name}`, asOf: ctx.asOf,
        tables: [{
          caption: `${body.name} per ${ctx.asOf.split('-').reverse().join('.')}`, unit: null,
          columns: [{ label: 'Navn', align: 'left' as const }, { label: 'Rolle', align: 'left' as const }, { label: 'Representerer', align: 'left' as const }],
          rows: members.map((m) => ({ cells: [`${m.givenName} ${m.familyName}`.trim(), ROLE_LABELS[m.role], m.municipalityName ?? m.title ?? ''] })),
        }],
        charts: [], notes: members.length ? [] : ['Ingen medlemmer registrert på datoen.'], source: 'live',
      };
    },
  });
  registerReportBlock({
    type: 'governance.meetings-and-cases', module: 'governance',
    label: { nb: 'Møter og saker per organ', en: 'Meetings and cases by body' },
    description: 'Avholdte møter og protokollerte saker per organ og år, med inntil to år før til sammenligning; registrerte tall for år før samrad hadde dataene.',
    params: ZGovernanceBlockParams,
    load: async (ctx, params) => {
      const last = yearOf(ctx.asOf);
      const years = Array.from({ length: params.previousYears + 1 }, (_, i) => last - params.previousYears + i);
      const live = await Promise.all(years.map((year) => countMeetingsAndCases(ctx.db, { cooperationId: ctx.cooperationId, year })));
      // A year without a meeting in samrad takes the figures entered for it, per body by name.
      const entered = await ctx.entered(['governance.meetings', 'governance.cases'], years);
      const enteredYears: number[] = [];
      const perYear = live.map((rows, i) => {
        const typed = entered.filter((e) => e.year === years[i]);
        if (rows.some((r) => r.meetingsHeld > 0) || !typed.length) return rows;
        enteredYears.push(years[i]!);
        const names = [...new Set(typed.map((e) => e.dimension))];
        return names.map((name) => ({
          bodyId: rows.find((r) => r.bodyName === name)?.bodyId ?? name, bodyName: name,
          meetingsHeld: typed.find((e) => e.dimension === name && e.metric === 'governance.meetings')?.value ?? 0,
          casesMinuted: typed.find((e) => e.dimension === name && e.metric === 'governance.cases')?.value ?? 0,
        }));
      });
      // Bodies by name (unique in a cooperation), so a year of entered figures lines up with the live ones.
      const names = [...new Set(perYear.flat().map((r) => r.bodyName))].sort((x, y) => x.localeCompare(y, 'nb'));
      const cell = (yearIndex: number, name: string, key: 'meetingsHeld' | 'casesMinuted') =>
        String(perYear[yearIndex]!.find((r) => r.bodyName === name)?.[key] ?? 0);
      const rows = names.map((name) => ({
        cells: [name, ...years.flatMap((_, i) => [cell(i, name, 'meetingsHeld'), cell(i, name, 'casesMinuted')])],
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
        notes: enteredNote(enteredYears),
        source: sourceOf(enteredYears, years),
      };
    },
  });
}
