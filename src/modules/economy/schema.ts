// Economy: the lines a cooperation budgets on (operating expense types and investment projects), the
// annual budget per line and its revisions, forecasts and explanations per line, actuals from the
// ledger (imported per period or entered by hand), the account mapping the import uses, and the
// financing: frames per year and the allocation key between member municipalities.
// Money is integer øre in bigint columns (mode 'number': every amount is a safe integer, checked on the
// way in), never a float. Percentages are integer millionths of the whole (100 % = 1 000 000), so a key
// with four decimals (34,1234 %) is stored exactly.
import { sql } from 'drizzle-orm';
import {
  bigint, boolean, date, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid,
} from 'drizzle-orm/pg-core';
import { cooperations, municipalities, users } from '../org/schema.js';
import { meetings } from '../governance/schema.js';
import type { TEconomyReport } from './model.js';
import {
  ACTUAL_SOURCES, EXIT_SETTLEMENT_BASES, EXIT_SETTLEMENT_LINE_KINDS, EXIT_SETTLEMENT_STATUSES, FUND_KINDS, FUND_MOVEMENT_KINDS, LINE_KINDS, PROJECT_STATUSES,
} from './vocabulary.js';

/**
 * Counts corrections of a row a person typed in (forecast, budget revision, manual actual). The API's
 * `version` is a fingerprint of the whole row, this included, so a value changed and changed back
 * (A→B→A) still gives a new version and a client holding the first one is refused.
 */
const revision = () => integer('revision').notNull().default(0);

export const economyLineKindEnum = pgEnum('economy_line_kind', LINE_KINDS);
export const projectStatusEnum = pgEnum('investment_project_status', PROJECT_STATUSES);
export const actualSourceEnum = pgEnum('actual_source', ACTUAL_SOURCES);

export const economyLines = pgTable('economy_lines', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  kind: economyLineKindEnum('kind').notNull(),
  name: text('name').notNull(),
  /** Order in the report tables. */
  position: integer('position').notNull().default(0),
  /** Income lines (Inntekter) carry negative amounts; the flag lets the UI say so. */
  isIncome: boolean('is_income').notNull().default(false),
  active: boolean('active').notNull().default(true),
  // Investment projects only:
  owner: text('owner'),
  /** The municipality the project serves; null = all members. */
  municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'restrict' }),
  startYear: integer('start_year'),
  endYear: integer('end_year'),
  status: projectStatusEnum('status'),
  /** Optimistic concurrency (decision 0024): counted up by every change of the line. */
  revision: integer('revision').notNull().default(1),
}, (t) => [uniqueIndex('economy_lines_coop_kind_name_uq').on(t.cooperationId, t.kind, t.name)]);

