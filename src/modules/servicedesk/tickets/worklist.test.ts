// The agent's work list on a real database: server-side keyset sorting on created, number, due, priority
// and status in both directions (paused and solved tickets stay in the due order, last), paging without
// duplicates or gaps (also across microsecond ties), the filters (requester, created date range, SLA
// breached / at risk, description, q over title, description and number), the breaching-soon queue's
// first-response clock, the server's `now` in the answer, and 400 with fields for every bad value.
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldsOf, json, type TestClient } from '../../../test/app.js';
import type { TestDatabase } from '../../../test/db.js';
import { STATUSES, PRIORITIES, type TPriority, type TStatus } from '../vocabulary.js';
import type { TTicketSort } from '../vocabulary.js';
import { sdTickets } from '../schema.js';
import { oslo, type TServiceDeskFixture } from '../test-factories.js';
import { startServiceDesk } from '../desk-fixture.js';
import { systemActor } from '../../../server/context.js';
import { DEMO_POLICY } from '../desk-rules.js';
import { savePolicy } from '../desk-rules.service.js';
import { createTicket } from './tickets.create.js';
import { getTicket, listTickets } from './tickets.read.js';
import { addReply, updateTicket } from './tickets.update.js';

const base = { queue: 'all' as const, sort: 'created' as const, limit: 50 };

let database: TestDatabase;
let f: TServiceDeskFixture;
let agent: TestClient;
let anne: TestClient;

beforeAll(async () => {
  ({ database, desk: f, agent, anne } = await startServiceDesk({ SAMRAD_TEST_CLOCK: 'on' }));
});
afterAll(() => database.drop());


type TSeed = { at: string; priority: TPriority; status?: TStatus; category?: string; title?: string; description?: string; requesterName?: string };

async function desk(seed: TSeed) {
  const t = await createTicket(database.db, f.agent, {
    type: 'feilmelding', category: seed.category ?? 'Infrastruktur', title: seed.title ?? `Sak ${seed.at}`, description: seed.description ?? 'Beskrivelse',
    priority: seed.priority, channel: 'epost', municipalityId: f.molde.id, requesterName: seed.requesterName ?? 'Per Innmelder', now: oslo(seed.at),
  });
  if (seed.status && seed.status !== 'ny') await updateTicket(database.db, f.agent, { id: t.id, status: seed.status, now: new Date(oslo(seed.at).getTime() + 60_000) });
  return t;
}

