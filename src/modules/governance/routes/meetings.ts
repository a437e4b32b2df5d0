// HTTP for meetings and their agenda: plan, change, delete (before the notice), publish, add cases,
// reorder; and the yearly count for the annual report. Staff write; signed-in users read through the
// meeting view, which applies the access rule for exempt cases.
import { z } from '@hono/zod-openapi';
import { currentUser, READERS, requireRole, requireUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, jsonBody, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { createCase, reorderCases } from '../cases.service.js';
import { countMeetingsAndCases, createMeeting, deleteMeeting, listMeetings, meetingsAwaiting, setMeetingPublished, updateMeeting } from '../meetings.service.js';
import { osloDate } from '../../../lib/oslo-time.js';
import { ZCaseView, ZCreateCaseRequest, ZCreateMeetingRequest, ZMeeting, ZMeetingListItem, ZMeetingsAwaiting, ZMeetingView, ZMeetingsQuery, ZReorderRequest, ZStats, ZStatsQuery, ZUpdateMeetingRequest } from '../model.js';
import { canReadAll, readAccessOf } from '../policy.js';
import { getCaseView, getMeetingHeader, getMeetingView } from '../views.service.js';
import { deleteRoute } from '../../../server/delete-route.js';

const tags = ['Møter'];

export const meetingRoutes = createRouter();

meetingRoutes.openapi(route({
  method: 'get', path: '/api/meetings', tags, summary: 'Møter (nyeste først); andre enn ansatte og rådet ser bare publiserte', access: [requireUser],
  request: { query: ZMeetingsQuery }, answers: { 200: jsonContent(z.object({ meetings: z.array(ZMeetingListItem) }), 'Møtene') },
}), async (c) => {
  const query = c.req.valid('query');
  const meetings = await listMeetings(c.var.db, { bodyId: query.body, year: query.year, publishedOnly: !canReadAll(currentUser(c)) });
  return c.json({ meetings }, 200);
});

// Before /api/meetings/{id}, which would take «awaiting» for an id.
meetingRoutes.openapi(route({
  method: 'get', path: '/api/meetings/awaiting', tags, summary: 'Møter som venter på de ansatte: å innkalle, å føre, referat å godkjenne',
  access: [requireRole('staff')], answers: { 200: jsonContent(ZMeetingsAwaiting, 'Møtene, eldste eller nærmeste først') },
}), async (c) => c.json(await meetingsAwaiting(c.var.db, osloDate(new Date())), 200));

meetingRoutes.openapi(route({
  method: 'post', path: '/api/meetings', tags, summary: 'Planlegg møte (faste saker 001 og 002 foreslås)', access: [requireRole('staff')],
  request: jsonBody(ZCreateMeetingRequest), answers: { 201: jsonContent(ZMeetingView, 'Møtet med saksliste') },
}), async (c) => {
  const user = currentUser(c);
  const meeting = await createMeeting(c.var.db, actorOf(user), c.req.valid('json'));
  return c.json(await getMeetingView(c.var.db, meeting.id, readAccessOf(user)), 201);
});

meetingRoutes.openapi(route({
  method: 'get', path: '/api/meetings/{id}', tags, summary: 'Møtet med saksliste (unntatte saker skjult for andre enn ansatte og rådet)',
  access: [requireUser],
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZMeetingView, 'Møtet') },
}), async (c) => c.json(await getMeetingView(c.var.db, c.req.valid('param').id, readAccessOf(currentUser(c))), 200));

meetingRoutes.openapi(route({
  method: 'patch', path: '/api/meetings/{id}', tags, summary: 'Endre møte (med revisjonen du leste)', access: [requireRole('staff')],
  request: { params: ZIdParam, ...jsonBody(ZUpdateMeetingRequest) }, answers: { 200: jsonContent(ZMeetingView, 'Møtet') },
}), async (c) => {
  const user = currentUser(c);
  const { id } = c.req.valid('param');
  await updateMeeting(c.var.db, actorOf(user), { id, ...c.req.valid('json') });
  return c.json(await getMeetingView(c.var.db, id, readAccessOf(user)), 200);
});

deleteRoute(meetingRoutes, { path: '/api/meetings/{id}', tags, summary: 'Slett møte (bare før innkallingen er sendt)', access: [requireRole('staff')] }, deleteMeeting);

for (const published of [true, false]) {
  meetingRoutes.openapi(route({
  method: 'post', path: `/api/meetings/{id}/${published ? 'publish' : 'unpublish'}`, tags,
  summary: published ? 'Publiser møtet på /offentlig' : 'Trekk møtet tilbake fra /offentlig', access: [requireRole('staff')],
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZMeeting, 'Møtet') },
}), async (c) => {
    const user = currentUser(c);
    const { id } = c.req.valid('param');
    await setMeetingPublished(c.var.db, actorOf(user), { id, published });
    return c.json(await getMeetingHeader(c.var.db, id, user), 200);
  });
}

meetingRoutes.openapi(route({
  method: 'post', path: '/api/meetings/{id}/cases', tags, summary: 'Legg til sak (nummer etter organets nummerering)', access: [requireRole('staff')],
  request: { params: ZIdParam, ...jsonBody(ZCreateCaseRequest) }, answers: { 201: jsonContent(ZCaseView, 'Saken') },
}), async (c) => {
  const user = currentUser(c);
  const row = await createCase(c.var.db, actorOf(user), { meetingId: c.req.valid('param').id, ...c.req.valid('json') });
  return c.json(await getCaseView(c.var.db, row.id, user) as z.infer<typeof ZCaseView>, 201);
});

meetingRoutes.openapi(route({
  method: 'put', path: '/api/meetings/{id}/agenda', tags,
  summary: 'Ny rekkefølge på sakslisten (alle sakene); ulåste saker får nye nummer, utsendte nummer står', access: [requireRole('staff')],
  request: { params: ZIdParam, ...jsonBody(ZReorderRequest) }, answers: { 200: jsonContent(ZMeetingView, 'Møtet') },
}), async (c) => {
  const user = currentUser(c);
  const { id } = c.req.valid('param');
  await reorderCases(c.var.db, actorOf(user), { meetingId: id, ...c.req.valid('json') });
  return c.json(await getMeetingView(c.var.db, id, readAccessOf(user)), 200);
});

meetingRoutes.openapi(route({
  method: 'get', path: '/api/governance/stats', tags, summary: 'Møter avholdt og saker protokollert per organ i et år (årsrapport)',
  access: [requireRole(...READERS)],
  request: { query: ZStatsQuery }, answers: { 200: jsonContent(ZStats, 'Tallene') },
}), async (c) => {
  const { year, cooperation } = c.req.valid('query');
  return c.json({ year, bodies: await countMeetingsAndCases(c.var.db, { year, cooperationId: cooperation }) }, 200);
});
