// Cases on a meeting's agenda: create, update, delete, reorder, and the numbering that follows the
// body's scheme. A number sent out in a notice (number_locked, set by the notice sender) never changes:
// see numbering.ts and docs/decisions/0002-case-numbering.md. Every write runs in one transaction
// with its audit rows; updates carry the revision the client read, and a stale one changes nothing.
import { and, asc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, conflict, notFound, stale, type TFieldIssue } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { findBody, lockBody, type TBodyRow } from '../org/bodies.service.js';
import { existingPersonIds } from '../org/people.service.js';
import type { TCreateCaseRequest, TUpdateCaseRequest } from './model.js';
import { assignSequences, formatCaseNumber } from './numbering.js';
import { casePresenters, cases, legalBases, meetings } from './schema.js';
import type { TCaseAccess, TCaseType, TConclusionKind } from './vocabulary.js';

export type { TCaseType, TConclusionKind };
export type TAccess = TCaseAccess;

/** Every field of a case a request may set, all present. */
export type TCaseFields = Required<Omit<TUpdateCaseRequest, 'revision'>>;
export type TCreateCaseOptions = { meetingId: string } & TCreateCaseRequest;
export type TUpdateCaseOptions = { id: string } & TUpdateCaseRequest;

type TCaseRow = typeof cases.$inferSelect;

/** The row as the audit log keeps it: the search vectors are derived and only add noise. */
export function auditCase(row: TCaseRow, presenterIds?: string[]) {
  const { searchVector: _s, publicSearchVector: _p, ...rest } = row;
  return presenterIds ? { ...rest, presenterIds } : rest;
}

/** An exempt case needs a public title and a known legal basis: the field issues, for every kind of case. */
export async function accessFieldIssues(tx: Tx, fields: { access: 'offentlig' | 'unntatt'; publicTitle?: string | null; legalBasisId?: string | null }): Promise<TFieldIssue[]> {
  const issues: TFieldIssue[] = [];
  if (fields.access === 'unntatt') {
    if (!fields.publicTitle?.trim()) issues.push({ path: 'publicTitle', message: 'Offentlig tittel må fylles ut når saken er unntatt offentlighet' });
    if (!fields.legalBasisId) issues.push({ path: 'legalBasisId', message: 'Hjemmel må velges når saken er unntatt offentlighet' });
  }
  if (fields.legalBasisId) {
    const [basis] = await tx.select({ id: legalBases.id }).from(legalBases).where(eq(legalBases.id, fields.legalBasisId));
    if (!basis) issues.push({ path: 'legalBasisId', message: 'Ukjent hjemmel' });
  }
  return issues;
}

/** Exempt cases need a public title and a legal basis; public ones must not carry them. */
async function checkCaseFields(tx: Tx, fields: Pick<TCaseFields, 'access' | 'publicTitle' | 'legalBasisId' | 'presenterIds'>) {
  const issues = await accessFieldIssues(tx, fields);
  const ids = [...new Set(fields.presenterIds)];
  if (ids.length !== fields.presenterIds.length) issues.push({ path: 'presenterIds', message: 'Samme person er oppgitt flere ganger' });
  if (ids.length) {
    const found = await existingPersonIds(tx, ids);
    if (found.size !== ids.length) issues.push({ path: 'presenterIds', message: 'Ukjent person blant saksansvarlige' });
  }
  if (issues.length) throw badRequest(issues[0]!.message, issues);
}

/**
 * Approved minutes are the record: what they say about a meeting's cases cannot change any more
 * (a correction takes a new decision in a later meeting).
 */
export function assertMinutesOpen(meeting: Pick<typeof meetings.$inferSelect, 'status' | 'minutesApprovedAt'>) {
  if (meeting.status === 'godkjent' || meeting.minutesApprovedAt) {
    throw conflict('Referatet fra møtet er godkjent; sakene kan ikke endres. Rettelser krever nytt vedtak.', 'minutes_approved');
  }
}

/**
 * A meeting registered afterwards from an earlier year's papers (historical.service.ts) was never
 * called and numbers its cases by hand: the notice, and numbering by the body's scheme, do not apply.
 */
export function assertNotHistorical(meeting: Pick<typeof meetings.$inferSelect, 'historical'>, what: string) {
  if (meeting.historical) throw conflict(`Møtet er registrert som historisk; ${what}`);
}

