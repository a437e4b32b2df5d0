// ISO 8601 weeks on Norway's calendar: a status is «for uke 48» as people in Oslo count it, whatever
// zone the server runs in. A week is written "2023-W48" (the ISO week-year, which differs from the
// calendar year around New Year: 1 January 2021 is in 2020-W53).
import { osloDate } from '../../lib/oslo-time.js';

export const WEEK_PATTERN = /^(\d{4})-W(\d{2})$/;

const DAY_MS = 86_400_000;

const utcDay = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);
const isoOf = (d: Date) => d.toISOString().slice(0, 10);

/** The ISO week a calendar date falls in ("2023-12-01" → "2023-W48"). */
export function weekOfDate(isoDate: string): string {
  const day = utcDay(isoDate);
  const weekday = (day.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  // The week belongs to the year its Thursday falls in.
  const thursday = new Date(day.getTime() + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The week an instant falls in, in Oslo. */
export const weekAt = (at: Date) => weekOfDate(osloDate(at));

/** The Monday of a week, as an ISO date ("2023-W48" → "2023-11-27"). */
export function mondayOf(week: string): string {
  const m = WEEK_PATTERN.exec(week);
  if (!m) throw new Error(`not an ISO week: ${week}`);
  // 4 January is always in week 1.
  const jan4 = Date.UTC(Number(m[1]), 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7;
  return isoOf(new Date(jan4 - weekday * DAY_MS + (Number(m[2]) - 1) * 7 * DAY_MS));
}

/** Whether the string names a week that exists (2020-W53 does, 2021-W53 does not). */
export function isRealWeek(week: string): boolean {
  return WEEK_PATTERN.test(week) && weekOfDate(mondayOf(week)) === week;
}

/** The week `n` weeks after (negative: before) the given one. */
export function addWeeks(week: string, n: number): string {
  return weekOfDate(isoOf(new Date(utcDay(mondayOf(week)).getTime() + n * 7 * DAY_MS)));
}

/** The weeks from `from` to `to`, both included, oldest first. */
export function weeksBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let w = from; w <= to && out.length < 520; w = addWeeks(w, 1)) out.push(w);
  return out;
}

/** The number people say: "2023-W48" → 48. */
export const weekNumber = (week: string) => Number(week.slice(6));
