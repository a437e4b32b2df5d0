// The per-kind cap applied while the body is read: reading stops once it passes the cap, before the
// body fills memory. The route checks the file's exact size again (the multipart envelope is extra).
import type { MiddlewareHandler } from 'hono';
import { limitBody } from '../../server/body.js';
import type { AppEnv } from '../../server/context.js';
import { fileTooLarge, uploadCap, type TUploadKind } from './service.js';

/** Room for the multipart envelope and the other form fields around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

export function uploadLimit(kind: TUploadKind): MiddlewareHandler<AppEnv> {
  return (c, next) => limitBody(uploadCap(c.var.env, kind) + MULTIPART_OVERHEAD, () => { throw fileTooLarge(c.var.env, kind); })(c, next);
}
