// Meetings from the years before samrad (issue 12), registered afterwards from the old papers so the
// archive and the yearly count are complete. Such a meeting is held from the start and never called:
// no notice, no attendance. Its cases carry the numbers the papers gave them ("38/18"), entered by
// hand and locked, with sequence 0, so the body's running numbering for new meetings never counts
// them (renumberMeeting takes the largest sequence of earlier meetings). The access rule, the public
// stages and the yearly count treat it as any held meeting.
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, conflict, notFound, type TFieldIssue } from '../../server/errors.js';
import { osloDate } from '../../lib/oslo-time.js';
import { recordAudit } from '../audit/service.js';
import { lockBody } from '../org/bodies.service.js';
import { assertMinutesOpen, auditCase } from './cases.service.js';
import { claimMeetingNumber } from './meetings.service.js';
import type { TCreateHistoricalCaseRequest, TCreateHistoricalMeetingRequest } from './model.js';
import { cases, legalBases, meetings } from './schema.js';
import { yearOf } from '../../lib/date-schemas.js';

export async function createHistoricalMeeting(db: Db, actor: Actor, options: TCreateHistoricalMeetingRequest & { today?: string }) {
  const today = options.today ?? osloDate(new Date());
  if (options.date >= today) {
    throw badRequest('Et historisk møte må ha en dato før i dag', [{ path: 'date', message: 'Datoen må være før i dag' }]);
  }
  return db.transaction(async (tx) => {
    const year = yearOf(options.date);
    const { body, number } = await claimMeetingNumber(tx, { bodyId: options.bodyId, year, number: options.number });
    const [meeting] = await tx.insert(meetings).values({
      bodyId: body.id, year, number, date: options.date, startTime: options.startTime ?? '00:00',
      place: options.place.trim(), status: 'avholdt', historical: true,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'meeting', entityId: meeting!.id, after: meeting! });
    return meeting!;
  });
}

async function lockHistorical(tx: Tx, meetingId: string) {
  const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for('update');
  if (!meeting) throw notFound('Møtet');
  if (!meeting.historical) throw conflict('Møtet er ikke historisk; saker får nummer etter organets nummerering');
  assertMinutesOpen(meeting);
  return meeting;
}

/** A case as the old minutes record it: its number, title, access and decision, last on the agenda. */
export async function addHistoricalCase(db: Db, actor: Actor, options: { meetingId: string } & TCreateHistoricalCaseRequest) {
  return db.transaction(async (tx) => {
    const meeting = await lockHistorical(tx, options.meetingId);
    // The body lock serialises the uniqueness check against another case with the same number.
    await lockBody(tx, meeting.bodyId);
    const access = options.access ?? 'offentlig';
    const issues: TFieldIssue[] = [];
    if (access === 'unntatt') {
      if (!options.publicTitle?.trim()) issues.push({ path: 'publicTitle', message: 'Offentlig tittel må fylles ut når saken er unntatt offentlighet' });
      if (!options.legalBasisId) issues.push({ path: 'legalBasisId', message: 'Hjemmel må velges når saken er unntatt offentlighet' });
    }
    if (options.legalBasisId) {
      const [basis] = await tx.select({ id: legalBases.id }).from(legalBases).where(eq(legalBases.id, options.legalBasisId));
      if (!basis) issues.push({ path: 'legalBasisId', message: 'Ukjent hjemmel' });
    }
    if (issues.length) throw badRequest(issues[0]!.message, issues);
    const number = options.number.trim();
    const [same] = await tx.select({ id: cases.id }).from(cases)
      .where(and(eq(cases.bodyId, meeting.bodyId), sql`lower(${cases.number}) = lower(${number})`)).limit(1);
    if (same) throw conflict(`Organet har allerede en sak med nummer ${number}`);
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(cases).where(eq(cases.meetingId, meeting.id)) as [{ n: number }];
    const [row] = await tx.insert(cases).values({
      bodyId: meeting.bodyId, meetingId: meeting.id, year: meeting.year, position: Number(n) + 1,
      sequence: 0, number, numberLocked: true, title: options.title.trim(), caseType: 'vedtak',
      access, publicTitle: access === 'unntatt' ? options.publicTitle!.trim() : null,
      legalBasisId: access === 'unntatt' ? options.legalBasisId! : null,
      decisionKind: options.decisionKind ?? 'vedtak', decisionText: options.decisionText.trim(), decidedAt: meeting.date,
    }).returning();
    await tx.update(meetings).set({ agendaRevision: sql`${meetings.agendaRevision} + 1` }).where(eq(meetings.id, meeting.id));
    await recordAudit(tx, actor, { action: 'create', entity: 'case', entityId: row!.id, after: auditCase(row!) });
    return row!;
  });
}

/** The old minutes were approved back then: record it, and the meeting is closed like any approved one. */
export async function approveHistoricalMinutes(db: Db, actor: Actor, options: { meetingId: string }) {
  return db.transaction(async (tx) => {
    const before = await lockHistorical(tx, options.meetingId);
    const [after] = await tx.update(meetings)
      .set({ status: 'godkjent', minutesApprovedAt: new Date(), revision: before.revision + 1 })
      .where(eq(meetings.id, before.id)).returning();
    await recordAudit(tx, actor, {
      action: 'approve', entity: 'meeting', entityId: before.id,
      before: { status: before.status }, after: { status: after!.status, minutesApprovedAt: after!.minutesApprovedAt },
    });
    return after!;
  });
}
