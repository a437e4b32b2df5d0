// A request body as bytes, read from the Node socket when nothing has touched it yet. Request.arrayBuffer()
// on @hono/node-server's web stream moves a 20 MB upload through ~300 stream chunks of promise work,
// about 0.7 s of event loop on this machine; gathering the socket's Buffers and concatenating them once
// costs a few milliseconds. Only with a Content-Length: bodyLimit has checked it before anything reads,
// and Node's parser delivers exactly that many bytes; a chunked body takes the web stream, which
// bodyLimit counts as it passes.
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

// One read per request: the admission gate, the idempotency check and an upload route all need the bytes.
const readBodies = new WeakMap<Context, Buffer>();

export async function readRequestBytes(c: Context): Promise<Buffer> {
  const kept = readBodies.get(c);
  if (kept) return kept;
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const untouched = incoming && !incoming.readableDidRead && !incoming.readableEnded && !c.req.raw.bodyUsed;
  let bytes: Buffer;
  if (untouched && c.req.header('content-length') && !c.req.header('transfer-encoding')) {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming as AsyncIterable<Buffer>) chunks.push(chunk);
    bytes = Buffer.concat(chunks);
  } else {
    bytes = Buffer.from(await c.req.arrayBuffer());
  }
  readBodies.set(c, bytes);
  return bytes;
}

/**
 * Reads the body for a middleware and puts the same bytes back as the request's body, so the route's
 * own readers (JSON validation, readRequestBytes) find it as if nothing had read it.
 */
export async function bufferRequestBody(c: Context): Promise<Buffer> {
  const bytes = await readRequestBytes(c);
  c.req.raw = new Request(c.req.raw, { body: new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength) });
  return bytes;
}
