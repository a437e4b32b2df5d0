import { createRoute, redirect } from '@tanstack/react-router';
import { canReadInternal, fetchSession, sessionKey } from '../features/auth/session';
import { rootRoute } from './__root';

// The front door: people who work with the meetings land on them, everybody else on the public papers.
export const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  beforeLoad: async ({ context }) => {
    const user = await context.queryClient.ensureQueryData({ queryKey: sessionKey, queryFn: fetchSession });
    throw redirect({ to: canReadInternal(user) ? '/moter' : '/offentlig' });
  },
});
