// The 3-2-1 rule (ST 39/18): when a solved case is not confirmed by the user, the desk tries to reach
// them 3 times over 2 days, then sends 1 e-mail saying the case is closed. "Over 2 days" is read as:
// the attempts fall on at least 2 different calendar days in the desk's time zone.
import { zoneOf } from '../sla/calendar.js';
import { OSLO } from '../../../lib/oslo-time.js';

export type TCloseRule = { attempts: number; days: number };

export function closeRuleMet(attemptTimes: readonly Date[], rule: TCloseRule, timeZone = OSLO): boolean {
  if (attemptTimes.length < rule.attempts) return false;
  const zone = zoneOf(timeZone);
  const days = new Set(attemptTimes.map((t) => zone.localDay(t.getTime())));
  return days.size >= rule.days;
}
