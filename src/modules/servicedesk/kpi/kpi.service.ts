// Builds the monthly KPI pack from stored aggregates, so the work stays in the database and the pack for
// a year reads a few thousand rows however many tickets there are. Months are Oslo months.
//
// What it reads (kept by kpi-summary.ts in the same transaction as every change to a ticket):
// - sd_kpi_counts: tickets created and done per month, municipality and classification;
// - sd_ticket_summaries: per ticket, when it was done and its resolution time and SLA result, for the
//   resolution figures (a median needs the values, not counts);
// - sd_tickets for the critical and high incidents (list and yearly per month, from their partial
//   index), sd_surveys and sd_phone_stats as they are (a one-municipality pack: that municipality's
//   calls, when the phone export named municipalities; phone-stats.service.ts reads them).
//
// What the figures mean (the report's words, made exact):
// - "new" = created in the month; "closed" = solved or closed in the month, by the ticket's cached
//   solved_at/closed_at; "open" at a month's end = created before it and not done before it.
// - "solved" and "closed" apart (solvedAndClosed): the month of the last solve of a ticket still solved
//   or closed, and the month of the close of a ticket still closed, from sd_ticket_summaries.
// - A ticket that was reopened and is open again counts as open since its creation: the cache keeps the
//   last solve only, and the history that would say otherwise is not worth a scan of every event.
// - Resolution time is the SLA's business time (pauses excluded, the priority's calendar), from the
//   SLA cache, for incidents (type feilmelding) solved in the month: the papers' "gjennomsnittlig
//   løsningstid på innmeldte feil". Attainment is the share of those incidents that met their target,
//   as the papers' SLA section speaks of incidents ("hendelser"); requests have targets too, but the
//   report has never measured them. Each ticket's result is its own cached SLA state, computed under
//   its municipality's policy; the targets printed beside the figures are the municipality's own for a
//   one-municipality pack, the cooperation's for all.
// - The critical and high list names incidents only, and only what the reader may see (policy.ts):
//   number and title are left out for tickets the reader could not open.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { SessionUser } from '../../../server/context.js';
import { forbidden, notFound } from '../../../server/errors.js';
import { resolveCooperationId } from '../../org/cooperations.service.js';
import { ticketVisibility } from '../policy.js';
import { municipalityNames } from '../../org/municipalities.service.js';
import {
  CHANNEL_LABELS, CHANNELS, PRIORITIES, PRIORITY_LABELS, TICKET_TYPE_LABELS, TICKET_TYPES, type TChannel, type TPriority, type TTicketType,
} from '../vocabulary.js';
import {
  monthsBetween, nextMonth, percent, RESOLUTION_UNIT, round1, runningOpen, toReportUnit, type TKpiPack, type TKpiQuery,
} from './kpi.js';
import { loadPolicy } from '../desk-rules.service.js';
import { phoneRowsOf, readPhoneMonths, type TPhoneMonth } from '../phone/phone-stats.service.js';
import { OSLO } from '../../../lib/oslo-time.js';
import { sqlRows } from '../../../lib/sql.js';
import { yearOf } from '../../../lib/date-schemas.js';


/** The first instant of an Oslo month, as an SQL timestamptz expression. */
const monthStart = (month: string) => sql`(${`${month}-01 00:00:00`}::timestamp at time zone ${OSLO})`;
const monthOf = (column: SQL) => sql`to_char(${column} at time zone ${OSLO}, 'YYYY-MM')`;

/** Who may ask for which municipality: the desk and the council any; a municipality user only their own. */
export function kpiScope(user: SessionUser, requested?: string): string | undefined {
  if (user.role === 'municipality') {
    if (!user.municipalityId) throw forbidden();
    if (requested && requested !== user.municipalityId) throw forbidden('Du kan bare se tall for egen kommune');
    return user.municipalityId;
  }
  return requested;
}

