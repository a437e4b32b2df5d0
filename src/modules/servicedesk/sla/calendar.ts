// SLA calendars: when the clock of a service-level target runs. A business calendar runs during opening
// hours on local wall-clock time (08:00–15:30 in Europe/Oslo), skipping Norwegian holidays and closing
// early on configured half days; an `always` calendar runs 24/7 in real elapsed time.
//
// Time zones without Temporal: each open interval is written in wall-clock minutes of a local date and
// turned into a UTC instant with the zone's offset at that instant (read through Intl), so the two DST
// changes a year move the UTC boundaries by an hour and never the local opening hours.
import { z } from 'zod';
import {
  halfDayClosing, isNorwegianHoliday, isoWeekday, dayNumber, dayNumberFromIso, minutesOf, type DayNumber,
} from './holidays.js';
import { OSLO } from '../../../lib/oslo-time.js';
import { ISO_DATE_PATTERN } from '../../../lib/date-schemas.js';

const ZHhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'Klokkeslett som TT:MM');

export const ZCalendarSpec = z.object({
  kind: z.enum(['business', 'always']),
  timeZone: z.string().min(1).default(OSLO),
  /** Opening hours per ISO weekday (1 = Monday); several rows for a day mean several intervals. */
  openingHours: z.array(z.object({ weekday: z.number().int().min(1).max(7), open: ZHhmm, close: ZHhmm })).default([]),
  holidays: z.enum(['NO', 'none']).default('NO'),
  /** Closing time on half days; a day left out is a normal working day. */
  halfDays: z.object({ julaften: ZHhmm.optional(), nyttarsaften: ZHhmm.optional(), onsdagForSkjaertorsdag: ZHhmm.optional() }).default({}),
  /** Extra closed dates (a local agreement, an office move). */
  closedDates: z.array(z.string().regex(ISO_DATE_PATTERN)).default([]),
  /** The length of one SLA "day" in minutes; defaults to Monday's opening hours (24 h when always). */
  businessDayMinutes: z.number().int().positive().optional(),
});
export type TCalendarSpec = z.input<typeof ZCalendarSpec>;

export type Calendar = {
  readonly spec: z.output<typeof ZCalendarSpec>;
  /** What one SLA day is worth in this calendar, in milliseconds. */
  readonly dayMillis: number;
  /** Open intervals [start, end) as UTC epoch milliseconds on a local date, in time order. */
  openIntervals(day: DayNumber): readonly (readonly [number, number])[];
};

export const DEMO_BUSINESS_CALENDAR: TCalendarSpec = {
  kind: 'business',
  timeZone: OSLO,
  openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '08:00', close: '15:30' })),
  holidays: 'NO',
  halfDays: { julaften: '12:00', nyttarsaften: '12:00' },
};

export const ALWAYS_CALENDAR: TCalendarSpec = { kind: 'always', timeZone: OSLO };

const MINUTE = 60_000;
const DAY = 86_400_000;

export function compileCalendar(input: TCalendarSpec): Calendar {
  const spec = ZCalendarSpec.parse(input);
  const weekly = new Map<number, [number, number][]>();
  for (const row of spec.openingHours) {
    const open = minutesOf(row.open);
    const close = minutesOf(row.close);
    if (close <= open) throw new Error(`Åpningstid ${row.open}–${row.close} slutter før den begynner`);
    weekly.set(row.weekday, [...(weekly.get(row.weekday) ?? []), [open, close]]);
  }
  for (const list of weekly.values()) list.sort((a, b) => a[0] - b[0]);
  const closed = new Set(spec.closedDates.map(dayNumberFromIso));
  const mondayMinutes = (weekly.get(1) ?? []).reduce((sum, [o, c]) => sum + c - o, 0);
  const dayMinutes = spec.businessDayMinutes ?? (spec.kind === 'always' ? 24 * 60 : mondayMinutes);
  if (spec.kind === 'business' && dayMinutes <= 0) throw new Error('En kalender med åpningstider må ha en lengde på en dag');

  const cache = new Map<DayNumber, (readonly [number, number])[]>();
  const zone = zoneOf(spec.timeZone);

  function openIntervals(day: DayNumber) {
    const hit = cache.get(day);
    if (hit) return hit;
    let result: (readonly [number, number])[];
    if (spec.kind === 'always') {
      result = [[zone.toUtc(day, 0), zone.toUtc(day + 1, 0)]];
    } else if (closed.has(day) || (spec.holidays === 'NO' && isNorwegianHoliday(day))) {
      result = [];
    } else {
      const closing = halfDayClosing(day, spec.halfDays);
      result = [];
      for (const [open, close] of weekly.get(isoWeekday(day)) ?? []) {
        const end = closing === null ? close : Math.min(close, closing);
        if (end > open) result.push([zone.toUtc(day, open), zone.toUtc(day, end)]);
      }
    }
    if (cache.size > 20_000) cache.clear();
    cache.set(day, result);
    return result;
  }

  return { spec, dayMillis: dayMinutes * MINUTE, openIntervals };
}

