// Every portfolio endpoint the pages use, through the typed client. Saving a week's status refreshes the
// week table and the history, so the page shows the new status at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type TApiSchema } from '../../api/client';
import { isStale } from '../forms/fields';

export const portfolioKeys = {
  projects: ['portfolio', 'projects'] as const,
  project: (id: string) => ['portfolio', 'project', id] as const,
  week: (week: string) => ['portfolio', 'week', week] as const,
  history: (from: string, to: string) => ['portfolio', 'history', from, to] as const,
  proposals: ['portfolio', 'proposals'] as const,
  proposal: (id: string) => ['portfolio', 'proposal', id] as const,
  split: (id: string) => ['portfolio', 'split', id] as const,
  procurements: ['portfolio', 'procurements'] as const,
  procurement: (id: string) => ['portfolio', 'procurement', id] as const,
};

export function useProjects() {
  return useQuery({ queryKey: portfolioKeys.projects, queryFn: async () => (await ok(api.GET('/api/portfolio/projects'))).projects });
}

export function useProject(id: string) {
  return useQuery({ queryKey: portfolioKeys.project(id), queryFn: () => ok(api.GET('/api/portfolio/projects/{id}', { params: { path: { id } } })) });
}

export function useWeekTable(week: string) {
  return useQuery({ queryKey: portfolioKeys.week(week), queryFn: () => ok(api.GET('/api/portfolio/weeks/{week}', { params: { path: { week } } })) });
}

export function useStatusHistory(from: string, to: string) {
  return useQuery({
    queryKey: portfolioKeys.history(from, to),
    queryFn: () => ok(api.GET('/api/portfolio/status-history', { params: { query: { from, to } } })),
  });
}

export function useSetWeekStatus(projectId: string, week: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TApiSchema<'SetWeekStatusRequest'>) => ok(api.PUT('/api/portfolio/projects/{id}/weeks/{week}', { params: { path: { id: projectId, week } }, body })),
    onSuccess: () => Promise.all([
      client.invalidateQueries({ queryKey: ['portfolio', 'week'] }),
      client.invalidateQueries({ queryKey: ['portfolio', 'history'] }),
    ]),
  });
}

export function useProposals(enabled: boolean) {
  return useQuery({ queryKey: portfolioKeys.proposals, enabled, queryFn: async () => (await ok(api.GET('/api/portfolio/proposals'))).proposals });
}

export function useProposal(id: string) {
  return useQuery({ queryKey: portfolioKeys.proposal(id), queryFn: () => ok(api.GET('/api/portfolio/proposals/{id}', { params: { path: { id } } })) });
}

export function useCostSplit(id: string, enabled: boolean) {
  return useQuery({
    queryKey: portfolioKeys.split(id), enabled,
    queryFn: () => ok(api.GET('/api/portfolio/proposals/{id}/cost-split', { params: { path: { id } } })),
  });
}

// ── Writes: each refreshes what shows the thing written. `onDone` runs in the mutation's own options
// (not in mutate's), so a form that closes or a page that refetches does not drop it. ─────────────────

type TDone<T> = { onDone?: (result: T) => void };

export function useProjectKinds() {
  return useQuery({ queryKey: ['portfolio', 'kinds'], staleTime: 60_000, queryFn: async () => (await ok(api.GET('/api/portfolio/kinds'))).kinds });
}

export function useCreateProjectKind({ onDone }: TDone<TApiSchema<'ProjectKind'>> = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TApiSchema<'CreateProjectKindRequest'>) => ok(api.POST('/api/portfolio/kinds', { body })),
    onSuccess: async (kind) => { await client.invalidateQueries({ queryKey: ['portfolio', 'kinds'] }); onDone?.(kind); },
  });
}

export function usePopulations(year: number) {
  return useQuery({
    queryKey: ['portfolio', 'populations', year],
    queryFn: () => ok(api.GET('/api/portfolio/populations/{year}', { params: { path: { year } } })),
  });
}

export function useSetPopulations(year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TApiSchema<'SetPopulationsRequest'>) => ok(api.PUT('/api/portfolio/populations/{year}', { params: { path: { year } }, body })),
    // The splits that read the year's figures are worked out again on the proposal pages.
    onSuccess: () => client.invalidateQueries({ queryKey: ['portfolio'] }),
  });
}

export function useCreateProject({ onDone }: TDone<TApiSchema<'Project'>> = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TApiSchema<'CreateProjectRequest'>) => ok(api.POST('/api/portfolio/projects', { body })),
    onSuccess: async (project) => {
      await client.invalidateQueries({ queryKey: ['portfolio'] });
      onDone?.(project);
    },
  });
}

export function useUpdateProject(id: string, { onDone }: TDone<TApiSchema<'Project'>> = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TApiSchema<'UpdateProjectRequest'>) => ok(api.PATCH('/api/portfolio/projects/{id}', { params: { path: { id } }, body })),
    onSuccess: async (project) => {
      client.setQueryData(portfolioKeys.project(id), project);
      await client.invalidateQueries({ queryKey: ['portfolio'] });
      onDone?.(project);
    },
    // A stale edit: read the project again so «Last inn på nytt» opens the form on what is stored.
    onError: (error) => (isStale(error) ? client.invalidateQueries({ queryKey: portfolioKeys.project(id) }) : undefined),
  });
}

export function useProcurements() {
  return useQuery({ queryKey: portfolioKeys.procurements, queryFn: async () => (await ok(api.GET('/api/portfolio/procurements'))).procurements });
}

