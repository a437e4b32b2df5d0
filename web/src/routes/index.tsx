import { createRoute, redirect } from '@tanstack/react-router';
import { fetchSession, homeFor, sessionKey } from '../features/auth/session';
import { rootRoute } from './__root';

// The front door: each role lands where its work is (homeFor).
export const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: async ({ context }) => {
    const user = await context.queryClient.ensureQueryData({ queryKey: sessionKey, queryFn: fetchSession });
    throw redirect({ to: homeFor(user) });
  },
});
