// Every request and response schema of the licence API (decision 0020; the licences are equipment's
// sub-aggregate, so their schemas sit beside their services). Decision 0041 says why the figures are
// what they are.
import { z } from '@hono/zod-openapi';
import { ZIsoDate, ZMonth } from '../../../lib/date-schemas.js';
import { ZId, ZRevision } from '../../../lib/id-schemas.js';
import { DEFAULT_INACTIVE_MONTHS, LICENCE_DECISIONS, LICENCE_IMPORT_FIELDS } from '../vocabulary.js';

const ZCount = z.number().int().min(0);
const ZProductName = z.string().trim().min(1, 'Må fylles ut').max(200);
const ZInactiveMonths = z.number().int().min(1, 'Minst 1 måned').max(24, 'Høyst 24 måneder');

// ---- products and contracts --------------------------------------------------------------------------

export const ZCreateLicenceProductRequest = z.object({
  name: ZProductName,
  /** Months without a sign-in that make a licence a candidate for removal. */
  inactiveMonths: ZInactiveMonths.default(DEFAULT_INACTIVE_MONTHS),
}).openapi('CreateLicenceProductRequest');
export type TCreateLicenceProductRequest = z.output<typeof ZCreateLicenceProductRequest>;

export const ZUpdateLicenceProductRequest = z.object({
  name: ZProductName.optional(), inactiveMonths: ZInactiveMonths.optional(), revision: ZRevision,
}).openapi('UpdateLicenceProductRequest');
export type TUpdateLicenceProductRequest = z.infer<typeof ZUpdateLicenceProductRequest>;

export const ZLicenceContractRequest = z.object({
  /** Null: the count shared by the members that have none of their own. */
  municipalityId: ZId.nullable(),
  count: ZCount.max(1_000_000),
  /** From this day the count is in force; a contract change is a new count from its date. */
  validFrom: ZIsoDate,
}).openapi('LicenceContractRequest');
export type TLicenceContractRequest = z.infer<typeof ZLicenceContractRequest>;

export const ZLicenceContract = ZLicenceContractRequest.extend({
  id: ZId, municipality: z.string().nullable(), recordedByName: z.string(), recordedAt: z.string(),
}).openapi('LicenceContract');
export type TLicenceContract = z.infer<typeof ZLicenceContract>;

export const ZLicenceProduct = z.object({
  id: ZId, name: z.string(), inactiveMonths: z.number().int(), revision: z.number().int(),
  /** The contracted counts, newest first (a municipality user sees their own and the shared ones). */
  contracts: z.array(ZLicenceContract),
  /** The months imported, newest first ("2024-11"). */
  months: z.array(z.string()),
}).openapi('LicenceProduct');
export type TLicenceProduct = z.infer<typeof ZLicenceProduct>;

export const ZLicenceProductList = z.object({ products: z.array(ZLicenceProduct) }).openapi('LicenceProductList');

// ---- import ------------------------------------------------------------------------------------------

export const ZLicenceImportMapping = z.object({
  /** Our field → the header in the export. */
  columns: z.partialRecord(z.enum(LICENCE_IMPORT_FIELDS), z.string().trim().min(1).max(200)).default({}),
  /** The municipality of every row of an export that has no municipality column (one per municipality). */
  municipalityId: ZId.nullable().default(null),
}).openapi('LicenceImportMapping');
export type TLicenceImportMapping = z.output<typeof ZLicenceImportMapping>;

export const ZSavedLicenceImportMapping = z.object({ source: z.string(), mapping: ZLicenceImportMapping, updatedAt: z.string() })
  .openapi('SavedLicenceImportMapping');

export const ZLicenceUpload = z.object({
  file: z.instanceof(File, { message: 'Velg en fil (feltet file)' }).openapi({ type: 'string', format: 'binary' }),
  productId: ZId,
  /** The month the export covers; importing it again replaces that product's month whole. */
  month: ZMonth,
  source: z.string().trim().min(1).max(100).optional(),
  cooperation: ZId.optional(),
});

