// The papers as PDF: notice (alone and bundled with its attachments), minutes and case presentation. Open to everyone, because the public may read
// published papers; what each reader gets is decided by the governance read model (the public gets the
// redacted version of a published meeting, and 404 for anything else). ?archive=1 asks for PDF/A-2a.
// A paper depends on the reader only through their read access (policy.ts: full or public), so papers
// are kept on disk per meeting version and access and rendered once per version (documents/
// cached-papers.ts, decisions 0023 and 0027): the public's cache serves readers who are not signed in
// and signed-in roles that read what the public reads; the full cache only roles that read everything.
// Streamed with a strong ETag (their bytes' SHA-256) and Range. A full paper is `private, no-store`,
// and each read of one that holds an exempt case is audited, served from the cache or not.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { renderPaper } from '../../../documents/paper-cache.js';
import { paperKey, type TCachedPaper, type TPaperSource } from '../../../documents/cached-papers.js';
import { presentationPaper } from '../../../documents/papers.js';
import type { AppEnv } from '../../../server/context.js';
import { createRouter, route, ZIdParam } from '../../../server/openapi.js';
import { sendBytes } from '../../../server/files.js';
import { notFound } from '../../../server/errors.js';
import { paperVersion, paperVersionTag, sameVersion } from '../paper-revisions.js';
import { minutesPaper } from '../minutes.service.js';
import { recordExemptPaperRead, type TExemptPaper } from '../exempt-reads.js';
import { noticePaper } from '../notice.service.js';
import { noticeBundle } from '../notice-bundle.service.js';
import { readAccessOf } from '../policy.js';
import { ZPdfQuery } from '../model.js';
import { contentDisposition } from '../../../lib/file-names.js';

const tags = ['Dokumenter'];

const pdfResponse = {
  200: { description: 'PDF', content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } } },
  206: { description: 'En del av papiret (Range)' },
  304: { description: 'Uendret: papiret har fortsatt ETag-en i If-None-Match' },
  416: { description: 'Range ligger utenfor papiret' },
};

type TPaperRequest = { paper: TExemptPaper; id: string; archive: boolean; of: { meetingId: string } | { caseId: string } };

/**
 * The reader's paper, found by one statement (the meeting's version) in the cache of their read access
 * and sent from disk. The public's: any cache may keep it, but must ask again each time (the agenda of a
 * published meeting can still change); the app's Vary: Cookie (server/guards.ts) keeps a shared cache
 * from handing it to another reader. The full paper: never kept by any other cache, and its read is
 * audited when it holds an exempt case. A paper the reader may not read is never filed: `make` throws
 * its 404 first, every time.
 */
async function sendPaper(c: Context<AppEnv>, request: TPaperRequest, make: () => Promise<TPaperSource>, what: string) {
  const db = c.var.db;
  const access = readAccessOf(c.var.user);
  const papers = c.var.papers[access];
  const version = await paperVersion(db, request.of);
  if (!version) {
    await make();
    throw notFound(what);
  }
  const identity = `${request.paper}:${request.id}:${request.archive ? 'pdfa' : 'pdf'}`;
  const tag = paperVersionTag(version);
  const slot = { identity, group: version.meetingId, version: tag, key: paperKey(`${access}:${identity}`, [version.meetingId, tag]) };
  // Whatever this meeting's papers were before its last change goes now, not at the next restart.
  await papers.retire(slot.group, slot.version);
  const fill = () => papers.fill(slot, make, async () => sameVersion(version, await paperVersion(db, request.of))).catch(async (err: unknown) => {
    // Not for this reader (any more): nothing of this paper stays on disk.
    await papers.retire(slot.group, slot.version, slot.identity);
    throw err;
  });
  let found: TCachedPaper = await fill();
  if (access === 'full') await recordExemptPaperRead(db, { viewer: c.var.user, paper: request.paper, ...request.of });
  return sendBytes(c, {
    etag: found.etag, size: found.size, contentType: 'application/pdf', contentDisposition: contentDisposition(found.filename, 'inline'),
    // A full paper may hold exempt content: never from a shared cache, nor kept by the browser.
    cacheControl: access === 'full' ? 'private, no-store' : 'public, no-cache',
    open: async (range) => {
      const opened = await papers.openOrRefill(slot.key, found, fill, range);
      found = opened.paper;
      return opened.stream;
    },
  });
}

