// The cooperation's name for the header; the product name when the server cannot say (not set up, or
// unreachable), so the header never breaks.
// Also the one place the web learns which cooperation the install runs (useInstallCooperation) and
// whether it carries demo accounts (useInstance): pages never pick "the first" of a list themselves.
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, ok, type TApiSchema } from '../../api/client';

export type TCooperation = Pick<TApiSchema<'PublicCooperation'>, 'name' | 'shortName'>;

export function useCooperation() {
  return useQuery({
    queryKey: ['cooperation'],
    queryFn: async (): Promise<TCooperation | null> => {
      try {
        const { name, shortName } = await ok(api.GET('/api/public/cooperation'));
        return { name, shortName };
      } catch {
        return null;
      }
    },
    staleTime: Infinity,
  });
}

/**
 * The install's cooperation (GET /api/cooperation; one install runs one, decision 0012), for signed-in
 * pages. null before it is set up (the server's 404 not_set_up), so a page can say so.
 */
export function useInstallCooperation(enabled = true) {
  return useQuery({
    queryKey: ['cooperation', 'install'],
    queryFn: async () => {
      try {
        return await ok(api.GET('/api/cooperation'));
      } catch (error) {
        if (error instanceof ApiError && error.code === 'not_set_up') return null;
        throw error;
      }
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** GET /api/instance: whether demo accounts (with the published password) exist, for the banner. */
export function useInstance() {
  return useQuery({
    queryKey: ['instance'],
    queryFn: () => ok(api.GET('/api/instance')),
    staleTime: 60_000,
    retry: false,
  });
}
