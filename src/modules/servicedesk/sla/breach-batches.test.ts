// The SLA breach job on a backlog (issue 8): the first run after downtime found ~490 clocks run out and
// wrote them in one transaction, which on the embedded database held every request for 4–20 s. It now
// works in batches that each commit on their own and yield, writing the same events.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { createTestApp } from '../../../test/app.js';
import { BREACH_BATCH_SIZE, recordSlaBreaches } from '../jobs.js';
import { slaStateOf } from '../tickets/history.js';
import { sdTicketEvents, sdTickets } from '../schema.js';
import { buildServiceDesk, oslo, type TServiceDeskFixture } from '../test-factories.js';
import { createTicket } from '../tickets/tickets.create.js';

/** Two clocks each: 480 events, about what the demo's first start wrote (~490). */
const TICKETS = 240;
const CREATED = oslo('2025-03-10T08:00');
const RUN_AT = oslo('2025-04-01T12:00');

let database: TestDatabase;
let f: TServiceDeskFixture;
let ids: string[];

beforeAll(async () => {
  database = await createTestDatabase();
  f = await buildServiceDesk(database.db);
  // One ticket through the service, then copies of it and its history in SQL: 240 tickets whose two
  // clocks have both run out by RUN_AT, built in a second rather than through 240 service calls.
  const first = await createTicket(database.db, f.agent, {
    type: 'feilmelding', category: 'Infrastruktur', title: 'Nettverket er nede', description: 'Ingen tilgang', priority: 'hoy', channel: 'epost',
    municipalityId: f.molde.id, requesterName: 'IT-kontakt Molde', requesterEmail: 'it@molde.kommune.no', now: CREATED,
  });
  await database.db.execute(sql`
    with copies as (
      insert into sd_tickets (cooperation_id, municipality_id, number, requester_name, requester_email, type, category, channel, priority, status,
        title, description, created_at, updated_at, sla_resolution_due_at, sla_warn_at, sla_first_response_due_at, sla_computed_at)
      select cooperation_id, municipality_id, number + g, requester_name, requester_email, type, category, channel, priority, status,
        title || ' ' || g, description, created_at, updated_at, sla_resolution_due_at, sla_warn_at, sla_first_response_due_at, sla_computed_at
      from sd_tickets, generate_series(1, ${TICKETS - 1}) g where id = ${first.id}
      returning id
    )
    insert into sd_ticket_events (ticket_id, at, actor_user_id, actor_name, by_desk, kind, internal, data)
    select c.id, e.at, e.actor_user_id, e.actor_name, e.by_desk, e.kind, e.internal, e.data
    from copies c, sd_ticket_events e where e.ticket_id = ${first.id}`);
  ids = (await database.db.select({ id: sdTickets.id }).from(sdTickets)).map((t) => t.id);
});
afterAll(() => database.drop());

describe('recordSlaBreaches on a backlog', () => {
  it('writes one event per run-out clock, as the events decide, in batches that each commit, and lets a request through between them', async () => {
    expect(ids).toHaveLength(TICKETS);
    // What the events say, ticket by ticket: the events the job must write.
    const expected: string[] = [];
    for (const id of ids) {
      const [t] = await database.db.select().from(sdTickets).where(eq(sdTickets.id, id));
      const state = await slaStateOf(database.db, t!, RUN_AT);
      expect(state.resolution.breached && state.firstResponse.breached).toBe(true);
      expected.push(`${id} resolution ${state.resolution.breachedAt!.toISOString()} ${state.priority}`);
      expected.push(`${id} first_response ${state.firstResponse.breachedAt!.toISOString()} ${state.priority}`);
    }

    const app = createTestApp(database.db);
    let batchesSoFar = 0;
    let answeredAfterBatch: number | null = null;
    let request: Promise<unknown> | null = null;
    const result = await recordSlaBreaches(database.db, {
      now: RUN_AT,
      afterBatch: (batches) => {
        // Sent once the first batch has committed; answered before the job has done all of its batches.
        if (batches === 1) request = Promise.resolve(app.request('http://localhost/healthz')).then((res) => { expect(res.status).toBe(200); answeredAfterBatch = batchesSoFar; });
        batchesSoFar = batches;
      },
    });
    await request;
    const batchesWanted = Math.ceil(TICKETS / BREACH_BATCH_SIZE) * 2;
    expect(result.ran).toBe(true);
    expect(result.batches).toBeGreaterThanOrEqual(batchesWanted);
    expect(answeredAfterBatch).not.toBeNull();
    expect(answeredAfterBatch!).toBeLessThan(result.batches);
    expect(result.recorded).toHaveLength(TICKETS);

    const written = await database.db.select().from(sdTicketEvents)
      .where(and(inArray(sdTicketEvents.ticketId, ids), eq(sdTicketEvents.kind, 'sla_breached')));
    const data = (e: (typeof written)[number]) => e.data as { clock: string; breachedAt: string; priority: string };
    expect(written.map((e) => `${e.ticketId} ${data(e).clock} ${data(e).breachedAt} ${data(e).priority}`).sort()).toEqual(expected.sort());
    expect(written.every((e) => e.at.getTime() === RUN_AT.getTime() && e.byDesk)).toBe(true);
    const unmarked = await database.db.select({ id: sdTickets.id }).from(sdTickets).where(sql`${sdTickets.slaBreachRecordedAt} is distinct from ${RUN_AT.toISOString()}::timestamptz`);
    expect(unmarked).toEqual([]);

    // A second run finds nothing left, in one batch per clock.
    const again = await recordSlaBreaches(database.db, { now: oslo('2025-04-01T12:05') });
    expect(again).toEqual({ ran: true, recorded: [], batches: 2 });
  }, 180_000);
});
