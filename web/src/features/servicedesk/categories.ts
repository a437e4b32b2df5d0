// The categories a ticket may be filed under, from the policy that applies to the municipality: the
// portal user's own, or the one the desk has chosen on the phone-call form (none: the cooperation's).
import { useQuery } from '@tanstack/react-query';
import { api, ok, type TApiSchema } from '../../api/client';

export type TCategoryList = TApiSchema<'ServiceDeskCategories'>;

export function useCategories(municipalityId?: string, enabled = true) {
  return useQuery({
    queryKey: ['servicedesk', 'categories', municipalityId ?? null],
    queryFn: () => ok(api.GET('/api/servicedesk/categories', { params: { query: { municipality: municipalityId } } })),
    enabled,
    staleTime: 60_000,
  });
}
