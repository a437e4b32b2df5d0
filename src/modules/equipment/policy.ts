// Who may do what with the cooperation's equipment. Staff (and admin, always) import, count stock,
// order and retire. The council reads the status table and the yearly totals, as the papers print them,
// but not the device list, which names people. A municipality user reads their own municipality's rows
// of the table and its devices only; an account tied to no municipality sees none.
import type { Role, SessionUser } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';

export const EQUIPMENT_KEEPERS: Role[] = ['staff'];
export const STATUS_READERS: Role[] = ['staff', 'council', 'municipality'];
export const DEVICE_READERS: Role[] = ['staff', 'municipality'];

/**
 * The municipality a user's reads are limited to: null for the cooperation's own people (everything),
 * the user's municipality for a municipality user; 403 for a municipality user without one.
 */
export function municipalityScopeOf(user: SessionUser): string | null {
  if (user.role !== 'municipality') return null;
  if (!user.municipalityId) throw forbidden('Kontoen din er ikke knyttet til en kommune');
  return user.municipalityId;
}

/** A municipality user asking for another municipality's devices gets their own scope's answer: 403. */
export function requireMunicipalityInScope(user: SessionUser, municipalityId: string | undefined): string | null {
  const scope = municipalityScopeOf(user);
  if (scope && municipalityId && municipalityId !== scope) throw forbidden('Du ser bare utstyret i din egen kommune');
  return scope ?? municipalityId ?? null;
}

/** A replacement is ordered or deferred by the PC's user (a municipality account) or, for them, staff. */
export const REPLACEMENT_REQUESTERS: Role[] = ['staff', 'municipality'];

/** Whose replacements a user reads: staff every one; a municipality user their own PCs' only. */
export function replacementScopeOf(user: SessionUser): { userEmail?: string } {
  return user.role === 'staff' || user.role === 'admin' ? {} : { userEmail: user.email };
}

/**
 * Licences (decision 0041): the month view's figures are read by staff, the council (they are in its
 * papers) and a municipality user for their own municipality; the candidates for removal name people,
 * so, as with the device list, the council gets their number in the month view and not the names.
 */
export const LICENCE_READERS: Role[] = ['staff', 'council', 'municipality'];
export const LICENCE_CANDIDATE_READERS: Role[] = ['staff', 'municipality'];
