// Sending the notice (innkalling): each send freezes the meeting and its agenda as a numbered version,
// mails every member sitting in the body on the meeting day (agenda in the text, the notice PDF and a
// calendar invitation attached, through the outbox), marks the meeting 'innkalt' and locks the case
// numbers that went out. A later send describes in words what changed since the previous version;
// a send without changes is refused, so members never get the same notice twice.
import { and, desc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { composeNotice, formatTimeSpan } from '../../documents/compose.js';
import { formatDate } from '../../lib/norwegian-format.js';
import { paper, renderPaper, type TPaper } from '../../documents/paper-cache.js';
import type { FileStore } from '../../lib/files/store.js';
import { letterheadFiles, letterheadOfBody } from '../org/letterhead.service.js';
import { renderPdf } from '../../documents/renderer.js';
import type { Actor, SessionUser } from '../../server/context.js';
import { badRequest, conflict, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { queueMail } from '../mail/service.js';
import { lockBody } from '../org/bodies.service.js';
import { listBodyMembersOn } from '../org/body-members.service.js';
import { buildMeetingInvite, parseMailbox } from './ical.js';
import { isRedactedCase, type TMeetingView, type TSendNoticeRequest } from './model.js';
import { assertNotHistorical } from './cases.service.js';
import { cases, meetings, noticeVersions } from './schema.js';
import { INTERNAL_READ, readAccessOf } from './policy.js';
import { getMeetingView } from './views.service.js';

const TYPE_LABEL = { vedtak: 'Vedtak', orientering: 'Orientering', diskusjon: 'Diskusjon' } as const;

export type TNoticeSnapshotCase = {
  id: string;
  number: string;
  title: string;
  caseType: string;
  presenters: string[];
  description: string;
  proposal: string;
  access: string;
  publicTitle: string | null;
  attachments: string[];
};

/** An exempt case as the public may see it (as `ZRedactedCaseView`): its number and public title. */
export type TRedactedSnapshotCase = Pick<TNoticeSnapshotCase, 'id' | 'number' | 'access' | 'publicTitle'> & { redacted: true };

/** The meeting and agenda as sent: what the next version is compared against. */
export type TNoticeSnapshot = {
  meeting: { date: string; startTime: string | null; endTime: string | null; place: string };
  cases: TNoticeSnapshotCase[];
};

/** A snapshot whose exempt cases may be reduced to what the public sees; only such fields are compared. */
export type TComparableSnapshot = Omit<TNoticeSnapshot, 'cases'> & { cases: (TNoticeSnapshotCase | TRedactedSnapshotCase)[] };

const isRedactedSnapshotCase = (c: TNoticeSnapshotCase | TRedactedSnapshotCase): c is TRedactedSnapshotCase => 'redacted' in c;
const titleOf = (c: TNoticeSnapshotCase | TRedactedSnapshotCase) =>
  (isRedactedSnapshotCase(c) ? c.publicTitle ?? 'Unntatt offentlighet' : c.title);

export function snapshotOf(view: TMeetingView): TNoticeSnapshot {
  const m = view.meeting;
  return {
    meeting: { date: m.date, startTime: m.startTime, endTime: m.endTime, place: m.place },
    cases: view.cases.map((c) => {
      if (isRedactedCase(c)) throw new Error('snapshotOf needs the full meeting view');
      return {
        id: c.id, number: c.number, title: c.title, caseType: c.caseType, presenters: c.presenters,
        description: c.description, proposal: c.proposal, access: c.access, publicTitle: c.publicTitle,
        attachments: c.attachments.map((a) => a.filename),
      };
    }),
  };
}

const quote = (s: string) => `«${s}»`;
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** What changed between two sent versions, as sentences the members read in the new notice. */
export function diffNoticeSnapshots(prev: TComparableSnapshot, next: TComparableSnapshot): string[] {
  const changes: string[] = [];
  const pm = prev.meeting;
  const nm = next.meeting;
  if (pm.date !== nm.date) changes.push(`Dato endret: ${formatDate(pm.date)} → ${formatDate(nm.date)}`);
  const pt = formatTimeSpan(pm.startTime, pm.endTime);
  const nt = formatTimeSpan(nm.startTime, nm.endTime);
  if (pt !== nt) changes.push(`Tid endret: ${pt} → ${nt}`);
  if (pm.place !== nm.place) changes.push(`Sted endret: ${quote(pm.place)} → ${quote(nm.place)}`);

  const before = new Map(prev.cases.map((c) => [c.id, c]));
  const after = new Map(next.cases.map((c) => [c.id, c]));
  for (const c of next.cases) {
    const old = before.get(c.id);
    if (!old) {
      changes.push(`Ny sak ${c.number} ${titleOf(c)}`);
      continue;
    }
    const n = c.number;
    if (old.number !== c.number) changes.push(`Saksnummer endret: ${old.number} → ${c.number} (${titleOf(c)})`);
    if (isRedactedSnapshotCase(old) || isRedactedSnapshotCase(c)) {
      if (old.publicTitle !== c.publicTitle) changes.push(`Offentlig tittel endret for ${n}`);
      continue;
    }
    if (old.title !== c.title) changes.push(`Tittel endret for ${n}: ${quote(old.title)} → ${quote(c.title)}`);
    if (old.caseType !== c.caseType) {
      changes.push(`Sakstype endret for ${n}: ${TYPE_LABEL[old.caseType as keyof typeof TYPE_LABEL] ?? old.caseType} → ${TYPE_LABEL[c.caseType as keyof typeof TYPE_LABEL] ?? c.caseType}`);
    }
    if (!sameList(old.presenters, c.presenters)) {
      changes.push(`Saksansvarlig endret for ${n}: ${old.presenters.join('; ') || 'ingen'} → ${c.presenters.join('; ') || 'ingen'}`);
    }
    if (old.description !== c.description) changes.push(`Beskrivelse endret for ${n}`);
    if (old.proposal !== c.proposal) changes.push(`Forslag til vedtak endret for ${n}`);
    if (old.access !== c.access) {
      changes.push(c.access === 'unntatt' ? `Sak ${n} er unntatt offentlighet` : `Sak ${n} er ikke lenger unntatt offentlighet`);
    } else if (old.publicTitle !== c.publicTitle && c.access === 'unntatt') {
      changes.push(`Offentlig tittel endret for ${n}`);
    }
    for (const f of c.attachments) if (!old.attachments.includes(f)) changes.push(`Nytt vedlegg til ${n}: ${f}`);
    for (const f of old.attachments) if (!c.attachments.includes(f)) changes.push(`Vedlegg fjernet fra ${n}: ${f}`);
  }
  for (const c of prev.cases) {
    if (!after.has(c.id)) changes.push(`Sak fjernet: ${c.number} ${titleOf(c)}`);
  }
  const keptOrder = (list: TComparableSnapshot['cases']) => list.filter((c) => before.has(c.id) && after.has(c.id)).map((c) => c.id);
  if (!sameList(keptOrder(prev.cases), keptOrder(next.cases))) changes.push('Rekkefølgen på sakslisten er endret');
  return changes;
}

/**
 * The two snapshots with every case that is exempt in either of them reduced to what the public may
 * see (number and public title; `access` is 'unntatt' on both sides, so a case that became exempt is
 * not announced either). The mail and the calendar invitation travel further than the PDF, so their
 * list of changes is made from these, and `diffNoticeSnapshots` compares nothing else of such a case:
 * neither its title, type, presenters, texts nor attachment names go out in text.
 */
export function redactSnapshotPair(prev: TNoticeSnapshot, next: TNoticeSnapshot): [TComparableSnapshot, TComparableSnapshot] {
  const exempt = new Set([...prev.cases, ...next.cases].filter((c) => c.access === 'unntatt').map((c) => c.id));
  const redact = (snap: TNoticeSnapshot): TComparableSnapshot => ({
    meeting: snap.meeting,
    cases: snap.cases.map((c): TNoticeSnapshotCase | TRedactedSnapshotCase => (exempt.has(c.id)
      ? { id: c.id, number: c.number, access: 'unntatt', publicTitle: c.publicTitle, redacted: true }
      : c)),
  });
  return [redact(prev), redact(next)];
}

function noticeMailText(view: TMeetingView, version: number, changes: string[], previousVersion: number): string {
  const m = view.meeting;
  const lines = [
    `Innkalling til møte ${m.year}/${m.numberLabel} i ${m.bodyName}${version > 1 ? ` (versjon ${version})` : ''}`,
    '',
    `Dato: ${formatDate(m.date)}`,
    ...(m.startTime ? [`Tid: ${formatTimeSpan(m.startTime, m.endTime)}`] : []),
    `Sted: ${m.place}`,
    '',
  ];
  if (changes.length) {
    lines.push(`Endringer siden versjon ${previousVersion}:`, ...changes.map((c) => `- ${c}`), '');
  }
  if (version > 1 && !changes.length) {
    // What changed is only in cases exempt from public access: the attached PDF says what.
    lines.push(`Endringer siden versjon ${previousVersion} står i den vedlagte innkallingen.`, '');
  }
  lines.push('Saksliste:');
  for (const c of view.cases) {
    // The mail body travels further than the PDF: an exempt case is named by its public title only.
    if (isRedactedCase(c)) continue;
    if (c.access === 'unntatt') {
      lines.push(`${c.number} ${c.publicTitle ?? 'Unntatt offentlighet'} (${c.legalBasis ?? 'unntatt offentlighet'})`);
    } else {
      lines.push(`${c.number} ${c.title}${c.presenters.length ? ` (${c.presenters.join('; ')})` : ''}`);
    }
  }
  lines.push('', 'Sakspapirene ligger vedlagt som PDF, og møtet ligger ved som kalenderinvitasjon.');
  return lines.join('\n');
}

export type TSendNoticeOptions = {
  meetingId: string;
  /** MAIL_FROM: the organizer of the calendar invitation. */
  mailFrom: string;
  now?: Date;
  /** Where the letterhead's logo is read from; without it the notice is printed without the logo. */
  files?: FileStore;
} & TSendNoticeRequest;

type TRecordedPaperDelivery = { personId: string; name: string; method: 'post' | 'utlevert' };

export type TSendNoticeResult = {
  version: number;
  changes: string[];
  recipients: string[];
  paperDeliveries: TRecordedPaperDelivery[];
  sentAt: string;
};

const deliveryField = (index: number, message: string) =>
  badRequest(message, [{ path: `paperDeliveries.${index}.personId`, message }]);

/**
 * The paper deliveries the sender recorded, checked against the members sitting on the meeting day: each
 * names a member without e-mail (one with e-mail gets the notice by mail), at most once. Any fault
 * refuses the whole send (400), before anything is written.
 */
function paperDeliveriesOf(members: Awaited<ReturnType<typeof listBodyMembersOn>>, requested: TSendNoticeRequest['paperDeliveries']): TRecordedPaperDelivery[] {
  const seen = new Set<string>();
  return (requested ?? []).map((d, i) => {
    if (seen.has(d.personId)) throw deliveryField(i, 'Medlemmet er ført opp to ganger');
    seen.add(d.personId);
    const member = members.find((m) => m.personId === d.personId);
    if (!member) throw deliveryField(i, 'Personen er ikke medlem av organet på møtedagen');
    if (member.email) throw deliveryField(i, `${member.givenName} ${member.familyName} har e-postadresse og får innkallingen på e-post`);
    return { personId: d.personId, name: `${member.familyName}, ${member.givenName}`, method: d.method };
  });
}

export const NOTICE_CHANGED_WHILE_RENDERING = 'Møtet ble endret mens innkallingen ble laget; prøv igjen';

/** Everything a send checks and the notice it sends, read through `db` (a transaction or not). */
async function prepareNotice(db: DbOrTx, meeting: typeof meetings.$inferSelect, now: Date, withLogo: boolean, requested: TSendNoticeRequest['paperDeliveries']) {
  assertNotHistorical(meeting, 'det sendes ingen innkalling til det');
  if (meeting.status === 'godkjent') throw conflict('Referatet er godkjent; innkallingen kan ikke sendes på nytt', 'minutes_approved');
  // The members' notice shows everything: it is read by the body, not the public.
  const view = await getMeetingView(db, meeting.id, INTERNAL_READ);
  if (view.cases.length === 0) throw conflict('Møtet har ingen saker; legg til saker før innkallingen sendes');

  const snapshot = snapshotOf(view);
  const [previous] = await db.select().from(noticeVersions)
    .where(eq(noticeVersions.meetingId, meeting.id)).orderBy(desc(noticeVersions.version)).limit(1);
  const changes = previous ? diffNoticeSnapshots(previous.snapshot as TNoticeSnapshot, snapshot) : [];
  if (previous && changes.length === 0) {
    throw conflict(`Ingen endringer siden versjon ${previous.version}; innkallingen er ikke sendt på nytt`);
  }
  const version = (previous?.version ?? 0) + 1;

  const members = await listBodyMembersOn(db, meeting.bodyId, meeting.date);
  const recipients = new Map<string, string>();
  for (const p of members) if (p.email) recipients.set(p.email.toLowerCase(), `${p.familyName}, ${p.givenName}`);
  const paperDeliveries = paperDeliveriesOf(members, requested);
  if (recipients.size === 0 && paperDeliveries.length === 0) {
    throw conflict(`Ingen medlemmer i ${view.meeting.bodyName} har e-postadresse; før opp hvem som får innkallingen i posten eller levert ut, så kan den sendes`);
  }

  const sentView: TMeetingView = { ...view, meeting: { ...view.meeting, noticeVersion: version } };
  const letterhead = await letterheadOfBody(db, meeting.bodyId, { withLogo });
  const document = composeNotice(sentView, { sentAt: now.toISOString(), letterhead });
  return { view, snapshot, previous, changes, version, recipients, paperDeliveries, document };
}

export async function sendNotice(db: Db, actor: Actor, options: TSendNoticeOptions): Promise<TSendNoticeResult> {
  const now = options.now ?? new Date();
  // The PDF is set before the transaction opens, so a render never holds the meeting's lock (nor, on
  // PGlite's single connection, every other request); the transaction then checks it is still the truth.
  const [found] = await db.select().from(meetings).where(eq(meetings.id, options.meetingId));
  if (!found) throw notFound('Møtet');
  const draft = await prepareNotice(db, found, now, Boolean(options.files), options.paperDeliveries);
  const pdf = await renderPdf('notice', draft.document, { files: await letterheadFiles(options.files, draft.document.letterhead!) });
  return db.transaction(async (tx) => {
    // Lock the meeting row: two simultaneous sends must not both become the same version.
    const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, options.meetingId)).for('update');
    if (!meeting) throw notFound('Møtet');
    // And the body row, as agenda changes do: a switch of the body's numbering scheme must not slip in
    // between reading the numbers and locking them.
    await lockBody(tx, meeting.bodyId);
    // The same checks under the lock; a change to what the PDF says since it was set is a 409, never a
    // sent notice that disagrees with the data.
    const { view, snapshot, previous, changes, version, recipients, paperDeliveries, document } = await prepareNotice(tx, meeting, now, Boolean(options.files), options.paperDeliveries);
    if (JSON.stringify(document) !== JSON.stringify(draft.document)) throw conflict(NOTICE_CHANGED_WHILE_RENDERING);
    const label = `${view.meeting.year}/${view.meeting.numberLabel}`;
    const mailChanges = previous ? diffNoticeSnapshots(...redactSnapshotPair(previous.snapshot as TNoticeSnapshot, snapshot)) : [];
    const text = noticeMailText(view, version, mailChanges, version - 1);
    const ics = buildMeetingInvite({
      uid: `meeting-${meeting.id}@samrad`,
      version,
      summary: `${view.meeting.bodyName}, møte ${label}`,
      description: text,
      location: meeting.place,
      date: meeting.date,
      startTime: meeting.startTime,
      endTime: meeting.endTime,
      organizer: parseMailbox(options.mailFrom),
      attendees: [...recipients].map(([email, name]) => ({ email, name })),
      now,
    });
    const subject = `${version > 1 ? `Endret innkalling (versjon ${version})` : 'Innkalling'}: ${view.meeting.bodyName} ${formatDate(meeting.date)}`;
    for (const email of recipients.keys()) {
      await queueMail(tx, {
        to: email,
        subject,
        text,
        attachments: [
          { filename: `Innkalling ${label.replace('/', '-')}.pdf`, contentType: 'application/pdf', content: pdf },
          { filename: 'mote.ics', contentType: 'text/calendar; method=REQUEST; charset=UTF-8', content: ics },
        ],
      });
    }

    const [row] = await tx.insert(noticeVersions).values({
      meetingId: meeting.id, version, sentAt: now, sentBy: actor.userId, snapshot, changes, recipients: [...recipients.keys()], paperDeliveries,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'notice_version', entityId: row!.id, after: { version, changes, recipients: row!.recipients, paperDeliveries } });

    const status = meeting.status === 'planlagt' ? 'innkalt' : meeting.status;
    const [updated] = await tx.update(meetings)
      .set({ status, noticeVersion: version, revision: meeting.revision + 1 })
      .where(eq(meetings.id, meeting.id)).returning();
    await recordAudit(tx, actor, {
      action: 'update', entity: 'meeting', entityId: meeting.id,
      before: { status: meeting.status, noticeVersion: meeting.noticeVersion }, after: { status: updated!.status, noticeVersion: version },
    });

    const locked = await tx.update(cases).set({ numberLocked: true })
      .where(and(eq(cases.meetingId, meeting.id), eq(cases.numberLocked, false)))
      .returning({ id: cases.id, number: cases.number });
    for (const c of locked) {
      await recordAudit(tx, actor, { action: 'update', entity: 'case', entityId: c.id, before: { numberLocked: false }, after: { numberLocked: true, number: c.number } });
    }
    return { version, changes, recipients: [...recipients.keys()], paperDeliveries, sentAt: now.toISOString() };
  });
}

