// Small refusals of the service-desk API: a disabled account is no assignee, a KPI pack for a cooperation
// that does not exist is a 404 (not an empty pack), zod's validation messages reach the client in bokmål,
// and the reopen window reads "1 dag" / "14 dager".
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type TestClient } from '../../../test/app.js';
import type { TestDatabase } from '../../../test/db.js';
import { actorOf } from '../../../server/context.js';
import { outbox } from '../../mail/schema.js';
import { updateUser } from '../../org/users.service.js';
import { closeUnconfirmedTickets } from '../jobs.js';
import { DEMO_POLICY } from '../desk-rules.js';
import { savePolicy } from '../desk-rules.service.js';
import { sdTicketEvents, sdTickets } from '../schema.js';
import { oslo, type TServiceDeskFixture } from '../test-factories.js';
import { startServiceDesk } from '../desk-fixture.js';
import { createTicket } from './tickets.create.js';
import { logContactAttempt, reopenTicket, updateTicket } from './tickets.update.js';


let database: TestDatabase;
let f: TServiceDeskFixture;
let agent: TestClient;
let council: TestClient;

beforeAll(async () => {
  ({ database, desk: f, agent, council } = await startServiceDesk());
});
afterAll(() => database.drop());


describe('a disabled account as assignee', () => {
  it('is refused with 400 on the field, in PATCH and in bulk assign, and nothing changes', async () => {
    await updateUser(database.db, actorOf(f.admin), { id: f.agent2.id, disabled: true });
    const t = await json(await agent.post('/api/servicedesk/tickets', { type: 'annet', category: 'Rådgiving', title: 'Tildeling', description: 'd', municipalityId: f.molde.id, requesterName: 'X' }), 201);
    const refused = await json(await agent.patch(`/api/servicedesk/tickets/${t.id}`, { assigneeUserId: f.agent2.id, priority: 'hoy', revision: t.revision }), 400);
    expect(refused.error).toMatchObject({ message: 'Saksbehandlerens konto er deaktivert', fields: [{ path: 'assigneeUserId', message: 'Kontoen er deaktivert; velg en aktiv saksbehandler' }] });
    const bulk = await json(await agent.post('/api/servicedesk/tickets/bulk-assign', { ticketIds: [t.id], assigneeUserId: f.agent2.id }), 400);
    expect(bulk.error.fields.map((x: { path: string }) => x.path)).toEqual(['assigneeUserId']);
    const row = (await database.db.select().from(sdTickets).where(eq(sdTickets.id, t.id)))[0]!;
    expect(row).toMatchObject({ assigneeUserId: null, priority: 'medium', updatedAt: new Date(t.updatedAt) });
    expect((await database.db.select().from(sdTicketEvents).where(eq(sdTicketEvents.ticketId, t.id))).map((e) => e.kind)).toEqual(['created']);
    // An active colleague is fine.
    expect((await json(await agent.patch(`/api/servicedesk/tickets/${t.id}`, { assigneeUserId: f.agent.id, revision: t.revision }), 200)).assigneeUserId).toBe(f.agent.id);
  });
});

describe('the KPI pack for a cooperation', () => {
  it.each(['/api/servicedesk/kpi', '/api/servicedesk/kpi.xlsx', '/api/servicedesk/kpi.pdf'])('%s answers 404 for an unknown cooperation id', async (path) => {
    const unknown = await json(await council.get(`${path}?from=2023-05&to=2023-05&cooperation=${randomUUID()}`), 404);
    expect(unknown.error).toEqual({ code: 'not_found', message: 'Samarbeidet finnes ikke', requestId: expect.any(String) });
  });

  it('answers the pack for a known one', async () => {
    expect((await json(await council.get(`/api/servicedesk/kpi?from=2023-05&to=2023-05&cooperation=${f.coop.id}`), 200)).months).toEqual(['2023-05']);
  });
});

describe('validation messages', () => {
  it('are Norwegian where the schema names none (UUID, number, length, choice)', async () => {
    const id = await json(await agent.get('/api/servicedesk/tickets/nope'), 400);
    expect(id.error).toEqual({
      code: 'validation', message: 'Ugyldig verdi for id: Ugyldig identifikator (UUID)', fields: [{ path: 'id', message: 'Ugyldig identifikator (UUID)' }],
      requestId: expect.any(String),
    });
    const query = await json(await agent.get('/api/servicedesk/tickets?limit=mange&channel=brev&q=' + 'x'.repeat(201)), 400);
    expect(query.error.fields).toEqual([
      { path: 'channel', message: 'Må være en av: «portal», «epost», «telefon», «oppmote», «chat», «annet»' },
      { path: 'q', message: 'Høyst 200 tegn' },
      { path: 'limit', message: 'Må være et tall' },
    ]);
    const body = await json(await agent.post('/api/servicedesk/tickets/bulk-assign', { ticketIds: 'alle', assigneeUserId: 7 }), 400);
    expect(body.error.fields).toEqual([{ path: 'ticketIds', message: 'Må være en liste' }, { path: 'assigneeUserId', message: 'Må være tekst' }]);
    for (const answer of [id, query, body]) expect(JSON.stringify(answer)).not.toMatch(/Invalid|expected|received/);
  });
});

describe('the reopen window in words', () => {
  it('says "1 dag" for one day and "14 dager" otherwise, in the refusal and in the 3-2-1 e-mail', async () => {
    const db = database.db;
    await savePolicy(db, actorOf(f.admin), { cooperationId: f.coop.id, municipalityId: f.aukra.id, document: { ...DEMO_POLICY, reopenWindowDays: 1 } });
    const t = await createTicket(db, f.cecilie, { type: 'feilmelding', category: 'Standardapplikasjoner', title: 'Kort vindu', description: 'd', now: oslo('2025-05-05T09:00') });
    await updateTicket(db, f.agent, { id: t.id, status: 'lost', now: oslo('2025-05-05T10:00') });
    for (const when of ['2025-05-05T11:00', '2025-05-05T14:00', '2025-05-06T09:00']) await logContactAttempt(db, f.agent, { id: t.id, method: 'telefon', now: oslo(when) });
    await closeUnconfirmedTickets(db, { now: oslo('2025-05-06T10:00') });
    const [mail] = (await db.select().from(outbox)).filter((m) => m.subject.startsWith(`Sak ${t.number} er lukket`));
    expect(mail!.text).toContain('kan du gjenåpne saken innen 1 dag her:');
    await expect(reopenTicket(db, f.cecilie, { id: t.id, now: oslo('2025-05-08T10:00') }))
      .rejects.toMatchObject({ status: 409, message: 'Saken kan bare gjenåpnes innen 1 dag; meld en ny sak' });
    const molde = await createTicket(db, f.anne, { type: 'feilmelding', category: 'Standardapplikasjoner', title: 'Langt vindu', description: 'd', now: oslo('2025-05-05T09:00') });
    await updateTicket(db, f.agent, { id: molde.id, status: 'lost', now: oslo('2025-05-05T10:00') });
    await expect(reopenTicket(db, f.anne, { id: molde.id, now: oslo('2025-05-30T10:00') }))
      .rejects.toMatchObject({ status: 409, message: 'Saken kan bare gjenåpnes innen 14 dager; meld en ny sak' });
  });
});
