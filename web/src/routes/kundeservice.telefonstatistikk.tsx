import { createRoute } from '@tanstack/react-router';
import { PhoneStatsPage } from '../features/servicedesk/import/PhoneStatsPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

export const serviceDeskPhoneStatsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/kundeservice/telefonstatistikk',
  component: () => <RequireRole roles={['staff']}><PhoneStatsPage /></RequireRole>,
});
