// Every service desk endpoint the pages call, in one place, through the typed client. Writes refresh the ticket and the lists, so
// the conversation, the status and the queues show the change at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { slaDays, type TSlaDay } from './format';
import { api, ApiError, linkQuery, ok } from '../../api/client';
import { useInstallCooperation } from '../shell/cooperation';
import type { TApiQuery, TApiSchema } from '../../api/client';
import type { TCreateTicketRequest, TListTicketsQuery, TPhoneCallRequest, TUpdateTicketRequest } from './types';

export type TTicketFilters = TListTicketsQuery;

const path = (id: string) => ({ params: { path: { id } } });

export const sdKeys = {
  all: ['servicedesk'] as const,
  list: (filters: TTicketFilters) => ['servicedesk', 'tickets', filters] as const,
  ticket: (id: string) => ['servicedesk', 'ticket', id] as const,
};

export function useTickets(filters: TTicketFilters) {
  return useQuery({
    queryKey: sdKeys.list(filters),
    queryFn: () => ok(api.GET('/api/servicedesk/tickets', { params: { query: filters } })),
    placeholderData: (previous) => previous,
    // The time left on the SLA clocks is the server's (business time), so it is asked again to count on.
    refetchInterval: 60_000,
  });
}

/** Open cases per queue, for the queue buttons; refreshed with the lists (the same key prefix). */
export function useQueueCounts() {
  return useQuery({
    queryKey: ['servicedesk', 'tickets', 'counts'] as const,
    queryFn: () => ok(api.GET('/api/servicedesk/queue-counts')),
  });
}

export function useTicket(id: string) {
  return useQuery({ queryKey: sdKeys.ticket(id), queryFn: () => ok(api.GET('/api/servicedesk/tickets/{id}', path(id))) });
}

/**
 * Marks the desk's data stale after a change. Not awaited on purpose: a mutation that waited for the
 * refetch would finish after the new rows had arrived, and a caller the new rows unmount (the bulk bar
 * once its cases leave the queue) would never get its `mutate(…, { onSuccess })` callback.
 */
function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: sdKeys.all });
  };
}

export function useCreateTicket() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: TCreateTicketRequest) => ok(api.POST('/api/servicedesk/tickets', { body })),
    onSuccess: refresh,
  });
}

export function useLogPhoneCall() {
  const refresh = useRefresh();
  return useMutation({
    // The form sends what it has; the server names each missing field in its 400.
    mutationFn: (body: Partial<TPhoneCallRequest>) => ok(api.POST('/api/servicedesk/phone-calls', { body: body as TPhoneCallRequest })),
    onSuccess: refresh,
  });
}

/** A change the desk makes, with the revision it is made on (decision 0024). */
export type TTicketChange = TUpdateTicketRequest;

/**
 * The desk's edit, made on the revision the form holds. If someone changed the ticket in the meantime the
 * server answers 409 `stale` and changes nothing; the page then fetches the current ticket, and the form
 * offers to reload onto it (FormErrors' onReload).
 */
export function useUpdateTicket(ticket: { id: string }) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: TTicketChange) => ok(api.PATCH('/api/servicedesk/tickets/{id}', { ...path(ticket.id), body })),
    onSuccess: refresh,
    onError: (error) => (error instanceof ApiError && error.status === 409 ? refresh() : undefined),
  });
}

export function useReply(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (text: string) => ok(api.POST('/api/servicedesk/tickets/{id}/replies', { ...path(id), body: { text } })), onSuccess: refresh });
}

export function useNote(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (text: string) => ok(api.POST('/api/servicedesk/tickets/{id}/notes', { ...path(id), body: { text } })), onSuccess: refresh });
}

export function useReopen(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (reason: string) => ok(api.POST('/api/servicedesk/tickets/{id}/reopen', { ...path(id), body: reason.trim() ? { reason } : {} })),
    onSuccess: refresh,
  });
}

/** «Bekreft at saken er løst»: the requester closes a solved case as confirmed. */
export function useConfirmSolved(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => ok(api.POST('/api/servicedesk/tickets/{id}/confirm', path(id))),
    onSuccess: refresh,
  });
}

export function useSurvey(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: TApiSchema<'SurveyRequest'>) => ok(api.POST('/api/servicedesk/tickets/{id}/survey', { ...path(id), body })),
    onSuccess: refresh,
  });
}

