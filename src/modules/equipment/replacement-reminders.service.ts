// Reminders to managers who do not decide (issue 13): a request that has waited for approval longer than
// the wait (three days unless told) mails its approver again, and again after each further wait, until
// someone decides. The first link's token is stored only as a hash, so it cannot be sent again: the
// reminder carries a new link and the earlier one stops working (the mail says so), which also keeps a
// forwarded, forgotten first mail from deciding after the reminder.
import { and, eq, lte, or, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client.js';
import { systemActor } from '../../server/context.js';
import { recordAudit } from '../audit/service.js';
import { queueMail } from '../mail/service.js';
import { decisionLink, newDecisionToken } from './decision-token.js';
import { eqDevices, eqReplacements, eqReplacementSteps } from './schema.js';

export const DEFAULT_APPROVAL_WAIT_DAYS = 3;

export type TRemindApproversOptions = {
  /** One cooperation's requests; without it every cooperation's (the background job's). */
  cooperationId?: string;
  now?: Date;
  /** Days a request waits for approval, and between reminders, before the approver is reminded. */
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
  const due = new Date(now.getTime() - (o.waitDays ?? DEFAULT_APPROVAL_WAIT_DAYS) * 86_400_000);
  // The newest «requested» step is when the current request was sent (a user may order again after a rejection).
  const sentAt = sql<Date>`(select max(${eqReplacementSteps.recordedAt}) from ${eqReplacementSteps}
    where ${eqReplacementSteps.replacementId} = ${eqReplacements.id} and ${eqReplacementSteps.state} = 'requested')`;
  const waiting = await tx.select({
    id: eqReplacements.id, userEmail: eqReplacements.userEmail, model: eqReplacements.model,
    approverEmail: eqReplacements.approverEmail, remindedAt: eqReplacements.approvalRemindedAt, serial: eqDevices.serial,
  }).from(eqReplacements).innerJoin(eqDevices, eq(eqDevices.id, eqReplacements.deviceId)).where(and(
    o.cooperationId ? eq(eqReplacements.cooperationId, o.cooperationId) : undefined, eq(eqReplacements.state, 'requested'),
    lte(sentAt, due), or(isNull(eqReplacements.approvalRemindedAt), lte(eqReplacements.approvalRemindedAt, due)),
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
