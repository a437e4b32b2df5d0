// Reading tickets: one ticket as its requester or the desk sees it, and the queues with filters and
// keyset pagination (a page is found by an index seek from the last row, never by OFFSET).
import { and, eq, gte, ilike, inArray, isNull, lt, lte, not, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { PgDialect, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { z } from '@hono/zod-openapi';
import type { DbOrTx } from '../../../db/client.js';
import type { SessionUser } from '../../../server/context.js';
import { badRequest } from '../../../server/errors.js';
import { municipalityNames, municipalityRows } from '../../org/municipalities.service.js';
import { userRows } from '../../org/users.service.js';
import { isDesk, loadVisibleTicket, visibleTickets, type TTicketRow } from '../policy.js';
import { addBusinessTime, zonedTime } from '../sla/calendar.js';
import { DEFAULT_SORT_DIRECTION, DONE_STATUSES, PRIORITIES, STATUSES, type TPriority, type TStatus, type TTicketSort } from '../vocabulary.js';
import { eventJson, loadEvents, slaStateOf } from './history.js';
import { ZTicketListItem, type TListTicketsQuery, type TTicketView } from '../model.js';
import { compilePolicy, NEUTRAL_POLICY, ZPolicyDocument, type TCompiledPolicy, type TPolicyDocument } from '../desk-rules.js';
import { afterCursor, decodeCursor, encodeCursor, orderOf, phasesOf, type TPhase } from './queue-order.js';
import { loadPolicies, loadPolicy } from '../desk-rules.service.js';
import { listTicketAttachments } from './attachments.service.js';
import { lastPublicChange, lastPublicChangeSql } from './public-change.js';
import { closedByConfirmation, mayReopen } from './reopen-window.js';
import { sdPolicies, sdSurveys, sdTeamMembers, sdTickets } from '../schema.js';
import { remainingUntil, type TClockState } from '../sla/sla.js';
import { OSLO } from '../../../lib/oslo-time.js';
import { sqlRows } from '../../../lib/sql.js';

// org's tables through the subqueries it offers; the planner flattens them into plain joins.
const municipalities = municipalityRows('municipality');
const assignee = userRows('assignee');

export type TGetTicketOptions = { id: string; now?: Date };

export async function getTicket(db: DbOrTx, user: SessionUser, options: TGetTicketOptions): Promise<TTicketView> {
  const now = options.now ?? new Date();
  const ticket = await loadVisibleTicket(db, user, options.id);
  const desk = isDesk(user);
  const events = await loadEvents(db, ticket.id);
  const [survey] = await db.select().from(sdSurveys).where(eq(sdSurveys.ticketId, ticket.id));
  const municipalityName = (await municipalityNames(db, [ticket.municipalityId])).get(ticket.municipalityId);
  const policy = await loadPolicy(db, ticket.cooperationId, ticket.municipalityId);
  // What a requester gets is built from public events only; internal ones are dropped before shaping.
  const visible = desk ? events : events.filter((e) => !e.internal);
  const view: TTicketView = {
    ...baseOf(ticket, municipalityName ?? ''),
    lastChangedAt: ticket.updatedAt.toISOString(),
    description: ticket.description,
    requesterEmail: ticket.requesterEmail,
    conversation: visible.filter((e) => e.kind === 'reply' || e.kind === 'note').map((e) => ({
      id: e.id, at: e.at.toISOString(), authorName: e.actorName, byDesk: e.byDesk, kind: e.kind as 'reply' | 'note', text: String(e.data.text ?? ''),
    })),
    attachments: await listTicketAttachments(db, user, ticket.id),
    survey: survey ? { score: survey.score, comment: survey.comment, answeredAt: survey.answeredAt.toISOString() } : null,
    canReopen: mayReopen(ticket, user, policy.document.reopenWindowDays, now, closedByConfirmation(events)),
    canAnswerSurvey: policy.document.survey.enabled && !survey && DONE_STATUSES.includes(ticket.status) && ticket.requesterUserId === user.id,
    canConfirm: ticket.status === 'lost' && ticket.requesterUserId === user.id,
    canReply: desk || !DONE_STATUSES.includes(ticket.status),
    canUpload: desk || !DONE_STATUSES.includes(ticket.status),
    reopenWindowDays: policy.document.reopenWindowDays,
    reopenExpired: false,
    responsePromise: null,
  };
  const sla = await slaStateOf(db, ticket, now, { events, policy });
  view.responsePromise = responsePromiseOf(sla.firstResponse, policy.document, sla.priority, ticket.status);
  // The requester who follows the e-mail link after the window is told why there is no reopen form.
  view.reopenExpired = !desk && DONE_STATUSES.includes(ticket.status) && ticket.requesterUserId === user.id && !view.canReopen;
  // The requester's «sist endret» is the last change they can see; the version would show internal work.
  if (!desk) return { ...view, ...requesterTimes(lastPublicChange(ticket, events)) };
  return {
    ...view,
    revision: ticket.revision,
    assigneeUserId: ticket.assigneeUserId,
    teamId: ticket.teamId,
    sla: { priority: sla.priority, firstResponse: clockView(sla.firstResponse), resolution: clockView(sla.resolution) },
    events: events.map(eventJson),
  };
}

/**
 * What a municipality user gets for `updatedAt` and `lastChangedAt`: the last change they can see, both
 * times. They send no version (their actions take none), so they need no real one.
 */
const requesterTimes = (at: Date) => ({ updatedAt: at.toISOString(), lastChangedAt: at.toISOString() });

/** The first-answer promise while it is still open: the target as the policy words it and when it falls due. */
function responsePromiseOf(clock: TClockState, policy: TPolicyDocument, priority: TPriority, status: TStatus): TTicketView['responsePromise'] {
  if (DONE_STATUSES.includes(status) || clock.stoppedAt || !clock.dueAt) return null;
  const target = policy.targets[priority];
  return { within: target.firstResponse, businessHours: policy.calendars[target.calendar]?.kind !== 'always', dueAt: clock.dueAt.toISOString() };
}

const clockView = (c: TClockState) => ({
  targetMillis: c.targetMillis, elapsedMillis: c.elapsedMillis, remainingMillis: c.remainingMillis, running: c.running,
  paused: c.paused, breached: c.breached, atRisk: c.atRisk, met: c.met,
  dueAt: c.dueAt?.toISOString() ?? null, breachedAt: c.breachedAt?.toISOString() ?? null, stoppedAt: c.stoppedAt?.toISOString() ?? null,
});

/** The ticket columns a list row and the top of the ticket view are made of. */
type TBaseColumns = Pick<TTicketRow, 'id' | 'number' | 'type' | 'category' | 'channel' | 'priority' | 'status' | 'title'
  | 'municipalityId' | 'requesterName' | 'createdAt' | 'updatedAt' | 'solvedAt' | 'closedAt'>;

function baseOf(t: TBaseColumns, municipalityName: string) {
  return {
    id: t.id, number: t.number, type: t.type, category: t.category, channel: t.channel, priority: t.priority, status: t.status,
    title: t.title, municipalityId: t.municipalityId, municipalityName, requesterName: t.requesterName,
    createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(),
    solvedAt: t.solvedAt?.toISOString() ?? null, closedAt: t.closedAt?.toISOString() ?? null,
  };
}

export type TListTicketsOptions = TListTicketsQuery & { now?: Date };

/**
 * A queue page as the database hands it over, named as the API names it: only the columns the list shows
 * (not the description, e-mail or SLA bookkeeping), times already as ISO text and the breach flags
 * already decided against `now`. Read with execute, not through the ORM's row mapping, so a page of 50
 * costs no Date parsing, no per-column mapping and no reshaping in JavaScript: that work was most of a
 * page's time in the application at 1M tickets (see bench/README.md, servicedesk).
 * Two levels: the inner query finds the page's rows with plain columns; the outer one formats only
 * those. PostgreSQL computes a select list before a sort, so a plan that sorts (the open tickets by
 * number) would otherwise format thousands of rows to keep 51.
 */
function listColumns(desk: boolean, assigneeName: AnyPgColumn): Record<string, AnyPgColumn> {
  return {
    id: sdTickets.id, number: sdTickets.number, type: sdTickets.type, category: sdTickets.category, channel: sdTickets.channel,
    priority: sdTickets.priority, status: sdTickets.status, title: sdTickets.title, municipalityId: sdTickets.municipalityId,
    municipalityName: municipalities.name, requesterName: sdTickets.requesterName,
    createdAt: sdTickets.createdAt, updatedAt: sdTickets.updatedAt, solvedAt: sdTickets.solvedAt, closedAt: sdTickets.closedAt,
    ...(desk ? {
      cooperationId: sdTickets.cooperationId, assigneeUserId: sdTickets.assigneeUserId, assigneeName, teamId: sdTickets.teamId,
      slaDueAt: sdTickets.slaResolutionDueAt, slaWarnAt: sdTickets.slaWarnAt,
      slaFirstResponseDueAt: sdTickets.slaFirstResponseDueAt, slaFirstResponseMet: sdTickets.slaFirstResponseMet,
    } : {}),
  };
}
const TIME_FIELDS = new Set(['createdAt', 'updatedAt', 'solvedAt', 'closedAt', 'slaDueAt', 'slaWarnAt', 'slaFirstResponseDueAt']);
/** A time as the API writes it (Date#toISOString: UTC, milliseconds truncated), made by the database. */
const iso = (value: SQL, precision: 'MS' | 'US' = 'MS') => sql`to_char(${value} at time zone 'UTC', ${sql.raw(`'YYYY-MM-DD"T"HH24:MI:SS.${precision}"Z"'`)})`;

/**
 * The outer select list over the page's rows (`p`): the API's fields and the cursor keys (k0, k1, …).
 * «Sist endret» (`updatedAt`) is the version for the desk; for a municipality user it is
 * the last change they may see (public-change.ts), found here for the page's rows only.
 */
function pageFields(desk: boolean, phase: TPhase): SQL {
  const col = (name: string) => sql`p.${sql.identifier(name)}`;
  const changed = desk ? iso(col('updatedAt'))
    : iso(lastPublicChangeSql({ id: col('id'), createdAt: col('createdAt'), solvedAt: col('solvedAt'), closedAt: col('closedAt') }));
  // lastChangedAt is the same time (listTickets copies it), so the events are asked once per row.
  const fields: SQL[] = Object.keys(listColumns(desk, sdTickets.id)).filter((name) => name !== 'slaFirstResponseMet').map((name) => {
    if (name === 'slaFirstResponseDueAt') return sql`case when p."slaFirstResponseMet" is null then ${iso(col(name))} end as "slaFirstResponseDueAt"`;
    if (name === 'updatedAt') return sql`${changed} as "updatedAt"`;
    return sql`${TIME_FIELDS.has(name) ? iso(col(name)) : col(name)} as ${sql.identifier(name)}`;
  });
  if (desk) {
    // The cached due time is exact while no event happens (every event recomputes it), so a deadline
    // that has passed is a breach now, whether or not the breach job has written its event yet.
    fields.push(sql`coalesce(p."slaDueAt" <= p."now", false) as "slaBreached"`,
      sql`coalesce(p."slaFirstResponseDueAt" <= p."now", false) as "slaFirstResponseBreached"`);
  }
  phase.keys.forEach((k, i) => fields.push(sql`${k.kind === 'time' ? iso(col(`k${i}`), 'US') : col(`k${i}`)} as ${sql.identifier(`k${i}`)}`));
  return sql.join(fields, sql`, `);
}

/**
 * The inner and outer select lists depend only on the viewer (desk or not) and the phase, and hold no
 * parameters, so each is rendered to SQL text once: building them from the ORM's pieces on every
 * request cost more than the query itself.
 */
const dialect = new PgDialect();
const rendered = new Map<string, SQL>();
function selectLists(desk: boolean, phase: TPhase): { inner: SQL; outer: SQL } {
  const key = `${desk}:${phase.id}`;
  const text = (part: string, build: () => SQL) => {
    let found = rendered.get(`${part}:${key}`);
    if (!found) {
      const query = dialect.sqlToQuery(build());
      if (query.params.length) throw new Error('a select list with parameters cannot be rendered once');
      found = sql.raw(query.sql);
      rendered.set(`${part}:${key}`, found);
    }
    return found;
  };
  return {
    inner: text('inner', () => sql.join([
      ...Object.entries(listColumns(desk, assignee.name)).map(([name, column]) => sql`${column} as ${sql.identifier(name)}`),
      ...phase.keys.map((k, n) => sql`${k.column} as ${sql.identifier(`k${n}`)}`),
    ], sql`, `)),
    outer: text('outer', () => pageFields(desk, phase)),
  };
}

type TListItem = z.infer<typeof ZTicketListItem>;

const OPEN_STATUSES = STATUSES.filter((s) => !DONE_STATUSES.includes(s));
/** Orders only the desk may ask for: they are keyed on what a municipality user does not see. */
const DESK_SORTS: readonly TTicketSort[] = ['due'];
const like = (text: string) => `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;

export async function listTickets(db: DbOrTx, user: SessionUser, options: TListTicketsOptions) {
  const now = options.now ?? new Date();
  const desk = isDesk(user);
  const where: SQL[] = [];
  const scope = await visibleTickets(db, user);
  if (scope) where.push(scope);
  if (options.queue !== 'all' && !desk) throw badRequest('Køene er for kundeservice', [{ path: 'queue', message: 'Bare «all» for portalbrukere' }]);
  if (options.sla && !desk) throw badRequest('SLA-filteret er for kundeservice', [{ path: 'sla', message: 'Bare for kundeservice' }]);
  // The SLA deadline is the desk's: sorting by it would show the order of the hidden deadlines (and which
  // clocks are paused), and its cursor would carry the last row's deadline.
  if (DESK_SORTS.includes(options.sort) && !desk) throw badRequest('Sortering etter SLA-frist er for kundeservice', [{ path: 'sort', message: 'Bare for kundeservice' }]);
  // The statuses and priorities a row may have under these filters, so the sort's phases skip the rest.
  let statuses: readonly TStatus[] = STATUSES;
  const onlyOpen = () => { statuses = statuses.filter((s) => OPEN_STATUSES.includes(s)); };
  if (options.queue === 'mine') where.push(eq(sdTickets.assigneeUserId, user.id));
  if (options.queue === 'unassigned') { where.push(isNull(sdTickets.assigneeUserId)); onlyOpen(); }
  if (options.queue === 'team') {
    where.push(inArray(sdTickets.teamId, db.select({ id: sdTeamMembers.teamId }).from(sdTeamMembers).where(eq(sdTeamMembers.userId, user.id))));
  }
  if (options.queue === 'breaching') { where.push(or(lte(sdTickets.slaWarnAt, now), await firstResponseAtRisk(db, now))!); onlyOpen(); }
  if (options.status === 'open') onlyOpen();
  else if (options.status) statuses = statuses.filter((s) => s === options.status);
  if (statuses.length < STATUSES.length) {
    where.push(statuses.length === OPEN_STATUSES.length && statuses.every((s) => OPEN_STATUSES.includes(s))
      // Written as «not in (løst, lukket)» so the planner can use the partial index of open tickets.
      ? notInArray(sdTickets.status, [...DONE_STATUSES])
      : inArray(sdTickets.status, [...statuses]));
  }
  if (options.priority) where.push(eq(sdTickets.priority, options.priority));
  if (options.type) where.push(eq(sdTickets.type, options.type));
  if (options.channel) where.push(eq(sdTickets.channel, options.channel));
  if (options.category) where.push(eq(sdTickets.category, options.category));
  if (options.municipalityId) where.push(eq(sdTickets.municipalityId, options.municipalityId));
  if (options.assigneeUserId) where.push(eq(sdTickets.assigneeUserId, options.assigneeUserId));
  if (options.teamId) where.push(eq(sdTickets.teamId, options.teamId));
  if (options.requesterUserId) where.push(eq(sdTickets.requesterUserId, options.requesterUserId));
  if (options.requester) where.push(ilike(sdTickets.requesterName, like(options.requester)));
  // Day boundaries of the created-date filter are Oslo days: the desk's and its users' calendar.
  if (options.createdFrom) where.push(gte(sdTickets.createdAt, zonedTime(OSLO, `${options.createdFrom}T00:00`)));
  if (options.createdTo) where.push(lt(sdTickets.createdAt, zonedTime(OSLO, `${nextDay(options.createdTo)}T00:00`)));
  if (options.description) where.push(ilike(sdTickets.description, like(options.description)));
  if (options.sla === 'breached') where.push(breachedAt(now));
  if (options.sla === 'atRisk') {
    where.push(not(breachedAt(now)), or(lte(sdTickets.slaWarnAt, now), await firstResponseAtRisk(db, now))!);
    if (statuses.some((s) => !OPEN_STATUSES.includes(s))) { onlyOpen(); where.push(notInArray(sdTickets.status, [...DONE_STATUSES])); }
  }
  if (options.q) {
    const n = /^\d+$/.test(options.q) ? Number(options.q) : null;
    const text = or(ilike(sdTickets.title, like(options.q)), ilike(sdTickets.description, like(options.q)))!;
    where.push(n !== null && n < 2 ** 31 ? or(text, eq(sdTickets.number, n))! : text);
  }

  const dir = options.dir ?? DEFAULT_SORT_DIRECTION[options.sort];
  const phases = phasesOf(options.sort, dir, { statuses, priorities: options.priority ? [options.priority] : PRIORITIES });
  const cursor = options.cursor ? decodeCursor(options.cursor, phases) : null;
  const wanted = options.limit + 1;
  const at = sql`${now.toISOString()}::timestamptz`;
  const rows: { ticket: TListItem; cooperationId: string; phase: number; keys: (string | number)[] }[] = [];
  // Phase by phase until the page (and one more row, to know there is a next page) is full.
  for (let i = cursor?.index ?? 0; i < phases.length && rows.length < wanted; i++) {
    const phase = phases[i]!;
    const conditions = [...where];
    if (phase.where) conditions.push(phase.where);
    if (cursor && i === cursor.index) conditions.push(afterCursor(phase, dir, cursor.values));
    const lists = selectLists(desk, phase);
    const inner = db.select({ row: sql`${lists.inner}, ${at} as "now"` })
      .from(sdTickets)
      .innerJoin(municipalities, eq(municipalities.id, sdTickets.municipalityId))
      .leftJoin(assignee, eq(assignee.id, sdTickets.assigneeUserId))
      .where(conditions.length ? and(...conditions) : undefined)
      .orderBy(...orderOf(phase, dir, statuses.every((st) => OPEN_STATUSES.includes(st))))
      .limit(wanted - rows.length);
    const order = sql.join(phase.keys.map((_, n) => sql`p.${sql.identifier(`k${n}`)} ${sql.raw(dir)}`), sql`, `);
    const query = sql`select ${lists.outer} from (${inner}) p order by ${order}`;
    const found = await sqlRows<Record<string, unknown>>(db, query);
    const keys = phase.keys.map((_, n) => `k${n}`);
    for (const r of found) {
      const values = keys.map((name) => r[name] as string | number);
      for (const name of keys) delete r[name];
      r.lastChangedAt = r.updatedAt;
      // Parsed, not cast: a column renamed in the select list fails here instead of reaching the page.
      rows.push({ ticket: ZTicketListItem.parse(r), cooperationId: String(r.cooperationId), phase: i, keys: values });
    }
  }
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > options.limit && last ? encodeCursor({ phase: phases[last.phase]!.id, values: last.keys }) : null;
  if (desk) {
    // Which statuses pause the clocks is each ticket's policy's choice, so the page is told, not left to guess.
    const policyOf = await loadPolicies(db, page.map((r) => r.cooperationId));
    for (const { ticket, cooperationId } of page) {
      const sla = policyOf(cooperationId, ticket.municipalityId).sla;
      ticket.slaPaused = !DONE_STATUSES.includes(ticket.status) && sla.pausedStatuses.includes(ticket.status);
      Object.assign(ticket, listClocks(ticket, sla, now));
    }
  }
  return {
    tickets: page.map((r) => r.ticket),
    nextCursor,
    now: now.toISOString(),
  };
}

/**
 * How many open cases each queue of the work list holds for this agent, so the queue buttons can say it
 * (as Zammad's and TopDesk's overviews do). The conditions are the queues' own in listTickets, narrowed to
 * open cases: a queue's count is the work waiting in it.
 */
export async function countQueues(db: DbOrTx, user: SessionUser, now: Date) {
  if (!isDesk(user)) throw badRequest('Køene er for kundeservice', [{ path: 'queue', message: 'Bare for kundeservice' }]);
  const scope = await visibleTickets(db, user);
  const open = notInArray(sdTickets.status, [...DONE_STATUSES]);
  const team = inArray(sdTickets.teamId, db.select({ id: sdTeamMembers.teamId }).from(sdTeamMembers).where(eq(sdTeamMembers.userId, user.id)));
  const breaching = or(lte(sdTickets.slaWarnAt, now), await firstResponseAtRisk(db, now))!;
  const count = (condition: SQL) => sql<number>`count(*) filter (where ${condition})::int`;
  const [row] = await db.select({
    mine: count(eq(sdTickets.assigneeUserId, user.id)),
    team: count(team),
    unassigned: count(isNull(sdTickets.assigneeUserId)),
    breaching: count(breaching),
    all: sql<number>`count(*)::int`,
  }).from(sdTickets).where(scope ? and(scope, open) : open);
  return { open: row!, now: now.toISOString() };
}

/**
 * The time left on a listed ticket's running clocks, in the business time of its priority's calendar
 * (the ticket page's numbers, from the cached due times), and whether either is breaching soon: the page
 * shows these and computes nothing. A done or paused ticket has no running clock.
 */
function listClocks(ticket: TListItem, sla: TCompiledPolicy['sla'], now: Date) {
  const running = !DONE_STATUSES.includes(ticket.status) && !ticket.slaPaused;
  const target = sla.targets[ticket.priority];
  const left = (dueAt: string | null | undefined) => (running && dueAt ? remainingUntil(target.calendar, new Date(dueAt), now) : null);
  const resolution = left(ticket.slaDueAt);
  const firstResponse = left(ticket.slaFirstResponseDueAt);
  const warn = sla.warnShare ?? 0.25;
  const soon = (remaining: number | null, targetMillis: number) => remaining !== null && remaining > 0 && remaining <= targetMillis * warn;
  const breached = (resolution !== null && resolution <= 0) || (firstResponse !== null && firstResponse <= 0);
  return {
    slaRemainingMillis: resolution,
    slaFirstResponseRemainingMillis: firstResponse,
    slaAtRisk: !breached && (soon(resolution, target.resolutionMillis) || soon(firstResponse, target.firstResponseMillis)),
  };
}

/**
 * A clock is breached at `now` when its cached deadline has passed: for a running clock the cache holds
 * the projected due time, for a paused or stopped one the breach instant if it breached (else null).
 */
function breachedAt(now: Date): SQL {
  return or(lte(sdTickets.slaResolutionDueAt, now), lte(sdTickets.slaFirstResponseDueAt, now))!;
}

/**
 * Tickets still waiting for a first response whose deadline is within the policy's warning share of the
 * target (or past it). Only the due time is cached, so the warning moment is found from the other side:
 * per policy and priority, the instant `now + warnShare × target` in business time; a due time at or
 * before it has at most that share left. Policies are few (a cooperation's, a municipality's own).
 */
async function firstResponseAtRisk(db: DbOrTx, now: Date): Promise<SQL> {
  const atRisk = (policy: TCompiledPolicy) => or(...PRIORITIES.map((p) => {
    const target = policy.sla.targets[p];
    const threshold = addBusinessTime(target.calendar, now, target.firstResponseMillis * (policy.sla.warnShare ?? 0.25));
    return and(eq(sdTickets.priority, p), lte(sdTickets.slaFirstResponseDueAt, threshold));
  }))!;
  const rows = await db.select().from(sdPolicies);
  const conditions: SQL[] = [];
  const own = rows.filter((r) => r.municipalityId !== null);
  const defaults = rows.filter((r) => r.municipalityId === null);
  for (const r of own) {
    conditions.push(and(eq(sdTickets.cooperationId, r.cooperationId), eq(sdTickets.municipalityId, r.municipalityId!), atRisk(compilePolicy(ZPolicyDocument.parse(r.document))))!);
  }
  const notOwn = (cooperationId: string | null) => {
    const mine = own.filter((r) => cooperationId === null || r.cooperationId === cooperationId);
    return mine.map((r) => not(and(eq(sdTickets.cooperationId, r.cooperationId), eq(sdTickets.municipalityId, r.municipalityId!))!));
  };
  for (const r of defaults) {
    conditions.push(and(eq(sdTickets.cooperationId, r.cooperationId), ...notOwn(r.cooperationId), atRisk(compilePolicy(ZPolicyDocument.parse(r.document))))!);
  }
  // Everyone else runs on the built-in default.
  conditions.push(and(
    ...(defaults.length ? [notInArray(sdTickets.cooperationId, defaults.map((r) => r.cooperationId))] : []), ...notOwn(null), atRisk(compilePolicy(NEUTRAL_POLICY)),
  )!);
  return and(isNull(sdTickets.slaFirstResponseMet), or(...conditions)!)!;
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
