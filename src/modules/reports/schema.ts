// Reports: the economy and activity report of each council meeting and the annual report, composed of a
// tree of numbered sections with narrative (structured rich text, src/lib/rich-text.ts) and data blocks
// that other modules register (blocks/registry.ts). A template per cooperation and kind holds the tree a
// new report starts from when there is no earlier report of its kind to carry forward.
import {
  type AnyPgColumn, boolean, date, doublePrecision, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import type { TRichText } from '../../lib/rich-text.js';
import { cooperations, municipalities, users } from '../org/schema.js';
import { attachments, legalBases, meetings } from '../governance/schema.js';
import { REPORT_KINDS, REPORT_STATUSES, SECTION_ACCESS } from './vocabulary.js';

export const reportKindEnum = pgEnum('report_kind', REPORT_KINDS);
export const reportStatusEnum = pgEnum('report_status', REPORT_STATUSES);
export const reportSectionAccessEnum = pgEnum('report_section_access', SECTION_ACCESS);

export const reportTemplates = pgTable('report_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  kind: reportKindEnum('kind').notNull(),
  name: text('name').notNull(),
  /** Optimistic concurrency: the section tree is saved whole with the revision the editor read. */
  revision: integer('revision').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('report_templates_coop_kind_uq').on(t.cooperationId, t.kind)]);

export const reportTemplateSections = pgTable('report_template_sections', {
  id: uuid('id').primaryKey().defaultRandom(),
  templateId: uuid('template_id').notNull().references(() => reportTemplates.id, { onDelete: 'cascade' }),
  parentId: uuid('parent_id').references((): AnyPgColumn => reportTemplateSections.id, { onDelete: 'cascade' }),
  /** Order among its siblings, 1-based; the number (2.1.5) follows from the tree. */
  position: integer('position').notNull(),
  title: text('title').notNull(),
  /** Staff accounts that own the section by default (users with role staff or admin). */
  ownerUserIds: jsonb('owner_user_ids').$type<string[]>().notNull().default([]),
}, (t) => [index('report_template_sections_template_idx').on(t.templateId)]);

