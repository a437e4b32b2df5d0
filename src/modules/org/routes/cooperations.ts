// HTTP for the cooperation: the install's one (docs/decisions/0012), created once and kept by admins.
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole, requireUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createInstallCooperation, getCooperation, listCooperations, updateCooperation } from '../cooperations.service.js';
import { ZCooperation, ZCreateCooperationRequest, ZUpdateCooperationRequest } from '../model.js';
import { cooperationJson, tags } from './shared.js';

export const cooperationRoutes = createRouter();

cooperationRoutes.openapi(route({
  method: 'get', path: '/api/cooperations', tags, summary: 'Samarbeid', access: [requireUser],
  answers: { 200: jsonContent(z.object({ cooperations: z.array(ZCooperation) }), 'Samarbeidene') },
}), async (c) => c.json({ cooperations: (await listCooperations(c.var.db)).map(cooperationJson) }, 200));

cooperationRoutes.openapi(route({
  method: 'get', path: '/api/cooperation', tags, summary: 'Installasjonens samarbeid, eller det cooperation navngir (404 før det er satt opp)',
  access: [requireUser, cooperationScope],
  request: { query: ZCooperationQuery }, answers: { 200: jsonContent(ZCooperation, 'Samarbeidet') },
}), async (c) => c.json(cooperationJson(await getCooperation(c.var.db, c.var.cooperationId)), 200));

cooperationRoutes.openapi(route({
  method: 'post', path: '/api/cooperations', tags, summary: 'Opprett installasjonens samarbeid (409 når det finnes)', access: [requireRole()],
  request: jsonBody(ZCreateCooperationRequest), answers: { 201: jsonContent(ZCooperation, 'Opprettet') },
}), async (c) => {
  const row = await createInstallCooperation(c.var.db, actorOf(currentUser(c)), c.req.valid('json'));
  return c.json(cooperationJson(row), 201);
});

cooperationRoutes.openapi(route({
  method: 'get', path: '/api/cooperations/{id}', tags, summary: 'Ett samarbeid', access: [requireUser],
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZCooperation, 'Samarbeidet') },
}), async (c) => c.json(cooperationJson(await getCooperation(c.var.db, c.req.valid('param').id)), 200));

cooperationRoutes.openapi(route({
  method: 'patch', path: '/api/cooperations/{id}', tags, summary: 'Endre samarbeid', access: [requireRole()],
  request: { params: ZIdParam, ...jsonBody(ZUpdateCooperationRequest) }, answers: { 200: jsonContent(ZCooperation, 'Endret') },
}), async (c) => {
  const row = await updateCooperation(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') });
  return c.json(cooperationJson(row), 200);
});
