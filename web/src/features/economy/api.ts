// Every economy endpoint the /okonomi page uses. Writes invalidate the report, so the tables and the
// chart show the new figures at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../api';
import type { TEconomyLine, TEconomyReport, TFinancing, TImportPreview, TSettlement } from './types';

export const economyKeys = {
  report: (year: number, asOf: string) => ['economy', 'report', year, asOf] as const,
  lines: ['economy', 'lines'] as const,
};

export function useEconomyReport(year: number, asOf: string) {
  return useQuery({
    queryKey: economyKeys.report(year, asOf),
    queryFn: () => api.get<TEconomyReport>(`/api/economy/${year}/report${query({ asOf })}`),
  });
}

export function useEconomyLines() {
  return useQuery({
    queryKey: economyKeys.lines,
    queryFn: async () => (await api.get<{ lines: TEconomyLine[] }>('/api/economy/lines')).lines,
    staleTime: 60_000,
  });
}

export function useAddForecast(year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { lineId: string; date: string; amountOre: number; comment?: string | null }) =>
      api.post(`/api/economy/${year}/forecasts`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['economy', 'report', year] }),
  });
}

function fileForm(file: File) {
  const form = new FormData();
  form.set('file', file);
  return form;
}

export function usePreviewLedger(year: number) {
  return useMutation({
    mutationFn: (file: File) => api.post<TImportPreview>(`/api/economy/${year}/ledger-imports/preview`, fileForm(file)),
  });
}

export function useCommitLedger(year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => api.post<TImportPreview>(`/api/economy/${year}/ledger-imports`, fileForm(file)),
    onSuccess: () => client.invalidateQueries({ queryKey: ['economy', 'report', year] }),
  });
}

export const reportFileUrl = (year: number, asOf: string, format: 'xlsx' | 'pdf') =>
  `/api/economy/${year}/report.${format}${query({ asOf })}`;

export function useFinancing(year: number) {
  return useQuery({
    queryKey: ['economy', 'financing', year],
    queryFn: () => api.get<TFinancing>(`/api/economy/${year}/financing`),
  });
}

export function useSettlement(year: number, asOf: string) {
  return useQuery({
    queryKey: ['economy', 'report', year, 'settlement', asOf],
    queryFn: () => api.get<TSettlement>(`/api/economy/${year}/settlement${query({ asOf })}`),
  });
}

export type TPublication = { id: string; meetingId: string; year: number; asOf: string; publishedAt: string; differsFromLive: boolean };

/** The year's reports published with meetings; under the report's key so every figure write refreshes it. */
export function useEconomyPublications(year: number) {
  return useQuery({
    queryKey: ['economy', 'report', year, 'publications'],
    queryFn: async () => (await api.get<{ publications: TPublication[] }>(`/api/economy/${year}/publications`)).publications,
  });
}

export type TBudgetRow = { id: string; lineId: string; year: number; amountOre: number };
export type TRevisionRow = { id: string; lineId: string; year: number; date: string; changeOre: number; decisionReference: string; note: string | null; version: string };
export type TMappingRow = { id: string; account: string | null; project: string | null; lineId: string };

export function useBudgets(year: number) {
  return useQuery({
    queryKey: ['economy', 'budgets', year],
    queryFn: () => api.get<{ budgets: TBudgetRow[]; revisions: TRevisionRow[] }>(`/api/economy/${year}/budgets`),
  });
}

export function useAccountMappings() {
  return useQuery({
    queryKey: ['economy', 'mappings'],
    queryFn: async () => (await api.get<{ mappings: TMappingRow[] }>('/api/economy/account-mappings')).mappings,
  });
}

/** One write of the set-up forms; afterwards every economy query is fresh (lines, budgets, report). */
export function useEconomyWrite<TBody>(method: 'post' | 'put', path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => api[method](path, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['economy'] }),
  });
}

export type TForecastRow = { id: string; lineId: string; date: string; amountOre: number; comment: string | null; createdAt: string; version: string };

export function useForecasts(year: number) {
  return useQuery({
    queryKey: ['economy', 'report', year, 'forecasts'],
    queryFn: async () => (await api.get<{ forecasts: TForecastRow[] }>(`/api/economy/${year}/forecasts`)).forecasts,
  });
}

export type TManualActualRow = { id: string; lineId: string; year: number; period: number; amountOre: number; text: string | null; version: string };

export function useManualActuals(year: number) {
  return useQuery({
    queryKey: ['economy', 'report', year, 'actuals'],
    queryFn: async () => (await api.get<{ actuals: TManualActualRow[] }>(`/api/economy/${year}/actuals`)).actuals,
  });
}

/** The entries staff may correct or delete, by the path segment of their API. */
export type TCorrectable = 'forecasts' | 'budget-revisions' | 'actuals';
export type TEntryRef = { id: string; version: string };

/** Corrections carry the version read; a 409 means someone else changed the entry first. */
export function useCorrectEntry(kind: TCorrectable) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version, changes }: TEntryRef & { changes: Record<string, unknown> }) =>
      api.patch(`/api/economy/${kind}/${id}`, { version, ...changes }),
    onSettled: () => client.invalidateQueries({ queryKey: ['economy'] }),
  });
}

export function useDeleteEntry(kind: TCorrectable) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: TEntryRef) => api.delete(`/api/economy/${kind}/${id}${query({ version })}`),
    onSettled: () => client.invalidateQueries({ queryKey: ['economy'] }),
  });
}
