// How the pages write numbers, sizes and spans for people. Dates, times and months come from the
// server's own formatting (src/lib/norwegian-format.ts): Norwegian style in Europe/Oslo, whatever the
// browser's zone, so every page shows the same as the papers.
import { formatTime } from '../../../src/lib/norwegian-format';

export { formatDate, formatDateTime, formatMonth, formatPerMille, formatSharePercent, formatTime, formatWholeKroner, MONTH_NAMES } from '../../../src/lib/norwegian-format';

/** "08:15–10:00", or just the start when the end is unknown. */
export function formatTimeRange(start: string | null | undefined, end: string | null | undefined): string {
  return end ? `${formatTime(start)}–${formatTime(end)}` : formatTime(start);
}

/** File sizes as people read them: 12 kB, 3,4 MB. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} kB`;
  return `${(size / (1024 * 1024)).toLocaleString('nb-NO', { maximumFractionDigits: 1 })} MB`;
}

// Numbers the way the papers print them: thousands split by a narrow no-break space (a thin space that
// never breaks a number across lines) and a true minus sign. Same in both languages, like the dates,
// so a figure reads the same on the page as in the council's papers.
const THIN = '\u202f';
const MINUS = '\u2212';
const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, THIN);

/** Whole thousands as the report tables print them: "25 858", "−767", and a dash for zero. */
export function formatThousands(value: number): string {
  if (value === 0) return '–';
  const digits = groupThousands(String(Math.abs(value)));
  return value < 0 ? `${MINUS}${digits}` : digits;
}

/** Øre as kroner with two decimals, "1 234,50" / "−1 361,00". */
export function formatKroner(ore: number): string {
  const abs = Math.abs(ore);
  const kr = groupThousands(String(Math.floor(abs / 100)));
  return `${ore < 0 ? MINUS : ''}${kr},${String(abs % 100).padStart(2, '0')}`;
}

