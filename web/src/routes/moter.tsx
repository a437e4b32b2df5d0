import { createRoute, useNavigate } from '@tanstack/react-router';
import { MeetingList } from '../features/meetings/MeetingList';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';
import { searchParams, searchText, searchYear } from './search-params';

function MeetingsPage() {
  const search = meetingsRoute.useSearch();
  const navigate = useNavigate();
  return (
    <RequireRole roles={['staff', 'council']}>
      <MeetingList bodyId={search.bodyId} year={search.year}
        onFilter={(filters) => navigate({ to: '/moter', search: filters, replace: true })} />
    </RequireRole>
  );
}

export const meetingsRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/moter',
  validateSearch: searchParams({ bodyId: searchText, year: searchYear }),
  component: MeetingsPage,
});
