import { createRoute } from '@tanstack/react-router';
import { PortalPage } from '../features/servicedesk/PortalPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

function ServiceDeskHome() {
  return (
    <RequireRole roles={['staff', 'municipality', 'council']}>
      <PortalPage />
    </RequireRole>
  );
}

export const serviceDeskRoute = createRoute({ getParentRoute: () => rootRoute, path: '/kundeservice', component: ServiceDeskHome });
