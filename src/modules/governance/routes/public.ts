// The public's API: published meetings and their papers, exempt cases reduced to number, public title
// and legal basis; and search over public text. No sign-in; a signed-in user gets the same answers.
import { z } from '@hono/zod-openapi';
import { createRouter, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { listMeetings } from '../meetings.service.js';
import { ZMeetingsQuery, ZPublicMeeting, ZPublicMeetingView, ZSearchQuery, ZSearchResult } from '../model.js';
import { searchCases } from '../search.service.js';
import { getMeetingView } from '../views.service.js';

const tags = ['Offentlig'];

export const publicRoutes = createRouter();

publicRoutes.openapi(route({
  method: 'get', path: '/api/public/meetings', tags, summary: 'Publiserte møter, nyeste først',
  request: { query: ZMeetingsQuery }, answers: { 200: jsonContent(z.object({ meetings: z.array(ZPublicMeeting) }), 'Møtene') },
}), async (c) => {
  const query = c.req.valid('query');
  const meetings = await listMeetings(c.var.db, { bodyId: query.body, year: query.year, publishedOnly: true });
  return c.json({ meetings: meetings.map(({ awaitsRecording: _staffOnly, ...meeting }) => meeting) }, 200);
});

publicRoutes.openapi(route({
  method: 'get', path: '/api/public/meetings/{id}', tags,
  summary: 'Et publisert møte med saksliste (unntatte saker: nummer, offentlig tittel, hjemmel)',
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZPublicMeetingView, 'Møtet') },
}), async (c) => {
  const { meeting: { awaitsRecording: _staffOnly, ...meeting }, ...view } = await getMeetingView(c.var.db, c.req.valid('param').id, 'public');
  return c.json({ ...view, meeting }, 200);
});

publicRoutes.openapi(route({
  method: 'get', path: '/api/public/search', tags, summary: 'Søk i offentlige saker og vedtak',
  request: { query: ZSearchQuery }, answers: { 200: jsonContent(ZSearchResult, 'Treffene, best først') },
}), async (c) => c.json({ hits: await searchCases(c.var.db, null, c.req.valid('query')) }, 200));
