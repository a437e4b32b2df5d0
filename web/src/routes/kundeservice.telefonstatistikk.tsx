import { createRoute } from '@tanstack/react-router';
import { PhoneStatsPage } from '../features/servicedesk/import/PhoneStatsPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

function PhoneStatsRoutePage() {
  return (
    <RequireRole roles={['staff']}>
      <PhoneStatsPage />
    </RequireRole>
  );
}

export const serviceDeskPhoneStatsRoute = createRoute({ getParentRoute: () => rootRoute, path: '/kundeservice/telefonstatistikk', component: PhoneStatsRoutePage });
