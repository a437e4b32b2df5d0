// A request body as bytes, read from the Node socket when nothing has touched it yet. Request.arrayBuffer()
// on @hono/node-server's web stream moves a 20 MB upload through ~300 stream chunks of promise work,
// about 0.7 s of event loop on this machine; gathering the socket's Buffers and concatenating them once
// costs a few milliseconds. Only with a Content-Length: bodyLimit has checked it before anything reads,
// and Node's parser delivers exactly that many bytes; a chunked body takes the web stream, which
// bodyLimit counts as it passes.
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

export async function readRequestBytes(c: Context): Promise<Buffer> {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  const untouched = incoming && !incoming.readableDidRead && !incoming.readableEnded && !c.req.raw.bodyUsed;
  if (untouched && c.req.header('content-length') && !c.req.header('transfer-encoding')) {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming as AsyncIterable<Buffer>) chunks.push(chunk);
    return Buffer.concat(chunks);
  }
  return Buffer.from(await c.req.arrayBuffer());
}
