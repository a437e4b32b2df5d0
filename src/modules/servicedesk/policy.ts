// Who sees which ticket. The desk (staff, admin) sees every ticket. A municipality user sees the
// tickets they asked for, and, when their account is shared (sd_portal_sharing), every ticket of their
// municipality. Council members have no business in the service desk. A ticket someone may not see
// answers 404, so its existence is not revealed either.
import { and, eq, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Role, SessionUser } from '../../server/context.js';
import { forbidden, notFound } from '../../server/errors.js';
import { sdPortalSharing, sdTickets } from './schema.js';

/** The roles that work the desk; a ticket is assigned and a team staffed from these accounts only. */
export const DESK_ROLES = ['staff', 'admin'] as const satisfies readonly Role[];
export const isDeskRole = (role: Role) => (DESK_ROLES as readonly Role[]).includes(role);
export const isDesk = (user: SessionUser) => isDeskRole(user.role);

export async function seesMunicipality(db: DbOrTx, user: SessionUser): Promise<boolean> {
  if (user.role !== 'municipality' || !user.municipalityId) return false;
  const [row] = await db.select().from(sdPortalSharing).where(eq(sdPortalSharing.userId, user.id));
  return row?.seesMunicipality ?? false;
}

/** The WHERE clause that limits a ticket query to what the user may see; null means everything. */
export async function visibleTickets(db: DbOrTx, user: SessionUser): Promise<SQL | null> {
  if (isDesk(user)) return null;
  if (user.role !== 'municipality') throw forbidden();
  const own = eq(sdTickets.requesterUserId, user.id);
  if (await seesMunicipality(db, user)) return or(own, eq(sdTickets.municipalityId, user.municipalityId!))!;
  return own;
}

/**
 * The same rule as visibleTickets, for ticket rows already read by a query that is not limited by it
 * (the KPI pack's list of critical and high incidents): whether the user may see this ticket.
 */
export async function ticketVisibility(db: DbOrTx, user: SessionUser): Promise<(t: { requesterUserId: string | null; municipalityId: string }) => boolean> {
  if (isDesk(user)) return () => true;
  if (user.role !== 'municipality' || !user.municipalityId) return () => false;
  const shared = await seesMunicipality(db, user);
  return (t) => t.requesterUserId === user.id || (shared && t.municipalityId === user.municipalityId);
}

/** Loads a ticket the user may see, or answers 404. */
export async function loadVisibleTicket(db: DbOrTx, user: SessionUser, id: string, lock = false) {
  const scope = await visibleTickets(db, user);
  const query = db.select().from(sdTickets).where(scope ? and(eq(sdTickets.id, id), scope) : eq(sdTickets.id, id));
  const [ticket] = lock ? await query.for('update') : await query;
  if (!ticket) throw notFound('Saken');
  return ticket;
}

export type TTicketRow = typeof sdTickets.$inferSelect;

export const eventActorOf = (user: SessionUser) => ({ userId: user.id, name: user.name, byDesk: isDesk(user) });
