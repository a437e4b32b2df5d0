// The ticket's revision (decision 0024). Every write that changes a ticket, its history or its files
// goes through `touched`: `revision` (what the desk's edit sends back) counts up by one in the same
// statement, and `updatedAt` («sist endret» on the page) moves forward, never back.
import { sql } from 'drizzle-orm';
import { sdTickets } from '../schema.js';

/**
 * The ticket's next «sist endret»: now, or one millisecond past the last one when the clock has not moved
 * on (two changes in the same millisecond, a test clock set back), so the time never goes backwards.
 */
export function nextVersion(previous: Date, now: Date): Date {
  return now.getTime() > previous.getTime() ? now : new Date(previous.getTime() + 1);
}

/** The columns every change of a ticket sets: the next revision and the next «sist endret». */
export function touched(ticket: { updatedAt: Date }, now: Date) {
  return { revision: sql`${sdTickets.revision} + 1`, updatedAt: nextVersion(ticket.updatedAt, now) };
}
