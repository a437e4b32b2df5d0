// The requester's reopen window (README «Reopen window», decision 0011).
//
// It opens when the case was done by the desk's side: the last solve, or a close the requester did not
// make themselves (the 3-2-1 job's close, whose e-mail promises the window from then, or the desk's).
// The requester's own confirmation («Bekreft at saken er løst», or the survey answered on a solved case)
// closes the case too, but never moves the window: otherwise confirming a case solved two years ago
// would start 14 fresh days and let it be reopened.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { SessionUser } from '../../../server/context.js';
import { isDesk } from '../policy.js';
import { DONE_STATUSES, type TStatus } from '../vocabulary.js';
import { sdTicketEvents } from '../schema.js';

type TDoneTicket = { status: TStatus; requesterUserId: string | null; solvedAt: Date | null; closedAt: Date | null };
type TStatusEvent = { kind: string; data: unknown };

const DAY_MS = 86_400_000;

/** Whether the ticket's last close (status → lukket) was its requester confirming it. */
export function closedByConfirmation(events: readonly TStatusEvent[]): boolean {
  const close = events.filter((e) => e.kind === 'status' && (e.data as { to?: unknown }).to === 'lukket').at(-1);
  return (close?.data as { confirmed?: unknown } | undefined)?.confirmed === true;
}

/** The same, read from the history without loading all of it. */
export async function loadClosedByConfirmation(db: DbOrTx, ticketId: string): Promise<boolean> {
  const [close] = await db.select({ kind: sdTicketEvents.kind, data: sdTicketEvents.data }).from(sdTicketEvents)
    .where(and(eq(sdTicketEvents.ticketId, ticketId), eq(sdTicketEvents.kind, 'status'), sql`${sdTicketEvents.data}->>'to' = 'lukket'`))
    .orderBy(desc(sdTicketEvents.id)).limit(1);
  return close ? closedByConfirmation([close]) : false;
}

/** When the requester's window opened: the solve, or a later close that was not their own confirmation. */
export function reopenWindowStart(ticket: TDoneTicket, confirmedClose: boolean): Date | null {
  const solved = ticket.solvedAt?.getTime() ?? null;
  const closed = ticket.status === 'lukket' && !confirmedClose ? ticket.closedAt?.getTime() ?? null : null;
  const start = Math.max(solved ?? -Infinity, closed ?? -Infinity);
  return Number.isFinite(start) ? new Date(start) : null;
}

/**
 * A solved or closed ticket may be reopened by the desk at any time, and by its requester within the
 * window. `confirmedClose`: the last close was the requester's confirmation (closedByConfirmation).
 */
export function mayReopen(ticket: TDoneTicket, user: SessionUser, windowDays: number, now: Date, confirmedClose: boolean): boolean {
  if (!DONE_STATUSES.includes(ticket.status)) return false;
  if (isDesk(user)) return true;
  if (ticket.requesterUserId !== user.id) return false;
  const start = reopenWindowStart(ticket, confirmedClose);
  return start !== null && now.getTime() - start.getTime() <= windowDays * DAY_MS;
}
