// Keeps the KPI pack's stored figures in step with the tickets: sd_ticket_summaries (what each ticket is
// counted as) and sd_kpi_counts (tickets created and done per Oslo month, municipality and
// classification), for one ticket or a million alike. The first statement derives each ticket's summary
// from its columns, stores it, and answers the difference between the old summaries and the new per
// count row; the second moves the counts by it (only when there is one, under KPI_COUNTS_LOCK), so a
// ticket is never counted twice or lost, however often it is synced.
//
// Solved and closed months are kept on the summaries only, not in the counts: the 3-2-1 close moves no
// count row, so it never takes KPI_COUNTS_LOCK (the job closes many tickets in one transaction).
//
// Called by history.refreshSla, which every change to a ticket goes through in its transaction (create,
// status, priority, classification, reopen, the 3-2-1 close, the SLA recomputation), and by the paths
// that write tickets in bulk (import, the demo loader, the benchmark) after their inserts.
//
// Invariants this relies on, as the rest of the desk keeps them: a ticket is never deleted, and it is
// done (solved or closed) no earlier than it was created.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { OSLO } from '../../../lib/oslo-time.js';
import { ADVISORY_LOCKS, lockForTransaction, sqlRows } from '../../../lib/sql.js';

/** Which tickets to sync: some by id, one cooperation's, or all. */
export type TSummaryScope = { ticketIds: readonly string[] } | { cooperationId: string } | 'all';

function ticketFilter(scope: TSummaryScope): SQL {
  if (scope === 'all') return sql`true`;
  if ('cooperationId' in scope) return sql`t.cooperation_id = ${scope.cooperationId}`;
  // One array parameter, however many tickets (an import may sync tens of thousands).
  return sql`t.id = any(${`{${scope.ticketIds.join(',')}}`}::uuid[])`;
}

/** The four classifications a ticket is counted under, as (dimension, value) rows of `alias`. */
const dimensions = (alias: string) => sql.raw(
  `lateral (values ('type', ${alias}.type::text), ('category', ${alias}.category), ('channel', ${alias}.channel::text), ('priority', ${alias}.priority::text)) v(dimension, value)`,
);

/**
 * The lock every transaction takes before it moves a monthly count, held to its commit (two int4 keys:
 * a key space of its own, apart from the jobs' single bigint keys).
 *
 * Why: a count row is shared by every ticket of its month, municipality and classification, and a
 * transaction may move counts more than once (an import syncs its batches, a caller may create one
 * ticket and solve another in one transaction). Sorting rows within one statement does not order them
 * across statements: T1 holds January's rows and wants February's while T2 holds February's and wants
 * January's, and PostgreSQL aborts one with a deadlock (40P01). With this lock only one transaction at
 * a time holds any count row, so count rows never take part in a wait cycle. It is taken after the
 * transaction's own ticket rows (the sync runs after the ticket is written) and only when counts move
 * (creation, done or undone, reclassification), not for the many syncs that only refresh a summary's
 * resolution time (assignments, replies, the breach job, the SLA recomputation, the 3-2-1 close of a
 * solved ticket), so those never wait for it. What it costs: writers that move counts queue for the
 * rest of each other's transactions, which end right after the sync (an audit row, the commit).
 */

/**
 * Recomputes the summaries of the chosen tickets from their columns and applies the difference to the
 * counts. Run it inside the transaction that changed the tickets, after writing them.
 */
export async function syncKpiSummaries(db: DbOrTx, scope: TSummaryScope): Promise<void> {
  if (scope !== 'all' && 'ticketIds' in scope) {
    // The callers hold these tickets' rows (they just wrote them), so nobody else can sync them meanwhile.
    if (scope.ticketIds.length) await applyCounts(db, await syncSummaries(db, scope));
    return;
  }
  // A rebuild of many tickets must not read a summary that a concurrent change replaces before this
  // commits (the difference would be applied twice): hold off writers to the tickets meanwhile.
  await db.transaction(async (tx) => {
    await tx.execute(sql`lock table sd_tickets in share mode`);
    await applyCounts(tx, await syncSummaries(tx, scope));
  });
}

type TCountDelta = { cooperation_id: string; month: string; municipality_id: string; dimension: string; value: string; created: number; done: number };

async function syncSummaries(db: DbOrTx, scope: TSummaryScope): Promise<TCountDelta[]> {
  return sqlRows<TCountDelta>(db, syncStatement(scope));
}

