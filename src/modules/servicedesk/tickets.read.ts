// Reading tickets: one ticket as its requester or the desk sees it, and the queues with filters and
// keyset pagination (a page is found by an index seek from the last row, never by OFFSET).
import { and, asc, desc, eq, gt, ilike, inArray, isNotNull, isNull, lt, lte, notInArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import type { SessionUser } from '../../server/context.js';
import { badRequest } from '../../server/errors.js';
import { municipalities, users } from '../org/schema.js';
import { isDesk, loadVisibleTicket, visibleTickets, type TTicketRow } from './access.js';
import { DONE_STATUSES, type TStatus } from './constants.js';
import { loadEvents, slaStateOf } from './history.js';
import type { TListTicketsQuery, TTicketView } from './model.js';
import { loadPolicy } from './policy.service.js';
import { listTicketAttachments } from './attachments.service.js';
import { sdSurveys, sdTeamMembers, sdTickets } from './schema.js';
import type { TClockState } from './sla.js';

export type TGetTicketOptions = { id: string; now?: Date };

export async function getTicket(db: DbOrTx, user: SessionUser, options: TGetTicketOptions): Promise<TTicketView> {
  const now = options.now ?? new Date();
  const ticket = await loadVisibleTicket(db, user, options.id);
  const desk = isDesk(user);
  const events = await loadEvents(db, ticket.id);
  const [survey] = await db.select().from(sdSurveys).where(eq(sdSurveys.ticketId, ticket.id));
  const [municipality] = await db.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.id, ticket.municipalityId));
  const policy = await loadPolicy(db, ticket.cooperationId, ticket.municipalityId);
  // What a requester gets is built from public events only; internal ones are dropped before shaping.
  const visible = desk ? events : events.filter((e) => !e.internal);
  const view: TTicketView = {
    ...baseOf(ticket, municipality?.name ?? ''),
    description: ticket.description,
    requesterEmail: ticket.requesterEmail,
    conversation: visible.filter((e) => e.kind === 'reply' || e.kind === 'note').map((e) => ({
      id: e.id, at: e.at.toISOString(), authorName: e.actorName, byDesk: e.byDesk, kind: e.kind as 'reply' | 'note', text: String(e.data.text ?? ''),
    })),
    attachments: await listTicketAttachments(db, user, ticket.id),
    survey: survey ? { score: survey.score, comment: survey.comment, answeredAt: survey.answeredAt.toISOString() } : null,
    canReopen: mayReopen(ticket, user, policy.document.reopenWindowDays, now),
    canAnswerSurvey: !survey && DONE_STATUSES.includes(ticket.status) && ticket.requesterUserId === user.id,
    canConfirm: ticket.status === 'lost' && ticket.requesterUserId === user.id,
  };
  if (!desk) return view;
  const sla = await slaStateOf(db, ticket, now);
  return {
    ...view,
    assigneeUserId: ticket.assigneeUserId,
    teamId: ticket.teamId,
    sla: { priority: sla.priority, firstResponse: clockView(sla.firstResponse), resolution: clockView(sla.resolution) },
    events: events.map((e) => ({ id: e.id, at: e.at.toISOString(), actorName: e.actorName, byDesk: e.byDesk, kind: e.kind, internal: e.internal, data: e.data })),
  };
}

/** A solved or closed ticket may be reopened by its requester or the desk within the window. */
export function mayReopen(ticket: TTicketRow, user: SessionUser, windowDays: number, now: Date): boolean {
  if (!DONE_STATUSES.includes(ticket.status)) return false;
  if (isDesk(user)) return true;
  if (ticket.requesterUserId !== user.id) return false;
  const doneAt = Math.max(ticket.solvedAt?.getTime() ?? 0, ticket.closedAt?.getTime() ?? 0);
  return now.getTime() - doneAt <= windowDays * 86_400_000;
}

const clockView = (c: TClockState) => ({
  targetMillis: c.targetMillis, elapsedMillis: c.elapsedMillis, remainingMillis: c.remainingMillis, running: c.running,
  paused: c.paused, breached: c.breached, atRisk: c.atRisk, met: c.met,
  dueAt: c.dueAt?.toISOString() ?? null, breachedAt: c.breachedAt?.toISOString() ?? null, stoppedAt: c.stoppedAt?.toISOString() ?? null,
});

function baseOf(t: TTicketRow, municipalityName: string) {
  return {
    id: t.id, number: t.number, type: t.type, category: t.category, channel: t.channel, priority: t.priority, status: t.status,
    title: t.title, municipalityId: t.municipalityId, municipalityName, requesterName: t.requesterName,
    createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(),
    solvedAt: t.solvedAt?.toISOString() ?? null, closedAt: t.closedAt?.toISOString() ?? null,
  };
}

