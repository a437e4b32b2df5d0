import { createRoute } from '@tanstack/react-router';
import { MyOrdersPage } from '../features/equipment/campaign/MyOrdersPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

/** «Mine bestillinger»: the user's own PC replacements, and the requests waiting for them as approver. */
export const equipmentMyOrdersRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/utstyr/mine',
  component: () => <RequireRole roles={['staff', 'municipality']}><MyOrdersPage /></RequireRole>,
});
