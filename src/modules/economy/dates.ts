// A forecast or budget revision belongs to one year and is dated within it: a report of the year picks
// entries by their year and by date up to its own, so an entry of 2024 dated 2031 would silently drop
// out of every 2024 report before 31.12 and count in none after it.
import { badRequest } from '../../server/errors.js';
import { yearOf } from '../../lib/date-schemas.js';

/** Refuses (400 on `date`) an ISO date whose year is not the entry's year. */
export function requireDateInYear(date: string, year: number, field = 'date') {
  if (yearOf(date) !== year) {
    const message = `Datoen må ligge i ${year}`;
    throw badRequest(message, [{ path: field, message }]);
  }
}
