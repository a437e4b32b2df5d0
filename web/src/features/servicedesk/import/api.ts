// The import endpoints the desk's import pages call: saved column mappings per source tool, ticket
// import (preview, then import), and phone statistics (preview, import, the stored days).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type TApiSchema } from '../../../api/client';
import type { TImportValueField as TValueField } from '../../../../../src/modules/servicedesk/vocabulary';

// The fields of a ticket export, from the server's vocabulary.
export {
  IMPORT_FIELDS, IMPORT_VALUE_FIELDS as VALUE_FIELDS, type TImportField, type TImportValueField as TValueField,
} from '../../../../../src/modules/servicedesk/vocabulary';

type TApiMapping = TApiSchema<'TicketImportMapping'>;
/**
 * A mapping as the pages edit it, every part present; its value translations stay text until the
 * server checks them (a 400 naming the field).
 */
export type TImportMapping = {
  columns: NonNullable<TApiMapping['columns']>;
  values: Partial<Record<TValueField, Record<string, string>>>;
  defaults: Required<NonNullable<TApiMapping['defaults']>>;
};
export type TSavedMapping = { source: string; mapping: TImportMapping; updatedAt: string };
export type TRowIssue = NonNullable<TApiSchema<'Error'>['error']['issues']>[number];
export type TTicketImportPreview = TApiSchema<'TicketImportPreview'>;
export type TPhonePreview = TApiSchema<'PhoneStatsPreview'>;
export type TPhoneDay = TPhonePreview['days'][number];

export const EMPTY_MAPPING: TImportMapping = { columns: {}, values: {}, defaults: { type: 'feilmelding', priority: 'medium', channel: 'annet' } };

const keys = {
  mappings: ['servicedesk', 'import-mappings'] as const,
  phoneDays: (from: string, to: string) => ['servicedesk', 'phone-stats', from, to] as const,
};

export function useImportMappings() {
  return useQuery({
    queryKey: keys.mappings,
    queryFn: async (): Promise<TSavedMapping[]> => (await ok(api.GET('/api/servicedesk/import-mappings'))).mappings
      .map(({ mapping, ...saved }) => ({ ...saved, mapping: { ...EMPTY_MAPPING, ...mapping } as TImportMapping })),
  });
}

export function useSaveImportMapping() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ source, mapping }: { source: string; mapping: TImportMapping }) =>
      ok(api.PUT('/api/servicedesk/import-mappings/{source}', { params: { path: { source } }, body: mapping as TApiMapping })),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.mappings }),
  });
}

export function usePreviewTicketImport() {
  return useMutation({
    mutationFn: ({ file, source }: { file: File; source?: string }) =>
      ok(api.POST('/api/servicedesk/ticket-imports/preview', { body: { file, source: source || undefined } })),
  });
}

export function useImportTickets() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, source }: { file: File; source?: string }) =>
      ok(api.POST('/api/servicedesk/ticket-imports', { body: { file, source: source || undefined } })),
    // New tickets reach the work list and the key figures.
    onSuccess: () => client.invalidateQueries({ queryKey: ['servicedesk'] }),
  });
}

export function usePreviewPhoneStats() {
  return useMutation({ mutationFn: (file: File) => ok(api.POST('/api/servicedesk/phone-stats/preview', { body: { file } })) });
}

export function useImportPhoneStats() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => ok(api.POST('/api/servicedesk/phone-stats', { body: { file } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['servicedesk'] }),
  });
}

/** The stored days from..to (YYYY-MM-DD, inclusive). */
export function usePhoneDays(from: string, to: string) {
  return useQuery({
    queryKey: keys.phoneDays(from, to),
    queryFn: () => ok(api.GET('/api/servicedesk/phone-stats', { params: { query: { from, to } } })),
  });
}
