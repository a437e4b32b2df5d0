// Every request and response schema of the reports API. The narrative is the shared rich-text document
// (src/lib/rich-text.ts); a section the reader may not see in full is a smaller shape of its own
// (ZRedactedReportSection), so exempt content cannot leak through a forgotten field.
import { z } from '@hono/zod-openapi';
import { ZIsoDate } from '../../lib/date-schemas.js';
import { ZRichText } from '../../lib/rich-text.js';
import { ZId, ZRevision } from '../../lib/id-schemas.js';
import { ZBlockChart, ZBlockData, ZBlockTable } from './blocks/registry.js';
import { ENTERED_METRIC_KEYS, REPORT_KINDS, REPORT_STATUSES, SECTION_ACCESS } from './vocabulary.js';

export const ZReportKind = z.enum(REPORT_KINDS);
export const ZReportStatus = z.enum(REPORT_STATUSES);
export const ZSectionAccess = z.enum(SECTION_ACCESS);

const ZTitle = z.string().trim().min(1, 'Tittel må fylles ut').max(300);
const ZOwnerIds = z.array(ZId).max(10);

// Templates --------------------------------------------------------------------------------------------

/** One section of a template tree, sent as a flat list in reading order: a parent before its children. */
export const ZTemplateSectionInput = z.object({
  /** The section's id when it exists, or any new key the editor chose (unique in the request). */
  key: z.string().min(1).max(64),
  parentKey: z.string().min(1).max(64).nullable(),
  title: ZTitle,
  ownerUserIds: ZOwnerIds.default([]),
}).openapi('ReportTemplateSectionInput');
export type TTemplateSectionInput = z.infer<typeof ZTemplateSectionInput>;

const ZTemplateSections = z.array(ZTemplateSectionInput).max(500);

export const ZCreateTemplateRequest = z.object({
  kind: ZReportKind,
  name: ZTitle,
  sections: ZTemplateSections,
}).openapi('CreateReportTemplateRequest');
export type TCreateTemplateRequest = z.infer<typeof ZCreateTemplateRequest>;

export const ZUpdateTemplateRequest = z.object({
  revision: z.number().int().min(1),
  name: ZTitle.optional(),
  /** The whole tree; sections left out are removed. */
  sections: ZTemplateSections.optional(),
}).openapi('UpdateReportTemplateRequest');
export type TUpdateTemplateRequest = z.infer<typeof ZUpdateTemplateRequest>;

/** Where a section stands in a tree: the fields every view of a section shares, the public's too. */
const sectionPlace = {
  id: z.string().uuid(),
  parentId: z.string().uuid().nullable(),
  number: z.string(),
  depth: z.number().int(),
};

export const ZTemplateSection = z.object({
  ...sectionPlace,
  position: z.number().int(),
  title: z.string(),
  ownerUserIds: z.array(z.string().uuid()),
}).openapi('ReportTemplateSection');

export const ZReportTemplate = z.object({
  id: z.string().uuid(),
  cooperationId: z.string().uuid(),
  kind: ZReportKind,
  name: z.string(),
  revision: z.number().int(),
  updatedAt: z.string(),
  sections: z.array(ZTemplateSection),
}).openapi('ReportTemplate');
export type TReportTemplate = z.infer<typeof ZReportTemplate>;

export const ZReportTemplateList = z.object({ templates: z.array(ZReportTemplate) }).openapi('ReportTemplateList');

// Reports ----------------------------------------------------------------------------------------------

export const ZCreateReportRequest = z.object({
  kind: ZReportKind,
  /** The date the figures are as of; an annual report's year is this date's year. */
  asOf: ZIsoDate,
  title: ZTitle.optional(),
  meetingId: ZId.nullable().optional(),
}).openapi('CreateReportRequest');
export type TCreateReportRequest = z.infer<typeof ZCreateReportRequest>;

export const ZUpdateReportRequest = z.object({
  revision: z.number().int().min(1),
  title: ZTitle.optional(),
  asOf: ZIsoDate.optional(),
  meetingId: ZId.nullable().optional(),
  leaderUserId: ZId.optional(),
  published: z.boolean().optional(),
}).openapi('UpdateReportRequest');
export type TUpdateReportRequest = z.infer<typeof ZUpdateReportRequest>;

export const ZReportRevisionRequest = z.object({ revision: z.number().int().min(1) }).openapi('ReportRevisionRequest');
export type TReportRevisionRequest = z.infer<typeof ZReportRevisionRequest>;

export const ZUpdateSectionRequest = z.object({
  revision: z.number().int().min(1),
  title: ZTitle.optional(),
  narrative: ZRichText.optional(),
  ownerUserIds: ZOwnerIds.optional(),
  access: ZSectionAccess.optional(),
  /** Required when access is 'unntatt'; see GET /api/legal-bases. */
  legalBasisId: ZId.nullable().optional(),
}).openapi('UpdateReportSectionRequest');
export type TUpdateSectionRequest = z.infer<typeof ZUpdateSectionRequest>;

