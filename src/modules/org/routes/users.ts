// HTTP for user accounts, admins only. Passwords are checked against the rules before they are hashed.
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { assertPasswordAcceptable } from '../../../server/auth/password.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, jsonBody, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { createUser, getPublicUser, getUser, listUsers, resetUserPassword, updateUser } from '../users.service.js';
import { ZCreateUserRequest, ZResetPasswordRequest, ZUpdateUserRequest, ZUser } from '../model.js';
import { tags, userJson } from './shared.js';

export const userRoutes = createRouter();

userRoutes.openapi(route({
  method: 'get', path: '/api/users', tags, summary: 'Brukerkontoer', access: [requireRole()],
  answers: { 200: jsonContent(z.object({ users: z.array(ZUser) }), 'Brukerne') },
}), async (c) => c.json({ users: (await listUsers(c.var.db)).map(userJson) }, 200));

userRoutes.openapi(route({
  method: 'post', path: '/api/users', tags, summary: 'Opprett brukerkonto', access: [requireRole()],
  request: jsonBody(ZCreateUserRequest), answers: { 201: jsonContent(ZUser, 'Opprettet') },
}), async (c) => {
  const request = c.req.valid('json');
  if (request.password) await assertPasswordAcceptable({ password: request.password, field: 'password', email: request.email, name: request.name });
  return c.json(userJson(await createUser(c.var.db, actorOf(currentUser(c)), request)), 201);
});

userRoutes.openapi(route({
  method: 'get', path: '/api/users/{id}', tags, summary: 'Én brukerkonto', access: [requireRole()],
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZUser, 'Brukeren') },
}), async (c) => c.json(userJson(await getPublicUser(c.var.db, c.req.valid('param').id)), 200));

userRoutes.openapi(route({
  method: 'patch', path: '/api/users/{id}', tags, summary: 'Endre rolle, navn, kommune eller deaktiver', access: [requireRole()],
  request: { params: ZIdParam, ...jsonBody(ZUpdateUserRequest) }, answers: { 200: jsonContent(ZUser, 'Endret') },
}), async (c) => c.json(userJson(await updateUser(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') })), 200));

userRoutes.openapi(route({
  method: 'post', path: '/api/users/{id}/password', tags, summary: 'Sett nytt passord (avslutter brukerens økter)', access: [requireRole()],
  request: { params: ZIdParam, ...jsonBody(ZResetPasswordRequest) }, answers: { 204: { description: 'Passord satt' } },
}), async (c) => {
  const { id } = c.req.valid('param');
  const { password } = c.req.valid('json');
  const user = await getUser(c.var.db, id);
  if (user) await assertPasswordAcceptable({ password, field: 'password', email: user.email, name: user.name, currentPasswordHash: user.passwordHash });
  await resetUserPassword(c.var.db, actorOf(currentUser(c)), { id, password });
  return c.body(null, 204);
});