describe('server-side sorting with keyset pages', () => {
  const NOW = oslo('2025-03-12T10:00');
  beforeAll(async () => {
    // Ties on purpose: two tickets created at the same instant, two with the same priority and status.
    await desk({ at: '2025-03-03T09:00', priority: 'lav' });
    await desk({ at: '2025-03-03T10:00', priority: 'medium', status: 'venter_bruker' });
    await desk({ at: '2025-03-04T09:00', priority: 'hoy', status: 'lost' });
    await desk({ at: '2025-03-04T09:00', priority: 'kritisk', status: 'under_arbeid' });
    await desk({ at: '2025-03-05T12:00', priority: 'medium', status: 'under_arbeid' });
    await desk({ at: '2025-03-05T12:00', priority: 'lav', status: 'venter_leverandor' });
    await desk({ at: '2025-03-06T08:00', priority: 'medium' });
    await desk({ at: '2025-03-06T09:00', priority: 'hoy', status: 'lukket' });
    await desk({ at: '2025-03-07T14:00', priority: 'kritisk', status: 'venter_leverandor' });
    await desk({ at: '2025-03-10T08:30', priority: 'lav', status: 'under_arbeid' });
    await desk({ at: '2025-03-11T13:00', priority: 'medium' });
  });

  const rows = async () => database.db.select().from(sdTickets).where(eq(sdTickets.category, 'Infrastruktur'));
  type TRow = Awaited<ReturnType<typeof rows>>[number];
  const byCreated = (a: TRow, b: TRow) => a.createdAt.getTime() - b.createdAt.getTime() || a.number - b.number;
  /** The expected ascending order of each sort, written independently of the service. */
  const expectedAsc = (sort: TTicketSort, all: TRow[]): TRow[][] => {
    if (sort === 'created') return [[...all].sort(byCreated)];
    if (sort === 'number') return [[...all].sort((a, b) => a.number - b.number)];
    if (sort === 'priority') return [[...all].sort((a, b) => PRIORITIES.indexOf(a.priority) - PRIORITIES.indexOf(b.priority) || byCreated(a, b))];
    if (sort === 'status') return [[...all].sort((a, b) => STATUSES.indexOf(a.status) - STATUSES.indexOf(b.status) || byCreated(a, b))];
    const withDue = all.filter((r) => r.slaResolutionDueAt).sort((a, b) => a.slaResolutionDueAt!.getTime() - b.slaResolutionDueAt!.getTime() || a.number - b.number);
    return [withDue, all.filter((r) => !r.slaResolutionDueAt).sort(byCreated)];
  };

  async function walk(sort: TTicketSort, dir: 'asc' | 'desc', limit: number) {
    const seen: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listTickets(database.db, f.agent, { ...base, category: 'Infrastruktur', sort, dir, limit, cursor, now: NOW });
      expect(page.tickets.length).toBeLessThanOrEqual(limit);
      seen.push(...page.tickets.map((t) => t.number));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 50);
    return seen;
  }

  for (const sort of ['created', 'number', 'due', 'priority', 'status'] as const) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`sorts by ${sort} ${dir} across pages of 3 without duplicates or gaps`, async () => {
        const all = await rows();
        const parts = expectedAsc(sort, all);
        // Descending is the exact reverse, except that tickets without a deadline stay last.
        const expected = (dir === 'asc' ? parts : parts.map((p) => [...p].reverse())).flat().map((r) => r.number);
        expect(await walk(sort, dir, 3)).toEqual(expected);
        expect(await walk(sort, dir, 50)).toEqual(expected);
      });
    }
  }

  it('keeps paused and solved tickets in the due order, after those with a running deadline, both ways', async () => {
    for (const dir of ['asc', 'desc'] as const) {
      const page = await listTickets(database.db, f.agent, { ...base, category: 'Infrastruktur', sort: 'due', dir, now: NOW });
      const statuses = page.tickets.map((t) => t.status);
      expect(statuses).toHaveLength(11);
      expect(statuses).toContain('venter_bruker');
      expect(statuses).toContain('venter_leverandor');
      const firstWithout = page.tickets.findIndex((t) => t.slaDueAt === null);
      expect(firstWithout).toBeGreaterThan(0);
      expect(page.tickets.slice(firstWithout).every((t) => t.slaDueAt === null)).toBe(true);
    }
    // Nearest deadline first by default; Kritisk first when sorted by priority without a direction.
    const byDue = await listTickets(database.db, f.agent, { ...base, category: 'Infrastruktur', sort: 'due', now: NOW });
    const dues = byDue.tickets.filter((t) => t.slaDueAt).map((t) => t.slaDueAt!);
    expect(dues).toEqual([...dues].sort());
    const byPriority = await listTickets(database.db, f.agent, { ...base, category: 'Infrastruktur', sort: 'priority', now: NOW });
    expect(byPriority.tickets.map((t) => t.priority).slice(0, 3)).toEqual(['kritisk', 'kritisk', 'hoy']);
  });

  it('skips the statuses a filter rules out when sorting by status', async () => {
    const open = await listTickets(database.db, f.agent, { ...base, category: 'Infrastruktur', sort: 'status', dir: 'desc', status: 'open', limit: 2, now: NOW });
    expect(open.tickets.map((t) => t.status)).toEqual(['venter_leverandor', 'venter_leverandor']);
    const next = await listTickets(database.db, f.agent, { ...base, category: 'Infrastruktur', sort: 'status', dir: 'desc', status: 'open', limit: 50, cursor: open.nextCursor!, now: NOW });
    expect(next.tickets.map((t) => t.status)).toEqual(['venter_bruker', 'under_arbeid', 'under_arbeid', 'under_arbeid', 'ny', 'ny', 'ny']);
  });

  it('pages across tickets created within the same millisecond (microsecond keys)', async () => {
    const a = await desk({ at: '2025-03-20T09:00', priority: 'lav', category: 'Rådgiving' });
    const b = await desk({ at: '2025-03-20T09:00', priority: 'lav', category: 'Rådgiving' });
    const c = await desk({ at: '2025-03-20T09:00', priority: 'lav', category: 'Rådgiving' });
    // b a few microseconds later than a and c: the number alone no longer decides.
    await database.db.update(sdTickets).set({ createdAt: sql`${sdTickets.createdAt} + interval '3 microseconds'` }).where(eq(sdTickets.id, b.id));
    for (const dir of ['asc', 'desc'] as const) {
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await listTickets(database.db, f.agent, { ...base, category: 'Rådgiving', sort: 'created', dir, limit: 1, cursor });
        seen.push(...page.tickets.map((t) => t.number));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const asc = [a.number, c.number, b.number];
      expect(seen).toEqual(dir === 'asc' ? asc : [...asc].reverse());
    }
  });

  it('answers 400 for a cursor of another order, a bad sort or direction', async () => {
    const page = await json(await agent.get('/api/servicedesk/tickets?category=Infrastruktur&sort=priority&limit=2'), 200);
    expect(page.nextCursor).toBeTruthy();
    expect(fieldsOf(await json(await agent.get(`/api/servicedesk/tickets?category=Infrastruktur&sort=status&cursor=${page.nextCursor}`), 400))).toEqual(['cursor']);
    expect(fieldsOf(await json(await agent.get(`/api/servicedesk/tickets?category=Infrastruktur&sort=priority&priority=lav&cursor=${page.nextCursor}`), 400))).toEqual(['cursor']);
    const forged = Buffer.from(JSON.stringify(['c', '2025-02-30T09:00:00.000000Z', 1])).toString('base64url');
    expect(fieldsOf(await json(await agent.get(`/api/servicedesk/tickets?cursor=${forged}`), 400))).toEqual(['cursor']);
    expect(fieldsOf(await json(await agent.get('/api/servicedesk/tickets?sort=title'), 400))).toEqual(['sort']);
    expect(fieldsOf(await json(await agent.get('/api/servicedesk/tickets?sort=due&dir=up'), 400))).toEqual(['dir']);
    // The same cursor still works for the order it came from.
    await json(await agent.get(`/api/servicedesk/tickets?category=Infrastruktur&sort=priority&cursor=${page.nextCursor}`), 200);
  });
});

