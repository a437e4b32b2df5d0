// The licence endpoints (src/modules/equipment/routes/licences.ts) for /utstyr/lisenser. What a reader may
// see (their own municipality, the council without names) is the server's decision: the page only asks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type TApiSchema } from '../../../api/client';

export type TLicenceProduct = TApiSchema<'LicenceProduct'>;
export type TLicenceMonth = TApiSchema<'LicenceMonth'>;
export type TLicenceCandidate = TApiSchema<'LicenceCandidate'>;
export type TLicenceImportPreview = TApiSchema<'LicenceImportPreview'>;
export type TLicenceDecisionRequest = TApiSchema<'LicenceDecisionRequest'>;

export function useLicenceProducts() {
  return useQuery({
    queryKey: ['equipment', 'licences', 'products'] as const,
    queryFn: async () => (await ok(api.GET('/api/equipment/licence-products'))).products,
  });
}

/** No `month`: the server's newest imported month. */
export function useLicenceMonth(productId: string | undefined, month: string | undefined) {
  return useQuery({
    queryKey: ['equipment', 'licences', 'month', productId ?? null, month ?? null] as const,
    queryFn: () => ok(api.GET('/api/equipment/licence-products/{id}/month', { params: { path: { id: productId! }, query: { month } } })),
    enabled: Boolean(productId),
  });
}

export function useLicenceCandidates(productId: string | undefined, month: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['equipment', 'licences', 'candidates', productId ?? null, month ?? null] as const,
    queryFn: () => ok(api.GET('/api/equipment/licence-products/{id}/candidates', { params: { path: { id: productId! }, query: { month } } })),
    enabled: enabled && Boolean(productId),
  });
}

export function useLicenceImportMappings(enabled: boolean) {
  return useQuery({
    queryKey: ['equipment', 'licences', 'import-mappings'] as const,
    queryFn: async () => (await ok(api.GET('/api/equipment/licence-import-mappings'))).mappings,
    enabled,
  });
}

type TUpload = { file: File; productId: string; month: string; source?: string };
const body = ({ file, productId, month, source }: TUpload) => ({ file, productId, month, source: source || undefined });

export function usePreviewLicenceImport() {
  return useMutation({ mutationFn: (u: TUpload) => ok(api.POST('/api/equipment/licence-imports/preview', { body: body(u) })) });
}

export function useImportLicenceUsage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (u: TUpload) => ok(api.POST('/api/equipment/licence-imports', { body: body(u) })),
    // A new month moves the products' months, the month view and the candidates.
    onSuccess: () => client.invalidateQueries({ queryKey: ['equipment', 'licences'] }),
  });
}

/**
 * The group's decision on a candidate. `onDecided` runs from the mutation's own options, so it is not
 * lost when the row's form unmounts as the list refetches (a callback given to mutate() would be).
 */
export function useDecideLicence(productId: string | undefined, onDecided: (c: TLicenceCandidate) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: TLicenceDecisionRequest) =>
      ok(api.PUT('/api/equipment/licence-products/{id}/decisions', { params: { path: { id: productId! } }, body: request })),
    onSuccess: async (candidate) => {
      onDecided(candidate);
      await client.invalidateQueries({ queryKey: ['equipment', 'licences', 'candidates'] });
    },
  });
}

export type TLicenceContractRequest = TApiSchema<'LicenceContractRequest'>;
export type TCreateLicenceProductRequest = TApiSchema<'CreateLicenceProductRequest'>;

/** A contracted count from a date; `onSaved` from the options, so it survives the form's remount. */
export function useAddLicenceContract(productId: string, onSaved: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: TLicenceContractRequest) =>
      ok(api.POST('/api/equipment/licence-products/{id}/contracts', { params: { path: { id: productId } }, body: request })),
    onSuccess: async () => {
      onSaved();
      await client.invalidateQueries({ queryKey: ['equipment', 'licences'] });
    },
  });
}

export function useCreateLicenceProduct(onCreated: (product: TLicenceProduct) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: TCreateLicenceProductRequest) => ok(api.POST('/api/equipment/licence-products', { body: request })),
    onSuccess: async (product) => {
      onCreated(product);
      await client.invalidateQueries({ queryKey: ['equipment', 'licences'] });
    },
  });
}

export type TUpdateLicenceProductRequest = TApiSchema<'UpdateLicenceProductRequest'>;
export type TLicenceImportMapping = TApiSchema<'LicenceImportMapping'>;
export type TSavedLicenceImportMapping = TApiSchema<'SavedLicenceImportMapping'>;

/** A product's name or N, at the revision the form was opened on (decision 0024). */
export function useUpdateLicenceProduct(productId: string, onSaved: (product: TLicenceProduct) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateLicenceProductRequest) => ok(api.PATCH('/api/equipment/licence-products/{id}', { params: { path: { id: productId } }, body })),
    onSuccess: async (product) => {
      onSaved(product);
      await client.invalidateQueries({ queryKey: ['equipment', 'licences'] });
    },
  });
}

export function useSaveLicenceImportMapping(onSaved: (saved: TSavedLicenceImportMapping) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ source, mapping }: { source: string; mapping: TLicenceImportMapping }) =>
      ok(api.PUT('/api/equipment/licence-import-mappings/{source}', { params: { path: { source } }, body: mapping })),
    onSuccess: async (saved) => {
      onSaved(saved);
      await client.invalidateQueries({ queryKey: ['equipment', 'licences', 'import-mappings'] });
    },
  });
}
