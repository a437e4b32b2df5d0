import { createRoute, useNavigate } from '@tanstack/react-router';
import { parseWorkSearch, Workspace, type TWorkSearch } from '../features/servicedesk/Workspace';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

function WorkspaceRoutePage() {
  const search = serviceDeskWorkRoute.useSearch();
  const navigate = useNavigate();
  return (
    <RequireRole roles={['staff']}>
      <Workspace search={search} onSearch={(next) => navigate({ to: '/kundeservice/arbeidsliste', search: next, replace: true })} />
    </RequireRole>
  );
}

export const serviceDeskWorkRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/kundeservice/arbeidsliste',
  validateSearch: (search: Record<string, unknown>): TWorkSearch => parseWorkSearch(search),
  component: WorkspaceRoutePage,
});
