import { createRoute } from '@tanstack/react-router';
import { MeetingPage } from '../features/meetings/MeetingPage';
import { searchStep } from '../features/meetings/MeetingSteps';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';
import { searchParams } from './search-params';

function MeetingRoutePage() {
  const { id } = meetingRoute.useParams();
  const { steg } = meetingRoute.useSearch();
  return (
    <RequireRole roles={['staff', 'council']}>
      <MeetingPage id={id} step={steg} />
    </RequireRole>
  );
}

export const meetingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/moter/$id',
  validateSearch: searchParams({ steg: searchStep }),
  component: MeetingRoutePage,
});