export async function listNoticeVersions(db: DbOrTx, meetingId: string) {
  const [meeting] = await db.select({ id: meetings.id, historical: meetings.historical }).from(meetings).where(eq(meetings.id, meetingId));
  if (!meeting) throw notFound('Møtet');
  assertNotHistorical(meeting, 'det er aldri sendt innkalling til det');
  const rows = await db.select().from(noticeVersions).where(eq(noticeVersions.meetingId, meetingId)).orderBy(desc(noticeVersions.version));
  return rows.map((r) => ({
    version: r.version,
    sentAt: r.sentAt.toISOString(),
    sentBy: r.sentBy,
    changes: r.changes,
    recipients: r.recipients,
    paperDeliveries: r.paperDeliveries,
    snapshot: r.snapshot as TNoticeSnapshot,
  }));
}

export type TRenderNoticePdfOptions = {
  meetingId: string; viewer: SessionUser | null; archive?: boolean;
  /** Where the letterhead's logo is read from; without it the paper is printed without the logo. */
  files?: FileStore;
  /**
   * A note after an attachment's name, by attachment id: the bundle (notice-bundle.service.ts) says
   * which attachments it could not include and why.
   */
  attachmentNotes?: ReadonlyMap<string, string>;
};

/**
 * The notice as the reader may see it (the public gets the redacted agenda of a published meeting), from
 * the current data, saying which version was sent and whether the agenda has changed since.
 */
