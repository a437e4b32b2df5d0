// A report section's narrative, title, owners and exemption. Owners save the narrative of their own
// sections, the leader everything. Each save carries the revision the author read: when someone saved
// the section in between, nothing is written and the 409 holds the text saved first, for the author to
// merge with their own.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { actorOf, type SessionUser } from '../../server/context.js';
import { badRequest, forbidden, notFound, stale } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import type { TReport, TUpdateSectionRequest } from './model.js';
import { assertImagesOf } from './images.service.js';
import { assertOwners, loadUserNames } from './owners.js';
import { leadsReport, mayEditSection } from './policy.js';
import { assertOpen, getReport, legalBasisTexts, loadReport } from './reports.service.js';
import { reports, reportSectionOwners, reportSections } from './schema.js';

export async function updateSection(db: Db, user: SessionUser, options: TUpdateSectionRequest & { id: string; cooperationId: string }): Promise<TReport> {
  if (options.ownerUserIds) assertOwners(await loadUserNames(db), options.ownerUserIds, 'ownerUserIds');
  if (options.legalBasisId && !(await legalBasisTexts(db)).has(options.legalBasisId)) {
    throw badRequest('Hjemmelen finnes ikke', [{ path: 'legalBasisId', message: 'Hjemmelen finnes ikke' }]);
  }
  const reportId = await db.transaction(async (tx) => {
    const [s] = await tx.select().from(reportSections).where(eq(reportSections.id, options.id)).for('update');
    if (!s) throw notFound('Seksjonen');
    const r = await loadReport(tx, { id: s.reportId, cooperationId: options.cooperationId }).catch(() => { throw notFound('Seksjonen'); });
    assertOpen(r);
    await assertImagesOf(tx, options.cooperationId, options.narrative);
    const owners = (await tx.select().from(reportSectionOwners).where(eq(reportSectionOwners.sectionId, s.id))).map((o) => o.userId);
    if (!mayEditSection(user, r, owners)) throw forbidden('Bare seksjonens eiere og rapportens leder kan endre seksjonen');
    const structural = options.title !== undefined || options.ownerUserIds !== undefined || options.access !== undefined || options.legalBasisId !== undefined;
    if (structural && !leadsReport(user, r)) throw forbidden('Bare rapportens leder kan endre tittel, eiere og unntak');
    if (s.revision !== options.revision) {
      throw stale(`Seksjonen ble lagret av ${s.updatedByName ?? 'noen andre'} etter at du hentet den; slå sammen teksten din med den som er lagret`, {
        revision: s.revision, title: s.title, narrative: s.narrative, updatedByName: s.updatedByName, updatedAt: s.updatedAt.toISOString(),
      });
    }
    const access = options.access ?? s.access;
    const legalBasisId = access === 'offentlig' ? null : options.legalBasisId !== undefined ? options.legalBasisId : s.legalBasisId;
    if (access === 'unntatt' && !legalBasisId) {
      throw badRequest('En unntatt seksjon må ha en hjemmel', [{ path: 'legalBasisId', message: 'Velg hjemmel for unntaket' }]);
    }
    const [after] = await tx.update(reportSections).set({
      title: options.title ?? s.title, narrative: options.narrative ?? s.narrative, access, legalBasisId,
      revision: s.revision + 1, updatedAt: new Date(), updatedByName: user.name,
    }).where(and(eq(reportSections.id, s.id), eq(reportSections.revision, options.revision))).returning();
    if (options.ownerUserIds) {
      await tx.delete(reportSectionOwners).where(eq(reportSectionOwners.sectionId, s.id));
      if (options.ownerUserIds.length) await tx.insert(reportSectionOwners).values(options.ownerUserIds.map((userId) => ({ sectionId: s.id, userId })));
    }
    await tx.update(reports).set({ updatedAt: new Date() }).where(eq(reports.id, r.id));
    await recordAudit(tx, actorOf(user), {
      action: 'update', entity: 'report_section', entityId: s.id,
      before: { title: s.title, narrative: s.narrative, access: s.access, legalBasisId: s.legalBasisId, owners },
      after: { title: after!.title, narrative: after!.narrative, access, legalBasisId, owners: options.ownerUserIds ?? owners },
    });
    return r.id;
  });
  return getReport(db, user, { id: reportId, cooperationId: options.cooperationId });
}