export async function buildKpiPack(db: DbOrTx, user: SessionUser, options: TKpiQuery): Promise<TKpiPack> {
  const municipalityId = kpiScope(user, options.municipality);
  let municipalityName: string | null = null;
  if (municipalityId) {
    const name = (await municipalityNames(db, [municipalityId])).get(municipalityId);
    if (name === undefined) throw notFound('Kommunen');
    municipalityName = name;
  }
  const cooperationId = await resolveCooperationId(db, options.cooperation);
  const sees = await ticketVisibility(db, user);
  // The council reads the activity report, which prints the incidents' titles; it opens no tickets.
  const details: TTicketDetails = {
    number: sees,
    title: (t) => sees(t) || user.role === 'council',
  };
  return computeKpiPack(db, { cooperationId, municipalityId: municipalityId ?? null, municipalityName, from: options.from, to: options.to, details });
}

/**
 * The first and last month with new tickets that the reader's pack would count (their municipality,
 * or the one asked for), from the monthly counts: the key-figures page opens on the last one.
 */
export async function kpiMonths(db: DbOrTx, user: SessionUser, requested?: string): Promise<{ first: string | null; last: string | null }> {
  const municipalityId = kpiScope(user, requested);
  const cooperationId = await resolveCooperationId(db, undefined);
  const [row] = await sqlRows<{ first: string | null; last: string | null }>(db, sql`
    select min(month) as first, max(month) as last from sd_kpi_counts
    where cooperation_id = ${cooperationId} and created > 0${municipalityId ? sql` and municipality_id = ${municipalityId}` : sql``}`);
  return { first: row?.first ?? null, last: row?.last ?? null };
}

type TListedTicket = { requesterUserId: string | null; municipalityId: string };
/** Which listed tickets the reader may see the number and the title of. */
export type TTicketDetails = { number: (t: TListedTicket) => boolean; title: (t: TListedTicket) => boolean };
const DESK_DETAILS: TTicketDetails = { number: () => true, title: () => true };

export type TKpiScope = {
  cooperationId: string; municipalityId: string | null; municipalityName: string | null; from: string; to: string;
  /** Default: the desk's view (everything), for the report and the benchmark; buildKpiPack sets the reader's. */
  details?: TTicketDetails;
};

export async function computeKpiPack(db: DbOrTx, scope: TKpiScope): Promise<TKpiPack> {
  return (await kpiPackReader(db, scope))(scope.from);
}

/** The most critical and high incidents one read lists; a pack cut from a read that hit it is read again. */
const CRITICAL_LIMIT = 500;

/**
 * Reads the aggregates of `scope` once and answers the pack for any period that ends with it and starts
 * in it: `(from) => pack for from…scope.to`, the same as computeKpiPack for that period. A report's
 * blocks print 2, 3, 4 and 12 months and three years, all ending with the same month: one read
 * instead of one per period (kpi.service.test.ts checks each cut against a pack of its own).
 */
