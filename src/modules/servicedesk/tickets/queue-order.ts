// The work list's orders as keyset walks. Each order is a list of phases; a phase is one slice of the
// tickets (e.g. «priority = kritisk», «no running deadline») walked by its own keys, which an index can
// serve in either direction. The page is filled from the phase the cursor is in onwards, so
//   - due puts tickets without a running deadline (paused, solved, closed) after the others in both
//     directions (nulls last), walked newest first / oldest first by creation;
//   - priority and status follow their business order (Kritisk > Høy > Medium > Lav; ny … lukket), not
//     the alphabet, and each value is a phase walked by (created_at, number);
//   - the ticket number ends every key, so the order is total and no row is skipped or repeated across
//     pages, whatever ties the first key has.
// A cursor names its phase and the last row's keys at full (microsecond) precision.
import { and, asc, desc, inArray, isNotNull, isNull, eq, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { badRequest } from '../../../server/errors.js';
import { DONE_STATUSES, PRIORITIES, STATUSES, type TPriority, type TStatus } from '../vocabulary.js';
import type { TTicketSort } from '../vocabulary.js';
import { sdTickets } from '../schema.js';

export type TDirection = 'asc' | 'desc';
type TKey = { column: AnyPgColumn; kind: 'time' | 'int' };
export type TPhase = { id: string; where: SQL | null; keys: TKey[] };

const CREATED: TKey[] = [{ column: sdTickets.createdAt, kind: 'time' }, { column: sdTickets.number, kind: 'int' }];

/** The phases of an order, leaving out those the filters rule out (so no phase walks rows it must discard). */
export function phasesOf(sort: TTicketSort, dir: TDirection, allowed: { statuses: readonly TStatus[]; priorities: readonly TPriority[] }): TPhase[] {
  const inOrder = <T>(values: readonly T[]) => (dir === 'asc' ? [...values] : [...values].reverse());
  switch (sort) {
    case 'created': return [{ id: 'c', where: null, keys: CREATED }];
    case 'number': return [{ id: 'n', where: null, keys: [{ column: sdTickets.number, kind: 'int' }] }];
    case 'due': return [
      // A solved or closed ticket keeps its breach instant in the deadline column (tickets.read.ts,
      // breachedAt), so «done» is tested as well: otherwise old breached cases would lead the list.
      { id: 'd', where: and(isNotNull(sdTickets.slaResolutionDueAt), notInArray(sdTickets.status, [...DONE_STATUSES]))!, keys: [{ column: sdTickets.slaResolutionDueAt, kind: 'time' }, { column: sdTickets.number, kind: 'int' }] },
      { id: 'd0', where: or(isNull(sdTickets.slaResolutionDueAt), inArray(sdTickets.status, [...DONE_STATUSES]))!, keys: CREATED },
    ];
    case 'priority': return inOrder(PRIORITIES).filter((p) => allowed.priorities.includes(p))
      .map((p) => ({ id: `p:${p}`, where: eq(sdTickets.priority, p), keys: CREATED }));
    case 'status': return inOrder(STATUSES).filter((s) => allowed.statuses.includes(s))
      .map((s) => ({ id: `s:${s}`, where: eq(sdTickets.status, s), keys: CREATED }));
  }
}

/**
 * ORDER BY for a phase: its keys in the direction asked. `openOnly`: the filters leave only open tickets,
 * a few thousand among a million. The due and creation orders walk partial indexes of open tickets
 * (schema.ts). The number order has none (see there why), and the whole-table number index would be
 * walked from the closed end (~230 ms a page at 1M tickets), so it orders by the number as an expression
 * (number + 0): PostgreSQL fetches the open tickets by a partial index and sorts them (a few ms).
 */
export function orderOf(phase: TPhase, dir: TDirection, openOnly = false) {
  return phase.keys.map((k) => {
    const key = openOnly && phase.id === 'n' ? sql`${k.column} + 0` : k.column;
    return dir === 'asc' ? asc(key) : desc(key);
  });
}

/** Rows after the cursor within its phase: one row comparison, which a btree index on the keys seeks to. */
export function afterCursor(phase: TPhase, dir: TDirection, values: (string | number)[]): SQL {
  const columns = sql.join(phase.keys.map((k) => sql`${k.column}`), sql`, `);
  const params = sql.join(phase.keys.map((k, i) => (k.kind === 'time' ? sql`${values[i]}::timestamptz` : sql`${values[i]}::integer`)), sql`, `);
  return dir === 'asc' ? sql`(${columns}) > (${params})` : sql`(${columns}) < (${params})`;
}

export type TCursor = { phase: string; values: (string | number)[] };

export function encodeCursor(c: TCursor): string {
  return Buffer.from(JSON.stringify([c.phase, ...c.values])).toString('base64url');
}

const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const invalid = () => badRequest('Ugyldig markør', [{ path: 'cursor', message: 'Ugyldig markør; start fra første side' }]);

/** Reads a cursor back against the phases of the current order; a cursor from another order or filter is refused. */
export function decodeCursor(value: string, phases: TPhase[]): { index: number; values: (string | number)[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString());
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') throw invalid();
  const [phaseId, ...values] = parsed as [string, ...unknown[]];
  const index = phases.findIndex((p) => p.id === phaseId);
  const phase = phases[index];
  if (!phase || values.length !== phase.keys.length) throw invalid();
  phase.keys.forEach((k, i) => {
    const v = values[i];
    const ok = k.kind === 'int'
      ? Number.isInteger(v) && (v as number) >= 0 && (v as number) < 2 ** 31
      : typeof v === 'string' && TIME.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString().slice(0, 19) === v.slice(0, 19);
    if (!ok) throw invalid();
  });
  return { index, values: values as (string | number)[] };
}
