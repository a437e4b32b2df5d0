// Governance: meetings of a body, their cases (agenda), attachments, the notice as sent (versions),
// attendance, decisions, votes, minutes approval, and the legal bases for exempting a case from
// public access. Norwegian words kept where English would mislead: vedtak (a formal decision),
// enighet (a consensus conclusion), saksframlegg (the full written case presentation),
// offl. (offentleglova, the Freedom of Information Act).
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn, boolean, customType, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { bodies, municipalities, people, users } from '../org/schema.js';
import {
  ATTENDANCE_ROLES, CASE_ACCESS, CASE_TYPES, CONCLUSION_KINDS, MEETING_STATUSES, STANDING_CASES, VOTE_CHOICES,
} from './vocabulary.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const meetingStatusEnum = pgEnum('meeting_status', MEETING_STATUSES);
export const caseTypeEnum = pgEnum('case_type', CASE_TYPES);
export const conclusionKindEnum = pgEnum('conclusion_kind', CONCLUSION_KINDS);
export const caseAccessEnum = pgEnum('case_access', CASE_ACCESS);
export const standingCaseEnum = pgEnum('standing_case', STANDING_CASES);
export const attendanceRoleEnum = pgEnum('attendance_role', ATTENDANCE_ROLES);
export const voteEnum = pgEnum('vote_choice', VOTE_CHOICES);

/**
 * A legal basis for exemption from public access, as a structured citation so every paper renders it
 * the same way: "offl. § 13 første ledd, jf. fvl. § 13 første ledd nr. 2".
 */
export const legalBases = pgTable('legal_bases', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Short stable key, e.g. "offl-13-fvl-13-1-2". */
  code: text('code').notNull(),
  law: text('law').notNull(),
  section: text('section').notNull(),
  paragraph: integer('paragraph'),
  number: integer('number'),
  /** The provision it refers to ("jf."), same shape, or null. */
  refLaw: text('ref_law'),
  refSection: text('ref_section'),
  refParagraph: integer('ref_paragraph'),
  refNumber: integer('ref_number'),
  description: text('description'),
  active: boolean('active').notNull().default(true),
}, (t) => [uniqueIndex('legal_bases_code_uq').on(t.code)]);

export const meetings = pgTable('meetings', {
  id: uuid('id').primaryKey().defaultRandom(),
  bodyId: uuid('body_id').notNull().references(() => bodies.id, { onDelete: 'restrict' }),
  year: integer('year').notNull(),
  /** M1, M2 … per body and year. */
  number: integer('number').notNull(),
  date: date('date').notNull(),
  /** Local Europe/Oslo wall-clock times, "08:15". */
  /** Europe/Oslo wall-clock time; null only for a historical meeting whose papers do not say (decision 0047). */
  startTime: text('start_time'),
  endTime: text('end_time'),
  place: text('place').notNull(),
  status: meetingStatusEnum('status').notNull().default('planlagt'),
  /** Visible at /offentlig and in the public API. */
  published: boolean('published').notNull().default(false),
  /** Registered afterwards from the papers of a year before samrad (issue 12): held at once, never
   * called, its cases carry the numbers they had then. The public reads its agenda once published. */
  historical: boolean('historical').notNull().default(false),
  /** Running numbering only: the lowest number this meeting's cases may take, for a body that starts
   * using samrad in the middle of a year (the 2018 board's first meeting here began at ST 34/18). */
  firstCaseSequence: integer('first_case_sequence'),
  /** Version of the notice last sent, 0 before the first. */
  noticeVersion: integer('notice_version').notNull().default(0),
  minutesApprovedAt: timestamp('minutes_approved_at', { withTimezone: true }),
  /** The case (in a later meeting) whose decision approved these minutes. */
  minutesApprovedByCaseId: uuid('minutes_approved_by_case_id').references((): AnyPgColumn => cases.id, { onDelete: 'restrict' }),
  minutesPdfSha256: text('minutes_pdf_sha256'),
  /** Optimistic concurrency: each update bumps it; a stale write gets 409. */
  revision: integer('revision').notNull().default(1),
  /** Versions of the attendance list and of the agenda's order, each written with the one the client read
   * (409 when stale). Their own counters, so recording attendance does not make an open edit of the
   * meeting's place stale, nor the other way round. */
  attendanceRevision: integer('attendance_revision').notNull().default(1),
  agendaRevision: integer('agenda_revision').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('meetings_body_year_number_uq').on(t.bodyId, t.year, t.number),
  index('meetings_date_idx').on(t.date),
]);

