// The service desk's security review (November 2026), one block per finding, through HTTP with the
// service-desk test clock:
//   1. the requester's reopen window runs from the solve (or a close that was not their own
//      confirmation), so confirming or answering the survey on an old case does not open it again;
//   2. sorting by the SLA deadline is the desk's (its order and cursor carry the hidden deadline);
//   3. every change moves the ticket's revision and «sist endret», also with a clock that has not moved on;
//   4. a municipality user's «sist endret» is the last change they may see, and they get no revision;
//   5. empty text filters are refused alike; the stale-edit message blames no one.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldsOf, json, type TestClient } from '../../../test/app.js';
import type { TestDatabase } from '../../../test/db.js';
import { closeUnconfirmedTickets, recordSlaBreaches } from '../jobs.js';
import { sdKpiCounts, sdTicketEvents, sdTickets } from '../schema.js';
import { at, oslo, type TServiceDeskFixture } from '../test-factories.js';
import { startServiceDesk } from '../desk-fixture.js';
import { logContactAttempt } from './tickets.update.js';

const atInstant = (d: Date) => ({ 'x-samrad-now': d.toISOString() });

let database: TestDatabase;
let f: TServiceDeskFixture;
let agent: TestClient;
let anne: TestClient;

beforeAll(async () => {
  ({ database, desk: f, agent, anne } = await startServiceDesk({ SAMRAD_TEST_CLOCK: 'on', PUBLIC_URL: 'https://samrad.example.no' }));
});
afterAll(() => database.drop());

const rowOf = async (id: string) => (await database.db.select().from(sdTickets).where(eq(sdTickets.id, id)))[0]!;
const eventsOf = async (id: string) => database.db.select().from(sdTicketEvents).where(eq(sdTicketEvents.ticketId, id)).orderBy(sdTicketEvents.id);
const kpiCounts = async () => (await database.db.select().from(sdKpiCounts)).map((r) => JSON.stringify(r)).sort();

/** Anne reports a case at `created`; the agent solves it at `solved` (Oslo wall-clock times). */
async function ticket(title: string, created: string, solved?: string) {
  const t = await json(await anne.request('POST', '/api/servicedesk/tickets', { type: 'feilmelding', category: 'Standardapplikasjoner', title, description: 'Feil' }, at(created)), 201);
  if (solved) await json(await agent.request('PATCH', `/api/servicedesk/tickets/${t.id}`, { status: 'lost', revision: 1 }, at(solved)), 200);
  return t as { id: string; number: number; updatedAt: string };
}

