// HTTP for forecasts (the year-end estimate per line, with a comment) and explanations (the text beside
// a line in the report). Both are dated and kept; the lists are newest first.
import { z } from '@hono/zod-openapi';
import { currentUser } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, jsonBody, jsonContent, route, ZCooperationQuery } from '../../../server/openapi.js';
import { withVersion } from '../corrections.service.js';
import { addExplanation, addForecast, listExplanations, listForecasts } from '../forecasts.service.js';
import { ZExplanation, ZExplanationRequest, ZForecast, ZForecastRequest, ZForecastsQuery, ZYearParam } from '../model.js';
import { readers, tags, writers } from './shared.js';

export const forecastRoutes = createRouter();

forecastRoutes.openapi(route({
  method: 'get', path: '/api/economy/{year}/forecasts', tags, summary: 'Prognoser (nyeste først)', access: [readers, cooperationScope],
  request: { params: ZYearParam, query: ZForecastsQuery }, answers: { 200: jsonContent(z.object({ forecasts: z.array(ZForecast) }), 'Prognosene') },
}), async (c) => {
  const rows = await listForecasts(c.var.db, { cooperationId: c.var.cooperationId, year: c.req.valid('param').year, lineId: c.req.valid('query').lineId });
  return c.json({ forecasts: rows.map(withVersion) }, 200);
});

forecastRoutes.openapi(route({
  method: 'post', path: '/api/economy/{year}/forecasts', tags, summary: 'Ny prognose for en linje', access: [writers, cooperationScope],
  request: { params: ZYearParam, query: ZCooperationQuery, ...jsonBody(ZForecastRequest) }, answers: { 201: jsonContent(ZForecast, 'Prognosen') },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, year: c.req.valid('param').year, ...c.req.valid('json') };
  return c.json(withVersion(await addForecast(c.var.db, actorOf(currentUser(c)), options)), 201);
});

forecastRoutes.openapi(route({
  method: 'get', path: '/api/economy/{year}/explanations', tags, summary: 'Forklaringer (nyeste først)', access: [readers, cooperationScope],
  request: { params: ZYearParam, query: ZCooperationQuery },
  answers: { 200: jsonContent(z.object({ explanations: z.array(ZExplanation) }), 'Forklaringene') },
}), async (c) => c.json({ explanations: await listExplanations(c.var.db, { cooperationId: c.var.cooperationId, year: c.req.valid('param').year }) }, 200));

forecastRoutes.openapi(route({
  method: 'post', path: '/api/economy/{year}/explanations', tags, summary: 'Forklaring til en linje', access: [writers, cooperationScope],
  request: { params: ZYearParam, query: ZCooperationQuery, ...jsonBody(ZExplanationRequest) },
  answers: { 201: jsonContent(ZExplanation, 'Forklaringen') },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, year: c.req.valid('param').year, ...c.req.valid('json') };
  return c.json(await addExplanation(c.var.db, actorOf(currentUser(c)), options), 201);
});
