// The one read model of a meeting and its agenda. The API, the public pages and the PDFs all read
// meetings through getMeetingView, so the access rule for exempt cases is applied in one place:
// admin, staff and council read everything; everyone else sees published meetings only, and an exempt
// case there is reduced to its number, public title and legal basis citation.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { SessionUser } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { bodyRows } from '../org/bodies.service.js';
import { municipalityRows } from '../org/municipalities.service.js';
import { personRows } from '../org/people.service.js';
import { renderLegalBasis } from './legal-basis.js';
import { isRedactedCase, type TAttachmentMeta, type TCaseView, type TMeeting, type TMeetingView, type TRedactedCaseView, type TWithheld } from './model.js';
import { meetingLabel } from './numbering.js';
import { osloDate } from '../../lib/oslo-time.js';
import { awaitsRecording, meetingStage } from './vocabulary.js';
import {
  attachments, attendance, casePresenters, cases, caseVotes, legalBases, meetings,
} from './schema.js';
import { canReadAll, type TReadAccess } from './policy.js';

/**
 * What the public may read of a published meeting, by its stage (docs/decisions/0016): the agenda and
 * case papers once the notice has been sent, the minutes (decisions, treatment, votes, attendance)
 * once they are approved. Before that the meeting is announced (date, time, place) and nothing more.
 * Staff and council read everything at every stage.
 */
export function publicDisclosure(m: { published: boolean; noticeVersion: number; status: string; historical: boolean }): { agenda: boolean; minutes: boolean } {
  // A historical meeting was never called here: its agenda is as public as a called meeting's.
  return { agenda: m.published && (m.noticeVersion > 0 || m.historical), minutes: m.published && m.status === 'godkjent' };
}

/** The same rule as SQL over `meetings`, for queries that list cases (search). */
export const publicDisclosureSql = {
  agenda: sql`(${meetings.published} and (${meetings.noticeVersion} > 0 or ${meetings.historical}))`,
  minutes: sql`(${meetings.published} and ${meetings.status} = 'godkjent')`,
};

/** What `publicDisclosure` holds back from this reader: the view says so, so pages need no rule. */
function withheldFrom(m: TMeetingRow, full: boolean): TWithheld[] {
  if (full) return [];
  const disclosed = publicDisclosure(m);
  return [...(disclosed.agenda ? [] : ['agenda' as const]), ...(disclosed.minutes ? [] : ['minutes' as const])];
}

/** A case without its minutes: what was decided, how and by whom is not public before approval. */
function withoutMinutes(v: TCaseView | TRedactedCaseView): TCaseView | TRedactedCaseView {
  if (isRedactedCase(v)) return v;
  return { ...v, decisionKind: null, decisionText: null, treatment: null, voted: false, votes: null };
}

/** "Gjørtz, Fred" */
export function personName(p: { familyName: string; givenName: string }): string {
  return `${p.familyName}, ${p.givenName}`;
}

// org's tables through the subqueries it offers (its columns, not its tables); they join as plain tables.
const bodies = bodyRows();
const people = personRows();
const municipalities = municipalityRows();
const personColumns = { id: people.id, familyName: people.familyName, givenName: people.givenName };

type TMeetingRow = typeof meetings.$inferSelect & { bodyName: string };
type TCaseRow = typeof cases.$inferSelect;

async function loadMeeting(db: DbOrTx, meetingId: string): Promise<TMeetingRow | undefined> {
  const [row] = await db
    .select({ m: meetings, bodyName: bodies.name })
    .from(meetings)
    .innerJoin(bodies, eq(bodies.id, meetings.bodyId))
    .where(eq(meetings.id, meetingId));
  return row ? { ...row.m, bodyName: row.bodyName } : undefined;
}

export function toMeeting(m: TMeetingRow, today = osloDate(new Date())): TMeeting {
  return {
    id: m.id,
    bodyId: m.bodyId,
    bodyName: m.bodyName,
    year: m.year,
    number: m.number,
    numberLabel: meetingLabel(m.number),
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    place: m.place,
    status: m.status,
    stage: meetingStage(m, today),
    awaitsRecording: awaitsRecording(m, today),
    noticeVersion: m.noticeVersion,
    published: m.published,
    historical: m.historical,
    firstCaseSequence: m.firstCaseSequence,
    minutesApprovedAt: m.minutesApprovedAt ? m.minutesApprovedAt.toISOString() : null,
    revision: m.revision,
    attendanceRevision: m.attendanceRevision,
    agendaRevision: m.agendaRevision,
  };
}

