// How many statements the busiest ticket paths send (issue 8, bench/load.ts: an agent opening a ticket
// and an employee creating one). On the embedded database every statement takes the one connection and
// a turn of the event loop, so a row read twice is a wait paid twice: the ticket view reads its events
// and policy once (its SLA clocks come from the same rows), and a write's SLA refresh takes the
// ticket's cooperation, municipality and policy from the caller instead of reading them again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/client.js';
import type { TestDatabase } from '../../../test/db.js';
import { oslo, type TServiceDeskFixture } from '../test-factories.js';
import { createTicket } from './tickets.create.js';
import { getTicket } from './tickets.read.js';
import { addReply, updateTicket } from './tickets.update.js';
import { refreshSla } from './history.js';
import { startDeskDatabase } from '../desk-fixture.js';

let database: TestDatabase;
let f: TServiceDeskFixture;

beforeAll(async () => ({ database, desk: f } = await startDeskDatabase()));
afterAll(() => database.drop());

type TQueryable = { query: (...args: unknown[]) => unknown };

/**
 * The text of every statement sent while `work` runs, transactions included: PGlite runs one on an
 * object of its own (client.transaction), a PostgreSQL pool on a client of its own (pool.connect).
 */
async function statements(db: Db, work: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const restore: (() => void)[] = [];
  const wrap = (target: TQueryable) => {
    const query = target.query;
    target.query = function (this: unknown, ...args: unknown[]) {
      const first = args[0];
      seen.push(typeof first === 'string' ? first : String((first as { text?: string }).text ?? ''));
      return query.apply(this, args);
    };
    restore.push(() => { target.query = query; });
  };
  const client = (db as unknown as { $client: TQueryable & { connect?: (...args: unknown[]) => Promise<TQueryable>; totalCount?: number } }).$client;
  wrap(client);
  if (typeof client.connect === 'function' && typeof client.totalCount === 'number') {
    const connect = client.connect;
    client.connect = function (this: unknown, ...args: unknown[]) {
      // pool.query takes its client with a callback (already counted as the pool's query): untouched.
      if (typeof args[0] === 'function') return connect.apply(this, args);
      return connect.apply(this, args).then((pooled) => {
        wrap(pooled);
        return pooled;
      });
    };
    restore.push(() => { client.connect = connect; });
  }
  if (typeof client.totalCount !== 'number') {
    // PGlite runs a transaction on an object of its own (tx.query).
    const pglite = client as unknown as { transaction: (work: (tx: TQueryable) => unknown) => unknown };
    const transaction = pglite.transaction;
    pglite.transaction = function (this: unknown, work: (tx: TQueryable) => unknown) {
      return transaction.call(this, (tx: TQueryable) => {
        wrap(tx);
        return work(tx);
      });
    };
    restore.push(() => { pglite.transaction = transaction; });
  }
  try {
    await work();
  } finally {
    for (const undo of restore.reverse()) undo();
  }
  return seen;
}

/** refreshSla's own read of the ticket's cooperation and municipality. */
const ticketOwnerRead = /^\s*select\s+("sd_tickets"\.)?"cooperation_id",\s*("sd_tickets"\.)?"municipality_id"\s+from "sd_tickets"/i;
const reads = (texts: string[], table: string) => texts.filter((t) => /^\s*select/i.test(t) && new RegExp(`from "${table}"`).test(t)).length;

describe('statements per ticket request', () => {
  it('reads a ticket\'s events and policy once for the desk\'s view, clocks included', async () => {
    const t = await createTicket(database.db, f.anne, { type: 'feilmelding', category: 'Fagapplikasjoner', title: 'Skriveren', description: 'Svarer ikke', now: oslo('2025-03-03T09:00') });
    await addReply(database.db, f.agent, { id: t.id, text: 'Vi ser på det', now: oslo('2025-03-03T10:00') });
    let view: Awaited<ReturnType<typeof getTicket>> | undefined;
    const texts = await statements(database.db, async () => { view = await getTicket(database.db, f.agent, { id: t.id, now: oslo('2025-03-03T11:00') }); });
    expect(reads(texts, 'sd_ticket_events')).toBe(1);
    expect(reads(texts, 'sd_policies')).toBe(1);
    // The clocks are still the ones of the events: answered after one hour, resolution running.
    expect(view && 'sla' in view ? view.sla?.firstResponse.met : null).toBe(true);
    expect(view && 'sla' in view ? view.sla?.resolution.running : null).toBe(true);
  });

  it('reads the policy once and the ticket not again when creating and updating a ticket', async () => {
    let id = '';
    const created = await statements(database.db, async () => {
      id = (await createTicket(database.db, f.anne, { type: 'feilmelding', category: 'Fagapplikasjoner', title: 'Skjermen', description: 'Blinker', now: oslo('2025-03-04T09:00') })).id;
    });
    expect(reads(created, 'sd_policies')).toBe(1);
    expect(created.filter((t) => ticketOwnerRead.test(t))).toEqual([]);

    const updated = await statements(database.db, () => updateTicket(database.db, f.agent, { id, assigneeUserId: f.agent.id, now: oslo('2025-03-04T10:00') }));
    expect(updated.filter((t) => ticketOwnerRead.test(t))).toEqual([]);
    expect(reads(updated, 'sd_policies')).toBe(1);
    const replied = await statements(database.db, () => addReply(database.db, f.agent, { id, text: 'Vi ser på det', now: oslo('2025-03-04T10:30') }));
    expect(replied.filter((t) => ticketOwnerRead.test(t))).toEqual([]);
    // The pattern does find the read when nobody passes what they know (so the checks above can fail).
    const control = await statements(database.db, () => refreshSla(database.db, id, oslo('2025-03-04T11:00')));
    expect(control.filter((t) => ticketOwnerRead.test(t))).toHaveLength(1);
  });
});