const rendered = async (p: Parameters<typeof renderPaper>[0], filename: string): Promise<TPaperSource> => ({ pdf: await renderPaper(p), filename });

export const documentRoutes = createRouter();

documentRoutes.openapi(route({
  method: 'get', path: '/api/meetings/{id}/notice.pdf', tags, summary: 'Innkallingen med saksliste (PDF)',
  request: { params: ZIdParam, query: ZPdfQuery }, answers: pdfResponse,
}), async (c) => {
  const options = { meetingId: c.req.valid('param').id, viewer: c.var.user, archive: c.req.valid('query').archive === '1', files: c.var.files };
  return sendPaper(c, { paper: 'notice.pdf', id: options.meetingId, archive: options.archive, of: { meetingId: options.meetingId } },
    async () => rendered(await noticePaper(c.var.db, options), 'innkalling.pdf'), 'Innkallingen');
});

documentRoutes.openapi(route({
  method: 'get', path: '/api/meetings/{id}/notice-bundle.pdf', tags,
  summary: 'Innkallingen med vedleggene samlet i én PDF, i sakslistens rekkefølge, med bokmerker',
  description: 'Samme tilgang som innkallingen: offentligheten får bare vedleggene til offentlige saker. '
    + 'Bare PDF-vedlegg kan tas med; de andre står i innkallingen med en merknad om at de ikke er med.',
  request: { params: ZIdParam }, answers: pdfResponse,
}), async (c) => {
  const options = { meetingId: c.req.valid('param').id, viewer: c.var.user, files: c.var.files };
  return sendPaper(c, { paper: 'notice-bundle.pdf', id: options.meetingId, archive: false, of: { meetingId: options.meetingId } },
    async () => ({ pdf: await noticeBundle(c.var.db, options), filename: 'innkalling-med-vedlegg.pdf' }), 'Innkallingen');
});

documentRoutes.openapi(route({
  method: 'get', path: '/api/meetings/{id}/minutes.pdf', tags, summary: 'Møtereferatet (PDF; godkjent referat slik det ble arkivert)',
  request: { params: ZIdParam, query: ZPdfQuery }, answers: pdfResponse,
}), async (c) => {
  const options = { meetingId: c.req.valid('param').id, viewer: c.var.user, archive: c.req.valid('query').archive === '1', files: c.var.files };
  // Approved minutes are the stored copy (its hash is its tag); a draft is rendered. Which one it is
  // belongs to the meeting's version, so both are found the same way.
  return sendPaper(c, { paper: 'minutes.pdf', id: options.meetingId, archive: options.archive, of: { meetingId: options.meetingId } }, async () => {
    const minutes = await minutesPaper(c.var.db, options);
    if (!minutes.approved) return rendered(minutes.paper, minutes.onPaper ? 'moetereferat-godkjent.pdf' : 'moetereferat-utkast.pdf');
    return { stored: { sha256: minutes.sha256, size: minutes.size }, files: c.var.files, filename: 'moetereferat-godkjent.pdf' };
  }, 'Møtereferatet');
});

documentRoutes.openapi(route({
  method: 'get', path: '/api/cases/{id}/presentation.pdf', tags, summary: 'Saksframlegget (PDF)',
  request: { params: ZIdParam, query: ZPdfQuery }, answers: pdfResponse,
}), async (c) => {
  const options = { caseId: c.req.valid('param').id, viewer: c.var.user, archive: c.req.valid('query').archive === '1' };
  return sendPaper(c, { paper: 'presentation.pdf', id: options.caseId, archive: options.archive, of: { caseId: options.caseId } },
    async () => rendered(await presentationPaper(c.var.db, options), 'saksframlegg.pdf'), 'Saken');
});