/** Moves the monthly counts by the deltas, under KPI_COUNTS_LOCK, in key order. */
async function applyCounts(db: DbOrTx, deltas: TCountDelta[]): Promise<void> {
  if (!deltas.length) return;
  await lockForTransaction(db, ADVISORY_LOCKS.kpiCounts);
  await db.execute(sql`
    insert into sd_kpi_counts as c (cooperation_id, month, municipality_id, dimension, value, created, done)
    select cooperation_id, month, municipality_id, dimension, value, created, done
    from jsonb_to_recordset(${JSON.stringify(deltas)}::jsonb)
      as d(cooperation_id uuid, month text, municipality_id uuid, dimension text, value text, created int, done int)
    order by cooperation_id, month, municipality_id, dimension, value
    on conflict (cooperation_id, month, municipality_id, dimension, value)
      do update set created = c.created + excluded.created, done = c.done + excluded.done`);
}

function syncStatement(scope: TSummaryScope): SQL {
  return sql`
    with fresh as (
      select t.id as ticket_id, t.cooperation_id, t.municipality_id, t.type, t.category, t.channel, t.priority, t.created_at,
        to_char(t.created_at at time zone ${OSLO}, 'YYYY-MM') as created_month,
        d.done_at, to_char(d.done_at at time zone ${OSLO}, 'YYYY-MM') as done_month,
        t.sla_resolution_elapsed_ms as resolution_elapsed_ms, t.sla_resolution_met as resolution_met,
        case when t.status in ('lost', 'lukket') and t.solved_at is not null then to_char(t.solved_at at time zone ${OSLO}, 'YYYY-MM') end as solved_month,
        case when t.status = 'lukket' and t.closed_at is not null then to_char(t.closed_at at time zone ${OSLO}, 'YYYY-MM') end as closed_month
      from sd_tickets t,
        lateral (select case when t.status in ('lost', 'lukket') then coalesce(t.solved_at, t.closed_at) end as done_at) d
      where ${ticketFilter(scope)}
    ),
    old as (
      select s.* from sd_ticket_summaries s where s.ticket_id in (select ticket_id from fresh)
    ),
    saved as (
      insert into sd_ticket_summaries as s (ticket_id, cooperation_id, municipality_id, type, category, channel, priority,
        created_at, created_month, done_at, done_month, resolution_elapsed_ms, resolution_met, solved_month, closed_month)
      select ticket_id, cooperation_id, municipality_id, type, category, channel, priority,
        created_at, created_month, done_at, done_month, resolution_elapsed_ms, resolution_met, solved_month, closed_month
      from fresh
      on conflict (ticket_id) do update set
        cooperation_id = excluded.cooperation_id, municipality_id = excluded.municipality_id, type = excluded.type,
        category = excluded.category, channel = excluded.channel, priority = excluded.priority, created_at = excluded.created_at,
        created_month = excluded.created_month, done_at = excluded.done_at, done_month = excluded.done_month,
        resolution_elapsed_ms = excluded.resolution_elapsed_ms, resolution_met = excluded.resolution_met,
        solved_month = excluded.solved_month, closed_month = excluded.closed_month
      where (s.cooperation_id, s.municipality_id, s.type, s.category, s.channel, s.priority, s.created_at, s.done_at,
             s.resolution_elapsed_ms, s.resolution_met, s.solved_month, s.closed_month)
        is distinct from (excluded.cooperation_id, excluded.municipality_id, excluded.type, excluded.category, excluded.channel,
             excluded.priority, excluded.created_at, excluded.done_at, excluded.resolution_elapsed_ms, excluded.resolution_met,
             excluded.solved_month, excluded.closed_month)
      returning 1
    ),
    deltas as (
      select cooperation_id, month, municipality_id, dimension, value, sum(created)::int as created, sum(done)::int as done
      from (
        select f.cooperation_id, f.created_month as month, f.municipality_id, v.dimension, v.value, 1 as created, 0 as done
          from fresh f, ${dimensions('f')}
        union all
        select f.cooperation_id, f.done_month, f.municipality_id, v.dimension, v.value, 0, 1
          from fresh f, ${dimensions('f')} where f.done_month is not null
        union all
        select o.cooperation_id, o.created_month, o.municipality_id, v.dimension, v.value, -1, 0
          from old o, ${dimensions('o')}
        union all
        select o.cooperation_id, o.done_month, o.municipality_id, v.dimension, v.value, 0, -1
          from old o, ${dimensions('o')} where o.done_month is not null
      ) x
      group by cooperation_id, month, municipality_id, dimension, value
      having sum(created) <> 0 or sum(done) <> 0
    )
    select cooperation_id, month, municipality_id, dimension, value, created, done from deltas`;
}
