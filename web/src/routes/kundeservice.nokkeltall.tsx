import { createRoute, useNavigate } from '@tanstack/react-router';
import { useKpiMonths } from '../features/servicedesk/api';
import { KpiPage, openingKpiPeriod } from '../features/servicedesk/KpiPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';
import { searchMonth, searchParams, searchText } from './search-params';

function KpiRoutePage() {
  const search = serviceDeskKpiRoute.useSearch();
  const navigate = useNavigate();
  return (
    <RequireRole roles={['staff', 'council', 'municipality']}>
      <KpiOpening from={search.from} to={search.to} municipality={search.kommune}
        onChange={(next) => navigate({ to: '/kundeservice/nokkeltall', search: next, replace: true })} />
    </RequireRole>
  );
}

/** Without a period in the address the page opens on the newest months that have tickets. */
function KpiOpening({ from, to, municipality, onChange }: { from?: string; to?: string; municipality?: string; onChange: (next: { from: string; to: string; kommune?: string }) => void }) {
  const months = useKpiMonths(municipality);
  const chosen = from !== undefined && to !== undefined;
  const opening = openingKpiPeriod(months.data?.last ?? null);
  // The heading and the period form show at once; the figures wait for the period to open on.
  return <KpiPage from={from ?? opening.from} to={to ?? opening.to} municipality={municipality} latest={months.data?.last ?? null}
    waiting={!chosen && months.isPending} onChange={onChange} />;
}

export const serviceDeskKpiRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/kundeservice/nokkeltall',
  validateSearch: searchParams({ from: searchMonth, to: searchMonth, kommune: searchText }),
  component: KpiRoutePage,
});
