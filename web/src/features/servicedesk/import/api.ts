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
export type TPhoneRow = TPhonePreview['days'][number];
export type TPhoneDay = TApiSchema<'PhoneStatsDay'> & Partial<Pick<TPhoneRow, 'municipality'>>;
export type TPhoneByMunicipality = TPhonePreview['byMunicipality'];

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

/** A phone export and, when its municipality column is not called «Kommune», that column's header. */
export type TPhoneUpload = { file: File; municipalityColumn?: string };
const phoneBody = ({ file, municipalityColumn }: TPhoneUpload) => ({ file, municipalityColumn: municipalityColumn?.trim() || undefined });

export function usePreviewPhoneStats() {
  return useMutation({ mutationFn: (upload: TPhoneUpload) => ok(api.POST('/api/servicedesk/phone-stats/preview', { body: phoneBody(upload) })) });
}

export function useImportPhoneStats(onImported?: (result: TPhonePreview) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (upload: TPhoneUpload) => ok(api.POST('/api/servicedesk/phone-stats', { body: phoneBody(upload) })),
    // On the mutation, not on `mutate`: TanStack Query drops a `mutate` callback whose observer remounted.
    onSuccess: (result) => {
      onImported?.(result);
      return client.invalidateQueries({ queryKey: ['servicedesk'] });
    },
  });
}

/** The stored days from..to (YYYY-MM-DD, inclusive), for all municipalities or one. */
export function usePhoneDays(from: string, to: string, municipality?: string) {
  return useQuery({
    queryKey: [...keys.phoneDays(from, to), municipality ?? null],
    queryFn: () => ok(api.GET('/api/servicedesk/phone-stats', { params: { query: { from, to, ...(municipality ? { municipality } : {}) } } })),
  });
}
