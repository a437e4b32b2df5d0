// Project kinds and projects: what the cooperation runs, who it serves, which phase it is in and which
// investment line pays for it. Each write is one transaction with its audit entry.
import { and, asc, eq, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor, SessionUser } from '../../server/context.js';
import { badRequest, notFound } from '../../server/errors.js';
import { lockAtRevision, nextRevision } from '../../lib/revision.js';
import { recordAudit } from '../audit/service.js';
import { requireLine } from '../economy/lines.service.js';
import { assertMunicipalityExists, municipalityNames } from '../org/municipalities.service.js';
import type { TCreateProjectKindRequest, TCreateProjectRequest, TProject, TProjectKind, TUpdateProjectRequest } from './model.js';
import { visibleProjects } from './policy.js';
import { portfolioProjectKinds, portfolioProjects } from './schema.js';
import { ALL_MUNICIPALITIES_LABEL } from './vocabulary.js';

export async function listProjectKinds(db: DbOrTx, options: { cooperationId: string }): Promise<TProjectKind[]> {
  return db.select({ id: portfolioProjectKinds.id, name: portfolioProjectKinds.name, weeklyStatus: portfolioProjectKinds.weeklyStatus, sortOrder: portfolioProjectKinds.sortOrder })
    .from(portfolioProjectKinds).where(eq(portfolioProjectKinds.cooperationId, options.cooperationId))
    .orderBy(asc(portfolioProjectKinds.sortOrder), asc(portfolioProjectKinds.name));
}

export async function createProjectKind(db: Db, actor: Actor, options: { cooperationId: string } & TCreateProjectKindRequest): Promise<TProjectKind> {
  return db.transaction(async (tx) => {
    const [same] = await tx.select({ id: portfolioProjectKinds.id }).from(portfolioProjectKinds)
      .where(and(eq(portfolioProjectKinds.cooperationId, options.cooperationId), eq(portfolioProjectKinds.name, options.name)));
    if (same) throw badRequest(`Prosjekttypen «${options.name}» finnes alt`, [{ path: 'name', message: 'Finnes alt i samarbeidet' }]);
    const [row] = await tx.insert(portfolioProjectKinds).values(options).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'portfolio_project_kind', entityId: row!.id, after: row! });
    return { id: row!.id, name: row!.name, weeklyStatus: row!.weeklyStatus, sortOrder: row!.sortOrder };
  });
}

type TProjectRow = typeof portfolioProjects.$inferSelect;

/** Rows as the API shows them: with the kind's name and the municipality's («Alle» for every member). */
async function projectsJson(db: DbOrTx, rows: TProjectRow[], kinds: TProjectKind[]): Promise<TProject[]> {
  const names = await municipalityNames(db, [...new Set(rows.flatMap((r) => (r.municipalityId ? [r.municipalityId] : [])))]);
  return rows.map((r) => {
    const kind = kinds.find((k) => k.id === r.kindId)!;
    return {
      id: r.id, kindId: r.kindId, kindName: kind.name, weeklyStatus: kind.weeklyStatus, title: r.title,
      municipalityId: r.municipalityId, municipalityName: r.municipalityId ? names.get(r.municipalityId) ?? '' : ALL_MUNICIPALITIES_LABEL.nb,
      owner: r.owner, phase: r.phase, economyLineId: r.economyLineId, benefits: r.benefits, sortOrder: r.sortOrder, active: r.active, revision: r.revision,
    };
  });
}

export type TListProjectsOptions = { cooperationId: string; kindId?: string; includeInactive?: boolean; weeklyOnly?: boolean };

/** The projects the user may see, in the paper's order (kind, then sort order, then title). */
export async function listProjects(db: DbOrTx, user: SessionUser, options: TListProjectsOptions): Promise<TProject[]> {
  return projectsIn(db, visibleProjects(user), options);
}

/**
 * Every project, for a report: a report is read by the council and may be published, so it shows the
 * whole portfolio whoever loads it (the reports module decides who reads the report).
 */
export const listProjectsForReport = (db: DbOrTx, options: TListProjectsOptions) => projectsIn(db, null, options);

