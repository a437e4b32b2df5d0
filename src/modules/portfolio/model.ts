// The portfolio's API shapes: every request and response schema its routes show (decision 0020).
import { z } from '@hono/zod-openapi';
import { ZId } from '../../lib/id-schemas.js';
import { ZRevision } from '../../lib/id-schemas.js';
import { ZIsoDate } from '../../lib/date-schemas.js';
import { ZFigures } from '../economy/model.js';
import { REPORT_MODES } from '../economy/vocabulary.js';
import {
  COST_EVENT_KINDS, COST_MODELS, DECISION_OUTCOMES, PIPELINE_STEPS, PROCUREMENT_STAGES, PROJECT_PHASES, PROPOSAL_STAGES, WEEK_STATUSES,
} from './vocabulary.js';
import { isRealWeek } from './weeks.js';

const ZText = (max: number) => z.string().trim().min(1, 'Må fylles ut').max(max);
const ZOptionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const ZInstant = z.string().datetime({ offset: true, message: 'Tidspunkt som ISO 8601, f.eks. 2023-12-01T14:00:00+01:00' });

export const ZWeek = z.string()
  .refine(isRealWeek, 'Uke som ÅÅÅÅ-Wnn (ISO-uke), f.eks. 2023-W48')
  .openapi({ example: '2023-W48', description: 'ISO-uke på norsk kalender' });

export const ZWeekParam = z.object({ week: ZWeek.openapi({ param: { name: 'week', in: 'path' } }) });
export const ZProjectWeekParam = z.object({
  id: ZId.openapi({ param: { name: 'id', in: 'path' } }),
  week: ZWeek.openapi({ param: { name: 'week', in: 'path' } }),
});

// ── Project kinds ──────────────────────────────────────────────────────────────────────────────────

export const ZCreateProjectKindRequest = z.object({
  name: ZText(100),
  weeklyStatus: z.boolean().default(false),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
}).openapi('CreateProjectKindRequest');
export type TCreateProjectKindRequest = z.infer<typeof ZCreateProjectKindRequest>;

export const ZProjectKind = z.object({
  id: ZId, name: z.string(), weeklyStatus: z.boolean(), sortOrder: z.number().int(),
}).openapi('ProjectKind');
export type TProjectKind = z.infer<typeof ZProjectKind>;
export const ZProjectKindList = z.object({ kinds: z.array(ZProjectKind) }).openapi('ProjectKindList');

// ── Projects ───────────────────────────────────────────────────────────────────────────────────────

export const ZCreateProjectRequest = z.object({
  kindId: ZId,
  title: ZText(200),
  /** Null or left out: every member municipality («Alle»). */
  municipalityId: ZId.nullable().optional(),
  owner: ZOptionalText(200),
  phase: z.enum(PROJECT_PHASES).default('ide'),
  economyLineId: ZId.nullable().optional(),
  benefits: ZOptionalText(5_000),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
}).openapi('CreateProjectRequest');
export type TCreateProjectRequest = z.infer<typeof ZCreateProjectRequest>;

export const ZUpdateProjectRequest = z.object({
  revision: ZRevision,
  title: ZText(200).optional(),
  municipalityId: ZId.nullable().optional(),
  owner: ZOptionalText(200),
  phase: z.enum(PROJECT_PHASES).optional(),
  economyLineId: ZId.nullable().optional(),
  benefits: ZOptionalText(5_000),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
}).openapi('UpdateProjectRequest');
export type TUpdateProjectRequest = z.infer<typeof ZUpdateProjectRequest>;

export const ZProject = z.object({
  id: ZId,
  kindId: ZId,
  kindName: z.string(),
  weeklyStatus: z.boolean(),
  title: z.string(),
  municipalityId: ZId.nullable(),
  /** «Alle» when the project serves every member. */
  municipalityName: z.string(),
  owner: z.string().nullable(),
  phase: z.enum(PROJECT_PHASES),
  economyLineId: ZId.nullable(),
  benefits: z.string().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  revision: z.number().int(),
}).openapi('Project');
export type TProject = z.infer<typeof ZProject>;

export const ZListProjectsQuery = z.object({
  cooperation: ZId.optional(),
  kind: ZId.optional(),
  /** Include closed (inactive) projects. */
  all: z.enum(['true', 'false']).optional(),
});
export type TListProjectsQuery = z.infer<typeof ZListProjectsQuery>;
export const ZProjectList = z.object({ projects: z.array(ZProject) }).openapi('ProjectList');

