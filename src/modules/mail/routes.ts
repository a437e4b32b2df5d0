// HTTP for the outbox: admins read what samrad sent, or (without SMTP) what it would have sent.
// The list leaves out attachment contents, which can be megabytes of PDF per message.
import { z } from '@hono/zod-openapi';
import { requireRole } from '../../server/auth/middleware.js';
import { notFound } from '../../server/errors.js';
import { createRouter, jsonContent, route, ZIdParam } from '../../server/openapi.js';
import { getOutboxMessage, listOutbox } from './service.js';

const tags = ['E-post'];

const ZAttachmentInfo = z.object({ filename: z.string(), contentType: z.string(), size: z.number().int() });
const ZOutboxMessage = z.object({
  id: z.string(),
  createdAt: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  sentAt: z.string().nullable(),
  error: z.string().nullable(),
  attachments: z.array(ZAttachmentInfo),
}).openapi('OutboxMessage');
const ZOutboxMessageWithContent = ZOutboxMessage.extend({
  attachments: z.array(ZAttachmentInfo.extend({ contentBase64: z.string() })),
}).openapi('OutboxMessageWithContent');

const ZOutboxQuery = z.object({
  limit: z.coerce.number().int().min(1, 'Minst 1').max(500, 'Høyst 500').optional().openapi({ param: { name: 'limit', in: 'query' } }),
});

type TOutboxRow = NonNullable<Awaited<ReturnType<typeof getOutboxMessage>>>;

/** Bytes of a base64 payload, without decoding it. */
const decodedSize = (b64: string) => Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);

function messageJson(row: TOutboxRow) {
  return {
    id: row.id,
    createdAt: row.createdAt.toISOString(),
    to: row.to,
    subject: row.subject,
    text: row.text,
    sentAt: row.sentAt ? row.sentAt.toISOString() : null,
    error: row.error,
    attachments: row.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, size: decodedSize(a.contentBase64) })),
  };
}

export const mailRoutes = createRouter();

mailRoutes.openapi(route({
  method: 'get', path: '/api/outbox', tags, summary: 'Utgående e-post, nyeste først (uten vedleggsinnhold)', access: [requireRole()],
  request: { query: ZOutboxQuery }, answers: { 200: jsonContent(z.object({ messages: z.array(ZOutboxMessage) }), 'E-postene') },
}), async (c) => {
  const rows = await listOutbox(c.var.db, c.req.valid('query').limit ?? 100);
  return c.json({ messages: rows.map(messageJson) }, 200);
});

mailRoutes.openapi(route({
  method: 'get', path: '/api/outbox/{id}', tags, summary: 'Én e-post med vedlegg', access: [requireRole()],
  request: { params: ZIdParam }, answers: { 200: jsonContent(ZOutboxMessageWithContent, 'E-posten') },
}), async (c) => {
  const row = await getOutboxMessage(c.var.db, c.req.valid('param').id);
  if (!row) throw notFound('E-posten');
  const shaped = messageJson(row);
  return c.json({
    ...shaped,
    attachments: shaped.attachments.map((a, i) => ({ ...a, contentBase64: row.attachments[i]!.contentBase64 })),
  }, 200);
});
