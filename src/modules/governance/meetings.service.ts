// Meetings of a body: plan (numbered M1… per body and year), change, delete before the notice is sent,
// publish; lists for staff and the public; the yearly count for the annual report. Creating a meeting
// also proposes its standing cases (approval of notice and agenda, approval of the previous minutes).
import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, conflict, notFound, stale } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { bodyRows, listBodies, lockBody } from '../org/bodies.service.js';
import { assertMinutesOpen, auditCase, insertCase, renumberMeeting } from './cases.service.js';
import type { TCreateMeetingRequest, TMeetingSummary, TUpdateMeetingRequest } from './model.js';
import { meetingLabel, nextMeetingNumber } from './numbering.js';
import { cases, meetings } from './schema.js';
import { OSLO, osloDate } from '../../lib/oslo-time.js';
import { awaitsRecording, meetingStage } from './vocabulary.js';
import { yearOf } from '../../lib/date-schemas.js';

// org's bodies through the subquery it offers, for a list with each meeting's body name.
const bodies = bodyRows();

/** The standing first cases of every meeting, as the 2023 notice lists them. */
export const STANDING_CASES = [
  { standing: 'innkalling', title: 'Godkjenning av innkalling og saksliste', proposal: 'Innkalling og saksliste godkjennes.' },
  { standing: 'referat', title: 'Godkjenning av møtereferat', proposal: 'Møtereferatet fra forrige møte godkjennes.' },
] as const;

/** The request, and for loaders the year (the date's year when left out). */
export type TCreateMeetingOptions = TCreateMeetingRequest & { year?: number };
export type TUpdateMeetingOptions = { id: string } & TUpdateMeetingRequest;

type TMeetingRow = typeof meetings.$inferSelect;

function checkTimes(startTime: string | null, endTime: string | null | undefined) {
  if (endTime && startTime && endTime <= startTime) {
    throw badRequest('Sluttid må være etter starttid', [{ path: 'endTime', message: 'Sluttid må være etter starttid' }]);
  }
}

/**
 * The body and the meeting number a new meeting of the year takes: the one asked for, or the next free
 * one. The body is locked, which serialises numbering within it; a number taken is 409.
 */
export async function claimMeetingNumber(tx: Tx, options: { bodyId: string; year: number; number?: number | null }) {
  const body = await lockBody(tx, options.bodyId);
  if (!body) throw badRequest('Ukjent organ', [{ path: 'bodyId', message: 'Organet finnes ikke' }]);
  const taken = await tx.select({ number: meetings.number }).from(meetings)
    .where(and(eq(meetings.bodyId, body.id), eq(meetings.year, options.year)));
  const number = options.number ?? nextMeetingNumber(taken.map((t) => t.number));
  if (taken.some((t) => t.number === number)) {
    throw conflict(`${body.name} har allerede møte ${meetingLabel(number)} i ${options.year}`);
  }
  return { body, number };
}

export async function createMeeting(db: Db, actor: Actor, options: TCreateMeetingOptions) {
  checkTimes(options.startTime, options.endTime);
  return db.transaction(async (tx) => {
    const year = options.year ?? yearOf(options.date);
    const { body, number } = await claimMeetingNumber(tx, { bodyId: options.bodyId, year, number: options.number });
    const [meeting] = await tx.insert(meetings).values({
      bodyId: body.id, year, number, date: options.date, startTime: options.startTime,
      endTime: options.endTime ?? null, place: options.place.trim(), firstCaseSequence: options.firstCaseSequence ?? null,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'meeting', entityId: meeting!.id, after: meeting! });
    if (options.standingCases !== false) {
      for (const s of STANDING_CASES) {
        await insertCase(tx, actor, { meetingId: meeting!.id, title: s.title, caseType: 'vedtak', proposal: s.proposal, standing: s.standing });
      }
    }
    return meeting!;
  });
}

