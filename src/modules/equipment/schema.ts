// Equipment: the cooperation's PCs as endpoint management exports them, the months each was seen signed
// in, the lifecycle rules that give each its expiry year, and the stock counts, orders and retirements
// that the monthly status table (seed 000 §2.1.1) subtracts. Every figure of that table is recomputable
// on any date: sign-ins are kept per month, stock counts and order and retirement steps each carry their
// date, who and when.
import { boolean, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { cooperations, municipalities, users } from '../org/schema.js';
import { DEVICE_CATEGORIES, LICENCE_DECISIONS, MISSING_PURCHASE_ASSUMPTIONS, ORDER_STATES, REPLACEMENT_STATES, RETIREMENT_STEPS } from './vocabulary.js';

export const deviceCategoryEnum = pgEnum('eq_device_category', DEVICE_CATEGORIES);
export const missingPurchaseEnum = pgEnum('eq_missing_purchase', MISSING_PURCHASE_ASSUMPTIONS);
export const orderStateEnum = pgEnum('eq_order_state', ORDER_STATES);
export const retirementStepEnum = pgEnum('eq_retirement_step', RETIREMENT_STEPS);
export const replacementStateEnum = pgEnum('eq_replacement_state', REPLACEMENT_STATES);
export const licenceDecisionEnum = pgEnum('eq_licence_decision', LICENCE_DECISIONS);

// The columns most tables here share: whose they are, and who recorded a row and when.
const id = () => uuid('id').primaryKey().defaultRandom();
const cooperation = () => uuid('cooperation_id').notNull().references(() => cooperations.id, { onDelete: 'cascade' });
const municipality = (onDelete: 'restrict' | 'cascade' = 'restrict') => uuid('municipality_id').notNull().references(() => municipalities.id, { onDelete });
const at = (name: string) => timestamp(name, { withTimezone: true }).notNull().defaultNow();
const recorded = () => ({
  actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }), actorName: text('actor_name').notNull(), recordedAt: at('recorded_at'),
});

/** One PC, by its serial number within the cooperation; the newest import's values win. */
export const eqDevices = pgTable('eq_devices', {
  id: id(), cooperationId: cooperation(), municipalityId: municipality(), category: deviceCategoryEnum('category').notNull(),
  serial: text('serial').notNull(),
  name: text('name'),
  model: text('model'),
  manufacturer: text('manufacturer'),
  /** The primary user's UPN; null for pupils' and shared PCs, which are counted but reach no person. */
  primaryUser: text('primary_user'),
  enrolledOn: date('enrolled_on'),
  lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
  /** Null when the export does not know it; the lifecycle rule then says what to assume. */
  purchasedOn: date('purchased_on'),
  /** The first day of the first month an import saw it signed in (the `first_seen` assumption). */
  firstSeenMonth: date('first_seen_month').notNull(),
  /**
   * The year it expires under the rules, and whether its purchase date was assumed: derived
   * (expiry.ts refreshExpiry), stored so the status table reads a column instead of evaluating the
   * rules for every PC of the month; refreshed by every write that can change them.
   */
  expiryYear: integer('expiry_year').notNull().default(0),
  purchaseAssumed: boolean('purchase_assumed').notNull().default(false),
  createdAt: at('created_at'),
  updatedAt: at('updated_at'),
}, (t) => [
  uniqueIndex('eq_devices_coop_serial_uq').on(t.cooperationId, t.serial),
  index('eq_devices_municipality_idx').on(t.municipalityId),
]);

/** One import of an endpoint-management export: which month it covers and what it did. */
export const eqDeviceImports = pgTable('eq_device_imports', {
  id: id(), cooperationId: cooperation(),
  /** The first day of the month the export covers. */
  month: date('month').notNull(),
  source: text('source'), filename: text('filename').notNull(),
  /** What it did: rows read, devices new to samrad, rows signed in during the month. */
  rows: integer('rows').notNull(), newDevices: integer('new_devices').notNull(), signedIn: integer('signed_in').notNull(),
  ...recorded(),
}, (t) => [index('eq_device_imports_coop_month_idx').on(t.cooperationId, t.month)]);

