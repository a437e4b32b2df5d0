// After the meeting: who attended, what was decided per case (with votes where taken), and approving the
// minutes. Minutes are approved by the decision on a next meeting's standing case 002 ('referat');
// approval freezes them: the PDF/A is stored with its SHA-256 and every later edit is refused, because a
// correction of approved minutes needs a new decision.
import { buffer } from 'node:stream/consumers';
import { and, asc, eq, gt, inArray, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import type { FileStore } from '../../lib/files/store.js';
import { composeMinutes } from '../../documents/compose.js';
import { formatDate } from '../../lib/norwegian-format.js';
import { osloDate } from '../../lib/oslo-time.js';
import { paper, renderPaper, type TPaper } from '../../documents/paper-cache.js';
import { renderPdf } from '../../documents/renderer.js';
import type { Actor, SessionUser } from '../../server/context.js';
import { badRequest, conflict, notFound, stale } from '../../server/errors.js';
import { staleCase } from './cases.service.js';
import { recordAudit } from '../audit/service.js';
import { listBodyMembersOn } from '../org/body-members.service.js';
import { letterheadFiles, letterheadOfBody } from '../org/letterhead.service.js';
import { existingMunicipalityIds } from '../org/municipalities.service.js';
import { existingPersonIds } from '../org/people.service.js';
import {
  isRedactedCase, type TApproveMinutesRequest, type TMeetingView, type TRecordDecisionRequest, type TReopenMinutesRequest, type TSetAttendanceRequest,
} from './model.js';
import { archivedDocuments, attendance, cases, caseVotes, meetings } from './schema.js';
import { INTERNAL_READ, readAccessOf } from './policy.js';
import { getMeetingView, redactCase } from './views.service.js';
import { VOTING_ROLES } from '../org/vocabulary.js';

export const APPROVED_MINUTES_LOCKED = 'Referatet er godkjent; rettelser krever nytt vedtak';

/** The archive copy is the full minutes; the public copy leaves exempt cases at number and legal basis. */
const MINUTES_FULL = 'minutes';
const MINUTES_PUBLIC = 'minutes-public';

type TMeetingRow = typeof meetings.$inferSelect;

async function lockMeeting(tx: Tx, meetingId: string): Promise<TMeetingRow> {
  const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for('update');
  if (!meeting) throw notFound('Møtet');
  return meeting;
}

function assertEditable(meeting: TMeetingRow) {
  if (meeting.status === 'godkjent' || meeting.minutesApprovedAt) throw conflict(APPROVED_MINUTES_LOCKED, 'minutes_approved');
}

// ---- attendance --------------------------------------------------------------------------------

export type { TAttendanceEntry } from './model.js';

export type TSetAttendanceOptions = { meetingId: string } & TSetAttendanceRequest;

/**
 * Replaces the attendance list of the meeting, made on the list's version the client read (a stale one
 * answers 409 and changes nothing); recording it marks a notified meeting as held.
 */
export async function setAttendance(db: Db, actor: Actor, options: TSetAttendanceOptions) {
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, options.meetingId);
    assertEditable(meeting);
    if (meeting.attendanceRevision !== options.attendanceRevision) {
      throw stale(`Oppmøtet er endret av noen andre siden du hentet det (nå versjon ${meeting.attendanceRevision}); last inn på nytt`,
        { attendanceRevision: meeting.attendanceRevision });
    }
    const personIds = [...new Set(options.entries.map((e) => e.personId))];
    const known = await existingPersonIds(tx, personIds);
    const unknown = options.entries
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => !known.has(e.personId))
      .map(({ i }) => ({ path: `entries.${i}.personId`, message: 'Personen finnes ikke' }));
    if (unknown.length) throw badRequest(unknown[0]!.message, unknown);
    const municipalityIds = [...new Set(options.entries.map((e) => e.municipalityId).filter((x): x is string => Boolean(x)))];
    const knownMunicipalities = await existingMunicipalityIds(tx, municipalityIds);
    const unknownMunicipalities = options.entries
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => e.municipalityId && !knownMunicipalities.has(e.municipalityId))
      .map(({ i }) => ({ path: `entries.${i}.municipalityId`, message: 'Kommunen finnes ikke' }));
    if (unknownMunicipalities.length) throw badRequest(unknownMunicipalities[0]!.message, unknownMunicipalities);
    const seen = new Set<string>();
    const duplicates = options.entries
      .map((e, i) => ({ key: `${e.personId}/${e.role}`, i }))
      .filter(({ key }) => (seen.has(key) ? true : (seen.add(key), false)))
      .map(({ i }) => ({ path: `entries.${i}`, message: 'Samme person står to ganger med samme rolle' }));
    if (duplicates.length) throw badRequest(duplicates[0]!.message, duplicates);

    const before = await tx.select().from(attendance).where(eq(attendance.meetingId, meeting.id));
    await tx.delete(attendance).where(eq(attendance.meetingId, meeting.id));
    const rows = options.entries.length ? await tx.insert(attendance).values(options.entries.map((e, position) => ({
      meetingId: meeting.id, personId: e.personId, role: e.role,
      municipalityId: e.municipalityId ?? null, note: e.note?.trim() || null, position,
    }))).returning() : [];
    await recordAudit(tx, actor, { action: 'update', entity: 'attendance', entityId: meeting.id, before, after: rows });
    const attendanceRevision = meeting.attendanceRevision + 1;
    const held = meeting.status === 'planlagt' || meeting.status === 'innkalt';
    await tx.update(meetings).set({ attendanceRevision, ...(held ? { status: 'avholdt' as const, revision: meeting.revision + 1 } : {}) })
      .where(eq(meetings.id, meeting.id));
    if (held) {
      await recordAudit(tx, actor, { action: 'update', entity: 'meeting', entityId: meeting.id, before: { status: meeting.status }, after: { status: 'avholdt' } });
    }
    return {
      entries: rows.map((r) => ({ personId: r.personId, role: r.role, municipalityId: r.municipalityId, note: r.note })),
      attendanceRevision,
    };
  });
}

