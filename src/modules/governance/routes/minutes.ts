// HTTP for what happens at and after the meeting: attendance, decisions with votes, and approving the
// minutes. Staff write; the services refuse edits to approved minutes with 409.
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, jsonBody, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { ZApproveMinutesRequest, ZApproveMinutesResponse, ZAttendanceResponse, ZDecisionResponse, ZRecordDecisionRequest, ZReopenMinutesRequest, ZReopenMinutesResponse, ZSetAttendanceRequest } from '../model.js';
import { approveMinutes, recordDecision, reopenMinutesForCorrection, setAttendance } from '../minutes.service.js';

const tags = ['Møtereferat'];

export const minutesRoutes = createRouter();

minutesRoutes.openapi(route({
  method: 'put', path: '/api/meetings/{id}/attendance', tags, summary: 'Registrer oppmøte (erstatter listen)', access: [requireRole('staff')],
  request: { params: ZIdParam, ...jsonBody(ZSetAttendanceRequest) }, answers: { 200: jsonContent(ZAttendanceResponse, 'Oppmøtet') },
}), async (c) => {
  const result = await setAttendance(c.var.db, actorOf(currentUser(c)), { meetingId: c.req.valid('param').id, ...c.req.valid('json') });
  return c.json(result, 200);
});

minutesRoutes.openapi(route({
  method: 'put', path: '/api/cases/{id}/decision', tags, summary: 'Registrer vedtak eller enighet, behandling og eventuell votering',
  access: [requireRole('staff')],
  request: { params: ZIdParam, ...jsonBody(ZRecordDecisionRequest) }, answers: { 200: jsonContent(ZDecisionResponse, 'Vedtaket') },
}), async (c) => {
  const result = await recordDecision(c.var.db, actorOf(currentUser(c)), { caseId: c.req.valid('param').id, ...c.req.valid('json') });
  return c.json(result, 200);
});

minutesRoutes.openapi(route({
  method: 'post', path: '/api/meetings/{id}/minutes/approve', tags, summary: 'Godkjenn referatet (vedtak i neste møtes sak 002)',
  access: [requireRole('staff')],
  request: { params: ZIdParam, ...jsonBody(ZApproveMinutesRequest) }, answers: { 200: jsonContent(ZApproveMinutesResponse, 'Godkjent') },
}), async (c) => {
  const result = await approveMinutes(c.var.db, actorOf(currentUser(c)), { meetingId: c.req.valid('param').id, ...c.req.valid('json'), files: c.var.files });
  return c.json(result, 200);
});

minutesRoutes.openapi(route({
  method: 'post', path: '/api/meetings/{id}/minutes/reopen', tags, summary: 'Åpne godkjent referat for retting (etter vedtak i et senere møte)',
  access: [requireRole('staff')],
  request: { params: ZIdParam, ...jsonBody(ZReopenMinutesRequest) }, answers: { 200: jsonContent(ZReopenMinutesResponse, 'Åpnet for retting') },
}), async (c) => {
  const result = await reopenMinutesForCorrection(c.var.db, actorOf(currentUser(c)), { meetingId: c.req.valid('param').id, ...c.req.valid('json') });
  return c.json(result, 200);
});
