// The shapes the governance API, the public pages and the documents share. One read model of a
// meeting with its agenda (ZMeetingView); for the public an exempt case is a different, smaller shape
// (ZRedactedCaseView) so its content cannot leak by a forgotten field: the fields are absent, not empty.
import { z } from '@hono/zod-openapi';
import { ZIsoDate } from '../../lib/date-schemas.js';
import {
  ATTENDANCE_ROLES, CASE_ACCESS, CASE_TYPES, CONCLUSION_KINDS, MEETING_STATUSES, STANDING_CASES, VOTE_CHOICES,
} from './vocabulary.js';

export const ZMeetingStatus = z.enum(MEETING_STATUSES);
export const ZCaseType = z.enum(CASE_TYPES);
export const ZConclusionKind = z.enum(CONCLUSION_KINDS);
export const ZCaseAccess = z.enum(CASE_ACCESS);
export const ZStandingCase = z.enum(STANDING_CASES);
export const ZVoteChoice = z.enum(VOTE_CHOICES);
export const ZAttendanceRole = z.enum(ATTENDANCE_ROLES);

/** Saksframlegg fields as in seed 001: arkivkode, saksmappe, saksbehandler, dato, innstillingstittel, saksopplysninger. */
export const ZPresentation = z.object({
  archiveCode: z.string().max(100).optional(),
  caseFolder: z.string().max(100).optional(),
  caseOfficer: z.string().max(200).optional(),
  date: ZIsoDate.optional(),
  proposalHeading: z.string().max(500).optional(),
  body: z.string().max(200_000),
}).openapi('Presentation');

export const ZAttachmentMeta = z.object({
  id: z.string().uuid(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
}).openapi('AttachmentMeta');

export const ZVotes = z.object({
  for: z.number().int(),
  against: z.number().int(),
  blank: z.number().int(),
  perMember: z.array(z.object({ name: z.string(), choice: ZVoteChoice })),
}).openapi('Votes');

/** A case as staff and council read it, and as the public reads a public case. */
export const ZCaseView = z.object({
  id: z.string().uuid(),
  meetingId: z.string().uuid().nullable(),
  position: z.number().int(),
  sequence: z.number().int(),
  number: z.string(),
  numberLocked: z.boolean(),
  standing: ZStandingCase.nullable(),
  title: z.string(),
  caseType: ZCaseType,
  description: z.string(),
  proposalKind: ZConclusionKind,
  proposal: z.string(),
  /** "Family, Given", as the papers write names. */
  presenters: z.array(z.string()),
  presenterIds: z.array(z.string().uuid()),
  access: ZCaseAccess,
  publicTitle: z.string().nullable(),
  legalBasisId: z.string().uuid().nullable(),
  /** The rendered citation ("Unntatt offentlighet, offl. § 13 …"), null for a public case. */
  legalBasis: z.string().nullable(),
  attachments: z.array(ZAttachmentMeta),
  presentation: ZPresentation.nullable(),
  decisionKind: ZConclusionKind.nullable(),
  decisionText: z.string().nullable(),
  treatment: z.string().nullable(),
  voted: z.boolean(),
  votes: ZVotes.nullable(),
  revision: z.number().int(),
}).openapi('CaseView');

/** What anyone without read access to exempt content sees of an exempt case: nothing else exists. */
export const ZRedactedCaseView = z.object({
  access: z.literal('unntatt'),
  number: z.string(),
  publicTitle: z.string(),
  legalBasis: z.string(),
}).strict().openapi('RedactedCaseView');

export const ZAttendee = z.object({
  name: z.string(),
  role: ZAttendanceRole,
  municipality: z.string().nullable(),
  note: z.string().nullable(),
}).openapi('Attendee');

export const ZMeetingSummary = z.object({
  id: z.string().uuid(),
  bodyId: z.string().uuid(),
  bodyName: z.string(),
  year: z.number().int(),
  number: z.number().int(),
  /** "M6" */
  numberLabel: z.string(),
  /** ISO date, 2023-12-13 */
  date: z.string(),
  /** Europe/Oslo wall-clock time, "08:15" */
  startTime: z.string(),
  endTime: z.string().nullable(),
  place: z.string(),
  status: ZMeetingStatus,
  noticeVersion: z.number().int(),
  published: z.boolean(),
}).openapi('MeetingSummary');

export const ZMeeting = ZMeetingSummary.extend({
  /** Running numbering only: the first case number of this meeting (a body that began mid-year). */
  firstCaseSequence: z.number().int().nullable().optional(),
  minutesApprovedAt: z.string().nullable(),
  revision: z.number().int(),
  /** The attendance list's version: PUT …/attendance sends the one the client read (409 when stale). */
  attendanceRevision: z.number().int(),
  /** The agenda order's version: PUT …/agenda sends the one the client read (409 when stale). */
  agendaRevision: z.number().int(),
}).openapi('Meeting');

/**
 * What this reader may not see yet of a published meeting (docs/decisions/0016): `agenda` until the
 * notice is sent (no cases), `minutes` until they are approved (no decisions, votes or attendance).
 */
export const ZWithheld = z.enum(['agenda', 'minutes']);
export type TWithheld = z.infer<typeof ZWithheld>;

export const ZMeetingView = z.object({
  meeting: ZMeeting,
  /** True when this is the public variant: exempt cases are ZRedactedCaseView. */
  redacted: z.boolean(),
  /** Empty for staff and council; for the public, what waits for the notice or the approval (absent: nothing). */
  withheld: z.array(ZWithheld).optional(),
  cases: z.array(z.union([ZCaseView, ZRedactedCaseView])),
  attendance: z.array(ZAttendee),
}).openapi('MeetingView');

export const ZLegalBasis = z.object({
  id: z.string().uuid(),
  code: z.string(),
  citation: z.string(),
  description: z.string().nullable(),
  active: z.boolean(),
}).openapi('LegalBasis');

export type TCaseView = z.infer<typeof ZCaseView>;
export type TRedactedCaseView = z.infer<typeof ZRedactedCaseView>;
export type TMeetingView = z.infer<typeof ZMeetingView>;
export type TMeeting = z.infer<typeof ZMeeting>;
export type TMeetingSummary = z.infer<typeof ZMeetingSummary>;
export type TAttachmentMeta = z.infer<typeof ZAttachmentMeta>;
export type TPresentation = z.infer<typeof ZPresentation>;
export type TLegalBasis = z.infer<typeof ZLegalBasis>;

/** Narrows a case of a meeting view: true when only number, public title and legal basis are there. */
export function isRedactedCase(c: TCaseView | TRedactedCaseView): c is TRedactedCaseView {
  return !('id' in c);
}
