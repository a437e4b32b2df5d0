// The mapping form writes each field's value translations as lines of text ("Haster = kritisk"), which
// people can paste from a list; these turn them into the mapping's records and back. Also the figures the
// phone-statistics tables print. Pure.
import { IMPORT_FIELDS, VALUE_FIELDS, type TImportField, type TImportMapping, type TValueField } from './api';

/** The mapping as the form edits it: every column as text, every field's translations as lines. */
export type TMappingDraft = {
  columns: Record<TImportField, string>;
  values: Record<TValueField, string>;
  defaults: TImportMapping['defaults'];
};

export function draftOf(mapping: TImportMapping): TMappingDraft {
  return {
    columns: Object.fromEntries(IMPORT_FIELDS.map((f) => [f, mapping.columns[f] ?? ''])) as Record<TImportField, string>,
    values: Object.fromEntries(VALUE_FIELDS.map((f) => [f, valueLines(mapping.values[f])])) as Record<TValueField, string>,
    defaults: { ...mapping.defaults },
  };
}

/** The draft as the server takes it (empty columns left out), or the lines that cannot be read. */
export function mappingOf(draft: TMappingDraft): { mapping: TImportMapping; bad: { field: TValueField; line: number }[] } {
  const columns: TImportMapping['columns'] = {};
  for (const f of IMPORT_FIELDS) if (draft.columns[f].trim()) columns[f] = draft.columns[f].trim();
  const values: TImportMapping['values'] = {};
  const bad: { field: TValueField; line: number }[] = [];
  for (const f of VALUE_FIELDS) {
    const parsed = parseValueLines(draft.values[f]);
    if (Object.keys(parsed.values).length) values[f] = parsed.values;
    bad.push(...parsed.badLines.map((line) => ({ field: f, line })));
  }
  return { mapping: { columns, values, defaults: { ...draft.defaults } }, bad };
}

/** "source = ours" per line; blank lines ignored; the first "=" splits, so labels may hold "=" after it. */
export function parseValueLines(text: string): { values: Record<string, string>; badLines: number[] } {
  const values: Record<string, string> = {};
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const at = line.indexOf('=');
    const source = at > 0 ? line.slice(0, at).trim() : '';
    const ours = at > 0 ? line.slice(at + 1).trim() : '';
    if (!source || !ours) badLines.push(i + 1);
    else values[source] = ours;
  });
  return { values, badLines };
}

export function valueLines(values: Record<string, string> | undefined): string {
  return Object.entries(values ?? {}).map(([source, ours]) => `${source} = ${ours}`).join('\n');
}

/** Seconds as the phone system prints them: 45 → "0:45", 125 → "2:05", 3725 → "1:02:05". */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** The first and last day of a month (month 1–12) as YYYY-MM-DD. */
export function monthRange(year: number, month: number): { from: string; to: string } {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}
