// The cooperation's name for the header. Falls back to the product name while the server has no
// public endpoint for it, so the header never breaks on a missing route.
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

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