/** The meeting header only, with the same visibility rule as the view. */
export async function getMeetingHeader(db: DbOrTx, meetingId: string, viewer: SessionUser | null): Promise<TMeeting> {
  const m = await loadMeeting(db, meetingId);
  if (!m || (!m.published && !canReadAll(viewer))) throw notFound('Møtet');
  return toMeeting(m);
}

export async function getMeetingView(db: DbOrTx, meetingId: string, access: TReadAccess): Promise<TMeetingView> {
  const m = await loadMeeting(db, meetingId);
  const full = access === 'full';
  // Unpublished meetings do not exist for the public: 404, never 403.
  if (!m || (!m.published && !full)) throw notFound('Møtet');
  const withheld = withheldFrom(m, full);
  const caseRows = withheld.includes('agenda') ? []
    : await db.select().from(cases).where(eq(cases.meetingId, meetingId)).orderBy(asc(cases.position));
  const views = await buildCaseViews(db, caseRows);
  const attendees = withheld.includes('minutes') ? [] : await db
    .select({ a: attendance, p: personColumns, municipality: municipalities.name })
    .from(attendance)
    .innerJoin(people, eq(people.id, attendance.personId))
    .leftJoin(municipalities, eq(municipalities.id, attendance.municipalityId))
    .where(eq(attendance.meetingId, meetingId))
    .orderBy(asc(attendance.position), asc(people.familyName));
  return {
    meeting: toMeeting(m),
    redacted: !full,
    withheld,
    cases: views.map((v) => (full ? v : redactCase(v))).map((v) => (withheld.includes('minutes') ? withoutMinutes(v) : v)),
    attendance: attendees.map((r) => ({ name: personName(r.p), role: r.a.role, municipality: r.municipality, note: r.a.note })),
  };
}

/**
 * The ids of a meeting's cases in agenda order, or null when there is no such meeting: for another
 * module that adds its own facts to an agenda in one query (the portfolio's proposal links), for
 * readers who read everything (staff, council, admin).
 */
export async function meetingCaseIds(db: DbOrTx, meetingId: string): Promise<string[] | null> {
  const m = await loadMeeting(db, meetingId);
  if (!m) return null;
  const rows = await db.select({ id: cases.id }).from(cases).where(eq(cases.meetingId, meetingId)).orderBy(asc(cases.position));
  return rows.map((r) => r.id);
}

/** One case in full, for staff and council; the public reads cases through the meeting view only. */
export async function getCaseView(db: DbOrTx, caseId: string, viewer: SessionUser | null): Promise<TCaseView | TRedactedCaseView> {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  if (!row) throw notFound('Saken');
  if (canReadAll(viewer)) return (await buildCaseViews(db, [row]))[0]!;
  const meeting = row.meetingId ? await loadMeeting(db, row.meetingId) : undefined;
  if (!meeting || !publicDisclosure(meeting).agenda) throw notFound('Saken');
  const [view] = await buildCaseViews(db, [row]);
  return publicDisclosure(meeting).minutes ? redactCase(view!) : withoutMinutes(redactCase(view!));
}

/** The public form of a case: exempt ones shrink to number, public title and citation. */
export function redactCase(v: TCaseView): TCaseView | TRedactedCaseView {
  if (v.access !== 'unntatt') return v;
  return {
    access: 'unntatt',
    number: v.number,
    publicTitle: v.publicTitle ?? 'Unntatt offentlighet',
    legalBasis: v.legalBasis ?? 'Unntatt offentlighet',
  };
}

