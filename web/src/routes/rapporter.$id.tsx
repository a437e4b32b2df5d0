import { createRoute } from '@tanstack/react-router';
import { ReportPage } from '../features/reports/ReportPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

function ReportRoutePage() {
  const { id } = reportRoute.useParams();
  return <RequireRole roles={['staff', 'council']}><ReportPage id={id} /></RequireRole>;
}

export const reportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/rapporter/$id',
  component: ReportRoutePage,
});
