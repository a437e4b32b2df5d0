// HTTP for taking a fresh install into use: the set-up page posts here with the token from the
// server's log, and leaves signed in as the install's first admin (docs/decisions/0012).
import { z } from '@hono/zod-openapi';
import { setSessionCookie } from '../../../server/auth/routes.js';
import { createSession } from '../../../server/auth/sessions.js';
import { createRouter, jsonBody, jsonContent, route } from '../../../server/openapi.js';
import { ZCompleteSetupRequest, ZCooperation, ZUser } from '../model.js';
import { completeSetup } from '../setup.service.js';
import { cooperationJson } from './shared.js';

export const setupRoutes = createRouter();

setupRoutes.openapi(route({
  method: 'post', path: '/api/setup', tags: ['Organisasjon'],
  summary: 'Sett opp installasjonen: første administrator og samarbeidet (engangslenke fra serverloggen)',
  request: jsonBody(ZCompleteSetupRequest),
  answers: { 201: jsonContent(z.object({ user: ZUser, cooperation: ZCooperation }), 'Satt opp; administratoren er logget inn') },
}), async (c) => {
  const { user, cooperation } = await completeSetup(c.var.db, c.req.valid('json'));
  const { token, expiresAt } = await createSession(c.var.db, user.id);
  setSessionCookie(c, token, expiresAt);
  return c.json({
    user: { ...user, createdAt: user.createdAt.toISOString() },
    cooperation: cooperationJson(cooperation),
  }, 201);
});