export const ZReportsQuery = z.object({
  cooperation: ZId.optional(),
  kind: ZReportKind.optional(),
});

const ZOwner = z.object({ userId: z.string().uuid(), name: z.string() }).openapi('ReportSectionOwner');

export const ZNarrativeChanges = z.object({
  blocks: z.array(z.enum(['same', 'added'])),
  removed: z.array(z.string()),
  changed: z.boolean(),
}).openapi('ReportNarrativeChanges');

export const ZReportBlock = z.object({
  id: z.string().uuid(),
  position: z.number().int(),
  type: z.string(),
  params: z.record(z.string(), z.unknown()),
  frozenAt: z.string().nullable(),
  revision: z.number().int(),
}).openapi('ReportBlock');
export type TReportBlock = z.infer<typeof ZReportBlock>;

/** A reviewer's comment on a section (staff only: the council and the public never read them). */
export const ZReportComment = z.object({
  id: z.string().uuid(),
  authorName: z.string(),
  text: z.string(),
  createdAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  /** Whether the reader may resolve it: the section's owner or the report's leader, while it is open and unresolved. */
  mayResolve: z.boolean(),
}).openapi('ReportComment');
export type TReportComment = z.infer<typeof ZReportComment>;

export const ZAddCommentRequest = z.object({
  text: z.string().trim().min(1, 'Merknaden må fylles ut').max(4000, 'Høyst 4000 tegn'),
}).openapi('AddReportCommentRequest');
export type TAddCommentRequest = z.infer<typeof ZAddCommentRequest>;

export const ZReportSection = z.object({
  ...sectionPlace,
  position: z.number().int(),
  title: z.string(),
  access: ZSectionAccess,
  legalBasisId: z.string().uuid().nullable(),
  /** "Unntatt offentlighet, offl. § 13 …" for an exempt section. */
  legalBasis: z.string().nullable(),
  narrative: ZRichText,
  owners: z.array(ZOwner),
  revision: z.number().int(),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
  /** Whether the reader may save this section (its owner or the report's leader, while the report is open). */
  mayEdit: z.boolean(),
  /** What changed since the section was carried forward; for staff only, null for a section that was not carried. */
  changes: ZNarrativeChanges.nullable(),
  blocks: z.array(ZReportBlock),
  /** Review comments, oldest first; empty for everyone but staff. */
  comments: z.array(ZReportComment),
}).openapi('ReportSection');
export type TReportSection = z.infer<typeof ZReportSection>;

/** An exempt section as the public reads it: where it stood and why it is left out. */
export const ZRedactedReportSection = z.object({
  ...sectionPlace,
  access: z.literal('unntatt'),
  legalBasis: z.string(),
}).openapi('RedactedReportSection');
export type TRedactedReportSection = z.infer<typeof ZRedactedReportSection>;

export const ZReportSummary = z.object({
  id: z.string().uuid(),
  kind: ZReportKind,
  title: z.string(),
  asOf: z.string(),
  year: z.number().int(),
  meetingId: z.string().uuid().nullable(),
  version: z.number().int(),
  status: ZReportStatus,
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  published: z.boolean(),
  archived: z.boolean(),
  updatedAt: z.string(),
}).openapi('ReportSummary');
export type TReportSummary = z.infer<typeof ZReportSummary>;

export const ZReportList = z.object({ reports: z.array(ZReportSummary) }).openapi('ReportList');

/**
 * An annual report's acceptance by one member municipality of its year: `acceptedBy` and `acceptedOn`
 * null while the municipality has not accepted it (yet).
 */
export const ZReportAcceptance = z.object({
  municipalityId: z.string().uuid(),
  municipalityName: z.string(),
  acceptedBy: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  recordedByName: z.string().nullable(),
}).openapi('ReportAcceptance');
export type TReportAcceptance = z.infer<typeof ZReportAcceptance>;

export const ZRecordAcceptanceRequest = z.object({
  municipalityId: z.string({ message: 'Velg kommunen' }).uuid('Velg kommunen'),
  /** Who accepted it as the municipality's decision names them: "Kommunestyret (sak 23/24)", a mayor. */
  acceptedBy: z.string({ message: 'Skriv hvem som godkjente rapporten' }).trim().min(1, 'Skriv hvem som godkjente rapporten').max(300, 'Høyst 300 tegn'),
  acceptedOn: ZIsoDate,
}).openapi('RecordReportAcceptanceRequest');
export type TRecordAcceptanceRequest = z.infer<typeof ZRecordAcceptanceRequest>;

export const ZReport = ZReportSummary.extend({
  cooperationId: z.string().uuid(),
  previousReportId: z.string().uuid().nullable(),
  leaderUserId: z.string().uuid().nullable(),
  leaderName: z.string().nullable(),
  revision: z.number().int(),
  /** Whether the reader leads the report (edits the header, sends to review, approves, publishes). */
  mayLead: z.boolean(),
  sections: z.array(z.union([ZReportSection, ZRedactedReportSection])),
  /** Annual reports: each member municipality of the year and its acceptance; empty for other kinds. */
  acceptances: z.array(ZReportAcceptance),
}).openapi('Report');
export type TReport = z.infer<typeof ZReport>;

