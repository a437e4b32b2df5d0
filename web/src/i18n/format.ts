// How the pages write numbers, sizes and spans for people. Dates, times and months come from the
// server's own formatting (src/lib/norwegian-format.ts): Norwegian style in Europe/Oslo, whatever the
// browser's zone, so every page shows the same as the papers.
import { formatTime } from '../../../src/lib/norwegian-format';

// Numbers print as in the papers (narrow no-break space between thousands, a true minus), in both languages.
export {
  formatDate, formatDateTime, formatKronerAndOre as formatKroner, formatMonth, formatNumber, formatPerMille, formatSharePercent,
  formatThousands, formatTime, formatWholeKroner, groupThousands, MONTH_NAMES,
} from '../../../src/lib/norwegian-format';

/** "08:15–10:00", or just the start when the end is unknown; empty without a start (a historical meeting's date only). */
export function formatTimeRange(start: string | null | undefined, end: string | null | undefined): string {
  if (!start) return '';
  return end ? `${formatTime(start)}–${formatTime(end)}` : formatTime(start);
}

/** File sizes as people read them: 12 kB, 3,4 MB. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} kB`;
  return `${(size / (1024 * 1024)).toLocaleString('nb-NO', { maximumFractionDigits: 1 })} MB`;
}


