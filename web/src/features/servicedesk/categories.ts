// The categories a ticket may be filed under, from the policy that applies to the municipality: the
// portal user's own, or the one the desk has chosen on the phone-call form (none: the cooperation's).
import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../api';

export type TCategoryList = { cooperationId: string; municipalityId: string | null; categories: string[] };

export function useCategories(municipalityId?: string, enabled = true) {
  return useQuery({
    queryKey: ['servicedesk', 'categories', municipalityId ?? null],
    queryFn: () => api.get<TCategoryList>(`/api/servicedesk/categories${query({ municipality: municipalityId })}`),
    enabled,
    staleTime: 60_000,
  });
}
