// Publishing the economy report with a council meeting. The public sees nothing of the economy except
// a report published with a meeting that is itself published; the meeting's visibility is the
// governance module's rule (getMeetingHeader answers 404 for an unpublished meeting).
//
// What the public reads is a copy of the report taken when it was published, not the report rebuilt
// live: a correction, a new forecast or a ledger import dated on or before the publication's date would
// otherwise change a published paper after the fact, unseen. Staff see the live report and are told
// when it no longer matches the published copy; publishing again replaces the copy.
import { isDeepStrictEqual } from 'node:util';
import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor, SessionUser } from '../../server/context.js';
import { badRequest, notFound } from '../../server/errors.js';
import { recordAudit, recordUpsertAudit } from '../audit/service.js';
import { getMeetingHeader } from '../governance/views.service.js';
import type { TEconomyReport, TPublishRequest } from './model.js';
import { buildEconomyReport } from './report.service.js';
import { economyPublications } from './schema.js';

export async function publishEconomyReport(db: Db, actor: Actor, options: { cooperationId: string; year: number; viewer: SessionUser } & TPublishRequest) {
  try {
    await getMeetingHeader(db, options.meetingId, options.viewer);
  } catch {
    throw badRequest('Møtet finnes ikke', [{ path: 'meetingId', message: 'Møtet finnes ikke' }]);
  }
  return db.transaction(async (tx) => {
    const before = await tx.query.economyPublications.findFirst({ where: eq(economyPublications.meetingId, options.meetingId) });
    const report = publicCopy(await buildEconomyReport(tx, { cooperationId: options.cooperationId, year: options.year, asOf: options.asOf }));
    const values = { cooperationId: options.cooperationId, meetingId: options.meetingId, year: options.year, asOf: options.asOf, publishedBy: actor.userId, report };
    const [row] = await tx.insert(economyPublications).values(values)
      .onConflictDoUpdate({ target: economyPublications.meetingId, set: { ...values, publishedAt: new Date() } })
      .returning();
    await recordUpsertAudit(tx, actor, { entity: 'economy_publication', entityId: row!.id, before, after: row! });
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

/** The report as the public may read it: internal forecast comments left out. */
function publicCopy(report: TEconomyReport): TEconomyReport {
  const strip = (t: TEconomyReport['operating']) => ({ ...t, rows: t.rows.map((r) => ({ ...r, forecastComment: null })) });
  return { ...report, operating: strip(report.operating), investment: strip(report.investment) };
}

/**
 * The year's publications for staff and the council, each saying whether the live report as of its date
 * still matches the published copy (`differsFromLive`: something dated on or before it changed since).
 */
export async function listEconomyPublications(db: DbOrTx, options: { cooperationId: string; year: number }) {
  const rows = await db.select().from(economyPublications)
    .where(and(eq(economyPublications.cooperationId, options.cooperationId), eq(economyPublications.year, options.year)))
    .orderBy(asc(economyPublications.asOf));
  const live = new Map<string, TEconomyReport>();
  return Promise.all(rows.map(async ({ report, ...publication }) => {
    if (!live.has(publication.asOf)) {
      live.set(publication.asOf, publicCopy(await buildEconomyReport(db, { cooperationId: publication.cooperationId, year: publication.year, asOf: publication.asOf })));
    }
    // jsonb keeps neither key order nor undefined, so compare values, not text.
    return { ...publication, differsFromLive: !isDeepStrictEqual(JSON.parse(JSON.stringify(live.get(publication.asOf))), report) };
  }));
}

/** What anyone may read: the copy published with a published meeting, as it stood when published. */
export async function getPublishedEconomyReport(db: DbOrTx, meetingId: string): Promise<TEconomyReport> {
  await getMeetingHeader(db, meetingId, null);
  const publication = await db.query.economyPublications.findFirst({ where: eq(economyPublications.meetingId, meetingId) });
  if (!publication) throw notFound('Økonomirapporten');
  return publication.report;
}
