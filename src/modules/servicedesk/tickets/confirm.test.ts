// The requester's side of the 3-2-1 rule (decision 0011): «Bekreft at saken er løst» closes a solved
// ticket as confirmed; answering the survey on a solved ticket confirms it too; the job never sends the
// "we could not reach you" e-mail for a confirmed ticket; a requester's reply on a solved ticket reopens
// it (within the reopen window). Through HTTP, with the service-desk test clock where days must pass.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type TestClient } from '../../../test/app.js';
import type { TestDatabase } from '../../../test/db.js';
import { actorOf } from '../../../server/context.js';
import { listAudit } from '../../audit/service.js';
import { outbox } from '../../mail/schema.js';
import { closeUnconfirmedTickets } from '../jobs.js';
import { sdSurveys, sdTicketEvents, sdTickets } from '../schema.js';
import { setPortalSharing } from '../teams.service.js';
import { at, oslo, type TServiceDeskFixture } from '../test-factories.js';
import { startServiceDesk } from '../desk-fixture.js';
import { logContactAttempt } from './tickets.update.js';


let database: TestDatabase;
let f: TServiceDeskFixture;
let anon: TestClient;
let agent: TestClient;
let anne: TestClient;
let bjorn: TestClient;

beforeAll(async () => {
  ({ database, desk: f, anon, agent, anne, bjorn } = await startServiceDesk({ SAMRAD_TEST_CLOCK: 'on', PUBLIC_URL: 'https://samrad.example.no' }));
});
afterAll(() => database.drop());


/** Anne reports a case on Monday 2 June 2025 09:00; the agent solves it at 10:00 unless told otherwise. */
async function solvedTicket(title: string, solve = true) {
  const t = await json(await anne.request('POST', '/api/servicedesk/tickets', { type: 'feilmelding', category: 'Standardapplikasjoner', title, description: 'Feil' }, at('2025-06-02T09:00')), 201);
  if (solve) await json(await agent.request('PATCH', `/api/servicedesk/tickets/${t.id}`, { status: 'lost', revision: 1 }, at('2025-06-02T10:00')), 200);
  return t as { id: string; number: number };
}
const rowOf = async (id: string) => (await database.db.select().from(sdTickets).where(eq(sdTickets.id, id)))[0]!;
const eventsOf = async (id: string) => database.db.select().from(sdTicketEvents).where(eq(sdTicketEvents.ticketId, id)).orderBy(sdTicketEvents.id);
const closingMails = async (number: number) => (await database.db.select().from(outbox)).filter((m) => m.subject.startsWith(`Sak ${number} er lukket`));
const threeAttempts = async (id: string) => {
  for (const when of ['2025-06-02T11:00', '2025-06-02T14:00', '2025-06-03T09:00']) {
    await logContactAttempt(database.db, f.agent, { id, method: 'telefon', now: oslo(when) });
  }
};

