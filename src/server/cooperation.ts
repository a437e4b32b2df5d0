// Which cooperation a request is about, settled once before the handler runs: the one the optional
// `cooperation` query parameter names, or else the install's own (docs/decisions/0012, 0020). Routes of
// a cooperation's data put `cooperationScope` after their role check and read `c.var.cooperationId`;
// they declare `query: ZCooperationQuery` (openapi.ts) too, so the parameter is documented.
import type { MiddlewareHandler } from 'hono';
import { resolveCooperationId } from '../modules/org/cooperations.service.js';
import type { AppEnv } from './context.js';
import { HttpError, validationErrorBody } from './errors.js';
import { ZCooperationQuery } from './openapi.js';

export type TCooperationScope = { Variables: { cooperationId: string } };

/**
 * 404 for a cooperation that does not exist, 404 `not_set_up` before the install has one; a malformed id
 * is the same 400 the query schema gives, so the database never sees it.
 */
export const cooperationScope: MiddlewareHandler<AppEnv & TCooperationScope> = async (c, next) => {
  const parsed = ZCooperationQuery.safeParse({ cooperation: c.req.query('cooperation') });
  if (!parsed.success) {
    const { error } = validationErrorBody(parsed.error);
    throw new HttpError(400, error.code, error.message, error.fields);
  }
  c.set('cooperationId', await resolveCooperationId(c.var.db, parsed.data.cooperation));
  await next();
};
