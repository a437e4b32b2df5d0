// Report templates: per cooperation and kind, a tree of numbered sections with default owners, edited by
// an admin as a whole tree with the revision the editor read (409 when someone saved in between).
import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, notFound, stale } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import type { TCreateTemplateRequest, TReportTemplate, TTemplateSectionInput, TUpdateTemplateRequest } from './model.js';
import { numberSections, treeProblems } from './numbering.js';
import { assertOwners, loadUserNames } from './owners.js';
import { reportTemplates, reportTemplateSections } from './schema.js';
import type { TReportKind } from './vocabulary.js';

type TTemplateRow = typeof reportTemplates.$inferSelect;

async function templateView(db: DbOrTx, t: TTemplateRow): Promise<TReportTemplate> {
  const rows = await db.select().from(reportTemplateSections).where(eq(reportTemplateSections.templateId, t.id)).orderBy(asc(reportTemplateSections.position));
  return {
    id: t.id, cooperationId: t.cooperationId, kind: t.kind, name: t.name, revision: t.revision, updatedAt: t.updatedAt.toISOString(),
    sections: numberSections(rows).map((s) => ({
      id: s.id, parentId: s.parentId, position: s.position, number: s.number, depth: s.depth, title: s.title, ownerUserIds: s.ownerUserIds,
    })),
  };
}

export async function listTemplates(db: DbOrTx, options: { cooperationId: string }): Promise<TReportTemplate[]> {
  const rows = await db.select().from(reportTemplates).where(eq(reportTemplates.cooperationId, options.cooperationId)).orderBy(asc(reportTemplates.kind));
  return Promise.all(rows.map((t) => templateView(db, t)));
}

export async function getTemplate(db: DbOrTx, options: { id: string; cooperationId: string }): Promise<TReportTemplate> {
  const [t] = await db.select().from(reportTemplates).where(and(eq(reportTemplates.id, options.id), eq(reportTemplates.cooperationId, options.cooperationId)));
  if (!t) throw notFound('Malen');
  return templateView(db, t);
}

/** The template of a kind, or null when the cooperation has none yet. */
export async function findTemplate(db: DbOrTx, options: { cooperationId: string; kind: TReportKind }): Promise<TReportTemplate | null> {
  const [t] = await db.select().from(reportTemplates).where(and(eq(reportTemplates.cooperationId, options.cooperationId), eq(reportTemplates.kind, options.kind)));
  return t ? templateView(db, t) : null;
}

async function checkSections(db: DbOrTx, sections: readonly TTemplateSectionInput[]) {
  const problems = treeProblems(sections);
  if (problems.length) {
    throw badRequest(`Seksjonstreet er ugyldig: ${problems[0]!.message}`, problems.map((p) => ({ path: `sections.${p.index}.parentKey`, message: p.message })));
  }
  const names = await loadUserNames(db);
  sections.forEach((s, i) => assertOwners(names, s.ownerUserIds, `sections.${i}.ownerUserIds`));
}

/**
 * Replaces the template's sections with the tree sent. A key that is the id of one of its sections keeps
 * that row (reports made from it still follow it); any other key makes a new section.
 */
async function writeSections(tx: DbOrTx, templateId: string, sections: readonly TTemplateSectionInput[]) {
  const existing = new Set((await tx.select({ id: reportTemplateSections.id }).from(reportTemplateSections)
    .where(eq(reportTemplateSections.templateId, templateId))).map((r) => r.id));
  const idOf = new Map<string, string>();
  const kept = new Set<string>();
  const counters = new Map<string | null, number>();
  // Parents are detached first, so a section may move under one that used to be below it.
  if (existing.size) await tx.update(reportTemplateSections).set({ parentId: null }).where(eq(reportTemplateSections.templateId, templateId));
  for (const s of sections) {
    const parentId = s.parentKey === null ? null : idOf.get(s.parentKey)!;
    const position = (counters.get(parentId) ?? 0) + 1;
    counters.set(parentId, position);
    if (existing.has(s.key) && !kept.has(s.key)) {
      await tx.update(reportTemplateSections).set({ parentId, position, title: s.title, ownerUserIds: s.ownerUserIds }).where(eq(reportTemplateSections.id, s.key));
      idOf.set(s.key, s.key);
      kept.add(s.key);
    } else {
      const [row] = await tx.insert(reportTemplateSections).values({ templateId, parentId, position, title: s.title, ownerUserIds: s.ownerUserIds }).returning({ id: reportTemplateSections.id });
      idOf.set(s.key, row!.id);
    }
  }
  for (const id of existing) {
    if (!kept.has(id)) await tx.delete(reportTemplateSections).where(eq(reportTemplateSections.id, id));
  }
}

export async function createTemplate(db: Db, actor: Actor, options: TCreateTemplateRequest & { cooperationId: string }): Promise<TReportTemplate> {
  await checkSections(db, options.sections);
  const id = await db.transaction(async (tx) => {
    const [t] = await tx.insert(reportTemplates).values({ cooperationId: options.cooperationId, kind: options.kind, name: options.name }).returning();
    await writeSections(tx, t!.id, options.sections);
    await recordAudit(tx, actor, { action: 'create', entity: 'report_template', entityId: t!.id, after: { kind: t!.kind, name: t!.name, sections: options.sections } });
    return t!.id;
  });
  return getTemplate(db, { id, cooperationId: options.cooperationId });
}

export async function updateTemplate(db: Db, actor: Actor, options: TUpdateTemplateRequest & { id: string; cooperationId: string }): Promise<TReportTemplate> {
  if (options.sections) await checkSections(db, options.sections);
  await db.transaction(async (tx) => {
    const [t] = await tx.select().from(reportTemplates)
      .where(and(eq(reportTemplates.id, options.id), eq(reportTemplates.cooperationId, options.cooperationId))).for('update');
    if (!t) throw notFound('Malen');
    if (t.revision !== options.revision) throw staleTemplate(t.revision);
    const before = await templateView(tx, t);
    if (options.sections) await writeSections(tx, t.id, options.sections);
    await tx.update(reportTemplates).set({ name: options.name ?? t.name, revision: t.revision + 1, updatedAt: new Date() }).where(eq(reportTemplates.id, t.id));
    await recordAudit(tx, actor, { action: 'update', entity: 'report_template', entityId: t.id, before, after: { name: options.name, sections: options.sections } });
  });
  return getTemplate(db, { id: options.id, cooperationId: options.cooperationId });
}

function staleTemplate(current: number) {
  return stale(`Malen er endret av noen andre siden du hentet den (nå versjon ${current}); last inn på nytt`, { revision: current });
}
