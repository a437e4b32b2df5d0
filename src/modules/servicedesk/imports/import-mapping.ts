// Reading exports from other tools (help-desk systems, phone systems): the value parsers for what
// Norwegian exports print (13.12.2023 08:15, 1:05 for durations); the column mapping and the parsers
// every module's import shares are in src/lib/table-file/columns.ts. Pure; the file itself is read by
// src/lib/table-file, and the services decide what the rows mean.
import { z } from '@hono/zod-openapi';
export { locateColumns, mapLabel, parseCount, parseNorwegianDay } from '../../../lib/table-file/columns.js';
import { zonedTime } from '../sla/calendar.js';
import { OSLO } from '../../../lib/oslo-time.js';

const DATE_TIME = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T,]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * "13.12.2023 08:15", "13.12.2023", "2023-12-13 08:15" or "2023-12-13T08:15:00" as Oslo wall-clock
 * time; an ISO time with an offset or Z as that instant. Null when it is not a real date.
 */
export function parseNorwegianDateTime(text: string): Date | null {
  const s = text.trim();
  if (!s) return null;
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(s) && /^\d{4}-/.test(s)) {
    const d = new Date(s);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  let y: number, mo: number, d: number, h = 0, mi = 0, se = 0;
  let m: RegExpExecArray | null;
  if ((m = DATE_TIME.exec(s))) [d, mo, y, h, mi, se] = [m[1], m[2], m[3], m[4] ?? 0, m[5] ?? 0, m[6] ?? 0].map(Number) as number[] as [number, number, number, number, number, number];
  else if ((m = ISO.exec(s))) [y, mo, d, h, mi, se] = [m[1], m[2], m[3], m[4] ?? 0, m[5] ?? 0, m[6] ?? 0].map(Number) as [number, number, number, number, number, number];
  else return null;
  const probe = new Date(Date.UTC(y!, mo! - 1, d!));
  if (probe.getUTCFullYear() !== y! || probe.getUTCMonth() !== mo! - 1 || probe.getUTCDate() !== d! || h > 23 || mi > 59 || se > 59) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return new Date(zonedTime(OSLO, `${y!}-${p(mo!)}-${p(d!)}T${p(h)}:${p(mi)}`).getTime() + se * 1000);
}

/** A whole number of seconds from "45", "45,5", "1:05" (m:ss) or "0:01:05" (h:mm:ss); null otherwise. */
export function parseDurationSeconds(text: string): number | null {
  const s = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d+)(?:[.,](\d+))?$/.exec(s))) return Math.round(Number(`${m[1]}.${m[2] ?? 0}`));
  if ((m = /^(\d+):([0-5]\d)$/.exec(s))) return Number(m[1]) * 60 + Number(m[2]);
  if ((m = /^(\d+):([0-5]\d):([0-5]\d)$/.exec(s))) return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  return null;
}

/** The file upload every import route takes. */
export const ZUploadRequest = z.object({
  file: z.instanceof(File, { message: 'Velg en fil (feltet file)' }).openapi({ type: 'string', format: 'binary' }),
  cooperation: z.string().uuid('Ugyldig samarbeids-id').optional(),
});
