// In-app messages: what samrad tells one person inside the app, beside (not instead of) the mail. A
// message is addressed to an e-mail address, not an account, because the person it is for may not have
// signed in yet (a PC's primary user is known from the endpoint export by UPN only); it appears for
// whichever account signs in with that address.
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const userMessages = pgTable('user_messages', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The recipient's e-mail address in lower case; only an account with this address reads it. */
  recipientEmail: text('recipient_email').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  /** A path inside the app the message asks the reader to open (`/utstyr/bytte/…`), or none. */
  link: text('link'),
  /** What sent it (`equipment.replacement`) and about which of its records, so a sender can find its own. */
  source: text('source').notNull(),
  sourceId: uuid('source_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  readAt: timestamp('read_at', { withTimezone: true }),
}, (t) => [index('user_messages_recipient_idx').on(t.recipientEmail, t.createdAt)]);
