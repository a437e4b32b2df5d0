// Reads and writes of the admin screens, through the typed client. Each list is one query; every write
// refreshes the lists it can affect (by key prefix), so tables never show stale rows after a save.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ok, type TApiQuery, type TApiSchema } from '../../api/client';
import { isStale } from '../forms/fields';

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

/**
 * A write; afterwards every admin list and the shared lists (people, bodies) are read again. So they are
 * after an edit refused as stale (decision 0024), so that reloading the form opens it on what is stored.
 */
export function useAdminWrite<TInput>(fn: (input: TInput) => Promise<unknown>) {
  const client = useQueryClient();
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['admin'] });
    await client.invalidateQueries({ queryKey: ['people'] });
    await client.invalidateQueries({ queryKey: ['bodies'] });
    await client.invalidateQueries({ queryKey: ['body-members'] });
  };
  return useMutation({
    mutationFn: fn,
    onSuccess: refresh,
    onError: (error) => (isStale(error) ? refresh() : undefined),
  });
}

/**
 * The row an edit form is open on, and the form's key: the form keeps the row (and its revision) it was
 * opened on; `reload` opens it again on the row as the list holds it now (after a 409 `stale`).
 */
export function useEditing<T extends { id: string }>(rows: readonly T[] | undefined) {
  const [editing, setEditing] = useState<T | null>(null);
  const [opened, setOpened] = useState(0);
  const open = (row: T | null) => { setEditing(row); setOpened((n) => n + 1); };
  return {
    editing,
    open,
    key: `${editing?.id ?? 'new'}:${opened}`,
    reload: () => open(rows?.find((r) => r.id === editing?.id) ?? null),
  };
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
