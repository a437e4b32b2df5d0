// HTTP for municipalities. Admins keep them; everyone signed in reads them.
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole, requireUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, jsonBody, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { createMunicipality, deleteMunicipality, getMunicipality, listMunicipalities, updateMunicipality } from '../municipalities.service.js';
import { ZCreateMunicipalityRequest, ZMunicipality, ZUpdateMunicipalityRequest } from '../model.js';
import { deleted, tags } from './shared.js';

export const municipalityRoutes = createRouter();

municipalityRoutes.openapi(route({
  method: 'get', path: '/api/municipalities', tags, summary: 'Kommuner', access: [requireUser],
  answers: { 200: jsonContent(z.object({ municipalities: z.array(ZMunicipality) }), 'Kommunene') },
}), async (c) => c.json({ municipalities: await listMunicipalities(c.var.db) }, 200));

municipalityRoutes.openapi(route({
  method: 'post', path: '/api/municipalities', tags, summary: 'Opprett kommune', access: [requireRole()],
  request: jsonBody(ZCreateMunicipalityRequest), answers: { 201: jsonContent(ZMunicipality, 'Opprettet') },
}), async (c) => c.json(await createMunicipality(c.var.db, actorOf(currentUser(c)), c.req.valid('json')), 201));

municipalityRoutes.openapi(route({
  method: 'get', path: '/api/municipalities/{id}', tags, summary: 'Én kommune', access: [requireUser],
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZMunicipality, 'Kommunen') },
}), async (c) => c.json(await getMunicipality(c.var.db, c.req.valid('param').id), 200));

municipalityRoutes.openapi(route({
  method: 'patch', path: '/api/municipalities/{id}', tags, summary: 'Endre kommune', access: [requireRole()],
  request: { params: ZIdParam, ...jsonBody(ZUpdateMunicipalityRequest) }, answers: { 200: jsonContent(ZMunicipality, 'Endret') },
}), async (c) => c.json(await updateMunicipality(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));

municipalityRoutes.openapi(route({
  method: 'delete', path: '/api/municipalities/{id}', tags, summary: 'Slett kommune (bare når ingenting peker på den)', access: [requireRole()],
  request: { params: ZIdParam }, answers: deleted,
}), async (c) => {
  await deleteMunicipality(c.var.db, actorOf(currentUser(c)), c.req.valid('param'));
  return c.body(null, 204);
});
