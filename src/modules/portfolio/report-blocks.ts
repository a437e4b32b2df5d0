// The portfolio's data blocks for the reports: the building projects' status table for a week (seed
// 000 §2.4.1), the investment projects' economy, the procurements in progress and the innovation
// pipeline's proposals per stage. Each loads from the module's data as of the report
// and is frozen with the report's snapshot on approval, so an approved paper keeps the week's table
// even when a status is corrected afterwards.
import { z } from '@hono/zod-openapi';
import { osloDayEdge } from '../../lib/oslo-time.js';
import { formatDateTime, formatThousands, formatWholeKroner } from '../../lib/norwegian-format.js';
import { registerReportBlock } from '../reports/blocks/registry.js';
import { getInvestmentStatusForReport } from './investments.service.js';
import { listProcurements } from './procurements.service.js';
import { listProposals } from './proposals.service.js';
import { ZWeek } from './model.js';
import { getWeekTableForReport } from './statuses.service.js';
import { PROCUREMENT_STAGE_LABELS, PROJECT_PHASE_LABELS, PROPOSAL_STAGE_LABELS, PROPOSAL_STAGES, WEEK_STATUS_LABELS } from './vocabulary.js';
import { weekNumber, weekOfDate } from './weeks.js';

const ZBuildingProjectsParams = z.object({
  /** The ISO week; left out, the week of the report's date. */
  week: ZWeek.optional(),
});

