// Background work of the service desk. Each run takes a transaction-scoped advisory lock, so with
// several server instances on one database exactly one does the work per tick; the others skip. The
// work itself is also guarded per ticket (update … where status = 'lost'), so even a run that slipped
// past the lock could not close a ticket or send its e-mail twice.
//
// The 3-2-1 rule is for solved tickets the user has not confirmed. Confirming (the requester's button, or
// answering the survey) closes the ticket, so it is no longer 'lost' and never reaches the rule; the job
// also passes over a solved ticket whose survey was answered after its last solve (rows written before
// that rule, or imported), rather than tell a user who answered that we could not reach them.
import { and, eq, gte, isNull, lte, notExists, notInArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { systemActor } from '../../server/context.js';
import { recordAudit } from '../audit/service.js';
import { queueMail } from '../mail/service.js';
import { closeRuleMet } from './close-rule.js';
import { DONE_STATUSES } from './constants.js';
import { appendEvent, refreshSla, systemDesk } from './history.js';
import { loadPolicy } from './policy.service.js';
import { sdSurveys, sdTicketEvents, sdTickets } from './schema.js';
import { daysText, ticketLink } from './tickets.update.js';
import { nextVersion } from './version.js';

/** Advisory lock keys, distinct from every other job's. */
export const CLOSE_RULE_LOCK = 4_000_321;
export const SLA_BREACH_LOCK = 4_000_322;

async function tryLock(tx: Tx, key: number): Promise<boolean> {
  const result = await tx.execute(sql`select pg_try_advisory_xact_lock(${key}) as locked`);
  return (result as unknown as { rows: { locked: boolean }[] }).rows[0]?.locked === true;
}

export type TJobOptions = { now?: Date; baseUrl?: string };

/** Closes every solved ticket whose contact attempts satisfy the 3-2-1 rule; one e-mail each. */
export async function closeUnconfirmedTickets(db: Db, options: TJobOptions = {}) {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    if (!(await tryLock(tx, CLOSE_RULE_LOCK))) return { ran: false, closed: [] as number[] };
    return { ran: true, closed: await runCloseRule(tx, now, options.baseUrl) };
  });
}

export async function runCloseRule(tx: Tx, now: Date, baseUrl?: string): Promise<number[]> {
  const attempts = await tx.select({ ticketId: sdTicketEvents.ticketId, at: sdTicketEvents.at })
    .from(sdTicketEvents)
    .innerJoin(sdTickets, eq(sdTickets.id, sdTicketEvents.ticketId))
    .where(and(eq(sdTickets.status, 'lost'), eq(sdTicketEvents.kind, 'contact_attempt'),
      gte(sdTicketEvents.at, sdTickets.solvedAt), lte(sdTicketEvents.at, now),
      notExists(tx.select({ one: sql`1` }).from(sdSurveys).where(and(eq(sdSurveys.ticketId, sdTickets.id), gte(sdSurveys.answeredAt, sdTickets.solvedAt))))));
  const byTicket = new Map<string, Date[]>();
  for (const a of attempts) byTicket.set(a.ticketId, [...(byTicket.get(a.ticketId) ?? []), a.at]);
  const closed: number[] = [];
  for (const [ticketId, times] of byTicket) {
    // Locked, so the version below is computed from the row as it stands when the close is written.
    const [ticket] = await tx.select().from(sdTickets).where(eq(sdTickets.id, ticketId)).for('update');
    if (!ticket) continue;
    const policy = await loadPolicy(tx, ticket.cooperationId, ticket.municipalityId);
    const calendarZone = policy.sla.targets[ticket.priority].calendar.spec.timeZone;
    if (!closeRuleMet(times, policy.document.closeRule, calendarZone)) continue;
    const [done] = await tx.update(sdTickets).set({ status: 'lukket', closedAt: now, updatedAt: nextVersion(ticket.updatedAt, now) })
      .where(and(eq(sdTickets.id, ticketId), eq(sdTickets.status, 'lost'))).returning({ id: sdTickets.id });
    if (!done) continue;
    const rule = policy.document.closeRule;
    await appendEvent(tx, ticketId, systemDesk, { kind: 'status', at: now, data: { from: 'lost', to: 'lukket', reason: `${rule.attempts}-${rule.days}-1` } });
    await refreshSla(tx, ticketId, now);
    if (ticket.requesterEmail) {
      await queueMail(tx, {
        to: ticket.requesterEmail,
        subject: `Sak ${ticket.number} er lukket: ${ticket.title}`,
        text: [
          `Hei ${ticket.requesterName},`,
          '',
          `Vi har løst saken din «${ticket.title}» (sak ${ticket.number}) og har prøvd å nå deg ${times.length} ganger for å bekrefte at løsningen virker.`,
          'Siden vi ikke har fått kontakt, lukker vi nå saken.',
          '',
          `Er du ikke fornøyd med løsningen, kan du gjenåpne saken innen ${daysText(policy.document.reopenWindowDays)} her:`,
          `${ticketLink(baseUrl, ticketId)}?gjenapne=1`,
          '',
          'Hilsen kundeservice',
        ].join('\n'),
      });
    }
    await recordAudit(tx, systemActor, { action: 'close-3-2-1', entity: 'sd_ticket', entityId: ticketId, before: { status: 'lost' }, after: { status: 'lukket', attempts: times.length } });
    closed.push(ticket.number);
  }
  return closed.sort((a, b) => a - b);
}

