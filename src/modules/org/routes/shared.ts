// What the organisation's route files share: path parameters, the JSON shape of rows with dates, and
// the read, edit and delete of one row by id that every org resource declares the same way.
import { z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import type { Db } from '../../../db/client.js';
import { currentUser } from '../../../server/auth/middleware.js';
import { actorOf, type Actor, type AppEnv, type SessionUser } from '../../../server/context.js';
import { deleteRoute } from '../../../server/delete-route.js';
import { createRouter, jsonBody, jsonContent, route, ZId, ZIdParam } from '../../../server/openapi.js';
import type { getCooperation } from '../cooperations.service.js';
import type { TCooperation } from '../model.js';
import type { publicUser } from '../users.service.js';

export const tags = ['Organisasjon'];
export const ZCooperationIdParam = z.object({ cooperationId: ZId.openapi({ param: { name: 'cooperationId', in: 'path' } }) });

/** The row as ZCooperation: the logo's three columns as one object, or null. */
export const cooperationJson = (row: Awaited<ReturnType<typeof getCooperation>>): TCooperation => {
  const { logoSha256, logoContentType, logoSize, ...c } = row;
  const logo = logoSha256 ? { sha256: logoSha256, contentType: logoContentType as 'image/png' | 'image/jpeg', size: logoSize ?? 0 } : null;
  return { ...c, createdAt: c.createdAt.toISOString(), logo };
};
export const userJson = (u: ReturnType<typeof publicUser>) => ({ ...u, createdAt: u.createdAt.toISOString() });

type TRouter = ReturnType<typeof createRouter>;
type TAccess = MiddlewareHandler<AppEnv>[];
// The handlers are typed by rowRoutes' parameters (each result against its response schema); the
// router's own inference cannot follow a route config built from parameters.
type THandler = never;
/** A request of these routes: an id in the path, and for an edit the validated body. */
type TRowContext = Context<AppEnv, string, { out: { param: { id: string }; json: object } }>;

type TRowRoutes<TRow extends z.ZodType, TBody extends z.ZodType> = {
  /** GET: one row, as `run` answers it for this user. */
  read?: { summary: string; access: TAccess; noun: string; run: (db: Db, id: string, user: SessionUser) => Promise<z.input<TRow>> };
  /** PATCH: the fields to change and the revision they were read at (decision 0024). */
  edit?: { summary: string; access: TAccess; body: TBody; run: (db: Db, actor: Actor, options: { id: string } & z.output<TBody>) => Promise<z.input<TRow>> };
  /** DELETE: 204, or the service's 409 saying what still uses the row (src/server/delete-route.ts). */
  remove?: { summary: string; access: TAccess; run: (db: Db, actor: Actor, options: { id: string }) => Promise<void> };
};

/** The read, edit and delete of one row at `<path>/{id}`, declared alike for every org resource. */
export function rowRoutes<TRow extends z.ZodType, TBody extends z.ZodType>(
  router: TRouter, path: `${string}/{id}`, row: TRow, spec: TRowRoutes<TRow, TBody>,
) {
  const idOf = (c: TRowContext) => c.req.valid('param').id;
  const { read, edit, remove } = spec;
  if (read) {
    router.openapi(route({
      method: 'get', path, tags, summary: read.summary, access: read.access,
      request: { params: ZIdParam }, answers: { 200: jsonContent(row, read.noun) },
    }), (async (c: TRowContext) => c.json(await read.run(c.var.db, idOf(c), currentUser(c)), 200)) as THandler);
  }
  if (edit) {
    router.openapi(route({
      method: 'patch', path, tags, summary: edit.summary, access: edit.access,
      request: { params: ZIdParam, ...jsonBody(edit.body) }, answers: { 200: jsonContent(row, 'Endret') },
    }), (async (c: TRowContext) => {
      const options = { id: idOf(c), ...c.req.valid('json') } as { id: string } & z.output<TBody>;
      return c.json(await edit.run(c.var.db, actorOf(currentUser(c)), options), 200);
    }) as THandler);
  }
  if (remove) deleteRoute(router, { path, tags, summary: remove.summary, access: remove.access }, remove.run);
}