// ---- decisions ---------------------------------------------------------------------------------

export type TRecordDecisionOptions = { caseId: string } & TRecordDecisionRequest;

export async function recordDecision(db: Db, actor: Actor, options: TRecordDecisionOptions) {
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ meetingId: cases.meetingId }).from(cases).where(eq(cases.id, options.caseId));
    if (!found) throw notFound('Saken');
    if (!found.meetingId) throw conflict('Saken hører ikke til et møte; vedtak i skriftlig behandling registreres på saken');
    const meeting = await lockMeeting(tx, found.meetingId);
    assertEditable(meeting);
    // Meeting first, then the case, as every agenda change takes them; the revision is checked on the locked row.
    const [row] = await tx.select().from(cases).where(eq(cases.id, options.caseId)).for('update');
    if (!row) throw notFound('Saken');
    if (row.revision !== options.revision) throw staleCase(row.revision);
    // A decision that approved minutes is what the locked minutes cite; changing it would leave them
    // approved by words nobody decided.
    const [approved] = await tx.select({ year: meetings.year, number: meetings.number }).from(meetings)
      .where(eq(meetings.minutesApprovedByCaseId, row.id));
    if (approved) {
      throw conflict(`Vedtaket godkjente referatet fra møte ${approved.year}/M${approved.number}; det kan ikke endres`);
    }

    const votes = options.votes ?? [];
    if (votes.length) {
      const voters = new Set((await listBodyMembersOn(tx, row.bodyId, meeting.date))
        .filter((m) => VOTING_ROLES.has(m.role)).map((m) => m.personId));
      // Members recorded as absent (forfall) did not vote.
      const absent = new Set((await tx.select({ personId: attendance.personId }).from(attendance)
        .where(and(eq(attendance.meetingId, meeting.id), eq(attendance.role, 'forfall')))).map((a) => a.personId));
      const seen = new Set<string>();
      const issues = votes.flatMap((v, i) => {
        if (!voters.has(v.personId)) return [{ path: `votes.${i}.personId`, message: 'Bare medlemmer av organet kan stemme' }];
        if (absent.has(v.personId)) return [{ path: `votes.${i}.personId`, message: 'Medlemmet har forfall og kan ikke stemme' }];
        if (seen.has(v.personId)) return [{ path: `votes.${i}.personId`, message: 'Medlemmet har allerede stemt' }];
        seen.add(v.personId);
        return [];
      });
      if (issues.length) throw badRequest(issues[0]!.message, issues);
    }

    const [updated] = await tx.update(cases).set({
      decisionKind: options.decisionKind,
      decisionText: options.decisionText.trim(),
      treatment: options.treatment?.trim() || null,
      voted: votes.length > 0,
      decidedAt: meeting.date,
      revision: row.revision + 1,
      updatedAt: new Date(),
    }).where(eq(cases.id, row.id)).returning();
    const beforeVotes = await tx.select().from(caseVotes).where(eq(caseVotes.caseId, row.id));
    await tx.delete(caseVotes).where(eq(caseVotes.caseId, row.id));
    if (votes.length) await tx.insert(caseVotes).values(votes.map((v) => ({ caseId: row.id, personId: v.personId, choice: v.choice })));
    await recordAudit(tx, actor, {
      action: 'update', entity: 'case', entityId: row.id,
      before: { decisionKind: row.decisionKind, decisionText: row.decisionText, treatment: row.treatment, votes: beforeVotes },
      after: { decisionKind: updated!.decisionKind, decisionText: updated!.decisionText, treatment: updated!.treatment, votes },
    });
    // One lifecycle: a decision recorded in a meeting whose day has come means the meeting was held, as
    // recorded attendance does; the status then agrees with the year's statistics (held = its date has
    // come) and with the decisions the page shows. A decision written ahead of the day leaves it as it is.
    if ((meeting.status === 'planlagt' || meeting.status === 'innkalt') && meeting.date <= osloDate(new Date())) {
      await tx.update(meetings).set({ status: 'avholdt', revision: meeting.revision + 1 }).where(eq(meetings.id, meeting.id));
      await recordAudit(tx, actor, { action: 'update', entity: 'meeting', entityId: meeting.id, before: { status: meeting.status }, after: { status: 'avholdt' } });
    }
    return {
      caseId: row.id,
      decisionKind: updated!.decisionKind!,
      decisionText: updated!.decisionText!,
      treatment: updated!.treatment,
      voted: updated!.voted,
      votes: {
        for: votes.filter((v) => v.choice === 'for').length,
        against: votes.filter((v) => v.choice === 'mot').length,
        blank: votes.filter((v) => v.choice === 'blank').length,
      },
      revision: updated!.revision,
    };
  });
}

