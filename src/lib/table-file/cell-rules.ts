// Rules every import applies to the cells it stores, so what a preview accepts the database takes too:
// no control characters (a NUL byte cannot be stored in PostgreSQL text; the others are invisible
// and break exports and mail), and whole numbers that fit the integer columns they go to.

// Tab, line feed and carriage return are text; every other C0 control and DEL is not.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK = /[\r\n\t]/;

/** Why the text cannot be stored, or null. Line breaks only where the field is multi-line (a description). */
export function textProblem(text: string, options: { multiline?: boolean } = {}): string | null {
  const control = CONTROL.exec(text);
  if (control) return `inneholder et kontrolltegn (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}) som ikke kan lagres`;
  if (!options.multiline && LINE_BREAK.test(text)) return 'inneholder linjeskift eller tabulator';
  return null;
}

/** The largest value of a PostgreSQL integer column (counts, seconds). */
export const MAX_INTEGER_COLUMN = 2_147_483_647;
