// HTTP for publishing the economy report with a council meeting: staff publish and withdraw; the public
// reads the stored copy once the meeting is published (404 otherwise).
import { z } from '@hono/zod-openapi';
import { currentUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import { ZEconomyReport, ZListedPublication, ZPublication, ZPublishRequest, ZYearParam } from '../model.js';
import {
  getPublishedEconomyReport, listEconomyPublications, publishEconomyReport, unpublishEconomyReport,
} from '../publications.service.js';
import { readers, tags, writers } from './shared.js';

export const publicationRoutes = createRouter();

/** The publication's record without the copy itself (the public reads that at /api/public/meetings/{id}/economy). */
const publicationJson = (p: { publishedAt: Date } & Omit<z.infer<typeof ZPublication>, 'publishedAt'>) => ({
  id: p.id, cooperationId: p.cooperationId, meetingId: p.meetingId, year: p.year, asOf: p.asOf, publishedBy: p.publishedBy,
  publishedAt: p.publishedAt.toISOString(),
});

publicationRoutes.openapi(route({
  method: 'get', path: '/api/economy/{year}/publications', tags, summary: 'Økonomirapporter publisert med møter', access: [readers, cooperationScope],
  request: { params: ZYearParam, query: ZCooperationQuery },
  answers: { 200: jsonContent(z.object({ publications: z.array(ZListedPublication) }), 'Publiseringene') },
}), async (c) => {
  const rows = await listEconomyPublications(c.var.db, { cooperationId: c.var.cooperationId, year: c.req.valid('param').year });
  return c.json({ publications: rows.map((p) => ({ ...publicationJson(p), differsFromLive: p.differsFromLive })) }, 200);
});

publicationRoutes.openapi(route({
  method: 'put', path: '/api/economy/{year}/publications', tags,
  summary: 'Publiser økonomirapporten pr. dato med et møte (offentlig når møtet er publisert)', access: [writers, cooperationScope],
  request: { params: ZYearParam, query: ZCooperationQuery, ...jsonBody(ZPublishRequest) },
  answers: { 200: jsonContent(ZPublication, 'Publiseringen') },
}), async (c) => {
  const user = currentUser(c);
  const options = { cooperationId: c.var.cooperationId, year: c.req.valid('param').year, ...c.req.valid('json'), viewer: user };
  return c.json(publicationJson(await publishEconomyReport(c.var.db, actorOf(user), options)), 200);
});

publicationRoutes.openapi(route({
  method: 'delete', path: '/api/economy/publications/{id}', tags, summary: 'Trekk tilbake økonomirapporten fra møtet (id = møtets id)',
  access: [writers],
  request: { params: ZIdParam }, answers: { 204: { description: 'Trukket tilbake' } },
}), async (c) => {
  await unpublishEconomyReport(c.var.db, actorOf(currentUser(c)), { meetingId: c.req.valid('param').id });
  return c.body(null, 204);
});

publicationRoutes.openapi(route({
  method: 'get', path: '/api/public/meetings/{id}/economy', tags, summary: 'Økonomirapporten publisert med et publisert møte (offentlig); 404 ellers',
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZEconomyReport, 'Rapporten') },
}), async (c) => c.json(await getPublishedEconomyReport(c.var.db, c.req.valid('param').id), 200));
