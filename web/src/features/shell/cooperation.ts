// The cooperation's name for the header. Falls back to the product name while the server has no
// public endpoint for it, so the header never breaks on a missing route.
// Also the one place the web learns which cooperation the install runs (useInstallCooperation) and
// whether it carries demo accounts (useInstance): pages never pick "the first" of a list themselves.
import { useQuery } from '@tanstack/react-query';
import { api, ApiError } from '../../api';
import type { TCooperation as TInstallCooperation } from '../meetings/types';

export type TCooperation = { name: string; shortName?: string };

export function useCooperation() {
  return useQuery({
    queryKey: ['cooperation'],
    queryFn: async (): Promise<TCooperation | null> => {
      try {
        const raw = await api.get<{ cooperation?: TCooperation } & Partial<TCooperation>>('/api/public/cooperation');
        return raw.cooperation ?? (raw.name ? { name: raw.name, shortName: raw.shortName } : null);
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
    queryFn: async (): Promise<TInstallCooperation | null> => {
      try {
        return await api.get<TInstallCooperation>('/api/cooperation');
      } catch (error) {
        if (error instanceof ApiError && error.code === 'not_set_up') return null;
        throw error;
      }
    },
    enabled,
    staleTime: 5 * 60_000,
  });
}

export type TInstance = { demo: boolean };

/** GET /api/instance: whether demo accounts (with the published password) exist, for the banner. */
export function useInstance() {
  return useQuery({
    queryKey: ['instance'],
    queryFn: () => api.get<TInstance>('/api/instance'),
    staleTime: 60_000,
    retry: false,
  });
}
