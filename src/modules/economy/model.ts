// Every shape of the economy API: what the routes accept (Z…Request / T…Request, the services take the
// same types) and what they answer (and the web and documents read). Amounts are integer øre in fields
// named ...Ore; report figures are whole thousands of kroner, as the papers print them.
import { z } from '@hono/zod-openapi';
import { ZCooperationQuery, ZId, ZRevision } from '../../lib/id-schemas.js';
import {
  ACTUAL_SOURCES, EXIT_SETTLEMENT_BASES, EXIT_SETTLEMENT_LINE_KINDS, EXIT_SETTLEMENT_STATUSES, FUND_KINDS, FUND_MOVEMENT_KINDS, INVESTMENT_TREATMENTS,
  LINE_KINDS, PROJECT_STATUSES, REPORT_MODES,
} from './vocabulary.js';
import { ZIsoDate } from '../../lib/date-schemas.js';

export const ZLineKind = z.enum(LINE_KINDS);
export const ZProjectStatus = z.enum(PROJECT_STATUSES);

// ---- parameters --------------------------------------------------------------------------------

/** Øre as an integer; a float or an amount past 2^53 is refused rather than rounded. */
export const ZOre = z.number({ message: 'Beløp i øre må være et heltall' }).int('Beløp i øre må være et heltall')
  .refine(Number.isSafeInteger, 'Beløpet er for stort').openapi({ example: 2_923_300_000 });
export const ZYearParam = z.object({
  year: z.coerce.number({ message: 'År må være et tall' }).int().min(1900, 'Ugyldig år').max(2200, 'Ugyldig år')
    .openapi({ param: { name: 'year', in: 'path' }, example: 2023 }),
});
export const ZAsOfQuery = ZCooperationQuery.extend({ asOf: ZIsoDate.optional() });
export const ZLinesQuery = ZCooperationQuery.extend({ kind: ZLineKind.optional() });
export const ZForecastsQuery = ZCooperationQuery.extend({ lineId: ZId.optional() });
/** The `version` a correction or deletion carries: the fingerprint of the row as the caller read it. */
export const ZVersion = z.string({ message: 'Versjonen du hentet må sendes med' }).min(1, 'Versjonen du hentet må sendes med').max(64);
export const ZVersionQuery = ZCooperationQuery.extend({ version: ZVersion });

// ---- requests ----------------------------------------------------------------------------------

export const ZCreateLineRequest = z.object({
  kind: ZLineKind,
  name: z.string().trim().min(1, 'Navn må fylles ut').max(200),
  position: z.number().int().min(0).max(10_000).optional(),
  isIncome: z.boolean().optional(),
  active: z.boolean().optional(),
  owner: z.string().trim().max(200).nullable().optional(),
  municipalityId: ZId.nullable().optional(),
  startYear: z.number().int().min(1900).max(2200).nullable().optional(),
  endYear: z.number().int().min(1900).max(2200).nullable().optional(),
  status: ZProjectStatus.nullable().optional(),
  cooperationId: ZId.optional(),
}).openapi('CreateEconomyLineRequest');
export type TCreateLineRequest = z.infer<typeof ZCreateLineRequest>;
export const ZUpdateLineRequest = ZCreateLineRequest.omit({ kind: true, cooperationId: true }).partial()
  .extend({ revision: ZRevision }).openapi('UpdateEconomyLineRequest');
export type TUpdateLineRequest = z.infer<typeof ZUpdateLineRequest>;

/** Every line of the kind, each once, in the order the papers print them (first to last). */
export const ZLineOrderRequest = z.object({
  kind: ZLineKind,
  lineIds: z.array(ZId).min(1, 'Rekkefølgen må ta med linjene av typen').max(1000),
}).openapi('EconomyLineOrderRequest');
export type TLineOrderRequest = z.infer<typeof ZLineOrderRequest>;

export const ZAccountMappingRequest = z.object({
  account: z.string().trim().max(50).nullable().optional(),
  project: z.string().trim().max(50).nullable().optional(),
  lineId: ZId,
}).openapi('AccountMappingRequest');
export type TAccountMappingRequest = z.infer<typeof ZAccountMappingRequest>;

export const ZSetBudgetRequest = z.object({ lineId: ZId, amountOre: ZOre }).openapi('SetBudgetRequest');
export type TSetBudgetRequest = z.infer<typeof ZSetBudgetRequest>;

