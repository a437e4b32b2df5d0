// Remaining SLA time as the desk reads it: "2 t 15 min igjen", "3 d 4 t igjen", "45 min over fristen".
// Days are shown only above 24 hours; minutes are dropped once days are shown, to keep the column short.
import type { TSdT } from './messages';

export function formatDuration(millis: number, language: 'nb' | 'en' = 'nb'): string {
  const totalMinutes = Math.floor(Math.abs(millis) / 60_000);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const h = language === 'nb' ? 't' : 'h';
  if (days > 0) return hours > 0 ? `${days} d ${hours} ${h}` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} ${h} ${minutes} min` : `${hours} ${h}`;
  return `${minutes} min`;
}

/** "2 t 15 min igjen" or "45 min over fristen"; breached when nothing is left. */
export function formatRemaining(millis: number, t: TSdT, language: 'nb' | 'en' = 'nb'): { text: string; breached: boolean } {
  const breached = millis <= 0;
  return { text: t(breached ? 'sla.over' : 'sla.left', { time: formatDuration(millis, language) }), breached };
}

/** Whole numbers with Norwegian grouping (12 345) and one-decimal figures with a comma (3,4). */
export const formatNumber = (n: number | null | undefined, decimals = 0) =>
  n === null || n === undefined ? '–' : n.toLocaleString('nb-NO', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
