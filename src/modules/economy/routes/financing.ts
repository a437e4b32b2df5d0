// HTTP for the financing of a year (the key and the frames) and the year-end settlement. The council and
// staff read the cooperation's; a municipality user reads as a member (policy.ts): their own parts only.
import { z } from '@hono/zod-openapi';
import { currentUser, requireUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery } from '../../../server/openapi.js';
import { getFinancing, getMemberFinancing, getMemberSettlement, getSettlement, setFinancing } from '../financing.service.js';
import {
  ZAsOfQuery, ZFinancing, ZMemberFinancing, ZMemberSettlement, ZSetFinancingRequest, ZYearEndSettlement, ZYearParam,
} from '../model.js';
import { economyViewOf } from '../policy.js';
import { osloToday } from '../../../lib/oslo-time.js';
import { tags, writers } from './shared.js';

export const financingRoutes = createRouter();

financingRoutes.openapi(route({
  method: 'get', path: '/api/economy/{year}/financing', tags,
  summary: 'Finansiering: nøkkel, rammer og beløp per kommune (kommunebrukere ser egen kommune)', access: [requireUser, cooperationScope],
  request: { params: ZYearParam, query: ZCooperationQuery },
  answers: { 200: jsonContent(z.union([ZFinancing, ZMemberFinancing]), 'Finansieringen (for kommunebrukere bare egen andel)') },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, year: c.req.valid('param').year };
  const view = economyViewOf(currentUser(c));
  if (view.kind === 'member') return c.json(await getMemberFinancing(c.var.db, { ...options, municipalityId: view.municipalityId }), 200);
  return c.json(await getFinancing(c.var.db, options), 200);
});

financingRoutes.openapi(route({
  method: 'put', path: '/api/economy/{year}/financing', tags, summary: 'Sett nøkkel og rammer (nøkkelen må summere til nøyaktig 100 %)',
  access: [writers, cooperationScope],
  request: { params: ZYearParam, query: ZCooperationQuery, ...jsonBody(ZSetFinancingRequest) },
  answers: { 200: jsonContent(ZFinancing, 'Finansieringen') },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, year: c.req.valid('param').year, ...c.req.valid('json') };
  return c.json(await setFinancing(c.var.db, actorOf(currentUser(c)), options), 200);
});

financingRoutes.openapi(route({
  method: 'get', path: '/api/economy/{year}/settlement', tags,
  summary: 'Årsoppgjør: mer-/mindreforbruk per kommune etter nøkkelen, og investeringsprosjektenes ubrukte midler overført eller avregnet',
  access: [requireUser, cooperationScope],
  request: { params: ZYearParam, query: ZAsOfQuery },
  answers: { 200: jsonContent(z.union([ZYearEndSettlement, ZMemberSettlement]), 'Oppgjøret (for kommunebrukere bare egne andeler, når året er avsluttet)') },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, year: c.req.valid('param').year, asOf: c.req.valid('query').asOf };
  const view = economyViewOf(currentUser(c));
  if (view.kind === 'member') {
    return c.json(await getMemberSettlement(c.var.db, { ...options, municipalityId: view.municipalityId, today: osloToday() }), 200);
  }
  return c.json(await getSettlement(c.var.db, options), 200);
});
