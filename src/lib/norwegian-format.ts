// Dates, times and months as Norwegians write them (13.12.2023, 08:15, «13. desember 2023», «mar 2024»),
// on Oslo's clock: the one formatting for the papers, the spreadsheets, the server's messages and the
// pages. English names are here for the pages' English; the digits are the same in both languages, so a
// date reads the same on the page as in the council's papers.
import { osloParts } from './oslo-time.js';

export type TLanguage = 'nb' | 'en';

export const MONTH_NAMES: Record<TLanguage, readonly string[]> = {
  nb: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
export const MONTH_ABBREVIATIONS: Record<TLanguage, readonly string[]> = {
  nb: ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type TWhen = string | Date | null | undefined;

function instant(value: string | Date): Date | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** An ISO date ("2023-12-13", read as it stands: a calendar day has no zone) or an instant (its Oslo day), as 13.12.2023. */
export function formatDate(value: TWhen): string {
  if (!value) return '';
  if (typeof value === 'string' && ISO_DATE.test(value)) {
    const [y, m, d] = value.split('-');
    return `${d}.${m}.${y}`;
  }
  const date = instant(value);
  if (!date) return String(value);
  const p = osloParts(date);
  return `${p.day}.${p.month}.${p.year}`;
}

/** A wall-clock time ("08:15" or "08:15:00") or an instant (Oslo), as 08:15, or 08:15:00 with seconds. */
export function formatTime(value: TWhen, options: { seconds?: boolean } = {}): string {
  if (!value) return '';
  if (typeof value === 'string' && /^\d{1,2}:\d{2}/.test(value)) {
    const [h, m, s] = value.split(':');
    return `${h!.padStart(2, '0')}:${m}${options.seconds ? `:${(s ?? '00').slice(0, 2)}` : ''}`;
  }
  const date = instant(value);
  if (!date) return String(value);
  const p = osloParts(date);
  return `${p.hour}:${p.minute}${options.seconds ? `:${p.second}` : ''}`;
}

/** An instant as 13.12.2023 08:15 (Oslo). */
export function formatDateTime(value: TWhen): string {
  if (!value) return '';
  return `${formatDate(value)} ${formatTime(value)}`;
}

/** "2023-12-13" → «13. desember 2023» (English: «13 December 2023»). */
export function formatDateLong(isoDate: string, language: TLanguage = 'nb'): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  const month = MONTH_NAMES[language][m! - 1];
  return language === 'en' ? `${d} ${month} ${y}` : `${d}. ${month} ${y}`;
}

/** A month "2024-03" as «mar 2024», or «mars 2024» with `long`. */
export function formatMonth(month: string, options: { long?: boolean; language?: TLanguage } = {}): string {
  const names = (options.long ? MONTH_NAMES : MONTH_ABBREVIATIONS)[options.language ?? 'nb'];
  const [y, m] = month.split('-');
  return `${names[Number(m) - 1] ?? m} ${y}`;
}

/** A size as a Norwegian message gives it: «1,5 MB», «200 kB» (never «0 kB»). */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${String(Math.round((n / 1024 / 1024) * 10) / 10).replace('.', ',')} MB`;
  return `${Math.max(1, Math.round(n / 1024))} kB`;
}

/**
 * A share of a key as the papers print it, every share of one key with the same decimals:
 * ("18", 1) → «18,0 %», ("5.7326", 4) → «5,7326 %», ("100", 2) → «100,00 %».
 */
export function formatSharePercent(percent: string, decimals: number): string {
  const [whole, fraction = ''] = percent.split('.');
  return `${decimals > 0 ? `${whole},${fraction.padEnd(decimals, '0').slice(0, decimals)}` : whole}\u00a0%`;
}

/** A deviation in per mille of its budget as a percent with one decimal: −32 → «−3,2 %», null → «–». */
export function formatPerMille(perMille: number | null): string {
  if (perMille === null) return '–';
  const abs = Math.abs(perMille);
  return `${perMille < 0 ? '\u2212' : ''}${Math.floor(abs / 10)},${abs % 10}\u00a0%`;
}

// Numbers the way the papers print them: thousands split by a narrow no-break space (a thin space that
// never breaks a number across lines) and a true minus sign. Same in both languages, like the dates, so a
// figure reads the same on the page as in the council's papers and spreadsheets.
const THOUSANDS_SEPARATOR = '\u202f';
const MINUS = '\u2212';

/** "1234567" → "1 234 567"; a person's input field passes a plain space as `separator`. */
export function groupThousands(digits: string, separator = THOUSANDS_SEPARATOR): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/** A count or measure: 1357 → «1 357», 4.25 with one decimal → «4,3», −12 → «−12», null → «–». */
export function formatNumber(value: number | null, decimals = 0): string {
  if (value === null) return '–';
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const signed = `${value < 0 && Number(`${whole}.${fraction ?? 0}`) !== 0 ? MINUS : ''}${groupThousands(whole!)}`;
  return fraction ? `${signed},${fraction}` : signed;
}

/** Whole thousands as the report tables print them: «25 858», «−767», and a dash for zero. */
export function formatThousands(value: number): string {
  return value === 0 ? '–' : formatNumber(value);
}

/** Øre as whole kroner the way the papers print them: «42 735 000», «−133 055». */
export function formatWholeKroner(ore: number): string {
  return formatNumber(Math.round(ore / 100));
}

/** Øre as kroner with two decimals, «1 234,50», «−1 361,00». */
export function formatKronerAndOre(ore: number): string {
  const abs = Math.abs(ore);
  return `${ore < 0 ? MINUS : ''}${groupThousands(String(Math.floor(abs / 100)))},${String(abs % 100).padStart(2, '0')}`;
}
