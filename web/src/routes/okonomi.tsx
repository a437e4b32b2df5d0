import { createRoute, useNavigate } from '@tanstack/react-router';
import { useFigurePeriods } from '../features/economy/api';
import { defaultAsOf, EconomyPage, MunicipalityEconomyPage, openingPeriod } from '../features/economy/EconomyPage';
import { useSession } from '../features/auth/session';
import { Loading, RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';
import { searchDate, searchParams, searchYear } from './search-params';

function EconomyRoutePage() {
  const search = economyRoute.useSearch();
  const navigate = useNavigate();
  const { user } = useSession();
  return (
    <RequireRole roles={['staff', 'council', 'municipality']}>
      {user?.role === 'municipality' ? <MunicipalityEconomyPage /> : <EconomyOpening year={search.year} asOf={search.asOf} onChange={(next) => navigate({ to: '/okonomi', search: next, replace: true })} />}
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
  validateSearch: searchParams({ year: searchYear, asOf: searchDate }),
  component: EconomyRoutePage,
});
