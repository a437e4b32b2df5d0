// HTTP for municipalities. Admins keep them; everyone signed in reads them.
import { createRoute, z } from '@hono/zod-openapi';
import { currentUser, requireRole, requireUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, errorResponses, jsonBody, jsonContent, ZIdParam } from '../../../server/openapi.js';
import { createMunicipality, deleteMunicipality, getMunicipality, listMunicipalities, updateMunicipality } from '../municipalities.service.js';
import { ZCreateMunicipalityRequest, ZMunicipality, ZUpdateMunicipalityRequest } from '../model.js';
import { deleted, tags } from './shared.js';

export const municipalityRoutes = createRouter();

municipalityRoutes.openapi(createRoute({
  method: 'get', path: '/api/municipalities', tags, summary: 'Kommuner',
  middleware: [requireUser] as const,
  responses: { 200: jsonContent(z.object({ municipalities: z.array(ZMunicipality) }), 'Kommunene'), ...errorResponses },
}), async (c) => c.json({ municipalities: await listMunicipalities(c.var.db) }, 200));

municipalityRoutes.openapi(createRoute({
  method: 'post', path: '/api/municipalities', tags, summary: 'Opprett kommune',
  middleware: [requireRole()] as const,
  request: jsonBody(ZCreateMunicipalityRequest),
  responses: { 201: jsonContent(ZMunicipality, 'Opprettet'), ...errorResponses },
}), async (c) => c.json(await createMunicipality(c.var.db, actorOf(currentUser(c)), c.req.valid('json')), 201));

municipalityRoutes.openapi(createRoute({
  method: 'get', path: '/api/municipalities/{id}', tags, summary: 'Én kommune',
  middleware: [requireUser] as const,
  request: { params: ZIdParam },
  responses: { 200: jsonContent(ZMunicipality, 'Kommunen'), ...errorResponses },
}), async (c) => c.json(await getMunicipality(c.var.db, c.req.valid('param').id), 200));

municipalityRoutes.openapi(createRoute({
  method: 'patch', path: '/api/municipalities/{id}', tags, summary: 'Endre kommune',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam, ...jsonBody(ZUpdateMunicipalityRequest) },
  responses: { 200: jsonContent(ZMunicipality, 'Endret'), ...errorResponses },
}), async (c) => c.json(await updateMunicipality(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));

municipalityRoutes.openapi(createRoute({
  method: 'delete', path: '/api/municipalities/{id}', tags, summary: 'Slett kommune (bare når ingenting peker på den)',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam },
  responses: deleted,
}), async (c) => {
  await deleteMunicipality(c.var.db, actorOf(currentUser(c)), c.req.valid('param'));
  return c.body(null, 204);
});
