// HTTP for the lines a cooperation budgets on (expense types and investment projects) and the account
// mapping the ledger import puts rows on lines by. Registered before the /{year}/… routes, so "lines"
// is never read as a year.
import { z } from '@hono/zod-openapi';
import { currentUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import { resolveCooperationId } from '../../org/cooperations.service.js';
import { listAccountMappings, setAccountMapping } from '../actuals.service.js';
import { createLine, getLine, listLines, setLineOrder, updateLine } from '../lines.service.js';
import {
  ZAccountMapping, ZAccountMappingRequest, ZCreateLineRequest, ZEconomyLine, ZLineOrderRequest, ZLinesQuery, ZUpdateLineRequest,
} from '../model.js';
import { readers, tags, writers } from './shared.js';

export const lineRoutes = createRouter();

lineRoutes.openapi(route({
  method: 'get', path: '/api/economy/lines', tags, summary: 'Utgiftstyper og investeringsprosjekter', access: [readers, cooperationScope],
  request: { query: ZLinesQuery }, answers: { 200: jsonContent(z.object({ lines: z.array(ZEconomyLine) }), 'Linjene') },
}), async (c) => c.json({ lines: await listLines(c.var.db, { cooperationId: c.var.cooperationId, kind: c.req.valid('query').kind }) }, 200));

// The cooperation is named in the body here (a form posts it with the line), so the route resolves it.
lineRoutes.openapi(route({
  method: 'post', path: '/api/economy/lines', tags, summary: 'Ny utgiftstype eller nytt investeringsprosjekt', access: [writers],
  request: jsonBody(ZCreateLineRequest), answers: { 201: jsonContent(ZEconomyLine, 'Linjen') },
}), async (c) => {
  const { cooperationId, ...request } = c.req.valid('json');
  const coop = await resolveCooperationId(c.var.db, cooperationId);
  return c.json(await createLine(c.var.db, actorOf(currentUser(c)), { cooperationId: coop, ...request }), 201);
});

// The order the papers print a kind's lines in: all of them, each once (400 otherwise), in one transaction.
lineRoutes.openapi(route({
  method: 'put', path: '/api/economy/lines/order', tags, summary: 'Sett rekkefølgen på utgiftstypene eller investeringsprosjektene',
  access: [writers, cooperationScope],
  request: { query: ZCooperationQuery, ...jsonBody(ZLineOrderRequest) },
  answers: { 200: jsonContent(z.object({ lines: z.array(ZEconomyLine) }), 'Linjene av typen i den nye rekkefølgen') },
}), async (c) => c.json({
  lines: await setLineOrder(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, ...c.req.valid('json') }),
}, 200));

lineRoutes.openapi(route({
  method: 'patch', path: '/api/economy/lines/{id}', tags, summary: 'Endre linje', access: [writers],
  request: { params: ZIdParam, ...jsonBody(ZUpdateLineRequest) }, answers: { 200: jsonContent(ZEconomyLine, 'Linjen') },
}), async (c) => {
  const { id } = c.req.valid('param');
  await getLine(c.var.db, id);
  return c.json(await updateLine(c.var.db, actorOf(currentUser(c)), { id, ...c.req.valid('json') }), 200);
});

lineRoutes.openapi(route({
  method: 'get', path: '/api/economy/account-mappings', tags, summary: 'Kontokobling for regnskapsimport', access: [readers, cooperationScope],
  request: { query: ZCooperationQuery }, answers: { 200: jsonContent(z.object({ mappings: z.array(ZAccountMapping) }), 'Koblingene') },
}), async (c) => c.json({ mappings: await listAccountMappings(c.var.db, c.var.cooperationId) }, 200));

lineRoutes.openapi(route({
  method: 'put', path: '/api/economy/account-mappings', tags, summary: 'Koble en konto eller et prosjekt til en linje',
  access: [writers, cooperationScope],
  request: { query: ZCooperationQuery, ...jsonBody(ZAccountMappingRequest) }, answers: { 200: jsonContent(ZAccountMapping, 'Koblingen') },
}), async (c) => c.json(await setAccountMapping(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 200));
