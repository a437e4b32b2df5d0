// HTTP for the glossary the reports print (Definisjoner og begreper): staff read and replace it whole.
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery } from '../../../server/openapi.js';
import { listGlossary, setGlossary } from '../glossary.service.js';
import { ZGlossary, ZSetGlossaryRequest } from '../model.js';
import { REPORT_READERS, REPORT_WRITERS } from '../policy.js';

const tags = ['Rapporter'];

export const glossaryRoutes = createRouter();

glossaryRoutes.openapi(route({
  method: 'get', path: '/api/report-glossary', tags, summary: 'Definisjoner og begreper', access: [requireRole(...REPORT_READERS), cooperationScope],
  request: { query: ZCooperationQuery }, answers: { 200: jsonContent(ZGlossary, 'Ordlisten') },
}), async (c) => c.json(await listGlossary(c.var.db, { cooperationId: c.var.cooperationId }), 200));

glossaryRoutes.openapi(route({
  method: 'put', path: '/api/report-glossary', tags, summary: 'Erstatt ordlisten', access: [requireRole(...REPORT_WRITERS), cooperationScope],
  request: { query: ZCooperationQuery, ...jsonBody(ZSetGlossaryRequest) }, answers: { 200: jsonContent(ZGlossary, 'Ordlisten') },
}), async (c) => c.json(await setGlossary(c.var.db, actorOf(currentUser(c)), { cooperationId: c.var.cooperationId, ...c.req.valid('json') }), 200));
