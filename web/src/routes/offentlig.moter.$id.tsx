import { createRoute } from '@tanstack/react-router';
import { PublicMeeting } from '../features/public/PublicMeeting';
import { rootRoute } from './__root';

function PublicMeetingPage() {
  const { id } = publicMeetingRoute.useParams();
  return <PublicMeeting id={id} />;
}

export const publicMeetingRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/offentlig/moter/$id',
  component: PublicMeetingPage,
});
