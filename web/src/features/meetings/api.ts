// Every governance endpoint the meeting pages use, in one place, so a path that changes on the server
// changes here only. Writes invalidate the meeting they touched.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api';
import type {
  TBody, TBodyMember, TCaseType, TConclusionKind, TLegalBasis, TMeeting, TMeetingSummary, TMeetingView,
  TNoticeVersion, TPerson, TAttendanceRole,
} from './types';

export const meetingKeys = {
  list: (filters: { bodyId?: string; year?: number }) => ['meetings', filters] as const,
  one: (id: string) => ['meeting', id] as const,
  notices: (id: string) => ['meeting', id, 'notices'] as const,
};

export function useBodies() {
  return useQuery({
    queryKey: ['bodies'],
    queryFn: async () => (await api.get<{ bodies: TBody[] }>('/api/bodies')).bodies,
    staleTime: 5 * 60_000,
  });
}

export function useBodyMembers(bodyId: string | undefined, on?: string) {
  return useQuery({
    queryKey: ['body-members', bodyId, on],
    enabled: Boolean(bodyId),
    queryFn: async () => (await api.get<{ members: TBodyMember[] }>(`/api/bodies/${bodyId}/members${query({ on })}`)).members,
  });
}

export function usePeople() {
  return useQuery({
    queryKey: ['people'],
    queryFn: async () => (await api.get<{ people: TPerson[] }>('/api/people')).people,
    staleTime: 60_000,
  });
}

export function useLegalBases() {
  return useQuery({
    queryKey: ['legal-bases'],
    queryFn: async () => (await api.get<{ legalBases: TLegalBasis[] }>('/api/legal-bases')).legalBases,
    staleTime: Infinity,
  });
}

export function useMeetings(filters: { bodyId?: string; year?: number }) {
  return useQuery({
    queryKey: meetingKeys.list(filters),
    queryFn: async () => (await api.get<{ meetings: (TMeetingSummary & { caseCount?: number })[] }>(`/api/meetings${query({ body: filters.bodyId, year: filters.year })}`)).meetings,
  });
}

export function useMeeting(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: meetingKeys.one(id), queryFn: () => api.get<TMeetingView>(`/api/meetings/${id}`), enabled: options.enabled });
}

export function useNoticeVersions(id: string) {
  return useQuery({
    queryKey: meetingKeys.notices(id),
    queryFn: async () => (await api.get<{ versions: TNoticeVersion[] }>(`/api/meetings/${id}/notice/versions`)).versions,
  });
}

export type TMeetingInput = { bodyId: string; date: string; startTime: string; endTime: string | null; place: string };

export function useCreateMeeting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TMeetingInput) => api.post<TMeetingView>('/api/meetings', input),
    onSuccess: (view) => {
      client.setQueryData(meetingKeys.one(view.meeting.id), view);
      return client.invalidateQueries({ queryKey: ['meetings'] });
    },
  });
}

/** A write that belongs to one meeting: after it, the meeting (and the lists) are read again. */
function useMeetingMutation<TInput, TResult = unknown>(meetingId: string, fn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: meetingKeys.one(meetingId) });
      await client.invalidateQueries({ queryKey: ['meetings'] });
    },
  });
}

export function useUpdateMeeting(meetingId: string) {
  return useMeetingMutation(meetingId, (input: Partial<TMeetingInput> & { revision: number }) =>
    api.patch<TMeeting>(`/api/meetings/${meetingId}`, input));
}

export function useDeleteMeeting(meetingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(`/api/meetings/${meetingId}`),
    onSuccess: () => client.invalidateQueries({ queryKey: ['meetings'] }),
  });
}

export function usePublishMeeting(meetingId: string) {
  return useMeetingMutation(meetingId, (published: boolean) =>
    api.post<TMeeting>(`/api/meetings/${meetingId}/${published ? 'publish' : 'unpublish'}`));
}