async function projectsIn(db: DbOrTx, scope: SQL | null, options: TListProjectsOptions): Promise<TProject[]> {
  const kinds = await listProjectKinds(db, options);
  const kindIds = kinds.filter((k) => !options.weeklyOnly || k.weeklyStatus).map((k) => k.id);
  if (options.kindId && !kinds.some((k) => k.id === options.kindId)) throw notFound('Prosjekttypen');
  const conditions: (SQL | null | undefined)[] = [
    eq(portfolioProjects.cooperationId, options.cooperationId),
    scope,
    options.kindId ? eq(portfolioProjects.kindId, options.kindId) : undefined,
    options.includeInactive ? undefined : eq(portfolioProjects.active, true),
  ];
  const rows = await db.select().from(portfolioProjects)
    .where(and(...conditions.filter((c): c is SQL => !!c)))
    .orderBy(asc(portfolioProjects.sortOrder), asc(portfolioProjects.title));
  const byKind = (r: TProjectRow) => kindIds.indexOf(r.kindId);
  const kept = rows.filter((r) => kindIds.includes(r.kindId)).sort((a, b) => byKind(a) - byKind(b));
  return projectsJson(db, kept, kinds);
}

/** One project the user may see, or 404 (a project of another municipality is not revealed either). */
export async function getProject(db: DbOrTx, user: SessionUser, options: { id: string }): Promise<TProject> {
  return readProject(db, options.id, visibleProjects(user));
}

/** A project for a writer (the editors see every project); 404 when it does not exist. */
async function readProject(db: DbOrTx, id: string, scope: SQL | null = null): Promise<TProject> {
  const [row] = await db.select().from(portfolioProjects)
    .where(scope ? and(eq(portfolioProjects.id, id), scope) : eq(portfolioProjects.id, id));
  if (!row) throw notFound('Prosjektet');
  const [project] = await projectsJson(db, [row], await listProjectKinds(db, { cooperationId: row.cooperationId }));
  return project!;
}

export const getProjectForEditor = (db: DbOrTx, options: { id: string }) => readProject(db, options.id);

async function checkReferences(db: DbOrTx, cooperationId: string, input: { municipalityId?: string | null; economyLineId?: string | null }) {
  await assertMunicipalityExists(db, input.municipalityId, 'municipalityId');
  if (input.economyLineId) {
    const line = await requireLine(db, { id: input.economyLineId, cooperationId, field: 'economyLineId' });
    if (line.kind !== 'investering') throw badRequest('Et prosjekt betales fra en investeringslinje', [{ path: 'economyLineId', message: 'Ikke en investeringslinje' }]);
  }
}

export async function createProject(db: Db, actor: Actor, options: { cooperationId: string } & TCreateProjectRequest): Promise<TProject> {
  const id = await db.transaction(async (tx) => {
    const kinds = await listProjectKinds(tx, options);
    if (!kinds.some((k) => k.id === options.kindId)) throw badRequest('Prosjekttypen finnes ikke i samarbeidet', [{ path: 'kindId', message: 'Finnes ikke' }]);
    await checkReferences(tx, options.cooperationId, options);
    const [row] = await tx.insert(portfolioProjects).values({
      cooperationId: options.cooperationId, kindId: options.kindId, title: options.title, municipalityId: options.municipalityId ?? null,
      owner: options.owner ?? null, phase: options.phase, economyLineId: options.economyLineId ?? null, benefits: options.benefits ?? null,
      sortOrder: options.sortOrder,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'portfolio_project', entityId: row!.id, after: row! });
    return row!.id;
  });
  return readProject(db, id);
}

export async function updateProject(db: Db, actor: Actor, options: { id: string } & TUpdateProjectRequest): Promise<TProject> {
  const { id, revision, ...patch } = options;
  await db.transaction(async (tx) => {
    await lockAtRevision(tx, portfolioProjects, id, revision, 'Prosjektet');
    const [before] = await tx.select().from(portfolioProjects).where(eq(portfolioProjects.id, id));
    await checkReferences(tx, before!.cooperationId, patch);
    const [after] = await tx.update(portfolioProjects).set({ ...patch, revision: nextRevision(portfolioProjects) })
      .where(eq(portfolioProjects.id, id)).returning();
    await recordAudit(tx, actor, { action: 'update', entity: 'portfolio_project', entityId: id, before: before!, after: after! });
  });
  return readProject(db, id);
}
