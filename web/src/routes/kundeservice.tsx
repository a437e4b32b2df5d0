import { createRoute } from '@tanstack/react-router';
import { PortalPage } from '../features/servicedesk/PortalPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

export const serviceDeskRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/kundeservice',
  component: () => <RequireRole roles={['staff', 'municipality', 'council']}><PortalPage /></RequireRole>,
});
