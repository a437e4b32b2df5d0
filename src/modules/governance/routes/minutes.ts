// HTTP for what happens at and after the meeting: attendance, decisions with votes, and approving the
// minutes. Staff write; the services refuse edits to approved minutes with 409.
import { createRoute, z } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, errorResponses, jsonContent, ZIdParam } from '../../../server/openapi.js';
import { ZApproveMinutesRequest, ZApproveMinutesResponse, ZAttendanceResponse, ZDecisionResponse, ZRecordDecisionRequest, ZReopenMinutesRequest, ZReopenMinutesResponse, ZSetAttendanceRequest } from '../model.js';
import { approveMinutes, recordDecision, reopenMinutesForCorrection, setAttendance } from '../minutes.service.js';

const tags = ['Møtereferat'];
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } });

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
