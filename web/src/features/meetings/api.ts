// Every governance endpoint the meeting pages use, in one place, through the typed client: paths,
// bodies and answers are the server's (web/src/api/schema.ts). Writes invalidate the meeting they touched.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type TApiSchema } from '../../api/client';

export const meetingKeys = {
  list: (filters: { bodyId?: string; year?: number }) => ['meetings', filters] as const,
  awaiting: ['meetings', 'awaiting'] as const,
  one: (id: string) => ['meeting', id] as const,
  notices: (id: string) => ['meeting', id, 'notices'] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

export function useBodies() {
  return useQuery({
    queryKey: ['bodies'],
    queryFn: async () => (await ok(api.GET('/api/bodies'))).bodies,
    staleTime: 5 * 60_000,
  });
}

export function useBodyMembers(bodyId: string | undefined, on?: string) {
  return useQuery({
    queryKey: ['body-members', bodyId, on],
    enabled: Boolean(bodyId),
    queryFn: async () => (await ok(api.GET('/api/bodies/{id}/members', { params: { path: { id: bodyId! }, query: { on } } }))).members,
  });
}

export function usePeople() {
  return useQuery({
    queryKey: ['people'],
    queryFn: async () => (await ok(api.GET('/api/people'))).people,
    staleTime: 60_000,
  });
}

export function useLegalBases() {
  return useQuery({
    queryKey: ['legal-bases'],
    queryFn: async () => (await ok(api.GET('/api/legal-bases'))).legalBases,
    staleTime: Infinity,
  });
}

export function useMeetings(filters: { bodyId?: string; year?: number }) {
  return useQuery({
    queryKey: meetingKeys.list(filters),
    queryFn: async () => (await ok(api.GET('/api/meetings', { params: { query: { body: filters.bodyId, year: filters.year } } }))).meetings,
  });
}

/** The meetings that wait for the staff (to call, to record, minutes to approve): the server decides which. */
export function useMeetingsAwaiting() {
  return useQuery({ queryKey: meetingKeys.awaiting, queryFn: () => ok(api.GET('/api/meetings/awaiting')) });
}

export function useMeeting(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: meetingKeys.one(id), queryFn: () => ok(api.GET('/api/meetings/{id}', path(id))), enabled: options.enabled });
}

export function useNoticeVersions(id: string) {
  return useQuery({
    queryKey: meetingKeys.notices(id),
    queryFn: async () => (await ok(api.GET('/api/meetings/{id}/notice/versions', path(id)))).versions,
  });
}

export type TMeetingInput = TApiSchema<'CreateMeetingRequest'>;

export function useCreateMeeting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TMeetingInput) => ok(api.POST('/api/meetings', { body: input })),
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
  return useMeetingMutation(meetingId, (input: TApiSchema<'UpdateMeetingRequest'>) =>
    ok(api.PATCH('/api/meetings/{id}', { ...path(meetingId), body: input })));
}

export function useDeleteMeeting(meetingId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => ok(api.DELETE('/api/meetings/{id}', path(meetingId))),
    onSuccess: () => client.invalidateQueries({ queryKey: ['meetings'] }),
  });
}

export function usePublishMeeting(meetingId: string) {
  return useMeetingMutation(meetingId, (published: boolean) =>
    ok(api.POST(published ? '/api/meetings/{id}/publish' : '/api/meetings/{id}/unpublish', path(meetingId))));
}

/** A meeting of a year before samrad (issue 12): held, never called, its cases numbered by hand. */
export function useCreateHistoricalMeeting() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TApiSchema<'CreateHistoricalMeetingRequest'>) => ok(api.POST('/api/meetings/historical', { body: input })),
    onSuccess: (view) => {
      client.setQueryData(meetingKeys.one(view.meeting.id), view);
      return client.invalidateQueries({ queryKey: ['meetings'] });
    },
  });
}

export function useAddHistoricalCase(meetingId: string) {
  return useMeetingMutation(meetingId, (input: TApiSchema<'CreateHistoricalCaseRequest'>) =>
    ok(api.POST('/api/meetings/{id}/historical-cases', { ...path(meetingId), body: input })));
}

export function useUpdateHistoricalCase(meetingId: string) {
  return useMeetingMutation(meetingId, ({ id, ...input }: TApiSchema<'UpdateHistoricalCaseRequest'> & { id: string }) =>
    ok(api.PATCH('/api/historical-cases/{id}', { ...path(id), body: input })));
}

