// In-app messages (issue 13): other modules send them with `sendMessage` inside their own transaction,
// beside the mail; the reader lists their own and marks them read or unread. A message belongs to an
// e-mail address, so a reader sees exactly the messages to the address they signed in with, and a
// message to someone else is «not found» to them, never «forbidden» (that would say it exists).
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { notFound } from '../../server/errors.js';
import type { TUserMessage, TUserMessageList, TUserMessageReadRequest } from './model.js';
import { userMessages } from './schema.js';

export type TSendMessageOptions = {
  to: string; subject: string; text: string; link?: string | null;
  /** The sending module's word for what it is about (`equipment.replacement`) and the record's id. */
  source: string; sourceId?: string | null;
};

/** Puts a message in the recipient's in-app list; call it in the transaction of the write it tells about. */
export async function sendMessage(db: DbOrTx, m: TSendMessageOptions): Promise<string> {
  const [row] = await db.insert(userMessages).values({
    recipientEmail: m.to.trim().toLowerCase(), subject: m.subject, text: m.text, link: m.link ?? null, source: m.source, sourceId: m.sourceId ?? null,
  }).returning({ id: userMessages.id });
  return row!.id;
}

const messageJson = (r: typeof userMessages.$inferSelect): TUserMessage => ({
  id: r.id, subject: r.subject, text: r.text, link: r.link, source: r.source, createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null,
});

/** The reader's own messages, newest first, and how many of all of them are unread. */
export async function listMessages(db: DbOrTx, o: { email: string; limit?: number }): Promise<TUserMessageList> {
  const email = o.email.toLowerCase();
  const [rows, [unread]] = await Promise.all([
    db.select().from(userMessages).where(eq(userMessages.recipientEmail, email)).orderBy(desc(userMessages.createdAt), desc(userMessages.id)).limit(o.limit ?? 50),
    db.select({ n: count() }).from(userMessages).where(and(eq(userMessages.recipientEmail, email), isNull(userMessages.readAt))),
  ]);
  return { messages: rows.map(messageJson), unread: unread?.n ?? 0 };
}

/** Marks one of the reader's messages read (kept at its first reading) or unread; 404 for any other. */
export async function markMessage(db: DbOrTx, o: { email: string; id: string } & TUserMessageReadRequest): Promise<TUserMessage> {
  const mine = and(eq(userMessages.id, o.id), eq(userMessages.recipientEmail, o.email.toLowerCase()));
  const [before] = await db.select().from(userMessages).where(mine);
  if (!before) throw notFound('Meldingen');
  if (o.read === !!before.readAt) return messageJson(before);
  const [after] = await db.update(userMessages).set({ readAt: o.read ? new Date() : null }).where(mine).returning();
  return messageJson(after!);
}

/** What one sender has told about one record, oldest first (the campaign's reminders test reads them). */
export async function listMessagesAbout(db: DbOrTx, o: { source: string; sourceId: string }): Promise<TUserMessage[]> {
  const rows = await db.select().from(userMessages)
    .where(and(eq(userMessages.source, o.source), eq(userMessages.sourceId, o.sourceId))).orderBy(userMessages.createdAt);
  return rows.map(messageJson);
}
