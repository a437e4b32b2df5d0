// HTTP for positions (stillinger): a person's stillingsprosent per department over time. Admins keep
// them; staff and the council read them, as they read the staffing; municipality users do not.
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { createRouter, jsonBody, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { ZChangePositionRequest, ZCreatePositionRequest, ZPosition, ZPositionChange, ZPositionsQuery, ZUpdatePositionRequest } from '../model.js';
import { POSITION_KEEPERS, STAFFING_READERS } from '../policy.js';
import { changePosition, createPosition, deletePosition, getPosition, listPositions, listPositionsOfPerson, updatePosition } from '../positions.service.js';
import { rowRoutes, tags } from './shared.js';

export const positionRoutes = createRouter();

positionRoutes.openapi(route({
  method: 'get', path: '/api/positions', tags, summary: 'Samarbeidets stillinger, valgfritt bare de som løper på en dag (on)',
  access: [requireRole(...STAFFING_READERS)],
  request: { query: ZPositionsQuery }, answers: { 200: jsonContent(z.object({ positions: z.array(ZPosition) }), 'Stillingene') },
}), async (c) => c.json({ positions: await listPositions(c.var.db, c.req.valid('query')) }, 200));

positionRoutes.openapi(route({
  method: 'get', path: '/api/people/{id}/positions', tags, summary: 'Personens stillinger over tid, eldste først',
  access: [requireRole(...STAFFING_READERS)],
  request: { params: ZIdParam }, answers: { 200: jsonContent(z.object({ positions: z.array(ZPosition) }), 'Stillingene') },
}), async (c) => c.json({ positions: await listPositionsOfPerson(c.var.db, c.req.valid('param').id) }, 200));

positionRoutes.openapi(route({
  method: 'post', path: '/api/people/{id}/positions', tags,
  summary: 'Ny stilling (ikke overlappende i samme avdeling, høyst 100 % i alt på en dag)', access: [requireRole(...POSITION_KEEPERS)],
  request: { params: ZIdParam, ...jsonBody(ZCreatePositionRequest) }, answers: { 201: jsonContent(ZPosition, 'Opprettet') },
}), async (c) => c.json(await createPosition(c.var.db, actorOf(currentUser(c)), { personId: c.req.valid('param').id, ...c.req.valid('json') }), 201));

positionRoutes.openapi(route({
  method: 'post', path: '/api/positions/{id}/change', tags,
  summary: 'Endre stillingsprosent, tittel eller avdeling fra en dato: stillingen slutter dagen før, en ny begynner (én handling)',
  access: [requireRole(...POSITION_KEEPERS)],
  request: { params: ZIdParam, ...jsonBody(ZChangePositionRequest) }, answers: { 201: jsonContent(ZPositionChange, 'Den avsluttede og den nye stillingen') },
}), async (c) => c.json(await changePosition(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') }), 201));

rowRoutes(positionRoutes, '/api/positions/{id}', ZPosition, {
  read: { summary: 'Én stilling', access: [requireRole(...STAFFING_READERS)], noun: 'Stillingen', run: (db, id) => getPosition(db, id) },
  edit: { summary: 'Rett eller avslutt en stilling (endDate)', access: [requireRole(...POSITION_KEEPERS)], body: ZUpdatePositionRequest, run: updatePosition },
  remove: { summary: 'Slett en stilling registrert ved en feil', access: [requireRole(...POSITION_KEEPERS)], run: deletePosition },
});