// ── Weekly status ──────────────────────────────────────────────────────────────────────────────────

export const ZSetWeekStatusRequest = z.object({
  status: z.enum(WEEK_STATUSES),
  comment: z.string().trim().max(5_000).default(''),
  /** The revision of this week's status as read; null when there was none yet (a second writer gets 409). */
  revision: ZRevision.nullable(),
}).openapi('SetWeekStatusRequest');
export type TSetWeekStatusRequest = z.infer<typeof ZSetWeekStatusRequest>;

export const ZWeekStatus = z.object({
  projectId: ZId,
  week: z.string(),
  status: z.enum(WEEK_STATUSES),
  comment: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  revision: z.number().int(),
}).openapi('WeekStatus');
export type TWeekStatus = z.infer<typeof ZWeekStatus>;

/** A project's line in the table for one week. */
export const ZWeekTableRow = z.object({
  projectId: ZId,
  title: z.string(),
  municipalityName: z.string(),
  /** Null: the project has never reported a status. */
  status: z.enum(WEEK_STATUSES).nullable(),
  comment: z.string(),
  /** False when the status and comment are carried forward from `fromWeek` as a draft: «ikke oppdatert denne uken». */
  updatedThisWeek: z.boolean(),
  /** The week the status and comment were written for (this week, or the one carried forward from). */
  fromWeek: z.string().nullable(),
  /** This week's stored revision, to send back when saving; null while only a draft. */
  revision: z.number().int().nullable(),
}).openapi('WeekTableRow');
export type TWeekTableRow = z.infer<typeof ZWeekTableRow>;

export const ZWeekTable = z.object({
  week: z.string(),
  weekNumber: z.number().int(),
  /** The table's caption and column heads as the paper prints them («Kommentar uke 48»). */
  columns: z.array(z.string()),
  rows: z.array(ZWeekTableRow),
}).openapi('WeekTable');
export type TWeekTable = z.infer<typeof ZWeekTable>;

export const ZHistoryQuery = z.object({
  cooperation: ZId.optional(),
  from: ZWeek,
  to: ZWeek,
});
export type THistoryQuery = z.infer<typeof ZHistoryQuery>;

export const ZStatusHistory = z.object({
  weeks: z.array(z.string()),
  projects: z.array(z.object({
    projectId: ZId,
    title: z.string(),
    municipalityName: z.string(),
    /** One per week of `weeks`; null where nothing was written that week. */
    cells: z.array(z.object({ status: z.enum(WEEK_STATUSES), comment: z.string() }).nullable()),
  })),
}).openapi('StatusHistory');
export type TStatusHistory = z.infer<typeof ZStatusHistory>;

// ── Procurements ───────────────────────────────────────────────────────────────────────────────────

export const ZCreateProcurementRequest = z.object({
  title: ZText(200),
  projectId: ZId.nullable().optional(),
  stage: z.enum(['behov', 'kunngjort', 'tilbudsfrist', 'evaluering']).default('behov'),
  doffinReference: ZOptionalText(100),
  tenderDeadline: ZInstant.nullable().optional(),
  /** The minimum standstill in calendar days for this procurement, and the rule that sets it. */
  standstillDays: z.number().int().min(1).max(60).optional(),
  standstillRule: ZText(500).optional(),
  note: ZOptionalText(5_000),
}).openapi('CreateProcurementRequest');
export type TCreateProcurementRequest = z.infer<typeof ZCreateProcurementRequest>;

/** Moves a procurement before the award: its stage and what each stage records. */
export const ZUpdateProcurementRequest = z.object({
  revision: ZRevision,
  title: ZText(200).optional(),
  projectId: ZId.nullable().optional(),
  stage: z.enum(['behov', 'kunngjort', 'tilbudsfrist', 'evaluering']).optional(),
  doffinReference: ZOptionalText(100),
  tenderDeadline: ZInstant.nullable().optional(),
  standstillDays: z.number().int().min(1).max(60).optional(),
  standstillRule: ZText(500).optional(),
  note: ZOptionalText(5_000),
}).openapi('UpdateProcurementRequest');
export type TUpdateProcurementRequest = z.infer<typeof ZUpdateProcurementRequest>;

export const ZAwardRequest = z.object({
  revision: ZRevision,
  supplier: ZText(200),
  /** When the award notice went to every bidder; the standstill is counted from the next day. */
  sentAt: ZInstant,
}).openapi('AwardProcurementRequest');
export type TAwardRequest = z.infer<typeof ZAwardRequest>;

