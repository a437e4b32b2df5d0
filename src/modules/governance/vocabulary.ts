// Governance's fixed lists, stored as the Norwegian words the papers use. Pure, so the tables (pgEnum),
// the API's schemas (zod) and the web import the same list.

/** A meeting's course: planned, notice sent, held, minutes approved. */
export const MEETING_STATUSES = ['planlagt', 'innkalt', 'avholdt', 'godkjent'] as const;
export type TMeetingStatus = (typeof MEETING_STATUSES)[number];

/** The one lifecycle everyone reads, staff and public alike: coming, held, minutes approved. */
export const MEETING_STAGES = ['kommende', 'avholdt', 'godkjent'] as const;
export type TMeetingStage = (typeof MEETING_STAGES)[number];

/**
 * A meeting is held from its day on (the rule the year's statistics count by), whether or not anything is
 * recorded yet; recording attendance or a decision makes the stored status say so too. `today` is Oslo's.
 */
export function meetingStage(m: { status: TMeetingStatus; date: string }, today: string): TMeetingStage {
  if (m.status === 'godkjent') return 'godkjent';
  return m.status === 'avholdt' || m.date <= today ? 'avholdt' : 'kommende';
}

/** Held by its day, but nothing recorded yet: the staff's cue to record attendance and decisions. */
export function awaitsRecording(m: { status: TMeetingStatus; date: string }, today: string): boolean {
  return (m.status === 'planlagt' || m.status === 'innkalt') && m.date < today;
}

/** What a case asks of the body: a decision (vedtak), information only, or a discussion. */
export const CASE_TYPES = ['vedtak', 'orientering', 'diskusjon'] as const;
export type TCaseType = (typeof CASE_TYPES)[number];

/** How a case concludes: a formal decision, or a consensus (enighet). */
export const CONCLUSION_KINDS = ['vedtak', 'enighet'] as const;
export type TConclusionKind = (typeof CONCLUSION_KINDS)[number];

/** Public, or exempt from public access (with a legal basis). */
export const CASE_ACCESS = ['offentlig', 'unntatt'] as const;
export type TCaseAccess = (typeof CASE_ACCESS)[number];

/** The cases every meeting opens with: approving the notice and the previous minutes. */
export const STANDING_CASES = ['innkalling', 'referat'] as const;
export type TStandingCase = (typeof STANDING_CASES)[number];

/** How a person took part in a meeting, in the order the attendance form offers them. */
export const ATTENDANCE_ROLES = ['til_stede', 'forfall', 'observator', 'administrasjon', 'referent'] as const;
export type TAttendanceRole = (typeof ATTENDANCE_ROLES)[number];

export const VOTE_CHOICES = ['for', 'mot', 'blank'] as const;
export type TVoteChoice = (typeof VOTE_CHOICES)[number];

/**
 * How the notice reached a member who has no e-mail address (issue 12): sent by post, or handed out.
 * Recorded per member and version, so the numbers lock and the papers leave draft like an e-mailed notice.
 */
export const PAPER_DELIVERY_METHODS = ['post', 'utlevert'] as const;
export type TPaperDeliveryMethod = (typeof PAPER_DELIVERY_METHODS)[number];