export async function kpiPackReader(db: DbOrTx, scope: TKpiScope): Promise<(from: string) => Promise<TKpiPack>> {
  const start = monthStart(scope.from);
  const end = monthStart(nextMonth(scope.to));
  const muni = (alias: string) => (scope.municipalityId ? sql` and ${sql.raw(alias)}municipality_id = ${scope.municipalityId}` : sql``);
  const where = sql`cooperation_id = ${scope.cooperationId}${muni('')}`;
  // The targets shown: a municipality's own policy when the pack is for it (loadPolicy falls back to the
  // cooperation's). Whether a ticket met its target is its own cached result either way.
  const policy = await loadPolicy(db, scope.cooperationId, scope.municipalityId);
  const details = scope.details ?? DESK_DETAILS;

  // The yearly view: the period's last year and the two before it, up to the period's end.
  const lastYear = yearOf(scope.to);
  const years = [lastYear - 2, lastYear - 1, lastYear];
  const scanFrom = scope.from < `${years[0]}-01` ? scope.from : `${years[0]}-01`;

  // Counts by creation and by being done, from the monthly counts (a few rows per month, municipality
  // and classification): the period's months, the yearly view, and per municipality from the 'type'
  // rows (every ticket has exactly one type).
  const counts = await sqlRows<{
    m: string | null; y: number | null; municipality_id: string | null; dimension: string; value: string | null; n: number; done: number;
  }>(db, sql`
    select m, y, municipality_id, dimension, value, sum(created)::int as n, sum(done)::int as done
    from (select month as m, substr(month, 1, 4)::int as y, municipality_id, dimension, value, created, done
          from sd_kpi_counts where ${where} and month >= ${scanFrom} and month <= ${scope.to}) c
    group by grouping sets ((m, dimension, value), (m, dimension, municipality_id), (y, dimension, value))`);

  // Open when the period begins, per type: created before it less done before it (done implies created).
  const baseline = await sqlRows<{ type: TTicketType; n: number }>(db, sql`
    select value as type, (sum(created) - sum(done))::int as n
    from sd_kpi_counts where ${where} and dimension = 'type' and month < ${scope.from}
    group by value`);

  // Resolution time and SLA met per month and priority over the incidents done in the period, from the
  // per-ticket summaries (the median needs every value, not only counts).
  const doneRows = await sqlRows<{ m: string; priority: TPriority; n: number; mean: number | null; median: number | null; measured: number; met: number }>(db, sql`
    select done_month as m, priority, count(*)::int as n,
      avg(resolution_elapsed_ms)::float8 as mean, (percentile_cont(0.5) within group (order by resolution_elapsed_ms))::float8 as median,
      count(resolution_met)::int as measured, (count(*) filter (where resolution_met))::int as met
    from sd_ticket_summaries where ${where} and done_month >= ${scope.from} and done_month <= ${scope.to} and type = 'feilmelding'
    group by done_month, priority`);

  // Solved and closed apart (the summaries' solved and closed months, each from its partial index).
  const solvedClosed = await sqlRows<{ m: string; solved: number; closed: number }>(db, sql`
    select m, sum(solved)::int as solved, sum(closed)::int as closed from (
      select solved_month as m, 1 as solved, 0 as closed from sd_ticket_summaries
        where ${where} and solved_month >= ${scope.from} and solved_month <= ${scope.to}
      union all
      select closed_month, 0, 1 from sd_ticket_summaries
        where ${where} and closed_month >= ${scope.from} and closed_month <= ${scope.to}
    ) x group by m`);

  const critical = await sqlRows<{
    at: string; number: number; title: string; priority: TPriority; type: TTicketType; met: boolean | null;
    requester_user_id: string | null; municipality_id: string;
  }>(db, sql`
    select to_char(t.created_at at time zone ${OSLO}, 'YYYY-MM-DD') as at, t.number, t.title, t.priority, t.type,
      t.sla_resolution_met as met, t.requester_user_id, t.municipality_id
    from sd_tickets t
    where t.cooperation_id = ${scope.cooperationId}${muni('t.')} and t.type = 'feilmelding'
      and t.priority in ('kritisk', 'hoy') and t.created_at >= ${start} and t.created_at < ${end}
    order by t.created_at, t.number limit ${CRITICAL_LIMIT}`);
  // The municipalities' names from org (its exported read, decision 0021), not a join on its table.
  const criticalMunicipality = await municipalityNames(db, [...new Set(critical.map((r) => r.municipality_id))]);

  // Critical and high incidents per month of the last year (the counts do not cross priority with
  // type); a few per thousand tickets, read from the partial index on them.
  const critYear = await sqlRows<{ m: string; priority: TPriority; n: number }>(db, sql`
    select ${monthOf(sql`t.created_at`)} as m, t.priority, count(*)::int as n
    from sd_tickets t
    where t.cooperation_id = ${scope.cooperationId}${muni('t.')} and t.type = 'feilmelding'
      and t.priority in ('kritisk', 'hoy') and t.created_at >= ${monthStart(`${lastYear}-01`)} and t.created_at < ${end}
    group by 1, 2`);

  const surveys = await sqlRows<{ m: string; n: number; avg: number | null }>(db, sql`
    select ${monthOf(sql`s.answered_at`)} as m, count(*)::int as n, avg(s.score)::float8 as avg
    from sd_surveys s join sd_tickets t on t.id = s.ticket_id
    where t.cooperation_id = ${scope.cooperationId}${muni('t.')} and s.answered_at >= ${start} and s.answered_at < ${end}
    group by 1`);

  // The phone queue: the municipality's own calls when the export named municipalities, else all calls.
  const phoneRead = await readPhoneMonths(db, { cooperationId: scope.cooperationId, municipalityId: scope.municipalityId, from: scope.from, to: scope.to });
  const phone = phoneRead.months;

  return async (from: string): Promise<TKpiPack> => {
    if (from < scope.from || from > scope.to) throw new Error(`${from} er utenfor perioden ${scope.from}–${scope.to}`);
    // A full list may have left out the later incidents a shorter period lists: read that period itself.
    if (from !== scope.from && critical.length >= CRITICAL_LIMIT) return computeKpiPack(db, { ...scope, from });
    // Open when this period begins: open when the read's period began, plus created less done in between.
    const open = new Map(baseline.map((b) => [b.type, b.n]));
    for (const r of counts) {
      if (r.m === null || r.m < scope.from || r.m >= from || r.dimension !== 'type' || r.value === null || r.municipality_id !== null) continue;
      open.set(r.value as TTicketType, (open.get(r.value as TTicketType) ?? 0) + r.n - r.done);
    }
    return shapeKpiPack({ ...scope, from }, { counts, baseline: [...open].map(([type, n]) => ({ type, n })), doneRows, critical: critical.filter((r) => r.at >= `${from}-01`), criticalMunicipality, critYear, surveys, phone, phoneUnattributed: phoneRead.unattributed.filter((m) => m >= from), solvedClosed, policy, details, db });
  };
}

