// The shapes the economy API answers with (and the web and documents read). Amounts are integer øre in
// fields named ...Ore; report figures are whole thousands of kroner, as the papers print them.
import { z } from '@hono/zod-openapi';

export const ZLineKind = z.enum(['drift', 'investering']);
export const ZProjectStatus = z.enum(['planlagt', 'pagar', 'avsluttet', 'avlyst']);

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
}).openapi('EconomyReportRow');
export type TReportRow = z.infer<typeof ZReportRow>;

export const ZReportTable = z.object({
  rows: z.array(ZReportRow),
  /** From the unrounded amounts, so it may differ by one from the sum of the printed rows. */
  sum: ZFigures,
  sumExact: ZExactFigures,
}).openapi('EconomyReportTable');
export type TReportTable = z.infer<typeof ZReportTable>;

export const ZEconomyReport = z.object({
  cooperationId: z.string().uuid(),
  year: z.number().int(),
  asOf: z.string(),
  /** `prognose` during the year (Avvik against the forecast), `arsslutt` after it (against actuals). */
  mode: z.enum(['prognose', 'arsslutt']),
  unit: z.literal('tusen kr'),
  /** The last accounting period whose actuals count. */
  throughPeriod: z.number().int(),
  operating: ZReportTable,
  investment: ZReportTable,
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
  /** Municipality users see their own row only. */
  shares: z.array(ZShareRow),
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

/** `overfores`: the balance stays with the project into next year; `avregnes`: settled with the members now. */
export const ZInvestmentTreatment = z.enum(['overfores', 'avregnes']);

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

export const ZImportPreview = z.object({
  filename: z.string(),
  year: z.number().int(),
  periods: z.array(z.number().int()),
  rowCount: z.number().int(),
  totalOre: z.number().int(),
  lines: z.array(ZImportLineTotal),
  /** Rows already in the ledger for these periods that a commit replaces. */
  replacesRows: z.number().int(),
}).openapi('LedgerImportPreview');
export type TImportPreview = z.infer<typeof ZImportPreview>;
