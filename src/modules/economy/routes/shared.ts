// What the economy's route files share: the tag and the role checks of docs/decisions/0020's recipe.
import { requireRole } from '../../../server/auth/middleware.js';
import { ECONOMY_READERS, ECONOMY_WRITERS } from '../policy.js';

export const tags = ['Økonomi'];
export const writers = requireRole(...ECONOMY_WRITERS);
export const readers = requireRole(...ECONOMY_READERS);

/** Today in Norway, as an ISO date: the report's default date, and when a year counts as over. */
export const osloToday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
