import { createRoute } from '@tanstack/react-router';
import { MeetingPage } from '../features/meetings/MeetingPage';
import { RequireRole } from '../features/shell/states';
import { rootRoute } from './__root';

function MeetingRoutePage() {
  const { id } = meetingRoute.useParams();
  return (
    <RequireRole roles={['staff', 'council']}>
      <MeetingPage id={id} />
    </RequireRole>
  );
}

export const meetingRoute = createRoute({ getParentRoute: () => rootRoute, path: '/moter/$id', component: MeetingRoutePage });
