// The per-kind cap applied while the body is read: reading stops once it passes the cap, before the
// body fills memory. The route checks the file's exact size again (the multipart envelope is extra).
import type { MiddlewareHandler } from 'hono';
import { limitBody } from '../../server/body.js';
import type { AppEnv } from '../../server/context.js';
import { refusal } from '../../server/openapi.js';
import { fileTooLarge, uploadCap, type TUploadKind } from './service.js';

/** Room for the multipart envelope and the other form fields around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

export function uploadLimit(kind: TUploadKind): MiddlewareHandler<AppEnv> {
  return (c, next) => limitBody(uploadCap(c.var.env, kind) + MULTIPART_OVERHEAD, () => { throw fileTooLarge(c.var.env, kind); })(c, next);
}

/** The refusals of every upload route, for its OpenAPI description. */
export const uploadRefusals = {
  413: refusal('For stor fil'),
  415: refusal('Filtypen er ikke tillatt, eller navnet stemmer ikke med innholdet'),
  429: refusal('For mange opplastinger (per minutt eller per døgn); se Retry-After'),
} as const;