export const ZBudgetRevisionRequest = z.object({
  lineId: ZId,
  date: ZIsoDate,
  changeOre: ZOre,
  decisionReference: z.string().trim().min(1, 'Vedtaksreferanse (saksnummer) må fylles ut').max(50),
  note: z.string().max(2000).nullable().optional(),
}).openapi('BudgetRevisionRequest');
export type TBudgetRevisionRequest = z.infer<typeof ZBudgetRevisionRequest>;

export const ZForecastRequest = z.object({
  lineId: ZId,
  date: ZIsoDate,
  amountOre: ZOre,
  comment: z.string().max(2000).nullable().optional(),
}).openapi('ForecastRequest');
export type TForecastRequest = z.infer<typeof ZForecastRequest>;

export const ZExplanationRequest = z.object({
  lineId: ZId,
  date: ZIsoDate,
  text: z.string().trim().min(1, 'Forklaringen kan ikke være tom').max(5000),
}).openapi('ExplanationRequest');
export type TExplanationRequest = z.infer<typeof ZExplanationRequest>;

export const ZManualActualRequest = z.object({
  lineId: ZId,
  period: z.number().int().min(1, 'Periode 1–12').max(12, 'Periode 1–12'),
  amountOre: ZOre,
  text: z.string().max(500).nullable().optional(),
}).openapi('ManualActualRequest');
export type TManualActualRequest = z.infer<typeof ZManualActualRequest>;

// A body with nothing but the version is refused for every PATCH by the router (server/openapi.ts).
export const ZUpdateForecastRequest = ZForecastRequest.partial().extend({ version: ZVersion }).openapi('UpdateForecastRequest');
export type TUpdateForecastRequest = z.infer<typeof ZUpdateForecastRequest>;
export const ZUpdateBudgetRevisionRequest = ZBudgetRevisionRequest.partial().extend({ version: ZVersion }).openapi('UpdateBudgetRevisionRequest');
export type TUpdateBudgetRevisionRequest = z.infer<typeof ZUpdateBudgetRevisionRequest>;
export const ZUpdateManualActualRequest = ZManualActualRequest.partial().extend({ version: ZVersion }).openapi('UpdateManualActualRequest');
export type TUpdateManualActualRequest = z.infer<typeof ZUpdateManualActualRequest>;

export const ZSetFinancingRequest = z.object({
  operatingFrameOre: ZOre,
  investmentFrameOre: ZOre,
  key: z.array(z.object({
    municipalityId: ZId,
    /** "34,1234", "34.1234" or 34.1234: at most four decimals. */
    percent: z.union([z.string(), z.number()]),
  })).min(1, 'Nøkkelen må ha minst én kommune'),
}).openapi('SetFinancingRequest');
export type TSetFinancingRequest = z.infer<typeof ZSetFinancingRequest>;

export const ZLedgerUploadRequest = z.object({
  file: z.instanceof(File, { message: 'Velg en fil (feltet file)' }).openapi({ type: 'string', format: 'binary' }),
  cooperation: ZId.optional(),
});
export type TLedgerUploadRequest = z.infer<typeof ZLedgerUploadRequest>;

export const ZPublishRequest = z.object({ meetingId: ZId, asOf: ZIsoDate }).openapi('PublishEconomyReportRequest');
export type TPublishRequest = z.infer<typeof ZPublishRequest>;

// ---- what the routes answer ----------------------------------------------------------------------

/** Handed out with every entry a person may correct: the fingerprint a correction or deletion must carry. */
const versioned = { version: z.string().openapi({ description: 'Send med ved retting og sletting; 409 om oppføringen er endret siden' }) };

export const ZAccountMapping = z.object({
  id: z.string().uuid(), cooperationId: z.string().uuid(), account: z.string().nullable(), project: z.string().nullable(), lineId: z.string().uuid(),
}).openapi('AccountMapping');

export const ZBudget = z.object({
  id: z.string().uuid(), lineId: z.string().uuid(), year: z.number().int(), amountOre: z.number().int(),
}).openapi('EconomyBudget');

export const ZBudgetRevision = z.object({
  id: z.string().uuid(),
  lineId: z.string().uuid(),
  year: z.number().int(),
  date: z.string(),
  changeOre: z.number().int(),
  decisionReference: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  revision: z.number().int(),
  ...versioned,
}).openapi('EconomyBudgetRevision');
export type TBudgetRevision = z.infer<typeof ZBudgetRevision>;