describe('1. the reopen window is not restarted by the requester', () => {
  const TODAY = '2026-11-24T10:00';

  it('confirming a case solved two years ago closes it but does not let it be reopened', async () => {
    const t = await ticket('Gammel skriverfeil', '2024-12-20T09:00', '2024-12-27T10:00');
    const before = await json(await anne.request('GET', `/api/servicedesk/tickets/${t.id}`, undefined, at(TODAY)), 200);
    expect(before).toMatchObject({ status: 'lost', canReopen: false, reopenExpired: true, canConfirm: true });
    // Confirming an old case is still allowed: it tells the desk to stop chasing the user.
    const confirmed = await json(await anne.request('POST', `/api/servicedesk/tickets/${t.id}/confirm`, undefined, at(TODAY)), 200);
    expect(confirmed).toMatchObject({ status: 'lukket', canReopen: false, reopenExpired: true, canConfirm: false });
    const counts = await kpiCounts();
    const refused = await json(await anne.request('POST', `/api/servicedesk/tickets/${t.id}/reopen`, { reason: 'Igjen' }, at('2026-11-24T10:05')), 409);
    expect(refused.error.message).toBe('Saken kan bare gjenåpnes innen 14 dager; meld en ny sak');
    expect(await rowOf(t.id)).toMatchObject({ status: 'lukket', closedAt: oslo(TODAY) });
    expect((await eventsOf(t.id)).at(-1)!.data).toMatchObject({ to: 'lukket', confirmed: true });
    expect(await kpiCounts()).toEqual(counts);
    // The desk may still reopen any time.
    expect((await json(await agent.request('POST', `/api/servicedesk/tickets/${t.id}/reopen`, {}, at('2026-11-24T11:00')), 200)).status).toBe('under_arbeid');
  });

  it('answering the survey on an old solved case does not open the window either', async () => {
    const t = await ticket('Gammel VPN-feil', '2024-12-20T09:00', '2024-12-27T10:00');
    await json(await anne.request('POST', `/api/servicedesk/tickets/${t.id}/survey`, { score: 4 }, at(TODAY)), 201);
    const view = await json(await anne.request('GET', `/api/servicedesk/tickets/${t.id}`, undefined, at('2026-11-24T10:01')), 200);
    expect(view).toMatchObject({ status: 'lukket', canReopen: false, reopenExpired: true });
    await json(await anne.request('POST', `/api/servicedesk/tickets/${t.id}/reopen`, {}, at('2026-11-24T10:02')), 409);
    expect((await rowOf(t.id)).status).toBe('lukket');
  });

  it('a confirmation inside the window keeps the window counted from the solve', async () => {
    const t = await ticket('Outlook', '2025-06-02T09:00', '2025-06-02T10:00');
    await json(await anne.request('POST', `/api/servicedesk/tickets/${t.id}/confirm`, undefined, at('2025-06-12T10:00')), 200);
    expect((await json(await anne.request('GET', `/api/servicedesk/tickets/${t.id}`, undefined, at('2025-06-16T09:59')), 200)).canReopen).toBe(true);
    // Fourteen days after the solve, not after the confirmation (which would give until 26 June).
    expect(await json(await anne.request('GET', `/api/servicedesk/tickets/${t.id}`, undefined, at('2025-06-16T10:01')), 200))
      .toMatchObject({ canReopen: false, reopenExpired: true });
    await json(await anne.request('POST', `/api/servicedesk/tickets/${t.id}/reopen`, {}, at('2025-06-20T10:00')), 409);
  });

  it('the 3-2-1 close opens the window its e-mail promises: 14 days from the close', async () => {
    const t = await ticket('Teams', '2025-06-02T09:00', '2025-06-02T10:00');
    for (const when of ['2025-06-02T11:00', '2025-06-02T14:00', '2025-06-03T09:00']) {
      await logContactAttempt(database.db, f.agent, { id: t.id, method: 'telefon', now: oslo(when) });
    }
    expect((await closeUnconfirmedTickets(database.db, { now: oslo('2025-06-05T10:00') })).closed).toContain(t.number);
    // Past 14 days from the solve (16 June), within 14 days from the close (19 June).
    expect((await json(await anne.request('POST', `/api/servicedesk/tickets/${t.id}/reopen`, { reason: 'Ingen lyd' }, at('2025-06-18T10:00')), 200)).status).toBe('under_arbeid');
  });
});

describe('2. sorting by the SLA deadline is for the desk', () => {
  it('refuses sort=due for a municipality user, with or without a cursor, and takes it from the desk', async () => {
    await ticket('Frist 1', '2025-07-01T09:00');
    await ticket('Frist 2', '2025-07-01T09:05');
    const refused = await json(await anne.request('GET', '/api/servicedesk/tickets?sort=due&limit=1', undefined, at('2025-07-01T10:00')), 400);
    expect(fieldsOf(refused)).toEqual(['sort']);
    expect(refused.error.message).toBe('Sortering etter SLA-frist er for kundeservice');
    const desk = await json(await agent.request('GET', '/api/servicedesk/tickets?sort=due&limit=1', undefined, at('2025-07-01T10:00')), 200);
    expect(desk.nextCursor).toEqual(expect.any(String));
    // The desk's cursor (which holds a deadline) does not get a municipality user in either.
    expect(fieldsOf(await json(await anne.request('GET', `/api/servicedesk/tickets?sort=due&cursor=${desk.nextCursor}`, undefined, at('2025-07-01T10:00')), 400))).toEqual(['sort']);
  });

  it('gives a municipality user cursors that hold only what their rows show (creation time and number)', async () => {
    for (const sort of ['created', 'number', 'priority', 'status']) {
      const page = await json(await anne.request('GET', `/api/servicedesk/tickets?sort=${sort}&limit=1`, undefined, at('2025-07-01T10:00')), 200);
      const row = page.tickets[0];
      const [, ...values] = JSON.parse(Buffer.from(page.nextCursor, 'base64url').toString()) as [string, ...(string | number)[]];
      for (const v of values) {
        if (typeof v === 'number') expect(v, sort).toBe(row.number);
        else expect(v.slice(0, 23), sort).toBe(row.createdAt.slice(0, 23));
      }
      expect(Object.keys(row).filter((k) => k.startsWith('sla'))).toEqual([]);
    }
  });
});

