// Every economy endpoint the /okonomi page uses, through the typed client. Writes invalidate the
// report, so the tables and the chart show the new figures at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, linkQuery, ok, type TApiSchema } from '../../api/client';

export const economyKeys = {
  report: (year: number, asOf: string) => ['economy', 'report', year, asOf] as const,
  lines: ['economy', 'lines'] as const,
};

const yearPath = (year: number) => ({ path: { year } });

export function useEconomyReport(year: number, asOf: string) {
  return useQuery({
    queryKey: economyKeys.report(year, asOf),
    queryFn: () => ok(api.GET('/api/economy/{year}/report', { params: { ...yearPath(year), query: { asOf } } })),
  });
}

/** The years that have figures, newest first (the page opens on the newest). */
export function useFigurePeriods() {
  return useQuery({
    queryKey: ['economy', 'periods'] as const,
    queryFn: async () => (await ok(api.GET('/api/economy/periods'))).years,
  });
}

export function useEconomyLines() {
  return useQuery({
    queryKey: economyKeys.lines,
    queryFn: async () => (await ok(api.GET('/api/economy/lines'))).lines,
    staleTime: 60_000,
  });
}

export function useAddForecast(year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TApiSchema<'ForecastRequest'>) => ok(api.POST('/api/economy/{year}/forecasts', { params: yearPath(year), body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['economy', 'report', year] }),
  });
}

export function usePreviewLedger(year: number) {
  return useMutation({
    mutationFn: (file: File) => ok(api.POST('/api/economy/{year}/ledger-imports/preview', { params: yearPath(year), body: { file } })),
  });
}

export function useCommitLedger(year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => ok(api.POST('/api/economy/{year}/ledger-imports', { params: yearPath(year), body: { file } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['economy', 'report', year] }),
  });
}

export const reportFileUrl = (year: number, asOf: string, format: 'xlsx' | 'pdf') =>
  `/api/economy/${year}/report.${format}${linkQuery({ asOf })}`;

export function useFinancing(year: number) {
  return useQuery({
    queryKey: ['economy', 'financing', year],
    queryFn: () => ok(api.GET('/api/economy/{year}/financing', { params: yearPath(year) })),
  });
}

/** The cooperation's member municipalities in the year: a key may name only them. */
export function useMembersInYear(cooperationId: string | undefined, year: number) {
  return useQuery({
    queryKey: ['economy', 'members', cooperationId, year],
    queryFn: async () => (await ok(api.GET('/api/cooperations/{cooperationId}/members', { params: { path: { cooperationId: cooperationId! }, query: { year } } }))).members,
    enabled: Boolean(cooperationId),
  });
}

export const useSetFinancing = (year: number) =>
  useEconomyWrite((body: TApiSchema<'SetFinancingRequest'>) => ok(api.PUT('/api/economy/{year}/financing', { params: yearPath(year), body })));

export function useSettlement(year: number, asOf: string) {
  return useQuery({
    queryKey: ['economy', 'report', year, 'settlement', asOf],
    queryFn: () => ok(api.GET('/api/economy/{year}/settlement', { params: { ...yearPath(year), query: { asOf } } })),
  });
}

export type TPublication = TApiSchema<'ListedEconomyPublication'>;

/** The year's reports published with meetings; under the report's key so every figure write refreshes it. */
export function useEconomyPublications(year: number) {
  return useQuery({
    queryKey: ['economy', 'report', year, 'publications'],
    queryFn: async () => (await ok(api.GET('/api/economy/{year}/publications', { params: yearPath(year) }))).publications,
  });
}

export type TBudgetRow = TApiSchema<'EconomyBudget'>;
export type TRevisionRow = TApiSchema<'EconomyBudgetRevision'>;
export type TForecastRow = TApiSchema<'EconomyForecast'>;
export type TManualActualRow = TApiSchema<'EconomyManualActual'>;

