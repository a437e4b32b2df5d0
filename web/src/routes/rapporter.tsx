import { createRoute } from '@tanstack/react-router';
import { ReportsPage } from '../features/reports/ReportsPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

export const reportsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rapporter',
  component: () => <RequireRole roles={['staff', 'council']}><ReportsPage /></RequireRole>,
});