describe('filters', () => {
  it('filters by requester (account and name), description text, and q over title, description and number', async () => {
    const own = await createTicket(database.db, f.anne, { type: 'feilmelding', category: 'Fagapplikasjoner', title: 'Gerica henger', description: 'Skjer etter oppdateringen av vaktplanen', now: oslo('2025-04-01T09:00') });
    const other = await desk({ at: '2025-04-01T10:00', priority: 'lav', category: 'Fagapplikasjoner', title: 'Visma', description: 'Lønnskjøringen stopper', requesterName: 'Åse Ærlig' });
    const numbers = async (q: Record<string, string>) => (await listTickets(database.db, f.agent, { ...base, category: 'Fagapplikasjoner', ...q })).tickets.map((t) => t.number);
    expect(await numbers({ requesterUserId: f.anne.id })).toEqual([own.number]);
    expect(await numbers({ requester: 'åse ær' })).toEqual([other.number]);
    expect(await numbers({ requester: 'anne' })).toEqual([own.number]);
    expect(await numbers({ description: 'VAKTPLANEN' })).toEqual([own.number]);
    expect(await numbers({ description: 'Gerica' })).toEqual([]);
    expect(await numbers({ q: 'lønnskjøringen' })).toEqual([other.number]);
    expect(await numbers({ q: 'gerica' })).toEqual([own.number]);
    expect(await numbers({ q: String(other.number) })).toEqual([other.number]);
    // Wildcards are text, not patterns.
    expect(await numbers({ q: '%' })).toEqual([]);
    const http = await json(await agent.get(`/api/servicedesk/tickets?category=Fagapplikasjoner&requester=${encodeURIComponent('Åse')}&description=stopper`), 200);
    expect(http.tickets.map((t: { number: number }) => t.number)).toEqual([other.number]);
  });

  it('filters by created date, whole Oslo days from and to (inclusive)', async () => {
    const late = await desk({ at: '2025-05-05T23:30', priority: 'lav', category: 'Bestillinger' });
    const early = await desk({ at: '2025-05-06T00:10', priority: 'lav', category: 'Bestillinger' });
    const later = await desk({ at: '2025-05-07T12:00', priority: 'lav', category: 'Bestillinger' });
    const numbers = async (q: Record<string, string>) => (await json(await agent.get(`/api/servicedesk/tickets?category=Bestillinger&sort=number&dir=asc&${new URLSearchParams(q)}`), 200))
      .tickets.map((t: { number: number }) => t.number);
    expect(await numbers({ createdFrom: '2025-05-05', createdTo: '2025-05-05' })).toEqual([late.number]);
    expect(await numbers({ createdFrom: '2025-05-06' })).toEqual([early.number, later.number]);
    expect(await numbers({ createdTo: '2025-05-06' })).toEqual([late.number, early.number]);
    expect(await numbers({ createdFrom: '2025-05-06', createdTo: '2025-05-06' })).toEqual([early.number]);
  });

  it('answers 400 with the field for every bad filter value', async () => {
    const bad: [string, string[]][] = [
      ['createdFrom=05.05.2025', ['createdFrom']],
      ['createdFrom=2025-02-30', ['createdFrom']],
      ['createdTo=2025-13-01', ['createdTo']],
      ['createdFrom=2025-05-07&createdTo=2025-05-06', ['createdTo']],
      ['sla=late', ['sla']],
      ['requesterUserId=anne', ['requesterUserId']],
      [`requester=${'x'.repeat(201)}`, ['requester']],
      ['requester=%20', ['requester']],
      [`description=${'x'.repeat(201)}`, ['description']],
      ['priority=urgent', ['priority']],
      ['limit=0', ['limit']],
    ];
    for (const [query, fields] of bad) {
      const body = await json(await agent.get(`/api/servicedesk/tickets?${query}`), 400);
      expect(fieldsOf(body), query).toEqual(fields);
      expect(body.error.code).toBe('validation');
    }
    // The SLA filter and the queues are the desk's.
    expect(fieldsOf(await json(await anne.get('/api/servicedesk/tickets?sla=breached'), 400))).toEqual(['sla']);
  });
});

