// HTTP for procurements: staff move them through their stages, the council reads them. The moment of a
// request is the real time, or the test clock's in end-to-end tests (server/request-clock.ts).
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import { requestNow } from '../../../server/request-clock.js';
import {
  ZAwardRequest, ZCreateProcurementRequest, ZLinkProcurementCaseRequest, ZProcurement, ZProcurementCaseParams, ZProcurementList, ZSignContractRequest,
  ZUpdateProcurementRequest,
} from '../model.js';
import { PORTFOLIO_EDITORS, PROCUREMENT_READERS } from '../policy.js';
import {
  awardProcurement, createProcurement, getProcurement, linkProcurementCase, listProcurements, signContract, unlinkProcurementCase, updateProcurement,
} from '../procurements.service.js';

const tags = ['Portefølje'];
const readers = requireRole(...PROCUREMENT_READERS);
const editors = requireRole(...PORTFOLIO_EDITORS);

export const procurementRoutes = createRouter();

procurementRoutes.openapi(route({
  method: 'get', path: '/api/portfolio/procurements', tags, summary: 'Anskaffelsene med trinn, karensperiodens slutt og om kontrakten kan signeres', access: [readers, cooperationScope],
  request: { query: ZCooperationQuery }, answers: { 200: jsonContent(ZProcurementList, 'Anskaffelsene') },
}), async (c) => c.json({ procurements: await listProcurements(c.var.db, { cooperationId: c.var.cooperationId, now: requestNow(c) }) }, 200));

procurementRoutes.openapi(route({
  method: 'post', path: '/api/portfolio/procurements', tags, summary: 'Ny anskaffelse', access: [editors, cooperationScope],
  request: { query: ZCooperationQuery, ...jsonBody(ZCreateProcurementRequest) }, answers: { 201: jsonContent(ZProcurement, 'Anskaffelsen') },
}), async (c) => c.json(await createProcurement(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, now: requestNow(c), ...c.req.valid('json') }), 201));

procurementRoutes.openapi(route({
  method: 'get', path: '/api/portfolio/procurements/{id}', tags, summary: 'Én anskaffelse', access: [readers],
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZProcurement, 'Anskaffelsen') },
}), async (c) => c.json(await getProcurement(c.var.db, { ...c.req.valid('param'), now: requestNow(c) }), 200));

procurementRoutes.openapi(route({
  method: 'patch', path: '/api/portfolio/procurements/{id}', tags, summary: 'Flytt en anskaffelse fram til evaluering (Doffin-referanse, tilbudsfrist)', access: [editors],
  request: { params: ZIdParam, ...jsonBody(ZUpdateProcurementRequest) }, answers: { 200: jsonContent(ZProcurement, 'Anskaffelsen') },
}), async (c) => c.json(await updateProcurement(c.var.db, actorOf(currentUser(c)), { ...c.req.valid('param'), ...c.req.valid('json'), now: requestNow(c) }), 200));

procurementRoutes.openapi(route({
  method: 'post', path: '/api/portfolio/procurements/{id}/award', tags, summary: 'Tildelingen er sendt til alle leverandørene: karensperioden begynner', access: [editors],
  request: { params: ZIdParam, ...jsonBody(ZAwardRequest) }, answers: { 200: jsonContent(ZProcurement, 'Anskaffelsen') },
}), async (c) => c.json(await awardProcurement(c.var.db, actorOf(currentUser(c)), { ...c.req.valid('param'), ...c.req.valid('json'), now: requestNow(c) }), 200));

procurementRoutes.openapi(route({
  method: 'post', path: '/api/portfolio/procurements/{id}/sign', tags, summary: 'Kontrakten er signert (avvises før karensperioden er over)', access: [editors],
  request: { params: ZIdParam, ...jsonBody(ZSignContractRequest) }, answers: { 200: jsonContent(ZProcurement, 'Anskaffelsen') },
}), async (c) => c.json(await signContract(c.var.db, actorOf(currentUser(c)), { ...c.req.valid('param'), ...c.req.valid('json'), now: requestNow(c) }), 200));

procurementRoutes.openapi(route({
  method: 'post', path: '/api/portfolio/procurements/{id}/cases', tags, summary: 'Knytt anskaffelsen til en sak i et organ (rådets vedtak, en orientering)', access: [editors],
  request: { params: ZIdParam, ...jsonBody(ZLinkProcurementCaseRequest) }, answers: { 201: jsonContent(ZProcurement, 'Anskaffelsen med sakene') },
}), async (c) => c.json(await linkProcurementCase(c.var.db, actorOf(currentUser(c)), { ...c.req.valid('param'), ...c.req.valid('json'), now: requestNow(c) }), 201));

procurementRoutes.openapi(route({
  method: 'delete', path: '/api/portfolio/procurements/{id}/cases/{caseId}', tags, summary: 'Fjern en sak fra anskaffelsen', access: [editors],
  request: { params: ZProcurementCaseParams }, answers: { 200: jsonContent(ZProcurement, 'Anskaffelsen med sakene') },
}), async (c) => c.json(await unlinkProcurementCase(c.var.db, actorOf(currentUser(c)), { ...c.req.valid('param'), now: requestNow(c) }), 200));
