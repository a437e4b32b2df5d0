// Background work of the service desk. Each run takes a transaction-scoped advisory lock, so with
// several server instances on one database exactly one does the work per tick; the others skip. The
// work itself is also guarded per ticket (update … where status = 'lost'), so even a run that slipped
// past the lock could not close a ticket or send its e-mail twice. The breach job works in batches, each
// its own transaction under the lock (recordSlaBreaches says why).
//
// The 3-2-1 rule is for solved tickets the user has not confirmed. Confirming (the requester's button, or
// answering the survey) closes the ticket, so it is no longer 'lost' and never reaches the rule; the job
// also passes over a solved ticket whose survey was answered after its last solve (rows written before
// that rule, or imported), rather than tell a user who answered that we could not reach them.
import { and, eq, gt, gte, isNull, lte, notExists, notInArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';
import { systemActor } from '../../server/context.js';
import { recordAudit } from '../audit/service.js';
import { queueMail } from '../mail/service.js';
import { closeRuleMet } from './tickets/close-rule.js';
import { DONE_STATUSES } from './vocabulary.js';
import { appendEvent, refreshSla, systemDesk } from './tickets/history.js';
import { loadPolicy } from './desk-rules.service.js';
import { sdSurveys, sdTicketEvents, sdTickets } from './schema.js';
import { daysText, ticketLink } from './tickets/tickets.update.js';
import { touched } from './tickets/version.js';
import { ADVISORY_LOCKS, tryLockForTransaction } from '../../lib/sql.js';


export type TJobOptions = { now?: Date; baseUrl?: string };

/** Closes every solved ticket whose contact attempts satisfy the 3-2-1 rule; one e-mail each. */
export async function closeUnconfirmedTickets(db: Db, options: TJobOptions = {}) {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    if (!(await tryLockForTransaction(tx, ADVISORY_LOCKS.serviceDeskCloseRule))) return { ran: false, closed: [] as number[] };
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
    const [done] = await tx.update(sdTickets).set({ status: 'lukket', closedAt: now, ...touched(ticket, now) })
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

/**
 * At most this many tickets per transaction, and no more once a transaction has worked BREACH_BATCH_MS.
 * The first run after downtime can find hundreds of clocks run out (~490 on the demo's first start); in
 * one transaction that held every request on the embedded database for 4–20 s. In batches a request
 * waits for one batch at most, and the run yields between batches; the time bound keeps a batch short
 * on a slow or busy machine too, where 50 tickets (~10 statements each) can take seconds.
 */
export const BREACH_BATCH_SIZE = 50;
export const BREACH_BATCH_MS = 100;

export type TRecordBreachesOptions = TJobOptions & {
  batchSize?: number;
  /** Called after each batch has committed, with the number of batches so far (tests watch the steps). */
  afterBatch?: (batches: number) => unknown;
};

type TClock = 'resolution' | 'first_response';
type TBreachBatch = { recorded: number[]; lastId: string | null };

/**
 * Writes one 'sla_breached' event per clock (resolution, first response) for each open ticket that ran
 * out, in batches: each batch is its own transaction under the job's lock and re-reads its candidates,
 * so a batch never repeats what an earlier one (of this run or another instance's) wrote.
 */
export async function recordSlaBreaches(db: Db, options: TRecordBreachesOptions = {}) {
  const now = options.now ?? new Date();
  const size = options.batchSize ?? BREACH_BATCH_SIZE;
  const recorded: number[] = [];
  let batches = 0;
  for (const clock of ['resolution', 'first_response'] as const) {
    let after: string | null = null;
    for (;;) {
      const from: string | null = after;
      const batch: TBreachBatch | null = await db.transaction(async (tx) => {
        if (!(await tryLockForTransaction(tx, ADVISORY_LOCKS.serviceDeskSlaBreaches))) return null;
        return recordBreachBatch(tx, { clock, now, size, after: from });
      });
      // Another instance holds the lock: it is doing this work.
      if (!batch) return { ran: batches > 0, recorded, batches };
      batches++;
      for (const n of batch.recorded) if (!recorded.includes(n)) recorded.push(n);
      await options.afterBatch?.(batches);
      if (batch.lastId === null) break;
      after = batch.lastId;
      // Let the requests that queued behind this batch have the database before the next one.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return { ran: true, recorded, batches };
}

/** One batch: up to `size` candidates after `after` (by id); answers the numbers recorded and where to go on (null: done). */
async function recordBreachBatch(tx: Tx, options: { clock: TClock; now: Date; size: number; after: string | null }): Promise<TBreachBatch> {
  const { clock, now, size, after } = options;
  const candidates = await tx.select({ id: sdTickets.id, number: sdTickets.number }).from(sdTickets).where(and(
    notInArray(sdTickets.status, [...DONE_STATUSES]),
    ...(clock === 'resolution'
      ? [lte(sdTickets.slaResolutionDueAt, now), isNull(sdTickets.slaBreachRecordedAt)]
      // First response: no column remembers the event, so the history itself is asked.
      : [lte(sdTickets.slaFirstResponseDueAt, now), isNull(sdTickets.slaFirstResponseMet),
        notExists(tx.select({ one: sql`1` }).from(sdTicketEvents).where(and(
          eq(sdTicketEvents.ticketId, sdTickets.id), eq(sdTicketEvents.kind, 'sla_breached'), sql`${sdTicketEvents.data}->>'clock' = 'first_response'`,
        )))]),
    ...(after ? [gt(sdTickets.id, after)] : []),
  )).orderBy(sdTickets.id).limit(size);
  const recorded: number[] = [];
  const started = performance.now();
  let done = 0;
  for (const ticket of candidates) {
    if (done > 0 && performance.now() - started > BREACH_BATCH_MS) break;
    done++;
    // The cache may be stale (a policy changed); the events decide.
    const state = await refreshSla(tx, ticket.id, now);
    const clockState = clock === 'resolution' ? state.resolution : state.firstResponse;
    if (!clockState.breached) continue;
    await appendEvent(tx, ticket.id, systemDesk, { kind: 'sla_breached', at: now, data: { clock, breachedAt: clockState.breachedAt!.toISOString(), priority: state.priority } });
    if (clock === 'resolution') await tx.update(sdTickets).set({ slaBreachRecordedAt: now }).where(eq(sdTickets.id, ticket.id));
    recorded.push(ticket.number);
  }
  const finished = done === candidates.length && candidates.length < size;
  return { recorded, lastId: finished ? null : candidates[done - 1]!.id };
}

/** For the in-process scheduler (src/server/jobs.ts): name, lock key, interval and the work. */
export function serviceDeskJobs(baseUrl: string | undefined) {
  return [
    { name: 'servicedesk:3-2-1', lockKey: ADVISORY_LOCKS.serviceDeskCloseRule, everyMs: 5 * 60_000, run: (tx: Tx, now: Date) => runCloseRule(tx, now, baseUrl) },
    { name: 'servicedesk:sla-breaches', lockKey: ADVISORY_LOCKS.serviceDeskSlaBreaches, everyMs: 60_000, runInBatches: async (db: Db, now: Date) => (await recordSlaBreaches(db, { now })).ran },
  ];
}

