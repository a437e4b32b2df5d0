// Reads and writes of the staff tab, through the typed client. The lists sit under the ['admin'] key,
// so every admin write (a person renamed under Personer) refreshes them too.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok } from '../../../api/client';
import { isStale } from '../../forms/fields';

export const useDepartments = (cooperationId: string) => useQuery({
  queryKey: ['admin', 'departments', cooperationId],
  queryFn: async () => (await ok(api.GET('/api/departments', { params: { query: { cooperationId } } }))).departments,
});

export const usePositions = (cooperationId: string) => useQuery({
  queryKey: ['admin', 'positions', cooperationId],
  queryFn: async () => (await ok(api.GET('/api/positions', { params: { query: { cooperationId } } }))).positions,
});

export const useStaffing = (cooperationId: string, on: string) => useQuery({
  queryKey: ['admin', 'staffing', cooperationId, on],
  // A date being typed is not asked for until it is a whole one.
  enabled: /^\d{4}-\d{2}-\d{2}$/.test(on),
  placeholderData: (previous) => previous,
  queryFn: async () => ok(api.GET('/api/cooperations/{cooperationId}/staffing', { params: { path: { cooperationId }, query: { on } } })),
});

/**
 * A write of the staff tab; afterwards the admin lists and the cooperation are read again (also after a
 * stale refusal, so the form reopens on what is stored). `onSuccess` sits on the mutation, not on
 * `mutate`: a form that remounts on the new revision would drop a `mutate` callback.
 */
export function useStaffWrite<TInput>(fn: (input: TInput) => Promise<unknown>, onSuccess?: () => void) {
  const client = useQueryClient();
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['admin'] });
    await client.invalidateQueries({ queryKey: ['cooperation'] });
  };
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => { onSuccess?.(); await refresh(); },
    onError: (error) => (isStale(error) ? refresh() : undefined),
  });
}
