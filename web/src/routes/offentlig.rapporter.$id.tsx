import { createRoute } from '@tanstack/react-router';
import { ReportPage } from '../features/reports/ReportPage';
import { rootRoute } from './__root';

/** A published report as the public reads it: anyone, signed in or not. */
function PublicReportRoutePage() {
  const { id } = publicReportRoute.useParams();
  return <ReportPage id={id} scope="public" />;
}

export const publicReportRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/offentlig/rapporter/$id',
  component: PublicReportRoutePage,
});
