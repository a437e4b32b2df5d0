// HTTP for stock counts, orders and the lifecycle rules. Staff record them; a municipality user reads
// their own municipality's counts and orders.
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import { listLifecycleRules, setLifecycleRule } from '../lifecycle.service.js';
import {
  ZCreateOrderRequest, ZCreateStockCountRequest, ZLifecycleRule, ZOrder, ZOrderListQuery, ZOrderStepRequest, ZStockCount,
} from '../model.js';
import { DEVICE_READERS, EQUIPMENT_KEEPERS, municipalityScopeOf } from '../policy.js';
import { createOrder, listOrders, listStockCounts, recordStockCount, stepOrder } from '../stock.service.js';
import { tags } from './status.js';

const keepers = requireRole(...EQUIPMENT_KEEPERS);
const readers = requireRole(...DEVICE_READERS);

export const equipmentStockRoutes = createRouter();

equipmentStockRoutes.openapi(route({
  method: 'get', path: '/api/equipment/stock-counts', tags, summary: 'Lagertellinger, nyeste først', access: [readers, cooperationScope],
  request: { query: ZCooperationQuery }, answers: { 200: jsonContent(z.object({ counts: z.array(ZStockCount) }), 'Tellingene') },
}), async (c) => c.json({ counts: await listStockCounts(c.var.db, { cooperationId: c.var.cooperationId, municipalityId: municipalityScopeOf(currentUser(c)) }) }, 200));

equipmentStockRoutes.openapi(route({
  method: 'post', path: '/api/equipment/stock-counts', tags, summary: 'Registrer en lagertelling', access: [keepers, cooperationScope],
  request: { query: ZCooperationQuery, ...jsonBody(ZCreateStockCountRequest) }, answers: { 201: jsonContent(ZStockCount, 'Tellingen') },
}), async (c) => c.json(await recordStockCount(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 201));

equipmentStockRoutes.openapi(route({
  method: 'get', path: '/api/equipment/orders', tags, summary: 'Bestillinger av PC-er med stegene', access: [readers, cooperationScope],
  request: { query: ZOrderListQuery }, answers: { 200: jsonContent(z.object({ orders: z.array(ZOrder) }), 'Bestillingene') },
}), async (c) => c.json({
  orders: await listOrders(c.var.db, { cooperationId: c.var.cooperationId, municipalityId: municipalityScopeOf(currentUser(c)), state: c.req.valid('query').state }),
}, 200));

equipmentStockRoutes.openapi(route({
  method: 'post', path: '/api/equipment/orders', tags, summary: 'Registrer en bestilling',
  access: [keepers, cooperationScope], request: { query: ZCooperationQuery, ...jsonBody(ZCreateOrderRequest) }, answers: { 201: jsonContent(ZOrder, 'Bestillingen') },
}), async (c) => c.json(await createOrder(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 201));

equipmentStockRoutes.openapi(route({
  method: 'post', path: '/api/equipment/orders/{id}/steps', tags, summary: 'Neste steg for en bestilling: levert, utlevert eller kansellert',
  access: [keepers, cooperationScope], request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZOrderStepRequest) }, answers: { 201: jsonContent(ZOrder, 'Bestillingen') },
}), async (c) => c.json(await stepOrder(c.var.db, actorOf(currentUser(c)), {
  cooperationId: c.var.cooperationId, id: c.req.valid('param').id, ...c.req.valid('json'),
}), 201));

equipmentStockRoutes.openapi(route({
  method: 'get', path: '/api/equipment/lifecycle-rules', tags, summary: 'Levetidsregler per kommune og kategori (uten regel: 5 år fra kjøp)',
  access: [keepers, cooperationScope], request: { query: ZCooperationQuery },
  answers: { 200: jsonContent(z.object({ rules: z.array(ZLifecycleRule) }), 'Reglene') },
}), async (c) => c.json({ rules: await listLifecycleRules(c.var.db, c.var.cooperationId) }, 200));

equipmentStockRoutes.openapi(route({
  method: 'put', path: '/api/equipment/lifecycle-rules', tags, summary: 'Sett levetidsregelen for én kommune og kategori',
  access: [keepers, cooperationScope], request: { query: ZCooperationQuery, ...jsonBody(ZLifecycleRule) },
  answers: { 200: jsonContent(ZLifecycleRule, 'Regelen') },
}), async (c) => c.json(await setLifecycleRule(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 200));
