// Publishing the economy report with a council meeting. The public sees nothing of the economy except
// a report published with a meeting that is itself published; the meeting's visibility is the
// governance module's rule (getMeetingHeader answers 404 for an unpublished meeting).
import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor, SessionUser } from '../../server/context.js';
import { badRequest, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { getMeetingHeader } from '../governance/views.service.js';
import type { TEconomyReport } from './model.js';
import { buildEconomyReport } from './report.service.js';
import { economyPublications } from './schema.js';

export async function publishEconomyReport(db: Db, actor: Actor, options: {
  cooperationId: string; year: number; meetingId: string; asOf: string; viewer: SessionUser;
}) {
  try {
    await getMeetingHeader(db, options.meetingId, options.viewer);
  } catch {
    throw badRequest('Møtet finnes ikke', [{ path: 'meetingId', message: 'Møtet finnes ikke' }]);
  }
  return db.transaction(async (tx) => {
    const before = await tx.query.economyPublications.findFirst({ where: eq(economyPublications.meetingId, options.meetingId) });
    const values = { cooperationId: options.cooperationId, meetingId: options.meetingId, year: options.year, asOf: options.asOf, publishedBy: actor.userId };
    const [row] = await tx.insert(economyPublications).values(values)
      .onConflictDoUpdate({ target: economyPublications.meetingId, set: { ...values, publishedAt: new Date() } })
      .returning();
    await recordAudit(tx, actor, { action: before ? 'update' : 'create', entity: 'economy_publication', entityId: row!.id, before, after: row });
    return row!;
  });
}

export async function unpublishEconomyReport(db: Db, actor: Actor, options: { meetingId: string }) {
  await db.transaction(async (tx) => {
    const before = await tx.query.economyPublications.findFirst({ where: eq(economyPublications.meetingId, options.meetingId) });
    if (!before) throw notFound('Publiseringen');
    await tx.delete(economyPublications).where(eq(economyPublications.id, before.id));
    await recordAudit(tx, actor, { action: 'delete', entity: 'economy_publication', entityId: before.id, before });
  });
}

export async function listEconomyPublications(db: DbOrTx, options: { cooperationId: string; year: number }) {
  return db.select().from(economyPublications)
    .where(and(eq(economyPublications.cooperationId, options.cooperationId), eq(economyPublications.year, options.year)))
    .orderBy(asc(economyPublications.asOf));
}

/** What anyone may read: the report published with a published meeting, without internal forecast notes. */
export async function getPublishedEconomyReport(db: DbOrTx, meetingId: string): Promise<TEconomyReport> {
  await getMeetingHeader(db, meetingId, null);
  const publication = await db.query.economyPublications.findFirst({ where: eq(economyPublications.meetingId, meetingId) });
  if (!publication) throw notFound('Økonomirapporten');
  const report = await buildEconomyReport(db, { cooperationId: publication.cooperationId, year: publication.year, asOf: publication.asOf });
  const strip = (t: TEconomyReport['operating']) => ({ ...t, rows: t.rows.map((r) => ({ ...r, forecastComment: null })) });
  return { ...report, operating: strip(report.operating), investment: strip(report.investment) };
}
