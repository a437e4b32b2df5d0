// Every request and response schema of the equipment API (decision 0020).
import { z } from '@hono/zod-openapi';
import { ZIsoDate, ZMonth } from '../../lib/date-schemas.js';
import { ZId, ZRevision } from '../../lib/id-schemas.js';
import {
  DEVICE_CATEGORIES, DEVICE_IMPORT_FIELDS, MISSING_PURCHASE_ASSUMPTIONS, ORDER_STATES, REPLACEMENT_STAFF_STEPS, REPLACEMENT_STATES, RETIREMENT_STEPS,
} from './vocabulary.js';

const ZCategory = z.enum(DEVICE_CATEGORIES);
const ZCount = z.number().int().min(0);

// ---- the status table ----------------------------------------------------------------------------

export const ZStatusTableQuery = z.object({
  /** Without a date: the newest month an export was imported for (status.service.ts `defaultStatusDate`). */
  asOf: ZIsoDate.optional(), cooperation: ZId.optional(),
  /** One municipality's rows (and its Sum); a municipality user's own is the only one they may name. */
  municipalityId: ZId.optional(),
});

export const ZStatusTableRow = z.object({
  municipalityId: ZId, municipality: z.string(), category: ZCategory,
  /** Signed in during the month and expired before this year (Utgått <last year>). */
  expired: ZCount,
  /** Signed in during the month and expiring this year (Utgår <this year>). */
  expiring: ZCount,
  inStock: ZCount,
  /** The date of the stock count used; null when none was made on or before the date. */
  stockCountedOn: z.string().nullable(),
  orderedNotDelivered: ZCount,
  mustOrder: ZCount,
  /** Of the expired and expiring, how many had no purchase date and were assumed by the rule. */
  assumedPurchase: ZCount,
}).openapi('EquipmentStatusRow');
export type TStatusTableRow = z.infer<typeof ZStatusTableRow>;

const ZStatusSum = z.object({
  expired: ZCount, expiring: ZCount, inStock: ZCount, orderedNotDelivered: ZCount, mustOrder: ZCount, assumedPurchase: ZCount,
});

export const ZStatusTable = z.object({
  asOf: z.string(),
  /** The month whose sign-ins count, "2023-11". */
  month: z.string(),
  lastYear: z.number().int(),
  thisYear: z.number().int(),
  rows: z.array(ZStatusTableRow),
  /** Må bestilles per municipality, both categories together (the paper's last column). */
  municipalities: z.array(z.object({ municipalityId: ZId, municipality: z.string(), mustOrder: ZCount })),
  sum: ZStatusSum,
}).openapi('EquipmentStatusTable');
export type TStatusTable = z.infer<typeof ZStatusTable>;

// ---- devices ---------------------------------------------------------------------------------------

