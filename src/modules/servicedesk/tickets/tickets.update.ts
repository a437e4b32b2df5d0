// Changing tickets: the desk's edits (status, priority, assignment, classification), the conversation
// (public replies and internal notes), reopening, the requester's confirmation, contact attempts and the
// satisfaction survey. Each change is one transaction: the ticket row, its event(s), the SLA cache and
// the audit row together.
//
// Concurrency (decision 0024): every change here counts the ticket's `revision` up (version.ts), and the
// desk's edit names the revision it was made on; the row is locked (select … for update) before the
// comparison, so of two edits made on the same revision exactly one wins.
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../../db/client.js';
import { actorOf, type SessionUser } from '../../../server/context.js';
import { badRequest, conflict, forbidden, notFound, stale } from '../../../server/errors.js';
import { recordAudit } from '../../audit/service.js';
import { queueMail } from '../../mail/service.js';
import { findUserSummary } from '../../org/users.service.js';
import { eventActorOf, isDesk, isDeskRole, loadVisibleTicket, type TTicketRow } from '../policy.js';
import { DONE_STATUSES, STATUS_LABELS, type TStatus } from '../vocabulary.js';
import { formatDate, formatTime } from '../../../lib/norwegian-format.js';
import { appendEvent, refreshSla, type TEventActor } from './history.js';
import type {
  TBulkAssignRequest, TContactAttemptRequest, TMessageRequest, TReopenRequest, TSurveyRequest, TTicketEventBody, TUpdateTicketRequest,
} from '../model.js';
import { loadPolicy } from '../desk-rules.service.js';
import type { TCompiledPolicy } from '../desk-rules.js';
import { sdSurveys, sdTeams, sdTickets } from '../schema.js';
import { loadClosedByConfirmation, mayReopen } from './reopen-window.js';
import { touched } from './version.js';

type TWithNow = { now?: Date };

/**
 * The desk's edit. `revision` is the one the agent saw; the HTTP route requires it, service callers
 * without a screen (tests, imports, bulk assignment) may leave it out and edit whatever is current.
 */
export type TUpdateTicketOptions = Omit<TUpdateTicketRequest, 'revision'> & TWithNow & { id: string; revision?: number };

/**
 * 409 for an edit made on an older revision; `current.revision` lets the client reload and retry. No
 * field is named: nothing the agent typed is wrong, the ticket moved on. The message names no one: the
 * other change may be the agent's own (another tab, a reply sent since) or the system's (the 3-2-1 job).
 */
function staleTicket(ticket: TTicketRow) {
  return stale(
    `Saken er endret siden du åpnet den (sist endret ${formatDate(ticket.updatedAt)} kl. ${formatTime(ticket.updatedAt, { seconds: true })}). Last inn saken på nytt og gjør endringen igjen.`,
    { revision: ticket.revision });
}

/** "1 dag", "14 dager". */
export function daysText(n: number): string {
  return n === 1 ? '1 dag' : `${n} dager`;
}

const reopenRefusal = (windowDays: number) => conflict(`Saken kan bare gjenåpnes innen ${daysText(windowDays)}; meld en ny sak`, 'reopen_window_closed', { windowDays });

export async function updateTicket(db: DbOrTx, user: SessionUser, options: TUpdateTicketOptions) {
  return db.transaction(async (tx) => (await applyUpdate(tx, user, options)).row);
}

export type TBulkAssignOptions = TWithNow & TBulkAssignRequest;

/**
 * Assigns many tickets at once: all or none (an unknown id answers 404 and changes nothing). All rows are
 * locked first, in id order, before anything is written: two overlapping bulk assigns then queue behind
 * each other on their first shared ticket instead of each holding one the other needs (a deadlock).
 */
export async function bulkAssign(db: DbOrTx, user: SessionUser, options: TBulkAssignOptions) {
  const now = options.now ?? new Date();
  const ids = [...new Set(options.ticketIds)].sort();
  return db.transaction(async (tx) => {
    const locked = await tx.select({ id: sdTickets.id }).from(sdTickets).where(inArray(sdTickets.id, ids)).orderBy(asc(sdTickets.id)).for('update');
    if (locked.length !== ids.length) throw notFound('Saken');
    let changed = 0;
    for (const id of ids) {
      if ((await applyUpdate(tx, user, { id, assigneeUserId: options.assigneeUserId, teamId: options.teamId, now })).changed) changed++;
    }
    return { tickets: ids.length, changed };
  });
}

