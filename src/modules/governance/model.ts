// The shapes the governance API, the public pages and the documents share. One read model of a
// meeting with its agenda (ZMeetingView); for the public an exempt case is a different, smaller shape
// (ZRedactedCaseView) so its content cannot leak by a forgotten field: the fields are absent, not empty.
import { z } from '@hono/zod-openapi';
import { ZIsoDate } from '../../lib/date-schemas.js';
import {
  ATTENDANCE_ROLES, CASE_ACCESS, CASE_TYPES, CONCLUSION_KINDS, MEETING_STAGES, MEETING_STATUSES, STANDING_CASES, VOTE_CHOICES,
PAPER_DELIVERY_METHODS, } from './vocabulary.js';
import { ZId } from '../../lib/id-schemas.js';

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
  /** Europe/Oslo wall-clock time, "08:15"; null for a historical meeting whose papers give no time (only the date is shown). */
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  place: z.string(),
  status: ZMeetingStatus,
  /** The lifecycle everyone reads (kommende, avholdt, godkjent), computed from status and day. */
  stage: z.enum(MEETING_STAGES),
  /** Its day has passed and nothing is recorded: staff show «Avholdt · ikke ført». */
  awaitsRecording: z.boolean(),
  noticeVersion: z.number().int(),
  published: z.boolean(),
  /** Registered afterwards from the papers of an earlier year: held, no notice, its own case numbers. */
  historical: z.boolean(),
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

/** The public's view of a meeting: as ZMeetingView, its header without the staff's `awaitsRecording`. */
export const ZPublicMeetingHeader = ZMeeting.omit({ awaitsRecording: true }).openapi('PublicMeetingHeader');
export const ZPublicMeetingView = z.object({ ...ZMeetingView.shape, meeting: ZPublicMeetingHeader }).openapi('PublicMeetingView');

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

// ---- Requests and the answers only one route gives (routes/<resource>.ts declare the routes) ----

// routes/meetings.ts
export const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Tid må være TT:MM, f.eks. 08:15').openapi({ example: '09:00' });
export const ZCreateMeetingRequest = z.object({
  bodyId: ZId,
  date: ZIsoDate,
  startTime: ZTime,
  endTime: ZTime.nullable().optional(),
  place: z.string().trim().min(1, 'Sted må fylles ut').max(200),
  /** M-number; the next free one in the body's year when left out. */
  number: z.number().int().min(1).max(99).optional(),
  standingCases: z.boolean().optional(),
  /** Running numbering (ST 34/18): the first case number when the body's year began before samrad. */
  firstCaseSequence: z.number().int().min(1).max(9999).nullable().optional(),
}).openapi('CreateMeetingRequest');
export type TCreateMeetingRequest = z.infer<typeof ZCreateMeetingRequest>;
export const ZUpdateMeetingRequest = z.object({
  revision: z.number().int().min(1),
  date: ZIsoDate.optional(),
  /** null only for a historical meeting whose papers give no time (400 otherwise). */
  startTime: ZTime.nullable().optional(),
  endTime: ZTime.nullable().optional(),
  place: z.string().trim().min(1, 'Sted må fylles ut').max(200).optional(),
  number: z.number().int().min(1).max(99).optional(),
  firstCaseSequence: z.number().int().min(1).max(9999).nullable().optional(),
}).openapi('UpdateMeetingRequest');
export type TUpdateMeetingRequest = z.infer<typeof ZUpdateMeetingRequest>;
export const ZReorderRequest = z.object({
  order: z.array(ZId).min(1, 'Sakslisten kan ikke være tom'),
  /** The meeting's `agendaRevision` as the client read it; a stale one answers 409 and changes nothing. */
  agendaRevision: z.number().int().min(1),
}).openapi('ReorderAgendaRequest');
export const ZMeetingsQuery = z.object({
  body: ZId.optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
});
export const ZMeetingListItem = ZMeetingSummary.extend({ caseCount: z.number().int() }).openapi('MeetingListItem');
export const ZMeetingsAwaiting = z.object({
  toPrepare: z.array(ZMeetingSummary).openapi({ description: 'Planlagte møter fra i dag av, som ikke er innkalt ennå' }),
  toRecord: z.array(ZMeetingSummary).openapi({ description: 'Innkalte møter der dagen er passert uten at noe er ført' }),
  toApprove: z.array(ZMeetingSummary).openapi({ description: 'Avholdte møter der referatet ikke er godkjent ennå' }),
}).openapi('MeetingsAwaiting');
export const ZStatsQuery = z.object({
  year: z.coerce.number({ message: 'År må oppgis' }).int().min(1900).max(2200),
  cooperation: ZId.optional(),
});
export const ZStats = z.object({
  year: z.number().int(),
  bodies: z.array(z.object({ bodyId: z.string(), bodyName: z.string(), meetingsHeld: z.number().int(), casesMinuted: z.number().int() })),
}).openapi('GovernanceStats');

