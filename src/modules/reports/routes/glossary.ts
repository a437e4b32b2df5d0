// HTTP for the glossary the reports print (Definisjoner og begreper): staff read and replace it whole.
import { createRoute } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, errorResponses, jsonBody, jsonContent, ZCooperationQuery } from '../../../server/openapi.js';
import { listGlossary, setGlossary } from '../glossary.service.js';
import { ZGlossary, ZSetGlossaryRequest } from '../model.js';
import { REPORT_READERS, REPORT_WRITERS } from '../policy.js';

const tags = ['Rapporter'];

export const glossaryRoutes = createRouter();

glossaryRoutes.openapi(createRoute({
  method: 'get', path: '/api/report-glossary', tags, summary: 'Definisjoner og begreper',
  middleware: [requireRole(...REPORT_READERS), cooperationScope] as const,
  request: { query: ZCooperationQuery },
  responses: { 200: jsonContent(ZGlossary, 'Ordlisten'), ...errorResponses },
}), async (c) => c.json(await listGlossary(c.var.db, { cooperationId: c.var.cooperationId }), 200));

glossaryRoutes.openapi(createRoute({
  method: 'put', path: '/api/report-glossary', tags, summary: 'Erstatt ordlisten',
  middleware: [requireRole(...REPORT_WRITERS), cooperationScope] as const,
  request: { query: ZCooperationQuery, ...jsonBody(ZSetGlossaryRequest) },
  responses: { 200: jsonContent(ZGlossary, 'Ordlisten'), ...errorResponses },
}), async (c) => c.json(await setGlossary(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 200));