async function applyUpdate(tx: Tx, user: SessionUser, options: TUpdateTicketOptions) {
  const now = options.now ?? new Date();
  const before = await loadVisibleTicket(tx, user, options.id, true);
  if (options.revision !== undefined && before.revision !== options.revision) throw staleTicket(before);
  const actor = eventActorOf(user);
  const patch: Partial<typeof sdTickets.$inferInsert> = {};
  let policy: TCompiledPolicy | undefined;
  if (options.category !== undefined && options.category !== before.category) {
    policy = await loadPolicy(tx, before.cooperationId, before.municipalityId);
    if (!policy.document.categories.includes(options.category)) {
      throw badRequest(`Ukjent kategori «${options.category}»`, [{ path: 'category', message: 'Ukjent kategori' }]);
    }
  }
  if (options.assigneeUserId) {
    const u = await findUserSummary(tx, options.assigneeUserId);
    if (!u || !isDeskRole(u.role)) throw badRequest('Saksbehandleren finnes ikke', [{ path: 'assigneeUserId', message: 'Må være en ansatt i kundeservice' }]);
    // A disabled account cannot sign in to work the ticket; it would sit in nobody's queue.
    if (u.disabled) throw badRequest('Saksbehandlerens konto er deaktivert', [{ path: 'assigneeUserId', message: 'Kontoen er deaktivert; velg en aktiv saksbehandler' }]);
  }
  if (options.teamId) {
    const [team] = await tx.select({ id: sdTeams.id }).from(sdTeams).where(eq(sdTeams.id, options.teamId));
    if (!team) throw badRequest('Teamet finnes ikke', [{ path: 'teamId', message: 'Finnes ikke' }]);
  }
  for (const field of ['type', 'category', 'title', 'assigneeUserId', 'teamId'] as const) {
    const value = options[field];
    if (value === undefined || value === before[field]) continue;
    Object.assign(patch, { [field]: value });
    const change = { from: before[field], to: value };
    await appendEvent(tx, before.id, actor, {
      at: now,
      ...(field === 'assigneeUserId' ? { kind: 'assigned' as const, data: { field, ...change } }
        : field === 'teamId' ? { kind: 'team' as const, data: { field, ...change } }
          : { kind: 'field' as const, data: { field, ...change } }),
    });
  }
  if (options.priority && options.priority !== before.priority) {
    patch.priority = options.priority;
    await appendEvent(tx, before.id, actor, { kind: 'priority', at: now, data: { from: before.priority, to: options.priority } });
  }
  if (options.status && options.status !== before.status) {
    Object.assign(patch, await statusChange(tx, before, actor, options.status, now));
  }
  if (Object.keys(patch).length === 0) return { row: before, changed: false };
  const [after] = await tx.update(sdTickets).set({ ...patch, ...touched(before, now) }).where(eq(sdTickets.id, before.id)).returning();
  await refreshSla(tx, before.id, now, { cooperationId: before.cooperationId, municipalityId: before.municipalityId, policy });
  await recordAudit(tx, actorOf(user), { action: 'update', entity: 'sd_ticket', entityId: before.id, before: pick(before, patch), after: patch });
  return { row: after!, changed: true };
}

/** What a status entry may say beside from and to (model.ts TICKET_EVENT_DATA.status). */
type TStatusExtra = Omit<Extract<TTicketEventBody, { kind: 'status' }>['data'], 'from' | 'to'>;

/** Writes the status event and answers the columns that follow from the new status. */
async function statusChange(tx: Tx, ticket: TTicketRow, actor: TEventActor, to: TStatus, now: Date, extra: TStatusExtra = {}) {
  const reopen = DONE_STATUSES.includes(ticket.status) && !DONE_STATUSES.includes(to);
  await appendEvent(tx, ticket.id, actor, { kind: 'status', at: now, data: { from: ticket.status, to, ...(reopen ? { reopen: true } : {}), ...extra } });
  return {
    status: to,
    solvedAt: to === 'lost' ? now : to === 'lukket' ? ticket.solvedAt : null,
    closedAt: to === 'lukket' ? now : null,
  };
}

function pick(row: TTicketRow, patch: object) {
  return Object.fromEntries(Object.keys(patch).map((k) => [k, row[k as keyof TTicketRow]]));
}

export type TAddMessageOptions = TWithNow & { id: string; baseUrl?: string } & TMessageRequest;

/**
 * A public reply. From the desk it is the first response (if none came before) and is mailed to the
 * requester; from the requester it ends a wait for the user, which resumes the SLA clock.
 * A requester's reply on a solved (not closed) ticket reopens it (decision 0011): someone who writes
 * after the solution has something left to say, and one who is satisfied has «Bekreft at saken er løst».
 * It is held to the same window as reopening; a closed ticket is reopened explicitly first.
 */
