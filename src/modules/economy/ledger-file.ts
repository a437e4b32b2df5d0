// Reads a ledger export (CSV or XLSX, as a municipal ledger such as Visma Enterprise writes it) into
// rows of account, project, period and amount in øre. Every problem is reported with the row number as
// the file shows it (the header is row 1) and the column, so the person importing can find it.
import ExcelJS from 'exceljs';
import { parseNorwegianAmount } from './calculations.js';

export type TLedgerRow = { row: number; account: string; project: string | null; period: number; amountOre: number };
export type TLedgerIssue = { row: number | null; column: string | null; message: string };
export type TLedgerParse = { rows: TLedgerRow[]; issues: TLedgerIssue[] };

type TColumn = 'account' | 'project' | 'period' | 'amount';
export const LEDGER_COLUMNS: TColumn[] = ['account', 'project', 'period', 'amount'];
/** Header names we accept per column, lower-case: the English names and what Norwegian exports print. */
const HEADER_NAMES: Record<TColumn, string[]> = {
  account: ['account', 'konto', 'art', 'kontonr', 'konto nr'],
  project: ['project', 'prosjekt', 'prosjektnr', 'prosjekt nr'],
  period: ['period', 'periode', 'regnskapsperiode'],
  amount: ['amount', 'beløp', 'belop', 'beløp nok', 'sum'],
};
const MAX_ISSUES = 50;

export async function readLedgerFile(options: { filename: string; bytes: Uint8Array; year: number }): Promise<TLedgerParse> {
  const isXlsx = /\.xlsx$/i.test(options.filename) || (options.bytes[0] === 0x50 && options.bytes[1] === 0x4b);
  let table: string[][];
  try {
    table = isXlsx ? await readXlsx(options.bytes) : readCsv(new TextDecoder('utf-8').decode(options.bytes));
  } catch {
    return { rows: [], issues: [{ row: null, column: null, message: isXlsx ? 'Filen kan ikke leses som XLSX' : 'Filen kan ikke leses som CSV' }] };
  }
  return parseLedgerTable(table, options.year);
}

/** The table (first row = header) to ledger rows; pure, so the rules are tested without files. */
export function parseLedgerTable(table: string[][], year: number): TLedgerParse {
  const issues: TLedgerIssue[] = [];
  const rows: TLedgerRow[] = [];
  const header = (table[0] ?? []).map((h) => h.trim().toLowerCase());
  const index = {} as Record<TColumn, number>;
  for (const column of LEDGER_COLUMNS) {
    const i = header.findIndex((h) => HEADER_NAMES[column].includes(h));
    if (i < 0) issues.push({ row: 1, column, message: `Kolonnen «${column}» mangler i overskriftsraden (forventet ${LEDGER_COLUMNS.join(', ')})` });
    index[column] = i;
  }
  if (issues.length) return { rows, issues };

  for (let r = 1; r < table.length; r++) {
    const cells = table[r]!;
    if (cells.every((c) => !c.trim())) continue;
    const rowNo = r + 1;
    const cell = (column: TColumn) => (cells[index[column]] ?? '').trim();
    const issue = (column: TColumn, message: string) => {
      if (issues.length < MAX_ISSUES) issues.push({ row: rowNo, column, message: `Rad ${rowNo}, kolonne ${column}: ${message}` });
    };
    const account = cell('account');
    if (!account) issue('account', 'konto mangler');
    const period = parsePeriod(cell('period'), year);
    if (typeof period === 'string') issue('period', period);
    const amountOre = parseNorwegianAmount(cell('amount'));
    if (amountOre === null) issue('amount', `ugyldig beløp «${cell('amount')}»`);
    if (!account || typeof period === 'string' || amountOre === null) continue;
    rows.push({ row: rowNo, account, project: cell('project') || null, period, amountOre });
  }
  if (!rows.length && !issues.length) issues.push({ row: null, column: null, message: 'Filen har ingen rader' });
  return { rows, issues };
}

/** "5", "05", "2023-05", "202305", "2023/05", "05.2023": a month of the import's year, or a message. */
export function parsePeriod(text: string, year: number): number | string {
  let y = year;
  let m: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{1,2})$/.exec(text))) m = Number(match[1]);
  else if ((match = /^(\d{4})[-/]?(\d{2})$/.exec(text))) { y = Number(match[1]); m = Number(match[2]); }
  else if ((match = /^(\d{1,2})[./-](\d{4})$/.exec(text))) { m = Number(match[1]); y = Number(match[2]); }
  else return `ugyldig periode «${text}» (bruk f.eks. ${year}-05 eller 5)`;
  if (m < 1 || m > 12) return `periode «${text}» er ikke en måned 1–12`;
  if (y !== year) return `periode «${text}» hører til ${y}, ikke ${year}`;
  return m;
}

// ---- CSV -----------------------------------------------------------------------------------------

/** Semicolon (what Norwegian Excel and Visma write), tab or comma, guessed from the header line; quotes as RFC 4180. */
export function readCsv(text: string): string[][] {
  const body = text.replace(/^\ufeff/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].find((d) => firstLine.includes(d)) ?? ';';
  const rows: string[][] = [];
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
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

// ---- XLSX ----------------------------------------------------------------------------------------

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

/** A cell as the text a CSV export would hold; numbers keep up to two decimals exactly. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    // A spreadsheet number is a float; amounts have at most øre, so two decimals say it exactly.
    const ore = Math.round(value * 100);
    if (Math.abs(value * 100 - ore) > 1e-6) return String(value);
    const sign = ore < 0 ? '-' : '';
    const abs = Math.abs(ore);
    return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
  }
  if (value instanceof Date) return `${value.getUTCFullYear()}-${String(value.getUTCMonth() + 1).padStart(2, '0')}`;
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
  }
  return String(value);
}