/** Writes one 'sla_breached' event per clock (resolution, first response) for each open ticket that ran out. */
export async function recordSlaBreaches(db: Db, options: TJobOptions = {}) {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    if (!(await tryLock(tx, SLA_BREACH_LOCK))) return { ran: false, recorded: [] as number[] };
    return { ran: true, recorded: await runBreachRecording(tx, now) };
  });
}

export async function runBreachRecording(tx: Tx, now: Date): Promise<number[]> {
  const due = await tx.select().from(sdTickets).where(and(
    lte(sdTickets.slaResolutionDueAt, now), isNull(sdTickets.slaBreachRecordedAt), notInArray(sdTickets.status, [...DONE_STATUSES]),
  ));
  const recorded: number[] = [];
  for (const ticket of due) {
    // The cache may be stale (a policy changed); the events decide.
    const state = await refreshSla(tx, ticket.id, now);
    if (!state.resolution.breached) continue;
    await appendEvent(tx, ticket.id, systemDesk, { kind: 'sla_breached', at: now, data: { clock: 'resolution', breachedAt: state.resolution.breachedAt!.toISOString(), priority: state.priority } });
    await tx.update(sdTickets).set({ slaBreachRecordedAt: now }).where(eq(sdTickets.id, ticket.id));
    recorded.push(ticket.number);
  }
  // First response: no column remembers the event, so the history itself is asked.
  const late = await tx.select().from(sdTickets).where(and(
    lte(sdTickets.slaFirstResponseDueAt, now), isNull(sdTickets.slaFirstResponseMet), notInArray(sdTickets.status, [...DONE_STATUSES]),
    notExists(tx.select({ one: sql`1` }).from(sdTicketEvents).where(and(
      eq(sdTicketEvents.ticketId, sdTickets.id), eq(sdTicketEvents.kind, 'sla_breached'), sql`${sdTicketEvents.data}->>'clock' = 'first_response'`,
    ))),
  ));
  for (const ticket of late) {
    const state = await refreshSla(tx, ticket.id, now);
    if (!state.firstResponse.breached) continue;
    await appendEvent(tx, ticket.id, systemDesk, { kind: 'sla_breached', at: now, data: { clock: 'first_response', breachedAt: state.firstResponse.breachedAt!.toISOString(), priority: state.priority } });
    if (!recorded.includes(ticket.number)) recorded.push(ticket.number);
  }
  return recorded;
}

/** For the in-process scheduler (src/server/jobs.ts): name, lock key, interval and the work. */
export function serviceDeskJobs(baseUrl: string | undefined) {
  return [
    { name: 'servicedesk:3-2-1', lockKey: CLOSE_RULE_LOCK, everyMs: 5 * 60_000, run: (tx: Tx, now: Date) => runCloseRule(tx, now, baseUrl) },
    { name: 'servicedesk:sla-breaches', lockKey: SLA_BREACH_LOCK, everyMs: 60_000, run: (tx: Tx, now: Date) => runBreachRecording(tx, now) },
  ];
}