/**
 * Whether any case of the body carries a number sent out in a notice (or cited by approved minutes).
 * Such a body's numbering scheme is part of those numbers, so org's updateBody refuses to switch it;
 * the caller holds the body row locked, as every agenda change and the notice sender also take it.
 */
export async function bodyHasLockedCaseNumbers(db: DbOrTx, bodyId: string): Promise<boolean> {
  const [locked] = await db.select({ id: cases.id }).from(cases)
    .where(and(eq(cases.bodyId, bodyId), eq(cases.numberLocked, true))).limit(1);
  return Boolean(locked);
}

/** Locks the meeting and its body, so two agenda changes cannot race for a number. */
async function lockMeeting(tx: Tx, meetingId: string) {
  const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for('update');
  if (!meeting) throw notFound('Møtet');
  assertMinutesOpen(meeting);
  const body = await lockBody(tx, meeting.bodyId);
  return { meeting, body: body! };
}

/** Every change of the agenda's list or order moves its version; the caller holds the meeting row locked. */
async function bumpAgendaRevision(tx: Tx, meetingId: string): Promise<number> {
  const [row] = await tx.update(meetings).set({ agendaRevision: sql`${meetings.agendaRevision} + 1` })
    .where(eq(meetings.id, meetingId)).returning({ agendaRevision: meetings.agendaRevision });
  return row!.agendaRevision;
}

/**
 * Gives the meeting's cases positions 1…n in their current order and numbers by the body's scheme.
 * Locked numbers stay; the others take the next free ones. Called after every agenda change. With
 * running numbers (ST 39/18) the year's later meetings follow, so their unlocked cases move up or down
 * and the numbers stay in meeting order.
 */
export async function renumberMeeting(tx: Tx, meetingId: string): Promise<void> {
  const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId));
  if (!meeting) throw notFound('Møtet');
  const body = await findBody(tx, meeting.bodyId);
  if (body!.caseNumbering === 'meeting') {
    await renumberAgenda(tx, meeting, body!, 1, []);
    return;
  }
  const year = await tx.select().from(meetings)
    .where(and(eq(meetings.bodyId, meeting.bodyId), eq(meetings.year, meeting.year)))
    .orderBy(asc(meetings.date), asc(meetings.number));
  const from = year.findIndex((m) => m.id === meetingId);
  const earlier = new Set(year.slice(0, from).map((m) => m.id));
  for (const m of year.slice(from)) {
    const others = await tx.select({ meetingId: cases.meetingId, sequence: cases.sequence, locked: cases.numberLocked })
      .from(cases)
      .where(and(eq(cases.bodyId, m.bodyId), eq(cases.year, m.year), or(isNull(cases.meetingId), ne(cases.meetingId, m.id))));
    // Earlier meetings are final by now; later ones only hold on to what they have sent out.
    const fixed = others.filter((o) => o.locked || o.meetingId === null || earlier.has(o.meetingId));
    const start = Math.max(
      m.firstCaseSequence ?? 1,
      1 + Math.max(0, ...others.filter((o) => o.meetingId && earlier.has(o.meetingId)).map((o) => o.sequence)),
    );
    await renumberAgenda(tx, m, body!, start, fixed.map((o) => o.sequence));
    earlier.add(m.id);
  }
}

async function renumberAgenda(
  tx: Tx, meeting: typeof meetings.$inferSelect, body: TBodyRow, start: number, taken: number[],
) {
  const agenda = await tx.select().from(cases).where(eq(cases.meetingId, meeting.id)).orderBy(asc(cases.position), asc(cases.createdAt));
  const sequences = assignSequences({
    cases: agenda.map((c) => ({ id: c.id, sequence: c.sequence, locked: c.numberLocked })),
    start,
    taken,
  });
  for (const [index, c] of agenda.entries()) {
    const sequence = sequences.get(c.id)!;
    const number = c.numberLocked ? c.number : formatCaseNumber({
      scheme: body.caseNumbering, year: meeting.year, meetingNumber: meeting.number, sequence, prefix: body.casePrefix, pattern: body.casePattern,
    });
    if (c.position !== index + 1 || c.sequence !== sequence || c.number !== number) {
      await tx.update(cases).set({ position: index + 1, sequence, number }).where(eq(cases.id, c.id));
    }
  }
}

