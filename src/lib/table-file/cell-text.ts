// A spreadsheet cell as the text a CSV export of the same sheet would hold, so every import parses one
// kind of input. Numbers with a fraction keep up to two decimals exactly, with a decimal comma (a
// spreadsheet number is a float; amounts have at most øre). Dates are Norwegian dates: Excel keeps the
// wall-clock time the user typed as if it were UTC, so the UTC fields are that wall clock.
import type ExcelJS from 'exceljs';

const p2 = (n: number) => String(n).padStart(2, '0');

export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    const ore = Math.round(value * 100);
    if (Math.abs(value * 100 - ore) > 1e-6) return String(value);
    const sign = ore < 0 ? '-' : '';
    const abs = Math.abs(ore);
    return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const day = `${p2(value.getUTCDate())}.${p2(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
    return value.getUTCHours() || value.getUTCMinutes() ? `${day} ${p2(value.getUTCHours())}:${p2(value.getUTCMinutes())}` : day;
  }
  if (typeof value === 'object') {
    if ('error' in value) return '';
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  }
  return String(value);
}
