// HTTP for what happens at and after the meeting: attendance, decisions with votes, and approving the
// minutes. Staff write; the services refuse edits to approved minutes with 409.
import { createRoute, z } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, errorResponses, jsonContent, ZIdParam } from '../../../server/openapi.js';
import { ZAttendanceRole, ZConclusionKind, ZVoteChoice } from '../model.js';
import { approveMinutes, recordDecision, reopenMinutesForCorrection, setAttendance } from '../minutes.service.js';

const tags = ['Møtereferat'];
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });
const ZRef = z.string().uuid('Ugyldig id');

export const ZAttendanceEntry = z.object({
  personId: ZRef,
  role: ZAttendanceRole,
  /** Whom a member represents … */
  municipalityId: ZRef.nullable().optional(),
  /** … or the position of an observer or someone from the administration. */
  note: z.string().trim().max(300).nullable().optional(),
});
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

export const ZReopenMinutesResponse = z.object({
  meetingId: z.string(),
  status: z.literal('avholdt'),
  decidedByCaseNumber: z.string(),
  supersededPdfSha256: z.string().nullable(),
}).openapi('ReopenMinutesResponse');

export const minutesRoutes = createRouter();

minutesRoutes.openapi(createRoute({
  method: 'put', path: '/api/meetings/{id}/attendance', tags, summary: 'Registrer oppmøte (erstatter listen)',
  middleware: [requireRole('staff')] as const,
  request: { params: ZIdParam, ...body(ZSetAttendanceRequest) },
  responses: { 200: jsonContent(ZAttendanceResponse, 'Oppmøtet'), ...errorResponses },
}), async (c) => {
  const result = await setAttendance(c.var.db, actorOf(currentUser(c)), { meetingId: c.req.valid('param').id, ...c.req.valid('json') });
  return c.json(result, 200);
});

minutesRoutes.openapi(createRoute({
  method: 'put', path: '/api/cases/{id}/decision', tags, summary: 'Registrer vedtak eller enighet, behandling og eventuell votering',
  middleware: [requireRole('staff')] as const,
  request: { params: ZIdParam, ...body(ZRecordDecisionRequest) },
  responses: { 200: jsonContent(ZDecisionResponse, 'Vedtaket'), ...errorResponses },
}), async (c) => {
  const result = await recordDecision(c.var.db, actorOf(currentUser(c)), { caseId: c.req.valid('param').id, ...c.req.valid('json') });
  return c.json(result, 200);
});

minutesRoutes.openapi(createRoute({
  method: 'post', path: '/api/meetings/{id}/minutes/approve', tags, summary: 'Godkjenn referatet (vedtak i neste møtes sak 002)',
  middleware: [requireRole('staff')] as const,
  request: { params: ZIdParam, ...body(ZApproveMinutesRequest) },
  responses: { 200: jsonContent(ZApproveMinutesResponse, 'Godkjent'), ...errorResponses },
}), async (c) => {
  const result = await approveMinutes(c.var.db, actorOf(currentUser(c)), { meetingId: c.req.valid('param').id, ...c.req.valid('json'), files: c.var.files });
  return c.json(result, 200);
});

minutesRoutes.openapi(createRoute({
  method: 'post', path: '/api/meetings/{id}/minutes/reopen', tags,
  summary: 'Åpne godkjent referat for retting (etter vedtak i et senere møte)',
  middleware: [requireRole('staff')] as const,
  request: { params: ZIdParam, ...body(ZReopenMinutesRequest) },
  responses: { 200: jsonContent(ZReopenMinutesResponse, 'Åpnet for retting'), ...errorResponses },
}), async (c) => {
  const result = await reopenMinutesForCorrection(c.var.db, actorOf(currentUser(c)), { meetingId: c.req.valid('param').id, ...c.req.valid('json') });
  return c.json(result, 200);
});
