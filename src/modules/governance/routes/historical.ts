// HTTP for meetings registered afterwards from the papers of a year before samrad (issue 12): create
// the meeting (held, never called), add, correct and remove its cases with the numbers they had, mark
// its minutes approved.
// Staff only; reading goes through the ordinary meeting view.
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, jsonBody, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import {
  addHistoricalCase, approveHistoricalMinutes, createHistoricalMeeting, deleteHistoricalCase, updateHistoricalCase,
} from '../historical.service.js';
import {
  ZCaseView, ZCreateHistoricalCaseRequest, ZCreateHistoricalMeetingRequest, ZDeleteHistoricalCaseQuery, ZMeetingView,
  ZUpdateHistoricalCaseRequest,
} from '../model.js';
import { readAccessOf } from '../policy.js';
import { getCaseView, getMeetingView } from '../views.service.js';
import type { z } from '@hono/zod-openapi';

const tags = ['Møter'];

export const historicalRoutes = createRouter();

historicalRoutes.openapi(route({
  method: 'post', path: '/api/meetings/historical', tags, summary: 'Registrer historisk møte (avholdt, uten innkalling; dato før i dag)',
  access: [requireRole('staff')],
  request: jsonBody(ZCreateHistoricalMeetingRequest), answers: { 201: jsonContent(ZMeetingView, 'Møtet, uten saker') },
}), async (c) => {
  const user = currentUser(c);
  const meeting = await createHistoricalMeeting(c.var.db, actorOf(user), c.req.valid('json'));
  return c.json(await getMeetingView(c.var.db, meeting.id, readAccessOf(user)), 201);
});

historicalRoutes.openapi(route({
  method: 'post', path: '/api/meetings/{id}/historical-cases', tags,
  summary: 'Legg til sak i et historisk møte, med nummeret den hadde og vedtaket', access: [requireRole('staff')],
  request: { params: ZIdParam, ...jsonBody(ZCreateHistoricalCaseRequest) }, answers: { 201: jsonContent(ZCaseView, 'Saken') },
}), async (c) => {
  const user = currentUser(c);
  const row = await addHistoricalCase(c.var.db, actorOf(user), { meetingId: c.req.valid('param').id, ...c.req.valid('json') });
  return c.json(await getCaseView(c.var.db, row.id, user) as z.infer<typeof ZCaseView>, 201);
});

historicalRoutes.openapi(route({
  method: 'post', path: '/api/meetings/{id}/historical-approval', tags,
  summary: 'Merk referatet fra et historisk møte som godkjent (da kan sakene ikke endres)', access: [requireRole('staff')],
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZMeetingView, 'Møtet') },
}), async (c) => {
  const user = currentUser(c);
  const { id } = c.req.valid('param');
  await approveHistoricalMinutes(c.var.db, actorOf(user), { meetingId: id });
  return c.json(await getMeetingView(c.var.db, id, readAccessOf(user)), 200);
});

historicalRoutes.openapi(route({
  method: 'patch', path: '/api/historical-cases/{id}', tags,
  summary: 'Rett en sak i et historisk møte (nummer, tittel, vedtak) før referatet er merket godkjent; med revisjonen du leste',
  access: [requireRole('staff')],
  request: { params: ZIdParam, ...jsonBody(ZUpdateHistoricalCaseRequest) }, answers: { 200: jsonContent(ZCaseView, 'Saken') },
}), async (c) => {
  const user = currentUser(c);
  const { id } = c.req.valid('param');
  await updateHistoricalCase(c.var.db, actorOf(user), { id, ...c.req.valid('json') });
  return c.json(await getCaseView(c.var.db, id, user) as z.infer<typeof ZCaseView>, 200);
});

historicalRoutes.openapi(route({
  method: 'delete', path: '/api/historical-cases/{id}', tags,
  summary: 'Slett en sak som er ført feil i et historisk møte, før referatet er merket godkjent; med revisjonen du leste',
  access: [requireRole('staff')],
  request: { params: ZIdParam, query: ZDeleteHistoricalCaseQuery }, answers: { 204: { description: 'Slettet' } },
}), async (c) => {
  const user = currentUser(c);
  await deleteHistoricalCase(c.var.db, actorOf(user), { id: c.req.valid('param').id, revision: c.req.valid('query').revision });
  return c.body(null, 204);
});
