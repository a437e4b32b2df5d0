// The portfolio's fixed lists: the phases of a project (Digdir's Prosjektveiviseren), the overall
// status a project reports each week (seed 000 §2.4.1), and the stages of a procurement
// (anskaffelsesforskriften). Pure: pgEnum (schema.ts), zod (model.ts) and the web import the same lists.

/** Prosjektveiviserens faser, in their order. */
export const PROJECT_PHASES = ['ide', 'konsept', 'planlegging', 'gjennomforing', 'avslutning', 'gevinstrealisering'] as const;
export type TProjectPhase = (typeof PROJECT_PHASES)[number];
export const PROJECT_PHASE_LABELS: Record<TProjectPhase, { nb: string; en: string }> = {
  ide: { nb: 'Idé', en: 'Idea' },
  konsept: { nb: 'Konsept', en: 'Concept' },
  planlegging: { nb: 'Planlegging', en: 'Planning' },
  gjennomforing: { nb: 'Gjennomføring', en: 'Execution' },
  avslutning: { nb: 'Avslutning', en: 'Closing' },
  gevinstrealisering: { nb: 'Gevinstrealisering', en: 'Benefits realisation' },
};

/** A project's overall status for one week, as the activity report prints it. */
export const WEEK_STATUSES = ['pa_plan', 'mindre_forsinkelser', 'forsinket', 'utsatt', 'uavklart', 'ferdig'] as const;
export type TWeekStatus = (typeof WEEK_STATUSES)[number];
export const WEEK_STATUS_LABELS: Record<TWeekStatus, { nb: string; en: string }> = {
  pa_plan: { nb: 'På plan', en: 'On track' },
  mindre_forsinkelser: { nb: 'Mindre forsinkelser', en: 'Minor delays' },
  forsinket: { nb: 'Forsinket', en: 'Delayed' },
  utsatt: { nb: 'Utsatt', en: 'Postponed' },
  uavklart: { nb: 'Uavklart', en: 'Unresolved' },
  ferdig: { nb: 'Ferdig', en: 'Done' },
};

/**
 * A procurement's stages in order. `karens` is entered by sending the award notice (tildeling) and left
 * only by signing the contract, which the service refuses until the standstill has ended.
 */
export const PROCUREMENT_STAGES = ['behov', 'kunngjort', 'tilbudsfrist', 'evaluering', 'tildeling', 'karens', 'kontrakt'] as const;
export type TProcurementStage = (typeof PROCUREMENT_STAGES)[number];
export const PROCUREMENT_STAGE_LABELS: Record<TProcurementStage, { nb: string; en: string }> = {
  behov: { nb: 'Behov', en: 'Need' },
  kunngjort: { nb: 'Kunngjort', en: 'Announced' },
  tilbudsfrist: { nb: 'Tilbudsfrist', en: 'Tender deadline' },
  evaluering: { nb: 'Evaluering', en: 'Evaluation' },
  tildeling: { nb: 'Tildeling', en: 'Award' },
  karens: { nb: 'Karensperiode', en: 'Standstill' },
  kontrakt: { nb: 'Kontrakt', en: 'Contract' },
};

/** The label the week table prints for a project that serves every member municipality. */
export const ALL_MUNICIPALITIES_LABEL = { nb: 'Alle', en: 'All' } as const;

/**
 * The innovation pipeline (Innovasjonsløypa, seed 003 M2-006): a proposal is treated by a professional
 * group, then the portfolio board, then the council, each as a case of that body; the council's decision
 * ends it as vedtatt (go) or avslått (no-go).
 */
export const PIPELINE_STEPS = ['faggruppe', 'portefoljerad', 'samarbeidsrad'] as const;
export type TPipelineStep = (typeof PIPELINE_STEPS)[number];
export const PIPELINE_STEP_LABELS: Record<TPipelineStep, { nb: string; en: string }> = {
  faggruppe: { nb: 'Faggruppe', en: 'Professional group' },
  portefoljerad: { nb: 'Porteføljeråd', en: 'Portfolio board' },
  samarbeidsrad: { nb: 'Samarbeidsråd', en: 'Council' },
};

export const PROPOSAL_STAGES = ['forslag', ...PIPELINE_STEPS, 'vedtatt', 'avslatt'] as const;
export type TProposalStage = (typeof PROPOSAL_STAGES)[number];
export const PROPOSAL_STAGE_LABELS: Record<TProposalStage, { nb: string; en: string }> = {
  forslag: { nb: 'Forslag', en: 'Proposal' },
  ...PIPELINE_STEP_LABELS,
  vedtatt: { nb: 'Vedtatt', en: 'Approved' },
  avslatt: { nb: 'Avslått', en: 'Rejected' },
};

export const DECISION_OUTCOMES = ['go', 'no_go'] as const;
export type TDecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** The cost-sharing models the council chooses between (decision 0035). */
export const COST_MODELS = ['key', 'population', 'fixedPlusPopulation', 'equal'] as const;
export type TCostModelKind = (typeof COST_MODELS)[number];
export const COST_MODEL_LABELS: Record<TCostModelKind, { nb: string; en: string }> = {
  key: { nb: 'Samarbeidets fordelingsnøkkel', en: "The cooperation's key" },
  population: { nb: 'Etter innbyggertall', en: 'By population' },
  fixedPlusPopulation: { nb: 'Fast del og innbyggertall', en: 'Fixed part plus population' },
  equal: { nb: 'Likt', en: 'Equal parts' },
};

export const COST_EVENT_KINDS = ['join', 'leave'] as const;
export type TCostEventKind = (typeof COST_EVENT_KINDS)[number];