export const ZBudgets = z.object({ budgets: z.array(ZBudget), revisions: z.array(ZBudgetRevision) }).openapi('EconomyBudgets');

export const ZForecast = z.object({
  id: z.string().uuid(),
  lineId: z.string().uuid(),
  year: z.number().int(),
  date: z.string(),
  amountOre: z.number().int(),
  comment: z.string().nullable(),
  createdBy: z.string().uuid().nullable(),
  createdAt: z.string(),
  revision: z.number().int(),
  ...versioned,
}).openapi('EconomyForecast');
export type TForecast = z.infer<typeof ZForecast>;

export const ZExplanation = z.object({
  id: z.string().uuid(),
  lineId: z.string().uuid(),
  year: z.number().int(),
  date: z.string(),
  text: z.string(),
  createdAt: z.string(),
}).openapi('EconomyExplanation');

/** An actual entered by hand (`source: 'manuell'`); imported rows are listed per ledger import. */
export const ZManualActual = z.object({
  id: z.string().uuid(),
  cooperationId: z.string().uuid(),
  lineId: z.string().uuid(),
  year: z.number().int(),
  period: z.number().int(),
  amountOre: z.number().int(),
  source: z.enum(ACTUAL_SOURCES),
  importId: z.string().uuid().nullable(),
  account: z.string().nullable(),
  project: z.string().nullable(),
  text: z.string().nullable(),
  revision: z.number().int(),
  ...versioned,
}).openapi('EconomyManualActual');
export type TManualActual = z.infer<typeof ZManualActual>;

export const ZLedgerImport = z.object({
  id: z.string().uuid(),
  cooperationId: z.string().uuid(),
  year: z.number().int(),
  periods: z.array(z.number().int()),
  filename: z.string(),
  rowCount: z.number().int(),
  totalOre: z.number().int(),
  importedBy: z.string().uuid().nullable(),
  importedAt: z.string(),
}).openapi('LedgerImport');

export const ZPublication = z.object({
  id: z.string().uuid(), cooperationId: z.string().uuid(), meetingId: z.string().uuid(), year: z.number().int(), asOf: z.string(),
  publishedBy: z.string().uuid().nullable(), publishedAt: z.string(),
}).openapi('EconomyPublication');
export const ZListedPublication = ZPublication.extend({
  differsFromLive: z.boolean().openapi({ description: 'Dagens rapport pr. samme dato avviker fra den publiserte kopien' }),
}).openapi('ListedEconomyPublication');

export const ZEconomyLine = z.object({
  id: z.string().uuid(),
  cooperationId: z.string().uuid(),
  kind: ZLineKind,
  name: z.string(),
  position: z.number().int(),
  isIncome: z.boolean(),
  active: z.boolean(),
  owner: z.string().nullable(),
  municipalityId: z.string().uuid().nullable(),
  startYear: z.number().int().nullable(),
  endYear: z.number().int().nullable(),
  status: ZProjectStatus.nullable(),
  revision: z.number().int(),
}).openapi('EconomyLine');
export type TEconomyLine = z.infer<typeof ZEconomyLine>;

export const ZFigures = z.object({
  /** Regnskap: actuals up to the report date. */
  actual: z.number().int(),
  /** Årsbudsjett: the budget with the revisions decided by the report date. */
  budget: z.number().int(),
  /** Avvik: budget − forecast (budget − actuals at year end); positive = underspend. */
  deviation: z.number().int(),
  /** Prognose: the latest forecast on or before the report date (the budget when none is given). */
  forecast: z.number().int(),
}).openapi('EconomyFigures');

export const ZExactFigures = z.object({
  actualOre: z.number().int(),
  budgetOre: z.number().int(),
  deviationOre: z.number().int(),
  forecastOre: z.number().int(),
}).openapi('EconomyExactFigures');

export const ZReportRow = z.object({
  lineId: z.string().uuid(),
  name: z.string(),
  isIncome: z.boolean(),
  figures: ZFigures,
  exact: ZExactFigures,
  forecastDate: z.string().nullable(),
  forecastComment: z.string().nullable(),
  explanation: z.string().nullable(),
  /** Avvik as per mille of the budget (−32 is −3,2 %), from the exact amounts; null without a budget. */
  deviationPerMille: z.number().int().nullable(),
}).openapi('EconomyReportRow');
export type TReportRow = z.infer<typeof ZReportRow>;