async function setPresenters(tx: Tx, caseId: string, presenterIds: string[]) {
  await tx.delete(casePresenters).where(eq(casePresenters.caseId, caseId));
  if (presenterIds.length) {
    await tx.insert(casePresenters).values(presenterIds.map((personId, i) => ({ caseId, personId, position: i + 1 })));
  }
}

async function presenterIdsOf(tx: Tx, caseId: string): Promise<string[]> {
  const rows = await tx.select({ personId: casePresenters.personId }).from(casePresenters)
    .where(eq(casePresenters.caseId, caseId)).orderBy(asc(casePresenters.position));
  return rows.map((r) => r.personId);
}

/** Inserts a case inside an open transaction; used by createCase and by createMeeting's standing cases. */
export async function insertCase(tx: Tx, actor: Actor, options: TCreateCaseOptions & { standing?: 'innkalling' | 'referat' }) {
  const { meeting } = await lockMeeting(tx, options.meetingId);
  assertNotHistorical(meeting, 'sakene føres med nummeret de hadde (POST /api/meetings/{id}/historical-cases)');
  const fields: TCaseFields = {
    title: options.title.trim(),
    presenterIds: options.presenterIds ?? [],
    description: options.description ?? '',
    caseType: options.caseType,
    proposalKind: options.proposalKind ?? 'vedtak',
    proposal: options.proposal ?? '',
    access: options.access ?? 'offentlig',
    // A public case has no use for a public title or a legal basis; keeping one would print a citation.
    publicTitle: options.access === 'unntatt' ? options.publicTitle?.trim() || null : null,
    legalBasisId: options.access === 'unntatt' ? options.legalBasisId ?? null : null,
    presentation: options.presentation ?? null,
  };
  await checkCaseFields(tx, fields);
  const [{ count }] = await tx.select({ count: sql<number>`count(*)::int` }).from(cases).where(eq(cases.meetingId, meeting.id)) as [{ count: number }];
  const position = Math.min(Math.max(options.position ?? count + 1, 1), count + 1);
  // Make room: cases at and after the new place move one down (renumberMeeting then closes the order).
  await tx.update(cases).set({ position: sql`${cases.position} + 1` })
    .where(and(eq(cases.meetingId, meeting.id), sql`${cases.position} >= ${position}`));
  const { presenterIds, ...columns } = fields;
  const [row] = await tx.insert(cases).values({
    ...columns,
    bodyId: meeting.bodyId,
    meetingId: meeting.id,
    year: meeting.year,
    position,
    sequence: 0,
    number: '',
    standing: options.standing ?? null,
  }).returning();
  await setPresenters(tx, row!.id, presenterIds);
  await renumberMeeting(tx, meeting.id);
  await bumpAgendaRevision(tx, meeting.id);
  const [created] = await tx.select().from(cases).where(eq(cases.id, row!.id));
  await recordAudit(tx, actor, { action: 'create', entity: 'case', entityId: row!.id, after: auditCase(created!, presenterIds) });
  return created!;
}

export async function createCase(db: Db, actor: Actor, options: TCreateCaseOptions) {
  return db.transaction((tx) => insertCase(tx, actor, options));
}

export async function updateCase(db: Db, actor: Actor, options: TUpdateCaseOptions) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(cases).where(eq(cases.id, options.id)).for('update');
    if (!before) throw notFound('Saken');
    if (before.revision !== options.revision) throw staleCase(before.revision);
    if (before.meetingId) {
      const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, before.meetingId));
      assertMinutesOpen(meeting!);
    }
    const beforePresenters = await presenterIdsOf(tx, before.id);
    const access = options.access ?? before.access;
    const exempt = access === 'unntatt';
    const merged = {
      access,
      publicTitle: !exempt ? null : options.publicTitle !== undefined ? options.publicTitle?.trim() || null : before.publicTitle,
      legalBasisId: !exempt ? null : options.legalBasisId !== undefined ? options.legalBasisId : before.legalBasisId,
      presenterIds: options.presenterIds ?? beforePresenters,
    };
    await checkCaseFields(tx, merged);
    const [after] = await tx.update(cases).set({
      ...(options.title !== undefined ? { title: options.title.trim() } : {}),
      ...(options.description !== undefined ? { description: options.description } : {}),
      ...(options.caseType !== undefined ? { caseType: options.caseType } : {}),
      ...(options.proposalKind !== undefined ? { proposalKind: options.proposalKind } : {}),
      ...(options.proposal !== undefined ? { proposal: options.proposal } : {}),
      ...(options.presentation !== undefined ? { presentation: options.presentation } : {}),
      access,
      publicTitle: merged.publicTitle,
      legalBasisId: merged.legalBasisId,
      revision: before.revision + 1,
      updatedAt: new Date(),
    }).where(and(eq(cases.id, before.id), eq(cases.revision, options.revision))).returning();
    if (!after) throw staleCase(before.revision);
    if (options.presenterIds) await setPresenters(tx, before.id, merged.presenterIds);
    await recordAudit(tx, actor, {
      action: 'update', entity: 'case', entityId: before.id,
      before: auditCase(before, beforePresenters), after: auditCase(after, merged.presenterIds),
    });
    return after;
  });
}

