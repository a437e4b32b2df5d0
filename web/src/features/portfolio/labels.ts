// The portfolio's fixed lists in the page's language: the server's vocabulary holds both languages.
import type { TLanguage } from '../../i18n';
import {
  COST_MODEL_LABELS, PIPELINE_STEP_LABELS, PROCUREMENT_STAGE_LABELS, PROJECT_PHASE_LABELS, PROPOSAL_STAGE_LABELS, WEEK_STATUS_LABELS,
  type TCostModelKind, type TPipelineStep, type TProcurementStage, type TProjectPhase, type TProposalStage, type TWeekStatus,
} from '../../../../src/modules/portfolio/vocabulary';

export { COST_MODELS, PIPELINE_STEPS, PROCUREMENT_STAGES, PROJECT_PHASES, WEEK_STATUSES } from '../../../../src/modules/portfolio/vocabulary';
export type { TCostModelKind, TProcurementStage, TProjectPhase } from '../../../../src/modules/portfolio/vocabulary';
export { addWeeks, weekNumber, weekOfDate } from '../../../../src/modules/portfolio/weeks';

export const statusLabel = (s: TWeekStatus, l: TLanguage) => WEEK_STATUS_LABELS[s][l];
export const phaseLabel = (p: TProjectPhase, l: TLanguage) => PROJECT_PHASE_LABELS[p][l];
export const stageLabel = (s: TProposalStage, l: TLanguage) => PROPOSAL_STAGE_LABELS[s][l];
export const stepLabel = (s: TPipelineStep, l: TLanguage) => PIPELINE_STEP_LABELS[s][l];
export const modelLabel = (m: TCostModelKind, l: TLanguage) => COST_MODEL_LABELS[m][l];
export const procurementStageLabel = (s: TProcurementStage, l: TLanguage) => PROCUREMENT_STAGE_LABELS[s][l];