export function useBudgets(year: number) {
  return useQuery({
    queryKey: ['economy', 'budgets', year],
    queryFn: () => ok(api.GET('/api/economy/{year}/budgets', { params: yearPath(year) })),
  });
}

export function useAccountMappings() {
  return useQuery({
    queryKey: ['economy', 'mappings'],
    queryFn: async () => (await ok(api.GET('/api/economy/account-mappings'))).mappings,
  });
}

/** One write of the set-up forms; afterwards every economy query is fresh (lines, budgets, report). */
function useEconomyWrite<TBody>(write: (body: TBody) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => client.invalidateQueries({ queryKey: ['economy'] }),
  });
}

export const useCreateLine = () =>
  useEconomyWrite((body: TApiSchema<'CreateEconomyLineRequest'>) => ok(api.POST('/api/economy/lines', { body })));
/**
 * After a line's edit or a new order the lines are fetched again before the mutation settles (the list
 * and focus follow them at once); the rest of the economy (report, budgets) is refreshed behind them.
 */
function useLineWrite<TVars>(write: (vars: TVars) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSettled: async () => {
      void client.invalidateQueries({ queryKey: ['economy'], predicate: (q) => q.queryKey[1] !== economyKeys.lines[1] });
      await client.invalidateQueries({ queryKey: economyKeys.lines });
    },
  });
}

/** The order of a kind's lines (every line of the kind, each once). */
export const useSetLineOrder = () =>
  useLineWrite((body: TApiSchema<'EconomyLineOrderRequest'>) => ok(api.PUT('/api/economy/lines/order', { body })));
/** A line's fields, at the revision read (decision 0024: 409 `stale` past it). */
export const useUpdateLine = () =>
  useLineWrite(({ id, body }: { id: string; body: TApiSchema<'UpdateEconomyLineRequest'> }) =>
    ok(api.PATCH('/api/economy/lines/{id}', { params: { path: { id } }, body })));
export const useSetBudget = (year: number) =>
  useEconomyWrite((body: TApiSchema<'SetBudgetRequest'>) => ok(api.PUT('/api/economy/{year}/budgets', { params: yearPath(year), body })));
export const useAddBudgetRevision = (year: number) =>
  useEconomyWrite((body: TApiSchema<'BudgetRevisionRequest'>) => ok(api.POST('/api/economy/{year}/budget-revisions', { params: yearPath(year), body })));
export const useSaveAccountMapping = () =>
  useEconomyWrite((body: TApiSchema<'AccountMappingRequest'>) => ok(api.PUT('/api/economy/account-mappings', { body })));
export const useAddManualActual = (year: number) =>
  useEconomyWrite((body: TApiSchema<'ManualActualRequest'>) => ok(api.POST('/api/economy/{year}/actuals', { params: yearPath(year), body })));

export function useForecasts(year: number) {
  return useQuery({
    queryKey: ['economy', 'report', year, 'forecasts'],
    queryFn: async () => (await ok(api.GET('/api/economy/{year}/forecasts', { params: yearPath(year) }))).forecasts,
  });
}

export function useManualActuals(year: number) {
  return useQuery({
    queryKey: ['economy', 'report', year, 'actuals'],
    queryFn: async () => (await ok(api.GET('/api/economy/{year}/actuals', { params: yearPath(year) }))).actuals,
  });
}

/** The entries staff may correct or delete, by the path segment of their API. */
export type TCorrectable = 'forecasts' | 'budget-revisions' | 'actuals';
export type TEntryRef = { id: string; version: string };

/** The correction of each kind, with the version read: a 409 means someone else changed the entry first. */
const corrections = {
  'forecasts': (id: string, body: TApiSchema<'UpdateForecastRequest'>) =>
    ok(api.PATCH('/api/economy/forecasts/{id}', { params: { path: { id } }, body })),
  'budget-revisions': (id: string, body: TApiSchema<'UpdateBudgetRevisionRequest'>) =>
    ok(api.PATCH('/api/economy/budget-revisions/{id}', { params: { path: { id } }, body })),
  'actuals': (id: string, body: TApiSchema<'UpdateManualActualRequest'>) =>
    ok(api.PATCH('/api/economy/actuals/{id}', { params: { path: { id } }, body })),
};

