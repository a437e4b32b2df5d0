// HTTP for actuals entered by hand (amounts booked outside the ledger export); imported ledger rows are
// listed per ledger import.
import { z } from '@hono/zod-openapi';
import { currentUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery } from '../../../server/openapi.js';
import { addManualActual, listManualActuals } from '../actuals.service.js';
import { withVersion } from '../corrections.service.js';
import { ZManualActual, ZManualActualRequest, ZYearParam } from '../model.js';
import { readers, tags, writers } from './shared.js';

export const actualRoutes = createRouter();

actualRoutes.openapi(route({
  method: 'post', path: '/api/economy/{year}/actuals', tags, summary: 'Manuelt regnskapstall', access: [writers, cooperationScope],
  request: { params: ZYearParam, query: ZCooperationQuery, ...jsonBody(ZManualActualRequest) },
  answers: { 201: jsonContent(ZManualActual, 'Posteringen') },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, year: c.req.valid('param').year, ...c.req.valid('json') };
  return c.json(withVersion(await addManualActual(c.var.db, actorOf(currentUser(c)), options)), 201);
});

actualRoutes.openapi(route({
  method: 'get', path: '/api/economy/{year}/actuals', tags, summary: 'Manuelle regnskapstall (importerte rader vises i importene)',
  access: [readers, cooperationScope],
  request: { params: ZYearParam, query: ZCooperationQuery },
  answers: { 200: jsonContent(z.object({ actuals: z.array(ZManualActual) }), 'Posteringene') },
}), async (c) => {
  const rows = await listManualActuals(c.var.db, { cooperationId: c.var.cooperationId, year: c.req.valid('param').year });
  return c.json({ actuals: rows.map(withVersion) }, 200);
});
