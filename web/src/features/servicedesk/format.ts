// Remaining SLA time as the desk reads it: "2 t 15 min igjen", "3 arbeidsdager 4 t igjen", "45 min over
// fristen". The clocks count business time (decision 0009), so a "day" is one SLA day of the priority's
// calendar: 7.5 hours of the office calendar ("arbeidsdag"), 24 hours of the always-open one ("døgn").
// Without the calendar the time is shown in hours only, never as days that read like calendar days.
import type { TSdT } from './messages';

/** One SLA day of a calendar: its length and whether it is a working day or a full 24 hours. */
export type TSlaDay = { millis: number; kind: 'business' | 'always' };

type TCalendarSpec = { kind: 'business' | 'always'; openingHours?: { weekday: number; open: string; close: string }[]; businessDayMinutes?: number };
type TRules = { calendars: Record<string, TCalendarSpec>; targets: Record<string, { calendar: string }> };

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The SLA day of each priority, from the desk's rules (the same rule as the server's compileCalendar). */
export function slaDays(rules: TRules | undefined): Record<string, TSlaDay> {
  const days: Record<string, TSlaDay> = {};
  if (!rules) return days;
  for (const [priority, target] of Object.entries(rules.targets)) {
    const spec = rules.calendars[target.calendar];
    if (!spec) continue;
    const monday = (spec.openingHours ?? []).filter((h) => h.weekday === 1).reduce((sum, h) => sum + minutesOf(h.close) - minutesOf(h.open), 0);
    const minutes = spec.businessDayMinutes ?? (spec.kind === 'always' ? 24 * 60 : monday);
    if (minutes > 0) days[priority] = { millis: minutes * 60_000, kind: spec.kind };
  }
  return days;
}

const group = (n: number) => n.toLocaleString('nb-NO');

function dayWord(n: number, day: TSlaDay, language: 'nb' | 'en'): string {
  if (language === 'en') return day.kind === 'always' ? (n === 1 ? 'day' : 'days') : (n === 1 ? 'working day' : 'working days');
  return day.kind === 'always' ? 'døgn' : n === 1 ? 'arbeidsdag' : 'arbeidsdager';
}

export function formatDuration(millis: number, language: 'nb' | 'en' = 'nb', day?: TSlaDay): string {
  const totalMinutes = Math.floor(Math.abs(millis) / 60_000);
  const h = language === 'nb' ? 't' : 'h';
  if (day && Math.abs(millis) >= day.millis) {
    const days = Math.floor(Math.abs(millis) / day.millis);
    const hours = Math.floor((Math.abs(millis) - days * day.millis) / 3_600_000);
    // Hours only while they matter: beyond ten days they are noise in a one-line badge.
    return `${group(days)} ${dayWord(days, day, language)}${hours > 0 && days < 10 ? ` ${hours} ${h}` : ''}`;
  }
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  if (hours > 0) return minutes > 0 && hours < 10 ? `${group(hours)} ${h} ${minutes} min` : `${group(hours)} ${h}`;
  return `${minutes} min`;
}

/** "2 t 15 min igjen" or "45 min over fristen"; breached when nothing is left. */
export function formatRemaining(millis: number, t: TSdT, language: 'nb' | 'en' = 'nb', day?: TSlaDay): { text: string; breached: boolean } {
  const breached = millis <= 0;
  return { text: t(breached ? 'sla.over' : 'sla.left', { time: formatDuration(millis, language, day) }), breached };
}

/** Whole numbers with Norwegian grouping (12 345) and one-decimal figures with a comma (3,4). */
export const formatNumber = (n: number | null | undefined, decimals = 0) =>
  n === null || n === undefined ? '–' : n.toLocaleString('nb-NO', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
