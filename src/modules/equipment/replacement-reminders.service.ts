// Reminders of the replacement campaign (issue 13), each by mail and as an in-app message, run by hourly
// jobs under their advisory locks and idempotent: a reminder is due by the replacement's own clock (when it
// was sent or last reminded, stored on it), so running a job again at the same moment sends nothing.
//
// - **Managers who do not decide**: a request that has waited for approval longer than the campaign's
//   wait (`approvalReminderDays`, three unless set) mails its approver again, and again after each
//   further wait, until someone decides. The first link's token is stored only as a hash, so it cannot be
//   sent again: the reminder carries a new link and the earlier one stops working (the mail says so),
//   which also keeps a forwarded, forgotten first mail from deciding after the reminder.
// - **Users who do not respond**: an invited user who neither orders nor defers is reminded every
//   `userReminderDays` (seven unless set) after the invitation, while the campaign is on. A deferral
//   stops the reminders; one with an end (`until`) starts them again on that day.
import { and, eq, inArray, or, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { systemActor } from '../../server/context.js';
import { recordAudit } from '../audit/service.js';
import { queueMail } from '../mail/service.js';
import { sendMessage } from '../messages/messages.service.js';
import { decisionLink, newDecisionToken } from './decision-token.js';
import { REPLACEMENT_MESSAGE_SOURCE } from './replacement.service.js';
import { eqCampaigns, eqDevices, eqReplacements, eqReplacementSteps } from './schema.js';

export const DEFAULT_APPROVAL_WAIT_DAYS = 3;
const DAY_MS = 86_400_000;

export type TRemindApproversOptions = {
  /** One cooperation's requests; without it every cooperation's (the background job's). */
  cooperationId?: string;
  now?: Date;
  /** Days a request waits for approval, and between reminders, before the approver is reminded; without it the campaign's. */
  waitDays?: number;
  publicUrl: string | undefined;
};

/** Mails the approver of every request waiting longer than the wait; answers the replacements reminded. */
export async function remindApprovers(db: Db, o: TRemindApproversOptions): Promise<{ reminded: string[] }> {
  return db.transaction((tx) => remindApproversIn(tx, o));
}

/** The same inside the caller's transaction: the background job's, under its advisory lock. */
export async function remindApproversIn(tx: DbOrTx, o: TRemindApproversOptions): Promise<{ reminded: string[] }> {
  const now = o.now ?? new Date();
  // The wait asked for, else the campaign's: the moment before which the request (or reminder) is due.
  const days = o.waitDays !== undefined ? sql`${o.waitDays}::int` : sql`coalesce(${eqCampaigns.approvalReminderDays}, ${DEFAULT_APPROVAL_WAIT_DAYS})`;
  const due = sql`${now.toISOString()}::timestamptz - ${days} * interval '1 day'`;
  // The newest «requested» step is when the current request was sent (a user may order again after a rejection).
  const sentAt = sql<Date>`(select max(${eqReplacementSteps.recordedAt}) from ${eqReplacementSteps}
    where ${eqReplacementSteps.replacementId} = ${eqReplacements.id} and ${eqReplacementSteps.state} = 'requested')`;
  const waiting = await tx.select({
    id: eqReplacements.id, userEmail: eqReplacements.userEmail, model: eqReplacements.model,
    approverEmail: eqReplacements.approverEmail, remindedAt: eqReplacements.approvalRemindedAt, serial: eqDevices.serial,
  }).from(eqReplacements).innerJoin(eqDevices, eq(eqDevices.id, eqReplacements.deviceId))
    .leftJoin(eqCampaigns, and(eq(eqCampaigns.cooperationId, eqReplacements.cooperationId), eq(eqCampaigns.municipalityId, eqReplacements.municipalityId)))
    .where(and(
      o.cooperationId ? eq(eqReplacements.cooperationId, o.cooperationId) : undefined, eq(eqReplacements.state, 'requested'),
      sql`${sentAt} <= ${due}`, or(isNull(eqReplacements.approvalRemindedAt), sql`${eqReplacements.approvalRemindedAt} <= ${due}`),
    )).for('update', { of: eqReplacements });
  for (const r of waiting) {
    if (!r.approverEmail) continue;
    const { token, hash } = newDecisionToken();
    await tx.update(eqReplacements).set({ decisionTokenHash: hash, approvalRemindedAt: now }).where(eq(eqReplacements.id, r.id));
    await queueMail(tx, {
      to: r.approverEmail,
      subject: `Påminnelse: godkjenn ny PC for ${r.userEmail}`,
      text: [
        `${r.userEmail} venter fortsatt på svar om å bytte sin utgåtte PC ${r.serial} mot en ${r.model ?? ''}.`,
        'Godkjenn eller avslå med ett klikk. Lenken erstatter den i forrige e-post, som ikke lenger virker:',
        decisionLink(o.publicUrl, token),
      ].join('\n\n'),
    });
    await sendMessage(tx, {
      to: r.approverEmail, source: REPLACEMENT_MESSAGE_SOURCE, sourceId: r.id, link: '/utstyr/mine',
      subject: `Påminnelse: godkjenn ny PC for ${r.userEmail}`,
      text: `${r.userEmail} venter fortsatt på svar om å bytte sin utgåtte PC ${r.serial} mot en ${r.model ?? ''}.`,
    });
    await recordAudit(tx, systemActor, {
      action: 'update', entity: 'eq_replacement', entityId: r.id,
      before: { approvalRemindedAt: r.remindedAt?.toISOString() ?? null }, after: { approvalRemindedAt: now.toISOString(), remindedApprover: r.approverEmail },
    });
  }
  return { reminded: waiting.filter((r) => r.approverEmail).map((r) => r.id) };
}

/** The hourly job: a reminder is due by the request's own clock, so the hour only bounds how late it comes. */
export const approvalReminderJob = (publicUrl: string | undefined) => ({
  name: 'equipment-approval-reminders', everyMs: 60 * 60_000,
  run: (tx: Tx, now: Date) => remindApproversIn(tx, { now, publicUrl }),
});

// ---- users who neither order nor defer -----------------------------------------------------------------

export type TRemindUsersOptions = {
  /** One cooperation's replacements; without it every cooperation's (the background job's). */
  cooperationId?: string;
  now?: Date;
  publicUrl: string | undefined;
};

/**
 * Reminds the user of every replacement still invited (or deferred to a day that has come) whose last
 * word from us (the invitation, or the last reminder) is at least the campaign's `userReminderDays` old,
 * while the campaign is on; answers the replacements reminded.
 */
export async function remindUsers(db: Db, o: TRemindUsersOptions): Promise<{ reminded: string[] }> {
  return db.transaction((tx) => remindUsersIn(tx, o));
}

export async function remindUsersIn(tx: DbOrTx, o: TRemindUsersOptions): Promise<{ reminded: string[] }> {
  const now = o.now ?? new Date();
  const today = now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
  const due = sql`${now.toISOString()}::timestamptz - ${eqCampaigns.userReminderDays} * interval '1 day'`;
  // The invitation went out when its step was recorded (its date is the table's date it was made for).
  const invitedAt = sql`(select max(${eqReplacementSteps.recordedAt}) from ${eqReplacementSteps}
    where ${eqReplacementSteps.replacementId} = ${eqReplacements.id} and ${eqReplacementSteps.state} = 'invited')`;
  const lastWord = sql`greatest(${invitedAt}, ${eqReplacements.userRemindedAt})`;
  // A deferral's end, as the moment it begins in Oslo: a reminder before it does not count against it.
  const deferralEnds = sql`(${eqReplacements.deferredUntil}::timestamp at time zone 'Europe/Oslo')`;
  const waiting = await tx.select({
    id: eqReplacements.id, userEmail: eqReplacements.userEmail, remindedAt: eqReplacements.userRemindedAt, state: eqReplacements.state,
    serial: eqDevices.serial, models: eqCampaigns.standardModels,
  }).from(eqReplacements).innerJoin(eqDevices, eq(eqDevices.id, eqReplacements.deviceId))
    .innerJoin(eqCampaigns, and(eq(eqCampaigns.cooperationId, eqReplacements.cooperationId), eq(eqCampaigns.municipalityId, eqReplacements.municipalityId)))
    .where(and(
      o.cooperationId ? eq(eqReplacements.cooperationId, o.cooperationId) : undefined, eq(eqCampaigns.active, true),
      or(
        and(eq(eqReplacements.state, 'invited'), sql`${lastWord} <= ${due}`),
        and(eq(eqReplacements.state, 'deferred'), sql`${eqReplacements.deferredUntil} <= ${today}::date`,
          or(isNull(eqReplacements.userRemindedAt), sql`${eqReplacements.userRemindedAt} < ${deferralEnds}`, sql`${eqReplacements.userRemindedAt} <= ${due}`)),
      ),
    )).for('update', { of: eqReplacements });
  if (waiting.length === 0) return { reminded: [] };
  await tx.update(eqReplacements).set({ userRemindedAt: now }).where(inArray(eqReplacements.id, waiting.map((r) => r.id)));
  for (const r of waiting) {
    const link = `/utstyr/bytte/${r.id}`;
    const subject = `Påminnelse: PC-en din (${r.serial}) er utgått`;
    const text = r.state === 'deferred'
      ? `Du utsatte byttet av PC-en ${r.serial} til i dag. Velg en ny blant standardmodellene (${r.models.join(', ')}), eller utsett igjen.`
      : `PC-en din ${r.serial} er utgått, og du har ikke bestilt ny ennå. Velg en ny blant standardmodellene (${r.models.join(', ')}), eller utsett byttet og skriv hvorfor.`;
    await queueMail(tx, { to: r.userEmail, subject, text: `${text}\n\n${o.publicUrl ?? ''}${link}` });
    await sendMessage(tx, { to: r.userEmail, subject, text, link, source: REPLACEMENT_MESSAGE_SOURCE, sourceId: r.id });
    await recordAudit(tx, systemActor, {
      action: 'update', entity: 'eq_replacement', entityId: r.id,
      before: { userRemindedAt: r.remindedAt?.toISOString() ?? null }, after: { userRemindedAt: now.toISOString() },
    });
  }
  return { reminded: waiting.map((r) => r.id) };
}

/** The hourly job of the users' reminders. */
export const userReminderJob = (publicUrl: string | undefined) => ({
  name: 'equipment-user-reminders', everyMs: 60 * 60_000,
  run: (tx: Tx, now: Date) => remindUsersIn(tx, { now, publicUrl }),
});
