// HTTP for bodies and their members. Admins keep the bodies, staff and admins their members; everyone
// signed in reads them, e-mail addresses as the policy allows.
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole, requireUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, jsonBody, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { createBody, deleteBody, getBody, listBodies, updateBody } from '../bodies.service.js';
import { changeBodyMemberRole, createBodyMember, deleteBodyMember, listBodyMembers, updateBodyMember } from '../body-members.service.js';
import {
  ZBodiesQuery, ZBody, ZBodyMember, ZBodyMemberRoleChange, ZBodyMembersQuery, ZChangeBodyMemberRoleRequest, ZCreateBodyMemberRequest, ZCreateBodyRequest,
  ZUpdateBodyMemberRequest, ZUpdateBodyRequest,
} from '../model.js';
import { PEOPLE_KEEPERS, personAsSeenBy } from '../policy.js';
import { rowRoutes, tags } from './shared.js';

export const bodyRoutes = createRouter();

bodyRoutes.openapi(route({
  method: 'get', path: '/api/bodies', tags, summary: 'Organer, valgfritt for ett samarbeid, bare aktive, eller bare de som ikke er avsluttet (current=true)', access: [requireUser],
  request: { query: ZBodiesQuery }, answers: { 200: jsonContent(z.object({ bodies: z.array(ZBody) }), 'Organene') },
}), async (c) => c.json({ bodies: await listBodies(c.var.db, c.req.valid('query')) }, 200));

bodyRoutes.openapi(route({
  method: 'post', path: '/api/bodies', tags, summary: 'Opprett organ', access: [requireRole()],
  request: jsonBody(ZCreateBodyRequest), answers: { 201: jsonContent(ZBody, 'Opprettet') },
}), async (c) => c.json(await createBody(c.var.db, actorOf(currentUser(c)), c.req.valid('json')), 201));

bodyRoutes.openapi(route({
  method: 'get', path: '/api/bodies/{id}/members', tags, summary: 'Organets medlemmer; med on=dato bare de som satt den dagen', access: [requireUser],
  request: { params: ZIdParam, query: ZBodyMembersQuery }, answers: { 200: jsonContent(z.object({ members: z.array(ZBodyMember) }), 'Medlemmene') },
}), async (c) => {
  const user = currentUser(c);
  const members = await listBodyMembers(c.var.db, { bodyId: c.req.valid('param').id, on: c.req.valid('query').on });
  return c.json({ members: members.map((m) => personAsSeenBy(m, user)) }, 200);
});

bodyRoutes.openapi(route({
  method: 'post', path: '/api/bodies/{id}/members', tags, summary: 'Legg til medlem i organ', access: [requireRole(...PEOPLE_KEEPERS)],
  request: { params: ZIdParam, ...jsonBody(ZCreateBodyMemberRequest) }, answers: { 201: jsonContent(ZBodyMember, 'Opprettet') },
}), async (c) => c.json(await createBodyMember(c.var.db, actorOf(currentUser(c)), { bodyId: c.req.valid('param').id, ...c.req.valid('json') }), 201));

rowRoutes(bodyRoutes, '/api/bodies/{id}', ZBody, {
  read: { summary: 'Ett organ', access: [requireUser], noun: 'Organet', run: getBody },
  edit: { summary: 'Endre organ', access: [requireRole()], body: ZUpdateBodyRequest, run: updateBody },
  remove: { summary: 'Slett organ (bare uten medlemmer og møter)', access: [requireRole()], run: deleteBody },
});

bodyRoutes.openapi(route({
  method: 'post', path: '/api/body-members/{id}/role-change', tags,
  summary: 'Bytt rolle fra en dato: medlemskapet slutter dagen før, et nytt i den nye rollen begynner (én handling)',
  access: [requireRole(...PEOPLE_KEEPERS)],
  request: { params: ZIdParam, ...jsonBody(ZChangeBodyMemberRoleRequest) }, answers: { 201: jsonContent(ZBodyMemberRoleChange, 'Det avsluttede og det nye medlemskapet') },
}), async (c) => {
  const user = currentUser(c);
  const { ended, started } = await changeBodyMemberRole(c.var.db, actorOf(user), { id: c.req.valid('param').id, ...c.req.valid('json') });
  return c.json({ ended: personAsSeenBy(ended, user), started: personAsSeenBy(started, user) }, 201);
});

rowRoutes(bodyRoutes, '/api/body-members/{id}', ZBodyMember, {
  edit: { summary: 'Endre organmedlem (rolle, kommune, periode)', access: [requireRole(...PEOPLE_KEEPERS)], body: ZUpdateBodyMemberRequest, run: updateBodyMember },
  remove: { summary: 'Fjern organmedlem', access: [requireRole(...PEOPLE_KEEPERS)], run: deleteBodyMember },
});