export const ZSignContractRequest = z.object({
  revision: ZRevision,
  /** When the contract is signed; left out, now. */
  signedAt: ZInstant.optional(),
}).openapi('SignContractRequest');
export type TSignContractRequest = z.infer<typeof ZSignContractRequest>;

export const ZProcurement = z.object({
  id: ZId,
  title: z.string(),
  projectId: ZId.nullable(),
  projectTitle: z.string().nullable(),
  stage: z.enum(PROCUREMENT_STAGES),
  doffinReference: z.string().nullable(),
  tenderDeadline: z.string().nullable(),
  awardSentAt: z.string().nullable(),
  supplier: z.string().nullable(),
  standstillDays: z.number().int(),
  standstillRule: z.string(),
  /** The last instant of the standstill (23:59:59.999 Oslo time on its last day); null before the award. */
  standstillEndsAt: z.string().nullable(),
  /** Whether a contract may be signed now (the server decides; the page only shows it). */
  maySign: z.boolean(),
  contractSignedAt: z.string().nullable(),
  note: z.string().nullable(),
  /** The cases of the bodies the procurement is treated in, by meeting date. */
  cases: z.array(z.object({
    caseId: ZId, number: z.string(), title: z.string(), bodyName: z.string(),
    meetingId: ZId.nullable(), meetingDate: z.string().nullable(), meetingLabel: z.string().nullable(), decisionText: z.string().nullable(),
  }).openapi('ProcurementCase')),
  revision: z.number().int(),
}).openapi('Procurement');
export type TProcurement = z.infer<typeof ZProcurement>;
export const ZProcurementList = z.object({ procurements: z.array(ZProcurement) }).openapi('ProcurementList');

/** Ties a procurement to a case of a body (the council's decision to procure, an orientation). */
export const ZLinkProcurementCaseRequest = z.object({ caseId: ZId }).openapi('LinkProcurementCaseRequest');
export type TLinkProcurementCaseRequest = z.infer<typeof ZLinkProcurementCaseRequest>;
export const ZProcurementCaseParams = z.object({
  id: ZId.openapi({ param: { name: 'id', in: 'path' } }), caseId: ZId.openapi({ param: { name: 'caseId', in: 'path' } }),
});

// ── Investment projects' economy ───────────────────────────────────────────────────────────────────

export const ZInvestmentStatusQuery = z.object({
  cooperation: ZId.optional(),
  /** The date the figures are as of; left out, today. */
  asOf: ZIsoDate.optional(),
});

export const ZInvestmentStatus = z.object({
  year: z.number().int(),
  asOf: z.string(),
  /** Whole thousands, as the economy report prints them. */
  unit: z.literal('tusen kr'),
  /** `prognose` during the year (Avvik = budsjett − prognose), `arsslutt` after it (budsjett − regnskap). */
  mode: z.enum(REPORT_MODES),
  rows: z.array(z.object({
    projectId: ZId,
    title: z.string(),
    phase: z.enum(PROJECT_PHASES),
    lineId: ZId,
    lineName: z.string(),
    /** From the economy module's report for the year; null when the line has no figures that year. */
    figures: ZFigures.nullable(),
  })),
}).openapi('InvestmentStatus');
export type TInvestmentStatus = z.infer<typeof ZInvestmentStatus>;

// ── The innovation pipeline ────────────────────────────────────────────────────────────────────────

const ZOre = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const ZWholeKroner = ZOre.refine((v) => v % 100 === 0, 'Hele kroner (øre delelig med 100)');
const ZMunicipalityIds = z.array(ZId).max(100).refine((ids) => new Set(ids).size === ids.length, 'Samme kommune er oppgitt flere ganger');
const ZNamed = z.object({ id: ZId, name: z.string() });

export const ZCreateProposalRequest = z.object({
  title: ZText(200),
  proposedBy: ZText(200),
  problem: z.string().trim().max(10_000).default(''),
  benefit: z.string().trim().max(10_000).default(''),
  costEstimateOre: ZOre.nullable().optional(),
  /** The municipalities that want it. */
  municipalityIds: ZMunicipalityIds.default([]),
}).openapi('CreateProposalRequest');
export type TCreateProposalRequest = z.infer<typeof ZCreateProposalRequest>;

export const ZUpdateProposalRequest = z.object({
  revision: ZRevision,
  title: ZText(200).optional(),
  proposedBy: ZText(200).optional(),
  problem: z.string().trim().max(10_000).optional(),
  benefit: z.string().trim().max(10_000).optional(),
  costEstimateOre: ZOre.nullable().optional(),
  municipalityIds: ZMunicipalityIds.optional(),
}).openapi('UpdateProposalRequest');
export type TUpdateProposalRequest = z.infer<typeof ZUpdateProposalRequest>;