export type TCaseInput = {
  title: string;
  presenterIds: string[];
  description: string;
  caseType: TCaseType;
  proposalKind: TConclusionKind;
  proposal: string;
  access: 'offentlig' | 'unntatt';
  publicTitle: string | null;
  legalBasisId: string | null;
  presentation: {
    archiveCode?: string; caseFolder?: string; caseOfficer?: string; date?: string; proposalHeading?: string; body: string;
  } | null;
};

export function useCreateCase(meetingId: string) {
  return useMeetingMutation(meetingId, (input: TCaseInput) => api.post(`/api/meetings/${meetingId}/cases`, input));
}

export function useUpdateCase(meetingId: string) {
  return useMeetingMutation(meetingId, ({ id, ...input }: Partial<TCaseInput> & { id: string; revision: number }) =>
    api.patch(`/api/cases/${id}`, input));
}

export function useDeleteCase(meetingId: string) {
  return useMeetingMutation(meetingId, (id: string) => api.delete(`/api/cases/${id}`));
}

/** The new order, made on the agenda version the page shows (409 `stale` when someone reordered since). */
export function useReorderCases(meetingId: string) {
  return useMeetingMutation(meetingId, (input: { order: string[]; agendaRevision: number }) =>
    api.put(`/api/meetings/${meetingId}/agenda`, input));
}

export function useUploadAttachment(meetingId: string) {
  return useMeetingMutation(meetingId, ({ caseId, file }: { caseId: string; file: File }) => {
    const form = new FormData();
    form.set('file', file, file.name);
    return api.post(`/api/cases/${caseId}/attachments`, form);
  });
}

export function useDeleteAttachment(meetingId: string) {
  return useMeetingMutation(meetingId, (id: string) => api.delete(`/api/attachments/${id}`));
}

export function useSendNotice(meetingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ version: number; changes: string[]; recipients: string[]; sentAt: string }>(`/api/meetings/${meetingId}/notice`),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: meetingKeys.one(meetingId) });
      await client.invalidateQueries({ queryKey: meetingKeys.notices(meetingId) });
    },
  });
}

export type TAttendanceEntry = { personId: string; role: TAttendanceRole; municipalityId?: string | null; note?: string | null };

/** The whole list, made on the attendance version the form was opened with. */
export function useSetAttendance(meetingId: string) {
  return useMeetingMutation(meetingId, (input: { entries: TAttendanceEntry[]; attendanceRevision: number }) =>
    api.put(`/api/meetings/${meetingId}/attendance`, input));
}

export type TDecisionInput = {
  decisionKind: TConclusionKind;
  decisionText: string;
  treatment: string | null;
  votes?: { personId: string; choice: 'for' | 'mot' | 'blank' }[];
};

/** The decision, made on the case revision the form was opened with. */
export function useRecordDecision(meetingId: string) {
  return useMeetingMutation(meetingId, ({ caseId, ...input }: TDecisionInput & { caseId: string; revision: number }) =>
    api.put(`/api/cases/${caseId}/decision`, input));
}

export function useApproveMinutes(meetingId: string) {
  return useMeetingMutation(meetingId, ({ minutesOf, approvedByCaseId }: { minutesOf: string; approvedByCaseId: string }) =>
    api.post(`/api/meetings/${minutesOf}/minutes/approve`, { approvedByCaseId }));
}

export type TReopenMinutesResult = { meetingId: string; status: 'avholdt'; decidedByCaseNumber: string; supersededPdfSha256: string | null };

/** Approved minutes reopen for correction only by a decided case of a later meeting of the body. */
export function useReopenMinutes(meetingId: string) {
  return useMeetingMutation(meetingId, ({ decidedByCaseId }: { decidedByCaseId: string }) =>
    api.post<TReopenMinutesResult>(`/api/meetings/${meetingId}/minutes/reopen`, { decidedByCaseId }));
}
