// The monthly KPI pack of the activity report (seed 000 2.1.5, seed 001 2.1.6): its shape, and the pure
// arithmetic around the SQL aggregates (month lists, running open counts, units). The service
// (kpi.service.ts) fetches the aggregates; everything here is testable without a database.
import { z } from '@hono/zod-openapi';
import { CHANNELS, PRIORITIES, TICKET_TYPES, type TPriority } from '../vocabulary.js';

import { ZMonth } from '../../../lib/date-schemas.js';

export const ZKpiQuery = z.object({
  from: ZMonth,
  to: ZMonth,
  municipality: z.string().uuid('Ugyldig kommune-id').optional()
    .openapi({ description: 'Én kommune; utelatt = alle. Kommunebrukere får alltid sin egen.' }),
  cooperation: z.string().uuid('Ugyldig samarbeids-id').optional(),
}).superRefine((q, ctx) => {
  if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'Til-måned kan ikke være før fra-måned' });
  else if (monthsBetween(q.from, q.to).length > MAX_MONTHS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `Høyst ${MAX_MONTHS} måneder i én rapport` });
  }
});
export type TKpiQuery = z.infer<typeof ZKpiQuery>;

/** The months that have tickets for the reader (one municipality or all): where the page opens. */
export const ZKpiMonthsQuery = z.object({
  municipality: z.string().uuid('Ugyldig kommune-id').optional()
    .openapi({ description: 'Én kommune; utelatt = alle. Kommunebrukere får alltid sin egen.' }),
});
export const ZKpiMonths = z.object({
  first: z.string().nullable().openapi({ description: 'Første måned (ÅÅÅÅ-MM) med nye saker; null: ingen saker ennå' }),
  last: z.string().nullable().openapi({ description: 'Siste måned (ÅÅÅÅ-MM) med nye saker' }),
}).openapi('ServiceDeskKpiMonths');
export const MAX_MONTHS = 36;

const ZCounts = { label: z.string(), counts: z.array(z.number()) };
const ZResolutionMonth = z.object({ month: z.string(), solved: z.number(), mean: z.number().nullable(), median: z.number().nullable() });

