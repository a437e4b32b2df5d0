// HTTP for attachments: upload (multipart, field "file"), download, delete. Size is capped while the
// body is read (MAX_UPLOAD_BYTES, 413), type is read from the content (415). Downloads answer 404 for
// anything the viewer may not have, so an exempt case's attachment cannot be probed for by id.
import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf, type AppEnv } from '../../../server/context.js';
import { HttpError } from '../../../server/errors.js';
import { createRouter, errorResponses, jsonContent, ZIdParam } from '../../../server/openapi.js';
import {
  addAttachment, contentDisposition, deleteAttachment, getAttachmentForDownload,
} from '../attachments.service.js';
import { ZAttachmentMeta } from '../model.js';

const tags = ['Vedlegg'];
// Room for the multipart envelope around the file itself.
const MULTIPART_OVERHEAD = 64 * 1024;

const tooLarge = (max: number) => new HttpError(413, 'payload_too_large', `Filen er for stor; største tillatte størrelse er ${formatBytes(max)}`);

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.round(n / 1024)} kB`;
}

/** Stops reading the body once it passes the limit, before it fills memory. */
const uploadLimit: MiddlewareHandler<AppEnv> = (c, next) => {
  const max = c.var.env.MAX_UPLOAD_BYTES;
  return bodyLimit({ maxSize: max + MULTIPART_OVERHEAD, onError: () => { throw tooLarge(max); } })(c, next);
};

export const ZUploadAttachmentRequest = z.object({
  file: z.instanceof(File, { message: 'Velg en fil (feltet file)' }).openapi({ type: 'string', format: 'binary' }),
});

export const attachmentRoutes = createRouter();

attachmentRoutes.openapi(createRoute({
  method: 'post', path: '/api/cases/{id}/attachments', tags, summary: 'Last opp vedlegg (PDF, Office, OpenDocument, PNG, JPEG, UTF-8 .txt)',
  middleware: [requireRole('staff'), uploadLimit] as const,
  request: {
    params: ZIdParam,
    body: { content: { 'multipart/form-data': { schema: ZUploadAttachmentRequest } }, required: true },
  },
  responses: {
    201: jsonContent(ZAttachmentMeta, 'Vedlegget'),
    ...errorResponses,
    413: { description: 'For stor fil' },
    415: { description: 'Filtypen er ikke tillatt, eller navnet stemmer ikke med innholdet' },
  },
}), async (c) => {
  const user = currentUser(c);
  const { file } = c.req.valid('form');
  if (file.size > c.var.env.MAX_UPLOAD_BYTES) throw tooLarge(c.var.env.MAX_UPLOAD_BYTES);
  const row = await addAttachment(c.var.db, actorOf(user), {
    caseId: c.req.valid('param').id, filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()), uploadedBy: user.id,
  });
  return c.json({ ...row, uploadedAt: row.uploadedAt.toISOString() }, 201);
});

attachmentRoutes.openapi(createRoute({
  method: 'get', path: '/api/attachments/{id}', tags, summary: 'Last ned vedlegg (offentlig bare for offentlige saker i publiserte møter)',
  request: { params: ZIdParam },
  responses: {
    200: { description: 'Filen', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errorResponses,
  },
}), async (c) => {
  const file = await getAttachmentForDownload(c.var.db, { id: c.req.valid('param').id, viewer: c.var.user });
  c.header('content-type', file.contentType);
  c.header('content-length', String(file.size));
  c.header('content-disposition', contentDisposition(file.filename));
  c.header('x-content-sha256', file.sha256);
  // Exempt content must not linger in shared caches.
  c.header('cache-control', 'private, no-store');
  return c.body(new Uint8Array(file.content), 200);
});

attachmentRoutes.openapi(createRoute({
  method: 'delete', path: '/api/attachments/{id}', tags, summary: 'Slett vedlegg',
  middleware: [requireRole('staff')] as const,
  request: { params: ZIdParam },
  responses: { 204: { description: 'Slettet' }, ...errorResponses },
}), async (c) => {
  await deleteAttachment(c.var.db, actorOf(currentUser(c)), { id: c.req.valid('param').id });
  return c.body(null, 204);
});