describe('POST /api/servicedesk/tickets/{id}/confirm', () => {
  it('refuses anonymous callers, the desk, unknown ids and tickets the caller cannot see', async () => {
    const t = await solvedTicket('Skjermen flimrer');
    expect((await json(await anon.post(`/api/servicedesk/tickets/${t.id}/confirm`), 401)).error.code).toBe('unauthorized');
    expect((await json(await agent.post(`/api/servicedesk/tickets/${t.id}/confirm`), 403)).error.code).toBe('forbidden');
    expect((await json(await anne.post(`/api/servicedesk/tickets/${randomUUID()}/confirm`), 404)).error.code).toBe('not_found');
    expect((await json(await bjorn.post(`/api/servicedesk/tickets/${t.id}/confirm`), 404)).error.code).toBe('not_found');
    expect((await json(await anne.post('/api/servicedesk/tickets/nope/confirm'), 400)).error.fields.map((x: { path: string }) => x.path)).toEqual(['id']);
    // Seeing the municipality's tickets is not being the requester.
    await setPortalSharing(database.db, actorOf(f.admin), { userId: f.bjorn.id, seesMunicipality: true });
    try {
      expect((await json(await bjorn.post(`/api/servicedesk/tickets/${t.id}/confirm`), 403)).error.message).toBe('Bare innmelderen kan bekrefte at saken er løst');
    } finally {
      await setPortalSharing(database.db, actorOf(f.admin), { userId: f.bjorn.id, seesMunicipality: false });
    }
    expect((await rowOf(t.id)).status).toBe('lost');
  });

  it('refuses a ticket that is not solved yet, and changes nothing', async () => {
    const t = await solvedTicket('Ikke løst ennå', false);
    const before = await eventsOf(t.id);
    const refused = await json(await anne.request('POST', `/api/servicedesk/tickets/${t.id}/confirm`, undefined, at('2025-06-02T11:00')), 409);
    expect(refused.error.message).toBe('Saken kan bekreftes når kundeservice har løst den; nå er den ny');
    expect(await eventsOf(t.id)).toEqual(before);
    expect((await rowOf(t.id)).status).toBe('ny');
  });

  it('closes a solved ticket as confirmed: one event, an audit row, no e-mail; the job and further attempts leave it alone', async () => {
    const t = await solvedTicket('Outlook henger');
    // The case page offers the button to the requester only.
    expect((await json(await anne.request('GET', `/api/servicedesk/tickets/${t.id}`, undefined, at('2025-06-02T10:30')), 200)).canConfirm).toBe(true);
    expect((await json(await agent.request('GET', `/api/servicedesk/tickets/${t.id}`, undefined, at('2025-06-02T10:30')), 200)).canConfirm).toBe(false);
    await logContactAttempt(database.db, f.agent, { id: t.id, method: 'telefon', now: oslo('2025-06-02T11:00') });
    const mailsBefore = (await database.db.select().from(outbox)).length;
    const confirmed = await json(await anne.request('POST', `/api/servicedesk/tickets/${t.id}/confirm`, undefined, at('2025-06-02T12:00')), 200);
    expect(confirmed).toMatchObject({ status: 'lukket', closedAt: oslo('2025-06-02T12:00').toISOString(), solvedAt: oslo('2025-06-02T10:00').toISOString(), canReopen: true, canConfirm: false });
    expect(confirmed.events).toBeUndefined();
    const last = (await eventsOf(t.id)).at(-1)!;
    expect(last).toMatchObject({ kind: 'status', actorName: 'Anne Molde', byDesk: false, internal: false, data: { from: 'lost', to: 'lukket', confirmed: true, via: 'bekreftet' } });
    const desk = await json(await agent.request('GET', `/api/servicedesk/tickets/${t.id}`, undefined, at('2025-06-02T12:01')), 200);
    expect(desk.events.at(-1)).toMatchObject({ kind: 'status', data: { confirmed: true } });
    expect(desk.sla.resolution.met).toBe(true);
    expect((await listAudit(database.db, { entity: 'sd_ticket' })).find((a) => a.entityId === t.id && a.action === 'confirm')).toMatchObject({ actorName: 'Anne Molde' });
    expect((await database.db.select().from(outbox)).length).toBe(mailsBefore);

    const again = await json(await anne.request('POST', `/api/servicedesk/tickets/${t.id}/confirm`, undefined, at('2025-06-02T12:05')), 409);
    expect(again.error.message).toBe('Saken er allerede lukket');
    expect((await json(await agent.request('POST', `/api/servicedesk/tickets/${t.id}/contact-attempts`, { method: 'teams' }, at('2025-06-02T13:00')), 409)).error.code).toBe('conflict');
    expect((await closeUnconfirmedTickets(database.db, { now: oslo('2025-06-04T10:00') })).closed).not.toContain(t.number);
    expect(await closingMails(t.number)).toEqual([]);
    // Confirming does not take away the way back.
    expect((await json(await anne.request('POST', `/api/servicedesk/tickets/${t.id}/reopen`, { reason: 'Hang igjen' }, at('2025-06-05T09:00')), 200)).status).toBe('under_arbeid');
  });

  it('beats the job: three attempts over two days, then the user confirms before the job runs', async () => {
    const t = await solvedTicket('Teams uten lyd');
    await threeAttempts(t.id);
    await json(await anne.request('POST', `/api/servicedesk/tickets/${t.id}/confirm`, undefined, at('2025-06-03T09:30')), 200);
    expect((await closeUnconfirmedTickets(database.db, { now: oslo('2025-06-03T10:00') })).closed).not.toContain(t.number);
    expect(await closingMails(t.number)).toEqual([]);
  });
});

describe('the survey on a solved ticket confirms it', () => {
  it('closes the ticket as confirmed whatever the score, so the job sends no "could not reach you" e-mail', async () => {
    const t = await solvedTicket('Skriveren skriver blankt');
    await threeAttempts(t.id);
    const answer = await json(await anne.request('POST', `/api/servicedesk/tickets/${t.id}/survey`, { score: 5, comment: 'Supert' }, at('2025-06-03T09:10')), 201);
    expect(answer).toMatchObject({ score: 5, comment: 'Supert' });
    const row = await rowOf(t.id);
    expect(row).toMatchObject({ status: 'lukket', closedAt: oslo('2025-06-03T09:10') });
    expect((await eventsOf(t.id)).slice(-2).map((e) => [e.kind, e.data])).toEqual([
      ['survey', { score: 5 }],
      ['status', { from: 'lost', to: 'lukket', confirmed: true, via: 'undersokelse', reason: 'innmelderen svarte på undersøkelsen' }],
    ]);
    expect((await closeUnconfirmedTickets(database.db, { now: oslo('2025-06-03T10:00') })).closed).not.toContain(t.number);
    expect(await closingMails(t.number)).toEqual([]);
  });

  it('records the survey on a ticket the job already closed without a second close', async () => {
    const t = await solvedTicket('VPN faller ut');
    await threeAttempts(t.id);
    expect((await closeUnconfirmedTickets(database.db, { now: oslo('2025-06-03T10:00') })).closed).toContain(t.number);
    const closedAt = (await rowOf(t.id)).closedAt;
    await json(await anne.request('POST', `/api/servicedesk/tickets/${t.id}/survey`, { score: 2 }, at('2025-06-03T12:00')), 201);
    expect(await rowOf(t.id)).toMatchObject({ status: 'lukket', closedAt });
    expect((await eventsOf(t.id)).filter((e) => e.kind === 'status' && e.data.to === 'lukket')).toHaveLength(1);
  });

  it('is skipped by the job when a survey answered after the solve sits on a solved ticket (older or imported rows)', async () => {
    const t = await solvedTicket('Gammel rad');
    await threeAttempts(t.id);
    // As a row written before the rule existed: the survey is there, the ticket still solved.
    await database.db.insert(sdSurveys).values({ ticketId: t.id, userId: f.anne.id, score: 5, comment: null, answeredAt: oslo('2025-06-02T16:00') });
    expect((await closeUnconfirmedTickets(database.db, { now: oslo('2025-06-03T10:00') })).closed).not.toContain(t.number);
    expect((await rowOf(t.id)).status).toBe('lost');
    // A survey from before the last solve does not count as confirming the new solution.
    await database.db.update(sdSurveys).set({ answeredAt: oslo('2025-06-02T09:30') }).where(eq(sdSurveys.ticketId, t.id));
    expect((await closeUnconfirmedTickets(database.db, { now: oslo('2025-06-03T10:05') })).closed).toContain(t.number);
  });
});

