import { createRoute, useNavigate } from '@tanstack/react-router';
import { osloToday } from '../../../src/lib/oslo-time';
import { weekOfDate } from '../features/portfolio/labels';
import { PortfolioPage } from '../features/portfolio/PortfolioPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';
import { searchParams } from './search-params';

/** "2023-W48" from the address; anything else is left out (the current week). */
export const searchWeek = (v: unknown) => (typeof v === 'string' && /^\d{4}-W\d{2}$/.test(v) ? v : undefined);

function PortfolioRoutePage() {
  const { uke } = portfolioRoute.useSearch();
  const navigate = useNavigate();
  return (
    <RequireRole roles={['staff', 'council', 'municipality']}>
      <PortfolioPage week={uke ?? weekOfDate(osloToday())} onWeek={(week) => navigate({ to: '/portefolje', search: { uke: week }, replace: true })} />
    </RequireRole>
  );
}

export const portfolioRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portefolje',
  validateSearch: searchParams({ uke: searchWeek }),
  component: PortfolioRoutePage,
});
