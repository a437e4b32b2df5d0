// An upload's multipart/form-data body, read as it arrives: the file part goes straight to a temporary
// file of the file store (never whole in memory), the few text fields stay in memory, and once the body
// has ended the hash worker reads the file back for its SHA-256 (and, for a .txt, whether it is UTF-8),
// so neither the bytes nor their hash pass through the event loop as one piece. The file is stored
// under its hash only when the route keeps it (after the type check and the quota); a refused, failed
// or abandoned upload leaves nothing stored, and a crash leaves only a temporary that the sweep removes.
//
// The admission gate and the idempotency check read an upload's body before the route does (decision
// 0019: before the request queues), so the staged form is kept per request and shared, like
// server/body.ts keeps other bodies.
import type { IncomingMessage } from 'node:http';
import { open as openFile } from 'node:fs/promises';
import type { Context, MiddlewareHandler } from 'hono';
import { fileTypeFromFile } from 'file-type';
import { hashFile } from '../../lib/files/hash.js';
import type { FileStore, TStaging, TStoredFile } from '../../lib/files/store.js';
import { badRequest } from '../../server/errors.js';
import type { TUpload, TUploadKind } from './service.js';

/**
 * The upload routes, whose bodies are streamed to disk instead of read into memory (POST, multipart),
 * with the kind whose cap applies. A route that reads its file with readUploadForm and is missing here
 * still works (the body is then read into memory by the gate first); upload-streaming.test.ts checks
 * that every one is listed.
 */
export const STREAMED_UPLOADS: readonly { path: RegExp; kind: TUploadKind }[] = [
  { path: /^\/api\/cases\/[^/]+\/attachments$/, kind: 'meeting-attachment' },
  { path: /^\/api\/servicedesk\/tickets\/[^/]+\/attachments$/, kind: 'ticket-attachment' },
  { path: /^\/api\/reports\/[^/]+\/images$/, kind: 'report-image' },
  { path: /^\/api\/cooperations\/[^/]+\/logo$/, kind: 'logo' },
];

const MAX_PREAMBLE = 64 * 1024;
const MAX_PART_HEADERS = 16 * 1024;
const MAX_FIELD_BYTES = 64 * 1024;
const MAX_PARTS = 20;

export type TStagedFile = TUpload & { name: string; sha256: string; path: string };
export type TStagedForm = { file: TStagedFile | null; fields: Record<string, string> };

export function multipartBoundary(contentType: string | undefined): string | null {
  const m = /^multipart\/form-data\s*;.*?boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType ?? '');
  return m ? (m[1] ?? m[2]!) : null;
}

/** The kind of upload this request is, when its body is to be streamed to disk; else null. */
export function streamedUploadKind(c: Context): TUploadKind | null {
  if (c.req.method !== 'POST' || multipartBoundary(c.req.header('content-type')) === null) return null;
  return STREAMED_UPLOADS.find((u) => u.path.test(c.req.path))?.kind ?? null;
}

const malformed = () => badRequest('Skjemaet (multipart/form-data) er ufullstendig eller ødelagt', [{ path: 'file', message: 'Ugyldig skjema' }]);

/** A parameter of a Content-Disposition header (RFC 7578: quoted, bare, or RFC 5987 UTF-8). */
export function dispositionParam(header: string, name: string): string | null {
  const star = new RegExp(`;\\s*${name}\\*=UTF-8''([^;]+)`, 'i').exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      return null;
    }
  }
  const quoted = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(header);
  if (quoted) return quoted[1]!.replace(/\\(.)/g, '$1');
  const bare = new RegExp(`;\\s*${name}=([^;\\s]+)`, 'i').exec(header);
  return bare ? bare[1]! : null;
}

export type TStageOptions = {
  files: FileStore;
  /** The largest file accepted; past it reading stops with `tooLarge`. */
  maxFileBytes: number;
  /** The largest body (file, fields and envelope); past it reading stops with `tooLarge`. */
  maxBodyBytes: number;
  tooLarge: () => Error;
};

