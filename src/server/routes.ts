// Every module's routes, mounted in one place.
import { createRouter } from './openapi.js';
import { orgRoutes } from '../modules/org/routes.js';
import { oidcRoutes } from './auth/oidc-routes.js';
import { noticeRoutes } from '../modules/governance/routes/notice.js';
import { minutesRoutes } from '../modules/governance/routes/minutes.js';
import { documentRoutes } from '../modules/governance/routes/documents.js';

export const apiRoutes = createRouter();
apiRoutes.route('/', orgRoutes);
apiRoutes.route('/', oidcRoutes);
apiRoutes.route('/', noticeRoutes);
apiRoutes.route('/', minutesRoutes);
apiRoutes.route('/', documentRoutes);
