import { createRoute, useNavigate } from '@tanstack/react-router';
import type { TSearchFilters } from '../features/public/api';
import { SearchPage } from '../features/search/SearchPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';
import { searchParams, searchText, searchYear } from './search-params';

function SearchRoutePage() {
  const filters = searchRoute.useSearch();
  const navigate = useNavigate();
  return (
    <RequireRole roles={['staff', 'council', 'municipality']}>
      {/* key: a new address (back button) starts the form from its filters */}
      <SearchPage key={JSON.stringify(filters)} filters={filters} onSearch={(next) => navigate({ to: '/sok', search: next })} />
    </RequireRole>
  );
}

export const searchRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sok',
  validateSearch: searchParams({
    q: searchText, body: searchText, year: searchYear,
    // Any text: the server answers an unknown case type with a 400 the page shows.
    type: (v) => searchText(v) as TSearchFilters['type'],
    municipality: searchText,
  }),
  component: SearchRoutePage,
});