export const ZReportTable = z.object({
  rows: z.array(ZReportRow),
  /** From the unrounded amounts, so it may differ by one from the sum of the printed rows. */
  sum: ZFigures,
  sumExact: ZExactFigures,
  sumDeviationPerMille: z.number().int().nullable(),
}).openapi('EconomyReportTable');
export type TReportTable = z.infer<typeof ZReportTable>;

/** Years with figures, newest first; lastPeriod: the last accounting period with actuals (null: a budget only). */
export const ZFigurePeriods = z.object({
  years: z.array(z.object({ year: z.number().int(), lastPeriod: z.number().int().nullable() })),
}).openapi('EconomyFigurePeriods');

export const ZEconomyReport = z.object({
  cooperationId: z.string().uuid(),
  year: z.number().int(),
  asOf: z.string(),
  /** `prognose` during the year (Avvik against the forecast), `arsslutt` after it (against actuals). */
  mode: z.enum(REPORT_MODES),
  unit: z.literal('tusen kr'),
  /** The last accounting period whose actuals count. */
  throughPeriod: z.number().int(),
  operating: ZReportTable,
  investment: ZReportTable,
  /**
   * The year's gross investment frame beside the investment table's budget (both exact øre), null
   * while no frame is set: a budget that differs from the frame the members pay is flagged.
   */
  investmentFrame: z.object({ frameOre: z.number().int(), budgetOre: z.number().int(), differs: z.boolean() }).nullable(),
}).openapi('EconomyReport');
export type TEconomyReport = z.infer<typeof ZEconomyReport>;

export const ZShareRow = z.object({
  municipalityId: z.string().uuid(),
  name: z.string(),
  /** The share as a decimal percent string with up to four decimals, "34.1234". */
  percent: z.string(),
  shareMillionths: z.number().int(),
  operatingOre: z.number().int(),
  investmentOre: z.number().int(),
}).openapi('FinancingShare');

export const ZFinancing = z.object({
  cooperationId: z.string().uuid(),
  year: z.number().int(),
  operatingFrameOre: z.number().int().nullable(),
  investmentFrameOre: z.number().int().nullable(),
  /** Municipality users see their own row only. In the key's order, which the cooperation sets. */
  shares: z.array(ZShareRow),
  /** Every share of the key prints with this many decimals ("18,0 %"), the sum too ("100,0 %"). */
  percentDecimals: z.number().int(),
}).openapi('Financing');
export type TFinancing = z.infer<typeof ZFinancing>;

/**
 * What a municipality user reads of the financing: their own municipality's share and nothing
 * cooperation-wide (the frames are left out; see the README's "Municipality users").
 */
export const ZMemberFinancing = ZFinancing.omit({ operatingFrameOre: true, investmentFrameOre: true }).openapi('MemberFinancing');
export type TMemberFinancing = z.infer<typeof ZMemberFinancing>;

const ZSettlementShare = z.object({
  municipalityId: z.string().uuid(),
  name: z.string(),
  percent: z.string(),
  amountOre: z.number().int(),
});

export const ZInvestmentTreatment = z.enum(INVESTMENT_TREATMENTS);

export const ZInvestmentSettlement = z.object({
  /** Every project with figures or a budget in the year (docs/decisions/0010-investment-settlement.md). */
  projects: z.array(z.object({
    lineId: z.string().uuid(),
    name: z.string(),
    status: ZProjectStatus.nullable(),
    endYear: z.number().int().nullable(),
    budgetOre: z.number().int(),
    actualOre: z.number().int(),
    /** Budget − actuals: positive = unused funds, negative = overspend. */
    balanceOre: z.number().int(),
    treatment: ZInvestmentTreatment,
  })),
  /** The balances of projects that go on, carried over to them next year (exact øre). */
  carriedOverOre: z.number().int(),
  /** The balances of finished, cancelled or ended projects, in whole thousands: + returned, − charged. */
  settledOre: z.number().int(),
  /** settledOre split by the year's key in whole thousands (largest remainder). */
  rows: z.array(ZSettlementShare),
}).openapi('InvestmentSettlement');

/** The operating part of the settlement (what the annual report's financing table prints). */
export const ZSettlement = z.object({
  cooperationId: z.string().uuid(),
  year: z.number().int(),
  asOf: z.string(),
  /** Net operating budget − net operating actuals: positive = underspend credited back to the members. */
  resultOre: z.number().int(),
  rows: z.array(ZSettlementShare),
  /** As the financing's: the decimals every share of the key prints with. */
  percentDecimals: z.number().int(),
}).openapi('Settlement');
export type TSettlement = z.infer<typeof ZSettlement>;

