// DELETE <path>/{id}, declared alike wherever a row is deleted by its id: 204 once the service has
// deleted it as the signed-in user; the service's refusals (404, 409 saying what still uses it) are the
// app's error body, which route() documents.
import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../db/client.js';
import { currentUser } from './auth/middleware.js';
import { actorOf, type Actor, type AppEnv } from './context.js';
import { createRouter, route, ZIdParam } from './openapi.js';

type TDeleteRoute = { path: `${string}/{id}`; tags: string[]; summary: string; access: MiddlewareHandler<AppEnv>[] };

export function deleteRoute(
  router: ReturnType<typeof createRouter>, spec: TDeleteRoute, remove: (db: Db, actor: Actor, options: { id: string }) => Promise<unknown>,
) {
  router.openapi(route({
    method: 'delete', path: spec.path, tags: spec.tags, summary: spec.summary, access: spec.access,
    request: { params: ZIdParam }, answers: { 204: { description: 'Slettet' } },
  }), (async (c: Context<AppEnv, string, { out: { param: { id: string } } }>) => {
    await remove(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id });
    return c.body(null, 204);
  }) as never);
}