/**
 * A device seen signed in during a month. Keyed month first: the status table reads one month's rows
 * (an index-only range), and a month imported again adds nothing twice.
 */
export const eqDeviceSignIns = pgTable('eq_device_sign_ins', {
  month: date('month').notNull(),
  deviceId: uuid('device_id').notNull().references(() => eqDevices.id, { onDelete: 'cascade' }),
  importId: uuid('import_id').references(() => eqDeviceImports.id, { onDelete: 'set null' }),
}, (t) => [primaryKey({ columns: [t.month, t.deviceId] }), index('eq_device_sign_ins_device_idx').on(t.deviceId)]);

/** A saved column mapping per export source (Intune, Workspace ONE …). */
export const eqImportMappings = pgTable('eq_import_mappings', {
  id: id(), cooperationId: cooperation(), source: text('source').notNull(), mapping: jsonb('mapping').notNull(), updatedAt: at('updated_at'),
}, (t) => [uniqueIndex('eq_import_mappings_coop_source_uq').on(t.cooperationId, t.source)]);

/** How long a municipality's PCs of a category live; without a rule, DEFAULT_LIFECYCLE (rules.ts). */
export const eqLifecycleRules = pgTable('eq_lifecycle_rules', {
  id: id(), cooperationId: cooperation(), municipalityId: municipality('cascade'), category: deviceCategoryEnum('category').notNull(),
  years: integer('years').notNull(),
  whenPurchaseMissing: missingPurchaseEnum('when_purchase_missing').notNull(),
  revision: integer('revision').notNull().default(1),
}, (t) => [uniqueIndex('eq_lifecycle_rules_uq').on(t.cooperationId, t.municipalityId, t.category)]);

/** A model's fixed end of support: it wins over the years of the rule (a model dropped by its maker). */
export const eqModelSupport = pgTable('eq_model_support', {
  id: id(), cooperationId: cooperation(), model: text('model').notNull(), endOfSupport: date('end_of_support').notNull(),
}, (t) => [uniqueIndex('eq_model_support_uq').on(t.cooperationId, t.model)]);

/** PCs counted on the shelf; the status table takes the newest count on or before its date. */
export const eqStockCounts = pgTable('eq_stock_counts', {
  id: id(), cooperationId: cooperation(), municipalityId: municipality(), category: deviceCategoryEnum('category').notNull(),
  count: integer('count').notNull(),
  countedOn: date('counted_on').notNull(),
  ...recorded(),
}, (t) => [index('eq_stock_counts_lookup_idx').on(t.cooperationId, t.municipalityId, t.category, t.countedOn)]);

/** An order of new PCs for a municipality; its state is the newest of its steps (eqOrderSteps). */
export const eqOrders = pgTable('eq_orders', {
  id: id(), cooperationId: cooperation(), municipalityId: municipality(), category: deviceCategoryEnum('category').notNull(),
  quantity: integer('quantity').notNull(),
  model: text('model'),
  reference: text('reference'),
  state: orderStateEnum('state').notNull().default('ordered'),
  revision: integer('revision').notNull().default(1),
  createdAt: at('created_at'),
}, (t) => [index('eq_orders_coop_idx').on(t.cooperationId, t.municipalityId)]);

/** Each step of an order, dated as it happened (`on`) and recorded by whom and when. */
export const eqOrderSteps = pgTable('eq_order_steps', {
  id: id(), orderId: uuid('order_id').notNull().references(() => eqOrders.id, { onDelete: 'cascade' }), state: orderStateEnum('state').notNull(),
  on: date('on').notNull(),
  ...recorded(),
}, (t) => [uniqueIndex('eq_order_steps_order_state_uq').on(t.orderId, t.state)]);

/** A retired device's steps: returned, wiped (with the wiping tool's proof), recycled (by whom). */
export const eqRetirementSteps = pgTable('eq_retirement_steps', {
  id: id(), deviceId: uuid('device_id').notNull().references(() => eqDevices.id, { onDelete: 'cascade' }), step: retirementStepEnum('step').notNull(),
  on: date('on').notNull(),
  /** Wiped: the certificate or report id; recycled: the return company (EE-registeret). */
  note: text('note'),
  ...recorded(),
}, (t) => [uniqueIndex('eq_retirement_steps_uq').on(t.deviceId, t.step)]);

