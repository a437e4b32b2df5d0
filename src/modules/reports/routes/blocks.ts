// HTTP for data blocks: the registered types, a section's blocks, and the report's block data as the
// page shows it (charts as SVG with their figures).
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import { addBlock, deleteBlock, updateBlock } from '../blocks.service.js';
import { listBlockDefinitions } from '../blocks/registry.js';
import { ZAddBlockRequest, ZBlockTypeList, ZReport, ZReportData, ZUpdateBlockRequest } from '../model.js';
import { REPORT_READERS, REPORT_WRITERS } from '../policy.js';
import { renderReportData } from '../rendering.service.js';

const tags = ['Rapporter'];
const writers = requireRole(...REPORT_WRITERS);

export const reportBlockRoutes = createRouter();

reportBlockRoutes.openapi(route({
  method: 'get', path: '/api/report-block-types', tags, summary: 'Datablokktypene modulene har registrert', access: [writers],
  answers: { 200: jsonContent(ZBlockTypeList, 'Typene') },
}), async (c) => c.json({
  types: listBlockDefinitions().map((d) => ({
    type: d.type, module: d.module, label: d.label, description: d.description,
    paramsSchema: z.toJSONSchema(d.params, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
  })),
}, 200));

reportBlockRoutes.openapi(route({
  method: 'post', path: '/api/report-sections/{id}/blocks', tags, summary: 'Legg til en datablokk i seksjonen', access: [writers, cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZAddBlockRequest) }, answers: { 201: jsonContent(ZReport, 'Rapporten') },
}), async (c) => c.json(await addBlock(c.var.db, currentUser(c), {
  sectionId: c.req.valid('param').id, cooperationId: c.var.cooperationId, ...c.req.valid('json'),
}), 201));

reportBlockRoutes.openapi(route({
  method: 'patch', path: '/api/report-blocks/{id}', tags, summary: 'Endre en datablokks parametre eller plass', access: [writers, cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZUpdateBlockRequest) }, answers: { 200: jsonContent(ZReport, 'Rapporten') },
}), async (c) => c.json(await updateBlock(c.var.db, currentUser(c), {
  id: c.req.valid('param').id, cooperationId: c.var.cooperationId, ...c.req.valid('json'),
}), 200));

reportBlockRoutes.openapi(route({
  method: 'delete', path: '/api/report-blocks/{id}', tags, summary: 'Fjern en datablokk', access: [writers, cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery }, answers: { 200: jsonContent(ZReport, 'Rapporten') },
}), async (c) => c.json(await deleteBlock(c.var.db, currentUser(c), { id: c.req.valid('param').id, cooperationId: c.var.cooperationId }), 200));

reportBlockRoutes.openapi(route({
  method: 'get', path: '/api/reports/{id}/data', tags, summary: 'Rapportens datablokker med tall og figurer (frosne etter godkjenning)',
  access: [requireRole(...REPORT_READERS), cooperationScope],
  request: { params: ZIdParam, query: ZCooperationQuery }, answers: { 200: jsonContent(ZReportData, 'Blokkene') },
}), async (c) => c.json({ blocks: await renderReportData(c.var.db, currentUser(c), { id: c.req.valid('param').id, cooperationId: c.var.cooperationId }) }, 200));
