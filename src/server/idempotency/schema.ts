// Idempotency keys of POST requests: the first answer is kept with the key, so a client that gave up
// waiting and sends the same request again gets that answer instead of a second row.
// See docs/decisions/0018-idempotent-creates.md.
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../modules/org/schema.js';

export const idempotencyKeys = pgTable('idempotency_keys', {
  /** Keys are the client's own words: scoped per user, so one user's key never meets another's answer. */
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  key: text('key').notNull(),
  /** SHA-256 of method, path with query and body: the same key with another request is refused (422). */
  requestHash: text('request_hash').notNull(),
  /** The request handling the key now; only it may mark the key committed or store the answer. */
  owner: uuid('owner').notNull(),
  /** Until then a repeat is told the first is still in progress; after it, a request that committed
   * nothing (its process died) may be taken over. */
  leaseUntil: timestamp('lease_until', { withTimezone: true }).notNull(),
  /** Set inside the handler's own transaction: true once the request's writes are committed. */
  committed: boolean('committed').notNull().default(false),
  /** The answer, once sent: status, the headers worth repeating, the body's bytes as base64. */
  status: integer('status'),
  responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
  responseBody: text('response_body'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
}, (t) => [
  primaryKey({ columns: [t.userId, t.key] }),
  index('idempotency_keys_expires_idx').on(t.expiresAt),
]);
