import { createRoute } from '@tanstack/react-router';
import { TicketImportPage } from '../features/servicedesk/import/TicketImportPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

export const serviceDeskImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/kundeservice/import',
  component: () => <RequireRole roles={['staff']}><TicketImportPage /></RequireRole>,
});
