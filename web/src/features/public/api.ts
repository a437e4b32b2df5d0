// The public (anonymous) view: published meetings and their agendas, exempt cases reduced by the server.
import type { z } from '@hono/zod-openapi';
import { useQuery } from '@tanstack/react-query';
import { api, ApiError, query } from '../../api';
import type { TEconomyReport } from '../economy/types';
import type { ZSearchResult } from '../../../../src/modules/governance/routes/search';
import type { TMeetingSummary, TMeetingView } from '../meetings/types';

export type TSearchHit = z.infer<typeof ZSearchResult>['hits'][number];

export function usePublicMeetings() {
  return useQuery({
    queryKey: ['public', 'meetings'],
    queryFn: async () => (await api.get<{ meetings: TMeetingSummary[] }>('/api/public/meetings')).meetings,
  });
}

export function usePublicMeeting(id: string) {
  return useQuery({
    queryKey: ['public', 'meeting', id],
    queryFn: () => api.get<TMeetingView>(`/api/public/meetings/${encodeURIComponent(id)}`),
  });
}

export type TSearchFilters = { q?: string; body?: string; year?: number; type?: string; municipality?: string };

/** GET /api/public/search (anonymous) or /api/search (signed in: staff and council search everything). */
export function useSearch(scope: 'public' | 'internal', filters: TSearchFilters) {
  const hasCriteria = Boolean(filters.q?.trim() || filters.body || filters.year || filters.type || filters.municipality);
  return useQuery({
    queryKey: ['search', scope, filters],
    enabled: hasCriteria,
    queryFn: async () => (await api.get<{ hits: TSearchHit[] }>(`/api/${scope === 'public' ? 'public/' : ''}search${query(filters)}`)).hits,
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
        return await api.get<TEconomyReport>(`/api/public/meetings/${encodeURIComponent(meetingId)}/economy`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}