// routes/historical.ts
export const ZCreateHistoricalMeetingRequest = z.object({
  bodyId: ZId,
  /** The day it was held: before today (Europe/Oslo). */
  date: ZIsoDate,
  place: z.string().trim().min(1, 'Sted må fylles ut').max(200),
  /** Unknown for most old meetings: left out (or null), the meeting has a date and no time. */
  startTime: ZTime.nullable().optional(),
  /** M-number as it was; the next free one in the body's year when left out. */
  number: z.number().int().min(1).max(99).optional(),
}).openapi('CreateHistoricalMeetingRequest');
export type TCreateHistoricalMeetingRequest = z.infer<typeof ZCreateHistoricalMeetingRequest>;

export const ZCreateHistoricalCaseRequest = z.object({
  /** The number as the old papers wrote it, "38/18" or "ST 12/17": unique within the body. */
  number: z.string().trim().min(1, 'Saksnummer må fylles ut').max(40),
  title: z.string().trim().min(1, 'Tittel må fylles ut').max(500),
  access: ZCaseAccess.optional(),
  publicTitle: z.string().trim().max(500).nullable().optional(),
  legalBasisId: ZId.nullable().optional(),
  decisionKind: ZConclusionKind.optional(),
  decisionText: z.string().trim().min(1, 'Vedtaket må fylles ut').max(20_000),
}).openapi('CreateHistoricalCaseRequest');
export type TCreateHistoricalCaseRequest = z.infer<typeof ZCreateHistoricalCaseRequest>;

/** A correction of a historical case before its minutes are marked approved; only what is sent changes. */
export const ZUpdateHistoricalCaseRequest = z.object({
  revision: z.number().int().min(1),
  number: ZCreateHistoricalCaseRequest.shape.number.optional(),
  title: ZCreateHistoricalCaseRequest.shape.title.optional(),
  access: ZCaseAccess.optional(),
  publicTitle: z.string().trim().max(500).nullable().optional(),
  legalBasisId: ZId.nullable().optional(),
  decisionKind: ZConclusionKind.optional(),
  decisionText: ZCreateHistoricalCaseRequest.shape.decisionText.optional(),
}).openapi('UpdateHistoricalCaseRequest');
export type TUpdateHistoricalCaseRequest = z.infer<typeof ZUpdateHistoricalCaseRequest>;
export const ZDeleteHistoricalCaseQuery = z.object({
  revision: z.coerce.number().int().min(1).openapi({ param: { name: 'revision', in: 'query' }, type: 'integer', description: 'Sakens revisjon slik den ble lest (decision 0024)' }),
});

// routes/cases.ts
export const caseFields = {
  title: z.string().trim().min(1, 'Tittel må fylles ut').max(500),
  presenterIds: z.array(ZId).max(20),
  description: z.string().max(20_000),
  caseType: ZCaseType,
  proposalKind: ZConclusionKind,
  proposal: z.string().max(20_000),
  access: ZCaseAccess,
  /** Required when access is 'unntatt'. */
  publicTitle: z.string().trim().max(500).nullable(),
  /** Required when access is 'unntatt'; see GET /api/legal-bases. */
  legalBasisId: ZId.nullable(),
  presentation: ZPresentation.nullable(),
};
export const ZCreateCaseRequest = z.object({
  ...caseFields,
  presenterIds: caseFields.presenterIds.optional(),
  description: caseFields.description.optional(),
  proposalKind: caseFields.proposalKind.optional(),
  proposal: caseFields.proposal.optional(),
  access: caseFields.access.optional(),
  publicTitle: caseFields.publicTitle.optional(),
  legalBasisId: caseFields.legalBasisId.optional(),
  presentation: caseFields.presentation.optional(),
  /** 1-based place on the agenda; last when left out. */
  position: z.number().int().min(1).optional(),
}).openapi('CreateCaseRequest');
export type TCreateCaseRequest = z.infer<typeof ZCreateCaseRequest>;
export const ZUpdateCaseRequest = z.object({
  revision: z.number().int().min(1),
  ...Object.fromEntries(Object.entries(caseFields).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof caseFields]: z.ZodOptional<(typeof caseFields)[K]>
  },
}).openapi('UpdateCaseRequest');
export type TUpdateCaseRequest = z.infer<typeof ZUpdateCaseRequest>;

