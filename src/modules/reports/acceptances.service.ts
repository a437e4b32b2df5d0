// The annual report's acceptance by the member municipalities (issue 11): once the leader has approved
// it, each municipality that was a member in the report's year accepts it in its own decision; the
// report's leader records who accepted it and when, once per municipality. Shown on the page and printed
// (documents.service.ts) as "Behandling i medlemskommunene". A reopened version starts without them.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { actorOf, type SessionUser } from '../../server/context.js';
import { badRequest, conflict, forbidden } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { listMembersInYear } from '../org/memberships.service.js';
import type { TRecordAcceptanceRequest, TReport } from './model.js';
import { leadsReport } from './policy.js';
import { getReport, loadReport } from './reports.service.js';
import { reportAcceptances } from './schema.js';

export async function recordAcceptance(db: Db, user: SessionUser, options: TRecordAcceptanceRequest & { id: string; cooperationId: string }): Promise<TReport> {
  await db.transaction(async (tx) => {
    const r = await loadReport(tx, { id: options.id, cooperationId: options.cooperationId, forUpdate: true });
    if (!leadsReport(user, r)) throw forbidden('Bare rapportens leder kan registrere kommunenes godkjenning');
    if (r.kind !== 'arsrapport') throw conflict('Bare en årsrapport godkjennes av medlemskommunene');
    if (r.archived) throw conflict('Rapporten er erstattet av en nyere versjon');
    if (r.status !== 'godkjent' || !r.approvedAt) throw conflict('Årsrapporten må være godkjent av lederen før kommunene godkjenner den');
    const members = await listMembersInYear(tx, r.cooperationId, r.year);
    if (!members.some((m) => m.municipalityId === options.municipalityId)) {
      throw badRequest(`Kommunen var ikke medlem i ${r.year}`, [{ path: 'municipalityId', message: `Ikke medlem i ${r.year}` }]);
    }
    if (options.acceptedOn < r.approvedAt) {
      throw badRequest('Kommunen kan ikke ha godkjent rapporten før lederen godkjente den', [{ path: 'acceptedOn', message: 'Før rapporten ble godkjent' }]);
    }
    const [row] = await tx.insert(reportAcceptances).values({
      reportId: r.id, municipalityId: options.municipalityId, acceptedBy: options.acceptedBy, acceptedOn: options.acceptedOn, recordedByName: user.name,
    }).onConflictDoNothing().returning();
    if (!row) throw conflict('Kommunens godkjenning er allerede registrert');
    await recordAudit(tx, actorOf(user), {
      action: 'create', entity: 'report_acceptance', entityId: row.id,
      after: { reportId: r.id, municipalityId: row.municipalityId, acceptedBy: row.acceptedBy, acceptedOn: row.acceptedOn },
    });
  });
  return getReport(db, user, options);
}
