// Links the generated cases that the demo's portal user asked for (generate.ts portalUserTickets, marked
// by requesterEmail) to that account, once the rows are in: the ticket's requester, the user's own
// replies and their survey answers. Without the link "Mine saker" would be empty for the demo user, and
// the portal could not let them reply or answer the survey.
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../src/db/client.js';
import { users } from '../../src/modules/org/schema.js';
import { sdSurveys, sdTicketEvents, sdTickets } from '../../src/modules/servicedesk/schema.js';
import type { TGenTicket } from './generate.js';

/** Sets requester, reply authors and survey answerer of the marked tickets; returns how many were linked. */
export async function linkPortalRequesters(db: DbOrTx, tickets: readonly TGenTicket[]): Promise<number> {
  const byEmail = new Map<string, string[]>();
  for (const t of tickets) if (t.requesterEmail) byEmail.set(t.requesterEmail, [...(byEmail.get(t.requesterEmail) ?? []), t.id]);
  let linked = 0;
  for (const [email, ids] of byEmail) {
    const [user] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email));
    if (!user) continue;
    await db.update(sdTickets).set({ requesterUserId: user.id, requesterName: user.name, requesterEmail: email }).where(inArray(sdTickets.id, ids));
    await db.update(sdTicketEvents).set({ actorUserId: user.id, actorName: user.name })
      .where(and(inArray(sdTicketEvents.ticketId, ids), eq(sdTicketEvents.byDesk, false)));
    await db.update(sdSurveys).set({ userId: user.id }).where(inArray(sdSurveys.ticketId, ids));
    linked += ids.length;
  }
  return linked;
}