export async function noticePaper(db: DbOrTx, options: TRenderNoticePdfOptions): Promise<TPaper<'notice'>> {
  const view = await getMeetingView(db, options.meetingId, readAccessOf(options.viewer));
  // The public reads the notice once it has been sent, never a draft agenda (decision 0016).
  if (view.withheld?.includes('agenda')) throw notFound('Innkallingen');
  let sentAt: string | null = null;
  let changedSinceSent = false;
  if (view.meeting.noticeVersion > 0) {
    const [latest] = await db.select().from(noticeVersions)
      .where(eq(noticeVersions.meetingId, view.meeting.id)).orderBy(desc(noticeVersions.version)).limit(1);
    if (latest) {
      sentAt = latest.sentAt.toISOString();
      // Compared on the full agenda, so the public learns that something changed, never what.
      const full = view.redacted ? await getMeetingView(db, view.meeting.id, INTERNAL_READ) : view;
      changedSinceSent = diffNoticeSnapshots(latest.snapshot as TNoticeSnapshot, snapshotOf(full)).length > 0;
    }
  }
  const letterhead = await letterheadOfBody(db, view.meeting.bodyId, { withLogo: Boolean(options.files) });
  return paper('notice', composeNotice(withAttachmentNotes(view, options.attachmentNotes), { sentAt, changedSinceSent, letterhead }), options.archive, await letterheadFiles(options.files, letterhead));
}

function withAttachmentNotes(view: TMeetingView, notes: ReadonlyMap<string, string> | undefined): TMeetingView {
  if (!notes || notes.size === 0) return view;
  return {
    ...view,
    cases: view.cases.map((c) => (isRedactedCase(c) ? c : {
      ...c,
      attachments: c.attachments.map((a) => (notes.has(a.id) ? { ...a, filename: `${a.filename} (${notes.get(a.id)})` } : a)),
    })),
  };
}

export async function renderNoticePdf(db: DbOrTx, options: TRenderNoticePdfOptions): Promise<Buffer> {
  return renderPaper(await noticePaper(db, options));
}