/** What GET …/settlement answers: the operating settlement and the investment settlement. */
export const ZYearEndSettlement = ZSettlement.extend({ investment: ZInvestmentSettlement }).openapi('YearEndSettlement');

/**
 * What a municipality user reads of a closed year's settlement: their own municipality's operating and
 * investment parts, without the cooperation's result or its projects' budgets and actuals.
 */
export const ZMemberSettlement = ZSettlement.omit({ resultOre: true })
  .extend({ investment: ZInvestmentSettlement.pick({ rows: true }) }).openapi('MemberSettlement');
export type TMemberSettlement = z.infer<typeof ZMemberSettlement>;
export type TYearEndSettlement = z.infer<typeof ZYearEndSettlement>;

export const ZImportLineTotal = z.object({
  lineId: z.string().uuid(),
  name: z.string(),
  kind: ZLineKind,
  rows: z.number().int(),
  totalOre: z.number().int(),
}).openapi('LedgerImportLineTotal');

export const ZReplacedLedgerRows = z.object({
  importId: z.string().uuid(),
  filename: z.string(),
  period: z.number().int(),
  account: z.string().nullable(),
  project: z.string().nullable(),
  lineId: z.string().uuid(),
  lineName: z.string(),
  rows: z.number().int(),
  totalOre: z.number().int(),
}).openapi('LedgerReplacedRows');

export const ZImportPreview = z.object({
  filename: z.string(),
  year: z.number().int(),
  periods: z.array(z.number().int()),
  rowCount: z.number().int(),
  totalOre: z.number().int(),
  lines: z.array(ZImportLineTotal),
  /** Imported rows already in the ledger that a commit replaces: the ones this file owns. */
  replacesRows: z.number().int(),
  /** Those rows, grouped by the import they came from, period, account, project and line. */
  replaces: z.array(ZReplacedLedgerRows),
  /** Imported rows of the same periods that stay (another kind of file, or accounts this file does not map). */
  keepsRows: z.number().int(),
}).openapi('LedgerImportPreview');
export type TImportPreview = z.infer<typeof ZImportPreview>;

export const ZCommittedImport = ZImportPreview.extend({ importId: z.string().uuid() }).openapi('CommittedLedgerImport');

// ---- funds ---------------------------------------------------------------------------------------

export const ZFundKind = z.enum(FUND_KINDS);
export const ZFundMovementKind = z.enum(FUND_MOVEMENT_KINDS);

export const ZCreateFundRequest = z.object({
  kind: ZFundKind,
  name: z.string().trim().min(1, 'Navnet må fylles ut').max(200),
}).openapi('CreateFundRequest');
export type TCreateFundRequest = z.infer<typeof ZCreateFundRequest>;

export const ZFundMovementRequest = z.object({
  kind: ZFundMovementKind,
  date: ZIsoDate,
  /** Always positive; the kind says whether it goes in (avsetning) or out (bruk). */
  amountOre: ZOre.refine((v) => v > 0, 'Beløpet må være større enn 0'),
  /** The council case that decided it; required for avsetning and bruk, not for the opening balance. */
  decisionReference: z.string().trim().max(50).nullable().optional(),
  text: z.string().trim().max(2000).nullable().optional(),
}).openapi('FundMovementRequest');
export type TFundMovementRequest = z.infer<typeof ZFundMovementRequest>;

export const ZFund = z.object({
  id: z.string().uuid(),
  kind: ZFundKind,
  name: z.string(),
}).openapi('Fund');

export const ZFundMovement = z.object({
  id: z.string().uuid(),
  fundId: z.string().uuid(),
  kind: ZFundMovementKind,
  date: z.string(),
  amountOre: z.number().int(),
  decisionReference: z.string().nullable(),
  text: z.string().nullable(),
}).openapi('FundMovement');

/** A fund's year: balance on 1.1, what went in and out during the year, balance on 31.12. */
export const ZFundYear = ZFund.extend({
  openingOre: z.number().int(),
  inOre: z.number().int(),
  outOre: z.number().int(),
  closingOre: z.number().int(),
  movements: z.array(ZFundMovement),
}).openapi('FundYear');

