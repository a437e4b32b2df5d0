import { createRoute, useNavigate } from '@tanstack/react-router';
import { defaultKpiPeriod, KpiPage } from '../features/servicedesk/KpiPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

type TKpiSearch = { from?: string; to?: string; kommune?: string };
const month = (v: unknown) => (typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v) ? v : undefined);

function KpiRoutePage() {
  const search = serviceDeskKpiRoute.useSearch();
  const navigate = useNavigate();
  const fallback = defaultKpiPeriod();
  return (
    <RequireRole roles={['staff', 'council']}>
      <KpiPage from={search.from ?? fallback.from} to={search.to ?? fallback.to} municipality={search.kommune}
        onChange={(next) => navigate({ to: '/kundeservice/nokkeltall', search: next, replace: true })} />
    </RequireRole>
  );
}

export const serviceDeskKpiRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/kundeservice/nokkeltall',
  validateSearch: (search: Record<string, unknown>): TKpiSearch => ({
    from: month(search.from),
    to: month(search.to),
    kommune: typeof search.kommune === 'string' && search.kommune ? search.kommune : undefined,
  }),
  component: KpiRoutePage,
});
