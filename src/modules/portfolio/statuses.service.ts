// Weekly status: one status and comment per project and ISO week. A week nobody has written yet shows
// the last week's status and comment as a draft, flagged «ikke oppdatert denne uken», so the leader
// sees what to update and the table is never emptier than last week's; saving the draft makes it
// this week's. The week table is the paper's («Status pågående byggprosjekter», seed 000 §2.4.1).
import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor, SessionUser } from '../../server/context.js';
import { badRequest, stale } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import type { TProject, TSetWeekStatusRequest, TStatusHistory, TWeekStatus, TWeekTable, TWeekTableRow } from './model.js';
import { getProjectForEditor, listProjects, listProjectsForReport } from './projects.service.js';
import { portfolioWeekStatuses } from './schema.js';
import { weekAt, weekNumber, weeksBetween } from './weeks.js';

type TStatusRow = typeof portfolioWeekStatuses.$inferSelect;

const statusJson = (r: TStatusRow): TWeekStatus => ({
  projectId: r.projectId, week: r.week, status: r.status, comment: r.comment, updatedAt: r.updatedAt.toISOString(), updatedBy: r.updatedBy, revision: r.revision,
});

export type TSetWeekStatusOptions = { projectId: string; week: string; now?: Date } & TSetWeekStatusRequest;

/**
 * Writes this week's status (or an earlier week's, to correct it); a week that has not begun is refused.
 * `revision: null` says "there was none when I read it": if another writer got there first, 409 `stale`.
 */
export async function setWeekStatus(db: Db, actor: Actor, options: TSetWeekStatusOptions): Promise<TWeekStatus> {
  const current = weekAt(options.now ?? new Date());
  if (options.week > current) throw badRequest(`Uke ${weekNumber(options.week)} har ikke begynt ennå`, [{ path: 'week', message: `Senest inneværende uke (${current})` }]);
  const project = await getProjectForEditor(db, { id: options.projectId });
  if (!project.weeklyStatus) throw badRequest(`Prosjekttypen «${project.kindName}» rapporterer ikke ukestatus`, [{ path: 'id', message: 'Ikke en prosjekttype med ukestatus' }]);
  return db.transaction(async (tx) => {
    const where = and(eq(portfolioWeekStatuses.projectId, options.projectId), eq(portfolioWeekStatuses.week, options.week));
    const [before] = await tx.select().from(portfolioWeekStatuses).where(where).for('update');
    const held = before?.revision ?? null;
    if (held !== options.revision) {
      throw stale(held === null
        ? `Statusen for uke ${weekNumber(options.week)} er ikke lagret ennå; last inn på nytt`
        : `Statusen for uke ${weekNumber(options.week)} er endret av ${before!.updatedBy} siden du hentet den; last inn på nytt`, { revision: held });
    }
    const values = { status: options.status, comment: options.comment, updatedAt: new Date(), updatedBy: actor.name };
    const [after] = before
      ? await tx.update(portfolioWeekStatuses).set({ ...values, revision: before.revision + 1 }).where(where).returning()
      : await tx.insert(portfolioWeekStatuses).values({ ...values, projectId: options.projectId, week: options.week }).returning();
    await recordAudit(tx, actor, before
      ? { action: 'update', entity: 'portfolio_week_status', entityId: after!.id, before, after: after! }
      : { action: 'create', entity: 'portfolio_week_status', entityId: after!.id, after: after! });
    return statusJson(after!);
  });
}

/** The newest status at or before `week` of each project, by project id. */
async function latestStatuses(db: DbOrTx, projectIds: string[], week: string): Promise<Map<string, TStatusRow>> {
  if (!projectIds.length) return new Map();
  // "2023-W48" sorts as text in week order (four-digit year, two-digit week).
  const rows = await db.select().from(portfolioWeekStatuses)
    .where(and(inArray(portfolioWeekStatuses.projectId, projectIds), lte(portfolioWeekStatuses.week, week)))
    .orderBy(desc(portfolioWeekStatuses.week));
  const latest = new Map<string, TStatusRow>();
  for (const r of rows) if (!latest.has(r.projectId)) latest.set(r.projectId, r);
  return latest;
}

/** The paper's column heads for a week: «Tittel, Overordnet status, Kommentar uke 48, Kommune». */
export const weekTableColumns = (week: string) => ['Tittel', 'Overordnet status', `Kommentar uke ${weekNumber(week)}`, 'Kommune'];

export type TWeekTableOptions = { cooperationId: string; week: string };

/** The table for one week: every active project of a kind with weekly status that the user may see. */
export async function getWeekTable(db: DbOrTx, user: SessionUser, options: TWeekTableOptions): Promise<TWeekTable> {
  return weekTable(db, await listProjects(db, user, { cooperationId: options.cooperationId, weeklyOnly: true }), options);
}

/** The same table with every project, for a report (listProjectsForReport says why). */
export async function getWeekTableForReport(db: DbOrTx, options: TWeekTableOptions): Promise<TWeekTable> {
  return weekTable(db, await listProjectsForReport(db, { cooperationId: options.cooperationId, weeklyOnly: true }), options);
}

async function weekTable(db: DbOrTx, projects: TProject[], options: TWeekTableOptions): Promise<TWeekTable> {
  const latest = await latestStatuses(db, projects.map((p) => p.id), options.week);
  const rows: TWeekTableRow[] = projects.map((p) => {
    const s = latest.get(p.id);
    const thisWeek = s?.week === options.week;
    return {
      projectId: p.id, title: p.title, municipalityName: p.municipalityName,
      status: s?.status ?? null, comment: s?.comment ?? '', updatedThisWeek: thisWeek, fromWeek: s?.week ?? null, revision: thisWeek ? s!.revision : null,
    };
  });
  return { week: options.week, weekNumber: weekNumber(options.week), columns: weekTableColumns(options.week), rows };
}

/** At most two years of weeks in one grid. */
const MAX_HISTORY_WEEKS = 104;

/** The grid project × week: what was written each week, nothing carried forward. */
export async function getStatusHistory(db: DbOrTx, user: SessionUser, options: { cooperationId: string; from: string; to: string }): Promise<TStatusHistory> {
  if (options.from > options.to) throw badRequest('Fra-uken er etter til-uken', [{ path: 'from', message: 'Må være før eller lik til-uken' }]);
  const weeks = weeksBetween(options.from, options.to);
  if (weeks.length > MAX_HISTORY_WEEKS) throw badRequest(`Høyst ${MAX_HISTORY_WEEKS} uker om gangen`, [{ path: 'from', message: `Høyst ${MAX_HISTORY_WEEKS} uker` }]);
  const projects = await listProjects(db, user, { cooperationId: options.cooperationId, weeklyOnly: true, includeInactive: true });
  const rows = projects.length ? await db.select().from(portfolioWeekStatuses).where(and(
    inArray(portfolioWeekStatuses.projectId, projects.map((p) => p.id)),
    inArray(portfolioWeekStatuses.week, weeks),
  )) : [];
  const cell = new Map(rows.map((r) => [`${r.projectId} ${r.week}`, { status: r.status, comment: r.comment }]));
  return {
    weeks,
    projects: projects
      .map((p) => ({ projectId: p.id, title: p.title, municipalityName: p.municipalityName, cells: weeks.map((w) => cell.get(`${p.id} ${w}`) ?? null) }))
      // A closed project appears only for the weeks it reported in.
      .filter((p, i) => projects[i]!.active || p.cells.some((c) => c)),
  };
}
