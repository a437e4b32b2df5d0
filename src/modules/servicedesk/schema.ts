// The service desk's tables: tickets, their append-only event history (which is also the conversation),
// satisfaction answers, teams, who in a municipality may see colleagues' tickets, and the SLA policy as
// data per cooperation (optionally per municipality).
//
// The SLA columns on a ticket (sla_*) are a cache of computeSlaState over the ticket's events, written in
// the same transaction as each event, so queues can sort and filter by due time. The events are the truth.
import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { cooperations, municipalities, users } from '../org/schema.js';
import { CHANNELS, PRIORITIES, PUBLIC_CHANGE_KINDS, STATUSES, TICKET_TYPES } from './vocabulary.js';
import type { TPolicyDocument } from './desk-rules.js';

export const ticketTypeEnum = pgEnum('sd_ticket_type', TICKET_TYPES);
export const ticketChannelEnum = pgEnum('sd_channel', CHANNELS);
export const ticketPriorityEnum = pgEnum('sd_priority', PRIORITIES);
export const ticketStatusEnum = pgEnum('sd_status', STATUSES);

export const sdTeams = pgTable('sd_teams', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
}, (t) => [uniqueIndex('sd_teams_coop_name_uq').on(t.cooperationId, t.name)]);

export const sdTeamMembers = pgTable('sd_team_members', {
  teamId: uuid('team_id').notNull().references(() => sdTeams.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
}, (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('sd_team_members_user_idx').on(t.userId)]);

/** A municipality user listed here sees every ticket of their municipality, not just their own. */
export const sdPortalSharing = pgTable('sd_portal_sharing', {
  userId: uuid('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
  seesMunicipality: boolean('sees_municipality').notNull().default(true),
});

/** The SLA policy and desk rules as one validated document; municipality null = the cooperation's default. */
export const sdPolicies = pgTable('sd_policies', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'cascade' }),
  document: jsonb('document').$type<TPolicyDocument>().notNull(),
  revision: integer('revision').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('sd_policies_coop_default_uq').on(t.cooperationId).where(sql`${t.municipalityId} is null`),
  uniqueIndex('sd_policies_coop_muni_uq').on(t.cooperationId, t.municipalityId),
]);

export const sdTickets = pgTable('sd_tickets', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The number people say on the phone; one running series for the installation. */
  number: integer('number').notNull().generatedByDefaultAsIdentity(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'restrict' }),
  municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id, { onDelete: 'restrict' }),
  /** The signed-in requester; null when an agent logged a call from someone without an account. */
  requesterUserId: uuid('requester_user_id').references(() => users.id, { onDelete: 'set null' }),
  requesterName: text('requester_name').notNull(),
  requesterEmail: text('requester_email'),
  type: ticketTypeEnum('type').notNull(),
  category: text('category').notNull(),
  channel: ticketChannelEnum('channel').notNull(),
  priority: ticketPriorityEnum('priority').notNull(),
  status: ticketStatusEnum('status').notNull().default('ny'),
  title: text('title').notNull(),
  description: text('description').notNull(),
  assigneeUserId: uuid('assignee_user_id').references(() => users.id, { onDelete: 'set null' }),
  teamId: uuid('team_id').references(() => sdTeams.id, { onDelete: 'set null' }),
  /** Id in the help-desk tool a ticket was imported from, so imports are idempotent. */
  externalId: text('external_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** «Sist endret», as the page shows it; moved by every change (tickets/version.ts). */
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /** Counts every change of the ticket, its history or its files; the desk's edit sends it back (decision 0024). */
  revision: integer('revision').notNull().default(1),
  /** Last time the ticket became solved (løst); cleared on reopen. */
  solvedAt: timestamp('solved_at', { withTimezone: true }),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  slaResolutionDueAt: timestamp('sla_resolution_due_at', { withTimezone: true }),
  /** When the running clock enters its last share (breaching soon); null when paused or stopped. */
  slaWarnAt: timestamp('sla_warn_at', { withTimezone: true }),
  slaResolutionBreachedAt: timestamp('sla_resolution_breached_at', { withTimezone: true }),
  slaResolutionMet: boolean('sla_resolution_met'),
  slaResolutionElapsedMs: bigint('sla_resolution_elapsed_ms', { mode: 'number' }),
  slaFirstResponseDueAt: timestamp('sla_first_response_due_at', { withTimezone: true }),
  slaFirstResponseMet: boolean('sla_first_response_met'),
  slaComputedAt: timestamp('sla_computed_at', { withTimezone: true }),
  /** When the breach event was written, so it is written once. */
  slaBreachRecordedAt: timestamp('sla_breach_recorded_at', { withTimezone: true }),
}, (t) => [
  uniqueIndex('sd_tickets_number_uq').on(t.number),
  uniqueIndex('sd_tickets_external_uq').on(t.cooperationId, t.externalId),
  // Keyset pagination walks (created_at, number) newest first, and (sla due, number) for the due sort.
  index('sd_tickets_created_idx').on(t.createdAt, t.number),
  index('sd_tickets_due_idx').on(t.slaResolutionDueAt, t.number),
  index('sd_tickets_requester_idx').on(t.requesterUserId, t.createdAt),
  index('sd_tickets_municipality_idx').on(t.municipalityId, t.createdAt),
  index('sd_tickets_assignee_idx').on(t.assigneeUserId, t.status),
  index('sd_tickets_status_idx').on(t.status, t.createdAt),
  index('sd_tickets_warn_idx').on(t.slaWarnAt),
  // The agent queues ask for open tickets newest first; open ones are a few thousand among a million
  // solved and closed, so a partial index keeps the queue page from walking the closed history.
  index('sd_tickets_open_created_idx').on(t.createdAt, t.number).where(sql`status not in ('lost', 'lukket')`),
  // The work list sorted by SLA due time over open tickets only: the open ones all sit at the recent end
  // of sd_tickets_due_idx, but the planner assumes them spread evenly and would walk it from the old end
  // discarding closed rows (~150 ms a page at 1M tickets); this one stays small. The number sort has no
  // such index on purpose: a narrow (number) index of open tickets became the planner's cheapest way to
  // fetch every open ticket, so the unassigned queue scanned it all and sorted (6 ms) instead of walking
  // its own index (0.5 ms); queue-order.ts sorts the open set by number instead.
  index('sd_tickets_open_due_idx').on(t.slaResolutionDueAt, t.number).where(sql`status not in ('lost', 'lukket')`),
  // The unassigned queue: without it PostgreSQL intersects the open tickets with every unassigned one
  // ever (most of them long closed), 13 ms a page at 1M tickets against 0.3 ms.
  index('sd_tickets_unassigned_open_created_idx').on(t.createdAt, t.number)
    .where(sql`assignee_user_id is null and status not in ('lost', 'lukket')`),
  // The KPI pack lists the critical and high tickets of a period: a few per thousand.
  index('sd_tickets_critical_created_idx').on(t.createdAt, t.number).where(sql`priority in ('kritisk', 'hoy')`),
]);