export const reports = pgTable('reports', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  kind: reportKindEnum('kind').notNull(),
  title: text('title').notNull(),
  /** The date the figures are as of ("per 1.12.2023"); for an annual report 31.12 of its year. */
  asOf: date('as_of').notNull(),
  year: integer('year').notNull(),
  /** The council meeting whose "Økonomi- og aktivitetsrapport" case carries it, when there is one. */
  meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
  /** The report this one was carried forward from (the previous of its kind, or the approved version it reopens). */
  previousReportId: uuid('previous_report_id').references((): AnyPgColumn => reports.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  status: reportStatusEnum('status').notNull().default('utkast'),
  /** The leader edits every section and approves; section owners edit their own. */
  leaderUserId: uuid('leader_user_id').references(() => users.id, { onDelete: 'set null' }),
  approvedAt: date('approved_at'),
  approvedByName: text('approved_by_name'),
  approvedByUserId: uuid('approved_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  /** An approved report the public may read (its exempt sections left out). */
  published: boolean('published').notNull().default(false),
  /** Superseded by a reopened version; kept for the archive, no longer edited. */
  archived: boolean('archived').notNull().default(false),
  revision: integer('revision').notNull().default(1),
  /** The approved PDF as attached to the meeting's "Økonomi- og aktivitetsrapport" case. */
  attachmentId: uuid('attachment_id').references(() => attachments.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('reports_coop_kind_idx').on(t.cooperationId, t.kind, t.asOf)]);

export const reportSections = pgTable('report_sections', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull().references(() => reports.id, { onDelete: 'cascade' }),
  /** The template section it came from, followed when a later report is carried forward. */
  templateSectionId: uuid('template_section_id').references(() => reportTemplateSections.id, { onDelete: 'set null' }),
  parentId: uuid('parent_id').references((): AnyPgColumn => reportSections.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  title: text('title').notNull(),
  narrative: jsonb('narrative').$type<TRichText>().notNull(),
  /** The narrative as carried forward from the previous report: what the author's changes are shown against. */
  carriedNarrative: jsonb('carried_narrative').$type<TRichText>(),
  access: reportSectionAccessEnum('access').notNull().default('offentlig'),
  legalBasisId: uuid('legal_basis_id').references(() => legalBases.id, { onDelete: 'restrict' }),
  /** Two people saving the same section: the second gets 409 with the text saved first. */
  revision: integer('revision').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedByName: text('updated_by_name'),
}, (t) => [index('report_sections_report_idx').on(t.reportId)]);

export const reportSectionOwners = pgTable('report_section_owners', {
  sectionId: uuid('section_id').notNull().references(() => reportSections.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
}, (t) => [uniqueIndex('report_section_owners_uq').on(t.sectionId, t.userId), index('report_section_owners_user_idx').on(t.userId)]);

export const reportBlocks = pgTable('report_blocks', {
  id: uuid('id').primaryKey().defaultRandom(),
  sectionId: uuid('section_id').notNull().references(() => reportSections.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  /** A type registered in blocks/registry.ts, e.g. "economy.operating". */
  type: text('type').notNull(),
  params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
  /** The block's data as frozen on approval: an approved report never changes when data is corrected. */
  snapshot: jsonb('snapshot').$type<Record<string, unknown>>(),
  frozenAt: timestamp('frozen_at', { withTimezone: true }),
  /** Optimistic concurrency (decision 0024): counted up by every change of the block's parameters or place. */
  revision: integer('revision').notNull().default(1),
}, (t) => [index('report_blocks_section_idx').on(t.sectionId)]);

/** A reviewer's comment on a section while the report is open; resolved by the section's owner or the leader. */
export const reportComments = pgTable('report_comments', {
  id: uuid('id').primaryKey().defaultRandom(),
  sectionId: uuid('section_id').notNull().references(() => reportSections.id, { onDelete: 'cascade' }),
  authorUserId: uuid('author_user_id').references(() => users.id, { onDelete: 'set null' }),
  authorName: text('author_name').notNull(),
  text: text('text').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  resolvedByName: text('resolved_by_name'),
}, (t) => [index('report_comments_section_idx').on(t.sectionId)]);

/** Definisjoner og begreper: the cooperation's glossary, printed by the glossary block. */
export const reportGlossaryTerms = pgTable('report_glossary_terms', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  term: text('term').notNull(),
  definition: text('definition').notNull(),
}, (t) => [uniqueIndex('report_glossary_terms_coop_term_uq').on(t.cooperationId, t.term)]);

/** An approved report as PDF/A in the file store: the full version and the public one (exempt sections left out). */
export const reportArchives = pgTable('report_archives', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull().references(() => reports.id, { onDelete: 'restrict' }),
  kind: text('kind').$type<'full' | 'public'>().notNull(),
  sha256: text('sha256').notNull(),
  size: integer('size').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('report_archives_report_kind_uq').on(t.reportId, t.kind), index('report_archives_sha256_idx').on(t.sha256)]);

/**
 * Figures entered per year for the annual report (vocabulary.ts ENTERED_METRICS): staffing, sick leave,
 * and historical figures for years before samrad held the data. Not money (that is the economy's, in
 * øre); counts, FTE and percentages, so a float is exact enough.
 */
export const reportFigures = pgTable('report_figures', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  metric: text('metric').notNull(),
  dimension: text('dimension').notNull().default(''),
  value: doublePrecision('value').notNull(),
}, (t) => [uniqueIndex('report_figures_uq').on(t.cooperationId, t.year, t.metric, t.dimension)]);

/**
 * An approved annual report's acceptance by a member municipality (issue 11: "its acceptance by each
 * member municipality recorded (who, date)"): who accepted it (the council, the mayor, a named body as
 * the municipality's decision says) and on which date. Recorded by the report's leader; one per municipality.
 */
export const reportAcceptances = pgTable('report_acceptances', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull().references(() => reports.id, { onDelete: 'cascade' }),
  municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id, { onDelete: 'restrict' }),
  acceptedBy: text('accepted_by').notNull(),
  acceptedOn: date('accepted_on').notNull(),
  recordedByName: text('recorded_by_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('report_acceptances_report_municipality_uq').on(t.reportId, t.municipalityId)]);

/**
 * An image uploaded to a report for its narrative (a rich-text `image` node names it by id). The file
 * is in the file store under its SHA-256 (uploads' storeUpload; the file sweep asks documents.service).
 * Who may see it follows where it is used: the reports and sections whose narrative names it.
 */
export const reportImages = pgTable('report_images', {
  id: uuid('id').primaryKey().defaultRandom(),
  reportId: uuid('report_id').notNull().references(() => reports.id, { onDelete: 'cascade' }),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  sha256: text('sha256').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('report_images_report_idx').on(t.reportId), index('report_images_sha256_idx').on(t.sha256)]);
