// Investment projects' economy: budget, actuals, deviation and forecast of the line each project is
// paid from, read from the economy module's report for the year (never typed again here), so the
// project page and the council's economy report can never disagree.
import type { DbOrTx } from '../../db/client.js';
import type { SessionUser } from '../../server/context.js';
import { buildEconomyReport } from '../economy/report.service.js';
import type { TInvestmentStatus, TProject } from './model.js';
import { listProjects, listProjectsForReport } from './projects.service.js';
import { yearOf } from '../../lib/date-schemas.js';

export type TInvestmentStatusOptions = { cooperationId: string; asOf: string };

export async function getInvestmentStatus(db: DbOrTx, user: SessionUser, options: TInvestmentStatusOptions): Promise<TInvestmentStatus> {
  return investmentStatus(db, await listProjects(db, user, { cooperationId: options.cooperationId }), options);
}

/** Every investment project, for a report (listProjectsForReport says why). */
export async function getInvestmentStatusForReport(db: DbOrTx, options: TInvestmentStatusOptions): Promise<TInvestmentStatus> {
  return investmentStatus(db, await listProjectsForReport(db, { cooperationId: options.cooperationId }), options);
}

async function investmentStatus(db: DbOrTx, projects: TProject[], options: TInvestmentStatusOptions): Promise<TInvestmentStatus> {
  const year = yearOf(options.asOf);
  const report = await buildEconomyReport(db, { cooperationId: options.cooperationId, year, asOf: options.asOf });
  const lines = new Map(report.investment.rows.map((r) => [r.lineId, r]));
  return {
    year, asOf: options.asOf, unit: 'tusen kr', mode: report.mode,
    rows: projects.filter((p) => p.economyLineId).map((p) => {
      const line = lines.get(p.economyLineId!);
      return { projectId: p.id, title: p.title, phase: p.phase, lineId: p.economyLineId!, lineName: line?.name ?? p.title, figures: line?.figures ?? null };
    }),
  };
}