export function registerPortfolioReportBlocks() {
  registerReportBlock({
    type: 'portfolio.buildingProjects', module: 'portfolio',
    label: { nb: 'Status pågående byggprosjekter', en: 'Building projects status' },
    description: 'Tittel, overordnet status, ukens kommentar og kommune for prosjektene med ukestatus; uken er rapportens uke eller den som er valgt.',
    params: ZBuildingProjectsParams,
    load: async (ctx, params) => {
      const week = params.week ?? weekOfDate(ctx.asOf);
      const table = await getWeekTableForReport(ctx.db, { cooperationId: ctx.cooperationId, week });
      const carried = table.rows.filter((r) => r.status && !r.updatedThisWeek);
      return {
        title: 'Status pågående byggprosjekter', asOf: ctx.asOf,
        tables: [{
          caption: `Status pågående byggprosjekter, uke ${table.weekNumber}`, unit: null,
          columns: table.columns.map((label) => ({ label, align: 'left' as const })),
          rows: table.rows.map((r) => ({ cells: [r.title, r.status ? WEEK_STATUS_LABELS[r.status].nb : 'Ingen status', r.comment, r.municipalityName] })),
        }],
        charts: [],
        notes: carried.map((r) => `${r.title}: ikke oppdatert i uke ${table.weekNumber}; status og kommentar fra uke ${weekNumber(r.fromWeek!)}.`),
        source: 'live',
      };
    },
  });
  registerReportBlock({
    type: 'portfolio.investmentProjects', module: 'portfolio',
    label: { nb: 'Status investeringsprosjekter', en: 'Investment projects status' },
    description: 'Investeringsprosjektene med fase og regnskap, årsbudsjett, avvik og prognose fra økonomimodulen, i hele tusen.',
    params: z.object({}),
    load: async (ctx) => {
      const status = await getInvestmentStatusForReport(ctx.db, { cooperationId: ctx.cooperationId, asOf: ctx.asOf });
      const figure = (v: number | undefined) => (v === undefined ? '' : formatThousands(v));
      return {
        title: 'Status investeringsprosjekter', asOf: ctx.asOf,
        tables: [{
          caption: `Investeringsprosjekter ${status.year}`, unit: 'tall i hele 1000',
          columns: [
            { label: 'Prosjekt', align: 'left' as const }, { label: 'Fase', align: 'left' as const },
            ...['Regnskap', 'Årsbudsjett', 'Avvik', 'Prognose'].map((label) => ({ label, align: 'right' as const })),
          ],
          rows: status.rows.map((r) => ({
            cells: [r.title, PROJECT_PHASE_LABELS[r.phase].nb, figure(r.figures?.actual), figure(r.figures?.budget), figure(r.figures?.deviation), figure(r.figures?.forecast)],
          })),
        }],
        charts: [],
        notes: [status.mode === 'arsslutt'
          ? 'Avvik er årsbudsjett minus regnskap; positivt tall er mindreforbruk.'
          : 'Avvik er årsbudsjett minus prognose; positivt tall er mindreforbruk, negativt merforbruk.'],
        source: 'live',
      };
    },
  });
  registerReportBlock({
    type: 'portfolio.procurements', module: 'portfolio',
    label: { nb: 'Anskaffelser under arbeid', en: 'Procurements in progress' },
    description: 'Anskaffelsene som ikke har signert kontrakt: trinn, Doffin-referanse, tilbudsfrist, leverandør og når karensperioden slutter.',
    params: z.object({}),
    load: async (ctx) => {
      // Stages are as they stand now; the report's date decides only whether the standstill is over.
      const all = await listProcurements(ctx.db, { cooperationId: ctx.cooperationId, now: osloDayEdge(ctx.asOf, 'end') });
      const open = all.filter((p) => p.stage !== 'kontrakt');
      const when = (iso: string | null) => (iso ? formatDateTime(new Date(iso)) : '');
      return {
        title: 'Anskaffelser under arbeid', asOf: ctx.asOf,
        tables: [{
          caption: 'Anskaffelser under arbeid', unit: null,
          columns: ['Anskaffelse', 'Trinn', 'Doffin', 'Tilbudsfrist', 'Leverandør', 'Karensperioden slutter'].map((label) => ({ label, align: 'left' as const })),
          rows: open.map((p) => ({
            cells: [p.title, PROCUREMENT_STAGE_LABELS[p.stage].nb, p.doffinReference ?? '', when(p.tenderDeadline), p.supplier ?? '', when(p.standstillEndsAt)],
          })),
        }],
        charts: [],
        notes: open.some((p) => p.standstillEndsAt) ? ['Kontrakten kan ikke signeres før karensperioden er over.'] : [],
        source: 'live',
      };
    },
  });
  registerReportBlock({
    type: 'portfolio.pipeline', module: 'portfolio',
    label: { nb: 'Innovasjonsløypa', en: 'Innovation pipeline' },
    description: 'Forslagene i innovasjonsløypa per trinn (forslag, faggruppe, porteføljeråd, samarbeidsråd, vedtatt, avslått) med kostnadsanslag.',
    params: z.object({}),
    load: async (ctx) => {
      const proposals = await listProposals(ctx.db, { cooperationId: ctx.cooperationId });
      const byStage = PROPOSAL_STAGES.map((stage) => ({ stage, list: proposals.filter((p) => p.stage === stage) }));
      return {
        title: 'Innovasjonsløypa', asOf: ctx.asOf,
        tables: [
          {
            caption: 'Forslag per trinn', unit: null,
            columns: [{ label: 'Trinn', align: 'left' as const }, { label: 'Antall', align: 'right' as const }],
            rows: byStage.map(({ stage, list }) => ({ cells: [PROPOSAL_STAGE_LABELS[stage].nb, String(list.length)] })),
          },
          {
            caption: 'Forslagene', unit: 'kostnadsanslag i kroner',
            columns: [
              { label: 'Forslag', align: 'left' as const }, { label: 'Foreslått av', align: 'left' as const },
              { label: 'Trinn', align: 'left' as const }, { label: 'Kostnadsanslag', align: 'right' as const },
            ],
            rows: byStage.flatMap(({ list }) => list).map((p) => ({
              cells: [p.title, p.proposedBy, PROPOSAL_STAGE_LABELS[p.stage].nb, p.costEstimateOre === null ? '' : formatWholeKroner(p.costEstimateOre)],
            })),
          },
        ],
        charts: [],
        notes: [],
        source: 'live',
      };
    },
  });
}
