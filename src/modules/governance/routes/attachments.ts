// HTTP for attachments: upload (multipart, field "file"), download, delete. Size is capped while the
// body is read (MAX_MEETING_ATTACHMENT_BYTES within MAX_UPLOAD_BYTES, 413), type is read from the content
// (415), the uploader's quota and rate are counted (429). Downloads stream from the file store (Range,
// ETag) and answer 404 for anything the viewer may not have, so an exempt case's attachment cannot be
// probed for by id.
import { z } from '@hono/zod-openapi';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { actorOf } from '../../../server/context.js';
import { sendStoredFile, storedFileAnswers } from '../../../server/files.js';
import { createRouter, formBody, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { uploadLimit, uploadRefusals } from '../../uploads/limits.js';
import { readUploadForm, validated } from '../../uploads/form.js';
import { uploadQuotaOf } from '../../uploads/service.js';
import {
  addAttachment, deleteAttachment, getAttachmentForDownload,
} from '../attachments.service.js';
import { ZAttachmentMeta, ZUploadAttachmentRequest } from '../model.js';
import { contentDisposition } from '../../../lib/file-names.js';
import { deleteRoute } from '../../../server/delete-route.js';

const tags = ['Vedlegg'];

export const attachmentRoutes = createRouter();

// Described here, handled below: the body is read by readUploadForm, not by the validator's FormData
// (see uploads/form.ts for why).
attachmentRoutes.openAPIRegistry.registerPath(route({
  method: 'post', path: '/api/cases/{id}/attachments', tags, summary: 'Last opp vedlegg (PDF, Office, OpenDocument, PNG, JPEG, UTF-8 .txt)',
  request: { params: ZIdParam, ...formBody(ZUploadAttachmentRequest) },
  answers: {
    201: jsonContent(ZAttachmentMeta, 'Vedlegget'),
    ...uploadRefusals,
  },
}));
attachmentRoutes.post('/api/cases/:id/attachments', requireRole('staff'), uploadLimit('meeting-attachment'), async (c) => {
  const user = currentUser(c);
  const { id } = validated(ZIdParam, c.req.param());
  const { file } = await readUploadForm(c, 'meeting-attachment');
  const row = await addAttachment(c.var.db, actorOf(user), {
    caseId: id, filename: file.name, file, uploadedBy: user.id, files: c.var.files, quota: uploadQuotaOf(c.var.env),
  });
  return c.json({ ...row, uploadedAt: row.uploadedAt.toISOString() }, 201);
});

attachmentRoutes.openapi(route({
  method: 'get', path: '/api/attachments/{id}', tags, summary: 'Last ned vedlegg (offentlig bare for offentlige saker i publiserte møter)',
  request: { params: ZIdParam },
  answers: storedFileAnswers,
}), async (c) => {
  const file = await getAttachmentForDownload(c.var.db, { id: c.req.valid('param').id, viewer: c.var.user });
  return sendStoredFile(c, {
    sha256: file.sha256, size: file.size, contentType: file.contentType, contentDisposition: contentDisposition(file.filename),
    // A public file may be kept by any cache, but only for as long as the server confirms it (no-cache:
    // revalidate with the ETag every time), so making the case exempt or unpublishing takes effect at
    // once. Anything else must not linger in shared caches.
    cacheControl: file.public ? 'public, no-cache' : 'private, no-store',
  }, { 'x-content-sha256': file.sha256 });
});

deleteRoute(attachmentRoutes, { path: '/api/attachments/{id}', tags, summary: 'Slett vedlegg', access: [requireRole('staff')] }, deleteAttachment);