describe('3. every change moves the revision', () => {
  it('a contact attempt makes an edit on the version before it stale', async () => {
    const t = await ticket('Versjon og kontaktforsøk', '2025-08-04T09:00', '2025-08-04T10:00');
    const seen = await json(await agent.request('GET', `/api/servicedesk/tickets/${t.id}`, undefined, at('2025-08-04T10:01')), 200);
    await json(await agent.request('POST', `/api/servicedesk/tickets/${t.id}/contact-attempts`, { method: 'telefon' }, at('2025-08-04T11:00')), 201);
    const stale = await json(await agent.request('PATCH', `/api/servicedesk/tickets/${t.id}`, { priority: 'hoy', revision: seen.revision }, at('2025-08-04T11:01')), 409);
    expect(stale.error.code).toBe('stale');
    expect(stale.error.current).toEqual({ revision: seen.revision + 1 });
    expect((await rowOf(t.id)).updatedAt.toISOString()).toBe(oslo('2025-08-04T11:00').toISOString());
    expect((await rowOf(t.id)).priority).toBe('medium');
  });

  it('a survey on a closed ticket moves it', async () => {
    const t = await ticket('Versjon og undersøkelse', '2025-08-04T09:00', '2025-08-04T10:00');
    const closed = await json(await agent.request('PATCH', `/api/servicedesk/tickets/${t.id}`, { status: 'lukket', revision: (await rowOf(t.id)).revision }, at('2025-08-04T10:30')), 200);
    await json(await anne.request('POST', `/api/servicedesk/tickets/${t.id}/survey`, { score: 3 }, at('2025-08-04T12:00')), 201);
    expect((await rowOf(t.id)).updatedAt.toISOString()).toBe(oslo('2025-08-04T12:00').toISOString());
    await json(await agent.request('PATCH', `/api/servicedesk/tickets/${t.id}`, { priority: 'lav', revision: closed.revision }, at('2025-08-04T12:01')), 409);
  });

  it('an attachment and the 3-2-1 close move it even when the clock has not moved on', async () => {
    const t = await ticket('Versjon og vedlegg', '2025-08-04T09:00', '2025-08-04T10:00');
    const { updatedAt: v0, revision: r0 } = await rowOf(t.id);
    const form = new FormData();
    form.set('file', new File(['logg'], 'logg.txt', { type: 'text/plain' }));
    // Same instant as the solve: writing `now` would leave the version where it was.
    await json(await agent.request('POST', `/api/servicedesk/tickets/${t.id}/attachments`, form, atInstant(v0)), 201);
    const v1 = (await rowOf(t.id)).updatedAt;
    expect(v1.getTime()).toBe(v0.getTime() + 1);
    expect((await rowOf(t.id)).revision).toBe(r0 + 1);
    for (const when of ['2025-08-04T11:00', '2025-08-04T14:00', '2025-08-05T09:00']) {
      await logContactAttempt(database.db, f.agent, { id: t.id, method: 'telefon', now: oslo(when) });
    }
    const v2 = (await rowOf(t.id)).updatedAt;
    expect(v2.toISOString()).toBe(oslo('2025-08-05T09:00').toISOString());
    expect((await closeUnconfirmedTickets(database.db, { now: v2 })).closed).toContain(t.number);
    expect(await rowOf(t.id)).toMatchObject({ status: 'lukket', updatedAt: new Date(v2.getTime() + 1), revision: r0 + 5 });
  });
});