/** Puts the proposal on a meeting's agenda as a new case of that body, the pipeline's next step. */
export const ZSendProposalRequest = z.object({
  revision: ZRevision,
  step: z.enum(PIPELINE_STEPS),
  meetingId: ZId,
  /** The proposed conclusion (forslag til vedtak/innstilling); left out, none yet. */
  proposal: z.string().trim().max(20_000).optional(),
}).openapi('SendProposalRequest');
export type TSendProposalRequest = z.infer<typeof ZSendProposalRequest>;

export const ZProposalCase = z.object({
  step: z.enum(PIPELINE_STEPS),
  caseId: ZId,
  number: z.string(),
  title: z.string(),
  bodyName: z.string(),
  meetingId: ZId.nullable(),
  meetingDate: z.string().nullable(),
  /** "2024/M2" */
  meetingLabel: z.string().nullable(),
  /** The body's decision or conclusion as recorded in the minutes; null until recorded. */
  decisionText: z.string().nullable(),
}).openapi('ProposalCase');

export const ZDecideProposalRequest = z.object({
  revision: ZRevision,
  /** The council's case of this proposal the decision was made in. */
  caseId: ZId,
  outcome: z.enum(DECISION_OUTCOMES),
  decidedOn: ZIsoDate,
  model: z.enum(COST_MODELS).optional(),
  /** Fixed + population: the equal part in whole percent (30 for "30 % likt, 70 % etter innbyggertall"). */
  fixedPercent: z.number().int().min(0).max(100).optional(),
  /** The year of the key or of the population figures; left out, the decision's year. */
  basisYear: z.number().int().min(1900).max(2200).optional(),
  totalOre: ZWholeKroner.optional(),
  /** Who pays from the decision on. */
  municipalityIds: ZMunicipalityIds.optional(),
}).superRefine((v, ctx) => {
  if (v.outcome !== 'go') return;
  if (!v.model) ctx.addIssue({ code: 'custom', path: ['model'], message: 'Velg en fordelingsmodell' });
  if (v.totalOre === undefined) ctx.addIssue({ code: 'custom', path: ['totalOre'], message: 'Beløpet som skal fordeles må fylles ut' });
  if (!v.municipalityIds?.length) ctx.addIssue({ code: 'custom', path: ['municipalityIds'], message: 'Velg kommunene som er med' });
  if (v.model === 'fixedPlusPopulation' && v.fixedPercent === undefined) ctx.addIssue({ code: 'custom', path: ['fixedPercent'], message: 'Fast del i prosent må fylles ut' });
}).openapi('DecideProposalRequest');
export type TDecideProposalRequest = z.infer<typeof ZDecideProposalRequest>;

/** What a go decision would split, computed by the server before anything is saved (the decision form's preview). */
export const ZPreviewSplitRequest = z.object({
  decidedOn: ZIsoDate,
  model: z.enum(COST_MODELS),
  fixedPercent: z.number().int().min(0).max(100).optional(),
  basisYear: z.number().int().min(1900).max(2200).optional(),
  totalOre: ZWholeKroner,
  municipalityIds: ZMunicipalityIds.refine((ids) => ids.length > 0, 'Velg kommunene som er med'),
}).superRefine((v, ctx) => {
  if (v.model === 'fixedPlusPopulation' && v.fixedPercent === undefined) ctx.addIssue({ code: 'custom', path: ['fixedPercent'], message: 'Fast del i prosent må fylles ut' });
}).openapi('PreviewSplitRequest');
export type TPreviewSplitRequest = z.infer<typeof ZPreviewSplitRequest>;

export const ZSplitPreview = z.object({
  model: z.enum(COST_MODELS),
  fixedPercent: z.number().int().nullable(),
  basisYear: z.number().int().nullable(),
  totalOre: z.number().int(),
  /** Each payer's part at the decision, in whole kroner (øre); they sum to the total exactly. */
  shares: z.array(z.object({ municipalityId: ZId, name: z.string(), amountOre: z.number().int() })),
}).openapi('SplitPreview');
export type TSplitPreview = z.infer<typeof ZSplitPreview>;