export async function updateMeeting(db: Db, actor: Actor, options: TUpdateMeetingOptions) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(meetings).where(eq(meetings.id, options.id)).for('update');
    if (!before) throw notFound('Møtet');
    if (before.revision !== options.revision) throw staleMeeting(before.revision);
    assertMinutesOpen(before);
    const date = options.date ?? before.date;
    const year = yearOf(date);
    const number = options.number ?? before.number;
    const startTime = options.startTime !== undefined ? options.startTime : before.startTime;
    const endTime = options.endTime !== undefined ? options.endTime : before.endTime;
    // Only a meeting registered from old papers may be without a time; a called one has the notice's.
    if (startTime === null && !before.historical) {
      throw badRequest('Starttid må fylles ut', [{ path: 'startTime', message: 'Starttid må fylles ut' }]);
    }
    checkTimes(startTime, endTime);
    const firstCaseSequence = options.firstCaseSequence !== undefined ? options.firstCaseSequence : before.firstCaseSequence;
    const renumbers = year !== before.year || number !== before.number || firstCaseSequence !== before.firstCaseSequence;
    if (renumbers || date !== before.date) await assertCitesNoApproval(tx, before);
    if (renumbers) {
      const [locked] = await tx.select({ id: cases.id }).from(cases)
        .where(and(eq(cases.meetingId, before.id), eq(cases.numberLocked, true))).limit(1);
      if (locked) throw conflict('Saksnumrene er sendt ut i en innkalling; møtenummer og år kan ikke endres lenger');
      const [clash] = await tx.select({ id: meetings.id }).from(meetings)
        .where(and(eq(meetings.bodyId, before.bodyId), eq(meetings.year, year), eq(meetings.number, number), sql`${meetings.id} <> ${before.id}`));
      if (clash) throw conflict(`Organet har allerede møte ${meetingLabel(number)} i ${year}`);
    }
    const [after] = await tx.update(meetings).set({
      date, year, number, startTime, endTime, firstCaseSequence,
      place: options.place?.trim() ?? before.place,
      revision: before.revision + 1,
    }).where(and(eq(meetings.id, before.id), eq(meetings.revision, options.revision))).returning();
    if (!after) throw staleMeeting(before.revision);
    if (renumbers) {
      await tx.update(cases).set({ year }).where(eq(cases.meetingId, before.id));
      await renumberMeeting(tx, before.id);
    }
    await recordAudit(tx, actor, { action: 'update', entity: 'meeting', entityId: before.id, before, after });
    return after;
  });
}

/**
 * A meeting whose case 002 approved another meeting's minutes is part of that approval record: the
 * stored minutes say "Godkjent i sak 2024/M1-002 i møtet 14.02.2024", and the next-meeting rule was
 * checked against its date. So its date, year, number and first case number (which make the case
 * number) stay as they were, and the meeting stays. Place and times are not cited and may change.
 */
async function assertCitesNoApproval(tx: Tx, meeting: TMeetingRow) {
  const [approved] = await tx.select({ year: meetings.year, number: meetings.number, caseNumber: cases.number })
    .from(meetings).innerJoin(cases, eq(cases.id, meetings.minutesApprovedByCaseId))
    .where(eq(cases.meetingId, meeting.id)).limit(1);
  if (approved) {
    throw conflict(`Møtet godkjente referatet fra møte ${approved.year}/${meetingLabel(approved.number)} i sak ${approved.caseNumber}; `
      + 'dato og møtenummer står i godkjenningen og kan ikke endres');
  }
}

export async function deleteMeeting(db: Db, actor: Actor, options: { id: string }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(meetings).where(eq(meetings.id, options.id)).for('update');
    if (!before) throw notFound('Møtet');
    await assertCitesNoApproval(tx, before);
    if (before.noticeVersion > 0) throw conflict('Innkallingen er sendt; møtet kan ikke slettes');
    // Only a historical meeting can have approved minutes without a notice: approved, it is the record.
    assertMinutesOpen(before);
    const agenda = await tx.select().from(cases).where(eq(cases.meetingId, before.id));
    // The cases go with the meeting (foreign key cascade); the audit log keeps each of them.
    for (const c of agenda) {
      await recordAudit(tx, actor, { action: 'delete', entity: 'case', entityId: c.id, before: auditCase(c) });
    }
    await tx.delete(meetings).where(eq(meetings.id, before.id));
    await recordAudit(tx, actor, { action: 'delete', entity: 'meeting', entityId: before.id, before });
  });
}

export async function setMeetingPublished(db: Db, actor: Actor, options: { id: string; published: boolean }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(meetings).where(eq(meetings.id, options.id)).for('update');
    if (!before) throw notFound('Møtet');
    if (before.published === options.published) return before;
    const [after] = await tx.update(meetings).set({ published: options.published, revision: before.revision + 1 })
      .where(eq(meetings.id, before.id)).returning();
    await recordAudit(tx, actor, {
      action: options.published ? 'publish' : 'unpublish', entity: 'meeting', entityId: before.id,
      before: { published: before.published }, after: { published: after!.published },
    });
    return after!;
  });
}

export type TListMeetingsOptions = {
  bodyId?: string;
  year?: number;
  /** The public list: published meetings only. */
  publishedOnly?: boolean;
  limit?: number;
};

