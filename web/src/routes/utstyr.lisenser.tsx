import { createRoute, useNavigate } from '@tanstack/react-router';
import { LicencesPage } from '../features/equipment/licences/LicencesPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';
import { searchMonth, searchParams, searchText } from './search-params';

function LicencesRoutePage() {
  const search = equipmentLicencesRoute.useSearch();
  const navigate = useNavigate();
  return (
    <RequireRole roles={['staff', 'council', 'municipality']}>
      <LicencesPage search={search} onChange={(next) => navigate({ to: '/utstyr/lisenser', search: next })} />
    </RequireRole>
  );
}

/** The licences against their contracts and the candidates for removal; the month is in the address. */
export const equipmentLicencesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/utstyr/lisenser',
  validateSearch: searchParams({ produkt: searchText, maned: searchMonth }),
  component: LicencesRoutePage,
});
