// HTTP for images in a report's narrative: upload (multipart, field "file"; the uploads module's cap for
// papers, 413, its quota and rate, 429, and the kernel's type check from the bytes, PNG or JPEG only,
// 415) by whoever may edit a section of the open report; download by whoever may read a section that
// uses it (404 for anyone else, so an image cannot be probed for).
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../../server/context.js';
import { currentUser, requireRole } from '../../../server/auth/middleware.js';
import { cooperationScope } from '../../../server/cooperation.js';
import { sendStoredFile } from '../../../server/files.js';
import { createRouter, formBody, jsonContent, route, ZIdParam } from '../../../server/openapi.js';
import { contentDisposition } from '../../../lib/file-names.js';
import { uploadLimit, uploadRefusals } from '../../uploads/limits.js';
import { readUploadForm, validated } from '../../uploads/form.js';
import { uploadQuotaOf } from '../../uploads/service.js';
import { addReportImage, getReportImageForDownload } from '../images.service.js';
import { REPORT_WRITERS } from '../policy.js';

const tags = ['Rapporter'];

export const ZReportImage = z.object({
  id: z.string().uuid(),
  reportId: z.string().uuid(),
  filename: z.string(),
  contentType: z.enum(['image/png', 'image/jpeg']),
  size: z.number().int(),
  uploadedAt: z.string(),
}).openapi('ReportImage');

const ZUploadReportImageRequest = z.object({
  file: z.instanceof(File, { message: 'Velg et bilde (feltet file)' }).openapi({ type: 'string', format: 'binary' }),
});

export const imageRoutes = createRouter();

// Described here, handled below: the body is streamed to the file store by readUploadForm.
imageRoutes.openAPIRegistry.registerPath(route({
  method: 'post', path: '/api/reports/{id}/images', tags,
  summary: 'Last opp et bilde til rapportens tekst (PNG eller JPEG; lederen og seksjonenes eiere, mens rapporten er åpen)',
  request: { params: ZIdParam, ...formBody(ZUploadReportImageRequest) },
  answers: { 201: jsonContent(ZReportImage, 'Bildet; sett det inn i teksten som ![alternativ tekst](id)'), ...uploadRefusals },
}));
imageRoutes.post('/api/reports/:id/images', requireRole(...REPORT_WRITERS), cooperationScope, uploadLimit('report-image'), async (c) => {
  const user = currentUser(c);
  const { id } = validated(ZIdParam, c.req.param());
  // The uploads and files helpers take the app's context without the cooperation scope's variable.
  const { file } = await readUploadForm(c as unknown as Context<AppEnv>, 'report-image');
  const image = await addReportImage(c.var.db, user, {
    reportId: id, cooperationId: c.var.cooperationId, filename: file.name, file, files: c.var.files, quota: uploadQuotaOf(c.var.env),
  });
  return c.json(image, 201);
});

imageRoutes.openapi(route({
  method: 'get', path: '/api/report-images/{id}', tags, summary: 'Et bilde i en rapport (for den som kan lese en seksjon som bruker det)',
  access: [cooperationScope],
  request: { params: ZIdParam },
  answers: {
    200: { description: 'Bildet', content: { 'image/png': { schema: z.string().openapi({ format: 'binary' }) }, 'image/jpeg': { schema: z.string().openapi({ format: 'binary' }) } } },
    304: { description: 'Uendret (If-None-Match)' },
  },
}), async (c) => {
  const image = await getReportImageForDownload(c.var.db, c.var.user, { id: c.req.valid('param').id, cooperationId: c.var.cooperationId });
  return sendStoredFile(c as unknown as Context<AppEnv>, {
    sha256: image.sha256, size: image.size, contentType: image.contentType, contentDisposition: contentDisposition(image.filename, 'inline'),
    cacheControl: image.public ? 'public, no-cache' : 'private, no-store',
  }, { 'x-content-sha256': image.sha256 });
});
