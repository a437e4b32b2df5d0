// HTTP for bodies and their members. Admins keep the bodies, staff and admins their members; everyone
// signed in reads them, e-mail addresses as the policy allows.
import { createRoute, z } from '@hono/zod-openapi';
import { currentUser, requireRole, requireUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, errorResponses, jsonBody, jsonContent, ZIdParam } from '../../../server/openapi.js';
import { createBody, deleteBody, getBody, listBodies, updateBody } from '../bodies.service.js';
import { createBodyMember, deleteBodyMember, listBodyMembers, updateBodyMember } from '../body-members.service.js';
import {
  ZBodiesQuery, ZBody, ZBodyMember, ZBodyMembersQuery, ZCreateBodyMemberRequest, ZCreateBodyRequest, ZUpdateBodyMemberRequest, ZUpdateBodyRequest,
} from '../model.js';
import { PEOPLE_KEEPERS, personAsSeenBy } from '../policy.js';
import { deleted, tags } from './shared.js';

export const bodyRoutes = createRouter();

bodyRoutes.openapi(createRoute({
  method: 'get', path: '/api/bodies', tags, summary: 'Organer, valgfritt for ett samarbeid eller bare aktive',
  middleware: [requireUser] as const,
  request: { query: ZBodiesQuery },
  responses: { 200: jsonContent(z.object({ bodies: z.array(ZBody) }), 'Organene'), ...errorResponses },
}), async (c) => c.json({ bodies: await listBodies(c.var.db, c.req.valid('query')) }, 200));

bodyRoutes.openapi(createRoute({
  method: 'post', path: '/api/bodies', tags, summary: 'Opprett organ',
  middleware: [requireRole()] as const,
  request: jsonBody(ZCreateBodyRequest),
  responses: { 201: jsonContent(ZBody, 'Opprettet'), ...errorResponses },
}), async (c) => c.json(await createBody(c.var.db, actorOf(currentUser(c)), c.req.valid('json')), 201));

bodyRoutes.openapi(createRoute({
  method: 'get', path: '/api/bodies/{id}', tags, summary: 'Ett organ',
  middleware: [requireUser] as const,
  request: { params: ZIdParam },
  responses: { 200: jsonContent(ZBody, 'Organet'), ...errorResponses },
}), async (c) => c.json(await getBody(c.var.db, c.req.valid('param').id), 200));

bodyRoutes.openapi(createRoute({
  method: 'patch', path: '/api/bodies/{id}', tags, summary: 'Endre organ',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam, ...jsonBody(ZUpdateBodyRequest) },
  responses: { 200: jsonContent(ZBody, 'Endret'), ...errorResponses },
}), async (c) => c.json(await updateBody(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));

bodyRoutes.openapi(createRoute({
  method: 'delete', path: '/api/bodies/{id}', tags, summary: 'Slett organ (bare uten medlemmer og møter)',
  middleware: [requireRole()] as const,
  request: { params: ZIdParam },
  responses: deleted,
}), async (c) => {
  await deleteBody(c.var.db, actorOf(currentUser(c)), c.req.valid('param'));
  return c.body(null, 204);
});
bodyRoutes.openapi(createRoute({
  method: 'get', path: '/api/bodies/{id}/members', tags, summary: 'Organets medlemmer; med on=dato bare de som satt den dagen',
  middleware: [requireUser] as const,
  request: { params: ZIdParam, query: ZBodyMembersQuery },
  responses: { 200: jsonContent(z.object({ members: z.array(ZBodyMember) }), 'Medlemmene'), ...errorResponses },
}), async (c) => {
  const user = currentUser(c);
  const members = await listBodyMembers(c.var.db, { bodyId: c.req.valid('param').id, on: c.req.valid('query').on });
  return c.json({ members: members.map((m) => personAsSeenBy(m, user)) }, 200);
});

bodyRoutes.openapi(createRoute({
  method: 'post', path: '/api/bodies/{id}/members', tags, summary: 'Legg til medlem i organ',
  middleware: [requireRole(...PEOPLE_KEEPERS)] as const,
  request: { params: ZIdParam, ...jsonBody(ZCreateBodyMemberRequest) },
  responses: { 201: jsonContent(ZBodyMember, 'Opprettet'), ...errorResponses },
}), async (c) => c.json(await createBodyMember(c.var.db, actorOf(currentUser(c)), { bodyId: c.req.valid('param').id, ...c.req.valid('json') }), 201));

bodyRoutes.openapi(createRoute({
  method: 'patch', path: '/api/body-members/{id}', tags, summary: 'Endre organmedlem (rolle, kommune, periode)',
  middleware: [requireRole(...PEOPLE_KEEPERS)] as const,
  request: { params: ZIdParam, ...jsonBody(ZUpdateBodyMemberRequest) },
  responses: { 200: jsonContent(ZBodyMember, 'Endret'), ...errorResponses },
}), async (c) => c.json(await updateBodyMember(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') }), 200));

bodyRoutes.openapi(createRoute({
  method: 'delete', path: '/api/body-members/{id}', tags, summary: 'Fjern organmedlem',
  middleware: [requireRole(...PEOPLE_KEEPERS)] as const,
  request: { params: ZIdParam },
  responses: deleted,
}), async (c) => {
  await deleteBodyMember(c.var.db, actorOf(currentUser(c)), c.req.valid('param'));
  return c.body(null, 204);
});
