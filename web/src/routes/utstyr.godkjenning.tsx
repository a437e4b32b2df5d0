import { createRoute } from '@tanstack/react-router';
import { ApprovalPage } from '../features/equipment/campaign/ApprovalPage';
import { rootRoute } from './__root';
import { searchParams, searchText } from './search-params';

function ApprovalRoutePage() {
  const { token } = equipmentApprovalRoute.useSearch();
  return <ApprovalPage key={token ?? ''} token={token ?? ''} />;
}

/**
 * The approval mail's one-click link. No RequireRole: the token is the access (docs/decisions/0037), so a
 * manager without a samrad account decides here, signed in or not.
 */
export const equipmentApprovalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/utstyr/godkjenning',
  validateSearch: searchParams({ token: searchText }),
  component: ApprovalRoutePage,
});
