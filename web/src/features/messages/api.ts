// The in-app messages (src/modules/messages/routes/messages.ts): the reader's own list with the unread
// count, for the header's link and the page /meldinger.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type TApiSchema } from '../../api/client';

export type TUserMessage = TApiSchema<'UserMessage'>;
const key = ['messages'] as const;

export function useMessages(enabled = true) {
  return useQuery({ queryKey: key, queryFn: () => ok(api.GET('/api/messages')), enabled, refetchInterval: 120_000 });
}

/** Read or unread; the list (and the header's count) is fetched again by the mutation's own onSuccess. */
export function useMarkMessage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; read: boolean }) => ok(api.PUT('/api/messages/{id}/read', { params: { path: { id: v.id } }, body: { read: v.read } })),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