export const ZDeviceListQuery = z.object({
  cooperation: ZId.optional(), municipalityId: ZId.optional(), category: ZCategory.optional(),
  /** Only devices seen signed in during this month. */
  month: ZMonth.optional(), search: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TDeviceListQuery = z.infer<typeof ZDeviceListQuery>;

export const ZDevice = z.object({
  id: ZId, serial: z.string(), name: z.string().nullable(), model: z.string().nullable(), manufacturer: z.string().nullable(),
  municipalityId: ZId, municipality: z.string(), category: ZCategory, primaryUser: z.string().nullable(),
  enrolledOn: z.string().nullable(), lastSignInAt: z.string().nullable(), purchasedOn: z.string().nullable(),
  expiryYear: z.number().int(), purchaseAssumed: z.boolean(),
  /** The newest retirement step, when the device is being retired. */
  retirement: z.enum(RETIREMENT_STEPS).nullable(),
}).openapi('EquipmentDevice');
export type TDevice = z.infer<typeof ZDevice>;

export const ZDeviceList = z.object({ devices: z.array(ZDevice), total: z.number().int() }).openapi('EquipmentDeviceList');

// ---- import --------------------------------------------------------------------------------------

export const ZDeviceImportMapping = z.object({
  /** Our field → the header in the export. */
  columns: z.partialRecord(z.enum(DEVICE_IMPORT_FIELDS), z.string().trim().min(1).max(200)).default({}),
  /** The export's ownership / enrolment-profile label → our category ("Corporate" → ansatt, "Skole" → elev). */
  categories: z.record(z.string().max(200), ZCategory).default({}),
  /** The category of a row whose cell is empty or absent; none: such a row is an error. */
  defaultCategory: ZCategory.nullable().default(null),
  /** The municipality of every row of an export that has no municipality column (one tenant per municipality). */
  municipalityId: ZId.nullable().default(null),
}).openapi('DeviceImportMapping');
export type TDeviceImportMapping = z.output<typeof ZDeviceImportMapping>;

export const ZSavedDeviceImportMapping = z.object({ source: z.string(), mapping: ZDeviceImportMapping, updatedAt: z.string() })
  .openapi('SavedDeviceImportMapping');

export const ZImportSourceParam = z.object({
  source: z.string().trim().min(1, 'Må fylles ut').max(100).regex(/^[\p{L}\p{N} ._-]+$/u, 'Bokstaver, tall, mellomrom, punktum, bindestrek')
    .openapi({ param: { name: 'source', in: 'path' } }),
});

export const ZDeviceUpload = z.object({
  file: z.instanceof(File, { message: 'Velg en fil (feltet file)' }).openapi({ type: 'string', format: 'binary' }),
  /** The month the export covers: its rows signed in during it count in that month's table. */
  month: ZMonth,
  source: z.string().trim().min(1).max(100).optional(),
  cooperation: ZId.optional(),
});

export const ZDeviceImportPreview = z.object({
  month: z.string(),
  rows: ZCount,
  newDevices: ZCount,
  updatedDevices: ZCount,
  /** Rows whose last sign-in falls in the month (all rows when the export has no sign-in column). */
  signedIn: ZCount,
  withoutPrimaryUser: ZCount,
  withoutPurchaseDate: ZCount,
  sample: z.array(z.object({
    row: z.number().int(), serial: z.string(), municipality: z.string(), category: ZCategory, model: z.string().nullable(),
    primaryUser: z.string().nullable(), signedIn: z.boolean(), isNew: z.boolean(),
  })),
}).openapi('DeviceImportPreview');
export type TDeviceImportPreview = z.infer<typeof ZDeviceImportPreview>;

// ---- stock, orders, rules, retirement --------------------------------------------------------------

export const ZCreateStockCountRequest = z.object({
  municipalityId: ZId, category: ZCategory, count: ZCount.max(100_000), countedOn: ZIsoDate,
}).openapi('CreateStockCountRequest');
export type TCreateStockCountRequest = z.infer<typeof ZCreateStockCountRequest>;

export const ZStockCount = ZCreateStockCountRequest.extend({
  id: ZId, municipality: z.string(), countedByName: z.string(), recordedAt: z.string(),
}).openapi('StockCount');

export const ZCreateOrderRequest = z.object({
  municipalityId: ZId, category: ZCategory, quantity: z.number().int().min(1).max(100_000),
  model: z.string().trim().max(200).nullable().default(null), reference: z.string().trim().max(200).nullable().default(null),
  orderedOn: ZIsoDate,
}).openapi('CreateEquipmentOrderRequest');
export type TCreateOrderRequest = z.infer<typeof ZCreateOrderRequest>;

export const ZOrderStepRequest = z.object({
  state: z.enum(ORDER_STATES).exclude(['ordered']), on: ZIsoDate, revision: ZRevision,
}).openapi('EquipmentOrderStepRequest');
export type TOrderStepRequest = z.infer<typeof ZOrderStepRequest>;

export const ZOrder = z.object({
  id: ZId, municipalityId: ZId, municipality: z.string(), category: ZCategory, quantity: z.number().int(),
  model: z.string().nullable(), reference: z.string().nullable(), state: z.enum(ORDER_STATES), revision: z.number().int(),
  steps: z.array(z.object({ state: z.enum(ORDER_STATES), on: z.string(), actorName: z.string(), recordedAt: z.string() })),
}).openapi('EquipmentOrder');
export type TOrder = z.infer<typeof ZOrder>;

export const ZOrderListQuery = z.object({ cooperation: ZId.optional(), state: z.enum(ORDER_STATES).optional() });

export const ZLifecycleRule = z.object({
  municipalityId: ZId, category: ZCategory, years: z.number().int().min(1).max(15),
  whenPurchaseMissing: z.enum(MISSING_PURCHASE_ASSUMPTIONS),
}).openapi('EquipmentLifecycleRule');
export type TLifecycleRule = z.infer<typeof ZLifecycleRule>;

export const ZRetirementStepRequest = z.object({
  step: z.enum(RETIREMENT_STEPS), on: ZIsoDate, note: z.string().trim().max(500).nullable().default(null),
}).refine((r) => r.step !== 'wiped' || !!r.note, { message: 'Sletting krever dokumentasjon (f.eks. rapport-id fra sletteverktøyet)', path: ['note'] })
  .openapi('RetirementStepRequest');
export type TRetirementStepRequest = z.infer<typeof ZRetirementStepRequest>;

/** The same retirement step for several devices at once; all or none. */
export const ZRetirementBatchRequest = z.object({
  deviceIds: z.array(ZId).min(1, 'Velg minst én PC').max(200, 'Høyst 200 PC-er om gangen')
    .refine((ids) => new Set(ids).size === ids.length, 'Samme PC er valgt to ganger'),
  step: z.enum(RETIREMENT_STEPS), on: ZIsoDate, note: z.string().trim().max(500).nullable().default(null),
}).refine((r) => r.step !== 'wiped' || !!r.note, { message: 'Sletting krever dokumentasjon (f.eks. rapport-id fra sletteverktøyet)', path: ['note'] })
  .openapi('RetirementBatchRequest');
export type TRetirementBatchRequest = z.output<typeof ZRetirementBatchRequest>;

export const ZRetirementStepDone = z.object({ deviceId: ZId, serial: z.string(), step: z.enum(RETIREMENT_STEPS), on: z.string() }).openapi('RetirementStep');

export const ZYearTotals = z.object({
  year: z.number().int(), ordered: ZCount, delivered: ZCount, rolledOut: ZCount, inStockAtYearEnd: ZCount, retired: ZCount,
}).openapi('EquipmentYearTotals');
export type TYearTotals = z.infer<typeof ZYearTotals>;

// ---- the replacement campaign ------------------------------------------------------------------------

const ZModelName = z.string().trim().min(1, 'Må fylles ut').max(200);
const ZUnit = z.string().trim().min(1, 'Må fylles ut').max(200);

export const ZCampaignRequest = z.object({
  active: z.boolean(),
  /** The standard models of the cooperation's catalogue the municipality's users may choose from. */
  standardModels: z.array(ZModelName).max(50).default([]),
  /** Days an invited user who neither orders nor defers waits between reminders (replacement-reminders.service.ts). */
  userReminderDays: z.number().int().min(1, 'Minst 1').max(90, 'Høyst 90').default(7),
  /** Days a request waits for its approver, and between reminders, before the approver is reminded. */
  approvalReminderDays: z.number().int().min(1, 'Minst 1').max(30, 'Høyst 30').default(3),
}).openapi('EquipmentCampaignRequest');
export type TCampaignRequest = z.output<typeof ZCampaignRequest>;

export const ZCampaign = z.object({
  municipalityId: ZId, municipality: z.string(), active: z.boolean(), standardModels: z.array(z.string()),
  userReminderDays: z.number().int(), approvalReminderDays: z.number().int(),
  changedByName: z.string(), changedAt: z.string(),
}).openapi('EquipmentCampaign');
export type TCampaign = z.infer<typeof ZCampaign>;

export const ZMunicipalityParam = z.object({ municipalityId: ZId.openapi({ param: { name: 'municipalityId', in: 'path' } }) });

export const ZApproverRequest = z.object({
  municipalityId: ZId,
  /** Null: the municipality's fallback approver, for a unit without its own. */
  unit: ZUnit.nullable().default(null),
  name: z.string().trim().min(1, 'Må fylles ut').max(200),
  email: z.string().trim().toLowerCase().email('Ugyldig e-postadresse').max(200),
}).openapi('EquipmentApproverRequest');
export type TApproverRequest = z.output<typeof ZApproverRequest>;

export const ZApprover = ZApproverRequest.extend({ municipality: z.string() }).openapi('EquipmentApprover');
export type TApprover = z.infer<typeof ZApprover>;

export const ZInviteRequest = z.object({
  /** The users of PCs expired before this date's year and signed in during its month are invited. */
  asOf: ZIsoDate,
}).openapi('EquipmentInviteRequest');
export type TInviteRequest = z.infer<typeof ZInviteRequest>;

export const ZInviteResult = z.object({ invited: ZCount, alreadyUnderway: ZCount, withoutUser: ZCount }).openapi('EquipmentInviteResult');

export const ZReplacement = z.object({
  id: ZId, municipalityId: ZId, municipality: z.string(), state: z.enum(REPLACEMENT_STATES), revision: z.number().int(),
  device: z.object({ id: ZId, serial: z.string(), name: z.string().nullable(), model: z.string().nullable(), expiryYear: z.number().int() }),
  newDeviceSerial: z.string().nullable(),
  /** The day a deferral ends and the reminders start again; null when not deferred or deferred without an end. */
  deferredUntil: z.string().nullable(),
  /** What may happen next, so the pages never re-derive the state machine: the user's moves and staff's step. */
  canOrder: z.boolean(), canDefer: z.boolean(), nextStep: z.enum(REPLACEMENT_STAFF_STEPS).nullable(),
  userEmail: z.string(), model: z.string().nullable(), unit: z.string().nullable(),
  approverName: z.string().nullable(), approverEmail: z.string().nullable(),
  /** The standard models the user may choose from (the campaign's). */
  standardModels: z.array(z.string()),
  steps: z.array(z.object({ state: z.enum(REPLACEMENT_STATES), on: z.string(), note: z.string().nullable(), actorName: z.string(), recordedAt: z.string() })),
}).openapi('EquipmentReplacement');
export type TReplacement = z.infer<typeof ZReplacement>;

export const ZReplacementListQuery = z.object({ cooperation: ZId.optional(), state: z.enum(REPLACEMENT_STATES).optional() });

export const ZReplacementOrderRequest = z.object({
  model: ZModelName, unit: ZUnit.nullable().default(null), revision: ZRevision,
}).openapi('EquipmentReplacementOrderRequest');
export type TReplacementOrderRequest = z.output<typeof ZReplacementOrderRequest>;

export const ZReplacementDeferRequest = z.object({
  reason: z.string().trim().min(1, 'Skriv hvorfor').max(500), revision: ZRevision,
  /** The deferral's end: the user's reminders start again on this day; null defers without an end (no reminders). */
  until: ZIsoDate.nullable().default(null),
}).openapi('EquipmentReplacementDeferRequest');
export type TReplacementDeferRequest = z.output<typeof ZReplacementDeferRequest>;

export const ZReplacementDecisionRequest = z.object({
  /** The token of the mail's link: whoever holds it decides, once. */
  token: z.string().trim().min(20, 'Ugyldig lenke').max(200),
  decision: z.enum(['approved', 'rejected']),
  comment: z.string().trim().max(1000).nullable().default(null),
}).refine((r) => r.decision !== 'rejected' || !!r.comment, { message: 'Skriv en begrunnelse for avslaget', path: ['comment'] })
  .openapi('EquipmentReplacementDecisionRequest');
export type TReplacementDecisionRequest = z.output<typeof ZReplacementDecisionRequest>;

/** The approver's decision on the web, signed in with the address the request went to. */
export const ZReplacementWebDecisionRequest = z.object({
  decision: z.enum(['approved', 'rejected']),
  comment: z.string().trim().max(1000).nullable().default(null),
  revision: ZRevision,
}).refine((r) => r.decision !== 'rejected' || !!r.comment, { message: 'Skriv en begrunnelse for avslaget', path: ['comment'] })
  .openapi('EquipmentReplacementWebDecisionRequest');
export type TReplacementWebDecisionRequest = z.output<typeof ZReplacementWebDecisionRequest>;

export const ZReplacementDecisionLookupRequest = z.object({
  token: z.string().trim().min(20, 'Ugyldig lenke').max(200),
}).openapi('EquipmentReplacementDecisionLookupRequest');
export type TReplacementDecisionLookupRequest = z.infer<typeof ZReplacementDecisionLookupRequest>;

/**
 * What the manager sees before deciding: who asks, for which model, in place of which PC. No more than
 * the approval mail already says, since the link's holder needs no account.
 */
export const ZReplacementDecisionCase = z.object({
  municipality: z.string(), requestedBy: z.string(), userEmail: z.string(), requestedOn: z.string(),
  model: z.string(), unit: z.string().nullable(), approverName: z.string(),
  device: z.object({ serial: z.string(), model: z.string().nullable(), expiryYear: z.number().int() }),
}).openapi('EquipmentReplacementDecisionCase');
export type TReplacementDecisionCase = z.infer<typeof ZReplacementDecisionCase>;

export const ZReplacementStepRequest = z.object({
  state: z.enum(REPLACEMENT_STAFF_STEPS), on: ZIsoDate, revision: ZRevision,
  note: z.string().trim().max(500).nullable().default(null),
  /** Handed over: the new PC's serial (a device already imported), linked to the user. */
  newDeviceSerial: z.string().trim().min(1).max(200).nullable().default(null),
}).refine((r) => r.state !== 'old_wiped' || !!r.note, { message: 'Sletting krever dokumentasjon (f.eks. rapport-id fra sletteverktøyet)', path: ['note'] })
  .refine((r) => r.state !== 'handed_over' || !!r.newDeviceSerial, { message: 'Oppgi serienummeret til den nye PC-en', path: ['newDeviceSerial'] })
  .openapi('EquipmentReplacementStepRequest');
export type TReplacementStepRequest = z.output<typeof ZReplacementStepRequest>;
