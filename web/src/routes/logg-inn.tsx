import { createRoute, useNavigate, useRouter } from '@tanstack/react-router';
import { LoginForm } from '../features/auth/LoginForm';
import { homeFor } from '../features/auth/session';
import { rootRoute } from './__root';

type TLoginSearch = { redirect?: string };

function LoginPage() {
  const navigate = useNavigate();
  const router = useRouter();
  const { redirect } = loginRoute.useSearch();
  return (
    <LoginForm
      onSignedIn={(user) => {
        // Only our own paths: a redirect parameter must not send people to another site.
        const target = redirect && redirect.startsWith('/') && !redirect.startsWith('//') ? redirect : null;
        // history.push keeps the query string of the page they came from (/moter?year=2024).
        if (target) router.history.push(target);
        else navigate({ to: homeFor(user) });
      }}
    />
  );
}

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/logg-inn',
  validateSearch: (search: Record<string, unknown>): TLoginSearch =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  component: LoginPage,
});