/**
 * Reads a multipart/form-data body from `source` as it arrives: the first part named "file" with a
 * file name goes to a staged file of the store, text fields to memory. Throws 400 for a malformed or
 * unfinished body and `tooLarge` past the cap; either way nothing is left behind.
 */
export async function stageMultipart(source: AsyncIterable<Uint8Array>, boundary: string, options: TStageOptions): Promise<TStagedForm> {
  const delimiter = Buffer.from(`--${boundary}`);
  const between = Buffer.from(`\r\n--${boundary}`);
  const fields: Record<string, string> = {};
  // `as`: assigned in closures and loops that the compiler's narrowing does not follow.
  let state = 'preamble' as 'preamble' | 'after-delimiter' | 'headers' | 'body' | 'done';
  const finished = () => state === 'done';
  let pending: Buffer = Buffer.alloc(0);
  let parts = 0;
  // The part being read: a field's pieces, or the staged file being written.
  let field: { name: string; pieces: Buffer[]; size: number } | null = null;
  let file = null as { name: string; staging: TStaging; handle: Awaited<ReturnType<typeof openFile>>; size: number } | null;
  let writing: 'file' | 'field' | 'skip' = 'skip';
  let staged = null as { name: string; staging: TStaging; size: number } | null;
  let fieldBytes = 0;

  const emit = async (data: Buffer) => {
    if (data.length === 0) return;
    if (writing === 'file') {
      file!.size += data.length;
      if (file!.size > options.maxFileBytes) throw options.tooLarge();
      await file!.handle.write(data);
    } else if (writing === 'field') {
      fieldBytes += data.length;
      if (fieldBytes > MAX_FIELD_BYTES) throw malformed();
      field!.pieces.push(Buffer.from(data));
    }
  };
  const endPart = async () => {
    if (writing === 'file') {
      await file!.handle.close();
      staged = { name: file!.name, staging: file!.staging, size: file!.size };
      file = null;
    } else if (writing === 'field') {
      fields[field!.name] = Buffer.concat(field!.pieces).toString('utf8');
      field = null;
    }
    writing = 'skip';
  };
  const startPart = async (headerText: string) => {
    if (++parts > MAX_PARTS) throw malformed();
    const disposition = headerText.split('\r\n').find((h) => /^content-disposition:/i.test(h)) ?? '';
    const name = dispositionParam(disposition, 'name');
    const filename = dispositionParam(disposition, 'filename');
    if (name === null) writing = 'skip';
    else if (filename === null) {
      writing = 'field';
      field = { name, pieces: [], size: 0 };
    } else if (name === 'file' && !staged && !file) {
      const staging = await options.files.stage();
      try {
        file = { name: filename, staging, handle: await openFile(staging.path, 'wx'), size: 0 };
      } catch (err) {
        await staging.discard();
        throw err;
      }
      writing = 'file';
    } else writing = 'skip';
  };

  try {
    let received = 0;
    for await (const chunk of untilCutOff(source)) {
      received += chunk.length;
      if (received > options.maxBodyBytes) throw options.tooLarge();
      if (finished()) continue; // the epilogue, if any, is not read
      // Carried bytes are at most a delimiter's length (or a part's headers), so this copies little
      // unless a carry is pending; a chunk is otherwise searched where it lies.
      let data = pending.length ? Buffer.concat([pending, chunk]) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      pending = Buffer.alloc(0);
      while (data.length > 0 && !finished()) {
        if (state === 'preamble') {
          const at = data.indexOf(delimiter);
          if (at < 0) {
            if (data.length > MAX_PREAMBLE) throw malformed();
            pending = Buffer.from(data);
            break;
          }
          data = data.subarray(at + delimiter.length);
          state = 'after-delimiter';
        } else if (state === 'after-delimiter') {
          if (data.length < 2) {
            pending = Buffer.from(data);
            break;
          }
          if (data[0] === 0x2d && data[1] === 0x2d) {
            state = 'done';
            break;
          }
          if (data[0] !== 0x0d || data[1] !== 0x0a) throw malformed();
          data = data.subarray(2);
          state = 'headers';
        } else if (state === 'headers') {
          const end = data.indexOf('\r\n\r\n');
          if (end < 0) {
            if (data.length > MAX_PART_HEADERS) throw malformed();
            pending = Buffer.from(data);
            break;
          }
          await startPart(data.subarray(0, end).toString('utf8'));
          data = data.subarray(end + 4);
          state = 'body';
        } else {
          const at = data.indexOf(between);
          if (at >= 0) {
            await emit(data.subarray(0, at));
            await endPart();
            data = data.subarray(at + between.length);
            state = 'after-delimiter';
          } else {
            // All but what could be the start of the next delimiter.
            const safe = Math.max(0, data.length - (between.length - 1));
            await emit(data.subarray(0, safe));
            pending = Buffer.from(data.subarray(safe));
            break;
          }
        }
      }
    }
    if (!finished()) throw malformed();
    if (!staged) return { file: null, fields };
    return { file: await stagedFile(staged.name, staged.staging), fields };
  } catch (err) {
    if (file) await file.handle.close().catch(() => undefined);
    await (file?.staging ?? staged?.staging)?.discard();
    throw err;
  }
}

