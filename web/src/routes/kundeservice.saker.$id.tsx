import { createRoute } from '@tanstack/react-router';
import { TicketPage } from '../features/servicedesk/TicketPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';
import { searchFlag } from './search-params';

type TTicketSearch = { gjenapne?: boolean; registrert?: boolean };

function TicketRoutePage() {
  const { id } = serviceDeskTicketRoute.useParams();
  const search = serviceDeskTicketRoute.useSearch();
  return (
    <RequireRole roles={['staff', 'municipality']}>
      <TicketPage id={id} focusReopen={search.gjenapne} justRegistered={search.registrert} />
    </RequireRole>
  );
}

export const serviceDeskTicketRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/kundeservice/saker/$id',
  // The closing e-mail's link carries ?gjenapne=1 to take the user to the reopen form.
  // The portal comes here with ?registrert=1 once a case is filed, for the receipt.
  validateSearch: (search: Record<string, unknown>): TTicketSearch => ({
    gjenapne: searchFlag(search.gjenapne),
    registrert: searchFlag(search.registrert),
  }),
  component: TicketRoutePage,
});