export const ZProposalDecision = z.object({
  caseId: ZId.nullable(),
  outcome: z.enum(DECISION_OUTCOMES),
  decidedOn: z.string(),
  model: z.enum(COST_MODELS).nullable(),
  fixedPercent: z.number().int().nullable(),
  basisYear: z.number().int().nullable(),
  totalOre: z.number().int().nullable(),
  payers: z.array(ZNamed),
}).openapi('ProposalDecision');

export const ZProposal = z.object({
  id: ZId,
  title: z.string(),
  proposedBy: z.string(),
  problem: z.string(),
  benefit: z.string(),
  costEstimateOre: z.number().int().nullable(),
  stage: z.enum(PROPOSAL_STAGES),
  municipalities: z.array(ZNamed),
  cases: z.array(ZProposalCase),
  decision: ZProposalDecision.nullable(),
  /** The steps the proposal may be sent to now (the server decides). */
  nextSteps: z.array(z.enum(PIPELINE_STEPS)),
  /** Whether the council's decision can be recorded now: a council case exists and none is recorded. */
  mayDecide: z.boolean(),
  revision: z.number().int(),
}).openapi('Proposal');
export type TProposal = z.infer<typeof ZProposal>;

export const ZProposalSummary = ZProposal.pick({ id: true, title: true, proposedBy: true, stage: true, costEstimateOre: true, revision: true })
  .extend({ municipalityCount: z.number().int(), caseCount: z.number().int() }).openapi('ProposalSummary');
export type TProposalSummary = z.infer<typeof ZProposalSummary>;
export const ZProposalList = z.object({ proposals: z.array(ZProposalSummary) }).openapi('ProposalList');

/** The link back from a governance case to its proposal. */
export const ZCaseProposalLink = z.object({
  proposalId: ZId, title: z.string(), stage: z.enum(PROPOSAL_STAGES), step: z.enum(PIPELINE_STEPS),
}).openapi('CaseProposalLink');

/** The proposal links of a meeting's cases at once: the meeting page asks once, not once per agenda row. */
export const ZMeetingProposalLinks = z.object({
  links: z.array(ZCaseProposalLink.extend({ caseId: ZId }).openapi('MeetingCaseProposalLink')),
}).openapi('MeetingProposalLinks');
export type TMeetingProposalLinks = z.infer<typeof ZMeetingProposalLinks>;

export const ZCostEventRequest = z.object({
  kind: z.enum(COST_EVENT_KINDS),
  municipalityId: ZId,
  date: ZIsoDate,
  /** A join only: the council's entry amount; left out, computed (decision 0035). */
  entryAmountOre: ZWholeKroner.nullable().optional(),
}).openapi('CostEventRequest');
export type TCostEventRequest = z.infer<typeof ZCostEventRequest>;

const ZCostAmount = z.object({ municipalityId: ZId, name: z.string(), amountOre: z.number().int() });
export const ZCostSplit = z.object({
  model: z.enum(COST_MODELS),
  fixedPercent: z.number().int().nullable(),
  basisYear: z.number().int().nullable(),
  totalOre: z.number().int(),
  steps: z.array(z.object({
    kind: z.enum(['decision', ...COST_EVENT_KINDS]),
    date: z.string(),
    municipalityId: ZId.nullable(),
    municipalityName: z.string().nullable(),
    entryAmountOre: z.number().int().nullable(),
    credits: z.array(ZCostAmount),
    positions: z.array(z.object({
      municipalityId: ZId, name: z.string(), paidOre: z.number().int(), creditedOre: z.number().int(), netOre: z.number().int(), active: z.boolean(),
    })),
  })),
}).openapi('CostSplit');
export type TCostSplit = z.infer<typeof ZCostSplit>;

export const ZYearParam = z.object({ year: z.coerce.number().int().min(1900).max(2200).openapi({ param: { name: 'year', in: 'path' }, example: 2024 }) });

export const ZSetPopulationsRequest = z.object({
  rows: z.array(z.object({ municipalityId: ZId, inhabitants: z.number().int().min(1).max(10_000_000) })).min(1).max(500)
    .refine((rows) => new Set(rows.map((r) => r.municipalityId)).size === rows.length, 'Samme kommune er oppgitt flere ganger'),
}).openapi('SetPopulationsRequest');
export type TSetPopulationsRequest = z.infer<typeof ZSetPopulationsRequest>;

export const ZPopulations = z.object({
  year: z.number().int(),
  /** The members that year, with SSB's figure or null where none is entered. */
  rows: z.array(z.object({ municipalityId: ZId, name: z.string(), inhabitants: z.number().int().nullable() })),
}).openapi('Populations');
export type TPopulations = z.infer<typeof ZPopulations>;
