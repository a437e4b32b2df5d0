// The replacement campaign's endpoints (src/modules/equipment/routes/replacements.ts) for its three
// pages: the user's /utstyr/bytte/{id}, the manager's /utstyr/godkjenning and staff's /utstyr/bytte.
// What may happen next (canOrder, canDefer, nextStep) is the server's answer; the pages only offer it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type TApiSchema } from '../../../api/client';

export type TReplacement = TApiSchema<'EquipmentReplacement'>;
export type TReplacementState = TReplacement['state'];
export type TStaffStep = NonNullable<TReplacement['nextStep']>;
export type TCampaign = TApiSchema<'EquipmentCampaign'>;
export type TApprover = TApiSchema<'EquipmentApprover'>;
export type TDecisionCase = TApiSchema<'EquipmentReplacementDecisionCase'>;

const byId = (id: string) => ({ params: { path: { id } } });

export function useReplacement(id: string) {
  return useQuery({
    queryKey: ['equipment', 'replacements', id] as const,
    queryFn: () => ok(api.GET('/api/equipment/replacements/{id}', byId(id))),
  });
}

export function useReplacements(state: TReplacementState | undefined) {
  return useQuery({
    queryKey: ['equipment', 'replacements', 'list', state ?? null] as const,
    queryFn: async () => (await ok(api.GET('/api/equipment/replacements', { params: { query: { state } } }))).replacements,
  });
}

export function useCampaigns() {
  return useQuery({
    queryKey: ['equipment', 'campaigns'] as const,
    queryFn: async () => (await ok(api.GET('/api/equipment/campaigns'))).campaigns,
  });
}

export function useApprovers() {
  return useQuery({
    queryKey: ['equipment', 'approvers'] as const,
    queryFn: async () => (await ok(api.GET('/api/equipment/approvers'))).approvers,
  });
}

/** Every campaign write moves the lists and the status table, so the whole equipment cache is refreshed. */
function useEquipmentWrite<TVariables, TResult>(write: (v: TVariables) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => client.invalidateQueries({ queryKey: ['equipment'] }) });
}

export const useSetCampaign = () => useEquipmentWrite((v: { municipalityId: string; active: boolean; standardModels: string[]; userReminderDays: number; approvalReminderDays: number }) =>
  ok(api.PUT('/api/equipment/campaigns/{municipalityId}', {
    params: { path: { municipalityId: v.municipalityId } },
    body: { active: v.active, standardModels: v.standardModels, userReminderDays: v.userReminderDays, approvalReminderDays: v.approvalReminderDays },
  })));

export const useInvite = () => useEquipmentWrite((v: { municipalityId: string; asOf: string }) =>
  ok(api.POST('/api/equipment/campaigns/{municipalityId}/invitations', { params: { path: { municipalityId: v.municipalityId } }, body: { asOf: v.asOf } })));

export const useSetApprover = () => useEquipmentWrite((v: { municipalityId: string; unit: string | null; name: string; email: string }) =>
  ok(api.PUT('/api/equipment/approvers', { body: v })));

export const useOrderReplacement = () => useEquipmentWrite((v: { id: string; model: string; unit: string | null; revision: number }) =>
  ok(api.POST('/api/equipment/replacements/{id}/order', { ...byId(v.id), body: { model: v.model, unit: v.unit, revision: v.revision } })));

export const useDeferReplacement = () => useEquipmentWrite((v: { id: string; reason: string; until: string | null; revision: number }) =>
  ok(api.POST('/api/equipment/replacements/{id}/defer', { ...byId(v.id), body: { reason: v.reason, until: v.until, revision: v.revision } })));

export const useStepReplacement = () => useEquipmentWrite((v: { id: string; state: TStaffStep; on: string; note: string | null; newDeviceSerial: string | null; revision: number }) =>
  ok(api.POST('/api/equipment/replacements/{id}/steps', {
    ...byId(v.id), body: { state: v.state, on: v.on, note: v.note, newDeviceSerial: v.newDeviceSerial, revision: v.revision },
  })));

/**
 * What the manager's link is for. Read once and kept: after the decision the same token answers 404,
 * and a refetch then would replace the page's «approved» with «unknown link».
 */
export function useDecisionCase(token: string) {
  return useQuery({
    queryKey: ['replacement-decision', token] as const,
    queryFn: () => ok(api.POST('/api/equipment/replacement-decisions/lookup', { body: { token } })),
    enabled: token.length >= 20,
    retry: false, staleTime: Infinity, refetchOnWindowFocus: false, refetchOnReconnect: false,
  });
}

export function useDecide() {
  return useMutation({
    mutationFn: (v: { token: string; decision: 'approved' | 'rejected'; comment: string | null }) =>
      ok(api.POST('/api/equipment/replacement-decisions', { body: v })),
  });
}
