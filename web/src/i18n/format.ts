// The one place dates and times are formatted for people: Norwegian style (13.12.2023, 08:15) in
// Europe/Oslo, whatever the browser's own zone, so every page shows the same as the papers.
const ZONE = 'Europe/Oslo';

const dateFormat = new Intl.DateTimeFormat('nb-NO', { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFormat = new Intl.DateTimeFormat('nb-NO', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An ISO date ("2023-12-13") or a timestamp, as 13.12.2023. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    // A calendar date has no zone: formatting it through Date would shift it across midnight.
    const [y, m, d] = value.split('-');
    return `${d}.${m}.${y}`;
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return dateFormat.format(date).replace(/\//g, '.');
}

/** A wall-clock time ("08:15" or "08:15:00") or a timestamp, as 08:15 in Oslo. */
export function formatTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string' && /^\d{1,2}:\d{2}/.test(value)) {
    const [h, m] = value.split(':');
    return `${h!.padStart(2, '0')}:${m}`;
  }
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  return timeFormat.format(date).replace('.', ':');
}

/** A timestamp as 13.12.2023 08:15 (Oslo). */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '';
  return `${formatDate(value)} ${formatTime(value)}`;
}

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

/** Øre that are whole kroner, as "42 735 000" / "−133 055". */
export function formatWholeKroner(ore: number): string {
  const kr = Math.round(ore / 100);
  const digits = groupThousands(String(Math.abs(kr)));
  return kr < 0 ? `${MINUS}${digits}` : digits;
}

/** "50.9554" → "50,9554 %". */
export const formatPercent = (percent: string) => `${percent.replace('.', ',')}\u00a0%`;
