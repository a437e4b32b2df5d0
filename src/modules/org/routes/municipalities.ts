// HTTP for municipalities. Admins keep them; everyone signed in reads them.
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole, requireUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, jsonBody, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { createMunicipality, deleteMunicipality, getMunicipality, listMunicipalities, updateMunicipality } from '../municipalities.service.js';
import { ZCreateMunicipalityRequest, ZMunicipality, ZUpdateMunicipalityRequest } from '../model.js';
import { rowRoutes, tags } from './shared.js';

export const municipalityRoutes = createRouter();

municipalityRoutes.openapi(route({
  method: 'get', path: '/api/municipalities', tags, summary: 'Kommuner', access: [requireUser],
  answers: { 200: jsonContent(z.object({ municipalities: z.array(ZMunicipality) }), 'Kommunene') },
}), async (c) => c.json({ municipalities: await listMunicipalities(c.var.db) }, 200));

municipalityRoutes.openapi(route({
  method: 'post', path: '/api/municipalities', tags, summary: 'Opprett kommune', access: [requireRole()],
  request: jsonBody(ZCreateMunicipalityRequest), answers: { 201: jsonContent(ZMunicipality, 'Opprettet') },
}), async (c) => c.json(await createMunicipality(c.var.db, actorOf(currentUser(c)), c.req.valid('json')), 201));

rowRoutes(municipalityRoutes, '/api/municipalities/{id}', ZMunicipality, {
  read: { summary: 'Én kommune', access: [requireUser], noun: 'Kommunen', run: getMunicipality },
  edit: { summary: 'Endre kommune', access: [requireRole()], body: ZUpdateMunicipalityRequest, run: updateMunicipality },
  remove: { summary: 'Slett kommune (bare når ingenting peker på den)', access: [requireRole()], run: deleteMunicipality },
});