// ---- approval ----------------------------------------------------------------------------------

export type TApproveMinutesOptions = { meetingId: string; now?: Date; files: FileStore } & TApproveMinutesRequest;

function approvalLine(approvingCaseNumber: string, approvingMeetingDate: string) {
  return `Godkjent i sak ${approvingCaseNumber} i møtet ${formatDate(approvingMeetingDate)}`;
}

export const MINUTES_CHANGED_WHILE_RENDERING = 'Møtet ble endret mens referatet ble laget; prøv igjen';

/** Everything an approval checks and the two papers it stores, read through `db` (a transaction or not). */
async function prepareApproval(db: DbOrTx, meeting: TMeetingRow, options: TApproveMinutesOptions, now: Date) {
  if (meeting.status === 'godkjent' || meeting.minutesApprovedAt) throw conflict('Referatet er allerede godkjent', 'minutes_already_approved');

  const [approving] = await db.select({ c: cases, m: meetings }).from(cases)
    .innerJoin(meetings, eq(meetings.id, cases.meetingId))
    .where(eq(cases.id, options.approvedByCaseId));
  const field = (message: string) => badRequest(message, [{ path: 'approvedByCaseId', message }]);
  if (!approving) throw field('Saken som godkjenner referatet finnes ikke');
  if (approving.c.standing !== 'referat') throw field('Referatet godkjennes i en fast sak «Godkjenning av møtereferat»');
  if (approving.m.bodyId !== meeting.bodyId) throw field('Saken hører til et annet organ');
  // The papers' rule: the NEXT meeting of the body approves the minutes (its case 002), not any later one.
  const [next] = await db.select({ id: meetings.id }).from(meetings)
    .where(and(eq(meetings.bodyId, meeting.bodyId), or(
      gt(meetings.date, meeting.date),
      and(eq(meetings.date, meeting.date), gt(meetings.number, meeting.number)),
    )))
    .orderBy(asc(meetings.date), asc(meetings.number))
    .limit(1);
  if (next?.id !== approving.m.id) throw field('Referatet godkjennes i neste møte i samme organ');
  if (!approving.c.decisionText) throw field(`Sak ${approving.c.number} har ikke noe vedtak ennå`);
  // Minutes exist only for a meeting that was held, and only a meeting that has been held approves.
  const present = async (meetingId: string) => (await db.select({ id: attendance.id }).from(attendance)
    .where(and(eq(attendance.meetingId, meetingId), eq(attendance.role, 'til_stede'))).limit(1)).length > 0;
  if (!(await present(meeting.id))) throw conflict('Møtet har ikke registrert oppmøte; referatet kan ikke godkjennes ennå');
  if (approving.m.date > osloDate(now)) throw field(`Møtet ${formatDate(approving.m.date)} er ikke holdt ennå`);

  const approval = approvalLine(approving.c.number, approving.m.date);
  const letterhead = await letterheadOfBody(db, meeting.bodyId, { withLogo: true });
  const approvedAt = now;
  const stamp = (view: TMeetingView): TMeetingView => ({
    ...view, meeting: { ...view.meeting, status: 'godkjent', minutesApprovedAt: approvedAt.toISOString() },
  });
  const fullView = stamp(await getMeetingView(db, meeting.id, INTERNAL_READ));
  // The public copy is what the public view shows, made now even for an unpublished meeting, so
  // publishing later never re-renders approved minutes.
  const publicView: TMeetingView = { ...fullView, redacted: true, cases: fullView.cases.map((c) => (isRedactedCase(c) ? c : redactCase(c))) };
  return {
    approving, approvedAt,
    full: composeMinutes(fullView, { approval, letterhead }),
    public: composeMinutes(publicView, { approval, letterhead }),
  };
}

