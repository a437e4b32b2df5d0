// HTTP for the annual report's entered figures (staffing, sick leave, historical figures): staff read
// and replace a year's set whole, with the version they read.
import { createRoute } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, errorResponses, jsonBody, jsonContent, ZCooperationQuery } from '../../../server/openapi.js';
import { getEnteredFigures, setEnteredFigures } from '../figures.service.js';
import { ZEnteredFigures, ZFiguresYearParam, ZSetEnteredFiguresRequest } from '../model.js';
import { REPORT_WRITERS } from '../policy.js';

const tags = ['Rapporter'];

export const figuresRoutes = createRouter();

figuresRoutes.openapi(createRoute({
  method: 'get', path: '/api/report-figures/{year}', tags, summary: 'Registrerte tall for årsrapporten (bemanning, sykefravær, historiske tall)',
  middleware: [requireRole(...REPORT_WRITERS), cooperationScope] as const,
  request: { params: ZFiguresYearParam, query: ZCooperationQuery },
  responses: { 200: jsonContent(ZEnteredFigures, 'Årets registrerte tall'), ...errorResponses },
}), async (c) => c.json(await getEnteredFigures(c.var.db, { cooperationId: c.var.cooperationId, year: c.req.valid('param').year }), 200));

figuresRoutes.openapi(createRoute({
  method: 'put', path: '/api/report-figures/{year}', tags, summary: 'Erstatt årets registrerte tall',
  middleware: [requireRole(...REPORT_WRITERS), cooperationScope] as const,
  request: { params: ZFiguresYearParam, query: ZCooperationQuery, ...jsonBody(ZSetEnteredFiguresRequest) },
  responses: { 200: jsonContent(ZEnteredFigures, 'Årets registrerte tall'), ...errorResponses },
}), async (c) => c.json(await setEnteredFigures(c.var.db, actorOf(currentUser(c)), {
  cooperationId: c.var.cooperationId, year: c.req.valid('param').year, ...c.req.valid('json'),
}), 200));
