import type { TMeetingSummary } from '../meetings/types';

/**
 * The public reads minutes once they are approved (docs/decisions/0016); the server answers 404 for a
 * draft. The meeting page asks the view's `withheld` instead; the list has only the summary.
 */
export function hasMinutes(m: Pick<TMeetingSummary, 'status'>): boolean {
  return m.status === 'godkjent';
}
