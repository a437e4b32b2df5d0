// The import endpoints the desk's import pages call: saved column mappings per source tool, ticket
// import (preview, then import), and phone statistics (preview, import, the stored days).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../../api';
import type { TChannel, TPriority, TStatus, TTicketType } from '../types';

/** The fields a ticket export can hold, in the order the mapping form shows them (import.service.ts). */
export const IMPORT_FIELDS = [
  'externalId', 'createdAt', 'title', 'description', 'type', 'category', 'channel', 'priority', 'status',
  'municipality', 'requesterName', 'requesterEmail', 'solvedAt', 'closedAt',
] as const;
export type TImportField = (typeof IMPORT_FIELDS)[number];
export const VALUE_FIELDS = ['type', 'priority', 'status', 'channel', 'category'] as const;
export type TValueField = (typeof VALUE_FIELDS)[number];

export type TImportMapping = {
  columns: Partial<Record<TImportField, string>>;
  values: Partial<Record<TValueField, Record<string, string>>>;
  defaults: { type: TTicketType; priority: TPriority; channel: TChannel };
};
export type TSavedMapping = { source: string; mapping: TImportMapping; updatedAt: string };
export type TRowIssue = { row: number | null; column: string | null; message: string };
export type TTicketImportPreview = {
  rows: number; newTickets: number; alreadyImported: number;
  sample: { row: number; externalId: string; createdAt: string; title: string; type: TTicketType; priority: TPriority; status: TStatus; category: string }[];
};
export type TPhoneDay = { day: string; offered: number; answered: number; meanWaitSeconds: number; meanTalkSeconds: number };
export type TPhonePreview = {
  days: TPhoneDay[]; replacesDays: string[];
  totals: { offered: number; answered: number; answerRate: number | null };
};

export const EMPTY_MAPPING: TImportMapping = { columns: {}, values: {}, defaults: { type: 'feilmelding', priority: 'medium', channel: 'annet' } };

const keys = {
  mappings: ['servicedesk', 'import-mappings'] as const,
  phoneDays: (from: string, to: string) => ['servicedesk', 'phone-stats', from, to] as const,
};

export function useImportMappings() {
  return useQuery({
    queryKey: keys.mappings,
    queryFn: async () => (await api.get<{ mappings: TSavedMapping[] }>('/api/servicedesk/import-mappings')).mappings,
  });
}

export function useSaveImportMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ source, mapping }: { source: string; mapping: TImportMapping }) =>
      api.put<TSavedMapping>(`/api/servicedesk/import-mappings/${encodeURIComponent(source)}`, mapping),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.mappings }),
  });
}

function upload(file: File, source?: string): FormData {
  const form = new FormData();
  form.set('file', file);
  if (source) form.set('source', source);
  return form;
}

export function usePreviewTicketImport() {
  return useMutation({
    mutationFn: ({ file, source }: { file: File; source?: string }) =>
      api.post<TTicketImportPreview>('/api/servicedesk/ticket-imports/preview', upload(file, source)),
  });
}

export function useImportTickets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, source }: { file: File; source?: string }) =>
      api.post<TTicketImportPreview>('/api/servicedesk/ticket-imports', upload(file, source)),
    // New tickets reach the work list and the key figures.
    onSuccess: () => client.invalidateQueries({ queryKey: ['servicedesk'] }),
  });
}

export function usePreviewPhoneStats() {
  return useMutation({ mutationFn: (file: File) => api.post<TPhonePreview>('/api/servicedesk/phone-stats/preview', upload(file)) });
}

export function useImportPhoneStats() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.post<TPhonePreview>('/api/servicedesk/phone-stats', upload(file)),
    onSuccess: () => client.invalidateQueries({ queryKey: ['servicedesk'] }),
  });
}

/** The stored days from..to (YYYY-MM-DD, inclusive). */
export function usePhoneDays(from: string, to: string) {
  return useQuery({
    queryKey: keys.phoneDays(from, to),
    queryFn: async () => (await api.get<{ days: TPhoneDay[] }>(`/api/servicedesk/phone-stats${query({ from, to })}`)).days,
  });
}
