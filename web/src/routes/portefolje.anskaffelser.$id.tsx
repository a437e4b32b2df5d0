import { createRoute } from '@tanstack/react-router';
import { ProcurementPage } from '../features/portfolio/ProcurementPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

function ProcurementRoutePage() {
  const { id } = procurementRoute.useParams();
  return (
    <RequireRole roles={['staff', 'council']}>
      <ProcurementPage id={id} />
    </RequireRole>
  );
}

export const procurementRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/portefolje/anskaffelser/$id',
  component: ProcurementRoutePage,
});
