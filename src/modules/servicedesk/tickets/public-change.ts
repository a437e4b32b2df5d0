// «Sist endret» as a requester may see it. The ticket's `updatedAt` is its version and moves with every
// change, internal notes, internal files, contact attempts and assignments included; shown to a
// municipality user it would tell them when the desk did something they may not see. Their view gets the
// time of the last change they can see instead: a public event of a kind their page shows, or the
// ticket's own public times (created, solved, closed), whichever is latest.
import { sql, type SQL } from 'drizzle-orm';
import { PUBLIC_CHANGE_KINDS } from '../vocabulary.js';
import { publicChangePredicate } from '../schema.js';

export { PUBLIC_CHANGE_KINDS };

type TPublicTimes = { createdAt: Date; solvedAt: Date | null; closedAt: Date | null };
type TEvent = { kind: string; internal: boolean; at: Date };

const isPublicChange = (e: TEvent) => !e.internal && (PUBLIC_CHANGE_KINDS as readonly string[]).includes(e.kind);

function latest(ticket: TPublicTimes, eventTimes: readonly Date[]): Date {
  const times = [ticket.createdAt, ticket.solvedAt, ticket.closedAt, ...eventTimes].filter((d): d is Date => d !== null);
  return new Date(Math.max(...times.map((d) => d.getTime())));
}

/** From a loaded history (the ticket view). */
export function lastPublicChange(ticket: TPublicTimes, events: readonly TEvent[]): Date {
  return latest(ticket, events.filter(isPublicChange).map((e) => e.at));
}

/**
 * The same time in SQL, for a list row whose ticket columns are given as SQL: the ticket's public times
 * and its latest public event, one step down the events' partial index per row. No parameters, so a
 * select list holding it can be rendered once (tickets.read.ts).
 */
export function lastPublicChangeSql(ticket: { id: SQL; createdAt: SQL; solvedAt: SQL; closedAt: SQL }): SQL {
  // greatest() skips nulls: a ticket not solved, not closed or without public events still has a time.
  return sql`greatest(${ticket.createdAt}, ${ticket.solvedAt}, ${ticket.closedAt}, (select max(e.at) from sd_ticket_events e where e.ticket_id = ${ticket.id} and ${sql.raw(publicChangePredicate('e'))}))`;
}
