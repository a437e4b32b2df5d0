// The public (anonymous) view: published meetings and their agendas, exempt cases reduced by the server.
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, ok, type TApiQuery, type TApiSchema } from '../../api/client';

export type TSearchHit = TApiSchema<'SearchResult'>['hits'][number];

export function usePublicMeetings() {
  return useQuery({
    queryKey: ['public', 'meetings'],
    queryFn: async () => (await ok(api.GET('/api/public/meetings'))).meetings,
  });
}

export function usePublicMeeting(id: string) {
  return useQuery({
    queryKey: ['public', 'meeting', id],
    queryFn: () => ok(api.GET('/api/public/meetings/{id}', { params: { path: { id } } })),
  });
}

export type TSearchFilters = Pick<TApiQuery<'/api/search'>, 'q' | 'body' | 'year' | 'type' | 'municipality'>;

/** GET /api/public/search (anonymous) or /api/search (signed in: staff and council search everything). */
export function useSearch(scope: 'public' | 'internal', filters: TSearchFilters) {
  const hasCriteria = Boolean(filters.q?.trim() || filters.body || filters.year || filters.type || filters.municipality);
  return useQuery({
    queryKey: ['search', scope, filters],
    enabled: hasCriteria,
    queryFn: async () => (await ok(scope === 'public'
      ? api.GET('/api/public/search', { params: { query: filters } })
      : api.GET('/api/search', { params: { query: filters } }))).hits,
  });
}

/**
 * The economy report published with this meeting, or null: the server answers 404 unless both the
 * report and the meeting are published, and a meeting without one is the usual case, not an error.
 */
export function usePublishedEconomyReport(meetingId: string) {
  return useQuery({
    queryKey: ['public', 'meeting', meetingId, 'economy'],
    queryFn: async () => {
      try {
        return await ok(api.GET('/api/public/meetings/{id}/economy', { params: { path: { id: meetingId } } }));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}