/** Meetings with their body and case count, newest first. */
export async function listMeetings(db: DbOrTx, options: TListMeetingsOptions = {}): Promise<(TMeetingSummary & { caseCount: number })[]> {
  const where: SQL[] = [];
  if (options.bodyId) where.push(eq(meetings.bodyId, options.bodyId));
  if (options.year) where.push(eq(meetings.year, options.year));
  if (options.publishedOnly) where.push(eq(meetings.published, true));
  const rows = await db
    .select({
      m: meetings,
      bodyName: bodies.name,
      caseCount: sql<number>`(select count(*)::int from ${cases} where ${cases.meetingId} = ${meetings.id})`,
    })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(meetings.date), desc(meetings.number))
    .limit(Math.min(options.limit ?? 500, 2000));
  const today = osloDate(new Date());
  return rows.map((r) => ({ ...summary(r.m, r.bodyName, today), caseCount: Number(r.caseCount) }));
}

/**
 * The meetings that wait for the staff, for their overview: planned meetings still to be called (from
 * today on, soonest first), called meetings whose day has passed with nothing recorded, and held
 * meetings whose minutes are not approved yet (oldest first).
 */
export async function meetingsAwaiting(db: DbOrTx, today: string): Promise<{ toPrepare: TMeetingSummary[]; toRecord: TMeetingSummary[]; toApprove: TMeetingSummary[] }> {
  const rows = await db
    .select({ m: meetings, bodyName: bodies.name })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(or(
      and(eq(meetings.status, 'planlagt'), gte(meetings.date, today)),
      and(eq(meetings.status, 'innkalt'), lt(meetings.date, today)),
      eq(meetings.status, 'avholdt'),
    ))
    .orderBy(asc(meetings.date), asc(meetings.number))
    .limit(300);
  const of = (wanted: (m: TMeetingRow) => boolean) => rows.filter((r) => wanted(r.m)).slice(0, 20).map((r) => summary(r.m, r.bodyName, today));
  return {
    toPrepare: of((m) => m.status === 'planlagt' && m.date >= today),
    toRecord: of((m) => m.status === 'innkalt' && awaitsRecording(m, today)),
    toApprove: of((m) => m.status === 'avholdt'),
  };
}

function summary(m: TMeetingRow, bodyName: string, today = osloDate(new Date())): TMeetingSummary {
  return {
    id: m.id, bodyId: m.bodyId, bodyName, year: m.year, number: m.number, numberLabel: meetingLabel(m.number),
    date: m.date, startTime: m.startTime, endTime: m.endTime, place: m.place, status: m.status,
    stage: meetingStage(m, today), awaitsRecording: awaitsRecording(m, today),
    noticeVersion: m.noticeVersion, published: m.published, historical: m.historical,
  };
}

export type TBodyYearCount = { bodyId: string; bodyName: string; meetingsHeld: number; casesMinuted: number };

/**
 * For the annual report: per body, the meetings held in the year and the cases minuted (cases with a
 * decision text, in a meeting of the year or decided in writing that year). A meeting counts as held
 * when its date has come (Europe/Oslo); a meeting that did not take place is deleted, not kept.
 * Bodies with neither are left out.
 */
export async function countMeetingsAndCases(db: DbOrTx, options: { cooperationId?: string; year: number }): Promise<TBodyYearCount[]> {
  const today = sql`(now() at time zone ${OSLO})::date`;
  const bodyList = await listBodies(db, { cooperationId: options.cooperationId });
  if (bodyList.length === 0) return [];
  const ids = bodyList.map((b) => b.id);
  const held = await db.select({ bodyId: meetings.bodyId, n: sql<number>`count(*)::int` }).from(meetings)
    .where(and(inArray(meetings.bodyId, ids), eq(meetings.year, options.year), sql`${meetings.date} <= ${today}`))
    .groupBy(meetings.bodyId);
  const minuted = await db.select({ bodyId: cases.bodyId, n: sql<number>`count(*)::int` }).from(cases)
    .leftJoin(meetings, eq(meetings.id, cases.meetingId))
    .where(and(
      inArray(cases.bodyId, ids), eq(cases.year, options.year),
      sql`coalesce(trim(${cases.decisionText}), '') <> ''`,
      sql`(${meetings.id} is null or ${meetings.date} <= ${today})`,
    ))
    .groupBy(cases.bodyId);
  const heldBy = new Map(held.map((h) => [h.bodyId, Number(h.n)]));
  const minutedBy = new Map(minuted.map((m) => [m.bodyId, Number(m.n)]));
  return bodyList
    .map((b) => ({ bodyId: b.id, bodyName: b.name, meetingsHeld: heldBy.get(b.id) ?? 0, casesMinuted: minutedBy.get(b.id) ?? 0 }))
    .filter((r) => r.meetingsHeld > 0 || r.casesMinuted > 0);
}

function staleMeeting(current: number) {
  return stale(`Møtet er endret av noen andre siden du hentet det (nå versjon ${current}); last inn på nytt`, { revision: current });
}
