// Every module's routes, mounted in one place.
import { createRouter } from './openapi.js';

export const apiRoutes = createRouter();
