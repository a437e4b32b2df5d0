// Reads and writes of the admin screens, through the typed client. Each list is one query; every write
// refreshes the lists it can affect (by key prefix), so tables never show stale rows after a save.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type TApiQuery, type TApiSchema } from '../../api/client';

export const useMunicipalities = () => useQuery({
  queryKey: ['admin', 'municipalities'],
  queryFn: async () => (await ok(api.GET('/api/municipalities'))).municipalities,
});
export const useMemberships = (cooperationId: string | undefined) => useQuery({
  queryKey: ['admin', 'memberships', cooperationId],
  enabled: Boolean(cooperationId),
  queryFn: async () => (await ok(api.GET('/api/cooperations/{cooperationId}/memberships', { params: { path: { cooperationId: cooperationId! } } }))).memberships,
});
export const useAdminBodies = () => useQuery({
  queryKey: ['admin', 'bodies'],
  queryFn: async () => (await ok(api.GET('/api/bodies'))).bodies,
});
export const useMembersOf = (bodyId: string | undefined) => useQuery({
  queryKey: ['admin', 'body-members', bodyId],
  enabled: Boolean(bodyId),
  queryFn: async () => (await ok(api.GET('/api/bodies/{id}/members', { params: { path: { id: bodyId! } } }))).members,
});
export const useAdminPeople = () => useQuery({
  queryKey: ['admin', 'people'],
  queryFn: async () => (await ok(api.GET('/api/people'))).people,
});
export const useUsers = () => useQuery({
  queryKey: ['admin', 'users'],
  queryFn: async () => (await ok(api.GET('/api/users'))).users,
});

/** A write; afterwards every admin list and the shared lists (people, bodies) are read again. */
export function useAdminWrite<TInput>(fn: (input: TInput) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['admin'] });
      await client.invalidateQueries({ queryKey: ['people'] });
      await client.invalidateQueries({ queryKey: ['bodies'] });
      await client.invalidateQueries({ queryKey: ['body-members'] });
    },
  });
}

export type TAuditEntry = TApiSchema<'AuditEntry'>;

export type TAuditFilters = Omit<TApiQuery<'/api/audit'>, 'limit'>;

export function useAudit(filters: TAuditFilters, limit: number) {
  return useQuery({
    queryKey: ['admin', 'audit', filters, limit],
    placeholderData: (previous) => previous,
    queryFn: async () => (await ok(api.GET('/api/audit', { params: { query: { ...filters, limit } } }))).entries,
  });
}

export type TOutboxMessage = TApiSchema<'OutboxMessage'>;

export function useOutbox() {
  return useQuery({
    queryKey: ['admin', 'outbox'],
    queryFn: async () => (await ok(api.GET('/api/outbox', { params: { query: { limit: 200 } } }))).messages,
  });
}