/** The annual budget as first adopted. */
export const budgets = pgTable('economy_budgets', {
  id: uuid('id').primaryKey().defaultRandom(),
  lineId: uuid('line_id').notNull().references(() => economyLines.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  amountOre: bigint('amount_ore', { mode: 'number' }).notNull(),
}, (t) => [uniqueIndex('economy_budgets_line_year_uq').on(t.lineId, t.year)]);

/** A change to a line's budget during the year: the change in øre, when, and the council case deciding it. */
export const budgetRevisions = pgTable('economy_budget_revisions', {
  id: uuid('id').primaryKey().defaultRandom(),
  lineId: uuid('line_id').notNull().references(() => economyLines.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  date: date('date').notNull(),
  changeOre: bigint('change_ore', { mode: 'number' }).notNull(),
  /** The council case number, e.g. "2023/M4-005". */
  decisionReference: text('decision_reference').notNull(),
  note: text('note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revision: revision(),
}, (t) => [index('economy_budget_revisions_line_idx').on(t.lineId, t.year)]);

/** Year-end forecast for a line, dated; a report uses the latest on or before its date. */
export const forecasts = pgTable('economy_forecasts', {
  id: uuid('id').primaryKey().defaultRandom(),
  lineId: uuid('line_id').notNull().references(() => economyLines.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  date: date('date').notNull(),
  amountOre: bigint('amount_ore', { mode: 'number' }).notNull(),
  comment: text('comment'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  revision: revision(),
}, (t) => [index('economy_forecasts_line_idx').on(t.lineId, t.year, t.date)]);

/** The text a report prints beside a line; the latest on or before the report's date. */
export const explanations = pgTable('economy_explanations', {
  id: uuid('id').primaryKey().defaultRandom(),
  lineId: uuid('line_id').notNull().references(() => economyLines.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  date: date('date').notNull(),
  text: text('text').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('economy_explanations_line_idx').on(t.lineId, t.year, t.date)]);

/** One committed ledger import: a file covering one or more periods of a year. */
export const ledgerImports = pgTable('economy_ledger_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  periods: integer('periods').array().notNull(),
  filename: text('filename').notNull(),
  rowCount: integer('row_count').notNull(),
  totalOre: bigint('total_ore', { mode: 'number' }).notNull(),
  importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
  importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('economy_ledger_imports_coop_idx').on(t.cooperationId, t.year)]);

/** Actuals: ledger rows (imported, replaced per period on re-import) and manual entries. */
export const actuals = pgTable('economy_actuals', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  lineId: uuid('line_id').notNull().references(() => economyLines.id, { onDelete: 'restrict' }),
  year: integer('year').notNull(),
  /** Accounting period 1–12 (month). */
  period: integer('period').notNull(),
  amountOre: bigint('amount_ore', { mode: 'number' }).notNull(),
  source: actualSourceEnum('source').notNull(),
  importId: uuid('import_id').references(() => ledgerImports.id, { onDelete: 'cascade' }),
  account: text('account'),
  project: text('project'),
  text: text('text'),
  revision: revision(),
}, (t) => [
  index('economy_actuals_coop_year_idx').on(t.cooperationId, t.year, t.period),
  index('economy_actuals_line_idx').on(t.lineId, t.year),
]);

/**
 * Which line a ledger row belongs to. A row whose project has a mapping goes to that line (investment
 * projects); otherwise its account decides (expense types). Exactly one of account and project is set.
 */
export const accountMappings = pgTable('economy_account_mappings', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  account: text('account'),
  project: text('project'),
  lineId: uuid('line_id').notNull().references(() => economyLines.id, { onDelete: 'cascade' }),
}, (t) => [
  uniqueIndex('economy_account_mappings_account_uq').on(t.cooperationId, t.account).where(sql`${t.account} is not null`),
  uniqueIndex('economy_account_mappings_project_uq').on(t.cooperationId, t.project).where(sql`${t.project} is not null`),
]);

/** Per year: the net operating frame and the gross investment frame the members pay. */
export const financingFrames = pgTable('economy_financing_frames', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  operatingFrameOre: bigint('operating_frame_ore', { mode: 'number' }).notNull(),
  investmentFrameOre: bigint('investment_frame_ore', { mode: 'number' }).notNull(),
}, (t) => [uniqueIndex('economy_financing_frames_uq').on(t.cooperationId, t.year)]);

/** The allocation key of a year: each member's share in millionths (sums to exactly 1 000 000). */
export const allocationShares = pgTable('economy_allocation_shares', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id, { onDelete: 'restrict' }),
  shareMillionths: integer('share_millionths').notNull(),
  /** The key's order on the papers, as the cooperation entered it (not by name: some list the host first). */
  position: integer('position').notNull().default(0),
}, (t) => [uniqueIndex('economy_allocation_shares_uq').on(t.cooperationId, t.year, t.municipalityId)]);

/**
 * An economy report published with a council meeting: the report of `year` as of `asOf` is what the
 * public may read once the meeting is published. Nothing else of the economy is public.
 * `report` is the public copy as it stood when it was published (forecast comments left out): later
 * corrections, forecasts or imports dated on or before `asOf` change the live report staff see, never
 * what was published. Publishing again replaces it; withdrawing deletes it.
 */
export const economyPublications = pgTable('economy_publications', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  meetingId: uuid('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
  year: integer('year').notNull(),
  asOf: date('as_of').notNull(),
  publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  report: jsonb('report').$type<TEconomyReport>().notNull(),
}, (t) => [uniqueIndex('economy_publications_meeting_uq').on(t.meetingId)]);