export const ZKpiPack = z.object({
  from: z.string(),
  to: z.string(),
  municipalityId: z.string().nullable(),
  municipalityName: z.string().nullable(),
  /** The period's months, in order; every per-month array below follows it. */
  months: z.array(z.string()),
  newByCategory: z.array(z.object({ category: z.string(), ...ZCounts })),
  newByMunicipality: z.array(z.object({ municipalityId: z.string(), ...ZCounts })),
  newByType: z.array(z.object({ type: z.enum(TICKET_TYPES), ...ZCounts })),
  /**
   * New, closed and open at each month's end; open split by type. `closed` here is the paper chart's
   * «Lukkede saker»: done (solved, else closed) in the month, what takes a case out of the open count.
   * `solvedAndClosed` counts solved and closed apart.
   */
  trend: z.array(z.object({
    month: z.string(), new: z.number(), closed: z.number(), open: z.number(),
    openIncidents: z.number(), openRequests: z.number(), openOther: z.number(),
  })),
  openAtEnd: z.object({ incidents: z.number(), requests: z.number(), other: z.number(), total: z.number() }),
  /**
   * Solved (løst) and closed (lukket) in each month, counted apart, as the papers report them: `solved`
   * = tickets whose last solve fell in the month and that are still solved or closed; `closed` =
   * tickets closed in the month that are still closed (by the 3-2-1 rule, the requester's confirmation
   * or the desk). A case solved in October and closed by the 3-2-1 rule in November is solved in October
   * and closed in November; the trend's `closed` counts it once, in October, when it stopped being open.
   */
  solvedAndClosed: z.array(z.object({ month: z.string(), solved: z.number(), closed: z.number() })),
  solvedAndClosedTotal: z.object({ solved: z.number(), closed: z.number() }),
  /**
   * Critical and high incidents (type feilmelding) created in the period. `number` and `title` are null
   * for a ticket the reader may not see (policy.ts): a municipality user not shared their
   * municipality's tickets sees the date, municipality, priority and SLA result of colleagues' incidents,
   * not what they were about. The council gets the title, as the activity report prints it, not the number.
   */
  criticalAndHigh: z.array(z.object({
    date: z.string(), number: z.number().nullable(), municipality: z.string(), title: z.string().nullable(),
    priority: z.enum(PRIORITIES), type: z.enum(TICKET_TYPES), slaMet: z.boolean().nullable(),
  })),
  /**
   * Resolution time of incidents (feilmelding: "løsningstid på innmeldte feil") per priority, by the
   * month the ticket was solved: days for Lav/Medium, hours for Høy/Kritisk. `target` is the policy's
   * (the municipality's own for a one-municipality pack, else the cooperation's).
   */
  resolution: z.array(z.object({
    priority: z.enum(PRIORITIES), label: z.string(), unit: z.enum(['dager', 'timer']), target: z.number(), months: z.array(ZResolutionMonth),
  })),
  /** Share of incidents solved in the month that met their resolution target (each ticket's own SLA result). */
  slaAttainment: z.array(z.object({ month: z.string(), measured: z.number(), met: z.number(), percent: z.number().nullable() })),
  slaAttainmentTotal: z.object({ measured: z.number(), met: z.number(), percent: z.number().nullable() }),
  satisfaction: z.array(z.object({ month: z.string(), answers: z.number(), average: z.number().nullable() })),
  satisfactionTotal: z.object({ answers: z.number(), average: z.number().nullable() }),
  /**
   * The desk's phone queue: for all municipalities every call; for one municipality the calls the phone
   * export attributed to it (an export with a municipality column), none otherwise.
   */
  phone: z.array(z.object({
    month: z.string(), offered: z.number(), answered: z.number(), answerRate: z.number().nullable(),
    meanWaitSeconds: z.number().nullable(), meanTalkSeconds: z.number().nullable(),
  })),
  /**
   * For a one-municipality pack, the months of the period with calls the export did not attribute to
   * any municipality (not in `phone`, so the page and the paper can say the figures are incomplete);
   * always empty for all municipalities.
   */
  phoneUnattributed: z.array(z.string()),
  yearly: z.object({
    years: z.array(z.number()),
    byType: z.array(z.object({ type: z.enum(TICKET_TYPES), label: z.string(), counts: z.array(z.number()), shares: z.array(z.number().nullable()) })),
    byCategory: z.array(z.object({ category: z.string(), counts: z.array(z.number()) })),
    byChannel: z.array(z.object({ channel: z.enum(CHANNELS), label: z.string(), counts: z.array(z.number()) })),
    /** Critical and high incidents per month of the last year, January to the period's end. */
    criticalHighPerMonth: z.array(z.object({ month: z.string(), kritisk: z.number(), hoy: z.number() })),
  }),
}).openapi('ServiceDeskKpiPack');
export type TKpiPack = z.infer<typeof ZKpiPack>;

/** Every month from `from` to `to` inclusive, as YYYY-MM. */
export function monthsBetween(from: string, to: string): string[] {
  const result: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    result.push(`${y}-${String(m).padStart(2, '0')}`);
    if (result.length > 1200) break;
    m++;
    if (m > 12) { m = 1; y++; }
  }
  return result;
}

/** The month after `month` (YYYY-MM). */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Open at each month's end from the count open when the period starts and the month's new and done:
 * open(T) = created before T − done before T, because a ticket is never done before it exists.
 */
export function runningOpen(openAtStart: number, news: readonly number[], dones: readonly number[]): number[] {
  let open = openAtStart;
  return news.map((n, i) => (open += n - (dones[i] ?? 0)));
}

/** Days (Lav/Medium) or hours (Høy/Kritisk), as the report has always shown them. */
export const RESOLUTION_UNIT: Record<TPriority, 'dager' | 'timer'> = { lav: 'dager', medium: 'dager', hoy: 'timer', kritisk: 'timer' };

/**
 * Business milliseconds to the report's unit. A day is one business day of the priority's calendar
 * (decision 0009), so "3 dager" here means the same as the SLA target of 3 days.
 */
export function toReportUnit(millis: number, priority: TPriority, dayMillis: number): number {
  return RESOLUTION_UNIT[priority] === 'dager' ? millis / dayMillis : millis / 3_600_000;
}

/** One decimal, as the report prints it. */
export const round1 = (x: number) => Math.round(x * 10) / 10;

export const percent = (part: number, whole: number) => (whole > 0 ? round1((part * 100) / whole) : null);
