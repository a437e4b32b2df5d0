import { createRoute, useNavigate } from '@tanstack/react-router';
import { SetupPage } from '../features/setup/SetupPage';
import { rootRoute } from './__root';

function SetupRoutePage() {
  const navigate = useNavigate();
  const { token } = setupRoute.useSearch();
  // On to the admin pages, where the municipalities, bodies and people of the new cooperation are kept.
  return <SetupPage token={token} onDone={() => navigate({ to: '/admin', search: { fane: 'kommuner' } })} />;
}

export const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/oppsett',
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === 'string' && search.token ? { token: search.token } : {},
  component: SetupRoutePage,
});
