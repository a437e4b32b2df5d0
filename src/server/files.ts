// The file store this server uses (from the environment), downloads from it over HTTP (streamed, never
// read whole into memory, with ETag (the SHA-256), If-None-Match (304) and one Range (206/416)), and the
// sweep that removes files no row names.
import path from 'node:path';
import { Readable } from 'node:stream';
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { diskFileStore } from '../lib/files/disk.js';
import { s3FileStore } from '../lib/files/s3.js';
import type { FileStore, TByteRange } from '../lib/files/store.js';
import type { Db, DbOrTx } from '../db/client.js';
import { referencedByAny, sweepUnreferencedFiles, type TReferencedFiles } from '../lib/files/sweep.js';
import { referencedGovernanceFiles } from '../modules/governance/attachments.service.js';
import { referencedServiceDeskFiles } from '../modules/servicedesk/tickets/attachments.service.js';
import { referencedReportFiles } from '../modules/reports/documents.service.js';
import { referencedOrgFiles } from '../modules/org/letterhead.service.js';
import { retireSupersededPapers, type TSweptPaperCache } from '../modules/governance/paper-revisions.js';
import type { AppEnv } from './context.js';
import type { TEnv } from './env.js';
import { logger } from './logger.js';

export function fileStoreFromEnv(env: TEnv): FileStore {
  if (env.SAMRAD_FILES === 's3') {
    return s3FileStore({
      endpoint: env.S3_ENDPOINT, region: env.S3_REGION, bucket: env.S3_BUCKET!, forcePathStyle: env.S3_FORCE_PATH_STYLE,
      accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    });
  }
  return diskFileStore(path.join(path.resolve(env.SAMRAD_DATA_DIR), 'files'));
}


/** The answers sendStoredFile gives, for the OpenAPI description of a route that sends a stored file. */
export const storedFileAnswers = {
  200: { description: 'Filen', content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } },
  206: { description: 'En del av filen (Range)' },
  304: { description: 'Uendret (If-None-Match)' },
  416: { description: 'Range ligger utenfor filen' },
};
/** The Range header's one range, null for none (or one we serve whole), 'unsatisfiable' for 416. */
export function parseRange(header: string | undefined, size: number): TByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  // Several ranges or another unit: RFC 9110 lets a server ignore Range and send the whole file.
  if (!m || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

export type TStoredDownload = {
  sha256: string;
  size: number;
  contentType: string;
  contentDisposition: string;
  /** 'private, no-store' for anything a shared cache must not keep. */
  cacheControl: string;
};

export async function sendStoredFile(c: Context<AppEnv>, file: TStoredDownload, extraHeaders: Record<string, string> = {}) {
  return sendBytes(c, { ...file, etag: `"${file.sha256}"`, open: (range) => c.var.files.open(file.sha256, range) }, extraHeaders);
}

export type TDownload = {
  /** Strong, quotes included: the same tag always means the same bytes (Range relies on it). */
  etag: string;
  size: number;
  contentType: string;
  contentDisposition: string;
  cacheControl: string;
  /** The bytes (or the range) as a stream, opened only once the answer is known to carry them. */
  open: (range?: TByteRange) => Promise<Readable>;
};

/** Streams bytes with ETag, If-None-Match (304), one Range (206, 416 past the end) and the exact length. */
export async function sendBytes(c: Context<AppEnv>, file: TDownload, extraHeaders: Record<string, string> = {}) {
  const common: Record<string, string> = {
    etag: file.etag, 'accept-ranges': 'bytes', 'cache-control': file.cacheControl, 'content-disposition': file.contentDisposition, ...extraHeaders,
  };
  if (etagMatches(c.req.header('if-none-match'), file.etag)) return new Response(null, { status: 304, headers: common });
  const range = parseRange(c.req.header('range'), file.size);
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...common, 'content-range': `bytes */${file.size}` } });
  }
  const stream = await file.open(range ?? undefined);
  const body = Readable.toWeb(stream) as ReadableStream<Uint8Array>;
  const headers = { ...common, 'content-type': file.contentType };
  if (!range) return new Response(body, { status: 200, headers: { ...headers, 'content-length': String(file.size) } });
  return new Response(body, {
    status: 206,
    headers: { ...headers, 'content-length': String(range.end - range.start + 1), 'content-range': `bytes ${range.start}-${range.end}/${file.size}` },
  });
}

/** Every module whose rows name stored files: a file none of them names is not stored, whatever the disk holds. */
export function referencedStoredFiles(db: DbOrTx): TReferencedFiles {
  return referencedByAny([(h) => referencedGovernanceFiles(db, h), (h) => referencedServiceDeskFiles(db, h), (h) => referencedReportFiles(db, h), (h) => referencedOrgFiles(db, h)]);
}

/** Longer than any upload takes from its put to its commit. */
export const SWEEP_GRACE_MS = 6 * 60 * 60 * 1000;

/**
 * Removes files no row names, every few hours. Not a scheduler job: those run inside a transaction,
 * which on PGlite would hold the only connection while the store is walked. Two servers sweeping at
 * once is harmless (removing is idempotent), so no lock is needed.
 */
export function startFileSweep(db: Db, files: FileStore, options: { everyMs?: number; graceMs?: number } = {}): { stop: () => void } {
  const everyMs = options.everyMs ?? 3 * 60 * 60 * 1000;
  const timer = setInterval(() => {
    sweepUnreferencedFiles(files, { isReferenced: referencedStoredFiles(db), olderThan: new Date(Date.now() - (options.graceMs ?? SWEEP_GRACE_MS)) })
      .then((r) => { if (r.removed.length || r.temporaries) logger.info({ removed: r.removed.length, temporaries: r.temporaries }, 'file sweep'); })
      .catch((err) => logger.error({ err }, 'file sweep failed'));
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/**
 * Every minute, the filed papers of meetings whose version moved go (retireSupersededPapers). Not a
 * scheduler job: the caches are this server's own files, so every server sweeps its own, and the one
 * statement needs no transaction.
 */
export function startPaperSweep(db: DbOrTx, caches: readonly TSweptPaperCache[], everyMs = 60_000): { stop: () => void } {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    retireSupersededPapers(db, caches)
      .catch((err) => logger.error({ err }, 'paper sweep failed'))
      .finally(() => { running = false; });
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