export function useContactAttempt(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: TApiSchema<'ContactAttemptRequest'>) => ok(api.POST('/api/servicedesk/tickets/{id}/contact-attempts', { ...path(id), body })),
    onSuccess: refresh,
  });
}

export function useBulkAssign() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: TApiSchema<'BulkAssignRequest'>) => ok(api.POST('/api/servicedesk/tickets/bulk-assign', { body })),
    onSuccess: refresh,
  });
}

export function useTeams(enabled: boolean) {
  return useQuery({
    queryKey: ['servicedesk', 'teams'],
    queryFn: async () => (await ok(api.GET('/api/servicedesk/teams'))).teams,
    enabled,
    staleTime: 60_000,
  });
}

/** The desk's rules (categories, 3-2-1 thresholds); staff only, for the home cooperation. */
export function usePolicy(cooperationId: string | undefined) {
  return useQuery({
    queryKey: ['servicedesk', 'policy', cooperationId],
    queryFn: async () => (await ok(api.GET('/api/servicedesk/policy', { params: { query: { cooperationId: cooperationId! } } }))).document,
    enabled: Boolean(cooperationId),
    staleTime: 60_000,
  });
}

export function useMunicipalities() {
  return useQuery({
    queryKey: ['municipalities'],
    queryFn: async () => (await ok(api.GET('/api/municipalities'))).municipalities,
    staleTime: 60_000,
  });
}

/** The desk's agents (active staff and admins) with their teams: whom a ticket can be assigned to. */
export function useAgents() {
  return useQuery({
    queryKey: ['servicedesk', 'agents'],
    queryFn: async () => (await ok(api.GET('/api/servicedesk/agents'))).agents,
    staleTime: 60_000,
  });
}

/** Uploads one file to a ticket; `internal` (the desk only) keeps it from the requester. */
export function uploadAttachment(id: string, file: File, internal = false) {
  return ok(api.POST('/api/servicedesk/tickets/{id}/attachments', { ...path(id), body: { file, internal: internal ? 'true' : undefined } }));
}

export function useUploadAttachment(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ file, internal }: { file: File; internal: boolean }) => uploadAttachment(id, file, internal),
    onSuccess: refresh,
  });
}

export const attachmentUrl = (attachmentId: string) => `/api/servicedesk/attachments/${attachmentId}`;

export type TMembership = TApiSchema<'Membership'>;

/** The cooperation's membership periods, for choosing among the municipalities that were members. */
export function useMemberships(cooperationId: string | null | undefined) {
  return useQuery({
    queryKey: ['servicedesk', 'memberships', cooperationId],
    queryFn: async () => (await ok(api.GET('/api/cooperations/{cooperationId}/memberships', { params: { path: { cooperationId: cooperationId! } } }))).memberships,
    enabled: Boolean(cooperationId),
    staleTime: 60_000,
  });
}

export type TKpiQuery = TApiQuery<'/api/servicedesk/kpi'>;

export function useKpi(q: TKpiQuery, enabled = true) {
  return useQuery({
    queryKey: ['servicedesk', 'kpi', q],
    enabled,
    queryFn: () => ok(api.GET('/api/servicedesk/kpi', { params: { query: q } })),
    retry: false,
  });
}

/** The first and last month with new tickets the reader may count (the page opens on the last). */
export function useKpiMonths(municipality?: string) {
  return useQuery({
    queryKey: ['servicedesk', 'kpi-months', municipality ?? null],
    queryFn: () => ok(api.GET('/api/servicedesk/kpi/months', { params: { query: municipality ? { municipality } : {} } })),
    retry: false,
  });
}

export const kpiFileUrl = (q: TKpiQuery, format: 'xlsx' | 'pdf') => `/api/servicedesk/kpi.${format}${linkQuery(q)}`;

/** The SLA day of each priority's calendar (7.5 h of office time, 24 h of the always-open one), for the desk's clocks. */
export function useSlaDays(): Record<string, TSlaDay> {
  const cooperationId = useCooperationId(true);
  const policy = usePolicy(cooperationId.data ?? undefined);
  return useMemo(() => slaDays(policy.data), [policy.data]);
}

/** The install's cooperation's id (the desk's rules are kept per cooperation); null before set-up. */
export function useCooperationId(enabled: boolean) {
  const cooperation = useInstallCooperation(enabled);
  return { ...cooperation, data: cooperation.data === undefined ? undefined : cooperation.data?.id ?? null };
}