type TKpiRows = {
  counts: { m: string | null; y: number | null; municipality_id: string | null; dimension: string; value: string | null; n: number; done: number }[];
  baseline: { type: TTicketType; n: number }[];
  doneRows: { m: string; priority: TPriority; n: number; mean: number | null; median: number | null; measured: number; met: number }[];
  critical: { at: string; number: number; title: string; priority: TPriority; type: TTicketType; met: boolean | null; requester_user_id: string | null; municipality_id: string }[];
  criticalMunicipality: Map<string, string>;
  critYear: { m: string; priority: TPriority; n: number }[];
  surveys: { m: string; n: number; avg: number | null }[];
  phone: TPhoneMonth[];
  phoneUnattributed: string[];
  solvedClosed: { m: string; solved: number; closed: number }[];
  policy: Awaited<ReturnType<typeof loadPolicy>>;
  details: TTicketDetails;
  db: DbOrTx;
};

async function shapeKpiPack(scope: TKpiScope, rows: TKpiRows): Promise<TKpiPack> {
  const { counts, baseline, doneRows, critical, criticalMunicipality, critYear, phone, phoneUnattributed, solvedClosed, policy, details, db } = rows;
  const months = monthsBetween(scope.from, scope.to);
  const index = new Map(months.map((m, i) => [m, i]));
  const zeros = () => months.map(() => 0);
  const surveys = rows.surveys.filter((r) => index.has(r.m));
  const created = counts.filter((r) => r.n > 0);
  const lastYear = yearOf(scope.to);
  const years = [lastYear - 2, lastYear - 1, lastYear];
  // ---- shaping ----
  // The grouping set a row belongs to shows in which of m, y and municipality_id are null.
  const byKey = (dimension: string, pick: (r: (typeof created)[number]) => string | null) => {
    const map = new Map<string, number[]>();
    for (const r of created) {
      const key = r.dimension === dimension && r.m !== null ? pick(r) : null;
      const i = r.m === null ? undefined : index.get(r.m);
      if (key === null || i === undefined) continue;
      const counts = map.get(key) ?? zeros();
      counts[i]! += r.n;
      map.set(key, counts);
    }
    return map;
  };
  const catMap = byKey('category', (r) => r.value);
  const munMap = byKey('type', (r) => r.municipality_id);
  const typeMap = byKey('type', (r) => r.value) as Map<TTicketType, number[]>;

  const withExtra = (known: readonly string[], seen: Iterable<string>) => [...known, ...[...seen].filter((c) => !known.includes(c)).sort()];
  const munNames = new Map<string, string>();
  if (munMap.size) {
    for (const [id, name] of await municipalityNames(db)) munNames.set(id, name);
  }

  const doneByType = new Map<TTicketType, number[]>();
  const doneTotal = zeros();
  for (const r of counts) {
    const i = r.m === null ? undefined : index.get(r.m);
    if (r.dimension !== 'type' || r.value === null || r.municipality_id !== null || i === undefined || r.done === 0) continue;
    const done = doneByType.get(r.value as TTicketType) ?? zeros();
    done[i]! += r.done;
    doneByType.set(r.value as TTicketType, done);
    doneTotal[i]! += r.done;
  }
  const base = new Map(baseline.map((r) => [r.type, r.n]));
  const openOf = (type: TTicketType) => runningOpen(base.get(type) ?? 0, typeMap.get(type) ?? zeros(), doneByType.get(type) ?? zeros());
  const openIncidents = openOf('feilmelding');
  const openRequests = openOf('tjenesteforesporsel');
  const openOther = openOf('annet');
  const newTotal = months.map((_, i) => TICKET_TYPES.reduce((s, t) => s + (typeMap.get(t)?.[i] ?? 0), 0));
  const last = months.length - 1;
  const solvedAndClosed = months.map((month) => {
    const r = solvedClosed.find((x) => x.m === month);
    return { month, solved: r?.solved ?? 0, closed: r?.closed ?? 0 };
  });

  const resolution = PRIORITIES.map((priority) => {
    const target = policy.sla.targets[priority];
    const unit = (x: number | null | undefined) => (x === null || x === undefined ? null : round1(toReportUnit(x, priority, target.calendar.dayMillis)));
    return {
      priority, label: PRIORITY_LABELS[priority], unit: RESOLUTION_UNIT[priority], target: unit(target.resolutionMillis)!,
      months: months.map((month) => {
        const r = doneRows.find((d) => d.m === month && d.priority === priority);
        return { month, solved: r?.n ?? 0, mean: unit(r?.mean), median: unit(r?.median) };
      }),
    };
  });
  const attainment = months.map((month) => {
    const rs = doneRows.filter((d) => d.m === month);
    const measured = rs.reduce((s, r) => s + r.measured, 0);
    const met = rs.reduce((s, r) => s + r.met, 0);
    return { month, measured, met, percent: percent(met, measured) };
  });
  const measuredAll = attainment.reduce((s, a) => s + a.measured, 0);
  const metAll = attainment.reduce((s, a) => s + a.met, 0);

  const avg2 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 100) / 100);
  const satisfaction = months.map((month) => {
    const r = surveys.find((s) => s.m === month);
    return { month, answers: r?.n ?? 0, average: avg2(r?.avg) };
  });
  const answersAll = surveys.reduce((s, r) => s + r.n, 0);
  const scoreSum = surveys.reduce((s, r) => s + (r.avg ?? 0) * r.n, 0);

  const yearCounts = (dimension: string) => {
    const map = new Map<string, number[]>();
    for (const r of created) {
      const i = r.y === null ? -1 : years.indexOf(r.y);
      if (r.dimension !== dimension || r.value === null || i < 0) continue;
      const counts = map.get(r.value) ?? years.map(() => 0);
      counts[i]! += r.n;
      map.set(r.value, counts);
    }
    return map;
  };
  const yType = yearCounts('type') as Map<TTicketType, number[]>;
  const yCat = yearCounts('category');
  const yChan = yearCounts('channel') as Map<TChannel, number[]>;
  const yTotals = years.map((_, i) => TICKET_TYPES.reduce((s, t) => s + (yType.get(t)?.[i] ?? 0), 0));
  const critHigh = (month: string, priority: TPriority) => critYear.find((r) => r.m === month && r.priority === priority)?.n ?? 0;

  return {
    from: scope.from,
    to: scope.to,
    municipalityId: scope.municipalityId,
    municipalityName: scope.municipalityName,
    months,
    newByCategory: withExtra(policy.document.categories, catMap.keys())
      .map((category) => ({ category, label: category, counts: catMap.get(category) ?? zeros() })),
    newByMunicipality: [...munMap.entries()]
      .map(([id, counts]) => ({ municipalityId: id, label: munNames.get(id) ?? id, counts }))
      .sort((a, b) => a.label.localeCompare(b.label, 'nb')),
    newByType: TICKET_TYPES.map((type) => ({ type, label: TICKET_TYPE_LABELS[type], counts: typeMap.get(type) ?? zeros() })),
    trend: months.map((month, i) => ({
      month, new: newTotal[i]!, closed: doneTotal[i]!, open: openIncidents[i]! + openRequests[i]! + openOther[i]!,
      openIncidents: openIncidents[i]!, openRequests: openRequests[i]!, openOther: openOther[i]!,
    })),
    openAtEnd: {
      incidents: openIncidents[last]!, requests: openRequests[last]!, other: openOther[last]!,
      total: openIncidents[last]! + openRequests[last]! + openOther[last]!,
    },
    solvedAndClosed,
    solvedAndClosedTotal: {
      solved: solvedAndClosed.reduce((sum, r) => sum + r.solved, 0), closed: solvedAndClosed.reduce((sum, r) => sum + r.closed, 0),
    },
    criticalAndHigh: critical.map((r) => {
      const ticket = { requesterUserId: r.requester_user_id, municipalityId: r.municipality_id };
      return {
        date: r.at, number: details.number(ticket) ? r.number : null, municipality: criticalMunicipality.get(r.municipality_id) ?? '', title: details.title(ticket) ? r.title : null,
        priority: r.priority, type: r.type, slaMet: r.met,
      };
    }),
    resolution,
    slaAttainment: attainment,
    slaAttainmentTotal: { measured: measuredAll, met: metAll, percent: percent(metAll, measuredAll) },
    satisfaction,
    satisfactionTotal: { answers: answersAll, average: answersAll ? avg2(scoreSum / answersAll) : null },
    phone: phoneRowsOf(months, phone),
    phoneUnattributed,
    yearly: {
      years,
      byType: TICKET_TYPES.map((type) => {
        const counts = yType.get(type) ?? years.map(() => 0);
        return { type, label: TICKET_TYPE_LABELS[type], counts, shares: counts.map((n, i) => percent(n, yTotals[i]!)) };
      }),
      byCategory: withExtra(policy.document.categories, yCat.keys()).map((category) => ({ category, counts: yCat.get(category) ?? years.map(() => 0) })),
      byChannel: CHANNELS.map((channel) => ({ channel, label: CHANNEL_LABELS[channel], counts: yChan.get(channel) ?? years.map(() => 0) })),
      criticalHighPerMonth: monthsBetween(`${lastYear}-01`, scope.to).map((month) => ({ month, kritisk: critHigh(month, 'kritisk'), hoy: critHigh(month, 'hoy') })),
    },
  };
}
