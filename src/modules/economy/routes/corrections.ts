// HTTP for correcting and deleting what staff typed in (forecasts, budget revisions, manual actuals), at
// the version read: 409 when someone changed the entry since (corrections.service.ts).
import { z } from '@hono/zod-openapi';
import type { Db } from '../../../db/client.js';
import { currentUser } from '../../../server/auth/middleware.js';
import { actorOf, type Actor } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import {
  deleteBudgetRevision, deleteForecast, deleteManualActual, updateBudgetRevision, updateForecast, updateManualActual,
} from '../corrections.service.js';
import {
  ZBudgetRevision, ZForecast, ZManualActual, ZUpdateBudgetRevisionRequest, ZUpdateForecastRequest, ZUpdateManualActualRequest,
  ZVersionQuery,
} from '../model.js';
import { tags, writers } from './shared.js';

export const correctionRoutes = createRouter();

type TEntry<TBody extends z.ZodType<object>, TRow extends z.ZodType> = {
  path: string;
  what: string;
  body: TBody;
  row: TRow;
  /** Answers the row as it now is; `row` is its documented shape. */
  update: (db: Db, actor: Actor, options: { id: string; cooperationId: string } & z.infer<TBody>) => Promise<object>;
  remove: (db: Db, actor: Actor, options: { id: string; cooperationId: string; version: string }) => Promise<void>;
};

function correctable<TBody extends z.ZodType<object>, TRow extends z.ZodType>(entry: TEntry<TBody, TRow>) {
  correctionRoutes.openapi(route({
  method: 'patch', path: `/api/economy/${entry.path}/{id}`, tags,
  summary: `Rett en ${entry.what} (med versjonen du hentet; 409 om den er endret siden)`, access: [writers, cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(entry.body as z.ZodType) },
  answers: { 200: jsonContent(entry.row as z.ZodType, 'Oppføringen slik den nå er') },
}), async (c) => {
    const options = { id: c.req.valid('param').id, cooperationId: c.var.cooperationId, ...(c.req.valid('json') as z.infer<TBody>) };
    return c.json(await entry.update(c.var.db, actorOf(currentUser(c)), options), 200);
  });

  correctionRoutes.openapi(route({
  method: 'delete', path: `/api/economy/${entry.path}/{id}`, tags,
  summary: `Slett en ${entry.what} (med versjonen du hentet; 409 om den er endret siden)`, access: [writers, cooperationScope],
  request: { params: ZIdParam, query: ZVersionQuery }, answers: { 204: { description: 'Slettet' } },
}), async (c) => {
    await entry.remove(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, cooperationId: c.var.cooperationId, version: c.req.valid('query').version });
    return c.body(null, 204);
  });
}

correctable({ path: 'forecasts', what: 'prognose', body: ZUpdateForecastRequest, row: ZForecast, update: updateForecast, remove: deleteForecast });
correctable({
  path: 'budget-revisions', what: 'budsjettrevisjon', body: ZUpdateBudgetRevisionRequest, row: ZBudgetRevision,
  update: updateBudgetRevision, remove: deleteBudgetRevision,
});
correctable({
  path: 'actuals', what: 'manuelt regnskapstall', body: ZUpdateManualActualRequest, row: ZManualActual,
  update: updateManualActual, remove: deleteManualActual,
});
