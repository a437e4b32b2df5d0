// HTTP for review comments on a section: staff comment while the report is open; the section's owners
// and the report's leader resolve them. Each answers the whole report (staff read the comments in it).
import { createRoute } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, errorResponses, jsonBody, jsonContent, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import { addComment, resolveComment } from '../comments.service.js';
import { ZAddCommentRequest, ZReport } from '../model.js';
import { REPORT_WRITERS } from '../policy.js';

const tags = ['Rapporter'];

export const commentRoutes = createRouter();

commentRoutes.openapi(createRoute({
  method: 'post', path: '/api/report-sections/{id}/comments', tags, summary: 'Merknad til en seksjon (ansatte, mens rapporten er åpen)',
  middleware: [requireRole(...REPORT_WRITERS), cooperationScope] as const,
  request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZAddCommentRequest) },
  responses: { 201: jsonContent(ZReport, 'Rapporten'), ...errorResponses },
}), async (c) => c.json(await addComment(c.var.db, currentUser(c), {
  sectionId: c.req.valid('param').id, cooperationId: c.var.cooperationId, ...c.req.valid('json'),
}), 201));

commentRoutes.openapi(createRoute({
  method: 'post', path: '/api/report-comments/{id}/resolve', tags, summary: 'Løs en merknad (seksjonens eiere og lederen; 409 hvis allerede løst)',
  middleware: [requireRole(...REPORT_WRITERS), cooperationScope] as const,
  request: { params: ZIdParam, query: ZCooperationQuery },
  responses: { 200: jsonContent(ZReport, 'Rapporten'), ...errorResponses },
}), async (c) => c.json(await resolveComment(c.var.db, currentUser(c), { id: c.req.valid('param').id, cooperationId: c.var.cooperationId }), 200));