export function useProcurement(id: string) {
  return useQuery({ queryKey: portfolioKeys.procurement(id), queryFn: () => ok(api.GET('/api/portfolio/procurements/{id}', { params: { path: { id } } })) });
}

export function useCreateProcurement({ onDone }: TDone<TApiSchema<'Procurement'>> = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TApiSchema<'CreateProcurementRequest'>) => ok(api.POST('/api/portfolio/procurements', { body })),
    onSuccess: async (procurement) => {
      await client.invalidateQueries({ queryKey: portfolioKeys.procurements });
      onDone?.(procurement);
    },
  });
}

/** A procurement's writes (move, award, sign): the answer is the procurement as stored, shown at once. */
function useProcurementWrite<TBody>(id: string, fn: (body: TBody) => Promise<TApiSchema<'Procurement'>>, onDone?: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (procurement) => {
      client.setQueryData(portfolioKeys.procurement(id), procurement);
      await client.invalidateQueries({ queryKey: portfolioKeys.procurements });
      onDone?.();
    },
    onError: (error) => (isStale(error) ? client.invalidateQueries({ queryKey: portfolioKeys.procurement(id) }) : undefined),
  });
}

export const useUpdateProcurement = (id: string, onDone?: () => void) => useProcurementWrite(id,
  (body: TApiSchema<'UpdateProcurementRequest'>) => ok(api.PATCH('/api/portfolio/procurements/{id}', { params: { path: { id } }, body })), onDone);
export const useAwardProcurement = (id: string, onDone?: () => void) => useProcurementWrite(id,
  (body: TApiSchema<'AwardProcurementRequest'>) => ok(api.POST('/api/portfolio/procurements/{id}/award', { params: { path: { id } }, body })), onDone);
export const useLinkProcurementCase = (id: string, onDone?: () => void) => useProcurementWrite(id,
  (body: TApiSchema<'LinkProcurementCaseRequest'>) => ok(api.POST('/api/portfolio/procurements/{id}/cases', { params: { path: { id } }, body })), onDone);
export const useUnlinkProcurementCase = (id: string) => useProcurementWrite(id,
  (caseId: string) => ok(api.DELETE('/api/portfolio/procurements/{id}/cases/{caseId}', { params: { path: { id, caseId } } })));
export const useSignContract = (id: string, onDone?: () => void) => useProcurementWrite(id,
  (body: TApiSchema<'SignContractRequest'>) => ok(api.POST('/api/portfolio/procurements/{id}/sign', { params: { path: { id } }, body })), onDone);

export function useCreateProposal({ onDone }: TDone<TApiSchema<'Proposal'>> = {}) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TApiSchema<'CreateProposalRequest'>) => ok(api.POST('/api/portfolio/proposals', { body })),
    onSuccess: async (proposal) => {
      await client.invalidateQueries({ queryKey: portfolioKeys.proposals });
      onDone?.(proposal);
    },
  });
}

/** A proposal's writes (send to a step, decide): the answer is the proposal as stored. */
function useProposalWrite<TBody>(id: string, fn: (body: TBody) => Promise<TApiSchema<'Proposal'>>, onDone?: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (proposal) => {
      client.setQueryData(portfolioKeys.proposal(id), proposal);
      await Promise.all([
        client.invalidateQueries({ queryKey: portfolioKeys.proposals }),
        client.invalidateQueries({ queryKey: portfolioKeys.split(id) }),
        // A step is a new case on a meeting's agenda.
        client.invalidateQueries({ queryKey: ['meeting'] }),
        client.invalidateQueries({ queryKey: ['meetings'] }),
      ]);
      onDone?.();
    },
    onError: (error) => (isStale(error) ? client.invalidateQueries({ queryKey: portfolioKeys.proposal(id) }) : undefined),
  });
}

export const useSendProposal = (id: string, onDone?: () => void) => useProposalWrite(id,
  (body: TApiSchema<'SendProposalRequest'>) => ok(api.POST('/api/portfolio/proposals/{id}/cases', { params: { path: { id } }, body })), onDone);
export const useDecideProposal = (id: string, onDone?: () => void) => useProposalWrite(id,
  (body: TApiSchema<'DecideProposalRequest'>) => ok(api.PUT('/api/portfolio/proposals/{id}/decision', { params: { path: { id } }, body })), onDone);

/** The split a decision would set: the server computes it, nothing is stored. */
export function usePreviewSplit(id: string) {
  return useMutation({
    mutationFn: (body: TApiSchema<'PreviewSplitRequest'>) => ok(api.POST('/api/portfolio/proposals/{id}/decision/preview', { params: { path: { id } }, body })),
  });
}

export function useAddCostEvent(id: string, onDone?: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TApiSchema<'CostEventRequest'>) => ok(api.POST('/api/portfolio/proposals/{id}/cost-events', { params: { path: { id } }, body })),
    onSuccess: (split) => {
      client.setQueryData(portfolioKeys.split(id), split);
      onDone?.();
    },
  });
}

/** The proposals a meeting's cases treat, in one request for the whole agenda (CaseProposalLink). */
export function useMeetingProposals(meetingId: string, caseIds: string[], enabled: boolean) {
  return useQuery({
    queryKey: ['portfolio', 'meeting-proposals', meetingId, caseIds.join(',')], enabled: enabled && caseIds.length > 0, staleTime: 60_000, retry: false,
    queryFn: () => ok(api.GET('/api/portfolio/meetings/{id}/proposals', { params: { path: { id: meetingId } } })),
  });
}
