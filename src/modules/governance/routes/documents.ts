// The papers as PDF: notice, minutes and case presentation. Open to everyone, because the public may read
// published papers; what each reader gets is decided by the governance read model (the public gets the
// redacted version of a published meeting, and 404 for anything else). ?archive=1 asks for PDF/A-2b.
// The public's papers carry a strong ETag of their content and are rendered once per content
// (documents/paper-cache.ts); a signed-in reader's paper is rendered for them and never shared.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { matchesEtag, paperEtag, publicPapers, type TPaper } from '../../../documents/paper-cache.js';
import { presentationPaper, renderPresentationPdf } from '../../../documents/papers.js';
import type { AppEnv } from '../../../server/context.js';
import { createRouter, errorResponses, ZIdParam } from '../../../server/openapi.js';
import { minutesPaper, readArchivedMinutes, renderMinutesPdf } from '../minutes.service.js';
import { recordExemptPaperRead } from '../exempt-reads.js';
import { noticePaper, renderNoticePdf } from '../notice.service.js';

const tags = ['Dokumenter'];

export const ZPdfQuery = z.object({
  archive: z.enum(['0', '1']).optional().openapi({ description: '1 gir PDF/A-2b for arkivet' }),
});

const pdfResponse = {
  200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
  304: { description: 'Uendret: papiret har fortsatt ETag-en i If-None-Match (bare uten innlogging)' },
  ...errorResponses,
};

function sendPdf(c: Context<AppEnv>, pdf: Buffer, filename: string) {
  c.header('content-type', 'application/pdf');
  c.header('content-disposition', `inline; filename="${filename}"`);
  // A signed-in reader's paper may hold exempt content: never from a shared cache.
  c.header('cache-control', 'private, no-store');
  return c.body(new Uint8Array(pdf), 200);
}

/**
 * A paper for a reader who is not signed in. Any cache may keep it, but must ask again each time (the
 * agenda of a published meeting can still change); the answer is 304 while the ETag holds. The app's
 * Vary: Cookie (server/guards.ts) keeps a shared cache from handing it to a signed-in reader.
 */
async function sendPublicPdf(c: Context<AppEnv>, etag: string, pdf: () => Promise<Buffer>, filename: string) {
  c.header('etag', etag);
  c.header('cache-control', 'public, no-cache');
  if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  const bytes = await pdf();
  c.header('content-type', 'application/pdf');
  c.header('content-disposition', `inline; filename="${filename}"`);
  return c.body(new Uint8Array(bytes), 200);
}

function sendPublicPaper(c: Context<AppEnv>, paper: TPaper, filename: string) {
  const etag = paperEtag(paper);
  return sendPublicPdf(c, etag, () => publicPapers.get(paper, etag), filename);
}

export const documentRoutes = createRouter();

documentRoutes.openapi(createRoute({
  method: 'get', path: '/api/meetings/{id}/notice.pdf', tags, summary: 'Innkallingen med saksliste (PDF)',
  request: { params: ZIdParam, query: ZPdfQuery },
  responses: pdfResponse,
}), async (c) => {
  const options = { meetingId: c.req.valid('param').id, viewer: c.var.user, archive: c.req.valid('query').archive === '1' };
  if (!c.var.user) return sendPublicPaper(c, await noticePaper(c.var.db, options), 'innkalling.pdf');
  const pdf = await renderNoticePdf(c.var.db, options);
  await recordExemptPaperRead(c.var.db, { viewer: c.var.user, paper: 'notice.pdf', meetingId: options.meetingId });
  return sendPdf(c, pdf, 'innkalling.pdf');
});

documentRoutes.openapi(createRoute({
  method: 'get', path: '/api/meetings/{id}/minutes.pdf', tags, summary: 'Møtereferatet (PDF; godkjent referat slik det ble arkivert)',
  request: { params: ZIdParam, query: ZPdfQuery },
  responses: pdfResponse,
}), async (c) => {
  const options = { meetingId: c.req.valid('param').id, viewer: c.var.user, archive: c.req.valid('query').archive === '1', files: c.var.files };
  if (!c.var.user) {
    const minutes = await minutesPaper(c.var.db, options);
    // Approved minutes are stored once and never change: their hash is their tag.
    if (minutes.approved) return sendPublicPdf(c, `"${minutes.sha256}"`, () => readArchivedMinutes(c.var.files, minutes.sha256), 'moetereferat-godkjent.pdf');
    return sendPublicPaper(c, minutes.paper, 'moetereferat-utkast.pdf');
  }
  const { pdf, approved } = await renderMinutesPdf(c.var.db, options);
  await recordExemptPaperRead(c.var.db, { viewer: c.var.user, paper: 'minutes.pdf', meetingId: options.meetingId });
  return sendPdf(c, pdf, approved ? 'moetereferat-godkjent.pdf' : 'moetereferat-utkast.pdf');
});

documentRoutes.openapi(createRoute({
  method: 'get', path: '/api/cases/{id}/presentation.pdf', tags, summary: 'Saksframlegget (PDF)',
  request: { params: ZIdParam, query: ZPdfQuery },
  responses: pdfResponse,
}), async (c) => {
  const options = { caseId: c.req.valid('param').id, viewer: c.var.user, archive: c.req.valid('query').archive === '1' };
  if (!c.var.user) return sendPublicPaper(c, await presentationPaper(c.var.db, options), 'saksframlegg.pdf');
  const pdf = await renderPresentationPdf(c.var.db, options);
  await recordExemptPaperRead(c.var.db, { viewer: c.var.user, paper: 'presentation.pdf', caseId: options.caseId });
  return sendPdf(c, pdf, 'saksframlegg.pdf');
});
