// HTTP for people. Staff and admins keep them; everyone signed in reads them as the policy allows
// (e-mail addresses and staffing are not for every reader).
import { createRoute, z } from '@hono/zod-openapi';
import { currentUser, requireRole, requireUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, errorResponses, jsonBody, jsonContent, ZIdParam } from '../../../server/openapi.js';
import { createPerson, deletePerson, getPerson, listPeople, updatePerson } from '../people.service.js';
import { ZCreatePersonRequest, ZPerson, ZUpdatePersonRequest } from '../model.js';
import { PEOPLE_KEEPERS, personAsSeenBy } from '../policy.js';
import { deleted, tags } from './shared.js';

export const peopleRoutes = createRouter();

peopleRoutes.openapi(createRoute({
  method: 'get', path: '/api/people', tags, summary: 'Personer (e-post bare for admin og ansatte)',
  middleware: [requireUser] as const,
  responses: { 200: jsonContent(z.object({ people: z.array(ZPerson) }), 'Personene'), ...errorResponses },
}), async (c) => {
  const user = currentUser(c);
  return c.json({ people: (await listPeople(c.var.db)).map((p) => personAsSeenBy(p, user)) }, 200);
});

peopleRoutes.openapi(createRoute({
  method: 'post', path: '/api/people', tags, summary: 'Opprett person',
  middleware: [requireRole(...PEOPLE_KEEPERS)] as const,
  request: jsonBody(ZCreatePersonRequest),
  responses: { 201: jsonContent(ZPerson, 'Opprettet'), ...errorResponses },
}), async (c) => c.json(await createPerson(c.var.db, actorOf(currentUser(c)), c.req.valid('json')), 201));

peopleRoutes.openapi(createRoute({
  method: 'get', path: '/api/people/{id}', tags, summary: 'Én person',
  middleware: [requireUser] as const,
  request: { params: ZIdParam },
  responses: { 200: jsonContent(ZPerson, 'Personen'), ...errorResponses },
}), async (c) => c.json(personAsSeenBy(await getPerson(c.var.db, c.req.valid('param').id), currentUser(c)), 200));

peopleRoutes.openapi(createRoute({
  method: 'patch', path: '/api/people/{id}', tags, summary: 'Endre person',
  middleware: [requireRole(...PEOPLE_KEEPERS)] as const,
  request: { params: ZIdParam, ...jsonBody(ZUpdatePersonRequest) },
  responses: { 200: jsonContent(ZPerson, 'Endret'), ...errorResponses },
}), async (c) => c.json(await updatePerson(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));

peopleRoutes.openapi(createRoute({
  method: 'delete', path: '/api/people/{id}', tags, summary: 'Slett person (bare når ingenting peker på den)',
  middleware: [requireRole(...PEOPLE_KEEPERS)] as const,
  request: { params: ZIdParam },
  responses: deleted,
}), async (c) => {
  await deletePerson(c.var.db, actorOf(currentUser(c)), c.req.valid('param'));
  return c.body(null, 204);
});