export async function buildCaseViews(db: DbOrTx, rows: TCaseRow[]): Promise<TCaseView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const basisIds = [...new Set(rows.map((r) => r.legalBasisId).filter((x): x is string => Boolean(x)))];
  const [presenterRows, attachmentRows, voteRows, basisRows] = await Promise.all([
    db.select({ caseId: casePresenters.caseId, position: casePresenters.position, p: personColumns })
      .from(casePresenters).innerJoin(people, eq(people.id, casePresenters.personId))
      .where(inArray(casePresenters.caseId, ids)).orderBy(asc(casePresenters.position)),
    // Metadata only: the content column stays in the database.
    db.select({
      id: attachments.id, caseId: attachments.caseId, filename: attachments.filename, contentType: attachments.contentType,
      size: attachments.size, sha256: attachments.sha256, uploadedAt: attachments.uploadedAt,
    }).from(attachments).where(inArray(attachments.caseId, ids)).orderBy(asc(attachments.uploadedAt), asc(attachments.filename)),
    db.select({ caseId: caseVotes.caseId, choice: caseVotes.choice, p: personColumns })
      .from(caseVotes).innerJoin(people, eq(people.id, caseVotes.personId))
      .where(inArray(caseVotes.caseId, ids)).orderBy(asc(people.familyName), asc(people.givenName)),
    basisIds.length ? db.select().from(legalBases).where(inArray(legalBases.id, basisIds)) : Promise.resolve([]),
  ]);
  const citation = new Map(basisRows.map((b) => [b.id, renderLegalBasis(b)]));
  return rows.map((r) => {
    const presenters = presenterRows.filter((p) => p.caseId === r.id);
    const votes = voteRows.filter((v) => v.caseId === r.id);
    const files: TAttachmentMeta[] = attachmentRows.filter((a) => a.caseId === r.id).map((a) => ({
      id: a.id, filename: a.filename, contentType: a.contentType, size: a.size, sha256: a.sha256,
      uploadedAt: a.uploadedAt.toISOString(),
    }));
    return {
      id: r.id,
      meetingId: r.meetingId,
      position: r.position,
      sequence: r.sequence,
      number: r.number,
      numberLocked: r.numberLocked,
      standing: r.standing,
      title: r.title,
      caseType: r.caseType,
      description: r.description,
      proposalKind: r.proposalKind,
      proposal: r.proposal,
      presenters: presenters.map((p) => personName(p.p)),
      presenterIds: presenters.map((p) => p.p.id),
      access: r.access,
      publicTitle: r.publicTitle,
      legalBasisId: r.legalBasisId,
      legalBasis: r.legalBasisId ? citation.get(r.legalBasisId) ?? null : null,
      attachments: files,
      presentation: r.presentation ?? null,
      decisionKind: r.decisionKind,
      decisionText: r.decisionText,
      treatment: r.treatment,
      voted: r.voted,
      votes: r.voted || votes.length ? {
        for: votes.filter((v) => v.choice === 'for').length,
        against: votes.filter((v) => v.choice === 'mot').length,
        blank: votes.filter((v) => v.choice === 'blank').length,
        perMember: votes.map((v) => ({ name: personName(v.p), choice: v.choice })),
      } : null,
      revision: r.revision,
    };
  });
}

/**
 * What another module shows of cases it links to (the portfolio's pipeline): number, title, body,
 * meeting and decision, for staff and council, who read everything. Missing ids are left out.
 */
export type TCaseSummary = {
  id: string; number: string; title: string; bodyId: string; bodyName: string;
  meetingId: string | null; meetingDate: string | null; meetingLabel: string | null;
  decisionKind: TCaseView['decisionKind']; decisionText: string | null;
};

export async function caseSummaries(db: DbOrTx, ids: string[]): Promise<TCaseSummary[]> {
  if (!ids.length) return [];
  const rows = await db.select({
    id: cases.id, number: cases.number, title: cases.title, bodyId: cases.bodyId, bodyName: bodies.name,
    meetingId: cases.meetingId, meetingDate: meetings.date, meetingYear: meetings.year, meetingNumber: meetings.number,
    decisionKind: cases.decisionKind, decisionText: cases.decisionText,
  }).from(cases)
    .innerJoin(bodies, eq(bodies.id, cases.bodyId))
    .leftJoin(meetings, eq(meetings.id, cases.meetingId))
    .where(inArray(cases.id, ids));
  return rows.map(({ meetingYear, meetingNumber, ...r }) => ({
    ...r,
    meetingLabel: meetingYear !== null && meetingNumber !== null ? `${meetingYear}/${meetingLabel(meetingNumber)}` : null,
  }));
}
