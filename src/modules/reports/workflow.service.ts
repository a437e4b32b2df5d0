// Utkast → til gjennomsyn → godkjent, each step by the report's leader with the revision they read.
// Approval stamps the date and the approver (printed in the header as seed 001 prints them). Reopening
// an approved report makes a new version carried forward from it; the approved one stays, archived.
import { eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { osloToday } from '../../lib/oslo-time.js';
import { actorOf, type SessionUser } from '../../server/context.js';
import { conflict, forbidden } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import type { TReport, TReportRevisionRequest } from './model.js';
import { leadsReport } from './policy.js';
import { assertOpen, copyAsNewVersion, getReport, loadReport, staleReport, toSummary, type TReportRow } from './reports.service.js';
import { reports } from './schema.js';
import { unresolvedComments } from './comments.service.js';

type TTransitionOptions = TReportRevisionRequest & { id: string; cooperationId: string };

async function leaderStep(db: Db, user: SessionUser, options: TTransitionOptions, step: (tx: Tx, r: TReportRow) => Promise<string>): Promise<TReport> {
  const id = await db.transaction(async (tx) => {
    const r = await loadReport(tx, { ...options, forUpdate: true });
    if (!leadsReport(user, r)) throw forbidden('Bare rapportens leder kan gjøre dette');
    if (r.revision !== options.revision) throw staleReport(r.revision);
    return step(tx, r);
  });
  return getReport(db, user, { id, cooperationId: options.cooperationId });
}

export function submitReport(db: Db, user: SessionUser, options: TTransitionOptions): Promise<TReport> {
  return leaderStep(db, user, options, async (tx, r) => {
    assertOpen(r);
    if (r.status !== 'utkast') throw conflict('Rapporten er allerede sendt til gjennomsyn');
    const [after] = await tx.update(reports).set({ status: 'til_gjennomsyn', revision: r.revision + 1, updatedAt: new Date() }).where(eq(reports.id, r.id)).returning();
    await recordAudit(tx, actorOf(user), { action: 'submit', entity: 'report', entityId: r.id, before: toSummary(r), after: toSummary(after!) });
    return r.id;
  });
}

export type TApproveHooks = {
  /** Freezes every block's data as of the report's date, inside the approval's transaction. */
  freeze?: (tx: Tx, report: TReportRow) => Promise<void>;
  /** The approval date (ISO) when it is not today in Oslo: the demo dates its reports as the papers do. */
  today?: string;
};

export function approveReport(db: Db, user: SessionUser, options: TTransitionOptions, hooks: TApproveHooks = {}): Promise<TReport> {
  return leaderStep(db, user, options, async (tx, r) => {
    assertOpen(r);
    const open = await unresolvedComments(tx, r.id);
    if (open) throw conflict(open === 1 ? 'Én merknad er ikke løst ennå' : `${open} merknader er ikke løst ennå`);
    await hooks.freeze?.(tx, r);
    const [after] = await tx.update(reports).set({
      status: 'godkjent', approvedAt: hooks.today ?? osloToday(), approvedByName: user.name, approvedByUserId: user.id, revision: r.revision + 1, updatedAt: new Date(),
    }).where(eq(reports.id, r.id)).returning();
    await recordAudit(tx, actorOf(user), { action: 'approve', entity: 'report', entityId: r.id, before: toSummary(r), after: toSummary(after!) });
    return r.id;
  });
}

export function reopenReport(db: Db, user: SessionUser, options: TTransitionOptions): Promise<TReport> {
  return leaderStep(db, user, options, async (tx, r) => {
    if (r.archived) throw conflict('Rapporten er allerede erstattet av en nyere versjon');
    if (r.status !== 'godkjent') throw conflict('Bare en godkjent rapport gjenåpnes; et utkast endres direkte');
    await tx.update(reports).set({ archived: true, revision: r.revision + 1, updatedAt: new Date() }).where(eq(reports.id, r.id));
    const id = await copyAsNewVersion(tx, user, r);
    await recordAudit(tx, actorOf(user), { action: 'reopen', entity: 'report', entityId: r.id, after: { newVersionId: id, version: r.version + 1 } });
    return id;
  });
}