export async function addReply(db: DbOrTx, user: SessionUser, options: TAddMessageOptions) {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const ticket = await loadVisibleTicket(tx, user, options.id, true);
    const fromRequesterSide = !isDesk(user);
    if (fromRequesterSide && ticket.status === 'lukket') throw conflict('Saken er lukket; gjenåpne den for å svare', 'ticket_closed');
    const reopens = fromRequesterSide && ticket.status === 'lost';
    if (reopens) {
      const policy = await loadPolicy(tx, ticket.cooperationId, ticket.municipalityId);
      // A solved ticket has no close yet, so its window runs from the solve.
      if (!mayReopen(ticket, user, policy.document.reopenWindowDays, now, false)) {
        throw ticket.requesterUserId === user.id ? reopenRefusal(policy.document.reopenWindowDays) : conflict('Saken er løst; bare innmelderen kan svare og gjenåpne den');
      }
    }
    const actor = eventActorOf(user);
    const event = await appendEvent(tx, ticket.id, actor, { kind: 'reply', at: now, data: { text: options.text } });
    const patch: Partial<typeof sdTickets.$inferInsert> = {};
    if (fromRequesterSide && ticket.status === 'venter_bruker') {
      Object.assign(patch, await statusChange(tx, ticket, actor, 'under_arbeid', now, { reason: 'svar fra bruker' }));
    }
    if (reopens) Object.assign(patch, await statusChange(tx, ticket, actor, 'under_arbeid', now, { reason: 'svar fra bruker på løst sak' }));
    await tx.update(sdTickets).set({ ...patch, ...touched(ticket, now) }).where(eq(sdTickets.id, ticket.id));
    await refreshSla(tx, ticket.id, now, { cooperationId: ticket.cooperationId, municipalityId: ticket.municipalityId });
    if (reopens) {
      await recordAudit(tx, actorOf(user), { action: 'reopen', entity: 'sd_ticket', entityId: ticket.id, before: { status: ticket.status }, after: { status: 'under_arbeid', reason: 'svar' } });
    }
    if (isDesk(user) && ticket.requesterEmail) {
      await queueMail(tx, {
        to: ticket.requesterEmail,
        subject: `Sak ${ticket.number}: ${ticket.title}`,
        text: `${options.text}\n\n— ${user.name}, kundeservice\n\nSvar og følg saken: ${ticketLink(options.baseUrl, ticket.id)}\n`,
      });
    }
    return event;
  });
}

/** An internal note: for the desk only, never mailed, never shown to the requester. */
export async function addNote(db: DbOrTx, user: SessionUser, options: TAddMessageOptions) {
  if (!isDesk(user)) throw forbidden();
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const ticket = await loadVisibleTicket(tx, user, options.id, true);
    const event = await appendEvent(tx, ticket.id, eventActorOf(user), { kind: 'note', internal: true, at: now, data: { text: options.text } });
    await tx.update(sdTickets).set({ ...touched(ticket, now) }).where(eq(sdTickets.id, ticket.id));
    return event;
  });
}

export type TReopenOptions = TWithNow & { id: string } & TReopenRequest;

/** Reopening resumes the SLA clock from where it stopped (computeSlaState sums the running spans). */
export async function reopenTicket(db: DbOrTx, user: SessionUser, options: TReopenOptions) {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const ticket = await loadVisibleTicket(tx, user, options.id, true);
    if (!DONE_STATUSES.includes(ticket.status)) throw conflict('Saken er ikke løst eller lukket');
    const policy = await loadPolicy(tx, ticket.cooperationId, ticket.municipalityId);
    if (!mayReopen(ticket, user, policy.document.reopenWindowDays, now, await loadClosedByConfirmation(tx, ticket.id))) {
      throw reopenRefusal(policy.document.reopenWindowDays);
    }
    const actor = eventActorOf(user);
    const patch = await statusChange(tx, ticket, actor, 'under_arbeid', now, options.reason ? { reason: options.reason } : {});
    if (options.reason) await appendEvent(tx, ticket.id, actor, { kind: 'reply', at: now, data: { text: options.reason } });
    const [after] = await tx.update(sdTickets).set({ ...patch, ...touched(ticket, now) }).where(eq(sdTickets.id, ticket.id)).returning();
    await refreshSla(tx, ticket.id, now, { cooperationId: ticket.cooperationId, municipalityId: ticket.municipalityId, policy });
    await recordAudit(tx, actorOf(user), { action: 'reopen', entity: 'sd_ticket', entityId: ticket.id, before: { status: ticket.status }, after: { status: 'under_arbeid' } });
    return after!;
  });
}

/** The request, with its time parsed. */
export type TContactAttemptOptions = TWithNow & { id: string; at?: Date } & Omit<TContactAttemptRequest, 'at'>;

