// HTTP for report templates: staff read them, an admin creates and edits the section tree.
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import { ZCreateTemplateRequest, ZReportTemplate, ZReportTemplateList, ZUpdateTemplateRequest } from '../model.js';
import { REPORT_WRITERS } from '../policy.js';
import { createTemplate, getTemplate, listTemplates, updateTemplate } from '../templates.service.js';

const tags = ['Rapporter'];
/** requireRole with no roles admits admin only. */
const admin = requireRole();

export const reportTemplateRoutes = createRouter();

reportTemplateRoutes.openapi(route({
  method: 'get', path: '/api/report-templates', tags, summary: 'Rapportmaler (seksjonstrær per rapporttype)',
  access: [requireRole(...REPORT_WRITERS), cooperationScope],
  request: { query: ZCooperationQuery }, answers: { 200: jsonContent(ZReportTemplateList, 'Malene') },
}), async (c) => c.json({ templates: await listTemplates(c.var.db, { cooperationId: c.var.cooperationId }) }, 200));

reportTemplateRoutes.openapi(route({
  method: 'get', path: '/api/report-templates/{id}', tags, summary: 'Én rapportmal', access: [requireRole(...REPORT_WRITERS), cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery }, answers: { 200: jsonContent(ZReportTemplate, 'Malen') },
}), async (c) => c.json(await getTemplate(c.var.db, { id: c.req.valid('param').id, cooperationId: c.var.cooperationId }), 200));

reportTemplateRoutes.openapi(route({
  method: 'post', path: '/api/report-templates', tags, summary: 'Ny rapportmal (administrator)', access: [admin, cooperationScope],
  request: { query: ZCooperationQuery, ...jsonBody(ZCreateTemplateRequest) }, answers: { 201: jsonContent(ZReportTemplate, 'Malen') },
}), async (c) => c.json(await createTemplate(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 201));

reportTemplateRoutes.openapi(route({
  method: 'patch', path: '/api/report-templates/{id}', tags, summary: 'Endre rapportmal (hele treet, med revisjonen du leste; 409 hvis utdatert)',
  access: [admin, cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZUpdateTemplateRequest) },
  answers: { 200: jsonContent(ZReportTemplate, 'Malen') },
}), async (c) => c.json(await updateTemplate(c.var.db, actorOf(currentUser(c)), {
  id: c.req.valid('param').id, cooperationId: c.var.cooperationId, ...c.req.valid('json'),
}), 200));