export async function approveMinutes(db: Db, actor: Actor, options: TApproveMinutesOptions) {
  const now = options.now ?? new Date();
  // Both PDFs are set before the transaction opens, so a render never holds the meeting's lock (nor, on
  // PGlite's single connection, every other request); the transaction then checks they still tell the truth.
  const [found] = await db.select().from(meetings).where(eq(meetings.id, options.meetingId));
  if (!found) throw notFound('Møtet');
  const draft = await prepareApproval(db, found, options, now);
  const files = await letterheadFiles(options.files, draft.full.letterhead!);
  const [full, publicPdf] = await Promise.all([
    renderPdf('minutes', draft.full, { archive: true, files }),
    renderPdf('minutes', draft.public, { archive: true, files }),
  ]);
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, options.meetingId);
    // The same checks under the lock; a decision, attendance or anything else the minutes print that
    // changed since the PDFs were set is a 409, never approved minutes of stale data.
    const { approving, approvedAt, ...papers } = await prepareApproval(tx, meeting, options, now);
    if (JSON.stringify(papers) !== JSON.stringify({ full: draft.full, public: draft.public })) throw conflict(MINUTES_CHANGED_WHILE_RENDERING);
    // Into the file store before the rows commit: a failure after this leaves files no row names
    // (collected by the sweep), never an archived row without its PDF.
    const storedFull = await options.files.put(full);
    const storedPublic = await options.files.put(publicPdf);
    const sha256 = storedFull.sha256;

    const archived = await tx.insert(archivedDocuments).values([
      { meetingId: meeting.id, kind: MINUTES_FULL, sha256, size: storedFull.size },
      { meetingId: meeting.id, kind: MINUTES_PUBLIC, sha256: storedPublic.sha256, size: storedPublic.size },
    ]).returning({ id: archivedDocuments.id, kind: archivedDocuments.kind, sha256: archivedDocuments.sha256 });
    for (const a of archived) {
      await recordAudit(tx, actor, { action: 'create', entity: 'archived_document', entityId: a.id, after: { meetingId: meeting.id, kind: a.kind, sha256: a.sha256 } });
    }
    // The stored minutes cite the approving case by number: from now on that number never changes,
    // exactly as if it had been sent out in a notice (renumbering skips locked numbers).
    if (!approving.c.numberLocked) {
      await tx.update(cases).set({ numberLocked: true }).where(eq(cases.id, approving.c.id));
      await recordAudit(tx, actor, {
        action: 'update', entity: 'case', entityId: approving.c.id,
        before: { numberLocked: false }, after: { numberLocked: true, number: approving.c.number },
      });
    }
    await tx.update(meetings).set({
      status: 'godkjent', minutesApprovedAt: approvedAt, minutesApprovedByCaseId: approving.c.id, minutesPdfSha256: sha256,
      revision: meeting.revision + 1,
    }).where(eq(meetings.id, meeting.id));
    await recordAudit(tx, actor, {
      action: 'update', entity: 'meeting', entityId: meeting.id,
      before: { status: meeting.status, minutesApprovedAt: null },
      after: { status: 'godkjent', minutesApprovedAt: approvedAt.toISOString(), minutesApprovedByCaseId: approving.c.id, minutesPdfSha256: sha256 },
    });
    return {
      meetingId: meeting.id, status: 'godkjent' as const, minutesApprovedAt: approvedAt.toISOString(),
      approvedByCaseId: approving.c.id, approvedByCaseNumber: approving.c.number, minutesPdfSha256: sha256,
    };

  });
}

