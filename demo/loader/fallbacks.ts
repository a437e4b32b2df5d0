// Direct writes for the steps whose governance service did not exist when the demo was wired. Each
// function names the service that should replace it; they write the same rows and audit entries the
// service would, inside the loader's transaction.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import type { Actor } from '../../src/server/context.js';
import { recordAudit } from '../../src/modules/audit/service.js';
import { attachments, attendance, cases, meetings } from '../../src/modules/governance/schema.js';

// TODO(meetings.service.ts): replace with createMeeting once it exists.
export async function insertMeeting(db: Db, actor: Actor, o: {
  bodyId: string; year: number; number: number; date: string; startTime: string; endTime: string | null; place: string;
}) {
  const [row] = await db.insert(meetings).values(o).returning();
  await recordAudit(db, actor, { action: 'create', entity: 'meeting', entityId: row!.id, after: row });
  return row!;
}

// TODO(meetings.service.ts): replace with the service's publish use case once it exists.
export async function publishMeeting(db: Db, actor: Actor, meetingId: string) {
  await db.update(meetings).set({ published: true }).where(eq(meetings.id, meetingId));
  await recordAudit(db, actor, { action: 'update', entity: 'meeting', entityId: meetingId, before: { published: false }, after: { published: true } });
}

// TODO(cases.service.ts): the running scheme always starts a body's year at 1; a cooperation that starts
// using samrad mid-year (the 2018 board began at ST 34/18) needs a starting number. Until the service
// has one, the demo sets the printed numbers before the notice locks them.
export async function setRunningNumber(db: Db, actor: Actor, caseId: string, sequence: number, number: string) {
  const [before] = await db.select({ sequence: cases.sequence, number: cases.number }).from(cases).where(eq(cases.id, caseId));
  await db.update(cases).set({ sequence, number }).where(and(eq(cases.id, caseId), eq(cases.numberLocked, false)));
  await recordAudit(db, actor, { action: 'update', entity: 'case', entityId: caseId, before, after: { sequence, number } });
}

// TODO(minutes.service.ts): replace with the service's attendance use case once it exists.
export async function recordAttendance(db: Db, actor: Actor, meetingId: string, rows: {
  personId: string; role: 'til_stede' | 'forfall' | 'observator' | 'administrasjon' | 'referent';
  municipalityId: string | null; note: string | null;
}[]) {
  if (!rows.length) return;
  const inserted = await db.insert(attendance).values(rows.map((r, i) => ({ ...r, meetingId, position: i + 1 }))).returning();
  await recordAudit(db, actor, { action: 'create', entity: 'attendance', entityId: meetingId, after: inserted });
}

// TODO(minutes.service.ts): replace with the service's decision use case once it exists.
export async function recordDecision(db: Db, actor: Actor, caseId: string, o: {
  decisionKind: 'vedtak' | 'enighet' | null; decisionText: string | null; treatment: string | null; decidedAt: string;
}) {
  const [before] = await db.select({ decisionKind: cases.decisionKind, decisionText: cases.decisionText, treatment: cases.treatment })
    .from(cases).where(eq(cases.id, caseId));
  await db.update(cases).set({ ...o, updatedAt: new Date() }).where(eq(cases.id, caseId));
  await recordAudit(db, actor, { action: 'update', entity: 'case', entityId: caseId, before, after: o });
}

// TODO(minutes.service.ts): replace with approveMinutes (which also archives the PDF) once it exists.
export async function approveMinutes(db: Db, actor: Actor, meetingId: string, approvedByCaseId: string, at: Date) {
  await db.update(meetings).set({ status: 'godkjent', minutesApprovedAt: at, minutesApprovedByCaseId: approvedByCaseId })
    .where(eq(meetings.id, meetingId));
  await recordAudit(db, actor, { action: 'update', entity: 'meeting', entityId: meetingId, after: { status: 'godkjent', minutesApprovedByCaseId: approvedByCaseId } });
}

// TODO(minutes.service.ts): the status after minutes are recorded; the service will set it itself.
export async function markHeld(db: Db, actor: Actor, meetingId: string) {
  await db.update(meetings).set({ status: 'avholdt' }).where(eq(meetings.id, meetingId));
  await recordAudit(db, actor, { action: 'update', entity: 'meeting', entityId: meetingId, after: { status: 'avholdt' } });
}

// TODO(attachments.service.ts): replace with the service's upload use case (content-type check) once it exists.
export async function insertAttachment(db: Db, actor: Actor, caseId: string, filename: string, content: Buffer) {
  const { createHash } = await import('node:crypto');
  const [row] = await db.insert(attachments).values({
    caseId, filename, contentType: 'application/pdf', size: content.length,
    sha256: createHash('sha256').update(content).digest('hex'), content,
  }).returning({ id: attachments.id, filename: attachments.filename, size: attachments.size, sha256: attachments.sha256 });
  await recordAudit(db, actor, { action: 'create', entity: 'attachment', entityId: row!.id, after: row });
}
