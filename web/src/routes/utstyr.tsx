import { createRoute, useNavigate } from '@tanstack/react-router';
import { StatusPage } from '../features/equipment/StatusPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';
import { searchDate, searchParams, searchText } from './search-params';

function StatusRoutePage() {
  const search = equipmentStatusRoute.useSearch();
  const navigate = useNavigate();
  return (
    <RequireRole roles={['staff', 'council', 'municipality']}>
      {/* Keyed on the address, so the filter form shows what the table shows after back/forward. Without a
          date the server opens the table on the newest imported month, not on an empty current month. */}
      <StatusPage key={`${search.asOf}|${search.kommune}`} asOf={search.asOf} municipalityId={search.kommune}
        onChange={(next) => navigate({ to: '/utstyr', search: next })} />
    </RequireRole>
  );
}

export const equipmentStatusRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/utstyr',
  validateSearch: searchParams({ asOf: searchDate, kommune: searchText }),
  component: StatusRoutePage,
});
