// Reads an upload's multipart/form-data body without the web platform's FormData, File and Blob: on
// Node 20 those parse and copy a 20 MB body on the event loop for about a second (undici's multipart
// parser ~0.4 s, File construction ~0.2 s, File.arrayBuffer ~0.4 s), which froze every other request.
// The upload routes stream their body to a staged file as it arrives (staging.ts); parseMultipart
// reads a body already in memory (the idempotency check of other multipart requests).
import type { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../server/context.js';
import { badRequest, HttpError, validationErrorBody } from '../../server/errors.js';
import { stagingLimits } from './limits.js';
import type { TUploadKind } from './service.js';
import { dispositionParam, multipartBoundary, stageUploadForm, streamedUploadKind, type TStagedFile, type TStagedForm } from './staging.js';

export { multipartBoundary } from './staging.js';

export type TUploadForm = { file: TStagedFile; fields: Record<string, string> };

const MAX_PARTS = 20;

/**
 * The request's upload, streamed to a staged file once and shared by the gate, the idempotency check
 * and the route; null when this request is not one of the streamed uploads.
 */
export function stagedUpload(c: Context<AppEnv>, kind = streamedUploadKind(c)): Promise<TStagedForm> | null {
  if (!kind) return null;
  return stageUploadForm(c, { files: c.var.files, ...stagingLimits(c.var.env, kind) });
}

type TPart = { name: string; filename: string | null; data: Buffer };

/** The parts of a multipart/form-data body (RFC 7578), each a view of the body. */
export function parseMultipart(body: Buffer, boundary: string): TPart[] {
  const malformed = () => badRequest('Skjemaet (multipart/form-data) er ufullstendig eller ødelagt', [{ path: 'file', message: 'Ugyldig skjema' }]);
  const delimiter = Buffer.from(`--${boundary}`);
  const between = Buffer.from(`\r\n--${boundary}`);
  let at = body.indexOf(delimiter);
  if (at < 0) throw malformed();
  at += delimiter.length;
  const parts: TPart[] = [];
  for (;;) {
    if (body[at] === 0x2d && body[at + 1] === 0x2d) return parts; // "--": the closing delimiter
    if (body[at] !== 0x0d || body[at + 1] !== 0x0a) throw malformed();
    const headerEnd = body.indexOf('\r\n\r\n', at + 2);
    if (headerEnd < 0) throw malformed();
    const headers = body.subarray(at + 2, headerEnd).toString('utf8').split('\r\n');
    const next = body.indexOf(between, headerEnd + 4);
    if (next < 0) throw malformed();
    const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? '';
    const name = dispositionParam(disposition, 'name');
    if (name !== null) parts.push({ name, filename: dispositionParam(disposition, 'filename'), data: body.subarray(headerEnd + 4, next) });
    if (parts.length > MAX_PARTS) throw malformed();
    at = next + between.length;
  }
}

/**
 * The upload's file (field "file", staged on disk) and its text fields, the file capped at the kind's
 * size as it was read (stagingLimits). A request that is not multipart/form-data, or has no file, is a 400 naming the field, as zod's
 * would be.
 */
export async function readUploadForm(c: Context<AppEnv>, kind: TUploadKind): Promise<TUploadForm> {
  const noFile = () => badRequest('Ugyldig verdi for file: Velg en fil (feltet file)', [{ path: 'file', message: 'Velg en fil (feltet file)' }]);
  if (!multipartBoundary(c.req.header('content-type'))) throw noFile();
  const form = await stagedUpload(c, kind)!;
  if (!form.file) throw noFile();
  return { file: form.file, fields: form.fields };
}

/** Path parameters or text fields checked with their zod schema: the same 400 as a declared route gives. */
export function validated<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const { error } = validationErrorBody(parsed.error);
  throw new HttpError(400, error.code, error.message, error.fields);
}
