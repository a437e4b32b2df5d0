// Who is signed in, as the server says (GET /api/auth/me), shared through TanStack Query so the header,
// the navigation and the pages agree. A 401 means "nobody", not an error.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, ok, type TApiSchema } from '../../api/client';
import type { TRole } from '../../../../src/modules/org/vocabulary';

export type { TRole };

export type TSessionUser = TApiSchema<'SessionUser'>;

export const sessionKey = ['session'] as const;

export async function fetchSession(): Promise<TSessionUser | null> {
  try {
    const { user } = await ok(api.GET('/api/auth/me'));
    return user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useSession() {
  const query = useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
  return { user: query.data ?? null, loading: query.isPending, query };
}

/** Staff write governance content; admin passes every role check, as on the server. */
export function canWrite(user: TSessionUser | null): boolean {
  return user?.role === 'admin' || user?.role === 'staff';
}

/**
 * Where a person lands (the front door and after signing in): the staff on their overview of what waits
 * for them, the council on the meetings, a municipality's employees on the service desk where they report
 * and follow their cases, everybody else on the public papers.
 */
export function homeFor(user: TSessionUser | null): '/oversikt' | '/moter' | '/kundeservice' | '/offentlig' {
  if (canWrite(user)) return '/oversikt';
  if (user?.role === 'council') return '/moter';
  if (user?.role === 'municipality') return '/kundeservice';
  return '/offentlig';
}

/** Staff, admin and council members read the full (internal) view of meetings. */
export function canReadInternal(user: TSessionUser | null): boolean {
  return canWrite(user) || user?.role === 'council';
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TApiSchema<'LoginRequest'>) => ok(api.POST('/api/auth/login', { body: input })),
    onSuccess: ({ user }) => {
      client.clear();
      client.setQueryData(sessionKey, user);
    },
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => ok(api.POST('/api/auth/logout')),
    onSuccess: () => {
      client.clear();
      client.setQueryData(sessionKey, null);
    },
  });
}

export type TAuthConfig = TApiSchema<'AuthConfig'>;

/** GET /api/auth/config: whether sign-in with OpenID Connect is offered; without an answer, not. */
export function useAuthConfig() {
  return useQuery({
    queryKey: ['auth-config'],
    queryFn: async (): Promise<TAuthConfig> => {
      try {
        return await ok(api.GET('/api/auth/config'));
      } catch {
        return { oidc: false };
      }
    },
    staleTime: Infinity,
  });
}
