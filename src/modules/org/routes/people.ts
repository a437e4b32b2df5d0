// HTTP for people. Staff and admins keep them; everyone signed in reads them as the policy allows
// (e-mail addresses and staffing are not for every reader).
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole, requireUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, jsonBody, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { createPerson, deletePerson, getPerson, listPeople, updatePerson } from '../people.service.js';
import { ZCreatePersonRequest, ZPerson, ZUpdatePersonRequest } from '../model.js';
import { PEOPLE_KEEPERS, personAsSeenBy } from '../policy.js';
import { deleted, tags } from './shared.js';

export const peopleRoutes = createRouter();

peopleRoutes.openapi(route({
  method: 'get', path: '/api/people', tags, summary: 'Personer (e-post bare for admin og ansatte)', access: [requireUser],
  answers: { 200: jsonContent(z.object({ people: z.array(ZPerson) }), 'Personene') },
}), async (c) => {
  const user = currentUser(c);
  return c.json({ people: (await listPeople(c.var.db)).map((p) => personAsSeenBy(p, user)) }, 200);
});

peopleRoutes.openapi(route({
  method: 'post', path: '/api/people', tags, summary: 'Opprett person', access: [requireRole(...PEOPLE_KEEPERS)],
  request: jsonBody(ZCreatePersonRequest), answers: { 201: jsonContent(ZPerson, 'Opprettet') },
}), async (c) => c.json(await createPerson(c.var.db, actorOf(currentUser(c)), c.req.valid('json')), 201));

peopleRoutes.openapi(route({
  method: 'get', path: '/api/people/{id}', tags, summary: 'Én person', access: [requireUser],
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZPerson, 'Personen') },
}), async (c) => c.json(personAsSeenBy(await getPerson(c.var.db, c.req.valid('param').id), currentUser(c)), 200));

peopleRoutes.openapi(route({
  method: 'patch', path: '/api/people/{id}', tags, summary: 'Endre person', access: [requireRole(...PEOPLE_KEEPERS)],
  request: { params: ZIdParam, ...jsonBody(ZUpdatePersonRequest) }, answers: { 200: jsonContent(ZPerson, 'Endret') },
}), async (c) => c.json(await updatePerson(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));

peopleRoutes.openapi(route({
  method: 'delete', path: '/api/people/{id}', tags, summary: 'Slett person (bare når ingenting peker på den)',
  access: [requireRole(...PEOPLE_KEEPERS)],
  request: { params: ZIdParam }, answers: deleted,
}), async (c) => {
  await deletePerson(c.var.db, actorOf(currentUser(c)), c.req.valid('param'));
  return c.body(null, 204);
});
