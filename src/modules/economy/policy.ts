// Who may do what with the economy. Staff (and admin, always) write; staff and the council read the
// cooperation's figures. A municipality user reads as a member: their own municipality's share of the
// financing and their parts of a closed year's settlement, nothing cooperation-wide (the services
// getMemberFinancing and getMemberSettlement cut it down; routes/member-access.test.ts walks every route).
// Anonymous callers read only a report published with a published meeting.
import type { Role, SessionUser } from '../../server/context.js';

export const ECONOMY_WRITERS: Role[] = ['staff'];
export const ECONOMY_READERS: Role[] = ['staff', 'council'];

/** How a user reads the financing and the settlement. */
export type TEconomyView =
  | { kind: 'cooperation' }
  /** Their own municipality's parts; an account not tied to a municipality gets none. */
  | { kind: 'member'; municipalityId: string | null };

export function economyViewOf(user: SessionUser): TEconomyView {
  if (user.role !== 'municipality') return { kind: 'cooperation' };
  return { kind: 'member', municipalityId: user.municipalityId };
}