/**
 * What the KPI pack counts a ticket as: its classification, its Oslo month of creation and of being done
 * (solved or closed, while it stays so), and its resolution time and SLA result. One row per ticket,
 * derived from the ticket's columns by kpi-summary.ts in the same transaction as every change to the
 * ticket (history.refreshSla), so it is as true as the SLA cache it copies. It is also the record of
 * what sd_kpi_counts holds for the ticket, so a change moves the counts by exactly the difference.
 */
export const sdTicketSummaries = pgTable('sd_ticket_summaries', {
  ticketId: uuid('ticket_id').primaryKey().references(() => sdTickets.id, { onDelete: 'cascade' }),
  cooperationId: uuid('cooperation_id').notNull(),
  municipalityId: uuid('municipality_id').notNull(),
  type: ticketTypeEnum('type').notNull(),
  category: text('category').notNull(),
  channel: ticketChannelEnum('channel').notNull(),
  priority: ticketPriorityEnum('priority').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  /** YYYY-MM in Oslo time. */
  createdMonth: text('created_month').notNull(),
  /** When the work was done (solved, else closed); null while the ticket is open, reopened ones included. */
  doneAt: timestamp('done_at', { withTimezone: true }),
  doneMonth: text('done_month'),
  resolutionElapsedMs: bigint('resolution_elapsed_ms', { mode: 'number' }),
  resolutionMet: boolean('resolution_met'),
  /**
   * YYYY-MM in Oslo time of the last solve (løst), while the ticket stays solved or closed; and of its
   * close (lukket), while it stays closed. The papers count the two apart: a case solved in one month
   * and closed by the 3-2-1 rule in the next is solved in the first and closed in the second.
   */
  solvedMonth: text('solved_month'),
  closedMonth: text('closed_month'),
}, (t) => [
  // Resolution figures per month and priority read this index alone, in the order the median needs.
  index('sd_ticket_summaries_done_idx').on(t.cooperationId, t.doneMonth, t.priority, t.resolutionElapsedMs, t.resolutionMet, t.municipalityId),
  // Solved and closed per month (the KPI pack) from these alone, without the 3-2-1 close moving the
  // monthly counts (and taking their lock: kpi-summary.ts).
  index('sd_ticket_summaries_solved_idx').on(t.cooperationId, t.solvedMonth, t.municipalityId).where(sql`solved_month is not null`),
  index('sd_ticket_summaries_closed_idx').on(t.cooperationId, t.closedMonth, t.municipalityId).where(sql`closed_month is not null`),
]);

/**
 * Tickets counted per Oslo month, municipality and one classification at a time (dimension 'type',
 * 'category', 'channel' or 'priority'; value = the key): `created` in the month, `done` in the month.
 * Each ticket adds 1 to four rows for its creation and four for being done. Kept by kpi-summary.ts
 * together with sd_ticket_summaries, so the KPI pack reads a few thousand rows instead of every ticket.
 */
