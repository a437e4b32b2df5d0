// The public (anonymous) view: published meetings and their agendas, exempt cases reduced by the server.
import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../api';
import type { TMeetingSummary, TMeetingView } from '../meetings/types';

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

/** One search hit; exempt cases carry only number, public title and legal basis. */
export type TSearchHit = {
  caseId?: string;
  id?: string;
  number: string;
  title: string;
  access?: 'offentlig' | 'unntatt';
  legalBasis?: string | null;
  caseType?: string;
  meetingId?: string | null;
  meetingDate?: string | null;
  bodyName?: string | null;
  year?: number;
  snippet?: string | null;
};

export function usePublicSearch(q: string) {
  return useQuery({
    queryKey: ['public', 'search', q],
    enabled: q.trim().length > 0,
    queryFn: async () => {
      const raw = await api.get<{ results?: TSearchHit[]; hits?: TSearchHit[] }>(`/api/public/search${query({ q })}`);
      return raw.results ?? raw.hits ?? [];
    },
  });
}