describe('SLA state in the list: breached, at risk, the breaching-soon queue and the server clock', () => {
  it('counts a passed deadline as breached although the cache was written before it (no breach job run)', async () => {
    // Høy, 4 business hours from Mon 08:00: due 12:00. Nothing happens to the ticket after creation.
    const t = await desk({ at: '2025-06-02T08:00', priority: 'hoy', category: 'Skrivere/multimaskiner' });
    const [row] = await database.db.select().from(sdTickets).where(eq(sdTickets.id, t.id));
    expect(row!.slaResolutionBreachedAt).toBeNull();
    const at = async (iso: string, q: Record<string, unknown> = {}) =>
      (await listTickets(database.db, f.agent, { ...base, category: 'Skrivere/multimaskiner', ...q, now: oslo(iso) })).tickets;
    expect((await at('2025-06-02T11:59'))[0]).toMatchObject({ slaBreached: false, slaDueAt: oslo('2025-06-02T12:00').toISOString() });
    expect((await at('2025-06-02T12:01'))[0]).toMatchObject({ slaBreached: true, slaFirstResponseBreached: true });
    expect((await at('2025-06-02T12:01', { sla: 'breached' })).map((x) => x.number)).toEqual([t.number]);
    expect(await at('2025-06-02T12:01', { sla: 'atRisk' })).toEqual([]);
    // Høy first response is 1 h (due 09:00): at 08:50 the first-response clock is in its last quarter.
    expect((await at('2025-06-02T08:50', { sla: 'atRisk' })).map((x) => x.number)).toEqual([t.number]);
    expect(await at('2025-06-02T08:40', { sla: 'atRisk' })).toEqual([]);
    expect(await at('2025-06-02T08:40', { sla: 'breached' })).toEqual([]);
  });

  it('puts a ticket whose first response is due soon into «breaching soon», and takes it out once answered', async () => {
    // Medium from Anne's portal, Tue 09:00: first response within 4 business hours (13:00), resolution 3 days.
    const t = await createTicket(database.db, f.anne, { type: 'feilmelding', category: 'Støtteapplikasjoner', title: 'Teams', description: 'Lyd', now: oslo('2025-06-03T09:00') });
    const queue = async (iso: string) => (await listTickets(database.db, f.agent, { ...base, queue: 'breaching', category: 'Støtteapplikasjoner', now: oslo(iso) })).tickets;
    expect(await queue('2025-06-03T11:30')).toEqual([]);
    const soon = await queue('2025-06-03T12:00');
    expect(soon.map((x) => x.number)).toEqual([t.number]);
    expect(soon[0]).toMatchObject({ slaFirstResponseDueAt: oslo('2025-06-03T13:00').toISOString(), slaFirstResponseBreached: false, slaBreached: false });
    // Past the first-response deadline with no answer yet: still listed, as breached.
    expect((await queue('2025-06-03T14:00'))[0]).toMatchObject({ number: t.number, slaFirstResponseBreached: true });
    await addReply(database.db, f.agent, { id: t.id, text: 'Vi ser på det', now: oslo('2025-06-03T14:30') });
    expect(await queue('2025-06-03T15:00')).toEqual([]);
  });

  it('carries the server\'s now (the test clock\'s instant) in the answer', async () => {
    const at = '2025-06-02T08:15:00.000Z'; // 10:15 in Oslo (summer time)
    const page = await json(await agent.request('GET', '/api/servicedesk/tickets?category=Skrivere%2Fmultimaskiner', undefined, { 'x-samrad-now': at }), 200);
    expect(page.now).toBe(at);
    expect(page.tickets[0].slaBreached).toBe(false);
    const later = await json(await agent.request('GET', '/api/servicedesk/tickets?category=Skrivere%2Fmultimaskiner', undefined, { 'x-samrad-now': '2025-06-02T10:15:00Z' }), 200);
    expect(later.tickets[0].slaBreached).toBe(true);
    const plain = await json(await agent.get('/api/servicedesk/tickets?limit=1'), 200);
    expect(Math.abs(Date.parse(plain.now) - Date.now())).toBeLessThan(60_000);
  });
});

