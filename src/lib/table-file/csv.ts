// CSV as Norwegian Excel, Visma and the help-desk and phone tools write it: semicolon, tab or comma
// (guessed from the header line), quotes as RFC 4180, an optional BOM. Pure; the table-file worker
// runs it off the main thread.

export class TooManyRows extends Error {
  constructor(readonly maxRows: number) {
    super(`more than ${maxRows} rows`);
  }
}

/** The text as rows of cells; with `maxRows`, throws TooManyRows once the data rows (after the header) pass it. */
export function readCsv(text: string, options: { maxRows?: number; onRow?: (cells: string[]) => void } = {}): string[][] {
  const body = text.replace(/^\ufeff/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].find((d) => firstLine.includes(d)) ?? ';';
  const limit = options.maxRows === undefined ? Infinity : options.maxRows + 1;
  const rows: string[][] = [];
  let count = 0;
  const emit = (cells: string[]) => {
    count += 1;
    if (count > limit) throw new TooManyRows(options.maxRows!);
    if (options.onRow) options.onRow(cells);
    else rows.push(cells);
  };
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === delimiter) { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(cell); emit(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); emit(row); }
  return rows;
}
