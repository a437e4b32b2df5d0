// HTTP for the cooperation: the install's one (docs/decisions/0012), created once and kept by admins.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { currentUser, requireRole, requireUser } from '../../../server/auth/middleware.js';
import { actorOf, type AppEnv } from '../../../server/context.js';
import { createRouter, formBody, jsonBody, jsonContent, route, ZCooperationQuery, ZIdParam } from '../../../server/openapi.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { sendStoredFile } from '../../../server/files.js';
import { readUploadForm, validated } from '../../uploads/form.js';
import { uploadLimit, uploadRefusals } from '../../uploads/limits.js';
import { uploadQuotaOf } from '../../uploads/service.js';
import { createInstallCooperation, getCooperation, listCooperations, updateCooperation } from '../cooperations.service.js';
import { getCooperationLogo, removeCooperationLogo, setCooperationLogo } from '../letterhead.service.js';
import { ZCooperation, ZCreateCooperationRequest, ZRevisionQuery, ZUpdateCooperationRequest, ZUploadLogoRequest } from '../model.js';
import { cooperationJson, tags } from './shared.js';

export const cooperationRoutes = createRouter();

cooperationRoutes.openapi(route({
  method: 'get', path: '/api/cooperations', tags, summary: 'Samarbeid', access: [requireUser],
  answers: { 200: jsonContent(z.object({ cooperations: z.array(ZCooperation) }), 'Samarbeidene') },
}), async (c) => c.json({ cooperations: (await listCooperations(c.var.db)).map(cooperationJson) }, 200));

cooperationRoutes.openapi(route({
  method: 'get', path: '/api/cooperation', tags, summary: 'Installasjonens samarbeid, eller det cooperation navngir (404 før det er satt opp)',
  access: [requireUser, cooperationScope],
  request: { query: ZCooperationQuery }, answers: { 200: jsonContent(ZCooperation, 'Samarbeidet') },
}), async (c) => c.json(cooperationJson(await getCooperation(c.var.db, c.var.cooperationId)), 200));

cooperationRoutes.openapi(route({
  method: 'post', path: '/api/cooperations', tags, summary: 'Opprett installasjonens samarbeid (409 når det finnes)', access: [requireRole()],
  request: jsonBody(ZCreateCooperationRequest), answers: { 201: jsonContent(ZCooperation, 'Opprettet') },
}), async (c) => {
  const row = await createInstallCooperation(c.var.db, actorOf(currentUser(c)), c.req.valid('json'));
  return c.json(cooperationJson(row), 201);
});

cooperationRoutes.openapi(route({
  method: 'get', path: '/api/cooperations/{id}', tags, summary: 'Ett samarbeid', access: [requireUser],
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZCooperation, 'Samarbeidet') },
}), async (c) => c.json(cooperationJson(await getCooperation(c.var.db, c.req.valid('param').id)), 200));

cooperationRoutes.openapi(route({
  method: 'patch', path: '/api/cooperations/{id}', tags, summary: 'Endre samarbeid', access: [requireRole()],
  request: { params: ZIdParam, ...jsonBody(ZUpdateCooperationRequest) }, answers: { 200: jsonContent(ZCooperation, 'Endret') },
}), async (c) => {
  const row = await updateCooperation(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, ...c.req.valid('json') });
  return c.json(cooperationJson(row), 200);
});

// Described here, handled below: the body is streamed to the file store by readUploadForm, as every upload is.
cooperationRoutes.openAPIRegistry.registerPath(route({
  method: 'post', path: '/api/cooperations/{id}/logo', tags,
  summary: 'Last opp logoen til brevhodet på innkalling og referat (PNG eller JPEG, høyst 2 MiB; erstatter den forrige)',
  request: { params: ZIdParam, ...formBody(ZUploadLogoRequest) },
  answers: { 200: jsonContent(ZCooperation, 'Samarbeidet med den nye logoen'), ...uploadRefusals },
}));
cooperationRoutes.post('/api/cooperations/:id/logo', requireRole(), uploadLimit('logo'), async (c) => {
  const user = currentUser(c);
  const { id } = validated(ZIdParam, c.req.param());
  const { file, fields } = await readUploadForm(c as unknown as Context<AppEnv>, 'logo');
  const { revision } = validated(ZUploadLogoRequest.pick({ revision: true }), fields);
  const row = await setCooperationLogo(c.var.db, actorOf(user), {
    id, revision, filename: file.name, file, files: c.var.files, userId: user.id, quota: uploadQuotaOf(c.var.env),
  });
  return c.json(cooperationJson(row), 200);
});

cooperationRoutes.openapi(route({
  method: 'delete', path: '/api/cooperations/{id}/logo', tags, summary: 'Fjern logoen fra brevhodet', access: [requireRole()],
  request: { params: ZIdParam, query: ZRevisionQuery }, answers: { 200: jsonContent(ZCooperation, 'Samarbeidet uten logo') },
}), async (c) => {
  const row = await removeCooperationLogo(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id, revision: c.req.valid('query').revision });
  return c.json(cooperationJson(row), 200);
});

cooperationRoutes.openapi(route({
  method: 'get', path: '/api/cooperations/{id}/logo', tags, summary: 'Logoen i brevhodet (offentlig: den står på de offentlige papirene)',
  request: { params: ZIdParam },
  answers: {
    200: { description: 'Logoen', content: { 'image/png': { schema: z.string().openapi({ format: 'binary' }) }, 'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) } } },
    304: { description: 'Uendret (If-None-Match)' },
  },
}), async (c) => {
  const logo = await getCooperationLogo(c.var.db, c.req.valid('param').id);
  return sendStoredFile(c as unknown as Context<AppEnv>, {
    ...logo, contentDisposition: `inline; filename="logo.${logo.contentType === 'image/png' ? 'png' : 'jpg'}"`, cacheControl: 'public, no-cache',
  });
});
