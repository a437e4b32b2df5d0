// Case numbers, as pure functions. Two schemes, chosen per body (bodies.case_numbering):
//  - meeting: "2023/M6-003" = year / meeting number - sequence within the meeting (3 digits);
//  - running: "ST 39/18"    = prefix, running number within the body's year, 2-digit year.
// Which numbers a case may take when the agenda changes is decided here too (assignSequences), so the
// rule "a number once sent out never changes" is testable without a database. See
// docs/decisions/0002-case-numbering.md.

import { formatPatternCaseNumber } from '../org/case-pattern.js';

export type TCaseNumbering = 'meeting' | 'running';

/** "M6": how the papers name a meeting within its body and year. */
export function meetingLabel(meetingNumber: number): string {
  return `M${meetingNumber}`;
}

export function formatMeetingCaseNumber(o: { year: number; meetingNumber: number; sequence: number }): string {
  return `${o.year}/${meetingLabel(o.meetingNumber)}-${String(o.sequence).padStart(3, '0')}`;
}

export function formatRunningCaseNumber(o: { prefix?: string | null; year: number; sequence: number }): string {
  const yy = String(o.year % 100).padStart(2, '0');
  const prefix = o.prefix?.trim();
  return `${prefix ? `${prefix} ` : ''}${o.sequence}/${yy}`;
}

export type TFormatCaseNumberOptions = {
  scheme: TCaseNumbering;
  year: number;
  sequence: number;
  /** Required by the meeting scheme; a case decided in writing has none and falls back to the running form. */
  meetingNumber?: number | null;
  prefix?: string | null;
  /** The body's own pattern (org's case-pattern.ts), or null for the scheme's form. */
  pattern?: string | null;
};

export function formatCaseNumber(o: TFormatCaseNumberOptions): string {
  // A case decided without a meeting under a pattern that needs the meeting's number takes the running form.
  if (o.pattern && (o.meetingNumber != null || !o.pattern.includes('{m}'))) return formatPatternCaseNumber(o.pattern, o);
  if (o.scheme === 'meeting' && o.meetingNumber != null) {
    return formatMeetingCaseNumber({ year: o.year, meetingNumber: o.meetingNumber, sequence: o.sequence });
  }
  return formatRunningCaseNumber({ prefix: o.prefix, year: o.year, sequence: o.sequence });
}

export type TParsedCaseNumber =
  | { scheme: 'meeting'; year: number; meetingNumber: number; sequence: number }
  | { scheme: 'running'; prefix: string | null; year2: number; sequence: number };

/** Reads both forms back, also "ST 39-18" as file names write it. Null when it is neither. */
export function parseCaseNumber(text: string): TParsedCaseNumber | null {
  const t = text.trim();
  const m = /^(\d{4})\/M(\d+)-(\d{1,4})$/i.exec(t);
  if (m) return { scheme: 'meeting', year: Number(m[1]), meetingNumber: Number(m[2]), sequence: Number(m[3]) };
  const r = /^(?:([A-ZÆØÅa-zæøå]+)\s*)?(\d+)[/-](\d{2})$/.exec(t);
  if (r) return { scheme: 'running', prefix: r[1] ?? null, year2: Number(r[3]), sequence: Number(r[2]) };
  return null;
}

/** The smallest free meeting number of a body's year: M1 when none, else the first gap or max + 1. */
export function nextMeetingNumber(taken: number[]): number {
  const used = new Set(taken);
  let n = 1;
  while (used.has(n)) n++;
  return n;
}

export type TNumberedCase = { id: string; sequence: number; locked: boolean };

export type TAssignSequencesOptions = {
  /** The meeting's cases in agenda order, as they are now (new cases with any sequence, unlocked). */
  cases: TNumberedCase[];
  /** The lowest number an unlocked case may take: 1 in the meeting scheme; in the running scheme one
   * above the highest number used by earlier meetings of the body's year. */
  start: number;
  /** Numbers held elsewhere that no case here may take (other meetings' cases in the running scheme). */
  taken?: Iterable<number>;
};

/**
 * New sequences for a meeting's cases. Locked cases (their number was sent out in a notice) keep their
 * number wherever they now stand. Unlocked cases take, in agenda order, the smallest numbers from
 * `start` that no locked case and nothing in `taken` holds. Before any notice this is plain
 * renumbering 1, 2, 3 …; after it, a new or moved case gets the next free number and nothing sent out
 * changes. Returns id → sequence for every case.
 */
export function assignSequences(o: TAssignSequencesOptions): Map<string, number> {
  const blocked = new Set<number>(o.taken ?? []);
  for (const c of o.cases) if (c.locked) blocked.add(c.sequence);
  const result = new Map<string, number>();
  let candidate = Math.max(1, o.start);
  for (const c of o.cases) {
    if (c.locked) {
      result.set(c.id, c.sequence);
      continue;
    }
    while (blocked.has(candidate)) candidate++;
    result.set(c.id, candidate);
    candidate++;
  }
  return result;
}
