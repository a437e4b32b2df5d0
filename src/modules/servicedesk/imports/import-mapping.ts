// Reading exports from other tools (help-desk systems, phone systems): a column mapping (which header
// holds which field) and the value parsers for what Norwegian exports print (13.12.2023 08:15, 1:05 for
// durations, labels in any case). Pure; the file itself is read by src/lib/table-file, and the services
// decide what the rows mean.
import { z } from '@hono/zod-openapi';
import type { TRowIssue } from '../../../lib/table-file/index.js';
import { zonedTime } from '../sla/calendar.js';
import { OSLO } from '../../../lib/oslo-time.js';

const normal = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The column index of each field: the mapping's header name first, then the field's usual names. */
export function locateColumns<F extends string>(
  header: readonly string[], fields: readonly F[], names: Partial<Record<F, readonly string[]>>, mapping: Partial<Record<F, string>> = {},
): { index: Partial<Record<F, number>>; issues: TRowIssue[] } {
  const heads = header.map(normal);
  const index: Partial<Record<F, number>> = {};
  const issues: TRowIssue[] = [];
  for (const field of fields) {
    const wanted = mapping[field];
    const candidates = wanted ? [wanted] : [field, ...(names[field] ?? [])];
    const i = heads.findIndex((h) => candidates.some((c) => normal(c) === h));
    if (i >= 0) index[field] = i;
    else if (wanted) issues.push({ row: 1, column: field, message: `Kolonnen «${wanted}» (for ${field}) finnes ikke i overskriftsraden` });
  }
  return { index, issues };
}

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

/** "13.12.2023" or "2023-12-13" (a time after it ignored) as YYYY-MM-DD; null when not a real date. */
export function parseNorwegianDay(text: string): string | null {
  const date = text.trim().split(/[ T,]+/)[0] ?? '';
  const no = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(date);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const [y, mo, d] = no ? [no[3], no[2], no[1]].map(Number) : iso ? [iso[1], iso[2], iso[3]].map(Number) : [];
  if (y === undefined || mo === undefined || d === undefined) return null;
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  return probe.toISOString().slice(0, 10);
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

/** A non-negative whole number, allowing thousands spaces ("1 357"); null otherwise. */
export function parseCount(text: string): number | null {
  const s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  return /^\d+$/.test(s) ? Number(s) : null;
}

/** A mapping from a source tool's labels to ours, matched without regard to case and spacing. */
export function mapLabel<T extends string>(text: string, ours: readonly T[], aliases: Record<string, T>): T | null {
  const s = normal(text);
  const own = ours.find((o) => normal(o) === s);
  if (own) return own;
  const hit = Object.entries(aliases).find(([k]) => normal(k) === s);
  return hit ? hit[1] : null;
}

/** The file upload every import route takes. */
export const ZUploadRequest = z.object({
  file: z.instanceof(File, { message: 'Velg en fil (feltet file)' }).openapi({ type: 'string', format: 'binary' }),
  cooperation: z.string().uuid('Ugyldig samarbeids-id').optional(),
});
