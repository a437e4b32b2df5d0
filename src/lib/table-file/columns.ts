// What every import does with a table's header and cells: find each field's column (a saved mapping's
// header first, then the field's usual names), and read the values Norwegian exports print (13.12.2023,
// 1 357, labels in any case). Pure; the modules decide what the rows mean.
import type { TRowIssue } from './issues.js';
import type { TTable } from './read.js';

export const normalHeader = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** The column index of each field: the mapping's header name first, then the field's usual names. */
export function locateColumns<F extends string>(
  header: readonly string[], fields: readonly F[], names: Partial<Record<F, readonly string[]>>, mapping: Partial<Record<F, string>> = {},
): { index: Partial<Record<F, number>>; issues: TRowIssue[] } {
  const heads = header.map(normalHeader);
  const index: Partial<Record<F, number>> = {};
  const issues: TRowIssue[] = [];
  for (const field of fields) {
    const wanted = mapping[field];
    const candidates = wanted ? [wanted] : [field, ...(names[field] ?? [])];
    const i = heads.findIndex((h) => candidates.some((c) => normalHeader(c) === h));
    if (i >= 0) index[field] = i;
    else if (wanted) issues.push({ row: 1, column: field, message: `Kolonnen «${wanted}» (for ${field}) finnes ikke i overskriftsraden` });
  }
  return { index, issues };
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

/** A non-negative whole number, allowing thousands spaces ("1 357"); null otherwise. */
export function parseCount(text: string): number | null {
  const s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  return /^\d+$/.test(s) ? Number(s) : null;
}

/** A mapping from a source tool's labels to ours, matched without regard to case and spacing. */
export function mapLabel<T extends string>(text: string, ours: readonly T[], aliases: Record<string, T>): T | null {
  const s = normalHeader(text);
  const own = ours.find((o) => normalHeader(o) === s);
  if (own) return own;
  const hit = Object.entries(aliases).find(([k]) => normalHeader(k) === s);
  return hit ? hit[1] : null;
}


/** The data rows of a table with the row number the file shows (the header is row 1); blank rows left out. */
export function* dataRows(table: TTable): Generator<{ row: number; cells: string[] }> {
  for (let r = 1; r < table.length; r++) {
    const cells = table[r]!;
    if (cells.some((c) => c.trim())) yield { row: r + 1, cells };
  }
}
