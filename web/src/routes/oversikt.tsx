import { createRoute } from '@tanstack/react-router';
import { OverviewPage } from '../features/overview/OverviewPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

export const overviewRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/oversikt',
  component: () => <RequireRole roles={['staff']}><OverviewPage /></RequireRole>,
});
