import { createRoute } from '@tanstack/react-router';
import { StockPage } from '../features/equipment/StockPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

export const equipmentStockRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/utstyr/lager',
  component: () => <RequireRole roles={['staff', 'municipality']}><StockPage /></RequireRole>,
});
