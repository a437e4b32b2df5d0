// The portfolio's tables: the project kinds a cooperation uses, its projects, one status per project
// and ISO week, and its procurements. Only this module reads and writes them (decision 0020).
import { bigint, boolean, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cooperations, municipalities } from '../org/schema.js';
import { economyLines } from '../economy/schema.js';
import { cases } from '../governance/schema.js';
import {
  COST_EVENT_KINDS, COST_MODELS, DECISION_OUTCOMES, PIPELINE_STEPS, PROCUREMENT_STAGES, PROJECT_PHASES, PROPOSAL_STAGES, WEEK_STATUSES,
} from './vocabulary.js';

export const projectPhaseEnum = pgEnum('portfolio_phase', PROJECT_PHASES);
export const weekStatusEnum = pgEnum('portfolio_week_status', WEEK_STATUSES);
export const procurementStageEnum = pgEnum('portfolio_procurement_stage', PROCUREMENT_STAGES);
export const proposalStageEnum = pgEnum('portfolio_proposal_stage', PROPOSAL_STAGES);
export const pipelineStepEnum = pgEnum('portfolio_pipeline_step', PIPELINE_STEPS);
export const decisionOutcomeEnum = pgEnum('portfolio_decision_outcome', DECISION_OUTCOMES);
export const costModelEnum = pgEnum('portfolio_cost_model', COST_MODELS);
export const costEventKindEnum = pgEnum('portfolio_cost_event_kind', COST_EVENT_KINDS);

/** Kinds are data: one cooperation runs building projects, another only development projects. */
export const portfolioProjectKinds = pgTable('portfolio_project_kinds', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  /** Projects of this kind report a status every week (the building projects' table). */
  weeklyStatus: boolean('weekly_status').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(0),
}, (t) => [uniqueIndex('portfolio_project_kinds_coop_name_uq').on(t.cooperationId, t.name)]);

export const portfolioProjects = pgTable('portfolio_projects', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  kindId: uuid('kind_id').notNull().references(() => portfolioProjectKinds.id, { onDelete: 'restrict' }),
  title: text('title').notNull(),
  /** Null: the project serves every member municipality («Alle»). */
  municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'restrict' }),
  owner: text('owner'),
  phase: projectPhaseEnum('phase').notNull().default('ide'),
  /** The investment line the project is paid from; its figures are read from the economy module. */
  economyLineId: uuid('economy_line_id').references(() => economyLines.id, { onDelete: 'set null' }),
  benefits: text('benefits'),
  /** The order the week table lists projects in (the paper's order), then by title. */
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
  revision: integer('revision').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('portfolio_projects_coop_idx').on(t.cooperationId, t.kindId)]);

/** One status and comment per project and ISO week ("2023-W48"). */
export const portfolioWeekStatuses = pgTable('portfolio_week_statuses', {
  id: uuid('id').primaryKey().defaultRandom(),
  projectId: uuid('project_id').notNull().references(() => portfolioProjects.id, { onDelete: 'cascade' }),
  week: text('week').notNull(),
  status: weekStatusEnum('status').notNull(),
  comment: text('comment').notNull().default(''),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text('updated_by').notNull(),
  revision: integer('revision').notNull().default(1),
}, (t) => [uniqueIndex('portfolio_week_statuses_project_week_uq').on(t.projectId, t.week)]);

export const portfolioProcurements = pgTable('portfolio_procurements', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  /** The project the procurement serves, if any. */
  projectId: uuid('project_id').references(() => portfolioProjects.id, { onDelete: 'set null' }),
  title: text('title').notNull(),
  stage: procurementStageEnum('stage').notNull().default('behov'),
  doffinReference: text('doffin_reference'),
  tenderDeadline: timestamp('tender_deadline', { withTimezone: true }),
  awardSentAt: timestamp('award_sent_at', { withTimezone: true }),
  supplier: text('supplier'),
  standstillDays: integer('standstill_days').notNull(),
  standstillRule: text('standstill_rule').notNull(),
  contractSignedAt: timestamp('contract_signed_at', { withTimezone: true }),
  note: text('note'),
  revision: integer('revision').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('portfolio_procurements_coop_idx').on(t.cooperationId)]);

/**
 * The council cases (or any body's) a procurement is treated in: the decision to procure, an orientation,
 * the signing. Kept here like the pipeline's links, so governance knows nothing of procurements; a case
 * deleted from its agenda takes its link with it.
 */