// routes/minutes.ts
export const ZRef = z.string().uuid('Ugyldig id');
export const ZAttendanceEntry = z.object({
  personId: ZRef,
  role: ZAttendanceRole,
  /** Whom a member represents … */
  municipalityId: ZRef.nullable().optional(),
  /** … or the position of an observer or someone from the administration. */
  note: z.string().trim().max(300).nullable().optional(),
});
export type TAttendanceEntry = z.infer<typeof ZAttendanceEntry>;
export const ZSetAttendanceRequest = z.object({
  entries: z.array(ZAttendanceEntry).max(200),
  /** The meeting's `attendanceRevision` as the client read it; a stale one answers 409 and changes nothing. */
  attendanceRevision: z.number().int().min(1),
}).openapi('SetAttendanceRequest');
export type TSetAttendanceRequest = z.infer<typeof ZSetAttendanceRequest>;
export const ZAttendanceResponse = z.object({
  entries: z.array(z.object({ personId: z.string(), role: ZAttendanceRole, municipalityId: z.string().nullable(), note: z.string().nullable() })),
  attendanceRevision: z.number().int(),
}).openapi('AttendanceResponse');
export const ZRecordDecisionRequest = z.object({
  decisionKind: ZConclusionKind,
  decisionText: z.string().trim().min(1, 'Må fylles ut').max(50_000),
  treatment: z.string().max(200_000).nullable().optional(),
  votes: z.array(z.object({ personId: ZRef, choice: ZVoteChoice })).max(200).optional(),
  /** The case's `revision` as the client read it; a stale one answers 409 and changes nothing. */
  revision: z.number().int().min(1),
}).openapi('RecordDecisionRequest');
export type TRecordDecisionRequest = z.infer<typeof ZRecordDecisionRequest>;
export const ZDecisionResponse = z.object({
  caseId: z.string(),
  decisionKind: ZConclusionKind,
  decisionText: z.string(),
  treatment: z.string().nullable(),
  voted: z.boolean(),
  votes: z.object({ for: z.number().int(), against: z.number().int(), blank: z.number().int() }),
  revision: z.number().int(),
}).openapi('DecisionResponse');
export const ZApproveMinutesRequest = z.object({
  /** The standing case "Godkjenning av møtereferat" of a later meeting, with its decision recorded. */
  approvedByCaseId: ZRef,
}).openapi('ApproveMinutesRequest');
export type TApproveMinutesRequest = z.infer<typeof ZApproveMinutesRequest>;
export const ZApproveMinutesResponse = z.object({
  meetingId: z.string(),
  status: z.literal('godkjent'),
  minutesApprovedAt: z.string(),
  approvedByCaseId: z.string(),
  approvedByCaseNumber: z.string(),
  minutesPdfSha256: z.string(),
}).openapi('ApproveMinutesResponse');
export const ZReopenMinutesRequest = z.object({
  /** A case of a later meeting of the same body whose decision orders the correction. */
  decidedByCaseId: ZRef,
}).openapi('ReopenMinutesRequest');
export type TReopenMinutesRequest = z.infer<typeof ZReopenMinutesRequest>;
export const ZReopenMinutesResponse = z.object({
  meetingId: z.string(),
  status: z.literal('avholdt'),
  decidedByCaseNumber: z.string(),
  supersededPdfSha256: z.string().nullable(),
}).openapi('ReopenMinutesResponse');

