import type { TMeetingSummary } from '../meetings/types';

/** Minutes exist once the meeting has been held (draft) and are final once approved. */
export function hasMinutes(m: Pick<TMeetingSummary, 'status'>): boolean {
  return m.status === 'avholdt' || m.status === 'godkjent';
}
