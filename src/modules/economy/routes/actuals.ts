// HTTP for actuals entered by hand (amounts booked outside the ledger export); imported ledger rows are
// listed per ledger import.
import { createRoute, z } from '@hono/zod-openapi';
import { currentUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, errorResponses, jsonBody, jsonContent, ZCooperationQuery } from '../../../server/openapi.js';
import { addManualActual, listManualActuals } from '../actuals.service.js';
import { withVersion } from '../corrections.service.js';
import { ZManualActual, ZManualActualRequest, ZYearParam } from '../model.js';
import { readers, tags, writers } from './shared.js';

export const actualRoutes = createRouter();

actualRoutes.openapi(createRoute({
  method: 'post', path: '/api/economy/{year}/actuals', tags, summary: 'Manuelt regnskapstall',
  middleware: [writers, cooperationScope] as const,
  request: { params: ZYearParam, query: ZCooperationQuery, ...jsonBody(ZManualActualRequest) },
  responses: { 201: jsonContent(ZManualActual, 'Posteringen'), ...errorResponses },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, year: c.req.valid('param').year, ...c.req.valid('json') };
  return c.json(withVersion(await addManualActual(c.var.db, actorOf(currentUser(c)), options)), 201);
});

actualRoutes.openapi(createRoute({
  method: 'get', path: '/api/economy/{year}/actuals', tags, summary: 'Manuelle regnskapstall (importerte rader vises i importene)',
  middleware: [readers, cooperationScope] as const,
  request: { params: ZYearParam, query: ZCooperationQuery },
  responses: { 200: jsonContent(z.object({ actuals: z.array(ZManualActual) }), 'Posteringene'), ...errorResponses },
}), async (c) => {
  const rows = await listManualActuals(c.var.db, { cooperationId: c.var.cooperationId, year: c.req.valid('param').year });
  return c.json({ actuals: rows.map(withVersion) }, 200);
});