export const cases = pgTable('cases', {
  id: uuid('id').primaryKey().defaultRandom(),
  bodyId: uuid('body_id').notNull().references(() => bodies.id, { onDelete: 'restrict' }),
  /** Null for a case decided in writing between meetings (skriftlig behandling). */
  meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  /** Order on the agenda, 1-based. */
  position: integer('position').notNull(),
  /** The number within the meeting (meeting scheme) or the running number in the year (running scheme). */
  sequence: integer('sequence').notNull(),
  /** The rendered number: "2023/M6-003" or "ST 39/18". */
  number: text('number').notNull(),
  /** True once the number has been sent out in a notice: it then never changes silently. */
  numberLocked: boolean('number_locked').notNull().default(false),
  standing: standingCaseEnum('standing'),
  title: text('title').notNull(),
  caseType: caseTypeEnum('case_type').notNull(),
  description: text('description').notNull().default(''),
  proposalKind: conclusionKindEnum('proposal_kind').notNull().default('vedtak'),
  proposal: text('proposal').notNull().default(''),
  access: caseAccessEnum('access').notNull().default('offentlig'),
  /** What the public sees instead of the title when the case is exempt. */
  publicTitle: text('public_title'),
  legalBasisId: uuid('legal_basis_id').references(() => legalBases.id, { onDelete: 'restrict' }),
  /** Saksframlegg fields as in the papers: arkivkode, saksmappe, saksbehandler, dato, innstillingstittel, saksopplysninger. */
  presentation: jsonb('presentation').$type<{
    archiveCode?: string;
    caseFolder?: string;
    caseOfficer?: string;
    date?: string;
    proposalHeading?: string;
    body: string;
  }>(),
  decisionKind: conclusionKindEnum('decision_kind'),
  decisionText: text('decision_text'),
  /** "Behandling": what was said when the case was treated. */
  treatment: text('treatment'),
  /** Votes were taken for this case (per member in case_votes). */
  voted: boolean('voted').notNull().default(false),
  decidedAt: date('decided_at'),
  revision: integer('revision').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /** Full-text search over everything staff may read, Norwegian stemming. */
  searchVector: tsvector('search_vector').generatedAlwaysAs(sql`to_tsvector('norwegian'::regconfig,
    coalesce(number, '') || ' ' || coalesce(title, '') || ' ' || coalesce(description, '') || ' ' ||
    coalesce(proposal, '') || ' ' || coalesce(decision_text, '') || ' ' || coalesce(treatment, ''))`),
  /** What the public may search: the whole text of public cases, only the public title of exempt ones. */
  publicSearchVector: tsvector('public_search_vector').generatedAlwaysAs(sql`case when access = 'offentlig'
    then to_tsvector('norwegian'::regconfig, coalesce(number, '') || ' ' || coalesce(title, '') || ' ' ||
      coalesce(description, '') || ' ' || coalesce(proposal, '') || ' ' || coalesce(decision_text, '') || ' ' ||
      coalesce(treatment, ''))
    else to_tsvector('norwegian'::regconfig, coalesce(number, '') || ' ' || coalesce(public_title, '')) end`),
}, (t) => [
  index('cases_meeting_idx').on(t.meetingId, t.position),
  index('cases_body_year_idx').on(t.bodyId, t.year),
  index('cases_search_idx').using('gin', t.searchVector),
  index('cases_public_search_idx').using('gin', t.publicSearchVector),
]);

export const casePresenters = pgTable('case_presenters', {
  caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'restrict' }),
  position: integer('position').notNull(),
}, (t) => [uniqueIndex('case_presenters_uq').on(t.caseId, t.personId)]);

export const attachments = pgTable('attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
  filename: text('filename').notNull(),
  /** Detected from the content, never taken from the name or the client's header. */
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  /** The bytes are in the file store under this hash (src/lib/files), never in the database. */
  sha256: text('sha256').notNull(),
  uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('attachments_case_idx').on(t.caseId), index('attachments_sha256_idx').on(t.sha256)]);

/** The notice as it was sent, one row per version; version 1 is frozen at the first send. */
export const noticeVersions = pgTable('notice_versions', {
  id: uuid('id').primaryKey().defaultRandom(),
  meetingId: uuid('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  version: integer('version').notNull(),
  sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  sentBy: uuid('sent_by').references(() => users.id, { onDelete: 'set null' }),
  /** The meeting and agenda as sent: what later versions are compared against. */
  snapshot: jsonb('snapshot').notNull(),
  /** Human-readable changes since the previous version (empty for version 1). */
  changes: jsonb('changes').$type<string[]>().notNull().default([]),
  recipients: jsonb('recipients').$type<string[]>().notNull().default([]),
  /** Members without e-mail the notice reached on paper, as the sender recorded it: who, and how. */
  paperDeliveries: jsonb('paper_deliveries').$type<{ personId: string; name: string; method: 'post' | 'utlevert' }[]>().notNull().default([]),
}, (t) => [uniqueIndex('notice_versions_uq').on(t.meetingId, t.version)]);

export const attendance = pgTable('attendance', {
  id: uuid('id').primaryKey().defaultRandom(),
  meetingId: uuid('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'restrict' }),
  role: attendanceRoleEnum('role').notNull(),
  /** Whom they represent (a member municipality) … */
  municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'set null' }),
  /** … or their position ("Daglig leder ROR-IKT"), as the protocol writes it. */
  note: text('note'),
  position: integer('position').notNull().default(0),
}, (t) => [uniqueIndex('attendance_uq').on(t.meetingId, t.personId, t.role)]);

export const caseVotes = pgTable('case_votes', {
  caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
  personId: uuid('person_id').notNull().references(() => people.id, { onDelete: 'restrict' }),
  choice: voteEnum('choice').notNull(),
}, (t) => [uniqueIndex('case_votes_uq').on(t.caseId, t.personId)]);

/** Documents frozen for the archive: the approved minutes as PDF/A, kept in the file store by its SHA-256. */
export const archivedDocuments = pgTable('archived_documents', {
  id: uuid('id').primaryKey().defaultRandom(),
  meetingId: uuid('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  kind: text('kind').notNull(),
  sha256: text('sha256').notNull(),
  size: integer('size').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('archived_documents_uq').on(t.meetingId, t.kind), index('archived_documents_sha256_idx').on(t.sha256)]);

/**
 * What the public's papers are made of changed: one row per meeting (scope = the meeting's id) and one
 * for data every paper shares (scope 'shared': bodies, people, municipalities, legal bases). Database
 * triggers (paper-revisions.ts) give the scope a new random tag in the same transaction as every change,
 * so a paper cached under (meeting tag, shared tag) is the paper for as long as both tags hold (decision
 * 0023). Random, not counted: a tag is never reused, not even after a restore from backup.
 */
export const paperRevisions = pgTable('paper_revisions', {
  scope: text('scope').primaryKey(),
  tag: uuid('tag').notNull().defaultRandom(),
});
