// The papers as PDF: notice, minutes and case presentation. Open to everyone, because the public may read
// published papers; what each reader gets is decided by the governance read model (the public gets the
// redacted version of a published meeting, and 404 for anything else). ?archive=1 asks for PDF/A-2b.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { renderPresentationPdf } from '../../../documents/papers.js';
import type { AppEnv } from '../../../server/context.js';
import { createRouter, errorResponses, ZIdParam } from '../../../server/openapi.js';
import { renderMinutesPdf } from '../minutes.service.js';
import { recordExemptPaperRead } from '../exempt-reads.js';
import { renderNoticePdf } from '../notice.service.js';

const tags = ['Dokumenter'];

export const ZPdfQuery = z.object({
  archive: z.enum(['0', '1']).optional().openapi({ description: '1 gir PDF/A-2b for arkivet' }),
});

const pdfResponse = { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } }, ...errorResponses };

function sendPdf(c: Context<AppEnv>, pdf: Buffer, filename: string) {
  c.header('content-type', 'application/pdf');
  c.header('content-disposition', `inline; filename="${filename}"`);
  // Papers differ per reader and change until approved: never from a shared cache.
  c.header('cache-control', 'private, no-store');
  return c.body(new Uint8Array(pdf), 200);
}

export const documentRoutes = createRouter();

documentRoutes.openapi(createRoute({
  method: 'get', path: '/api/meetings/{id}/notice.pdf', tags, summary: 'Innkallingen med saksliste (PDF)',
  request: { params: ZIdParam, query: ZPdfQuery },
  responses: pdfResponse,
}), async (c) => {
  const pdf = await renderNoticePdf(c.var.db, { meetingId: c.req.valid('param').id, viewer: c.var.user, archive: c.req.valid('query').archive === '1' });
  await recordExemptPaperRead(c.var.db, { viewer: c.var.user, paper: 'notice.pdf', meetingId: c.req.valid('param').id });
  return sendPdf(c, pdf, 'innkalling.pdf');
});

documentRoutes.openapi(createRoute({
  method: 'get', path: '/api/meetings/{id}/minutes.pdf', tags, summary: 'Møtereferatet (PDF; godkjent referat slik det ble arkivert)',
  request: { params: ZIdParam, query: ZPdfQuery },
  responses: pdfResponse,
}), async (c) => {
  const { pdf, approved } = await renderMinutesPdf(c.var.db, { meetingId: c.req.valid('param').id, viewer: c.var.user, archive: c.req.valid('query').archive === '1', files: c.var.files });
  await recordExemptPaperRead(c.var.db, { viewer: c.var.user, paper: 'minutes.pdf', meetingId: c.req.valid('param').id });
  return sendPdf(c, pdf, approved ? 'moetereferat-godkjent.pdf' : 'moetereferat-utkast.pdf');
});

documentRoutes.openapi(createRoute({
  method: 'get', path: '/api/cases/{id}/presentation.pdf', tags, summary: 'Saksframlegget (PDF)',
  request: { params: ZIdParam, query: ZPdfQuery },
  responses: pdfResponse,
}), async (c) => {
  const pdf = await renderPresentationPdf(c.var.db, { caseId: c.req.valid('param').id, viewer: c.var.user, archive: c.req.valid('query').archive === '1' });
  await recordExemptPaperRead(c.var.db, { viewer: c.var.user, paper: 'presentation.pdf', caseId: c.req.valid('param').id });
  return sendPdf(c, pdf, 'saksframlegg.pdf');
});
