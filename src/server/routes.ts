// Every module's routes, mounted in one place.
import { createRouter } from './openapi.js';
import { orgRoutes } from '../modules/org/routes.js';

export const apiRoutes = createRouter();
apiRoutes.route('/', orgRoutes);
