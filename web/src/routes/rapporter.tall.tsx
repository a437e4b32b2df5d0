import { createRoute } from '@tanstack/react-router';
import { FiguresEditor } from '../features/reports/FiguresEditor';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

export const reportFiguresRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rapporter/tall',
  component: () => <RequireRole roles={['staff']}><FiguresEditor /></RequireRole>,
});