/**
 * A municipality's replacement campaign, switched on per municipality (seed 000: Molde, Rauma and Vestnes
 * only), with the standard models of the cooperation's catalogue its users may choose from.
 */
export const eqCampaigns = pgTable('eq_campaigns', {
  id: id(), cooperationId: cooperation(), municipalityId: municipality('cascade'),
  active: boolean('active').notNull(),
  standardModels: jsonb('standard_models').$type<string[]>().notNull().default([]),
  /** Days between reminders to an invited user who neither orders nor defers, and to an approver who does not decide. */
  userReminderDays: integer('user_reminder_days').notNull().default(7),
  approvalReminderDays: integer('approval_reminder_days').notNull().default(3),
  ...recorded(),
}, (t) => [uniqueIndex('eq_campaigns_municipality_uq').on(t.cooperationId, t.municipalityId)]);

/**
 * Who approves a replacement for a unit of a municipality; the row without a unit is the municipality's
 * fallback, for users whose unit has none (the people register holds no managers of municipal staff).
 */
export const eqApprovers = pgTable('eq_approvers', {
  id: id(), cooperationId: cooperation(), municipalityId: municipality('cascade'),
  /** Null: the fallback approver of the municipality. */
  unit: text('unit'),
  name: text('name').notNull(),
  email: text('email').notNull(),
  ...recorded(),
}, (t) => [unique('eq_approvers_unit_uq').on(t.cooperationId, t.municipalityId, t.unit).nullsNotDistinct()]);

/** One expired PC's replacement; its state is the newest of its steps (eqReplacementSteps). */
export const eqReplacements = pgTable('eq_replacements', {
  id: id(), cooperationId: cooperation(), municipalityId: municipality(),
  deviceId: uuid('device_id').notNull().references(() => eqDevices.id, { onDelete: 'cascade' }),
  /** The device's primary user as the export names them (UPN, compared in lower case). */
  userEmail: text('user_email').notNull(),
  state: replacementStateEnum('state').notNull(),
  model: text('model'),
  unit: text('unit'),
  approverName: text('approver_name'),
  approverEmail: text('approver_email'),
  /** SHA-256 of the one-click decision link's token; cleared once the manager has decided. */
  decisionTokenHash: text('decision_token_hash'),
  /** When the approver was last reminded of a request still waiting (replacement-reminders.service.ts). */
  approvalRemindedAt: timestamp('approval_reminded_at', { withTimezone: true }),
  /** When the user was last reminded to order or defer (replacement-reminders.service.ts). */
  userRemindedAt: timestamp('user_reminded_at', { withTimezone: true }),
  /** A deferral's end, from when the user is reminded again; null: not deferred, or deferred without an end. */
  deferredUntil: date('deferred_until'),
  newDeviceId: uuid('new_device_id').references(() => eqDevices.id, { onDelete: 'set null' }),
  revision: integer('revision').notNull().default(1),
  createdAt: at('created_at'),
}, (t) => [
  index('eq_replacements_coop_idx').on(t.cooperationId, t.municipalityId),
  uniqueIndex('eq_replacements_token_uq').on(t.decisionTokenHash),
]);

/** Each step of a replacement with its date, note (a reason, a comment, the wipe's proof) and who. */
export const eqReplacementSteps = pgTable('eq_replacement_steps', {
  id: id(), replacementId: uuid('replacement_id').notNull().references(() => eqReplacements.id, { onDelete: 'cascade' }),
  state: replacementStateEnum('state').notNull(),
  on: date('on').notNull(),
  note: text('note'),
  ...recorded(),
}, (t) => [index('eq_replacement_steps_idx').on(t.replacementId)]);

// ---- licences (issue 13, seed 003 2024/M2-007) -------------------------------------------------------

