// SLA state as a pure function of a ticket's event history, the policy and the moment of asking.
// Nothing about an SLA clock is stored as running state: recomputing from the events under a changed
// policy gives the new answer for old tickets, and the same events always give the same answer.
//
// The rules (see docs/decisions/0008 and 0009):
// - Both clocks (first response, resolution) run in the calendar of the ticket's priority, from creation.
// - They pause while the status is one of the policy's waiting statuses and stop when solved or closed;
//   the status change that ends the wait (or a reopen) resumes them from what had been used.
// - The priority that counts is the latest one; its target and calendar apply from creation.
// - First response is the first public reply from the desk, or solving the ticket, or creation itself
//   when the ticket was logged by an agent while talking to the user (phone, walk-in).
// - A "day" in a target is one full business day of the calendar (`calendar.dayMillis`).
import { addBusinessTime, businessMillisBetween, type Calendar } from './calendar.js';
import { DONE_STATUSES, type TPriority, type TStatus } from '../vocabulary.js';

export type TSlaEvent =
  | { kind: 'created'; at: Date; priority: TPriority; status?: TStatus; respondedAtCreation?: boolean }
  | { kind: 'status'; at: Date; status: TStatus }
  | { kind: 'priority'; at: Date; priority: TPriority }
  | { kind: 'response'; at: Date };

export type TSlaTarget = { firstResponseMillis: number; resolutionMillis: number; calendar: Calendar };

export type TSlaPolicy = {
  pausedStatuses: readonly TStatus[];
  targets: Record<TPriority, TSlaTarget>;
  /** A running clock with at most this share of its target left is "breaching soon". */
  warnShare?: number;
};

export type TClockState = {
  targetMillis: number;
  /** Business time used so far (up to now, or until the clock stopped). */
  elapsedMillis: number;
  /** Target minus elapsed; negative once breached. */
  remainingMillis: number;
  running: boolean;
  paused: boolean;
  /** When the target falls due if the clock keeps running; null while paused or stopped. */
  dueAt: Date | null;
  breached: boolean;
  breachedAt: Date | null;
  /** When the clock stopped for good (first response given, ticket solved); null otherwise. */
  stoppedAt: Date | null;
  /** Met or not, known once stopped; null while open. */
  met: boolean | null;
  atRisk: boolean;
};

export type TSlaState = { priority: TPriority; firstResponse: TClockState; resolution: TClockState };

type Segment = readonly [start: number, end: number];

export function computeSlaState(events: readonly TSlaEvent[], policy: TSlaPolicy, asked: Date): TSlaState {
  // Asked about a moment before the ticket existed (a recomputation dated earlier): answer as at creation.
  const creation = events.find((e) => e.kind === 'created');
  const now = creation && creation.at > asked ? creation.at : asked;
  const nowMs = now.getTime();
  const ordered = events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.at.getTime() <= nowMs)
    .sort((x, y) => x.e.at.getTime() - y.e.at.getTime() || x.i - y.i)
    .map(({ e }) => e);
  const created = ordered[0];
  if (!created || created.kind !== 'created') throw new Error('Historikken må begynne med at saken ble opprettet');

  const paused = new Set(policy.pausedStatuses);
  const isRunning = (s: TStatus) => !paused.has(s) && !DONE_STATUSES.includes(s);

  let priority = created.priority;
  let status: TStatus = created.status ?? 'ny';
  let since = created.at.getTime();
  let respondedAt: number | null = created.respondedAtCreation ? since : null;
  let doneAt: number | null = DONE_STATUSES.includes(status) ? since : null;
  const runs: Segment[] = [];

  for (const event of ordered.slice(1)) {
    const at = event.at.getTime();
    if (event.kind === 'priority') priority = event.priority;
    else if (event.kind === 'response') respondedAt ??= at;
    else if (event.kind === 'status' && event.status !== status) {
      if (isRunning(status) && at > since) runs.push([since, at]);
      status = event.status;
      since = at;
      if (DONE_STATUSES.includes(status)) {
        doneAt ??= at;
        respondedAt ??= at;
      } else doneAt = null;
    } else if (event.kind === 'created') throw new Error('En sak kan bare opprettes én gang');
  }
  if (isRunning(status) && nowMs > since) runs.push([since, nowMs]);

  const target = policy.targets[priority];
  const warnShare = policy.warnShare ?? 0.25;
  const state = (targetMillis: number, stopAt: number | null): TClockState => {
    const segments = stopAt === null ? runs : clip(runs, stopAt);
    const { elapsed, breachedAt } = measure(segments, target.calendar, targetMillis);
    const stopped = stopAt !== null;
    const running = !stopped && isRunning(status);
    const remaining = targetMillis - elapsed;
    const breached = elapsed > targetMillis;
    return {
      targetMillis,
      elapsedMillis: elapsed,
      remainingMillis: remaining,
      running,
      paused: !stopped && paused.has(status),
      dueAt: breachedAt ?? (running ? addBusinessTime(target.calendar, now, remaining) : null),
      breached,
      breachedAt,
      stoppedAt: stopped ? new Date(stopAt) : null,
      met: stopped ? !breached : null,
      atRisk: running && !breached && remaining <= targetMillis * warnShare,
    };
  };

  return {
    priority,
    firstResponse: state(target.firstResponseMillis, respondedAt),
    resolution: state(target.resolutionMillis, doneAt),
  };
}

function clip(runs: readonly Segment[], stopAt: number): Segment[] {
  return runs.filter(([s]) => s < stopAt).map(([s, e]) => [s, Math.min(e, stopAt)] as const);
}

/** Business time in the segments, and the instant the target was passed if it was. */
function measure(segments: readonly Segment[], calendar: Calendar, targetMillis: number) {
  let elapsed = 0;
  let breachedAt: Date | null = null;
  for (const [s, e] of segments) {
    const part = businessMillisBetween(calendar, new Date(s), new Date(e));
    if (breachedAt === null && elapsed + part > targetMillis) {
      breachedAt = addBusinessTime(calendar, new Date(s), targetMillis - elapsed);
    }
    elapsed += part;
  }
  return { elapsed, breachedAt };
}

/** A target as written in the policy: minutes, hours or SLA days. */
export type TSlaDuration = { value: number; unit: 'minutes' | 'hours' | 'days' };

export function durationMillis(duration: TSlaDuration, calendar: Calendar): number {
  if (duration.unit === 'minutes') return duration.value * 60_000;
  if (duration.unit === 'hours') return duration.value * 3_600_000;
  return duration.value * calendar.dayMillis;
}

/**
 * Business time from `now` to a running clock's due time, negative once it has passed: what the work
 * list shows for a row, from the due time cached on the ticket (exact while no event happens).
 */
export function remainingUntil(calendar: Calendar, dueAt: Date, now: Date): number {
  return dueAt > now ? businessMillisBetween(calendar, now, dueAt) : -businessMillisBetween(calendar, dueAt, now);
}
