// The upload limits, in one place: the cap of each kind of file (within MAX_UPLOAD_BYTES, the ceiling
// for any request body), the room the multipart envelope may add, and the one refusal past any of
// them, 413 `too_large` with the cap in the message. The app-wide body guard (src/server/guards.ts),
// the upload routes' middleware and the streaming reader (staging.ts) all take their numbers here.
import type { Context, MiddlewareHandler } from 'hono';
import { limitBody } from '../../server/body.js';
import type { AppEnv } from '../../server/context.js';
import { formatBytes } from '../../lib/norwegian-format.js';
import type { TEnv } from '../../server/env.js';
import { tooLarge, type HttpError } from '../../server/errors.js';
import { refusal } from '../../server/openapi.js';
import type { TUploadKind } from './service.js';
import { streamedUploadKind } from './staging.js';

/** Room for the multipart envelope and the other form fields around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * A letterhead logo is printed a few centimetres wide on every paper and read into each render: 2 MiB
 * is ample for that and keeps a careless upload (a 20 MB photograph) out of every PDF.
 */
export const LOGO_MAX_BYTES = 2 * 1024 * 1024;

const KIND_NAME: Record<TUploadKind, string> = {
  'ticket-attachment': 'vedlegg på en sak i kundeservice',
  'meeting-attachment': 'vedlegg til en møtesak',
  'report-image': 'bilder i en rapport',
  logo: 'en logo',
  import: 'importfiler',
};

/** The largest file of this kind; never more than MAX_UPLOAD_BYTES, the ceiling for any request body. */
export function uploadCap(env: TEnv, kind: TUploadKind): number {
  if (kind === 'logo') return Math.min(LOGO_MAX_BYTES, env.MAX_UPLOAD_BYTES);
  const own = kind === 'ticket-attachment' ? env.MAX_TICKET_ATTACHMENT_BYTES
    // A report's images are papers of the council like a case's attachments: the same cap.
    : kind === 'meeting-attachment' || kind === 'report-image' ? env.MAX_MEETING_ATTACHMENT_BYTES : env.MAX_IMPORT_BYTES;
  return Math.min(own, env.MAX_UPLOAD_BYTES);
}

export function fileTooLarge(env: TEnv, kind: TUploadKind): HttpError {
  return tooLarge(`Filen er for stor; største tillatte størrelse for ${KIND_NAME[kind]} er ${formatBytes(uploadCap(env, kind))}`);
}

/** The largest multipart body: of an upload of the kind, or of any (MAX_UPLOAD_BYTES) before a route has said which. */
export function multipartBodyCap(env: TEnv, kind?: TUploadKind): number {
  return (kind ? uploadCap(env, kind) : env.MAX_UPLOAD_BYTES) + MULTIPART_OVERHEAD;
}

/** What the streaming reader stops at: the file's cap, the body's, and the refusal past either. */
export function stagingLimits(env: TEnv, kind: TUploadKind) {
  return { maxFileBytes: uploadCap(env, kind), maxBodyBytes: multipartBodyCap(env, kind), tooLarge: () => fileTooLarge(env, kind) };
}

/**
 * The size of the form's file, parsed as the route's form validator parses it (and left for it in
 * hono's body cache, so it is parsed once); null when there is no file or the body is no form, which
 * the validator then refuses with its own 400.
 */
async function formFileSize(c: Context<AppEnv>): Promise<number | null> {
  const contentType = c.req.header('content-type') ?? '';
  try {
    const form = await new Response(await c.req.arrayBuffer(), {
      headers: { 'content-type': contentType.replace(/^[^;]+/, (mediaType) => mediaType.toLowerCase()) },
    }).formData();
    c.req.bodyCache.formData = form;
    const file = form.get('file');
    return file !== null && typeof file === 'object' ? file.size : null;
  } catch {
    return null;
  }
}

/**
 * The limit of an upload route, before its handler: a body past the kind's cap is refused before it
 * is read, and the file is checked exactly once the form is read (a streamed upload's reader checks
 * it as the bytes arrive, stagingLimits).
 */
export function uploadLimit(kind: TUploadKind): MiddlewareHandler<AppEnv> {
  return (c, next) => limitBody(multipartBodyCap(c.var.env, kind), () => { throw fileTooLarge(c.var.env, kind); })(c, async () => {
    if (!streamedUploadKind(c)) {
      const size = await formFileSize(c);
      if (size !== null && size > uploadCap(c.var.env, kind)) throw fileTooLarge(c.var.env, kind);
    }
    await next();
  });
}

/** The refusals of every upload route, for its OpenAPI description. */
export const uploadRefusals = {
  413: refusal('For stor fil'),
  415: refusal('Filtypen er ikke tillatt, eller navnet stemmer ikke med innholdet'),
  429: refusal('For mange opplastinger (per minutt eller per døgn); se Retry-After'),
} as const;
