// Concurrent edits of tickets: the desk's PATCH names the revision it was made on (decision 0024), so of
// two edits made on the same screen state exactly one is applied and the other answers 409 with the
// current revision; bulk assigns lock their tickets in id order, so two overlapping ones queue instead of
// deadlocking; and a deadlock Postgres reports anyway answers 409, not 500.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type TestClient } from '../../../test/app.js';
import type { TestDatabase } from '../../../test/db.js';
import { httpErrorFromPostgres } from '../../../server/errors.js';
import { sdTicketEvents, sdTickets } from '../schema.js';
import { type TServiceDeskFixture } from '../test-factories.js';
import { startServiceDesk } from '../desk-fixture.js';

let database: TestDatabase;
let f: TServiceDeskFixture;
let agent: TestClient;
let agent2: TestClient;

beforeAll(async () => {
  ({ database, desk: f, agent, agent2 } = await startServiceDesk());
});
afterAll(() => database.drop());

const newTicket = async (title: string) => json(await agent.post('/api/servicedesk/tickets', {
  type: 'annet', category: 'Rådgiving', title, description: 'd', municipalityId: f.aukra.id, requesterName: 'Y',
}), 201) as Promise<{ id: string; updatedAt: string; revision: number }>;
const eventsOf = async (id: string) => database.db.select().from(sdTicketEvents).where(eq(sdTicketEvents.ticketId, id));

describe('PATCH with the revision read', () => {
  it('applies one of two edits made on the same revision; the other gets 409 with the current revision', async () => {
    const t = await newTicket('To agenter samtidig');
    const edits = await Promise.all([
      agent.patch(`/api/servicedesk/tickets/${t.id}`, { priority: 'hoy', revision: t.revision }),
      agent2.patch(`/api/servicedesk/tickets/${t.id}`, { priority: 'lav', revision: t.revision }),
    ]);
    expect(edits.map((r) => r.status).sort()).toEqual([200, 409]);
    const won = await edits.find((r) => r.status === 200)!.json();
    const lost = await edits.find((r) => r.status === 409)!.json();
    expect(lost.error).toMatchObject({ code: 'stale', current: { revision: won.revision } });
    expect(won.revision).toBe(t.revision + 1);
    expect(lost.error.fields).toBeUndefined();
    expect(lost.error.message).toMatch(/^Saken er endret siden du åpnet den \(sist endret \d\d\.\d\d\.\d{4} kl\. \d\d:\d\d:\d\d\)\. Last inn saken på nytt/);
    // The history holds one change, the winner's.
    const changes = (await eventsOf(t.id)).filter((e) => e.kind === 'priority');
    expect(changes).toHaveLength(1);
    expect(changes[0]!.data).toEqual({ from: 'medium', to: won.priority });
    // Retrying on the revision from the 409 works.
    const retried = await json(await agent2.patch(`/api/servicedesk/tickets/${t.id}`, { priority: 'lav', revision: lost.error.current.revision }), 200);
    expect(retried.priority).toBe('lav');
    expect(retried.revision).toBe(won.revision + 1);
    expect(retried.updatedAt > won.updatedAt).toBe(true);
  });

  it('treats a reply, a note or any other change as a new revision', async () => {
    const t = await newTicket('Svar imellom');
    await json(await agent2.post(`/api/servicedesk/tickets/${t.id}/notes`, { text: 'Ser på det' }), 201);
    const stale = await json(await agent.patch(`/api/servicedesk/tickets/${t.id}`, { status: 'under_arbeid', revision: t.revision }), 409);
    expect(stale.error.code).toBe('stale');
    const row = (await database.db.select().from(sdTickets).where(eq(sdTickets.id, t.id)))[0]!;
    expect(row.status).toBe('ny');
    expect(stale.error.current).toEqual({ revision: row.revision });
    expect(row.revision).toBe(t.revision + 1);
  });

  it('requires the revision and checks its form', async () => {
    const t = await newTicket('Uten versjon');
    const missing = await json(await agent.patch(`/api/servicedesk/tickets/${t.id}`, { status: 'under_arbeid' }), 400);
    expect(missing.error.fields).toEqual([{ path: 'revision', message: 'Må fylles ut' }]);
    const malformed = await json(await agent.patch(`/api/servicedesk/tickets/${t.id}`, { status: 'under_arbeid', revision: 'i går' }), 400);
    expect(malformed.error.fields.map((x: { path: string }) => x.path)).toEqual(['revision']);
    // The revision alone is no change.
    expect((await json(await agent.patch(`/api/servicedesk/tickets/${t.id}`, { revision: t.revision }), 400)).error.fields.map((x: { path: string }) => x.path)).toEqual(['(body)']);
    expect((await eventsOf(t.id)).map((e) => e.kind)).toEqual(['created']);
  });
});

describe('overlapping bulk assigns', () => {
  it('queue behind each other instead of deadlocking, whatever order the ids come in', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await newTicket(`Bulk ${i}`)).id);
    const forward = ids.slice(0, 9);
    const backward = ids.slice(3).reverse();
    for (let round = 0; round < 4; round++) {
      const [a, b] = await Promise.all([
        agent.post('/api/servicedesk/tickets/bulk-assign', { ticketIds: forward, assigneeUserId: round % 2 ? f.agent.id : f.agent2.id }),
        agent2.post('/api/servicedesk/tickets/bulk-assign', { ticketIds: backward, assigneeUserId: round % 2 ? f.agent2.id : f.agent.id }),
      ]);
      expect([a!.status, b!.status], `${await a!.text()} ${await b!.text()}`).toEqual([200, 200]);
    }
    const rows = await database.db.select().from(sdTickets);
    for (const id of ids) expect(rows.find((r) => r.id === id)!.assigneeUserId).not.toBeNull();
  });

  it('maps a deadlock Postgres reports to 409', () => {
    expect(httpErrorFromPostgres({ code: '40P01' })).toMatchObject({ status: 409, code: 'conflict', message: 'Samtidig endring av de samme dataene; prøv igjen' });
  });
});