// routes/search.ts
export const ZSearchQuery = z.object({
  q: z.string().trim().max(200, 'Søket er for langt').optional(),
  body: ZId.optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  type: ZCaseType.optional(),
  /** Cases presented by someone from the municipality, or treated in a meeting its representative attended. */
  municipality: ZId.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).optional(),
});
export type TSearchQuery = z.infer<typeof ZSearchQuery>;
export const ZSearchResult = z.object({
  hits: z.array(z.object({
    caseId: z.string().uuid().nullable(),
    number: z.string(),
    title: z.string().openapi({ description: 'Sakens tittel; for en unntatt sak i et offentlig treff den offentlige tittelen' }),
    access: ZCaseAccess,
    legalBasis: z.string().nullable().openapi({ description: 'Hjemmelen for unntaket, slik papirene siterer den; null for en offentlig sak' }),
    caseType: ZCaseType.nullable(),
    meeting: z.object({ id: z.string().uuid(), bodyName: z.string(), year: z.number().int(), numberLabel: z.string(), date: z.string() }).nullable(),
    snippet: z.string().openapi({ description: 'Utdrag der treffene står mellom « og »; tekstens egne « og » vises som ‹ og ›. Tomt for en unntatt sak i et offentlig treff' }),
    rank: z.number(),
  })),
}).openapi('SearchResult');

// routes/notice.ts
export const ZPaperDeliveryMethod = z.enum(PAPER_DELIVERY_METHODS).openapi({ description: 'post: sendt i posten; utlevert: levert ut for hånd' });
export const ZPaperDelivery = z.object({
  personId: z.string().uuid(),
  method: ZPaperDeliveryMethod,
}).openapi('NoticePaperDelivery');
/** Optional: a notice to members who all have e-mail needs no body. */
export const ZSendNoticeRequest = z.object({
  /** Members without e-mail who got the notice on paper: one entry per member, at most once each. */
  paperDeliveries: z.array(ZPaperDelivery).max(500).optional(),
}).openapi('SendNoticeRequest');
export type TSendNoticeRequest = z.infer<typeof ZSendNoticeRequest>;
export const ZRecordedPaperDelivery = ZPaperDelivery.extend({ name: z.string() }).openapi('NoticeRecordedPaperDelivery');

export const ZSendNoticeResponse = z.object({
  version: z.number().int(),
  /** What changed since the previous version, in words; empty for version 1. */
  changes: z.array(z.string()),
  recipients: z.array(z.string()),
  /** Members without e-mail recorded as reached by post or by hand. */
  paperDeliveries: z.array(ZRecordedPaperDelivery),
  sentAt: z.string(),
}).openapi('SendNoticeResponse');
export type TSendNoticeResponse = z.infer<typeof ZSendNoticeResponse>;
export const ZNoticeVersion = z.object({
  version: z.number().int(),
  sentAt: z.string(),
  sentBy: z.string().nullable(),
  changes: z.array(z.string()),
  /** The addresses it went to; empty for readers who do not see e-mail addresses. */
  recipients: z.array(z.string()),
  recipientCount: z.number().int(),
  /** Members without e-mail who got this version by post or by hand. */
  paperDeliveries: z.array(ZRecordedPaperDelivery),
  snapshot: z.unknown(),
}).openapi('NoticeVersion');

// routes/legal-bases.ts
export const ZLegalBasesQuery = z.object({
  all: z.enum(['true', 'false']).optional().openapi({ description: 'true: også deaktiverte' }),
});

// routes/documents.ts
export const ZPdfQuery = z.object({
  archive: z.enum(['0', '1']).optional().openapi({ description: '1 gir PDF/A-2a (tagget) for arkivet' }),
});

// routes/attachments.ts
export const ZUploadAttachmentRequest = z.object({
  file: z.instanceof(File, { message: 'Velg en fil (feltet file)' }).openapi({ type: 'string', format: 'binary' }),
});

// routes/public.ts
/**
 * A published meeting in the public list: the summary without `awaitsRecording`, which is the staff's
 * cue («Avholdt · ikke ført»); the public reads `stage`.
 */
export const ZPublicMeeting = ZMeetingSummary.omit({ awaitsRecording: true }).extend({ caseCount: z.number().int() }).openapi('PublicMeeting');
