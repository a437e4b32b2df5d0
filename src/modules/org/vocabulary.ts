// The organisation's fixed lists, stored as short ASCII keys. Pure, so the tables (pgEnum), the API's
// schemas (zod) and the web import the same list.

/** What an account may do: admin keeps everything, staff run the cooperation, council reads, a municipality user sees their own. */
export const ROLES = ['admin', 'staff', 'council', 'municipality'] as const;
export type TRole = (typeof ROLES)[number];

/** A member's role in a body, in the order the papers list them: leader first, the secretary last. */
export const BODY_MEMBER_ROLES = ['leder', 'nestleder', 'medlem', 'varamedlem', 'observator', 'sekretar'] as const;
export type TBodyMemberRole = (typeof BODY_MEMBER_ROLES)[number];

/** The roles that vote on a case; observers and the secretary attend without a vote. */
export const VOTING_ROLES: ReadonlySet<string> = new Set<TBodyMemberRole>(['leder', 'nestleder', 'medlem', 'varamedlem']);

/** `meeting`: 2023/M6-003 (year/meeting-case). `running`: ST 39/18 (prefix, running number in the year, 2-digit year). */
export const CASE_NUMBERINGS = ['meeting', 'running'] as const;
export type TCaseNumbering = (typeof CASE_NUMBERINGS)[number];
