// samrad keeps instants in UTC and reads them on Norway's calendar and clock: a membership, a meeting
// day or a KPI month begins at midnight in Oslo, whatever zone the server or the browser runs in. Pure,
// so the web uses the same functions as the server.
export const OSLO = 'Europe/Oslo';

const OSLO_PARTS = new Intl.DateTimeFormat('en-US', {
  timeZone: OSLO, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

export type TOsloParts = { year: string; month: string; day: string; hour: string; minute: string; second: string };

/** The Oslo wall clock at an instant, as zero-padded fields. */
export function osloParts(at: Date): TOsloParts {
  const parts: Record<string, string> = {};
  for (const p of OSLO_PARTS.formatToParts(at)) if (p.type !== 'literal') parts[p.type] = p.value;
  return {
    year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second!,
  };
}

/** The Norwegian calendar day an instant falls on, as an ISO date ("2024-03-31"). */
export function osloDate(at: Date): string {
  const p = osloParts(at);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Today in Norway, as an ISO date. */
export const osloToday = (now: Date = new Date()) => osloDate(now);

/** Oslo's UTC offset on a calendar day, "+01:00" or "+02:00" (read at noon, away from the night's change). */
export function osloOffset(isoDate: string): string {
  const noon = new Date(`${isoDate}T12:00:00Z`);
  const p = osloParts(noon);
  const minutes = Math.round((Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) - noon.getTime()) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The first (`start`) or last (`end`) millisecond of an Oslo calendar day. */
export function osloDayEdge(isoDate: string, edge: 'start' | 'end'): Date {
  return new Date(`${isoDate}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}${osloOffset(isoDate)}`);
}
