// HTTP for report templates: staff read them, an admin creates and edits the section tree.
import { createRoute } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, errorResponses, jsonBody, jsonContent, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import { ZCreateTemplateRequest, ZReportTemplate, ZReportTemplateList, ZUpdateTemplateRequest } from '../model.js';
import { REPORT_WRITERS } from '../policy.js';
import { createTemplate, getTemplate, listTemplates, updateTemplate } from '../templates.service.js';

const tags = ['Rapporter'];
/** requireRole with no roles admits admin only. */
const admin = requireRole();

export const reportTemplateRoutes = createRouter();

reportTemplateRoutes.openapi(createRoute({
  method: 'get', path: '/api/report-templates', tags, summary: 'Rapportmaler (seksjonstrær per rapporttype)',
  middleware: [requireRole(...REPORT_WRITERS), cooperationScope] as const,
  request: { query: ZCooperationQuery },
  responses: { 200: jsonContent(ZReportTemplateList, 'Malene'), ...errorResponses },
}), async (c) => c.json({ templates: await listTemplates(c.var.db, { cooperationId: c.var.cooperationId }) }, 200));

reportTemplateRoutes.openapi(createRoute({
  method: 'get', path: '/api/report-templates/{id}', tags, summary: 'Én rapportmal',
  middleware: [requireRole(...REPORT_WRITERS), cooperationScope] as const,
  request: { params: ZIdParam, query: ZCooperationQuery },
  responses: { 200: jsonContent(ZReportTemplate, 'Malen'), ...errorResponses },
}), async (c) => c.json(await getTemplate(c.var.db, { id: c.req.valid('param').id, cooperationId: c.var.cooperationId }), 200));

reportTemplateRoutes.openapi(createRoute({
  method: 'post', path: '/api/report-templates', tags, summary: 'Ny rapportmal (administrator)',
  middleware: [admin, cooperationScope] as const,
  request: { query: ZCooperationQuery, ...jsonBody(ZCreateTemplateRequest) },
  responses: { 201: jsonContent(ZReportTemplate, 'Malen'), ...errorResponses },
}), async (c) => c.json(await createTemplate(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 201));

reportTemplateRoutes.openapi(createRoute({
  method: 'patch', path: '/api/report-templates/{id}', tags, summary: 'Endre rapportmal (hele treet, med revisjonen du leste; 409 hvis utdatert)',
  middleware: [admin, cooperationScope] as const,
  request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZUpdateTemplateRequest) },
  responses: { 200: jsonContent(ZReportTemplate, 'Malen'), ...errorResponses },
}), async (c) => c.json(await updateTemplate(c.var.db, actorOf(currentUser(c)), {
  id: c.req.valid('param').id, cooperationId: c.var.cooperationId, ...c.req.valid('json'),
}), 200));
