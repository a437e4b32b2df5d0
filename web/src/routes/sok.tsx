import { createRoute, useNavigate } from '@tanstack/react-router';
import type { TSearchFilters } from '../features/public/api';
import { SearchPage } from '../features/search/SearchPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);

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
  validateSearch: (search: Record<string, unknown>): TSearchFilters => ({
    q: text(search.q),
    body: text(search.body),
    year: Number.isInteger(Number(search.year)) && Number(search.year) > 1900 ? Number(search.year) : undefined,
    // Any text: the server answers an unknown case type with a 400 the page shows.
    type: text(search.type) as TSearchFilters['type'],
    municipality: text(search.municipality),
  }),
  component: SearchRoutePage,
});
