import { createRoute } from '@tanstack/react-router';
import { ReplacementPage } from '../features/equipment/campaign/ReplacementPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

function ReplacementRoutePage() {
  const { id } = equipmentReplacementRoute.useParams();
  // Staff may open a user's page too (to help them on the phone); the server says whose it is.
  return <RequireRole roles={['municipality', 'staff']}><ReplacementPage key={id} id={id} /></RequireRole>;
}

/** The invitation mail's link: the PC's user orders a replacement or defers, and follows the request. */
export const equipmentReplacementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/utstyr/bytte/$id',
  component: ReplacementRoutePage,
});
