// HTTP for the annual budget per line and its revisions (each with the date and case number of the
// council's decision).
import { currentUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery } from '../../../server/openapi.js';
import { addBudgetRevision, listBudgets, setBudget } from '../budgets.service.js';
import { withVersion } from '../corrections.service.js';
import { ZBudget, ZBudgetRevision, ZBudgetRevisionRequest, ZBudgets, ZSetBudgetRequest, ZYearParam } from '../model.js';
import { readers, tags, writers } from './shared.js';

export const budgetRoutes = createRouter();

budgetRoutes.openapi(route({
  method: 'get', path: '/api/economy/{year}/budgets', tags, summary: 'Årsbudsjett og budsjettrevisjoner', access: [readers, cooperationScope],
  request: { params: ZYearParam, query: ZCooperationQuery }, answers: { 200: jsonContent(ZBudgets, 'Budsjettene') },
}), async (c) => {
  const listed = await listBudgets(c.var.db, { cooperationId: c.var.cooperationId, year: c.req.valid('param').year });
  return c.json({ budgets: listed.budgets, revisions: listed.revisions.map(withVersion) }, 200);
});

budgetRoutes.openapi(route({
  method: 'put', path: '/api/economy/{year}/budgets', tags, summary: 'Sett årsbudsjett for en linje', access: [writers, cooperationScope],
  request: { params: ZYearParam, query: ZCooperationQuery, ...jsonBody(ZSetBudgetRequest) }, answers: { 200: jsonContent(ZBudget, 'Budsjettet') },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, year: c.req.valid('param').year, ...c.req.valid('json') };
  return c.json(await setBudget(c.var.db, actorOf(currentUser(c)), options), 200);
});

budgetRoutes.openapi(route({
  method: 'post', path: '/api/economy/{year}/budget-revisions', tags, summary: 'Budsjettrevisjon (dato og saksnummer for vedtaket)',
  access: [writers, cooperationScope],
  request: { params: ZYearParam, query: ZCooperationQuery, ...jsonBody(ZBudgetRevisionRequest) },
  answers: { 201: jsonContent(ZBudgetRevision, 'Revisjonen') },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, year: c.req.valid('param').year, ...c.req.valid('json') };
  return c.json(withVersion(await addBudgetRevision(c.var.db, actorOf(currentUser(c)), options)), 201);
});
