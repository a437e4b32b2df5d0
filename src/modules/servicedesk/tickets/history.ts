// The ticket history: appending events (never changing them) and keeping the ticket's SLA cache, and the
// KPI summary built on it, in step with what computeSlaState says about those events.
import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { addBusinessTime } from '../sla/calendar.js';
import { syncKpiSummaries } from '../kpi/kpi-summary.js';
import { loadPolicy } from '../desk-rules.service.js';
import type { TCompiledPolicy } from '../desk-rules.js';
import { sdTicketEvents, sdTickets } from '../schema.js';
import { computeSlaState, type TSlaEvent, type TSlaState } from '../sla/sla.js';
import type { TTicketEvent, TTicketEventBody } from '../model.js';

export type TEventActor = { userId: string | null; name: string; byDesk: boolean };

export const systemDesk: TEventActor = { userId: null, name: 'system', byDesk: true };

/** An entry to append: one of the history's kinds with its payload (model.ts TICKET_EVENT_DATA). */
export type TNewEvent = TTicketEventBody & { internal?: boolean; at: Date };

export async function appendEvent(db: DbOrTx, ticketId: string, actor: TEventActor, event: TNewEvent) {
  const [row] = await db.insert(sdTicketEvents).values({
    ticketId, at: event.at, actorUserId: actor.userId, actorName: actor.name, byDesk: actor.byDesk,
    kind: event.kind, internal: event.internal ?? false, data: event.data,
  }).returning();
  return row!;
}

export async function loadEvents(db: DbOrTx, ticketId: string) {
  return db.select().from(sdTicketEvents).where(eq(sdTicketEvents.ticketId, ticketId)).orderBy(asc(sdTicketEvents.id));
}

type TStoredEvent = typeof sdTicketEvents.$inferSelect;

/** A stored entry's kind and payload, typed: only the writers above (and the import) store them. */
export const eventBodyOf = (row: Pick<TStoredEvent, 'kind' | 'data'>) => ({ kind: row.kind, data: row.data }) as TTicketEventBody;

/** A stored entry as the API gives it. */
export function eventJson(row: TStoredEvent): TTicketEvent {
  return { id: row.id, at: row.at.toISOString(), actorName: row.actorName, byDesk: row.byDesk, internal: row.internal, ...eventBodyOf(row) } as TTicketEvent;
}

/** The events the SLA function reads; the rest of the history does not move a clock. */
export function slaEventsOf(events: readonly TStoredEvent[]): TSlaEvent[] {
  const result: TSlaEvent[] = [];
  for (const e of events) {
    const body = eventBodyOf(e);
    if (body.kind === 'created') {
      result.push({ kind: 'created', at: e.at, priority: body.data.priority, status: body.data.status, respondedAtCreation: body.data.respondedAtCreation === true });
    } else if (body.kind === 'status') result.push({ kind: 'status', at: e.at, status: body.data.to });
    else if (body.kind === 'priority') result.push({ kind: 'priority', at: e.at, priority: body.data.to });
    else if (body.kind === 'reply' && e.byDesk && !e.internal) result.push({ kind: 'response', at: e.at });
  }
  return result;
}

/**
 * What a caller already read of the ticket in this transaction: its cooperation and municipality (which
 * no ticket change moves) and, when loaded, their policy. Each saves a statement per write.
 */
export type TKnownTicket = { cooperationId: string; municipalityId: string; policy?: TCompiledPolicy };

/** Recomputes the ticket's SLA from its events, stores the cache columns and the KPI summary; answers the state. */
export async function refreshSla(db: DbOrTx, ticketId: string, now: Date, known?: TKnownTicket): Promise<TSlaState> {
  let ticket: { cooperationId: string; municipalityId: string } | undefined = known;
  if (!ticket) {
    [ticket] = await db.select({ cooperationId: sdTickets.cooperationId, municipalityId: sdTickets.municipalityId })
      .from(sdTickets).where(eq(sdTickets.id, ticketId));
  }
  if (!ticket) throw new Error(`sak ${ticketId} finnes ikke`);
  const policy = known?.policy ?? await loadPolicy(db, ticket.cooperationId, ticket.municipalityId);
  const state = computeSlaState(slaEventsOf(await loadEvents(db, ticketId)), policy.sla, now);
  const r = state.resolution;
  const target = policy.sla.targets[state.priority];
  const warnShare = policy.sla.warnShare ?? 0.25;
  // While the clock runs, the moment it enters its last share is as predictable as the due time.
  const warnAt = r.breached ? r.breachedAt
    : r.running ? addBusinessTime(target.calendar, now, Math.max(0, r.remainingMillis - r.targetMillis * warnShare)) : null;
  await db.update(sdTickets).set({
    slaResolutionDueAt: r.dueAt,
    slaWarnAt: r.stoppedAt || r.paused ? null : warnAt,
    slaResolutionBreachedAt: r.breachedAt,
    slaResolutionMet: r.met,
    slaResolutionElapsedMs: Math.round(r.elapsedMillis),
    slaFirstResponseDueAt: state.firstResponse.dueAt,
    slaFirstResponseMet: state.firstResponse.met,
    slaComputedAt: now,
  }).where(eq(sdTickets.id, ticketId));
  // Every change to a ticket ends here, in its transaction, so the KPI figures move with it.
  await syncKpiSummaries(db, { ticketIds: [ticketId] });
  return state;
}

/** The ticket's SLA state now; from events and a policy the caller has already read, when given. */
export async function slaStateOf(db: DbOrTx, ticket: { id: string; cooperationId: string; municipalityId: string }, now: Date,
  known: { events?: readonly TStoredEvent[]; policy?: TCompiledPolicy } = {}) {
  const policy = known.policy ?? await loadPolicy(db, ticket.cooperationId, ticket.municipalityId);
  return computeSlaState(slaEventsOf(known.events ?? await loadEvents(db, ticket.id)), policy.sla, now);
}