// ---- correction ----------------------------------------------------------------------------------

export type TReopenMinutesOptions = { meetingId: string; now?: Date } & TReopenMinutesRequest;

/**
 * Approved minutes change only by a new decision: a case of a later meeting of the same body whose
 * decision is recorded. It reopens them for correction; the approved PDFs stay in the archive under a
 * superseded name, and the corrected minutes are approved again in the usual way.
 */
export async function reopenMinutesForCorrection(db: Db, actor: Actor, options: TReopenMinutesOptions) {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const meeting = await lockMeeting(tx, options.meetingId);
    if (meeting.status !== 'godkjent' || !meeting.minutesApprovedAt) throw conflict('Referatet er ikke godkjent; det kan rettes direkte');
    const field = (message: string) => badRequest(message, [{ path: 'decidedByCaseId', message }]);
    const [deciding] = await tx.select({ c: cases, m: meetings }).from(cases)
      .innerJoin(meetings, eq(meetings.id, cases.meetingId))
      .where(eq(cases.id, options.decidedByCaseId));
    if (!deciding) throw field('Saken med vedtaket om retting finnes ikke');
    if (deciding.m.bodyId !== meeting.bodyId) throw field('Saken hører til et annet organ');
    const later = deciding.m.date > meeting.date || (deciding.m.date === meeting.date && deciding.m.number > meeting.number);
    if (!later) throw field('Retting vedtas i et senere møte');
    if (!deciding.c.decisionText) throw field(`Sak ${deciding.c.number} har ikke noe vedtak ennå`);

    const stamp = now.toISOString();
    const superseded = await tx.update(archivedDocuments).set({ kind: sql`${archivedDocuments.kind} || ${`@${stamp}`}` })
      .where(and(eq(archivedDocuments.meetingId, meeting.id), inArray(archivedDocuments.kind, [MINUTES_FULL, MINUTES_PUBLIC])))
      .returning({ id: archivedDocuments.id, kind: archivedDocuments.kind });
    await tx.update(meetings).set({
      status: 'avholdt', minutesApprovedAt: null, minutesApprovedByCaseId: null, minutesPdfSha256: null, revision: meeting.revision + 1,
    }).where(eq(meetings.id, meeting.id));
    await recordAudit(tx, actor, {
      action: 'reopen_minutes', entity: 'meeting', entityId: meeting.id,
      before: { status: meeting.status, minutesApprovedAt: meeting.minutesApprovedAt, minutesApprovedByCaseId: meeting.minutesApprovedByCaseId, minutesPdfSha256: meeting.minutesPdfSha256 },
      after: { status: 'avholdt', decidedByCaseId: deciding.c.id, decidedByCaseNumber: deciding.c.number, supersededDocuments: superseded },
    });
    return { meetingId: meeting.id, status: 'avholdt' as const, decidedByCaseNumber: deciding.c.number, supersededPdfSha256: meeting.minutesPdfSha256 };
  });
}