export const ZFundsYear = z.object({
  year: z.number().int(),
  funds: z.array(ZFundYear),
  total: z.object({ openingOre: z.number().int(), inOre: z.number().int(), outOre: z.number().int(), closingOre: z.number().int() }),
}).openapi('FundsYear');
export type TFundsYear = z.infer<typeof ZFundsYear>;

// ---- exit settlements (utmeldingsoppgjør) ---------------------------------------------------------

export const ZExitSettlementBasis = z.enum(EXIT_SETTLEMENT_BASES);
export const ZExitSettlementStatus = z.enum(EXIT_SETTLEMENT_STATUSES);
export const ZExitSettlementLineKind = z.enum(EXIT_SETTLEMENT_LINE_KINDS);

export const ZExitSettlementLineParams = z.object({
  id: ZId.openapi({ param: { name: 'id', in: 'path' } }),
  lineId: ZId.openapi({ param: { name: 'lineId', in: 'path' } }),
});

export const ZCreateExitSettlementRequest = z.object({
  municipalityId: ZId,
  /** The last day of the municipality's membership (its `left`). */
  leavingDate: ZIsoDate,
  basis: ZExitSettlementBasis,
}).openapi('CreateExitSettlementRequest');
export type TCreateExitSettlementRequest = z.infer<typeof ZCreateExitSettlementRequest>;

/** An amount the council decided, in whole kroner: + paid to the municipality, − paid by it. */
export const ZExitSettlementLineRequest = z.object({
  text: z.string().trim().min(1, 'Teksten må fylles ut').max(500),
  amountOre: ZOre.refine((v) => v !== 0, 'Beløpet kan ikke være 0'),
}).openapi('ExitSettlementLineRequest');
export type TExitSettlementLineRequest = z.infer<typeof ZExitSettlementLineRequest>;

export const ZDecideExitSettlementRequest = z.object({
  /** The council case that decided the settlement, e.g. "2019/M6-004". */
  decisionReference: z.string({ message: 'Vedtaksreferanse (saksnummer) må fylles ut' }).trim()
    .min(1, 'Vedtaksreferanse (saksnummer) må fylles ut').max(50),
}).openapi('DecideExitSettlementRequest');
export type TDecideExitSettlementRequest = z.infer<typeof ZDecideExitSettlementRequest>;

export const ZExitSettlementLine = z.object({
  /** Null for a key line of a draft: it is computed on each read and stored when the settlement is decided. */
  id: z.string().uuid().nullable(),
  kind: ZExitSettlementLineKind,
  text: z.string(),
  /** The cooperation-wide amount the share is taken of (a fund's balance, a project's balance carried over); null for a decided amount. */
  baseOre: z.number().int().nullable(),
  /** The share as a decimal percent string, "12.3457"; null for a decided amount. */
  percent: z.string().nullable(),
  amountOre: z.number().int(),
}).openapi('ExitSettlementLine');

export const ZExitSettlement = z.object({
  id: z.string().uuid(),
  municipalityId: z.string().uuid(),
  municipalityName: z.string(),
  leavingDate: z.string(),
  basis: ZExitSettlementBasis,
  status: ZExitSettlementStatus,
  decisionReference: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The year whose key the shares are taken from: the leaving date's. */
  keyYear: z.number().int(),
  /** The member's share of that key ("12.3457"), null when the basis is a decided amount only. */
  percent: z.string().nullable(),
  /** Every percent of the settlement prints with this many decimals (as the key does, at least one). */
  percentDecimals: z.number().int(),
  lines: z.array(ZExitSettlementLine),
  /** The lines' sum: + the cooperation pays the municipality, − the municipality pays the cooperation. */
  sumOre: z.number().int(),
  /** Why a draft's key lines could not be computed now (a key set again since), or null. */
  problem: z.string().nullable(),
}).openapi('ExitSettlement');
export type TExitSettlement = z.infer<typeof ZExitSettlement>;

/** A membership that has ended or will end, and its settlement if one is made. */
export const ZLeavingMember = z.object({
  municipalityId: z.string().uuid(),
  name: z.string(),
  leavingDate: z.string(),
  settlementId: z.string().uuid().nullable(),
}).openapi('LeavingMember');

export const ZExitSettlements = z.object({
  settlements: z.array(ZExitSettlement),
  /** The memberships with an end (a municipality user: its own only), newest first. */
  leaving: z.array(ZLeavingMember),
}).openapi('ExitSettlements');
export type TExitSettlements = z.infer<typeof ZExitSettlements>;