describe('4. a municipality user sees when the ticket last changed for them, not the version', () => {
  it('leaves internal notes, internal files, assignments, contact attempts and SLA breaches out of «sist endret»', async () => {
    const t = await ticket('Sist endret', '2025-09-01T09:00');
    await json(await agent.request('POST', `/api/servicedesk/tickets/${t.id}/replies`, { text: 'Vi ser på det' }, at('2025-09-01T10:00')), 201);
    const publicAt = oslo('2025-09-01T10:00').toISOString();
    await json(await agent.request('POST', `/api/servicedesk/tickets/${t.id}/notes`, { text: 'Intern' }, at('2025-09-01T11:00')), 201);
    const form = new FormData();
    form.set('file', new File(['intern'], 'intern.txt', { type: 'text/plain' }));
    form.set('internal', 'true');
    await json(await agent.request('POST', `/api/servicedesk/tickets/${t.id}/attachments`, form, at('2025-09-01T12:00')), 201);
    const seen = await json(await agent.request('GET', `/api/servicedesk/tickets/${t.id}`, undefined, at('2025-09-01T12:30')), 200);
    await json(await agent.request('PATCH', `/api/servicedesk/tickets/${t.id}`, { assigneeUserId: f.agent.id, revision: seen.revision }, at('2025-09-01T13:00')), 200);
    // The resolution clock (Medium) runs out days later; the breach job writes its (non-internal) event.
    expect((await recordSlaBreaches(database.db, { now: oslo('2025-09-15T12:00') })).recorded).toContain(t.number);

    const mine = await json(await anne.request('GET', `/api/servicedesk/tickets/${t.id}`, undefined, at('2025-09-15T13:00')), 200);
    expect(mine).toMatchObject({ updatedAt: publicAt, lastChangedAt: publicAt });
    expect(mine).not.toHaveProperty('revision');
    const list = await json(await anne.request('GET', `/api/servicedesk/tickets?q=${t.number}`, undefined, at('2025-09-15T13:00')), 200);
    expect(list.tickets.find((r: { id: string }) => r.id === t.id)).toMatchObject({ updatedAt: publicAt, lastChangedAt: publicAt });
    // The desk keeps the real version, and its «sist endret» is the last change of any kind.
    const desk = await json(await agent.request('GET', `/api/servicedesk/tickets/${t.id}`, undefined, at('2025-09-15T13:00')), 200);
    expect(desk.updatedAt).toBe(oslo('2025-09-01T13:00').toISOString());
    expect(desk.lastChangedAt).toBe(desk.updatedAt);
    const deskList = await json(await agent.request('GET', `/api/servicedesk/tickets?q=${t.number}`, undefined, at('2025-09-15T13:00')), 200);
    expect(deskList.tickets.find((r: { id: string }) => r.id === t.id)).toMatchObject({ updatedAt: desk.updatedAt, lastChangedAt: desk.updatedAt });

    // A change the requester sees moves it: the desk solves the ticket.
    await json(await agent.request('PATCH', `/api/servicedesk/tickets/${t.id}`, { status: 'lost', revision: desk.revision }, at('2025-09-16T09:00')), 200);
    expect((await json(await anne.request('GET', `/api/servicedesk/tickets/${t.id}`, undefined, at('2025-09-16T09:30')), 200)).lastChangedAt)
      .toBe(oslo('2025-09-16T09:00').toISOString());
  });
});

describe('5. empty filters and the stale-edit message', () => {
  it('refuses empty q, requester and description alike', async () => {
    for (const field of ['q', 'requester', 'description']) {
      for (const value of ['', '%20']) {
        expect(fieldsOf(await json(await agent.get(`/api/servicedesk/tickets?${field}=${value}`), 400)), `${field}=${value}`).toEqual([field]);
      }
    }
  });

  it('says the case changed without saying someone else changed it (here the same agent did)', async () => {
    const t = await ticket('To faner', '2025-10-01T09:00');
    await json(await agent.request('PATCH', `/api/servicedesk/tickets/${t.id}`, { priority: 'hoy', revision: 1 }, at('2025-10-01T09:10')), 200);
    const stale = await json(await agent.request('PATCH', `/api/servicedesk/tickets/${t.id}`, { status: 'under_arbeid', revision: 1 }, at('2025-10-01T09:11')), 409);
    expect(stale.error.message).toBe('Saken er endret siden du åpnet den (sist endret 01.10.2025 kl. 09:10:00). Last inn saken på nytt og gjør endringen igjen.');
  });
});
