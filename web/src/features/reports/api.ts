// Every reports endpoint the pages use, through the typed client. A write answers the whole report, which
// replaces the cached one, so the page shows the new state at once.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type TApiSchema } from '../../api/client';

export type TReport = TApiSchema<'Report'>;
export type TReportSection = TApiSchema<'ReportSection'>;
export type TRedactedSection = TApiSchema<'RedactedReportSection'>;
export type TRenderedBlock = TApiSchema<'ReportRenderedBlock'>;
export type TTemplate = TApiSchema<'ReportTemplate'>;
export type TRichText = TApiSchema<'RichText'>;

export const reportKeys = {
  list: ['reports', 'list'] as const,
  one: (id: string) => ['reports', 'one', id] as const,
  data: (id: string) => ['reports', 'data', id] as const,
  templates: ['reports', 'templates'] as const,
  types: ['reports', 'block-types'] as const,
};

export const isFull = (s: TReportSection | TRedactedSection): s is TReportSection => 'narrative' in s;

export function useReports() {
  return useQuery({ queryKey: reportKeys.list, queryFn: async () => (await ok(api.GET('/api/reports'))).reports });
}

/** Who reads: staff and the council through /api/reports, the public (signed in or not) through /api/public/reports. */
export type TReportScope = 'internal' | 'public';

export function useReport(id: string, scope: TReportScope = 'internal') {
  const options = { params: { path: { id } } };
  return useQuery({
    queryKey: scope === 'public' ? ['public', 'report', id] : reportKeys.one(id),
    queryFn: () => ok(scope === 'public' ? api.GET('/api/public/reports/{id}', options) : api.GET('/api/reports/{id}', options)),
  });
}

export function useReportData(id: string, scope: TReportScope = 'internal') {
  const options = { params: { path: { id } } };
  return useQuery({
    queryKey: scope === 'public' ? ['public', 'report', id, 'data'] : reportKeys.data(id),
    queryFn: async () => (await ok(scope === 'public' ? api.GET('/api/public/reports/{id}/data', options) : api.GET('/api/reports/{id}/data', options))).blocks,
  });
}

/** The published reports (GET /api/public/reports). */
export function usePublicReports() {
  return useQuery({ queryKey: ['public', 'reports'], queryFn: async () => (await ok(api.GET('/api/public/reports'))).reports });
}

export function useBlockTypes(enabled: boolean) {
  return useQuery({ queryKey: reportKeys.types, enabled, staleTime: 300_000, queryFn: async () => (await ok(api.GET('/api/report-block-types'))).types });
}

/** Puts the answered report in the cache and refetches its block data. */
function useReportWrite<TVars>(write: (vars: TVars) => Promise<TReport>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: (report) => {
      client.setQueryData(reportKeys.one(report.id), report);
      void client.invalidateQueries({ queryKey: reportKeys.data(report.id) });
      void client.invalidateQueries({ queryKey: reportKeys.list });
    },
  });
}

export function useCreateReport() {
  return useReportWrite((body: TApiSchema<'CreateReportRequest'>) => ok(api.POST('/api/reports', { body })));
}

export function useUpdateReport(id: string) {
  return useReportWrite((body: TApiSchema<'UpdateReportRequest'>) => ok(api.PATCH('/api/reports/{id}', { params: { path: { id } }, body })));
}

export function useUpdateSection() {
  return useReportWrite(({ id, body }: { id: string; body: TApiSchema<'UpdateReportSectionRequest'> }) =>
    ok(api.PATCH('/api/report-sections/{id}', { params: { path: { id } }, body })));
}

export function useAddBlock() {
  return useReportWrite(({ sectionId, body }: { sectionId: string; body: TApiSchema<'AddReportBlockRequest'> }) =>
    ok(api.POST('/api/report-sections/{id}/blocks', { params: { path: { id: sectionId } }, body })));
}

export function useDeleteBlock() {
  return useReportWrite((id: string) => ok(api.DELETE('/api/report-blocks/{id}', { params: { path: { id } } })));
}

export type TTransition = 'submit' | 'approve' | 'reopen';

export function useTransition(id: string) {
  return useReportWrite(({ step, revision }: { step: TTransition; revision: number }) => {
    const options = { params: { path: { id } }, body: { revision } };
    if (step === 'submit') return ok(api.POST('/api/reports/{id}/submit', options));
    if (step === 'approve') return ok(api.POST('/api/reports/{id}/approve', options));
    return ok(api.POST('/api/reports/{id}/reopen', options));
  });
}

export function useTemplates(enabled: boolean) {
  return useQuery({ queryKey: reportKeys.templates, enabled, queryFn: async () => (await ok(api.GET('/api/report-templates'))).templates });
}

export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string | null; body: TApiSchema<'UpdateReportTemplateRequest'> & { kind: 'aktivitetsrapport' | 'arsrapport' } }) => {
      const { kind, ...update } = body;
      return id
        ? ok(api.PATCH('/api/report-templates/{id}', { params: { path: { id } }, body: update }))
        : ok(api.POST('/api/report-templates', { body: { kind, name: update.name ?? '', sections: update.sections ?? [] } }));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.templates }),
  });
}

export const reportFileUrl = (id: string, format: 'pdf' | 'docx', scope: TReportScope = 'internal') =>
  `/api${scope === 'public' ? '/public' : ''}/reports/${id}/report.${format}`;

export type TEnteredFigures = TApiSchema<'ReportEnteredFigures'>;

export function useEnteredFigures(year: number) {
  return useQuery({ queryKey: ['reports', 'figures', year], queryFn: () => ok(api.GET('/api/report-figures/{year}', { params: { path: { year } } })) });
}

export function useSaveEnteredFigures(year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TApiSchema<'SetReportEnteredFiguresRequest'>) => ok(api.PUT('/api/report-figures/{year}', { params: { path: { year } }, body })),
    onSuccess: (data) => client.setQueryData(['reports', 'figures', year], data),
  });
}

export function useAddComment() {
  return useReportWrite(({ sectionId, text }: { sectionId: string; text: string }) =>
    ok(api.POST('/api/report-sections/{id}/comments', { params: { path: { id: sectionId } }, body: { text } })));
}

export function useResolveComment() {
  return useReportWrite((id: string) => ok(api.POST('/api/report-comments/{id}/resolve', { params: { path: { id } } })));
}

export function useRecordAcceptance(id: string) {
  return useReportWrite((body: TApiSchema<'RecordReportAcceptanceRequest'>) => ok(api.POST('/api/reports/{id}/acceptances', { params: { path: { id } }, body })));
}

/** Uploads an image to the report; the editor then writes ![alternative text](id) into the narrative. */
export function useUploadReportImage(reportId: string) {
  return useMutation({
    mutationFn: (file: File) => ok(api.POST('/api/reports/{id}/images', { params: { path: { id: reportId } }, body: { file } })),
  });
}

export const reportImageUrl = (id: string) => `/api/report-images/${id}`;
