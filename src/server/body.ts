// A request body as bytes, read from the Node socket when nothing has touched it yet. Request.arrayBuffer()
// on @hono/node-server's web stream moves a 20 MB upload through ~300 stream chunks of promise work,
// about 0.7 s of event loop on this machine; copying the socket's Buffers into one buffer of the
// announced length as they arrive costs a few milliseconds, spread over the chunks. Touching
// `c.req.raw.body` at all (as hono's bodyLimit does) starts that web stream, which then takes a copy of
// every chunk read from the socket, so the size limits below decide from Content-Length alone.
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { allocateForHashing } from '../lib/files/hash.js';
import { bodyLimit } from 'hono/body-limit';
import { streamedUploadKind } from '../modules/uploads/staging.js';

// One read per request: the admission gate, the idempotency check and an upload route all need the bytes.
const readBodies = new WeakMap<Context, Buffer>();

export async function readRequestBytes(c: Context): Promise<Buffer> {
  const kept = readBodies.get(c);
  if (kept) return kept;
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const untouched = incoming && !incoming.readableDidRead && !incoming.readableEnded && !c.req.raw.bodyUsed;
  const length = declaredLength(c);
  let bytes: Buffer;
  if (untouched && length !== null) {
    // Node's parser delivers exactly Content-Length bytes, and limitBody has checked that length. A large
    // body is an upload whose file will be hashed: in shared memory, the hash worker reads it in place.
    bytes = allocateForHashing(length);
    let at = 0;
    for await (const chunk of incoming as AsyncIterable<Buffer>) at += chunk.copy(bytes, at);
    bytes = bytes.subarray(0, at);
  } else {
    bytes = Buffer.from(await c.req.arrayBuffer());
  }
  readBodies.set(c, bytes);
  return bytes;
}

/** Content-Length when it alone says how long the body is (no Transfer-Encoding), else null. */
function declaredLength(c: Context): number | null {
  const header = c.req.header('content-length');
  if (header === undefined || c.req.header('transfer-encoding') !== undefined || !/^\d+$/.test(header.trim())) return null;
  return Number(header);
}

/**
 * Refuses a body larger than `maxSize` before it is read. With a Content-Length that is a comparison; a
 * chunked body has no length up front and goes through hono's bodyLimit, which counts it as it passes
 * (and gathers it in memory), except an upload streamed to disk: the staging counts its own bytes.
 */
export function limitBody(maxSize: number, tooLarge: (c: Context) => never): MiddlewareHandler {
  const counting = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = declaredLength(c);
    if (length === null) return streamedUploadKind(c) ? next() : counting(c, next);
    if (length > maxSize) tooLarge(c);
    return next();
  };
}

/**
 * Reads the body for a middleware and puts the same bytes back as the request's body, so the route's
 * own readers (JSON or form validation, readRequestBytes) find it as if nothing had read it. The bytes
 * go back as a stream of one chunk: a Uint8Array body would be copied whole by the Request constructor.
 */
export async function bufferRequestBody(c: Context): Promise<Buffer> {
  const bytes = await readRequestBytes(c);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (bytes.length > 0) controller.enqueue(bytes);
      controller.close();
    },
  });
  c.req.raw = new Request(c.req.raw, { body, duplex: 'half' } as RequestInit);
  return bytes;
}
