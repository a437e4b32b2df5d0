import { createRoute, useNavigate } from '@tanstack/react-router';
import { useFigurePeriods } from '../features/economy/api';
import { defaultAsOf, EconomyPage, openingPeriod } from '../features/economy/EconomyPage';
import { Loading, RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

type TEconomySearch = { year?: number; asOf?: string };

function EconomyRoutePage() {
  const search = economyRoute.useSearch();
  const navigate = useNavigate();
  return (
    <RequireRole roles={['staff', 'council']}>
      <EconomyOpening year={search.year} asOf={search.asOf} onChange={(next) => navigate({ to: '/okonomi', search: next, replace: true })} />
    </RequireRole>
  );
}

/** Without a year in the address the page opens on the newest period that has figures. */
function EconomyOpening({ year, asOf, onChange }: { year?: number; asOf?: string; onChange: (next: { year: number; asOf: string }) => void }) {
  const periods = useFigurePeriods();
  if (year === undefined && periods.isPending) return <Loading />;
  const opening = year === undefined ? openingPeriod(periods.data ?? []) : { year, asOf: asOf ?? defaultAsOf(year) };
  return <EconomyPage year={opening.year} asOf={year === undefined ? opening.asOf : asOf ?? opening.asOf} onChange={onChange} />;
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
