import { createRoute } from '@tanstack/react-router';
import { TicketPage } from '../features/servicedesk/TicketPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

type TTicketSearch = { gjenapne?: boolean };

function TicketRoutePage() {
  const { id } = serviceDeskTicketRoute.useParams();
  const search = serviceDeskTicketRoute.useSearch();
  return (
    <RequireRole roles={['staff', 'municipality']}>
      <TicketPage id={id} focusReopen={search.gjenapne} />
    </RequireRole>
  );
}

export const serviceDeskTicketRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/kundeservice/saker/$id',
  // The closing e-mail's link carries ?gjenapne=1 to take the user to the reopen form.
  validateSearch: (search: Record<string, unknown>): TTicketSearch => ({
    gjenapne: search.gjenapne === 1 || search.gjenapne === '1' || search.gjenapne === true ? true : undefined,
  }),
  component: TicketRoutePage,
});
