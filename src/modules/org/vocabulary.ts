// The organisation's fixed lists, stored as short ASCII keys. Pure, so the tables (pgEnum), the API's
// schemas (zod) and the web import the same list.

/** What an account may do: admin keeps everything, staff run the cooperation, council reads, a municipality user sees their own. */
export const ROLES = ['admin', 'staff', 'council', 'municipality'] as const;
export type TRole = (typeof ROLES)[number];

/**
 * A member's role in a body, in the order the papers list them: leader first, the secretary last. An
 * employee representative (ansattrepresentant) sits with the members; a deputy (varamedlem) may name
 * the member they stand in for.
 */
export const BODY_MEMBER_ROLES = ['leder', 'nestleder', 'medlem', 'ansattrepresentant', 'varamedlem', 'observator', 'sekretar'] as const;
export type TBodyMemberRole = (typeof BODY_MEMBER_ROLES)[number];

/**
 * The roles that vote on a case; observers and the secretary attend without a vote. An employee
 * representative votes where they sit (an IKS board's, kommuneloven § 13-4's in a committee); a body
 * where they only speak records them as observers.
 */
export const VOTING_ROLES: ReadonlySet<string> = new Set<TBodyMemberRole>(['leder', 'nestleder', 'medlem', 'ansattrepresentant', 'varamedlem']);

/** The one role that may stand in for a named member. */
export const DEPUTY_ROLE: TBodyMemberRole = 'varamedlem';

/** `meeting`: 2023/M6-003 (year/meeting-case). `running`: ST 39/18 (prefix, running number in the year, 2-digit year). */
export const CASE_NUMBERINGS = ['meeting', 'running'] as const;
export type TCaseNumbering = (typeof CASE_NUMBERINGS)[number];

/**
 * How the cooperation is organised in law: vertskommune (kommuneloven § 20-1), kommunalt
 * oppgavefellesskap (kommuneloven kap. 19), interkommunalt selskap (IKS-loven), or another form.
 */
export const COOPERATION_FORMS = ['vertskommune', 'oppgavefellesskap', 'iks', 'annet'] as const;
export type TCooperationForm = (typeof COOPERATION_FORMS)[number];

/** The labels the papers and pages use for each form, in bokmål. */
export const COOPERATION_FORM_LABELS: Record<TCooperationForm, string> = {
  vertskommune: 'Vertskommunesamarbeid (kommuneloven § 20-1)',
  oppgavefellesskap: 'Kommunalt oppgavefellesskap (kommuneloven kap. 19)',
  iks: 'Interkommunalt selskap (IKS)',
  annet: 'Annen samarbeidsform',
};

/**
 * Who employs the cooperation's staff: the host municipality (always so in a vertskommune cooperation,
 * kommuneloven § 20-1, which is no legal entity), or the cooperation itself (an IKS, or an oppgavefellesskap
 * that is a legal entity of its own).
 */
/**
 * A person's gender as the annual report counts staff (likestillings- og diskrimineringsloven § 26):
 * women, men, or not given (the default; counted in neither column). Optional personal data, kept
 * by admins and staff only (decision 0047's follow-up in 0043).
 */
export const GENDERS = ['kvinne', 'mann', 'ikke_oppgitt'] as const;
export type TGender = (typeof GENDERS)[number];

export const STAFF_EMPLOYERS = ['vertskommune', 'samarbeidet'] as const;
export type TStaffEmployer = (typeof STAFF_EMPLOYERS)[number];

/** A logo on the papers' letterhead: PNG or JPEG only, which Typst and every browser show as they are. */
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