/** A body that stops arriving (the client went, the connection broke) is an unfinished form: 400. */
async function* untilCutOff(source: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  try {
    yield* source;
  } catch {
    throw malformed();
  }
}

async function stagedFile(name: string, staging: TStaging): Promise<TStagedFile> {
  const isText = /\.txt$/i.test(name);
  let hashed;
  try {
    hashed = await hashFile(staging.path, { utf8: isText });
  } catch (err) {
    await staging.discard();
    throw err;
  }
  const { sha256, size } = hashed;
  return {
    name, sha256, size, path: staging.path,
    put: (): Promise<TStoredFile> => staging.keep({ sha256, size }),
    discard: () => staging.discard(),
    content: {
      size,
      fileType: () => fileTypeFromFile(staging.path),
      read: (start, end) => readRange(staging.path, start, end),
      isUtf8: async () => hashed.utf8 === true,
    },
  };
}

/** Bytes [start, end) of a file. */
async function readRange(path: string, start: number, end: number): Promise<Buffer> {
  const length = Math.max(0, end - start);
  const handle = await openFile(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, start);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

// One staging per request, shared by the gate, the idempotency check and the route.
const stagedForms = new WeakMap<Context, Promise<TStagedForm>>();

/** The request's body as a bytes stream: the Node socket when nothing has read it yet, else the web stream. */
function bodyOf(c: Context): AsyncIterable<Uint8Array> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming && !incoming.readableDidRead && !incoming.readableEnded && !c.req.raw.bodyUsed) return incoming as AsyncIterable<Buffer>;
  const body = c.req.raw.body;
  if (!body) return (async function* () { /* no body */ })();
  return body as unknown as AsyncIterable<Uint8Array>;
}

/** The staged upload of this request, read once (the first caller's cap applies). */
export function stageUploadForm(c: Context, options: TStageOptions): Promise<TStagedForm> {
  let staged = stagedForms.get(c);
  if (!staged) {
    const boundary = multipartBoundary(c.req.header('content-type'));
    staged = boundary ? stageMultipart(bodyOf(c), boundary, options) : Promise.reject(malformed());
    // A rejection is handled by whoever awaits it; this keeps an early one from being "unhandled".
    staged.catch(() => undefined);
    stagedForms.set(c, staged);
  }
  return staged;
}

/** After the request: a staged file the route did not keep is removed (a kept one has moved already). */
export const discardStagedUploads: MiddlewareHandler = async (c, next) => {
  try {
    await next();
  } finally {
    const staged = stagedForms.get(c);
    if (staged) {
      const form = await staged.catch(() => null);
      await form?.file?.discard();
    }
  }
};
