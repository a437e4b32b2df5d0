// Who may do what with the organisation. Writes are admitted per route by requireRole: admins keep
// everything, staff also keep people and body members (the register they send notices from). Everyone
// signed in reads the organisation, but not all of it; the public reads only what getPublicCooperation
// gives.
import type { Role, SessionUser } from '../../server/context.js';

/** Roles besides admin that keep people and body members; the rest of the organisation is admin's alone. */
export const PEOPLE_KEEPERS: Role[] = ['staff'];
/** Roles besides admin that keep positions (stillinger) and departments: none; staffing is the admin's. */
export const POSITION_KEEPERS: Role[] = [];
/** Roles besides admin that read the cooperation's staffing per department and each person's positions. */
export const STAFFING_READERS: Role[] = ['staff', 'council'];

/** E-mail addresses are for the people who send notices and keep the register, not for every reader. */
export const seesContactDetails = (user: SessionUser) => user.role === 'admin' || user.role === 'staff';

/** A person (or body member) as the reader may see them: without e-mail where the rules above say so. Positions have routes of their own (STAFFING_READERS). */
export function personAsSeenBy<T extends { email: string | null; gender?: string }>(row: T, user: SessionUser) {
  // Gender is personal data kept for the staffing's women and men: for those who keep people only.
  const { email, gender, ...rest } = row;
  return seesContactDetails(user) ? { ...rest, email, gender } : rest;
}
