// Uploads: what each user has uploaded in the current day and minute, for the per-user quota and rate.
import { bigint, date, integer, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../org/schema.js';

/** One row per user, overwritten as the windows move on; updated in one statement so it is atomic. */
export const uploadUsage = pgTable('upload_usage', {
  userId: uuid('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  /** The UTC day dayBytes counts. */
  day: date('day', { mode: 'string' }).notNull(),
  dayBytes: bigint('day_bytes', { mode: 'number' }).notNull(),
  /** The start of the minute minuteUploads counts. */
  minute: timestamp('minute', { withTimezone: true }).notNull(),
  minuteUploads: integer('minute_uploads').notNull(),
});