describe('the reopen window on the case page', () => {
  it('tells the requester when the window has run out, and never the desk', async () => {
    const t = await createTicket(database.db, f.anne, { type: 'feilmelding', category: 'Maskiner og utstyr', title: 'Dokking', description: 'Lader ikke', now: oslo('2025-07-01T09:00') });
    await updateTicket(database.db, f.agent, { id: t.id, status: 'lukket', now: oslo('2025-07-01T10:00') });
    const within = await getTicket(database.db, f.anne, { id: t.id, now: oslo('2025-07-15T09:00') });
    expect(within).toMatchObject({ canReopen: true, reopenExpired: false, reopenWindowDays: 14 });
    const after = await getTicket(database.db, f.anne, { id: t.id, now: oslo('2025-07-15T10:01') });
    expect(after).toMatchObject({ canReopen: false, reopenExpired: true, reopenWindowDays: 14 });
    expect(await getTicket(database.db, f.agent, { id: t.id, now: oslo('2025-08-15T10:00') })).toMatchObject({ canReopen: true, reopenExpired: false });
  });
});

describe('what the page is told instead of working it out', () => {
  it('marks the tickets whose status pauses the clocks, under each ticket\'s own policy', async () => {
    // Aukra keeps its own rules, where only waiting for the supplier pauses; Molde follows the cooperation's.
    await savePolicy(database.db, systemActor, {
      cooperationId: f.coop.id, municipalityId: f.aukra.id, document: { ...DEMO_POLICY, pausedStatuses: ['venter_leverandor'] },
    });
    const file = async (municipalityId: string, status: TStatus) => {
      const t = await createTicket(database.db, f.agent, {
        type: 'feilmelding', category: 'Standardapplikasjoner', title: `Pause ${status}`, description: 'Beskrivelse', priority: 'medium', channel: 'epost',
        municipalityId, requesterName: 'Per Innmelder', now: oslo('2025-09-01T09:00'),
      });
      await updateTicket(database.db, f.agent, { id: t.id, status, now: oslo('2025-09-01T09:30') });
      return t.id;
    };
    const expected = new Map([
      [await file(f.aukra.id, 'venter_bruker'), false],
      [await file(f.aukra.id, 'venter_leverandor'), true],
      [await file(f.aukra.id, 'lost'), false],
      [await file(f.molde.id, 'venter_bruker'), true],
      [await file(f.molde.id, 'under_arbeid'), false],
    ]);
    const page = await listTickets(database.db, f.agent, { ...base, category: 'Standardapplikasjoner', now: oslo('2025-09-02T09:00') });
    expect(new Map(page.tickets.map((t) => [t.id, t.slaPaused]))).toEqual(expected);
  });

  it('gives the time left in business time, as the ticket page does, and whether a clock is breaching soon', async () => {
    // Høy on office hours (08:00–15:30): first response 1 h, resolution 4 h. Filed Monday 14:30, so the
    // first response is due 15:30 and the resolution Tuesday 11:00, twenty wall-clock hours away.
    const t = await desk({ at: '2025-10-06T14:30', priority: 'hoy', category: 'Bestillinger', title: 'Tid igjen' });
    const row = async (iso: string) => {
      const page = await listTickets(database.db, f.agent, { ...base, category: 'Bestillinger', now: oslo(iso) });
      return page.tickets.find((x) => x.id === t.id)!;
    };
    const onTicketPage = async (iso: string) => (await getTicket(database.db, f.agent, { id: t.id, now: oslo(iso) })).sla!;
    const minutes = (n: number) => n * 60_000;

    expect(await row('2025-10-06T15:00')).toMatchObject({
      slaRemainingMillis: minutes(210), slaFirstResponseRemainingMillis: minutes(30), slaAtRisk: false,
    });
    expect(await row('2025-10-06T15:20')).toMatchObject({ slaFirstResponseRemainingMillis: minutes(10), slaAtRisk: true });
    // Tuesday 10:00: the first response is 2 business hours late, the resolution has 1 hour left.
    const late = await row('2025-10-07T10:00');
    expect(late).toMatchObject({ slaRemainingMillis: minutes(60), slaFirstResponseRemainingMillis: -minutes(120), slaAtRisk: false });
    const page = await onTicketPage('2025-10-07T10:00');
    expect([late.slaRemainingMillis, late.slaFirstResponseRemainingMillis]).toEqual([page.resolution.remainingMillis, page.firstResponse.remainingMillis]);

    // Waiting for the user stops the clocks; a solved ticket has none running.
    await updateTicket(database.db, f.agent, { id: t.id, status: 'venter_bruker', now: oslo('2025-10-07T10:05') });
    expect(await row('2025-10-07T10:10')).toMatchObject({ slaPaused: true, slaRemainingMillis: null, slaFirstResponseRemainingMillis: null, slaAtRisk: false });
    await updateTicket(database.db, f.agent, { id: t.id, status: 'lost', now: oslo('2025-10-07T10:15') });
    expect(await row('2025-10-07T10:20')).toMatchObject({ slaRemainingMillis: null, slaFirstResponseRemainingMillis: null, slaAtRisk: false });
  });

  it('offers the requester a reply and an upload until the ticket is done, and the desk always', async () => {
    const t = await createTicket(database.db, f.anne, { type: 'feilmelding', category: 'Ansattadministrasjon', title: 'Svar', description: 'Hjelp', now: oslo('2025-09-03T09:00') });
    expect(await getTicket(database.db, f.anne, { id: t.id, now: oslo('2025-09-03T09:05') })).toMatchObject({ canReply: true, canUpload: true });
    await updateTicket(database.db, f.agent, { id: t.id, status: 'lost', now: oslo('2025-09-03T10:00') });
    expect(await getTicket(database.db, f.anne, { id: t.id, now: oslo('2025-09-03T10:05') })).toMatchObject({ canReply: false, canUpload: false });
    expect(await getTicket(database.db, f.agent, { id: t.id, now: oslo('2025-09-03T10:05') })).toMatchObject({ canReply: true, canUpload: true });
    // The requester's list says nothing about the desk's clocks.
    const theirs = await listTickets(database.db, f.anne, { ...base, category: 'Ansattadministrasjon', now: oslo('2025-09-03T10:05') });
    expect(theirs.tickets.map((x) => [x.slaPaused, x.slaRemainingMillis, x.slaAtRisk])).toEqual([[undefined, undefined, undefined]]);
  });
});

