// HTTP for the annual report's acceptance by the member municipalities: the report's leader records,
// per municipality, who accepted the approved report and when. Answers the whole report.
import { createRoute } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, errorResponses, jsonBody, jsonContent, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import { recordAcceptance } from '../acceptances.service.js';
import { ZRecordAcceptanceRequest, ZReport } from '../model.js';
import { REPORT_WRITERS } from '../policy.js';

const tags = ['Rapporter'];

export const acceptanceRoutes = createRouter();

acceptanceRoutes.openapi(createRoute({
  method: 'post', path: '/api/reports/{id}/acceptances', tags,
  summary: 'Registrer at en medlemskommune har godkjent årsrapporten (lederen; 409 om rapporten ikke er godkjent eller kommunen er registrert)',
  middleware: [requireRole(...REPORT_WRITERS), cooperationScope] as const,
  request: { params: ZIdParam, query: ZCooperationQuery, ...jsonBody(ZRecordAcceptanceRequest) },
  responses: { 201: jsonContent(ZReport, 'Rapporten'), ...errorResponses },
}), async (c) => c.json(await recordAcceptance(c.var.db, currentUser(c), {
  id: c.req.valid('param').id, cooperationId: c.var.cooperationId, ...c.req.valid('json'),
}), 201));
