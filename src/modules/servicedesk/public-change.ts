// «Sist endret» as a requester may see it. The ticket's `updatedAt` is its version and moves with every
// change, internal notes, internal files, contact attempts and assignments included; shown to a
// municipality user it would tell them when the desk did something they may not see. Their view gets the
// time of the last change they can see instead: a public event of a kind their page shows, or the
// ticket's own public times (created, solved, closed), whichever is latest.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { sdTicketEvents, sdTickets } from './schema.js';

/**
 * Event kinds whose effect the requester's page shows: the conversation, status, priority, type /
 * category / title ('field'), their files and their survey. Not assignments, teams, SLA breaches
 * (the SLA is the desk's), contact attempts or notes, even where such an event is not marked internal.
 */
export const PUBLIC_CHANGE_KINDS = ['created', 'reply', 'status', 'priority', 'field', 'attachment', 'survey'] as const;

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

/** For a page of tickets (the list), by id: one grouped query over the tickets and their public events. */
export async function lastPublicChanges(db: DbOrTx, ticketIds: readonly string[]): Promise<Map<string, Date>> {
  if (ticketIds.length === 0) return new Map();
  const rows = await db.select({
    id: sdTickets.id,
    // greatest() skips nulls: a ticket not solved, not closed or without public events still has a time.
    at: sql`greatest(${sdTickets.createdAt}, ${sdTickets.solvedAt}, ${sdTickets.closedAt}, max(${sdTicketEvents.at}))`.mapWith(sdTickets.createdAt),
  }).from(sdTickets)
    .leftJoin(sdTicketEvents, and(eq(sdTicketEvents.ticketId, sdTickets.id), eq(sdTicketEvents.internal, false),
      inArray(sdTicketEvents.kind, [...PUBLIC_CHANGE_KINDS])))
    .where(inArray(sdTickets.id, [...ticketIds]))
    .groupBy(sdTickets.id);
  return new Map(rows.map((r) => [r.id, r.at]));
}