describe('open cases per queue', () => {
  it('counts what each queue lists as open, for the desk only', async () => {
    const at = '2025-09-01T09:00';
    const mine = await desk({ at, priority: 'hoy', title: 'Telles i mine' });
    await updateTicket(database.db, f.agent, { id: mine.id, assigneeUserId: f.agent.id, now: oslo('2025-09-01T09:01') });
    await desk({ at, priority: 'lav', title: 'Telles som ufordelt' });
    await desk({ at, priority: 'lav', status: 'lost', title: 'Løst, telles ikke' });
    const now = oslo('2025-09-01T10:00');
    const body = await json(await agent.request('GET', '/api/servicedesk/queue-counts', undefined, { 'x-samrad-now': now.toISOString() }), 200);
    expect(body.now).toBe(now.toISOString());
    for (const queue of ['mine', 'team', 'unassigned', 'breaching', 'all'] as const) {
      const listed = await listTickets(database.db, f.agent, { ...base, queue, status: 'open', limit: 10_000, now });
      expect(body.open[queue], queue).toBe(listed.tickets.length);
    }
    expect(body.open.mine).toBeGreaterThan(0);
    expect(body.open.unassigned).toBeGreaterThan(0);
    await json(await anne.get('/api/servicedesk/queue-counts'), 403);
  });
});