export const portfolioProcurementCases = pgTable('portfolio_procurement_cases', {
  procurementId: uuid('procurement_id').notNull().references(() => portfolioProcurements.id, { onDelete: 'cascade' }),
  caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.procurementId, t.caseId] }), index('portfolio_procurement_cases_case_idx').on(t.caseId)]);

// ── The innovation pipeline ────────────────────────────────────────────────────────────────────────

export const portfolioProposals = pgTable('portfolio_proposals', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  title: text('title').notNull(),
  /** Who proposes it: a person, a municipality's unit or a professional group, as written. */
  proposedBy: text('proposed_by').notNull(),
  problem: text('problem').notNull().default(''),
  benefit: text('benefit').notNull().default(''),
  costEstimateOre: bigint('cost_estimate_ore', { mode: 'number' }),
  stage: proposalStageEnum('stage').notNull().default('forslag'),
  revision: integer('revision').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('portfolio_proposals_coop_idx').on(t.cooperationId)]);

/** The municipalities that want the proposal (not yet those who pay: that is the decision's). */
export const portfolioProposalMunicipalities = pgTable('portfolio_proposal_municipalities', {
  proposalId: uuid('proposal_id').notNull().references(() => portfolioProposals.id, { onDelete: 'cascade' }),
  municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id, { onDelete: 'restrict' }),
}, (t) => [primaryKey({ columns: [t.proposalId, t.municipalityId] })]);

/**
 * A step of the pipeline is a case of the body that treats it. The link lives here, so governance knows
 * nothing of proposals; a case deleted from its agenda takes its link with it.
 */
export const portfolioProposalCases = pgTable('portfolio_proposal_cases', {
  id: uuid('id').primaryKey().defaultRandom(),
  proposalId: uuid('proposal_id').notNull().references(() => portfolioProposals.id, { onDelete: 'cascade' }),
  caseId: uuid('case_id').notNull().references(() => cases.id, { onDelete: 'cascade' }),
  step: pipelineStepEnum('step').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('portfolio_proposal_cases_case_uq').on(t.caseId), index('portfolio_proposal_cases_proposal_idx').on(t.proposalId)]);

/** The council's decision: go or no-go, and for go the cost split's model, basis year and total. */
export const portfolioProposalDecisions = pgTable('portfolio_proposal_decisions', {
  proposalId: uuid('proposal_id').primaryKey().references(() => portfolioProposals.id, { onDelete: 'cascade' }),
  caseId: uuid('case_id').references(() => cases.id, { onDelete: 'set null' }),
  outcome: decisionOutcomeEnum('outcome').notNull(),
  decidedOn: date('decided_on').notNull(),
  model: costModelEnum('model'),
  /** Fixed part in whole percent (fixed + population only). */
  fixedPercent: integer('fixed_percent'),
  /** The year of the key or the population figures the split uses. */
  basisYear: integer('basis_year'),
  totalOre: bigint('total_ore', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Who pays from the decision on. */
export const portfolioProposalPayers = pgTable('portfolio_proposal_payers', {
  proposalId: uuid('proposal_id').notNull().references(() => portfolioProposals.id, { onDelete: 'cascade' }),
  municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id, { onDelete: 'restrict' }),
}, (t) => [primaryKey({ columns: [t.proposalId, t.municipalityId] })]);

/** A municipality joining (with the council's entry amount, or null: computed) or leaving later. */
export const portfolioCostEvents = pgTable('portfolio_cost_events', {
  id: uuid('id').primaryKey().defaultRandom(),
  proposalId: uuid('proposal_id').notNull().references(() => portfolioProposals.id, { onDelete: 'cascade' }),
  kind: costEventKindEnum('kind').notNull(),
  municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id, { onDelete: 'restrict' }),
  date: date('date').notNull(),
  entryAmountOre: bigint('entry_amount_ore', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('portfolio_cost_events_proposal_idx').on(t.proposalId)]);

/** SSB's inhabitants per municipality and year (1 January), entered by staff. */
export const portfolioPopulations = pgTable('portfolio_populations', {
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id, { onDelete: 'restrict' }),
  year: integer('year').notNull(),
  inhabitants: integer('inhabitants').notNull(),
}, (t) => [primaryKey({ columns: [t.cooperationId, t.municipalityId, t.year] })]);
