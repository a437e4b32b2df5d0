// Loads one meeting of the demo the way a secretary would run it: plan the meeting, build the agenda
// (standing cases first), attach the papers, send the notice, record attendance and decisions, publish.
// Each step goes through the governance services.
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import type { FileStore } from '../../src/lib/files/store.js';
import type { Actor } from '../../src/server/context.js';
import { addAttachment } from '../../src/modules/governance/attachments.service.js';
import { uploadOfBytes } from '../../src/modules/uploads/service.js';
import { createCase, updateCase } from '../../src/modules/governance/cases.service.js';
import { createMeeting, setMeetingPublished } from '../../src/modules/governance/meetings.service.js';
import { recordDecision, setAttendance } from '../../src/modules/governance/minutes.service.js';
import { sendNotice } from '../../src/modules/governance/notice.service.js';
import { cases, legalBases } from '../../src/modules/governance/schema.js';
import type { TDemoCase, TDemoMeeting } from '../data/types.js';
import { buildTextPdf } from '../pdf.js';
import type { TDemoRefs } from './organisation.js';

const DEMO_MAIL_FROM = 'ROR-IKT (demo) <noreply@demo.samrad.no>';

export type TLoadedCase = { id: string; meetingId: string; number: string };

/** Oslo wall-clock 09:00 a week before the meeting: when the notice went out. */
function noticeSentAt(meetingDate: string): Date {
  const d = new Date(`${meetingDate}T08:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 7);
  return d;
}

async function legalBasisId(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: legalBases.id }).from(legalBases).where(eq(legalBases.code, code));
  if (!row) throw new Error(`demo data: unknown legal basis "${code}"`);
  return row.id;
}

async function caseFields(db: Db, refs: TDemoRefs, c: TDemoCase) {
  return {
    title: c.title,
    caseType: c.type,
    presenterIds: c.presenters.map(refs.person),
    description: c.description ?? '',
    // Left out when the paper has none, so a standing case keeps the proposal the service wrote.
    ...(c.proposalKind ? { proposalKind: c.proposalKind } : {}),
    ...(c.proposal ? { proposal: c.proposal } : {}),
    access: c.exempt ? 'unntatt' as const : 'offentlig' as const,
    publicTitle: c.exempt?.publicTitle ?? null,
    legalBasisId: c.exempt ? await legalBasisId(db, c.exempt.legalBasisCode) : null,
    presentation: c.presentation ?? null,
  };
}

/** beforeNotice: what else goes on the agenda's papers before the notice goes out (the demo's activity report). */
export async function loadMeeting(
  db: Db, actor: Actor, refs: TDemoRefs, m: TDemoMeeting, files: FileStore, beforeNotice?: (meetingId: string) => Promise<unknown>,
): Promise<Map<string, TLoadedCase>> {
  const meeting = await createMeeting(db, actor, {
    bodyId: refs.body(m.body), year: m.year, number: m.number, date: m.date,
    startTime: m.startTime, endTime: m.endTime ?? null, place: m.place, firstCaseSequence: m.firstCaseSequence ?? null,
  });

  // The agenda. Standing cases the meeting service proposed are completed; the rest are added in order.
  const proposed = await db.select().from(cases).where(eq(cases.meetingId, meeting.id));
  const loaded = new Map<string, TLoadedCase>();
  const ids: string[] = [];
  for (const [index, c] of m.cases.entries()) {
    const fields = await caseFields(db, refs, c);
    const standing = c.standing ? proposed.find((p) => p.standing === c.standing) : undefined;
    const row = standing
      ? await updateCase(db, actor, { id: standing.id, revision: standing.revision, ...fields })
      : await createCase(db, actor, { meetingId: meeting.id, position: index + 1, ...fields });
    ids.push(row.id);
  }

  // The papers are the truth: a case numbered otherwise than printed means the data or the numbering is wrong.
  const rows = await db.select({ id: cases.id, number: cases.number }).from(cases).where(eq(cases.meetingId, meeting.id));
  for (const [index, c] of m.cases.entries()) {
    const row = rows.find((r) => r.id === ids[index])!;
    if (row.number !== c.number) throw new Error(`demo: case "${c.title}" was numbered ${row.number}, the paper says ${c.number}`);
    loaded.set(c.number, { id: row.id, meetingId: meeting.id, number: c.number });
  }

  for (const [index, c] of m.cases.entries()) {
    for (const a of c.attachments ?? []) {
      await addAttachment(db, actor, { caseId: ids[index]!, filename: a.filename, file: uploadOfBytes(buildTextPdf(a.title, a.lines)), uploadedBy: null, files });
    }
  }

  await beforeNotice?.(meeting.id);
  if (m.noticeSent) {
    await sendNotice(db, actor, { meetingId: meeting.id, mailFrom: DEMO_MAIL_FROM, now: noticeSentAt(m.date) });
  }

  if (m.attendance?.length) {
    await setAttendance(db, actor, {
      meetingId: meeting.id,
      attendanceRevision: meeting.attendanceRevision,
      entries: m.attendance.map((a) => ({
        personId: refs.person(a.person), role: a.role,
        municipalityId: a.municipality ? refs.municipality(a.municipality) : null, note: a.note ?? null,
      })),
    });
  }
  for (const c of m.cases) {
    if (!c.decision) continue;
    const caseId = loaded.get(c.number)!.id;
    const [{ revision }] = await db.select({ revision: cases.revision }).from(cases).where(eq(cases.id, caseId)) as [{ revision: number }];
    await recordDecision(db, actor, {
      caseId, revision, decisionKind: c.decision.kind, decisionText: c.decision.text, treatment: c.treatment ?? null,
    });
  }
  if (m.published) await setMeetingPublished(db, actor, { id: meeting.id, published: true });
  return loaded;
}
