// Every service desk endpoint the pages call, in one place. Writes refresh the ticket and the lists, so
// the conversation, the status and the queues show the change at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, query } from '../../api';
import { useInstallCooperation } from '../shell/cooperation';
import type {
  TAgent, TContactMethod, TCreateTicketRequest, TKpiPack, TListTicketsQuery, TPhoneCallRequest, TTeam, TTicket, TTicketAttachment, TTicketPage,
  TUpdateTicketRequest,
} from './types';

export type TTicketFilters = Partial<Omit<TListTicketsQuery, 'limit'>> & { limit?: number };

export const sdKeys = {
  all: ['servicedesk'] as const,
  list: (filters: TTicketFilters) => ['servicedesk', 'tickets', filters] as const,
  ticket: (id: string) => ['servicedesk', 'ticket', id] as const,
};

export function useTickets(filters: TTicketFilters) {
  return useQuery({
    queryKey: sdKeys.list(filters),
    queryFn: () => api.get<TTicketPage>(`/api/servicedesk/tickets${query(filters as Record<string, string | number | undefined>)}`),
    placeholderData: (previous) => previous,
  });
}

export function useTicket(id: string) {
  return useQuery({ queryKey: sdKeys.ticket(id), queryFn: () => api.get<TTicket>(`/api/servicedesk/tickets/${id}`) });
}

function useRefresh() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: sdKeys.all });
}

export function useCreateTicket() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: TCreateTicketRequest) => api.post<TTicket>('/api/servicedesk/tickets', body),
    onSuccess: refresh,
  });
}

export function useLogPhoneCall() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: Partial<TPhoneCallRequest>) => api.post<TTicket>('/api/servicedesk/phone-calls', body),
    onSuccess: refresh,
  });
}

/** A change the desk makes; the version it is made on is added from the ticket as the page shows it. */
export type TTicketChange = Omit<TUpdateTicketRequest, 'expectedUpdatedAt'>;

/**
 * The desk's edit, made on the version the page shows (`updatedAt`). If someone changed the ticket in
 * the meantime the server answers 409 and changes nothing; the page then fetches the current ticket.
 */
export function useUpdateTicket(ticket: { id: string; updatedAt: string }) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: TTicketChange) =>
      api.patch<TTicket>(`/api/servicedesk/tickets/${ticket.id}`, { ...body, expectedUpdatedAt: ticket.updatedAt }),
    onSuccess: refresh,
    onError: (error) => (error instanceof ApiError && error.status === 409 ? refresh() : undefined),
  });
}

export function useReply(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (text: string) => api.post(`/api/servicedesk/tickets/${id}/replies`, { text }), onSuccess: refresh });
}

export function useNote(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (text: string) => api.post(`/api/servicedesk/tickets/${id}/notes`, { text }), onSuccess: refresh });
}

export function useReopen(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (reason: string) => api.post<TTicket>(`/api/servicedesk/tickets/${id}/reopen`, reason.trim() ? { reason } : {}),
    onSuccess: refresh,
  });
}

/** «Bekreft at saken er løst»: the requester closes a solved case as confirmed. */
export function useConfirmSolved(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api.post<TTicket>(`/api/servicedesk/tickets/${id}/confirm`),
    onSuccess: refresh,
  });
}

export function useSurvey(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { score: number; comment?: string }) => api.post(`/api/servicedesk/tickets/${id}/survey`, body),
    onSuccess: refresh,
  });
}

export function useContactAttempt(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { method: TContactMethod; note?: string; at?: string }) => api.post(`/api/servicedesk/tickets/${id}/contact-attempts`, body),
    onSuccess: refresh,
  });
}

export function useBulkAssign() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { ticketIds: string[]; assigneeUserId: string | null }) =>
      api.post<{ tickets: number; changed: number }>('/api/servicedesk/tickets/bulk-assign', body),
    onSuccess: refresh,
  });
}

export function useTeams(enabled: boolean) {
  return useQuery({
    queryKey: ['servicedesk', 'teams'],
    queryFn: async () => (await api.get<{ teams: TTeam[] }>('/api/servicedesk/teams')).teams,
    enabled,
    staleTime: 60_000,
  });
}

export type TPolicySummary = { categories: string[]; closeRule: { attempts: number; days: number }; phoneSolvablePriorities: string[] };

/** The desk's rules (categories, 3-2-1 thresholds); staff only, for the home cooperation. */
export function usePolicy(cooperationId: string | undefined) {
  return useQuery({
    queryKey: ['servicedesk', 'policy', cooperationId],
    queryFn: async () => (await api.get<{ document: TPolicySummary }>(`/api/servicedesk/policy${query({ cooperationId })}`)).document,
    enabled: Boolean(cooperationId),
    staleTime: 60_000,
  });
}

export function useMunicipalities() {
  return useQuery({
    queryKey: ['municipalities'],
    queryFn: async () => (await api.get<{ municipalities: { id: string; name: string }[] }>('/api/municipalities')).municipalities,
    staleTime: 60_000,
  });
}

/** The desk's agents (active staff and admins) with their teams: whom a ticket can be assigned to. */
export function useAgents() {
  return useQuery({
    queryKey: ['servicedesk', 'agents'],
    queryFn: async () => (await api.get<{ agents: TAgent[] }>('/api/servicedesk/agents')).agents,
    staleTime: 60_000,
  });
}

/** Uploads one file to a ticket; `internal` (the desk only) keeps it from the requester. */
export function useUploadAttachment(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ file, internal }: { file: File; internal: boolean }) => {
      const form = new FormData();
      form.set('file', file);
      if (internal) form.set('internal', 'true');
      return api.post<TTicketAttachment>(`/api/servicedesk/tickets/${id}/attachments`, form);
    },
    onSuccess: refresh,
  });
}

export const attachmentUrl = (attachmentId: string) => `/api/servicedesk/attachments/${attachmentId}`;

export type TMembership = { municipalityId: string; municipalityName: string; joined: string; left: string | null };

/** The cooperation's membership periods, for choosing among the municipalities that were members. */
export function useMemberships(cooperationId: string | null | undefined) {
  return useQuery({
    queryKey: ['servicedesk', 'memberships', cooperationId],
    queryFn: async () => (await api.get<{ memberships: TMembership[] }>(`/api/cooperations/${cooperationId}/memberships`)).memberships,
    enabled: Boolean(cooperationId),
    staleTime: 60_000,
  });
}

export type TKpiQuery = { from: string; to: string; municipality?: string };

export function useKpi(q: TKpiQuery) {
  return useQuery({
    queryKey: ['servicedesk', 'kpi', q],
    queryFn: () => api.get<TKpiPack>(`/api/servicedesk/kpi${query(q)}`),
    retry: false,
  });
}

export const kpiFileUrl = (q: TKpiQuery, format: 'xlsx' | 'pdf') => `/api/servicedesk/kpi.${format}${query(q)}`;

/** The install's cooperation's id (the desk's rules are kept per cooperation); null before set-up. */
export function useCooperationId(enabled: boolean) {
  const cooperation = useInstallCooperation(enabled);
  return { ...cooperation, data: cooperation.data === undefined ? undefined : cooperation.data?.id ?? null };
}
