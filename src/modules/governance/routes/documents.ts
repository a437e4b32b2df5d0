// The papers as PDF: notice, minutes and case presentation. Open to everyone, because the public may read
// published papers; what each reader gets is decided by the governance read model (the public gets the
// redacted version of a published meeting, and 404 for anything else). ?archive=1 asks for PDF/A-2b.
// The public's papers are kept on disk per meeting version and rendered once per version
// (documents/public-papers.ts, decision 0023), streamed with a strong ETag (their bytes' SHA-256) and
// Range; a signed-in reader's paper is rendered for them and never shared.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { renderPaper } from '../../../documents/paper-cache.js';
import { publicPaperKey, type TCachedPaper, type TPaperSource } from '../../../documents/public-papers.js';
import { presentationPaper, renderPresentationPdf } from '../../../documents/papers.js';
import type { AppEnv } from '../../../server/context.js';
import { createRouter, errorResponses, ZIdParam } from '../../../server/openapi.js';
import { sendBytes } from '../../../server/files.js';
import { notFound } from '../../../server/errors.js';
import { paperVersion, sameVersion } from '../paper-revisions.js';
import { minutesPaper, renderMinutesPdf } from '../minutes.service.js';
import { recordExemptPaperRead } from '../exempt-reads.js';
import { noticePaper, renderNoticePdf } from '../notice.service.js';
import { ZPdfQuery } from '../model.js';
import { contentDisposition } from '../../../lib/file-names.js';

const tags = ['Dokumenter'];

const pdfResponse = {
  200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
  206: { description: 'En del av papiret (Range; bare uten innlogging)' },
  304: { description: 'Uendret: papiret har fortsatt ETag-en i If-None-Match (bare uten innlogging)' },
  416: { description: 'Range ligger utenfor papiret' },
  ...errorResponses,
};

function sendPdf(c: Context<AppEnv>, pdf: Buffer, filename: string) {
  c.header('content-type', 'application/pdf');
  c.header('content-disposition', contentDisposition(filename, 'inline'));
  // A signed-in reader's paper may hold exempt content: never from a shared cache.
  c.header('cache-control', 'private, no-store');
  return c.body(new Uint8Array(pdf), 200);
}

/**
 * A paper for a reader who is not signed in, found by one statement (the meeting's version) and sent
 * from disk. Any cache may keep it, but must ask again each time (the agenda of a published meeting can
 * still change); the answer is 304 while the ETag holds, 206 for a Range. The app's Vary: Cookie
 * (server/guards.ts) keeps a shared cache from handing it to a signed-in reader. A paper the public may
 * not read is never filed: `make` throws its 404 first, every time.
 */
async function sendPublicPaper(
  c: Context<AppEnv>, paper: { identity: string; of: { meetingId: string } | { caseId: string } },
  make: () => Promise<TPaperSource>, what: string,
) {
  const db = c.var.db;
  const papers = c.var.papers;
  const version = await paperVersion(db, paper.of);
  if (!version) {
    await make();
    throw notFound(what);
  }
  const tags = `${version.meetingTag}/${version.sharedTag}`;
  const slot = { identity: paper.identity, group: version.meetingId, version: tags, key: publicPaperKey(paper.identity, [version.meetingId, tags]) };
  // Whatever this meeting's papers were before its last change goes now, not at the next restart.
  await papers.retire(slot.group, slot.version);
  const fill = () => papers.fill(slot, make, async () => sameVersion(version, await paperVersion(db, paper.of))).catch(async (err: unknown) => {
    // Not for the public (any more): nothing of this paper stays on disk.
    await papers.retire(slot.group, slot.version, slot.identity);
    throw err;
  });
  let found: TCachedPaper = await fill();
  return sendBytes(c, {
    etag: found.etag, size: found.size, contentType: 'application/pdf', contentDisposition: contentDisposition(found.filename, 'inline'),
    cacheControl: 'public, no-cache',
    open: async (range) => {
      const opened = await papers.openOrRefill(slot.key, found, fill, range);
      found = opened.paper;
      return opened.stream;
    },
  });
}

const rendered = async (p: Parameters<typeof renderPaper>[0], filename: string): Promise<TPaperSource> => ({ pdf: await renderPaper(p), filename });
const archiveOf = (archive: boolean) => (archive ? 'pdfa' : 'pdf');

export const documentRoutes = createRouter();

documentRoutes.openapi(createRoute({
  method: 'get', path: '/api/meetings/{id}/notice.pdf', tags, summary: 'Innkallingen med saksliste (PDF)',
  request: { params: ZIdParam, query: ZPdfQuery },
  responses: pdfResponse,
}), async (c) => {
  const options = { meetingId: c.req.valid('param').id, viewer: c.var.user, archive: c.req.valid('query').archive === '1' };
  if (!c.var.user) {
    return sendPublicPaper(c, { identity: `notice:${options.meetingId}:${archiveOf(options.archive)}`, of: options },
      async () => rendered(await noticePaper(c.var.db, options), 'innkalling.pdf'), 'Innkallingen');
  }
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
    // Approved minutes are the stored copy (its hash is its tag); a draft is rendered. Which one it is
    // belongs to the meeting's version, so both are found the same way.
    return sendPublicPaper(c, { identity: `minutes:${options.meetingId}:${archiveOf(options.archive)}`, of: options }, async () => {
      const minutes = await minutesPaper(c.var.db, options);
      if (!minutes.approved) return rendered(minutes.paper, 'moetereferat-utkast.pdf');
      return { stored: { sha256: minutes.sha256, size: minutes.size }, files: c.var.files, filename: 'moetereferat-godkjent.pdf' };
    }, 'Møtereferatet');
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
  if (!c.var.user) {
    return sendPublicPaper(c, { identity: `presentation:${options.caseId}:${archiveOf(options.archive)}`, of: options },
      async () => rendered(await presentationPaper(c.var.db, options), 'saksframlegg.pdf'), 'Saken');
  }
  const pdf = await renderPresentationPdf(c.var.db, options);
  await recordExemptPaperRead(c.var.db, { viewer: c.var.user, paper: 'presentation.pdf', caseId: options.caseId });
  return sendPdf(c, pdf, 'saksframlegg.pdf');
});