// ---- the minutes PDF ---------------------------------------------------------------------------

export type TRenderMinutesPdfOptions = { meetingId: string; viewer: SessionUser | null; archive?: boolean; files: FileStore };

/**
 * Approved minutes are served byte for byte as stored (the archive copy to readers of everything, the
 * public copy to the public); minutes not yet approved are rendered from the data as a draft.
 */
export async function renderMinutesPdf(db: DbOrTx, options: TRenderMinutesPdfOptions): Promise<{ pdf: Buffer; approved: boolean }> {
  const minutes = await minutesPaper(db, options);
  if (minutes.approved) return { pdf: await readArchivedMinutes(options.files, minutes.sha256), approved: true };
  return { pdf: await renderPaper(minutes.paper), approved: false };
}

/** The reader's minutes before any bytes are read: the stored copy's hash, or the draft to render. */
export type TMinutesPaper = { approved: true; sha256: string; size: number }
  /** `onPaper`: a historical meeting's minutes, approved on paper and rendered from what was registered. */
  | { approved: false; paper: TPaper<'minutes'>; onPaper: boolean };

export async function minutesPaper(db: DbOrTx, options: Omit<TRenderMinutesPdfOptions, 'files'> & { files?: FileStore }): Promise<TMinutesPaper> {
  const access = readAccessOf(options.viewer);
  const view = await getMeetingView(db, options.meetingId, access);
  // Minutes not yet approved are a draft the public does not read (decision 0016).
  if (view.withheld?.includes('minutes')) throw notFound('Møtereferatet');
  if (view.meeting.minutesApprovedAt) {
    const kind = access === 'full' ? MINUTES_FULL : MINUTES_PUBLIC;
    const [stored] = await db.select({ sha256: archivedDocuments.sha256, size: archivedDocuments.size }).from(archivedDocuments)
      .where(and(eq(archivedDocuments.meetingId, view.meeting.id), eq(archivedDocuments.kind, kind)));
    if (stored) return { approved: true, sha256: stored.sha256, size: stored.size };
  }
  const letterhead = await letterheadOfBody(db, view.meeting.bodyId, { withLogo: Boolean(options.files) });
  // A historical meeting's minutes were approved on paper: samrad holds no archived copy, only the mark.
  const onPaper = view.meeting.historical && Boolean(view.meeting.minutesApprovedAt);
  const approval = onPaper
    ? `Godkjent etter papirreferatet; registrert i samrad ${formatDate(osloDate(new Date(view.meeting.minutesApprovedAt!)))}`
    : 'Utkast: referatet er ikke godkjent';
  const composed = composeMinutes(view, { approval, letterhead });
  return { approved: false, onPaper, paper: paper('minutes', composed, options.archive, await letterheadFiles(options.files, letterhead)) };
}

export async function readArchivedMinutes(files: FileStore, sha256: string): Promise<Buffer> {
  return buffer(await files.open(sha256));
}
