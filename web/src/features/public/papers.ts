import type { TMeetingSummary } from '../meetings/types';

export type TPublicStage = 'kommende' | 'avholdt' | 'godkjent';

/** Today in Norway (YYYY-MM-DD), whatever the reader's own time zone. */
const osloToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo' }).format(new Date());

/**
 * The meeting's lifecycle as the public reads it: Kommende until its day, Avholdt from its day (the rule
 * of the year's statistics, and the status once attendance or a decision is recorded), Referat godkjent
 * once the minutes are approved.
 */
export function publicStage(m: Pick<TMeetingSummary, 'status' | 'date'>): TPublicStage {
  if (m.status === 'godkjent') return 'godkjent';
  if (m.status === 'avholdt' || m.date <= osloToday()) return 'avholdt';
  return 'kommende';
}

/**
 * The public reads minutes once they are approved (docs/decisions/0016); the server answers 404 for a
 * draft. The meeting page asks the view's `withheld` instead; the list has only the summary.
 */
export function hasMinutes(m: Pick<TMeetingSummary, 'status'>): boolean {
  return m.status === 'godkjent';
}
