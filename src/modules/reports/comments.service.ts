// Review comments on a section (issue 11: "Review comments on a section, resolved by its owner"): any
// staff member comments while the report is open (utkast or til gjennomsyn); the section's owners and
// the report's leader resolve them. The leader cannot approve while a comment is unresolved (409), so
// what a reviewer raised is answered before the report is frozen. Staff only: the council and the
// public never read comments (reports.service.ts leaves them out of the read model).
import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { actorOf, type SessionUser } from '../../server/context.js';
import { conflict, forbidden, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import type { TAddCommentRequest, TReport } from './model.js';
import { mayEditSection } from './policy.js';
import { assertOpen, getReport, loadReport } from './reports.service.js';
import { reportComments, reportSectionOwners, reportSections } from './schema.js';

export async function addComment(db: Db, user: SessionUser, options: TAddCommentRequest & { sectionId: string; cooperationId: string }): Promise<TReport> {
  const reportId = await db.transaction(async (tx) => {
    const [s] = await tx.select().from(reportSections).where(eq(reportSections.id, options.sectionId));
    if (!s) throw notFound('Seksjonen');
    const r = await loadReport(tx, { id: s.reportId, cooperationId: options.cooperationId }).catch(() => { throw notFound('Seksjonen'); });
    assertOpen(r);
    const [row] = await tx.insert(reportComments).values({ sectionId: s.id, authorUserId: user.id, authorName: user.name, text: options.text }).returning();
    await recordAudit(tx, actorOf(user), { action: 'create', entity: 'report_comment', entityId: row!.id, after: { sectionId: s.id, text: options.text } });
    return r.id;
  });
  return getReport(db, user, { id: reportId, cooperationId: options.cooperationId });
}

export async function resolveComment(db: Db, user: SessionUser, options: { id: string; cooperationId: string }): Promise<TReport> {
  const reportId = await db.transaction(async (tx) => {
    const [c] = await tx.select().from(reportComments).where(eq(reportComments.id, options.id)).for('update');
    if (!c) throw notFound('Merknaden');
    const [s] = await tx.select().from(reportSections).where(eq(reportSections.id, c.sectionId));
    const r = await loadReport(tx, { id: s!.reportId, cooperationId: options.cooperationId }).catch(() => { throw notFound('Merknaden'); });
    assertOpen(r);
    const owners = (await tx.select().from(reportSectionOwners).where(eq(reportSectionOwners.sectionId, s!.id))).map((o) => o.userId);
    if (!mayEditSection(user, r, owners)) throw forbidden('Bare seksjonens eiere og rapportens leder løser merknader');
    if (c.resolvedAt) throw conflict(`Merknaden er allerede løst av ${c.resolvedByName ?? 'en annen'}`);
    await tx.update(reportComments).set({ resolvedAt: new Date(), resolvedByName: user.name }).where(eq(reportComments.id, c.id));
    await recordAudit(tx, actorOf(user), { action: 'resolve', entity: 'report_comment', entityId: c.id, before: { resolvedAt: null }, after: { resolvedByName: user.name } });
    return r.id;
  });
  return getReport(db, user, { id: reportId, cooperationId: options.cooperationId });
}

/** How many comments on the report are not resolved (approval waits for none). */
export async function unresolvedComments(db: DbOrTx, reportId: string): Promise<number> {
  const sectionIds = (await db.select({ id: reportSections.id }).from(reportSections).where(eq(reportSections.reportId, reportId))).map((s) => s.id);
  if (!sectionIds.length) return 0;
  const [row] = await db.select({ n: count() }).from(reportComments).where(and(inArray(reportComments.sectionId, sectionIds), isNull(reportComments.resolvedAt)));
  return row?.n ?? 0;
}
