// The shapes the governance and organisation APIs answer with, as the server documents them
// (web/src/api/schema.ts, generated from /api/openapi.json), so a changed field shows up in
// `npm run typecheck` instead of as a blank cell.
import type { TApiSchema } from '../../api/client';

export type TAttachmentMeta = TApiSchema<'AttachmentMeta'>;
export type TCaseView = TApiSchema<'CaseView'>;
export type TRedactedCaseView = TApiSchema<'RedactedCaseView'>;
export type TLegalBasis = TApiSchema<'LegalBasis'>;
export type TMeeting = TApiSchema<'Meeting'>;
export type TMeetingSummary = TApiSchema<'MeetingSummary'>;
export type TMeetingView = TApiSchema<'MeetingView'>;
export type TAnyCase = TCaseView | TRedactedCaseView;
export type TCaseType = TCaseView['caseType'];
export type TConclusionKind = TCaseView['proposalKind'];
export type TMeetingStatus = TMeetingSummary['status'];
export type TAttendee = TApiSchema<'Attendee'>;
export type TAttendanceRole = TAttendee['role'];
export type TNoticeVersion = TApiSchema<'NoticeVersion'>;

export type TBody = TApiSchema<'Body'>;
export type TBodyMember = TApiSchema<'BodyMember'>;
export type TPerson = TApiSchema<'Person'>;
export type TMunicipality = TApiSchema<'Municipality'>;
export type TMembership = TApiSchema<'Membership'>;
export type TMember = TApiSchema<'Member'>;
export type TUser = TApiSchema<'User'>;
export type TCooperation = TApiSchema<'Cooperation'>;

/** An exempt case as the public sees it: number, public title and legal basis, nothing else. */
export function isRedacted(c: TAnyCase): c is TRedactedCaseView {
  return !('id' in c);
}
