// HTTP for the annual budget per line and its revisions (each with the date and case number of the
// council's decision).
import { createRoute } from '@hono/zod-openapi';
import { currentUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, errorResponses, jsonBody, jsonContent, ZCooperationQuery } from '../../../server/openapi.js';
import { addBudgetRevision, listBudgets, setBudget } from '../budgets.service.js';
import { withVersion } from '../corrections.service.js';
import { ZBudget, ZBudgetRevision, ZBudgetRevisionRequest, ZBudgets, ZSetBudgetRequest, ZYearParam } from '../model.js';
import { readers, tags, writers } from './shared.js';

export const budgetRoutes = createRouter();

budgetRoutes.openapi(createRoute({
  method: 'get', path: '/api/economy/{year}/budgets', tags, summary: 'Årsbudsjett og budsjettrevisjoner',
  middleware: [readers, cooperationScope] as const,
  request: { params: ZYearParam, query: ZCooperationQuery },
  responses: { 200: jsonContent(ZBudgets, 'Budsjettene'), ...errorResponses },
}), async (c) => {
  const listed = await listBudgets(c.var.db, { cooperationId: c.var.cooperationId, year: c.req.valid('param').year });
  return c.json({ budgets: listed.budgets, revisions: listed.revisions.map(withVersion) }, 200);
});

budgetRoutes.openapi(createRoute({
  method: 'put', path: '/api/economy/{year}/budgets', tags, summary: 'Sett årsbudsjett for en linje',
  middleware: [writers, cooperationScope] as const,
  request: { params: ZYearParam, query: ZCooperationQuery, ...jsonBody(ZSetBudgetRequest) },
  responses: { 200: jsonContent(ZBudget, 'Budsjettet'), ...errorResponses },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, year: c.req.valid('param').year, ...c.req.valid('json') };
  return c.json(await setBudget(c.var.db, actorOf(currentUser(c)), options), 200);
});

budgetRoutes.openapi(createRoute({
  method: 'post', path: '/api/economy/{year}/budget-revisions', tags, summary: 'Budsjettrevisjon (dato og saksnummer for vedtaket)',
  middleware: [writers, cooperationScope] as const,
  request: { params: ZYearParam, query: ZCooperationQuery, ...jsonBody(ZBudgetRevisionRequest) },
  responses: { 201: jsonContent(ZBudgetRevision, 'Revisjonen'), ...errorResponses },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, year: c.req.valid('param').year, ...c.req.valid('json') };
  return c.json(withVersion(await addBudgetRevision(c.var.db, actorOf(currentUser(c)), options)), 201);
});