export function useDeleteHistoricalCase(meetingId: string) {
  return useMeetingMutation(meetingId, ({ id, revision }: { id: string; revision: number }) =>
    ok(api.DELETE('/api/historical-cases/{id}', { params: { path: { id }, query: { revision } } })));
}

export function useApproveHistoricalMinutes(meetingId: string) {
  return useMeetingMutation(meetingId, () => ok(api.POST('/api/meetings/{id}/historical-approval', path(meetingId))));
}

export type TCaseInput = TApiSchema<'CreateCaseRequest'>;

export function useCreateCase(meetingId: string) {
  return useMeetingMutation(meetingId, (input: TCaseInput) => ok(api.POST('/api/meetings/{id}/cases', { ...path(meetingId), body: input })));
}

export function useUpdateCase(meetingId: string) {
  return useMeetingMutation(meetingId, ({ id, ...input }: TApiSchema<'UpdateCaseRequest'> & { id: string }) =>
    ok(api.PATCH('/api/cases/{id}', { ...path(id), body: input })));
}

export function useDeleteCase(meetingId: string) {
  return useMeetingMutation(meetingId, (id: string) => ok(api.DELETE('/api/cases/{id}', path(id))));
}

/** The new order, made on the agenda version the page shows (409 `stale` when someone reordered since). */
export function useReorderCases(meetingId: string) {
  return useMeetingMutation(meetingId, (input: TApiSchema<'ReorderAgendaRequest'>) =>
    ok(api.PUT('/api/meetings/{id}/agenda', { ...path(meetingId), body: input })));
}

export function useUploadAttachment(meetingId: string) {
  return useMeetingMutation(meetingId, ({ caseId, file }: { caseId: string; file: File }) =>
    ok(api.POST('/api/cases/{id}/attachments', { ...path(caseId), body: { file } })));
}

export function useDeleteAttachment(meetingId: string) {
  return useMeetingMutation(meetingId, (id: string) => ok(api.DELETE('/api/attachments/{id}', path(id))));
}

export type TPaperDelivery = TApiSchema<'NoticePaperDelivery'>;

export function useSendNotice(meetingId: string) {
  const client = useQueryClient();
  return useMutation({
    // Members without e-mail whom the sender records as reached by post or by hand (issue 12).
    mutationFn: (paperDeliveries: TPaperDelivery[] = []) =>
      ok(api.POST('/api/meetings/{id}/notice', { ...path(meetingId), body: { paperDeliveries } })),
    onSettled: async () => {
      await client.invalidateQueries({ queryKey: meetingKeys.one(meetingId) });
      await client.invalidateQueries({ queryKey: meetingKeys.notices(meetingId) });
    },
  });
}

export type TAttendanceEntry = TApiSchema<'SetAttendanceRequest'>['entries'][number];

/** The whole list, made on the attendance version the form was opened with. */
export function useSetAttendance(meetingId: string) {
  return useMeetingMutation(meetingId, (input: TApiSchema<'SetAttendanceRequest'>) =>
    ok(api.PUT('/api/meetings/{id}/attendance', { ...path(meetingId), body: input })));
}

export type TDecisionInput = TApiSchema<'RecordDecisionRequest'>;

/** The decision, made on the case revision the form was opened with. */
export function useRecordDecision(meetingId: string) {
  return useMeetingMutation(meetingId, ({ caseId, ...input }: TDecisionInput & { caseId: string }) =>
    ok(api.PUT('/api/cases/{id}/decision', { ...path(caseId), body: input })));
}

export function useApproveMinutes(meetingId: string) {
  return useMeetingMutation(meetingId, ({ minutesOf, approvedByCaseId }: { minutesOf: string; approvedByCaseId: string }) =>
    ok(api.POST('/api/meetings/{id}/minutes/approve', { ...path(minutesOf), body: { approvedByCaseId } })));
}

export type TReopenMinutesResult = TApiSchema<'ReopenMinutesResponse'>;

/** Approved minutes reopen for correction only by a decided case of a later meeting of the body. */
export function useReopenMinutes(meetingId: string) {
  return useMeetingMutation(meetingId, ({ decidedByCaseId }: { decidedByCaseId: string }) =>
    ok(api.POST('/api/meetings/{id}/minutes/reopen', { ...path(meetingId), body: { decidedByCaseId } })));
}
