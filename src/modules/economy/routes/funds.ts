// HTTP for the cooperation's funds: the year's balances and movements (readers), a new fund and a
// movement into or out of one (writers).
import { currentUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import { addFundMovement, createFund, getFundsYear } from '../funds.service.js';
import { ZCreateFundRequest, ZFund, ZFundMovement, ZFundMovementRequest, ZFundsYear, ZYearParam } from '../model.js';
import { readers, tags, writers } from './shared.js';

export const fundRoutes = createRouter();

fundRoutes.openapi(route({
  method: 'get', path: '/api/economy/{year}/funds', tags, summary: 'Fondene: saldo 1.1, avsetning, bruk og saldo 31.12', access: [readers, cooperationScope],
  request: { params: ZYearParam, query: ZCooperationQuery }, answers: { 200: jsonContent(ZFundsYear, 'Fondene i året') },
}), async (c) => c.json(await getFundsYear(c.var.db, { cooperationId: c.var.cooperationId, year: c.req.valid('param').year }), 200));

fundRoutes.openapi(route({
  method: 'post', path: '/api/economy/funds', tags, summary: 'Nytt fond', access: [writers, cooperationScope],
  request: { query: ZCooperationQuery, ...jsonBody(ZCreateFundRequest) }, answers: { 201: jsonContent(ZFund, 'Fondet') },
}), async (c) => c.json(await createFund(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 201));

fundRoutes.openapi(route({
  method: 'post', path: '/api/economy/funds/{id}/movements', tags,
  summary: 'Inngående saldo, avsetning til eller bruk av et fond (409 når fondet ikke har nok)', access: [writers, cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZFundMovementRequest) }, answers: { 201: jsonContent(ZFundMovement, 'Bevegelsen') },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, fundId: c.req.valid('param').id, ...c.req.valid('json') };
  return c.json(await addFundMovement(c.var.db, actorOf(currentUser(c)), options), 201);
});
