// HTTP for exit settlements (utmeldingsoppgjør): staff and admin make a draft for a membership that ends,
// add decided amounts, and decide it with the council case; staff and council read every settlement, a
// municipality user its own municipality's only; the public none (they read the council's papers).
import { currentUser, requireUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import {
  addExitSettlementLine, createExitSettlement, decideExitSettlement, deleteExitSettlement, deleteExitSettlementLine, getExitSettlement,
  listExitSettlements,
} from '../exit-settlements.service.js';
import {
  ZCreateExitSettlementRequest, ZDecideExitSettlementRequest, ZExitSettlement, ZExitSettlementLineParams, ZExitSettlementLineRequest, ZExitSettlements,
} from '../model.js';
import { economyViewOf } from '../policy.js';
import { tags, writers } from './shared.js';

export const exitSettlementRoutes = createRouter();

exitSettlementRoutes.openapi(route({
  method: 'get', path: '/api/economy/exit-settlements', tags,
  summary: 'Utmeldingsoppgjørene og medlemskapene som er avsluttet (kommunebrukere ser egen kommune)', access: [requireUser, cooperationScope],
  request: { query: ZCooperationQuery }, answers: { 200: jsonContent(ZExitSettlements, 'Oppgjørene og utmeldingene') },
}), async (c) => c.json(await listExitSettlements(c.var.db, { cooperationId: c.var.cooperationId, view: economyViewOf(currentUser(c)) }), 200));

exitSettlementRoutes.openapi(route({
  method: 'get', path: '/api/economy/exit-settlements/{id}', tags, summary: 'Ett utmeldingsoppgjør', access: [requireUser, cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery }, answers: { 200: jsonContent(ZExitSettlement, 'Oppgjøret') },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, id: c.req.valid('param').id, view: economyViewOf(currentUser(c)) };
  return c.json(await getExitSettlement(c.var.db, options), 200);
});

exitSettlementRoutes.openapi(route({
  method: 'post', path: '/api/economy/exit-settlements', tags,
  summary: 'Nytt utmeldingsoppgjør (utkast) for et medlemskap som avsluttes; 409 når det finnes fra før', access: [writers, cooperationScope],
  request: { query: ZCooperationQuery, ...jsonBody(ZCreateExitSettlementRequest) }, answers: { 201: jsonContent(ZExitSettlement, 'Oppgjøret') },
}), async (c) => c.json(await createExitSettlement(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 201));

exitSettlementRoutes.openapi(route({
  method: 'delete', path: '/api/economy/exit-settlements/{id}', tags, summary: 'Slett et utkast (409 når oppgjøret er vedtatt)',
  access: [writers, cooperationScope], request: { params: ZIdParam, query: ZCooperationQuery }, answers: { 204: { description: 'Slettet' } },
}), async (c) => {
  await deleteExitSettlement(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, id: c.req.valid('param').id });
  return c.body(null, 204);
});

exitSettlementRoutes.openapi(route({
  method: 'post', path: '/api/economy/exit-settlements/{id}/lines', tags, summary: 'Vedtatt beløp i et utkast (hele kroner; 409 når oppgjøret er vedtatt)',
  access: [writers, cooperationScope], request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZExitSettlementLineRequest) },
  answers: { 201: jsonContent(ZExitSettlement, 'Oppgjøret med linjen') },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, id: c.req.valid('param').id, ...c.req.valid('json') };
  return c.json(await addExitSettlementLine(c.var.db, actorOf(currentUser(c)), options), 201);
});

exitSettlementRoutes.openapi(route({
  method: 'delete', path: '/api/economy/exit-settlements/{id}/lines/{lineId}', tags, summary: 'Fjern et vedtatt beløp fra et utkast',
  access: [writers, cooperationScope], request: { params: ZExitSettlementLineParams, query: ZCooperationQuery },
  answers: { 200: jsonContent(ZExitSettlement, 'Oppgjøret uten linjen') },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, ...c.req.valid('param') };
  return c.json(await deleteExitSettlementLine(c.var.db, actorOf(currentUser(c)), options), 200);
});

exitSettlementRoutes.openapi(route({
  method: 'post', path: '/api/economy/exit-settlements/{id}/decide', tags,
  summary: 'Vedta oppgjøret med saksnummeret (400 uten); nøkkellinjene lagres, og oppgjøret kan ikke endres etterpå',
  access: [writers, cooperationScope], request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZDecideExitSettlementRequest) },
  answers: { 200: jsonContent(ZExitSettlement, 'Det vedtatte oppgjøret') },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, id: c.req.valid('param').id, ...c.req.valid('json') };
  return c.json(await decideExitSettlement(c.var.db, actorOf(currentUser(c)), options), 200);
});
