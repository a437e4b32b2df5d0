// Sends mail through SMTP when configured; always keeps a copy in the outbox so admins can see what
// went out (and, without SMTP, read what would have).
import { desc, eq } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import type { DbOrTx } from '../../db/client.js';
import { outbox } from './schema.js';

export type TMailAttachment = { filename: string; contentType: string; content: Buffer | string };
export type TMail = { to: string; subject: string; text: string; attachments?: TMailAttachment[] };
export type MailConfig = { smtpUrl?: string; from: string };

export async function queueMail(db: DbOrTx, mail: TMail): Promise<string> {
  const [row] = await db.insert(outbox).values({
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    attachments: (mail.attachments ?? []).map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      contentBase64: Buffer.from(a.content).toString('base64'),
    })),
  }).returning({ id: outbox.id });
  return row!.id;
}

/** Delivers what is waiting in the outbox. Without SMTP it does nothing: the outbox is the delivery. */
export async function deliverOutbox(db: DbOrTx, config: MailConfig): Promise<number> {
  if (!config.smtpUrl) return 0;
  const transport = nodemailer.createTransport(config.smtpUrl);
  const pending = await db.query.outbox.findMany({ where: (o, { isNull }) => isNull(o.sentAt), limit: 100 });
  let sent = 0;
  for (const m of pending) {
    try {
      await transport.sendMail({
        from: config.from, to: m.to, subject: m.subject, text: m.text,
        attachments: m.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.contentBase64, 'base64') })),
      });
      await db.update(outbox).set({ sentAt: new Date(), error: null }).where(eqId(m.id));
      sent++;
    } catch (err) {
      await db.update(outbox).set({ error: String(err) }).where(eqId(m.id));
    }
  }
  transport.close();
  return sent;
}

const eqId = (id: string) => eq(outbox.id, id);

export async function listOutbox(db: DbOrTx, limit = 100) {
  return db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(Math.min(limit, 500));
}

export async function getOutboxMessage(db: DbOrTx, id: string) {
  return (await db.query.outbox.findFirst({ where: eqId(id) })) ?? null;
}
