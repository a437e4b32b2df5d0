import { createRoute, useNavigate } from '@tanstack/react-router';
import { MeetingList } from '../features/meetings/MeetingList';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

type TMeetingsSearch = { bodyId?: string; year?: number };

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
  validateSearch: (search: Record<string, unknown>): TMeetingsSearch => ({
    bodyId: typeof search.bodyId === 'string' && search.bodyId ? search.bodyId : undefined,
    year: Number.isInteger(Number(search.year)) && Number(search.year) > 1900 ? Number(search.year) : undefined,
  }),
  component: MeetingsPage,
});
