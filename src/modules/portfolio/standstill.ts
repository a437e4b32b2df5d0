// The standstill period (karensperiode) after an award notice: the contract may not be signed before
// it ends. Counted in calendar days from the day after the notice was sent, ending at the end of the
// last day in Oslo (the papers write «kl 23.59»; the regulation says 24:00, the same instant). Seed 000:
// sent Friday 1 December 2023, 10 days, ends 11.12.2023 23:59.
import { osloDate, osloDayEdge } from '../../lib/oslo-time.js';

/**
 * The default minimum and the rule it comes from; each procurement sets its own days and rule text
 * (a procurement under part II, a notice sent by post, a changed regulation). The default names the
 * regulation and its part but no paragraph: the paragraph was written from memory and not checked
 * against Lovdata, and a wrong citation in a council paper is worse than a general one. Staff cite the
 * paragraph on the procurement when they know it.
 */
export const DEFAULT_STANDSTILL = {
  days: 10,
  rule: 'Karensperiode etter anskaffelsesforskriften del III: minst 10 dager når meddelelsen er sendt elektronisk, regnet fra dagen etter at den ble sendt',
} as const;

/** The last calendar day of the standstill (ISO date): the sending day plus `days`. */
export function standstillLastDay(awardSentAt: Date, days: number): string {
  const sent = new Date(`${osloDate(awardSentAt)}T12:00:00Z`);
  return new Date(sent.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The last instant of the standstill: 23:59:59.999 Oslo time on its last day. */
export function standstillEndsAt(awardSentAt: Date, days: number): Date {
  return osloDayEdge(standstillLastDay(awardSentAt, days), 'end');
}

/** Whether a contract may be signed at `now`: only after the standstill has ended. */
export const standstillOver = (awardSentAt: Date, days: number, now: Date) => now.getTime() > standstillEndsAt(awardSentAt, days).getTime();
