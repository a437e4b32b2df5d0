import { createRoute, useNavigate } from '@tanstack/react-router';
import { DevicesPage } from '../features/equipment/DevicesPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';
import { searchMonth, searchParams, searchText } from './search-params';

const searchCategory = (v: unknown) => (v === 'ansatt' || v === 'elev' ? v : undefined);
const searchPage = (v: unknown) => (Number.isInteger(Number(v)) && Number(v) > 0 ? Number(v) : undefined);

function DevicesRoutePage() {
  const search = equipmentDevicesRoute.useSearch();
  const navigate = useNavigate();
  return (
    <RequireRole roles={['staff', 'municipality']}>
      <DevicesPage key={JSON.stringify({ ...search, side: undefined })} filters={search}
        onChange={(next) => navigate({ to: '/utstyr/pc-er', search: next })} />
    </RequireRole>
  );
}

export const equipmentDevicesRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/utstyr/pc-er',
  validateSearch: searchParams({ kommune: searchText, kategori: searchCategory, maned: searchMonth, q: searchText, side: searchPage }),
  component: DevicesRoutePage,
});
