// The ticket's version. `sd_tickets.updated_at` is what the desk's edit names as `expectedUpdatedAt`
// (optimistic concurrency), so every write that changes a ticket, its history or its files moves it
// forward through nextVersion, never by writing `now` directly.

/**
 * The ticket's next version: now, or one millisecond past the last one when the clock has not moved on
 * (two changes in the same millisecond, a test clock set back), so every change gives a new version.
 */
export function nextVersion(previous: Date, now: Date): Date {
  return now.getTime() > previous.getTime() ? now : new Date(previous.getTime() + 1);
}