describe('a requester reply on a solved ticket reopens it', () => {
  it('moves the ticket back to work with a reopen event, resumes the clock and keeps the reply', async () => {
    const t = await solvedTicket('Excel krasjer');
    const reply = await json(await anne.request('POST', `/api/servicedesk/tickets/${t.id}/replies`, { text: 'Den krasjer fortsatt' }, at('2025-06-02T13:00')), 201);
    expect(reply).toMatchObject({ kind: 'reply', text: 'Den krasjer fortsatt', byDesk: false });
    const desk = await json(await agent.request('GET', `/api/servicedesk/tickets/${t.id}`, undefined, at('2025-06-02T14:00')), 200);
    expect(desk).toMatchObject({ status: 'under_arbeid', solvedAt: null });
    expect(desk.events.slice(-2).map((e: { kind: string; data: unknown }) => [e.kind, e.data])).toEqual([
      ['reply', { text: 'Den krasjer fortsatt' }],
      ['status', { from: 'lost', to: 'under_arbeid', reopen: true, reason: 'svar fra bruker på løst sak' }],
    ]);
    // Used: 09:00–10:00 before the solve, 13:00–14:00 after the reply.
    expect(desk.sla.resolution).toMatchObject({ running: true, elapsedMillis: 2 * 3_600_000 });
    expect((await listAudit(database.db, { entity: 'sd_ticket' })).some((a) => a.entityId === t.id && a.action === 'reopen')).toBe(true);
    // Attempts are for solved tickets only; the job has nothing to close.
    expect((await json(await agent.request('POST', `/api/servicedesk/tickets/${t.id}/contact-attempts`, { method: 'telefon' }, at('2025-06-02T14:30')), 409)).error.code).toBe('conflict');
  });

  it('refuses a reply after the reopen window, on a closed ticket, and from someone who only shares the view', async () => {
    const late = await solvedTicket('Gammel løsning');
    const before = await eventsOf(late.id);
    const refused = await json(await anne.request('POST', `/api/servicedesk/tickets/${late.id}/replies`, { text: 'Hei' }, at('2025-06-20T10:00')), 409);
    expect(refused.error.message).toBe('Saken kan bare gjenåpnes innen 14 dager; meld en ny sak');
    expect(await eventsOf(late.id)).toEqual(before);

    const closed = await solvedTicket('Lukket sak');
    await json(await anne.request('POST', `/api/servicedesk/tickets/${closed.id}/confirm`, undefined, at('2025-06-02T11:00')), 200);
    expect((await json(await anne.request('POST', `/api/servicedesk/tickets/${closed.id}/replies`, { text: 'Hei' }, at('2025-06-02T12:00')), 409)).error.message)
      .toBe('Saken er lukket; gjenåpne den for å svare');

    const shared = await solvedTicket('Delt visning');
    await setPortalSharing(database.db, actorOf(f.admin), { userId: f.bjorn.id, seesMunicipality: true });
    try {
      const other = await json(await bjorn.request('POST', `/api/servicedesk/tickets/${shared.id}/replies`, { text: 'Hei' }, at('2025-06-02T12:00')), 409);
      expect(other.error.message).toBe('Saken er løst; bare innmelderen kan svare og gjenåpne den');
    } finally {
      await setPortalSharing(database.db, actorOf(f.admin), { userId: f.bjorn.id, seesMunicipality: false });
    }
    const rows = await database.db.select().from(sdTicketEvents).where(and(eq(sdTicketEvents.ticketId, shared.id), eq(sdTicketEvents.kind, 'reply')));
    expect(rows).toEqual([]);
    expect((await rowOf(shared.id)).status).toBe('lost');
  });
});
