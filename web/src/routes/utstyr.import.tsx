import { createRoute } from '@tanstack/react-router';
import { DeviceImportPage } from '../features/equipment/DeviceImportPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

export const equipmentImportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/utstyr/import',
  component: () => <RequireRole roles={['staff']}><DeviceImportPage /></RequireRole>,
});
