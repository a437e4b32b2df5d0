// HTTP for people. Staff and admins keep them; everyone signed in reads them as the policy allows
// (e-mail addresses and staffing are not for every reader).
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole, requireUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, jsonBody, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { createPerson, deletePerson, getPerson, listPeople, updatePerson } from '../people.service.js';
import { ZCreatePersonRequest, ZPerson, ZUpdatePersonRequest } from '../model.js';
import { PEOPLE_KEEPERS, personAsSeenBy } from '../policy.js';
import { rowRoutes, tags } from './shared.js';

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

rowRoutes(peopleRoutes, '/api/people/{id}', ZPerson, {
  read: { summary: 'Én person', access: [requireUser], noun: 'Personen', run: async (db, id, user) => personAsSeenBy(await getPerson(db, id), user) },
  edit: { summary: 'Endre person', access: [requireRole(...PEOPLE_KEEPERS)], body: ZUpdatePersonRequest, run: updatePerson },
  remove: { summary: 'Slett person (bare når ingenting peker på den)', access: [requireRole(...PEOPLE_KEEPERS)], run: deletePerson },
});
