// The desk's rules as one document: categories, SLA calendars and targets, waiting statuses, the reopen
// window, the 3-2-1 thresholds and the phone policy. Stored per cooperation (optionally per
// municipality) and compiled into what the pure SLA function takes.
import { z } from '@hono/zod-openapi';
import { ALWAYS_CALENDAR, DEMO_BUSINESS_CALENDAR, ZCalendarSpec, compileCalendar, type Calendar } from './sla/calendar.js';
import { DESK_CHANNELS, DEMO_CATEGORIES, DEMO_CATEGORY_GUIDE, PRIORITIES, STATUSES, type TPriority } from './vocabulary.js';
import { durationMillis, type TSlaPolicy } from './sla/sla.js';

const ZDuration = z.object({ value: z.number().positive().max(10_000), unit: z.enum(['minutes', 'hours', 'days']) });
const ZTarget = z.object({ firstResponse: ZDuration, resolution: ZDuration, calendar: z.string().min(1) });

export const ZPolicyDocument = z.object({
  categories: z.array(z.string().trim().min(1).max(100)).min(1).max(100),
  /**
   * What the portal says about a category so the requester can choose: one line and a few examples. An
   * entry for a category no longer in the list is kept but not shown, so trimming the list loses nothing.
   */
  categoryGuide: z.record(z.string().min(1).max(100), z.object({
    description: z.string().trim().min(1).max(200),
    examples: z.array(z.string().trim().min(1).max(100)).max(6).default([]),
  })).default({}),
  calendars: z.record(z.string().min(1).max(50), ZCalendarSpec),
  targets: z.object({ lav: ZTarget, medium: ZTarget, hoy: ZTarget, kritisk: ZTarget }),
  pausedStatuses: z.array(z.enum(STATUSES).refine((s) => s !== 'lost' && s !== 'lukket', 'Løst og lukket stopper klokka; de kan ikke være ventestatuser')),
  warnShare: z.number().min(0).max(1).default(0.25),
  reopenWindowDays: z.number().int().min(0).max(365).default(14),
  /** The 3-2-1 rule: this many contact attempts spread over at least this many calendar days (Oslo). */
  closeRule: z.object({ attempts: z.number().int().min(1).max(20), days: z.number().int().min(1).max(30) }).default({ attempts: 3, days: 2 }),
  /** Priorities an agent may mark solved during the call; the rest become a ticket handled later. */
  phoneSolvablePriorities: z.array(z.enum(PRIORITIES)).default(['hoy', 'kritisk']),
  /**
   * The ways the desk takes cases besides the portal (which is samrad itself and always open): an agent
   * registers a case only under one of these, so the statistics count channels the desk really has.
   */
  channels: z.array(z.enum(DESK_CHANNELS)).min(1).default([...DESK_CHANNELS]),
  /** Whether the requester is asked for a score (1–5) on a solved case. */
  survey: z.object({ enabled: z.boolean() }).default({ enabled: true }),
}).superRefine((doc, ctx) => {
  for (const p of PRIORITIES) {
    if (!doc.calendars[doc.targets[p].calendar]) {
      ctx.addIssue({ code: 'custom', path: ['targets', p, 'calendar'], message: `Kalenderen «${doc.targets[p].calendar}» finnes ikke` });
    }
  }
  for (const [name, spec] of Object.entries(doc.calendars)) {
    try {
      compileCalendar(spec);
    } catch (err) {
      ctx.addIssue({ code: 'custom', path: ['calendars', name], message: (err as Error).message });
    }
  }
}).openapi('ServiceDeskPolicy');

export type TPolicyDocument = z.output<typeof ZPolicyDocument>;

/**
 * ROR-IKT's rules (DOMAIN.md, seed 001 ST 39/18), which the demo stores as its cooperation's document.
 * First-response targets are our assumption.
 */
export const DEMO_POLICY: TPolicyDocument = ZPolicyDocument.parse({
  categories: [...DEMO_CATEGORIES],
  categoryGuide: DEMO_CATEGORY_GUIDE,
  calendars: { kontortid: DEMO_BUSINESS_CALENDAR, døgnet: ALWAYS_CALENDAR },
  targets: {
    lav: { firstResponse: { value: 1, unit: 'days' }, resolution: { value: 5, unit: 'days' }, calendar: 'kontortid' },
    medium: { firstResponse: { value: 4, unit: 'hours' }, resolution: { value: 3, unit: 'days' }, calendar: 'kontortid' },
    hoy: { firstResponse: { value: 1, unit: 'hours' }, resolution: { value: 4, unit: 'hours' }, calendar: 'kontortid' },
    kritisk: { firstResponse: { value: 30, unit: 'minutes' }, resolution: { value: 2, unit: 'hours' }, calendar: 'døgnet' },
  },
  pausedStatuses: ['venter_bruker', 'venter_leverandor'],
});

/**
 * What a cooperation runs on until its admin saves its own rules: nothing of one cooperation's
 * agreement, only what any Norwegian desk starts from (office hours on working days, the public
 * holidays, targets loose enough not to flag every case, one catch-all category). The set-up page
 * shows that these are the defaults, so nobody mistakes them for an agreed SLA.
 */
export const NEUTRAL_POLICY: TPolicyDocument = ZPolicyDocument.parse({
  categories: ['Generelt'],
  calendars: {
    kontortid: { kind: 'business', openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '16:00' })), holidays: 'NO' },
    døgnet: ALWAYS_CALENDAR,
  },
  targets: {
    lav: { firstResponse: { value: 2, unit: 'days' }, resolution: { value: 10, unit: 'days' }, calendar: 'kontortid' },
    medium: { firstResponse: { value: 1, unit: 'days' }, resolution: { value: 5, unit: 'days' }, calendar: 'kontortid' },
    hoy: { firstResponse: { value: 2, unit: 'hours' }, resolution: { value: 1, unit: 'days' }, calendar: 'kontortid' },
    kritisk: { firstResponse: { value: 1, unit: 'hours' }, resolution: { value: 4, unit: 'hours' }, calendar: 'kontortid' },
  },
  pausedStatuses: ['venter_bruker', 'venter_leverandor'],
});

export type TCompiledPolicy = { document: TPolicyDocument; sla: TSlaPolicy };

const compiled = new WeakMap<TPolicyDocument, TCompiledPolicy>();

export function compilePolicy(document: TPolicyDocument): TCompiledPolicy {
  const hit = compiled.get(document);
  if (hit) return hit;
  const calendars = new Map<string, Calendar>();
  for (const [name, spec] of Object.entries(document.calendars)) calendars.set(name, compileCalendar(spec));
  const targets = {} as TSlaPolicy['targets'];
  for (const p of PRIORITIES as readonly TPriority[]) {
    const t = document.targets[p];
    const calendar = calendars.get(t.calendar)!;
    targets[p] = { calendar, firstResponseMillis: durationMillis(t.firstResponse, calendar), resolutionMillis: durationMillis(t.resolution, calendar) };
  }
  const result = { document, sla: { pausedStatuses: document.pausedStatuses, warnShare: document.warnShare, targets } };
  compiled.set(document, result);
  return result;
}
