// What the economy's route files share: the tag and the role checks of docs/decisions/0020's recipe.
import { requireRole } from '../../../server/auth/middleware.js';
import { ECONOMY_READERS, ECONOMY_WRITERS } from '../policy.js';

export const tags = ['Økonomi'];
export const writers = requireRole(...ECONOMY_WRITERS);
export const readers = requireRole(...ECONOMY_READERS);
