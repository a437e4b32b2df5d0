// Outgoing mail. Without SMTP configured, messages stay here and admins read them, so nothing is lost.
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const outbox = pgTable('mail_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  /** Attachments as {filename, contentType, contentBase64}. */
  attachments: jsonb('attachments').$type<{ filename: string; contentType: string; contentBase64: string }[]>().notNull().default([]),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  error: text('error'),
}, (t) => [index('mail_outbox_created_idx').on(t.createdAt)]);