export async function deleteCase(db: Db, actor: Actor, options: { id: string }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(cases).where(eq(cases.id, options.id));
    if (!before) throw notFound('Saken');
    if (before.meetingId) await lockMeeting(tx, before.meetingId);
    // Without its case 002 a meeting could never approve the previous minutes, and case 001 is how the
    // council approves its own agenda: the standing cases stay.
    if (before.standing) {
      throw conflict(`Sak ${before.number} er en fast sak (${before.title}) og kan ikke slettes`);
    }
    if (before.numberLocked) {
      throw conflict(`Sak ${before.number} er sendt ut i en innkalling og kan ikke slettes. Trekk saken i stedet, med et vedtak om det.`);
    }
    const presenterIds = await presenterIdsOf(tx, before.id);
    await tx.delete(cases).where(eq(cases.id, before.id));
    if (before.meetingId) {
      await renumberMeeting(tx, before.meetingId);
      await bumpAgendaRevision(tx, before.meetingId);
    }
    await recordAudit(tx, actor, { action: 'delete', entity: 'case', entityId: before.id, before: auditCase(before, presenterIds) });
  });
}

/**
 * Puts the agenda in the given order, made on the agenda version the client read: a reorder from an
 * older page (another order saved, a case added or removed since) is refused with 409 and changes
 * nothing. The list must hold exactly the meeting's cases.
 */
export async function reorderCases(db: Db, actor: Actor, options: { meetingId: string; order: string[]; agendaRevision: number }) {
  return db.transaction(async (tx) => {
    const { meeting } = await lockMeeting(tx, options.meetingId);
    if (meeting.agendaRevision !== options.agendaRevision) throw staleAgenda(meeting.agendaRevision);
    if (new Set(options.order).size !== options.order.length) {
      throw badRequest('Samme sak er oppgitt flere ganger', [{ path: 'order', message: 'Samme sak er oppgitt flere ganger' }]);
    }
    const agenda = await tx.select().from(cases).where(eq(cases.meetingId, options.meetingId)).orderBy(asc(cases.position));
    const current = new Set(agenda.map((c) => c.id));
    if (agenda.length !== options.order.length || !options.order.every((id) => current.has(id))) {
      throw conflict('Sakslisten er endret siden du hentet den; last inn på nytt');
    }
    const before = agenda.map((c) => ({ id: c.id, number: c.number }));
    for (const [i, id] of options.order.entries()) {
      await tx.update(cases).set({ position: i + 1 }).where(eq(cases.id, id));
    }
    await renumberMeeting(tx, options.meetingId);
    const agendaRevision = await bumpAgendaRevision(tx, options.meetingId);
    const after = await tx.select({ id: cases.id, number: cases.number }).from(cases)
      .where(eq(cases.meetingId, options.meetingId)).orderBy(asc(cases.position));
    await recordAudit(tx, actor, { action: 'reorder', entity: 'meeting_agenda', entityId: options.meetingId, before, after });
    return { cases: after, agendaRevision };
  });
}

export function staleCase(current: number) {
  return stale(`Saken er endret av noen andre siden du hentet den (nå versjon ${current}); last inn på nytt`, { revision: current });
}

function staleAgenda(current: number) {
  return stale(`Sakslisten er endret av noen andre siden du hentet den (nå versjon ${current}); last inn på nytt`, { agendaRevision: current });
}
