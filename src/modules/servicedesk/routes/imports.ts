// HTTP for importing historical tickets: saved column mappings per source tool, a preview that writes
// nothing, and the import itself (idempotent by external id; a file with any bad row imports nothing).
// The desk imports; admins and staff keep the mappings.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf, type AppEnv } from '../../../server/context.js';
import { createRouter, formBody, jsonBody, jsonContent, route } from '../../../server/openapi.js';
import { uploadLimit } from '../../uploads/limits.js';
import { ZUploadRequest } from '../imports/import-mapping.js';
import { importTickets, listImportMappings, previewTicketImport, saveImportMapping, ZImportMapping } from '../imports/import.service.js';
import { resolveCooperation } from '../phone/phone-stats.service.js';

const tags = ['Kundeservice'];
const desk = requireRole('staff');
const ZPreview = z.object({
  rows: z.number(), newTickets: z.number(), alreadyImported: z.number(),
  sample: z.array(z.object({
    row: z.number(), externalId: z.string(), createdAt: z.string(), title: z.string(), type: z.string(), priority: z.string(), status: z.string(), category: z.string(),
  })),
}).openapi('TicketImportPreview');
const ZSavedMapping = z.object({ source: z.string(), mapping: ZImportMapping, updatedAt: z.string() }).openapi('SavedTicketImportMapping');
const ZSourceParam = z.object({
  source: z.string().trim().min(1, 'Må fylles ut').max(100).regex(/^[\p{L}\p{N} ._-]+$/u, 'Bokstaver, tall, mellomrom, punktum, bindestrek')
    .openapi({ param: { name: 'source', in: 'path' } }),
});
const ZCooperationQuery = z.object({ cooperation: z.string().uuid('Ugyldig samarbeids-id').optional() });
const ZTicketUpload = ZUploadRequest.extend({ source: z.string().trim().min(1).max(100).optional() });
const upload = formBody(ZTicketUpload);

async function fileOptions(c: Context<AppEnv>, form: z.infer<typeof ZTicketUpload>) {
  return {
    cooperationId: await resolveCooperation(c.var.db, form.cooperation), source: form.source,
    filename: form.file.name, bytes: new Uint8Array(await form.file.arrayBuffer()), limits: { maxRows: c.var.env.IMPORT_MAX_ROWS },
  };
}

export const ticketImportRoutes = createRouter();

ticketImportRoutes.openapi(route({
  method: 'get', path: '/api/servicedesk/import-mappings', tags, summary: 'Lagrede kolonnekoblinger for import fra andre saksverktøy', access: [desk],
  request: { query: ZCooperationQuery }, answers: { 200: jsonContent(z.object({ mappings: z.array(ZSavedMapping) }), 'Koblingene') },
}), async (c) => {
  const cooperationId = await resolveCooperation(c.var.db, c.req.valid('query').cooperation);
  return c.json({ mappings: await listImportMappings(c.var.db, cooperationId) }, 200);
});

ticketImportRoutes.openapi(route({
  method: 'put', path: '/api/servicedesk/import-mappings/{source}', tags, summary: 'Lagre kolonnekoblingen for ett kildeverktøy', access: [desk],
  request: { params: ZSourceParam, query: ZCooperationQuery, ...jsonBody(ZImportMapping) },
  answers: { 200: jsonContent(ZSavedMapping, 'Koblingen') },
}), async (c) => {
  const cooperationId = await resolveCooperation(c.var.db, c.req.valid('query').cooperation);
  return c.json(await saveImportMapping(c.var.db, actorOf(currentUser(c)), { cooperationId, source: c.req.valid('param').source, mapping: c.req.valid('json') }), 200);
});

ticketImportRoutes.openapi(route({
  method: 'post', path: '/api/servicedesk/ticket-imports/preview', tags, summary: 'Forhåndsvis import av saker (CSV/XLSX); ingenting lagres',
  access: [desk, uploadLimit('import')],
  request: upload, answers: { 200: jsonContent(ZPreview, 'Hva importen vil gjøre') },
}), async (c) => c.json(await previewTicketImport(c.var.db, await fileOptions(c, c.req.valid('form'))), 200));

ticketImportRoutes.openapi(route({
  method: 'post', path: '/api/servicedesk/ticket-imports', tags,
  summary: 'Importer saker; saker som allerede er importert (samme eksterne id) hoppes over', access: [desk, uploadLimit('import')],
  request: upload, answers: { 201: jsonContent(ZPreview, 'Importert') },
}), async (c) => {
  const options = await fileOptions(c, c.req.valid('form'));
  return c.json(await importTickets(c.var.db, actorOf(currentUser(c)), options), 201);
});
