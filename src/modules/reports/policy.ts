// Who may do what with reports. Staff (and admin) write; the template is the admin's. Within a report,
// its leader (and admin) edits every section, approves and publishes; a section's owners edit that
// section. The council reads approved reports, exempt sections included; everybody else (municipality
// users, anonymous visitors) reads only approved, published reports, and an exempt section reaches them
// as its number, title and legal basis, nothing more. Roles are compared here and in requireRole only.
import type { Role, SessionUser } from '../../server/context.js';

export const REPORT_WRITERS: Role[] = ['staff'];
export const REPORT_READERS: Role[] = ['staff', 'council'];

export type TReportAudience = 'staff' | 'council' | 'public';

export function reportAudienceOf(user: SessionUser | null): TReportAudience {
  if (!user) return 'public';
  if (user.role === 'admin' || user.role === 'staff') return 'staff';
  if (user.role === 'council') return 'council';
  return 'public';
}

type TReportAccessFacts = { status: string; published: boolean };

export function mayReadReport(audience: TReportAudience, report: TReportAccessFacts): boolean {
  if (audience === 'staff') return true;
  if (audience === 'council') return report.status === 'godkjent';
  return report.status === 'godkjent' && report.published;
}

export function seesExemptSections(audience: TReportAudience): boolean {
  return audience !== 'public';
}

/** The leader edits the header and every section, sends to review, approves and publishes. */
export function leadsReport(user: SessionUser, report: { leaderUserId: string | null }): boolean {
  return user.role === 'admin' || (user.role === 'staff' && report.leaderUserId === user.id);
}

export function mayEditSection(user: SessionUser, report: { leaderUserId: string | null }, ownerUserIds: readonly string[]): boolean {
  return leadsReport(user, report) || (user.role === 'staff' && ownerUserIds.includes(user.id));
}

/** Accounts that can own a section or lead a report. */
export function canOwnSections(role: Role): boolean {
  return role === 'staff' || role === 'admin';
}
