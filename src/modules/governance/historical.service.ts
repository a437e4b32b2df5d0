// Meetings from the years before samrad (issue 12), registered afterwards from the old papers so the
// archive and the yearly count are complete. Such a meeting is held from the start and never called:
// no notice, no attendance. Its cases carry the numbers the papers gave them ("38/18"), entered by
// hand and locked, with sequence 0, so the body's running numbering for new meetings never counts
// them (renumberMeeting takes the largest sequence of earlier meetings). The access rule, the public
// stages and the yearly count treat it as any held meeting.
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, conflict, notFound } from '../../server/errors.js';
import { osloDate } from '../../lib/oslo-time.js';
import { recordAudit } from '../audit/service.js';
import { lockBody } from '../org/bodies.service.js';
import { accessFieldIssues, assertMinutesOpen, auditCase, staleCase } from './cases.service.js';
import { claimMeetingNumber } from './meetings.service.js';
import type { TCreateHistoricalCaseRequest, TCreateHistoricalMeetingRequest, TUpdateHistoricalCaseRequest } from './model.js';
import { cases, meetings } from './schema.js';
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
      bodyId: body.id, year, number, date: options.date, startTime: options.startTime ?? null,
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

/** 400 on the fields when an exempt case lacks its public title or a known legal basis (the rule of every case). */
async function checkAccessFields(tx: Tx, fields: Parameters<typeof accessFieldIssues>[1]) {
  const issues = await accessFieldIssues(tx, fields);
  if (issues.length) throw badRequest(issues[0]!.message, issues);
}

/** The number is unique within the body, case-insensitive; the caller holds the body row lock. */
async function assertNumberFree(tx: Tx, options: { bodyId: string; number: string; exceptCaseId?: string }) {
  const [same] = await tx.select({ id: cases.id }).from(cases)
    .where(and(
      eq(cases.bodyId, options.bodyId), sql`lower(${cases.number}) = lower(${options.number})`,
      options.exceptCaseId ? ne(cases.id, options.exceptCaseId) : undefined,
    )).limit(1);
  if (same) throw conflict(`Organet har allerede en sak med nummer ${options.number}`);
}

/** A case as the old minutes record it: its number, title, access and decision, last on the agenda. */
export async function addHistoricalCase(db: Db, actor: Actor, options: { meetingId: string } & TCreateHistoricalCaseRequest) {
  return db.transaction(async (tx) => {
    const meeting = await lockHistorical(tx, options.meetingId);
    // The body lock serialises the uniqueness check against another case with the same number.
    await lockBody(tx, meeting.bodyId);
    const access = options.access ?? 'offentlig';
    await checkAccessFields(tx, { access, publicTitle: options.publicTitle, legalBasisId: options.legalBasisId });
    const number = options.number.trim();
    await assertNumberFree(tx, { bodyId: meeting.bodyId, number });
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

/**
 * Locks a historical case for a correction: its meeting (historical, minutes not yet approved, else
 * 409), the body (for the number's uniqueness), then the case at the revision the client read (409
 * `stale` otherwise). The same order as every agenda change, so it queues behind them.
 */
async function lockHistoricalCase(tx: Tx, options: { id: string; revision: number }) {
  const [found] = await tx.select({ meetingId: cases.meetingId }).from(cases).where(eq(cases.id, options.id));
  if (!found) throw notFound('Saken');
  if (!found.meetingId) throw conflict('Saken hører ikke til et historisk møte');
  const meeting = await lockHistorical(tx, found.meetingId);
  await lockBody(tx, meeting.bodyId);
  const [before] = await tx.select().from(cases).where(eq(cases.id, options.id)).for('update');
  if (!before || before.meetingId !== meeting.id) throw notFound('Saken');
  if (before.revision !== options.revision) throw staleCase(before.revision);
  return { meeting, before };
}

/**
 * Corrects a case entered from the old papers (number, title, access, decision) until the meeting's
 * minutes are marked approved; after that it is the record (409), as for any meeting.
 */
export async function updateHistoricalCase(db: Db, actor: Actor, options: { id: string } & TUpdateHistoricalCaseRequest) {
  return db.transaction(async (tx) => {
    const { meeting, before } = await lockHistoricalCase(tx, options);
    const access = options.access ?? before.access;
    const exempt = access === 'unntatt';
    const publicTitle = !exempt ? null : options.publicTitle !== undefined ? options.publicTitle?.trim() || null : before.publicTitle;
    const legalBasisId = !exempt ? null : options.legalBasisId !== undefined ? options.legalBasisId : before.legalBasisId;
    await checkAccessFields(tx, { access, publicTitle, legalBasisId });
    const number = options.number?.trim() ?? before.number;
    if (number.toLowerCase() !== before.number.toLowerCase()) await assertNumberFree(tx, { bodyId: meeting.bodyId, number, exceptCaseId: before.id });
    const [after] = await tx.update(cases).set({
      number,
      ...(options.title !== undefined ? { title: options.title.trim() } : {}),
      ...(options.decisionKind !== undefined ? { decisionKind: options.decisionKind } : {}),
      ...(options.decisionText !== undefined ? { decisionText: options.decisionText.trim() } : {}),
      access, publicTitle, legalBasisId,
      revision: before.revision + 1,
      updatedAt: new Date(),
    }).where(and(eq(cases.id, before.id), eq(cases.revision, options.revision))).returning();
    if (!after) throw staleCase(before.revision);
    await recordAudit(tx, actor, { action: 'update', entity: 'case', entityId: before.id, before: auditCase(before), after: auditCase(after) });
    return after;
  });
}

/**
 * Removes a case entered by mistake from a historical meeting whose minutes are not yet marked
 * approved. Its number was never sent in a notice from samrad, so the lock that keeps an ordinary
 * case's number does not apply; the rest of the agenda closes up and keeps its numbers.
 */
export async function deleteHistoricalCase(db: Db, actor: Actor, options: { id: string; revision: number }) {
  return db.transaction(async (tx) => {
    const { meeting, before } = await lockHistoricalCase(tx, options);
    await tx.delete(cases).where(eq(cases.id, before.id));
    const rest = await tx.select({ id: cases.id, position: cases.position }).from(cases)
      .where(eq(cases.meetingId, meeting.id)).orderBy(asc(cases.position), asc(cases.createdAt));
    for (const [i, c] of rest.entries()) {
      if (c.position !== i + 1) await tx.update(cases).set({ position: i + 1 }).where(eq(cases.id, c.id));
    }
    await tx.update(meetings).set({ agendaRevision: sql`${meetings.agendaRevision} + 1` }).where(eq(meetings.id, meeting.id));
    await recordAudit(tx, actor, { action: 'delete', entity: 'case', entityId: before.id, before: auditCase(before) });
  });
}
