// HTTP for one case: read (through the same view as the meeting), change with the revision the client
// read, delete (refused once its number is sent out). Cases are created on a meeting: routes/meetings.ts.
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole, requireUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, jsonBody, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { deleteCase, updateCase } from '../cases.service.js';
import { ZCaseView, ZRedactedCaseView, ZUpdateCaseRequest } from '../model.js';
import { recordExemptCaseRead } from '../exempt-reads.js';
import { getCaseView } from '../views.service.js';
import { deleteRoute } from '../../../server/delete-route.js';

const tags = ['Saker'];

export const caseRoutes = createRouter();

caseRoutes.openapi(route({
  method: 'get', path: '/api/cases/{id}', tags, summary: 'Én sak (unntatt innhold bare for ansatte og rådet)', access: [requireUser],
  request: { params: ZIdParam }, answers: { 200: jsonContent(z.union([ZCaseView, ZRedactedCaseView]), 'Saken') },
}), async (c) => {
  const user = currentUser(c);
  const view = await getCaseView(c.var.db, c.req.valid('param').id, user);
  if ('id' in view) await recordExemptCaseRead(c.var.db, user, view);
  return c.json(view, 200);
});

caseRoutes.openapi(route({
  method: 'patch', path: '/api/cases/{id}', tags, summary: 'Endre sak (med revisjonen du leste; 409 hvis den er utdatert)',
  access: [requireRole('staff')],
  request: { params: ZIdParam, ...jsonBody(ZUpdateCaseRequest) }, answers: { 200: jsonContent(ZCaseView, 'Saken') },
}), async (c) => {
  const user = currentUser(c);
  const { id } = c.req.valid('param');
  await updateCase(c.var.db, actorOf(user), { id, ...c.req.valid('json') });
  return c.json(await getCaseView(c.var.db, id, user) as z.infer<typeof ZCaseView>, 200);
});

deleteRoute(caseRoutes, { path: '/api/cases/{id}', tags, summary: 'Slett sak (ikke etter at nummeret er sendt ut)', access: [requireRole('staff')] }, deleteCase);
