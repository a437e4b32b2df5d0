// HTTP for importing the monthly device export: saved column mappings per source, a preview that writes
// nothing, and the import (idempotent by serial; a file with any bad row imports nothing). Staff import.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf, type AppEnv } from '../../../server/context.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { createRouter, formBody, jsonBody, jsonContent, route, ZCooperationQuery } from '../../../server/openapi.js';
import { resolveCooperationId } from '../../org/cooperations.service.js';
import { uploadLimit } from '../../uploads/limits.js';
import { importDevices, listDeviceImportMappings, previewDeviceImport, saveDeviceImportMapping } from '../device-import.service.js';
import { ZDeviceImportMapping, ZDeviceImportPreview, ZDeviceUpload, ZImportSourceParam, ZSavedDeviceImportMapping } from '../model.js';
import { EQUIPMENT_KEEPERS } from '../policy.js';
import { tags } from './status.js';

const keepers = requireRole(...EQUIPMENT_KEEPERS);
const upload = formBody(ZDeviceUpload);

/** The upload names its cooperation in the form, not the query (decision 0020's exception). */
async function fileOptions(c: Context<AppEnv>, form: z.infer<typeof ZDeviceUpload>) {
  return {
    cooperationId: await resolveCooperationId(c.var.db, form.cooperation), month: form.month, source: form.source,
    filename: form.file.name, bytes: new Uint8Array(await form.file.arrayBuffer()), limits: { maxRows: c.var.env.IMPORT_MAX_ROWS },
  };
}

export const equipmentImportRoutes = createRouter();

equipmentImportRoutes.openapi(route({
  method: 'get', path: '/api/equipment/import-mappings', tags, summary: 'Lagrede kolonnekoblinger for enhetseksporter',
  access: [keepers, cooperationScope], request: { query: ZCooperationQuery }, answers: { 200: jsonContent(z.object({ mappings: z.array(ZSavedDeviceImportMapping) }), 'Koblingene') },
}), async (c) => c.json({ mappings: await listDeviceImportMappings(c.var.db, c.var.cooperationId) }, 200));

equipmentImportRoutes.openapi(route({
  method: 'put', path: '/api/equipment/import-mappings/{source}', tags, summary: 'Lagre kolonnekoblingen for én kilde (Intune, Workspace ONE …)',
  access: [keepers, cooperationScope], request: { params: ZImportSourceParam, query: ZCooperationQuery, ...jsonBody(ZDeviceImportMapping) },
  answers: { 200: jsonContent(ZSavedDeviceImportMapping, 'Koblingen') },
}), async (c) => {
  const options = { cooperationId: c.var.cooperationId, source: c.req.valid('param').source, mapping: c.req.valid('json') };
  return c.json(await saveDeviceImportMapping(c.var.db, actorOf(currentUser(c)), options), 200);
});

equipmentImportRoutes.openapi(route({
  method: 'post', path: '/api/equipment/device-imports/preview', tags, summary: 'Forhåndsvis import av en enhetseksport (CSV/XLSX); ingenting lagres',
  access: [keepers, uploadLimit('import')], request: upload, answers: { 200: jsonContent(ZDeviceImportPreview, 'Hva importen vil gjøre') },
}), async (c) => c.json(await previewDeviceImport(c.var.db, await fileOptions(c, c.req.valid('form'))), 200));

equipmentImportRoutes.openapi(route({
  method: 'post', path: '/api/equipment/device-imports', tags,
  summary: 'Importer en enhetseksport for en måned; kjente serienumre oppdateres, påloggingene i måneden registreres én gang',
  access: [keepers, uploadLimit('import')], request: upload, answers: { 201: jsonContent(ZDeviceImportPreview, 'Importert') },
}), async (c) => {
  const options = await fileOptions(c, c.req.valid('form'));
  return c.json(await importDevices(c.var.db, actorOf(currentUser(c)), options), 201);
});