// Data blocks -------------------------------------------------------------------------------------------

export const ZAddBlockRequest = z.object({
  /** A registered type, GET /api/report-block-types. */
  type: z.string().min(1).max(100),
  /** Checked against the type's parameter schema (400 on params.<field>). */
  params: z.record(z.string(), z.unknown()).default({}),
}).openapi('AddReportBlockRequest');
export type TAddBlockRequest = z.infer<typeof ZAddBlockRequest>;

export const ZUpdateBlockRequest = z.object({
  params: z.record(z.string(), z.unknown()).optional(),
  position: z.number().int().min(1).optional(),
  revision: ZRevision,
}).openapi('UpdateReportBlockRequest');
export type TUpdateBlockRequest = z.infer<typeof ZUpdateBlockRequest>;

export const ZBlockType = z.object({
  type: z.string(),
  module: z.string(),
  label: z.object({ nb: z.string(), en: z.string() }),
  description: z.string(),
  /** The parameters as JSON Schema, for the editor's form. */
  paramsSchema: z.record(z.string(), z.unknown()),
}).openapi('ReportBlockType');

export const ZBlockTypeList = z.object({ types: z.array(ZBlockType) }).openapi('ReportBlockTypeList');

export const ZRenderedChart = ZBlockChart.extend({
  /** The chart as SVG (ECharts, rendered on the server). */
  svg: z.string(),
  /** The figures in words, for the image's alt text. */
  alt: z.string(),
}).openapi('ReportRenderedChart');

/** The block data as the page gets it: the charts with their SVG and alt text (a shape of its own, not an extension, so the web's types see the fields). */
export const ZRenderedBlockData = z.object({
  title: z.string(),
  asOf: z.string(),
  tables: z.array(ZBlockTable),
  charts: z.array(ZRenderedChart),
  notes: z.array(z.string()),
  source: ZBlockData.shape.source,
}).openapi('ReportRenderedBlockData');

export const ZRenderedBlock = z.object({
  blockId: z.string().uuid(),
  sectionId: z.string().uuid(),
  type: z.string(),
  /** Frozen on approval: the figures as they were then. */
  frozen: z.boolean(),
  data: ZRenderedBlockData,
}).openapi('ReportRenderedBlock');
export type TRenderedBlock = z.infer<typeof ZRenderedBlock>;

export const ZReportData = z.object({ blocks: z.array(ZRenderedBlock) }).openapi('ReportData');

// Glossary ---------------------------------------------------------------------------------------------

export const ZGlossaryTerm = z.object({
  term: z.string().trim().min(1, 'Begrepet må fylles ut').max(200),
  definition: z.string().trim().min(1, 'Forklaringen må fylles ut').max(5000),
}).openapi('GlossaryTerm');

export const ZGlossary = z.object({ terms: z.array(ZGlossaryTerm) }).openapi('Glossary');
export type TGlossary = z.infer<typeof ZGlossary>;

export const ZSetGlossaryRequest = z.object({ terms: z.array(ZGlossaryTerm).max(2000) }).openapi('SetGlossaryRequest');
export type TSetGlossaryRequest = z.infer<typeof ZSetGlossaryRequest>;

// Entered figures (the annual report's facts no module holds) -----------------------------------------

export const ZEnteredFigure = z.object({
  metric: z.enum(ENTERED_METRIC_KEYS, { message: 'Ukjent tall' }),
  dimension: z.string().trim().max(200).default(''),
  value: z.number({ message: 'Verdien må være et tall' }).finite().min(-1e12).max(1e12),
}).openapi('ReportEnteredFigure');

export const ZEnteredFigures = z.object({
  year: z.number().int(),
  /** The set as stored (a fingerprint); a save sends it back and gets 409 `stale` when someone saved in between. */
  version: z.string(),
  figures: z.array(ZEnteredFigure.required()),
  metrics: z.array(z.object({ metric: z.string(), label: z.string(), unit: z.string(), dimension: z.string().nullable() })),
}).openapi('ReportEnteredFigures');
export type TEnteredFigures = z.infer<typeof ZEnteredFigures>;

export const ZSetEnteredFiguresRequest = z.object({
  version: z.string().min(1, 'Versjonen du hentet må sendes med').max(64),
  figures: z.array(ZEnteredFigure).max(2000),
}).openapi('SetReportEnteredFiguresRequest');
export type TSetEnteredFiguresRequest = z.infer<typeof ZSetEnteredFiguresRequest>;

export const ZFiguresYearParam = z.object({ year: z.coerce.number().int().min(1990, 'Ugyldig år').max(2100, 'Ugyldig år') });

export const ZReportArchive = z.object({
  fullSha256: z.string(),
  publicSha256: z.string(),
  /** The meeting case the PDF was attached to now; null when it was attached before or there is no such case. */
  attachedToCaseId: z.string().uuid().nullable(),
}).openapi('ReportArchive');
