import { createRoute, useNavigate } from '@tanstack/react-router';
import { defaultAsOf, EconomyPage } from '../features/economy/EconomyPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

type TEconomySearch = { year?: number; asOf?: string };

function EconomyRoutePage() {
  const search = economyRoute.useSearch();
  const navigate = useNavigate();
  const year = search.year ?? new Date().getFullYear();
  const asOf = search.asOf ?? defaultAsOf(year);
  return (
    <RequireRole roles={['staff', 'council']}>
      <EconomyPage year={year} asOf={asOf} onChange={(next) => navigate({ to: '/okonomi', search: next, replace: true })} />
    </RequireRole>
  );
}

export const economyRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/okonomi',
  validateSearch: (search: Record<string, unknown>): TEconomySearch => ({
    year: Number.isInteger(Number(search.year)) && Number(search.year) > 1900 ? Number(search.year) : undefined,
    asOf: typeof search.asOf === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(search.asOf) ? search.asOf : undefined,
  }),
  component: EconomyRoutePage,
});