/** A licensed product (Public 360 …) and how many months without a sign-in make a licence a candidate for removal. */
export const eqLicenceProducts = pgTable('eq_licence_products', {
  id: id(), cooperationId: cooperation(), name: text('name').notNull(),
  inactiveMonths: integer('inactive_months').notNull(),
  revision: integer('revision').notNull().default(1),
  createdAt: at('created_at'),
}, (t) => [uniqueIndex('eq_licence_products_coop_name_uq').on(t.cooperationId, t.name)]);

/**
 * A contracted licence count from a date, for one municipality or (municipality null) shared by the
 * members without their own. A contract change is a new row from its date, so every month's count is
 * the one in force then.
 */
export const eqLicenceContracts = pgTable('eq_licence_contracts', {
  id: id(), productId: uuid('product_id').notNull().references(() => eqLicenceProducts.id, { onDelete: 'cascade' }),
  municipalityId: uuid('municipality_id').references(() => municipalities.id, { onDelete: 'restrict' }),
  count: integer('count').notNull(),
  validFrom: date('valid_from').notNull(),
  ...recorded(),
}, (t) => [unique('eq_licence_contracts_uq').on(t.productId, t.municipalityId, t.validFrom).nullsNotDistinct()]);

/** A saved column mapping per licence export source (the P360 sign-in report …). */
export const eqLicenceImportMappings = pgTable('eq_licence_import_mappings', {
  id: id(), cooperationId: cooperation(), source: text('source').notNull(), mapping: jsonb('mapping').notNull(), updatedAt: at('updated_at'),
}, (t) => [uniqueIndex('eq_licence_import_mappings_coop_source_uq').on(t.cooperationId, t.source)]);

/** The one import of a product's month; importing the month again replaces it (and its users) whole. */
export const eqLicenceImports = pgTable('eq_licence_imports', {
  id: id(), cooperationId: cooperation(),
  productId: uuid('product_id').notNull().references(() => eqLicenceProducts.id, { onDelete: 'cascade' }),
  /** The first day of the month the export covers. */
  month: date('month').notNull(),
  source: text('source'), filename: text('filename').notNull(),
  rows: integer('rows').notNull(), users: integer('users').notNull(), active: integer('active').notNull(),
  ...recorded(),
}, (t) => [uniqueIndex('eq_licence_imports_product_month_uq').on(t.productId, t.month)]);

/** One licensed user in one imported month: signed in during it or not, and the newest sign-in the export knew. */
export const eqLicenceUsage = pgTable('eq_licence_usage', {
  importId: uuid('import_id').notNull().references(() => eqLicenceImports.id, { onDelete: 'cascade' }),
  productId: uuid('product_id').notNull().references(() => eqLicenceProducts.id, { onDelete: 'cascade' }),
  month: date('month').notNull(),
  /** The user's UPN, in lower case: one person whatever case the export prints. */
  userKey: text('user_key').notNull(),
  municipalityId: municipality(),
  /** Sign-ins in the month, when the export counts them. */
  signIns: integer('sign_ins'),
  lastSignInOn: date('last_sign_in_on'),
  /** Signed in during the month (a count above zero, or a last sign-in inside it). */
  active: boolean('active').notNull(),
}, (t) => [
  primaryKey({ columns: [t.productId, t.month, t.userKey] }),
  index('eq_licence_usage_user_idx').on(t.productId, t.userKey, t.month),
]);

/**
 * The professional group's decision on a candidate for removal: keep or remove, with a comment, who and
 * when. It concerns one stretch of inactivity (`inactiveSince`): a user who signs in again and later
 * falls idle is a new candidate, undecided.
 */
export const eqLicenceDecisions = pgTable('eq_licence_decisions', {
  id: id(), productId: uuid('product_id').notNull().references(() => eqLicenceProducts.id, { onDelete: 'cascade' }),
  userKey: text('user_key').notNull(),
  decision: licenceDecisionEnum('decision').notNull(),
  comment: text('comment'),
  /** The month of the candidate list it was made on, and the first month of the inactivity it decides. */
  month: date('month').notNull(),
  inactiveSince: date('inactive_since').notNull(),
  revision: integer('revision').notNull().default(1),
  ...recorded(),
}, (t) => [uniqueIndex('eq_licence_decisions_uq').on(t.productId, t.userKey)]);
