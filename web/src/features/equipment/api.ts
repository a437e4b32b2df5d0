// The equipment endpoints the /utstyr pages call, through the typed client. Who sees which municipality
// is the server's decision (src/modules/equipment/policy.ts): the pages only ask.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type TApiQuery, type TApiSchema } from '../../api/client';

export type TStatusTable = TApiSchema<'EquipmentStatusTable'>;
export type TDevice = TApiSchema<'EquipmentDevice'>;
export type TOrder = TApiSchema<'EquipmentOrder'>;
export type TStockCount = TApiSchema<'StockCount'>;
export type TDeviceImportPreview = TApiSchema<'DeviceImportPreview'>;
export type TDeviceQuery = TApiQuery<'/api/equipment/devices'>;

/** No `asOf`: the server's default date, the newest imported month. */
export function useStatusTable(asOf: string | undefined, municipalityId?: string) {
  return useQuery({
    queryKey: ['equipment', 'status', asOf, municipalityId ?? null] as const,
    queryFn: () => ok(api.GET('/api/equipment/status', { params: { query: { asOf, municipalityId } } })),
  });
}

export function useDevices(query: TDeviceQuery) {
  return useQuery({
    queryKey: ['equipment', 'devices', query] as const,
    queryFn: () => ok(api.GET('/api/equipment/devices', { params: { query } })),
    // Paging and filtering keep the old rows on screen until the new ones come, so the table does not jump.
    placeholderData: keepPreviousData,
  });
}

export function useStockCounts() {
  return useQuery({
    queryKey: ['equipment', 'stock-counts'] as const,
    queryFn: async () => (await ok(api.GET('/api/equipment/stock-counts'))).counts,
  });
}

export function useOrders() {
  return useQuery({
    queryKey: ['equipment', 'orders'] as const,
    queryFn: async () => (await ok(api.GET('/api/equipment/orders'))).orders,
  });
}

export function useMunicipalities() {
  return useQuery({
    queryKey: ['municipalities'] as const,
    queryFn: async () => (await ok(api.GET('/api/municipalities'))).municipalities,
    staleTime: 60_000,
  });
}

export function useDeviceImportMappings(enabled: boolean) {
  return useQuery({
    queryKey: ['equipment', 'import-mappings'] as const,
    queryFn: async () => (await ok(api.GET('/api/equipment/import-mappings'))).mappings,
    enabled,
  });
}

type TUpload = { file: File; month: string; source?: string };

export function usePreviewDeviceImport() {
  return useMutation({
    mutationFn: ({ file, month, source }: TUpload) =>
      ok(api.POST('/api/equipment/device-imports/preview', { body: { file, month, source: source || undefined } })),
  });
}

export function useImportDevices() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, month, source }: TUpload) =>
      ok(api.POST('/api/equipment/device-imports', { body: { file, month, source: source || undefined } })),
    // New devices and sign-ins move the status table and the device list.
    onSuccess: () => client.invalidateQueries({ queryKey: ['equipment'] }),
  });
}

// ---- the forms of /utstyr/lager and /utstyr/pc-er (staff): stock counts, orders and their steps, retirement ----
// Each callback runs from the mutation's own onSuccess, so it is not lost when the form unmounts.

export type TStockCountRequest = TApiSchema<'CreateStockCountRequest'>;
export type TOrderRequest = TApiSchema<'CreateEquipmentOrderRequest'>;
export type TOrderStepRequest = TApiSchema<'EquipmentOrderStepRequest'>;
export type TRetirementBatchRequest = TApiSchema<'RetirementBatchRequest'>;

export function useRecordStockCount(onSaved: (count: TStockCount) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TStockCountRequest) => ok(api.POST('/api/equipment/stock-counts', { body })),
    onSuccess: async (count) => {
      onSaved(count);
      await client.invalidateQueries({ queryKey: ['equipment'] });
    },
  });
}

export function useCreateOrder(onSaved: (order: TOrder) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TOrderRequest) => ok(api.POST('/api/equipment/orders', { body })),
    onSuccess: async (order) => {
      onSaved(order);
      await client.invalidateQueries({ queryKey: ['equipment'] });
    },
  });
}

export function useStepOrder(onSaved: (order: TOrder) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TOrderStepRequest & { id: string }) => ok(api.POST('/api/equipment/orders/{id}/steps', { params: { path: { id } }, body })),
    onSuccess: async (order) => {
      onSaved(order);
      await client.invalidateQueries({ queryKey: ['equipment'] });
    },
  });
}

export function useRetireDevices(onSaved: (result: { steps: { serial: string; step: string }[] }) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TRetirementBatchRequest) => ok(api.POST('/api/equipment/retirements', { body })),
    onSuccess: async (result) => {
      onSaved(result);
      await client.invalidateQueries({ queryKey: ['equipment'] });
    },
  });
}

/** Today in the browser's time zone, as the date fields want it (yyyy-mm-dd). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