/** The desk tried to reach the user about a solved ticket (the 3-2-1 rule counts these). */
export async function logContactAttempt(db: DbOrTx, user: SessionUser, options: TContactAttemptOptions) {
  if (!isDesk(user)) throw forbidden();
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const ticket = await loadVisibleTicket(tx, user, options.id, true);
    if (ticket.status !== 'lost') throw conflict(`Kontaktforsøk logges på løste saker; saken er ${STATUS_LABELS[ticket.status].toLowerCase()}`);
    const at = options.at ?? now;
    if (at > now || (ticket.solvedAt && at < ticket.solvedAt)) {
      throw badRequest('Tidspunktet må være mellom løsningen og nå', [{ path: 'at', message: 'Ikke i fremtiden, ikke før saken ble løst' }]);
    }
    const event = await appendEvent(tx, ticket.id, eventActorOf(user), {
      kind: 'contact_attempt', internal: true, at, data: { method: options.method, ...(options.note ? { note: options.note } : {}) },
    });
    // The history changed, so the version moves (an agent's edit made before this attempt is stale).
    await tx.update(sdTickets).set({ ...touched(ticket, now) }).where(eq(sdTickets.id, ticket.id));
    return event;
  });
}

export type TConfirmOptions = TWithNow & { id: string };

/**
 * «Bekreft at saken er løst»: the requester confirms a solved ticket, which closes it as confirmed (a
 * status event with `confirmed: true`). The 3-2-1 rule is for solved tickets the user has not
 * confirmed, so a confirmed one gets no contact attempts and no "we could not reach you" e-mail.
 */
export async function confirmSolved(db: DbOrTx, user: SessionUser, options: TConfirmOptions) {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const ticket = await loadVisibleTicket(tx, user, options.id, true);
    if (ticket.requesterUserId !== user.id) throw forbidden('Bare innmelderen kan bekrefte at saken er løst');
    if (ticket.status === 'lukket') throw conflict('Saken er allerede lukket');
    if (ticket.status !== 'lost') throw conflict(`Saken kan bekreftes når kundeservice har løst den; nå er den ${STATUS_LABELS[ticket.status].toLowerCase()}`);
    return closeAsConfirmed(tx, user, ticket, now, 'bekreftet');
  });
}

/** Closes a solved ticket because its requester confirmed it (the button, or answering the survey). */
async function closeAsConfirmed(tx: Tx, user: SessionUser, ticket: TTicketRow, now: Date, via: 'bekreftet' | 'undersokelse') {
  const patch = await statusChange(tx, ticket, eventActorOf(user), 'lukket', now, {
    confirmed: true, via, reason: via === 'bekreftet' ? 'bekreftet løst av innmelderen' : 'innmelderen svarte på undersøkelsen',
  });
  const [after] = await tx.update(sdTickets).set({ ...patch, ...touched(ticket, now) }).where(eq(sdTickets.id, ticket.id)).returning();
  await refreshSla(tx, ticket.id, now);
  await recordAudit(tx, actorOf(user), { action: 'confirm', entity: 'sd_ticket', entityId: ticket.id, before: { status: ticket.status }, after: { status: 'lukket', via } });
  return after!;
}

export type TAnswerSurveyOptions = TWithNow & { id: string } & TSurveyRequest;

/**
 * The satisfaction survey, once per ticket. Answering it on a solved ticket also confirms it (decision
 * 0011): the user has been reached and has judged the solution, whatever the score; if it does not work
 * they reopen, within the same window as always.
 */
export async function answerSurvey(db: DbOrTx, user: SessionUser, options: TAnswerSurveyOptions) {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const ticket = await loadVisibleTicket(tx, user, options.id, true);
    if (ticket.requesterUserId !== user.id) throw forbidden('Bare innmelderen svarer på undersøkelsen');
    if (!DONE_STATUSES.includes(ticket.status)) throw conflict('Undersøkelsen besvares når saken er løst');
    if (!(await loadPolicy(tx, ticket.cooperationId, ticket.municipalityId)).document.survey.enabled) {
      throw conflict('Kundeservice spør ikke om tilfredshet for tiden');
    }
    const [existing] = await tx.select().from(sdSurveys).where(eq(sdSurveys.ticketId, ticket.id));
    if (existing) throw conflict('Undersøkelsen er allerede besvart');
    const [row] = await tx.insert(sdSurveys).values({ ticketId: ticket.id, userId: user.id, score: options.score, comment: options.comment ?? null, answeredAt: now }).returning();
    await appendEvent(tx, ticket.id, eventActorOf(user), { kind: 'survey', at: now, data: { score: options.score } });
    // On a solved ticket the confirmation moves the version; on a closed one the survey event alone does.
    if (ticket.status === 'lost') await closeAsConfirmed(tx, user, ticket, now, 'undersokelse');
    else await tx.update(sdTickets).set({ ...touched(ticket, now) }).where(eq(sdTickets.id, ticket.id));
    return row!;
  });
}

export function ticketLink(baseUrl: string | undefined, id: string) {
  return `${(baseUrl ?? 'http://localhost:3000').replace(/\/+$/, '')}/kundeservice/saker/${id}`;
}
