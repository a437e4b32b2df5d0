// Reads and writes of the admin screens. Each list is one query; every write refreshes the lists
// it can affect (by key prefix), so tables never show stale rows after a save.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api';
import type {
  TBody, TBodyMember, TMembership, TMunicipality, TPerson, TUser,
} from '../meetings/types';

export function useList<T>(key: string, path: string, field: string, enabled = true) {
  return useQuery({
    queryKey: ['admin', key, path],
    enabled,
    queryFn: async () => (await api.get<Record<string, T[]>>(path))[field] ?? [],
  });
}

export const useMunicipalities = () => useList<TMunicipality>('municipalities', '/api/municipalities', 'municipalities');
export const useMemberships = (cooperationId: string | undefined) =>
  useList<TMembership>('memberships', `/api/cooperations/${cooperationId}/memberships`, 'memberships', Boolean(cooperationId));
export const useAdminBodies = () => useList<TBody>('bodies', '/api/bodies', 'bodies');
export const useMembersOf = (bodyId: string | undefined) =>
  useList<TBodyMember>('body-members', `/api/bodies/${bodyId}/members`, 'members', Boolean(bodyId));
export const useAdminPeople = () => useList<TPerson>('people', '/api/people', 'people');
export const useUsers = () => useList<TUser>('users', '/api/users', 'users');

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

export type TAuditEntry = {
  id: number;
  at: string;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
};

export type TAuditFilters = { entity?: string; entityId?: string; actor?: string; from?: string; to?: string };

export function useAudit(filters: TAuditFilters, limit: number) {
  return useQuery({
    queryKey: ['admin', 'audit', filters, limit],
    placeholderData: (previous) => previous,
    queryFn: async () => (await api.get<{ entries: TAuditEntry[] }>(`/api/audit${query({ ...filters, limit })}`)).entries,
  });
}

export type TOutboxMessage = {
  id: string;
  createdAt: string;
  to: string;
  subject: string;
  text: string;
  sentAt: string | null;
  error: string | null;
  attachments: { filename: string; contentType: string; size: number }[];
};

export function useOutbox() {
  return useQuery({
    queryKey: ['admin', 'outbox'],
    queryFn: async () => (await api.get<{ messages: TOutboxMessage[] }>('/api/outbox?limit=200')).messages,
  });
}