/** Business time between two instants; 0 when `to` is not after `from`. */
export function businessMillisBetween(calendar: Calendar, from: Date, to: Date): number {
  const a = from.getTime();
  const b = to.getTime();
  if (!(b > a)) return 0;
  // 24/7 counts real elapsed time, so a DST night is 23 or 25 hours long, as the clock on the wall says.
  if (calendar.spec.kind === 'always') return b - a;
  const zone = zoneOf(calendar.spec.timeZone);
  let total = 0;
  for (let day = zone.localDay(a); day <= zone.localDay(b); day++) {
    for (const [s, e] of calendar.openIntervals(day)) {
      const lo = Math.max(s, a);
      const hi = Math.min(e, b);
      if (hi > lo) total += hi - lo;
    }
  }
  return total;
}

/** Ten years without a single open minute means the calendar is broken, not that the SLA is long. */
const MAX_SCAN_DAYS = 3660;

/**
 * The instant when `millis` of business time have passed since `from`. With 0 it answers `from` itself;
 * a target that ends exactly at closing time ends at closing time, not at the next opening.
 */
export function addBusinessTime(calendar: Calendar, from: Date, millis: number): Date {
  const start = from.getTime();
  if (millis <= 0) return new Date(start);
  if (calendar.spec.kind === 'always') return new Date(start + millis);
  const zone = zoneOf(calendar.spec.timeZone);
  let left = millis;
  const first = zone.localDay(start);
  for (let day = first; day < first + MAX_SCAN_DAYS; day++) {
    for (const [s, e] of calendar.openIntervals(day)) {
      const lo = Math.max(s, start);
      if (e <= lo) continue;
      if (e - lo >= left) return new Date(lo + left);
      left -= e - lo;
    }
  }
  throw new Error('Kalenderen har ingen åpningstid innen ti år');
}

/** Whether the clock of this calendar runs at an instant. */
export function isOpenAt(calendar: Calendar, at: Date): boolean {
  const t = at.getTime();
  if (calendar.spec.kind === 'always') return true;
  return calendar.openIntervals(zoneOf(calendar.spec.timeZone).localDay(t)).some(([s, e]) => t >= s && t < e);
}

// ---------------------------------------------------------------------------------------------------
// Zoned wall-clock arithmetic through Intl.

type Zone = {
  /** Offset from UTC in milliseconds at an instant (+3 600 000 for CET). */
  offset(instant: number): number;
  /** The local date an instant falls on. */
  localDay(instant: number): DayNumber;
  /** The UTC instant of a wall-clock time; a time skipped by DST moves forward, a repeated one takes the first. */
  toUtc(day: DayNumber, minutes: number): number;
};

const zones = new Map<string, Zone>();

export function zoneOf(timeZone: string): Zone {
  const hit = zones.get(timeZone);
  if (hit) return hit;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  // Offsets only change on whole minutes in every zone we care about; cache them per UTC hour.
  const offsets = new Map<number, number>();
  function offset(instant: number): number {
    const hour = Math.floor(instant / 3_600_000);
    const known = offsets.get(hour);
    if (known !== undefined) return known;
    const base = hour * 3_600_000;
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(new Date(base))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
    const result = wall - base;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(hour, result);
    return result;
  }
  const zone: Zone = {
    offset,
    localDay: (instant) => Math.floor((instant + offset(instant)) / DAY),
    toUtc(day, minutes) {
      const wall = day * DAY + minutes * MINUTE;
      const before = offset(wall - DAY);
      const after = offset(wall + DAY);
      const fits = [before, after].map((o) => wall - o).filter((t) => t + offset(t) === wall);
      if (fits.length) return Math.min(...fits);
      // In the spring gap (02:30 does not exist): keep the offset from before the change, which lands an
      // hour later in the new offset, as a clock that is set forward would.
      return wall - before;
    },
  };
  zones.set(timeZone, zone);
  return zone;
}

/** Convenience for tests and seed data: a wall-clock time in a zone as a Date. */
export function zonedTime(timeZone: string, iso: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Ugyldig tidspunkt: ${iso}`);
  const day = dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
  return new Date(zoneOf(timeZone).toUtc(day, Number(m[4]) * 60 + Number(m[5])));
}