export const ZLicenceImportPreview = z.object({
  productId: ZId, product: z.string(), month: z.string(),
  rows: ZCount,
  /** Users after rows of one user are merged (a sign-in log lists a user once per sign-in). */
  users: ZCount,
  active: ZCount,
  inactive: ZCount,
  /** The month's earlier import, which this one replaces whole; null when the month is new. */
  replaces: z.object({ filename: z.string(), users: ZCount, active: ZCount, importedByName: z.string(), importedAt: z.string() }).nullable(),
  municipalities: z.array(z.object({ municipalityId: ZId, municipality: z.string(), users: ZCount, active: ZCount })),
  sample: z.array(z.object({
    row: z.number().int(), user: z.string(), municipality: z.string(), signIns: z.number().int().nullable(),
    lastSignInOn: z.string().nullable(), active: z.boolean(),
  })),
}).openapi('LicenceImportPreview');
export type TLicenceImportPreview = z.infer<typeof ZLicenceImportPreview>;

// ---- the month view and the candidates ---------------------------------------------------------------

export const ZLicenceMonthQuery = z.object({
  cooperation: ZId.optional(),
  /** Without a month: the newest imported one. */
  month: ZMonth.optional(),
  /** One municipality's row; a municipality user's own is the only one they may name. */
  municipalityId: ZId.optional(),
});

const ZLicenceFigures = z.object({
  /** The contracted count in force on the month's last day; null when there is none. */
  contracted: ZCount.nullable(),
  /** Users signed in during the month. */
  active: ZCount,
  /** Users the export listed (holding a licence), active or not. */
  listed: ZCount,
  /** Active − contracted: above zero over the contract, below under it; null without a count. */
  difference: z.number().int().nullable(),
  /** Users not signed in for the product's number of months or more. */
  candidates: ZCount,
});

export const ZLicenceMonthRow = ZLicenceFigures.extend({
  municipalityId: ZId, municipality: z.string(),
  /** The row's users count against the shared count (the municipality has none of its own). */
  inShared: z.boolean(),
}).openapi('LicenceMonthRow');

export const ZLicenceMonth = z.object({
  productId: ZId, product: z.string(), inactiveMonths: z.number().int(),
  /** The month shown; null when nothing is imported yet. */
  month: z.string().nullable(),
  rows: z.array(ZLicenceMonthRow),
  /** The shared count against the active users of the members without their own; null without one (and for a municipality user). */
  shared: ZLicenceFigures.nullable(),
  sum: ZLicenceFigures,
  /** The twelve months up to the month: active users and the contracted count, for the same rows. */
  trend: z.array(z.object({ month: z.string(), active: ZCount.nullable(), contracted: ZCount.nullable() })),
}).openapi('LicenceMonth');
export type TLicenceMonth = z.infer<typeof ZLicenceMonth>;
export type TLicenceFigures = z.infer<typeof ZLicenceFigures>;

export const ZLicenceDecision = z.object({
  decision: z.enum(LICENCE_DECISIONS), comment: z.string().nullable(), month: z.string(),
  decidedByName: z.string(), decidedAt: z.string(), revision: z.number().int(),
}).openapi('LicenceDecision');

export const ZLicenceCandidate = z.object({
  user: z.string(), municipalityId: ZId, municipality: z.string(),
  /** The newest month any import shows the user signed in ("2024-03"); null when none has. */
  lastActiveMonth: z.string().nullable(),
  /** The newest last sign-in any import gave; null when none did (or the exports count sign-ins only). */
  lastSignInOn: z.string().nullable(),
  /** The first month of the inactivity ("2024-03"). */
  inactiveSince: z.string(),
  monthsInactive: z.number().int(),
  /** The professional group's decision on this stretch of inactivity; null while undecided. */
  decision: ZLicenceDecision.nullable(),
}).openapi('LicenceCandidate');
export type TLicenceCandidate = z.infer<typeof ZLicenceCandidate>;

export const ZLicenceCandidates = z.object({
  productId: ZId, product: z.string(), inactiveMonths: z.number().int(), month: z.string().nullable(),
  candidates: z.array(ZLicenceCandidate),
}).openapi('LicenceCandidates');
export type TLicenceCandidates = z.infer<typeof ZLicenceCandidates>;

export const ZLicenceDecisionRequest = z.object({
  /** The candidate's UPN, as the list gives it. */
  user: z.string().trim().toLowerCase().min(1, 'Må fylles ut').max(200),
  decision: z.enum(LICENCE_DECISIONS),
  comment: z.string().trim().max(1000).nullable().default(null),
  /** The decision's revision when changing one already made on this candidate; left out for a first decision. */
  revision: ZRevision.optional(),
}).openapi('LicenceDecisionRequest');
export type TLicenceDecisionRequest = z.output<typeof ZLicenceDecisionRequest>;