export type TListTicketsOptions = TListTicketsQuery & { now?: Date };

export async function listTickets(db: DbOrTx, user: SessionUser, options: TListTicketsOptions) {
  const now = options.now ?? new Date();
  const desk = isDesk(user);
  const where: SQL[] = [];
  const scope = await visibleTickets(db, user);
  if (scope) where.push(scope);
  if (options.queue !== 'all' && !desk) throw badRequest('Køene er for kundeservice', [{ path: 'queue', message: 'Bare «all» for portalbrukere' }]);
  if (options.queue === 'mine') where.push(eq(sdTickets.assigneeUserId, user.id));
  if (options.queue === 'unassigned') where.push(isNull(sdTickets.assigneeUserId), notInArray(sdTickets.status, [...DONE_STATUSES]));
  if (options.queue === 'team') {
    where.push(inArray(sdTickets.teamId, db.select({ id: sdTeamMembers.teamId }).from(sdTeamMembers).where(eq(sdTeamMembers.userId, user.id))));
  }
  if (options.queue === 'breaching') where.push(lte(sdTickets.slaWarnAt, now), notInArray(sdTickets.status, [...DONE_STATUSES]));
  if (options.status === 'open') where.push(notInArray(sdTickets.status, [...DONE_STATUSES]));
  else if (options.status) where.push(eq(sdTickets.status, options.status as TStatus));
  if (options.priority) where.push(eq(sdTickets.priority, options.priority));
  if (options.type) where.push(eq(sdTickets.type, options.type));
  if (options.channel) where.push(eq(sdTickets.channel, options.channel));
  if (options.category) where.push(eq(sdTickets.category, options.category));
  if (options.municipalityId) where.push(eq(sdTickets.municipalityId, options.municipalityId));
  if (options.assigneeUserId) where.push(eq(sdTickets.assigneeUserId, options.assigneeUserId));
  if (options.teamId) where.push(eq(sdTickets.teamId, options.teamId));
  if (options.q) {
    const n = /^\d+$/.test(options.q) ? Number(options.q) : null;
    const text = ilike(sdTickets.title, `%${options.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
    where.push(n !== null && n < 2 ** 31 ? or(text, eq(sdTickets.number, n))! : text);
  }
  const cursor = options.cursor ? decodeCursor(options.cursor) : null;
  if (options.sort === 'due') {
    where.push(isNotNull(sdTickets.slaResolutionDueAt));
    if (cursor) {
      const at = new Date(cursor.at);
      where.push(or(gt(sdTickets.slaResolutionDueAt, at), and(eq(sdTickets.slaResolutionDueAt, at), gt(sdTickets.number, cursor.number)))!);
    }
  } else if (cursor) {
    const at = new Date(cursor.at);
    where.push(or(lt(sdTickets.createdAt, at), and(eq(sdTickets.createdAt, at), lt(sdTickets.number, cursor.number)))!);
  }
  const assignee = alias(users, 'assignee');
  const rows = await db.select({ t: sdTickets, municipalityName: municipalities.name, assigneeName: assignee.name })
    .from(sdTickets)
    .innerJoin(municipalities, eq(municipalities.id, sdTickets.municipalityId))
    .leftJoin(assignee, eq(assignee.id, sdTickets.assigneeUserId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(...(options.sort === 'due'
      ? [asc(sdTickets.slaResolutionDueAt), asc(sdTickets.number)]
      : [desc(sdTickets.createdAt), desc(sdTickets.number)]))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > options.limit && last
    ? encodeCursor({ at: (options.sort === 'due' ? last.t.slaResolutionDueAt! : last.t.createdAt).toISOString(), number: last.t.number })
    : null;
  return {
    tickets: page.map(({ t, municipalityName, assigneeName }) => ({
      ...baseOf(t, municipalityName),
      ...(desk ? {
        assigneeUserId: t.assigneeUserId, assigneeName, teamId: t.teamId,
        slaDueAt: t.slaResolutionDueAt?.toISOString() ?? null, slaWarnAt: t.slaWarnAt?.toISOString() ?? null,
        slaBreached: t.slaResolutionBreachedAt !== null && t.slaResolutionBreachedAt <= now,
      } : {}),
    })),
    nextCursor,
  };
}

type TCursor = { at: string; number: number };

function encodeCursor(c: TCursor): string {
  return Buffer.from(`${c.at}|${c.number}`).toString('base64url');
}

function decodeCursor(value: string): TCursor {
  const [at, number] = Buffer.from(value, 'base64url').toString().split('|');
  if (!at || !number || Number.isNaN(Date.parse(at)) || !/^\d+$/.test(number)) {
    throw badRequest('Ugyldig markør', [{ path: 'cursor', message: 'Ugyldig markør' }]);
  }
  return { at, number: Number(number) };
}

