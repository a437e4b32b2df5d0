// The shapes the governance and organisation APIs answer with: taken from the server's own zod
// models (type-only imports, nothing of the server ends up in the bundle), so a changed field shows
// up in `npm run typecheck` instead of as a blank cell.
import type { z } from '@hono/zod-openapi';
import type {
  TAttachmentMeta, TCaseView, TLegalBasis, TMeeting, TMeetingSummary, TMeetingView, TRedactedCaseView,
  ZAttendee, ZAttendanceRole, ZCaseType, ZConclusionKind, ZMeetingStatus,
} from '../../../../src/modules/governance/model';
import type {
  ZBody, ZBodyMember, ZMember, ZMembership, ZMunicipality, ZPerson, ZUser, ZCooperation,
} from '../../../../src/modules/org/model';

export type { TAttachmentMeta, TCaseView, TLegalBasis, TMeeting, TMeetingSummary, TMeetingView, TRedactedCaseView };
export type TAnyCase = TCaseView | TRedactedCaseView;
export type TCaseType = z.infer<typeof ZCaseType>;
export type TConclusionKind = z.infer<typeof ZConclusionKind>;
export type TMeetingStatus = z.infer<typeof ZMeetingStatus>;
export type TAttendanceRole = z.infer<typeof ZAttendanceRole>;
export type TAttendee = z.infer<typeof ZAttendee>;

export type TBody = z.infer<typeof ZBody>;
export type TBodyMember = z.infer<typeof ZBodyMember>;
export type TPerson = z.infer<typeof ZPerson>;
export type TMunicipality = z.infer<typeof ZMunicipality>;
export type TMembership = z.infer<typeof ZMembership>;
export type TMember = z.infer<typeof ZMember>;
export type TUser = z.infer<typeof ZUser>;
export type TCooperation = z.infer<typeof ZCooperation>;

/** An exempt case as the public sees it: number, public title and legal basis, nothing else. */
export function isRedacted(c: TAnyCase): c is TRedactedCaseView {
  return !('id' in c);
}

export type TNoticeVersion = {
  version: number;
  sentAt: string;
  sentBy?: string | null;
  changes: string[];
  /** Addresses only for admin and staff; council members get an empty list and the count. */
  recipients?: string[];
  recipientCount: number;
};