export const fundKindEnum = pgEnum('economy_fund_kind', FUND_KINDS);
export const fundMovementKindEnum = pgEnum('economy_fund_movement_kind', FUND_MOVEMENT_KINDS);

/** A fund of the cooperation (bundet driftsfond, prosjektfond, disposisjonsfond); its balance is its movements. */
export const funds = pgTable('economy_funds', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  kind: fundKindEnum('kind').notNull(),
  name: text('name').notNull(),
  /** Order on the papers, as the cooperation lists its funds. */
  position: integer('position').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('economy_funds_coop_name_uq').on(t.cooperationId, t.name)]);

/**
 * Money into or out of a fund: always a positive amount, its direction by kind (avsetning in, bruk out),
 * dated, with the council case that decided it (none for the opening balance).
 */
export const fundMovements = pgTable('economy_fund_movements', {
  id: uuid('id').primaryKey().defaultRandom(),
  fundId: uuid('fund_id').notNull().references(() => funds.id, { onDelete: 'cascade' }),
  kind: fundMovementKindEnum('kind').notNull(),
  date: date('date', { mode: 'string' }).notNull(),
  amountOre: bigint('amount_ore', { mode: 'number' }).notNull(),
  decisionReference: text('decision_reference'),
  text: text('text'),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('economy_fund_movements_fund_date_idx').on(t.fundId, t.date)]);

export const exitSettlementBasisEnum = pgEnum('economy_exit_settlement_basis', EXIT_SETTLEMENT_BASES);
export const exitSettlementStatusEnum = pgEnum('economy_exit_settlement_status', EXIT_SETTLEMENT_STATUSES);
export const exitSettlementLineKindEnum = pgEnum('economy_exit_settlement_line_kind', EXIT_SETTLEMENT_LINE_KINDS);

/**
 * The exit settlement (utmeldingsoppgjør) of a member leaving the cooperation: one per membership that
 * ends, on its last day. While `utkast` its key lines are computed on every read (a fund movement booked
 * late still counts); deciding stores them with the council case number and freezes the whole record.
 */
export const exitSettlements = pgTable('economy_exit_settlements', {
  id: uuid('id').primaryKey().defaultRandom(),
  cooperationId: uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' }),
  municipalityId: uuid('municipality_id').notNull().references(() => municipalities.id, { onDelete: 'restrict' }),
  /** The membership's last day (`memberships.left`). */
  leavingDate: date('leaving_date', { mode: 'string' }).notNull(),
  basis: exitSettlementBasisEnum('basis').notNull(),
  status: exitSettlementStatusEnum('status').notNull().default('utkast'),
  /** The council case that decided the settlement, e.g. "2019/M6-004"; set when it is decided. */
  decisionReference: text('decision_reference'),
  /** The member's share of the leaving year's key when decided, in millionths (null for a decided amount only). */
  shareMillionths: integer('share_millionths'),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
  decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('economy_exit_settlements_leaving_uq').on(t.cooperationId, t.municipalityId, t.leavingDate)]);

/**
 * A line of an exit settlement: a decided amount (stored when entered), or a key line (stored when the
 * settlement is decided): the cooperation-wide amount (`baseOre`), the share and the member's part.
 * Positive = the cooperation pays the municipality, negative = the municipality pays the cooperation.
 */
export const exitSettlementLines = pgTable('economy_exit_settlement_lines', {
  id: uuid('id').primaryKey().defaultRandom(),
  settlementId: uuid('settlement_id').notNull().references(() => exitSettlements.id, { onDelete: 'cascade' }),
  kind: exitSettlementLineKindEnum('kind').notNull(),
  text: text('text').notNull(),
  baseOre: bigint('base_ore', { mode: 'number' }),
  shareMillionths: integer('share_millionths'),
  amountOre: bigint('amount_ore', { mode: 'number' }).notNull(),
  position: integer('position').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('economy_exit_settlement_lines_settlement_idx').on(t.settlementId, t.position)]);
