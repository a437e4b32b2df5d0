// Reads a ledger export (CSV or XLSX, as a municipal ledger such as Visma Enterprise writes it) into
// rows of account, project, period and amount in øre. Every problem is reported with the row number as
// the file shows it (the header is row 1) and the column, so the person importing can find it. The file
// is read by src/lib/table-file (limits, off the main thread); preview and commit both check it with
// parseLedgerTable, so what a preview accepts a commit stores.
import { RowIssues, textProblem, type TRowIssue, type TRowIssueSummary, type TTable } from '../../lib/table-file/index.js';
import { parseNorwegianAmount } from './calculations.js';

export type TLedgerRow = { row: number; account: string; project: string | null; period: number; amountOre: number };
export type TLedgerIssue = TRowIssue;
export type TLedgerParse<R = TLedgerRow> = { rows: R[] } & TRowIssueSummary;

type TColumn = 'account' | 'project' | 'period' | 'amount';
export const LEDGER_COLUMNS: TColumn[] = ['account', 'project', 'period', 'amount'];
/** Header names we accept per column, lower-case: the English names and what Norwegian exports print. */
const HEADER_NAMES: Record<TColumn, string[]> = {
  account: ['account', 'konto', 'art', 'kontonr', 'konto nr'],
  project: ['project', 'prosjekt', 'prosjektnr', 'prosjekt nr'],
  period: ['period', 'periode', 'regnskapsperiode'],
  amount: ['amount', 'beløp', 'belop', 'beløp nok', 'sum'],
};
/** Account and project codes are short; a longer cell is a wrong column, not a code. */
const MAX_CODE_LENGTH = 50;

/**
 * Where a row goes: the line it is booked on, or the message why it has none. Given, the rows carry
 * their line and an unmapped account is an issue of its row, found in the same pass as the others.
 */
export type TLedgerLineOf = (row: TLedgerRow) => { lineId: string } | { problem: string };

/** The table (first row = header) to ledger rows; pure, so the rules are tested without files. */
export function parseLedgerTable(table: TTable, year: number): TLedgerParse;
export function parseLedgerTable(table: TTable, year: number, lineOf: TLedgerLineOf): TLedgerParse<TLedgerRow & { lineId: string }>;
export function parseLedgerTable(table: TTable, year: number, lineOf?: TLedgerLineOf): TLedgerParse<TLedgerRow & { lineId?: string }> {
  const issues = new RowIssues();
  const rows: (TLedgerRow & { lineId?: string })[] = [];
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const index = {} as Record<TColumn, number>;
  for (const column of LEDGER_COLUMNS) {
    const i = header.findIndex((h) => HEADER_NAMES[column].includes(h));
    if (i < 0) issues.add({ row: 1, column, message: `Kolonnen «${column}» mangler i overskriftsraden (forventet ${LEDGER_COLUMNS.join(', ')})` });
    index[column] = i;
  }
  if (issues.count) return { rows: [], ...issues.summary() };

  let total = 0;
  for (let r = 1; r < table.length; r++) {
    const cells = table[r]!;
    if (cells.every((c) => !c.trim())) continue;
    const rowNo = r + 1;
    const cell = (column: TColumn) => (cells[index[column]] ?? '').trim();
    // Counted per row, not read off the capped list: a row past the cap is as invalid as the first.
    let bad = 0;
    const issue = (column: TColumn, message: string) => {
      bad += 1;
      issues.add({ row: rowNo, column, message: `Rad ${rowNo}, kolonne ${column}: ${message}` });
    };
    const code = (column: 'account' | 'project') => {
      const text = cell(column);
      const problem = textProblem(text) ?? (text.length > MAX_CODE_LENGTH ? `er lengre enn ${MAX_CODE_LENGTH} tegn` : null);
      if (problem) issue(column, problem);
      return problem ? null : text;
    };
    const account = code('account');
    if (account === '') issue('account', 'konto mangler');
    const project = code('project');
    const period = parsePeriod(cell('period'), year);
    if (typeof period === 'string') issue('period', period);
    const amountOre = parseNorwegianAmount(cell('amount'));
    if (amountOre === null) issue('amount', `ugyldig beløp «${cell('amount')}»`);
    if (bad) continue;
    const row: TLedgerRow = { row: rowNo, account: account!, project: project || null, period: period as number, amountOre: amountOre! };
    const line = lineOf?.(row);
    if (line && 'problem' in line) { issue('account', line.problem); continue; }
    // The file's total is stored and summed again by the report; it must stay an exact integer.
    total += Math.abs(row.amountOre);
    if (!Number.isSafeInteger(total)) { issue('amount', 'filens beløp til sammen er for store til å regnes eksakt'); continue; }
    rows.push(line ? { ...row, lineId: line.lineId } : row);
  }
  if (!rows.length && !issues.count) issues.add({ row: null, column: null, message: 'Filen har ingen rader' });
  return { rows, ...issues.summary() };
}

/** "5", "05", "2023-05", "202305", "2023/05", "05.2023": a month of the import's year, or a message. */
export function parsePeriod(text: string, year: number): number | string {
  let y = year;
  let m: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{1,2})$/.exec(text))) m = Number(match[1]);
  else if ((match = /^(\d{4})[-/]?(\d{2})$/.exec(text))) { y = Number(match[1]); m = Number(match[2]); }
  else if ((match = /^(\d{1,2})[./-](\d{4})$/.exec(text))) { m = Number(match[1]); y = Number(match[2]); }
  // A date cell in a workbook: the month it falls in (table files print dates as 01.07.2023).
  else if ((match = /^\d{1,2}\.(\d{1,2})\.(\d{4})(?: \d{1,2}:\d{2})?$/.exec(text))) { m = Number(match[1]); y = Number(match[2]); }
  else return `ugyldig periode «${text}» (bruk f.eks. ${year}-05 eller 5)`;
  if (m < 1 || m > 12) return `periode «${text}» er ikke en måned 1–12`;
  if (y !== year) return `periode «${text}» hører til ${y}, ikke ${year}`;
  return m;
}