export const sdKpiCounts = pgTable('sd_kpi_counts', {
  cooperationId: uuid('cooperation_id').notNull(),
  month: text('month').notNull(),
  municipalityId: uuid('municipality_id').notNull(),
  dimension: text('dimension').notNull(),
  value: text('value').notNull(),
  created: integer('created').notNull().default(0),
  done: integer('done').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.cooperationId, t.month, t.municipalityId, t.dimension, t.value] })]);

/**
 * Which events are public changes, as SQL text (PUBLIC_CHANGE_KINDS are fixed ASCII keys): the predicate
 * of the events' partial index and of the query that reads it (public-change.ts), which must be the same.
 */
export const publicChangePredicate = (alias?: string) => {
  const col = (name: string) => (alias ? `${alias}.${name}` : name);
  return `${col('internal')} = false and ${col('kind')} in (${PUBLIC_CHANGE_KINDS.map((k) => `'${k}'`).join(', ')})`;
};

/**
 * Every change to a ticket, append-only: the service never updates or deletes a row here. Public
 * replies and internal notes are events too (kind 'reply' / 'note'); `internal` marks what a requester
 * must never see.
 */
export const sdTicketEvents = pgTable('sd_ticket_events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  ticketId: uuid('ticket_id').notNull().references(() => sdTickets.id, { onDelete: 'cascade' }),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
  actorName: text('actor_name').notNull(),
  /** Whether the actor acted for the desk (agent, system) rather than as the requester. */
  byDesk: boolean('by_desk').notNull(),
  kind: text('kind').notNull(),
  internal: boolean('internal').notNull().default(false),
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
}, (t) => [
  index('sd_ticket_events_ticket_idx').on(t.ticketId, t.id),
  index('sd_ticket_events_kind_idx').on(t.kind, t.at),
  // A ticket's last public change (public-change.ts) in one index step: the municipality user's list
  // reads it for every row. The predicate is the query's, word for word, so the planner can prove it.
  index('sd_ticket_events_public_change_idx').on(t.ticketId, t.at).where(sql.raw(publicChangePredicate())),
]);

export const sdSurveys = pgTable('sd_surveys', {
  ticketId: uuid('ticket_id').primaryKey().references(() => sdTickets.id, { onDelete: 'cascade' }),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
  score: smallint('score').notNull(),
  comment: text('comment'),
  answeredAt: timestamp('answered_at', { withTimezone: true }).notNull(),
});

/**
 * Daily phone-queue statistics imported from the phone system's export: per cooperation and day one row
 * for the whole queue, or, when the export names the municipality (a queue or number per municipality),
 * one row per municipality. An import replaces every row of the days it covers, whichever kind they
 * were. Means are per row as the phone system reports them; the KPI pack and the listing weight them by
 * calls (wait by offered, talk time by answered).
 */
export const sdPhoneStats = pgTable('sd_phone_stats', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  day: text('day').notNull(),
  /** The municipality the calls were for; null: the whole queue, not attributed to a municipality. */
  municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'restrict' }),
  offered: integer('offered').notNull(),
  answered: integer('answered').notNull(),
  meanWaitSeconds: integer('mean_wait_seconds').notNull(),
  meanTalkSeconds: integer('mean_talk_seconds').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
}, (t) => [
  // One row per day and municipality, and one unattributed row per day (two partial indexes rather than
  // NULLS NOT DISTINCT, which PostgreSQL before 15 lacks).
  uniqueIndex('sd_phone_stats_municipality_day_uq').on(t.cooperationId, t.day, t.municipalityId).where(sql`municipality_id is not null`),
  uniqueIndex('sd_phone_stats_queue_day_uq').on(t.cooperationId, t.day).where(sql`municipality_id is null`),
]);

/** A saved column mapping per source help-desk tool, so the next export from it imports without asking. */
export const sdImportMappings = pgTable('sd_import_mappings', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  source: text('source').notNull(),
  mapping: jsonb('mapping').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('sd_import_mappings_coop_source_uq').on(t.cooperationId, t.source)]);

/** Files on a ticket (screenshots, logs). `internal` ones are the desk's and never reach the requester. */
export const sdAttachments = pgTable('sd_attachments', {
  id: uuid('id').primaryKey().defaultRandom(),
  ticketId: uuid('ticket_id').notNull().references(() => sdTickets.id, { onDelete: 'cascade' }),
  filename: text('filename').notNull(),
  contentType: text('content_type').notNull(),
  size: integer('size').notNull(),
  /** The bytes are in the file store under this hash (src/lib/files), never in the database. */
  sha256: text('sha256').notNull(),
  internal: boolean('internal').notNull().default(false),
  uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
  uploadedByName: text('uploaded_by_name').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
}, (t) => [index('sd_attachments_ticket_idx').on(t.ticketId), index('sd_attachments_sha256_idx').on(t.sha256)]);
