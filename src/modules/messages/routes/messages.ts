// HTTP for the in-app messages: every signed-in person reads their own list and marks a message read or
// unread. There is no role to refuse (everyone has a list) and no way to name someone else's list.
import { currentUser, requireUser } from '../../../server/auth/middleware.js';
import { createRouter, jsonBody, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { listMessages, markMessage } from '../messages.service.js';
import { ZUserMessage, ZUserMessageList, ZUserMessageListQuery, ZUserMessageReadRequest } from '../model.js';

const tags = ['Meldinger'];
export const messageRoutes = createRouter();

messageRoutes.openapi(route({
  method: 'get', path: '/api/messages', tags, summary: 'Mine meldinger i appen, nyeste først, og hvor mange som er uleste', access: [requireUser],
  request: { query: ZUserMessageListQuery }, answers: { 200: jsonContent(ZUserMessageList, 'Meldingene') },
}), async (c) => c.json(await listMessages(c.var.db, { email: currentUser(c).email, limit: c.req.valid('query').limit }), 200));

messageRoutes.openapi(route({
  method: 'put', path: '/api/messages/{id}/read', tags, summary: 'Marker en av mine meldinger som lest eller ulest', access: [requireUser],
  request: { params: ZIdParam, ...jsonBody(ZUserMessageReadRequest) }, answers: { 200: jsonContent(ZUserMessage, 'Meldingen') },
}), async (c) => c.json(await markMessage(c.var.db, { email: currentUser(c).email, id: c.req.valid('param').id, ...c.req.valid('json') }), 200));