const deletions = {
  'forecasts': ({ id, version }: TEntryRef) => ok(api.DELETE('/api/economy/forecasts/{id}', { params: { path: { id }, query: { version } } })),
  'budget-revisions': ({ id, version }: TEntryRef) => ok(api.DELETE('/api/economy/budget-revisions/{id}', { params: { path: { id }, query: { version } } })),
  'actuals': ({ id, version }: TEntryRef) => ok(api.DELETE('/api/economy/actuals/{id}', { params: { path: { id }, query: { version } } })),
};

export function useCorrectEntry(kind: TCorrectable) {
  const client = useQueryClient();
  return useMutation({
    // The correction form lists each kind's fields as data (CorrectableRow), so its changes arrive
    // untyped here; the server validates them against the kind's schema.
    mutationFn: ({ id, version, changes }: TEntryRef & { changes: Record<string, unknown> }) =>
      corrections[kind](id, { version, ...changes } as never) as Promise<unknown>,
    onSettled: () => client.invalidateQueries({ queryKey: ['economy'] }),
  });
}

export function useDeleteEntry(kind: TCorrectable) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entry: TEntryRef) => deletions[kind](entry),
    onSettled: () => client.invalidateQueries({ queryKey: ['economy'] }),
  });
}

export function useFunds(year: number) {
  return useQuery({
    queryKey: ['economy', 'funds', year],
    queryFn: () => ok(api.GET('/api/economy/{year}/funds', { params: yearPath(year) })),
  });
}

export const useCreateFund = () =>
  useEconomyWrite((body: TApiSchema<'CreateFundRequest'>) => ok(api.POST('/api/economy/funds', { body })));
export const useAddFundMovement = () =>
  useEconomyWrite(({ fundId, body }: { fundId: string; body: TApiSchema<'FundMovementRequest'> }) =>
    ok(api.POST('/api/economy/funds/{id}/movements', { params: { path: { id: fundId } }, body })));

export type TExitSettlement = TApiSchema<'ExitSettlement'>;

/** The exit settlements and the memberships that end; under ['economy'] so a fund movement refreshes a draft. */
export function useExitSettlements() {
  return useQuery({
    queryKey: ['economy', 'exit-settlements'],
    queryFn: () => ok(api.GET('/api/economy/exit-settlements')),
  });
}

export const useCreateExitSettlement = () =>
  useEconomyWrite((body: TApiSchema<'CreateExitSettlementRequest'>) => ok(api.POST('/api/economy/exit-settlements', { body })));
export const useAddExitSettlementLine = () =>
  useEconomyWrite(({ id, body }: { id: string; body: TApiSchema<'ExitSettlementLineRequest'> }) =>
    ok(api.POST('/api/economy/exit-settlements/{id}/lines', { params: { path: { id } }, body })));
export const useRemoveExitSettlementLine = () =>
  useEconomyWrite(({ id, lineId }: { id: string; lineId: string }) =>
    ok(api.DELETE('/api/economy/exit-settlements/{id}/lines/{lineId}', { params: { path: { id, lineId } } })));
export const useDecideExitSettlement = () =>
  useEconomyWrite(({ id, body }: { id: string; body: TApiSchema<'DecideExitSettlementRequest'> }) =>
    ok(api.POST('/api/economy/exit-settlements/{id}/decide', { params: { path: { id } }, body })));
export const useDeleteExitSettlement = () =>
  useEconomyWrite((id: string) => ok(api.DELETE('/api/economy/exit-settlements/{id}', { params: { path: { id } } })));
