// Who reads what of the council's record. Governance compares roles here and nowhere else; routes admit
// roles with requireRole.
import type { SessionUser } from '../../server/context.js';

/**
 * How much of the record a read shows: `full` (exempt content, unpublished meetings, agendas before the
 * notice and minutes before approval) or what the `public` may read (docs/decisions/0016).
 */
export type TReadAccess = 'full' | 'public';

/** samrad's own reads for the body and the archive: the members' notice, the full minutes it archives. */
export const INTERNAL_READ: TReadAccess = 'full';

/** Admin, staff and the council read everything; everyone else, signed in or not, what the public may. */
export function readAccessOf(viewer: SessionUser | null): TReadAccess {
  return viewer !== null && (viewer.role === 'admin' || viewer.role === 'staff' || viewer.role === 'council') ? 'full' : 'public';
}

/** Who may read exempt content and unpublished meetings. */
export const canReadAll = (viewer: SessionUser | null): boolean => readAccessOf(viewer) === 'full';

/** The addresses a notice went to are for those who send notices; the council sees how many. */
export const seesRecipientAddresses = (user: SessionUser): boolean => user.role === 'admin' || user.role === 'staff';
