// The KPI pack's stored figures (sd_ticket_summaries, sd_kpi_counts) against the event history: after
// every kind of change a ticket goes through (portal and desk creation, a call solved on the phone,
// pause and resume, solve, reopen, close, the 3-2-1 job, reclassification, a policy change with its
// recomputation, import) each ticket's summary must be what its events say, and the monthly counts must
// be exactly the sum of the summaries. The expected values are worked out here in TypeScript, from the
// events and Intl's Oslo months, not with the SQL that writes them.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../../server/context.js';
import type { TestDatabase } from '../../../test/db.js';
import { DONE_STATUSES, type TStatus } from '../vocabulary.js';
import { loadEvents, slaEventsOf } from '../tickets/history.js';
import { importTickets } from '../imports/import.service.js';
import { closeUnconfirmedTickets } from '../jobs.js';
import { nextMonth } from './kpi.js';
import { computeKpiPack } from './kpi.service.js';
import { syncKpiSummaries } from './kpi-summary.js';
import { DEMO_POLICY } from '../desk-rules.js';
import { loadPolicy, savePolicy } from '../desk-rules.service.js';
import { sdKpiCounts, sdTicketSummaries, sdTickets } from '../schema.js';
import { computeSlaState } from '../sla/sla.js';
import { recomputeSla } from '../sla/sla.service.js';
import { oslo, type TServiceDeskFixture } from '../test-factories.js';
import { createTicket, logPhoneCall } from '../tickets/tickets.create.js';
import { addReply, logContactAttempt, reopenTicket, updateTicket } from '../tickets/tickets.update.js';
import { startDeskDatabase } from '../desk-fixture.js';

const osloMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric', month: '2-digit' });
const monthOf = (d: Date) => {
  const parts = Object.fromEntries(osloMonth.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}`;
};

let database: TestDatabase;
let f: TServiceDeskFixture;

beforeAll(async () => ({ database, desk: f } = await startDeskDatabase()));
afterAll(() => database.drop());

/** What a ticket's summary must be, from its events (status, priority, SLA) and its classification. */
async function expectedSummary(ticket: typeof sdTickets.$inferSelect) {
  const events = await loadEvents(database.db, ticket.id);
  const created = events[0]!;
  expect(created.kind).toBe('created');
  // Replays the status changes as the desk applies them: solving stamps solved, closing keeps it and
  // stamps closed, anything else (a reopen) clears both.
  let status = (created.data as { status: TStatus }).status;
  let solved: Date | null = status === 'lost' ? created.at : null;
  let closed: Date | null = status === 'lukket' ? created.at : null;
  for (const e of events.filter((x) => x.kind === 'status')) {
    status = (e.data as { to: TStatus }).to;
    if (status === 'lost') { solved = e.at; closed = null; } else if (status === 'lukket') closed = e.at;
    else { solved = null; closed = null; }
  }
  expect(ticket.status).toBe(status);
  const doneAt = DONE_STATUSES.includes(status) ? (solved ?? closed) : null;
  const policy = await loadPolicy(database.db, ticket.cooperationId, ticket.municipalityId);
  const sla = computeSlaState(slaEventsOf(events), policy.sla, ticket.slaComputedAt!);
  return {
    ticketId: ticket.id, cooperationId: ticket.cooperationId, municipalityId: ticket.municipalityId,
    type: ticket.type, category: ticket.category, channel: ticket.channel, priority: sla.priority,
    createdAt: created.at, createdMonth: monthOf(created.at), doneAt, doneMonth: doneAt ? monthOf(doneAt) : null,
    resolutionElapsedMs: Math.round(sla.resolution.elapsedMillis), resolutionMet: sla.resolution.met,
    // Solved and closed apart: the last solve while solved or closed, the close while closed.
    solvedMonth: DONE_STATUSES.includes(status) && solved ? monthOf(solved) : null,
    closedMonth: status === 'lukket' && closed ? monthOf(closed) : null,
  };
}

/** Every summary agrees with its history, and the counts are the sum of the summaries. */
async function expectInStep() {
  const tickets = await database.db.select().from(sdTickets);
  const expected = await Promise.all(tickets.map(expectedSummary));
  const stored = await database.db.select().from(sdTicketSummaries);
  const byId = (a: { ticketId: string }, b: { ticketId: string }) => a.ticketId.localeCompare(b.ticketId);
  expect(stored.sort(byId)).toEqual(expected.sort(byId));

  const counts = new Map<string, { created: number; done: number }>();
  const add = (month: string, s: (typeof expected)[number], field: 'created' | 'done') => {
    for (const [dimension, value] of [['type', s.type], ['category', s.category], ['channel', s.channel], ['priority', s.priority]]) {
      const key = [s.cooperationId, month, s.municipalityId, dimension, value].join('|');
      const c = counts.get(key) ?? { created: 0, done: 0 };
      c[field]++;
      counts.set(key, c);
    }
  };
  for (const s of expected) {
    add(s.createdMonth, s, 'created');
    if (s.doneMonth) add(s.doneMonth, s, 'done');
  }
  const rows = (await database.db.select().from(sdKpiCounts)).filter((r) => r.created !== 0 || r.done !== 0);
  expect(Object.fromEntries(rows.map((r) => [[r.cooperationId, r.month, r.municipalityId, r.dimension, r.value].join('|'), { created: r.created, done: r.done }])))
    .toEqual(Object.fromEntries(counts));
  return expected;
}

/** Anne's portal ticket of 30 October 2023. */
const portalTicket = () => createTicket(database.db, f.anne, {
  type: 'feilmelding', category: 'Fagapplikasjoner', title: 'Gerica henger', description: 'Treg', now: oslo('2023-10-30T14:00'),
});
/** A request the desk registers at 00:30 on New Year's Day in Oslo, which is still 2023 in UTC. */
const deskTicket = () => createTicket(database.db, f.agent, {
  type: 'tjenesteforesporsel', category: 'Bestillinger', title: 'Ny PC', description: 'Bestilling', priority: 'lav',
  municipalityId: f.aukra.id, requesterName: 'Innmelder', now: oslo('2024-01-01T00:30'),
});
/** The desk ticket made Høy on 2 January and solved on the 3rd, past Høy's target. */
async function solvedLateTicket() {
  const desk = await deskTicket();
  await updateTicket(database.db, f.agent, { id: desk.id, type: 'feilmelding', category: 'Infrastruktur', priority: 'hoy', now: oslo('2024-01-02T09:00') });
  await updateTicket(database.db, f.agent, { id: desk.id, status: 'lost', now: oslo('2024-01-03T14:00') });
  return desk;
}

// Each test makes its own tickets; expectInStep checks every ticket in the database, whatever ran before.
describe('the KPI summaries follow every change to a ticket', () => {
  it('on creation: portal, desk, and a call solved on the phone, in Oslo months', async () => {
    const portal = await portalTicket();
    const desk = await deskTicket();
    const call = await logPhoneCall(database.db, f.agent, {
      type: 'feilmelding', category: 'Infrastruktur', title: 'Nett nede', description: 'Hele rådhuset', priority: 'kritisk',
      municipalityId: f.molde.id, requesterName: 'Driftsleder', channel: 'telefon', solvedOnCall: true, now: oslo('2023-11-30T23:30'),
    });
    const ours = new Set([portal.id, desk.id, call.id]);
    const summaries = (await expectInStep()).filter((s) => ours.has(s.ticketId));
    expect(summaries.map((s) => [s.createdMonth, s.doneMonth]).sort()).toEqual([['2023-10', null], ['2023-11', '2023-11'], ['2024-01', null]]);
  });

  it('through pause, resume, solve, reopen, solve again and close', async () => {
    const portal = await portalTicket();
    await updateTicket(database.db, f.agent, { id: portal.id, status: 'venter_bruker', now: oslo('2023-10-31T09:00') });
    await expectInStep();
    await addReply(database.db, f.anne, { id: portal.id, text: 'Her er svaret', now: oslo('2023-11-01T10:00') });
    await updateTicket(database.db, f.agent, { id: portal.id, status: 'lost', now: oslo('2023-11-02T10:00') });
    const solved = (await expectInStep()).find((s) => s.ticketId === portal.id)!;
    expect(solved.doneMonth).toBe('2023-11');
    await reopenTicket(database.db, f.anne, { id: portal.id, reason: 'Feilen kom tilbake', now: oslo('2023-11-03T08:00') });
    expect((await expectInStep()).find((s) => s.ticketId === portal.id)!.doneAt).toBeNull();
    await updateTicket(database.db, f.agent, { id: portal.id, status: 'lost', now: oslo('2023-12-01T09:00') });
    await updateTicket(database.db, f.agent, { id: portal.id, status: 'lukket', now: oslo('2023-12-04T09:00') });
    const closed = (await expectInStep()).find((s) => s.ticketId === portal.id)!;
    // Closing keeps the solve as the moment the work was done.
    expect(closed).toMatchObject({ doneAt: oslo('2023-12-01T09:00'), doneMonth: '2023-12' });
    // Solved in December (the solve of November was undone by the reopen), closed in December.
    expect(closed).toMatchObject({ solvedMonth: '2023-12', closedMonth: '2023-12' });
  });

  it('when the desk reclassifies a ticket, and when the 3-2-1 job closes one', async () => {
    const desk = await deskTicket();
    await updateTicket(database.db, f.agent, { id: desk.id, type: 'feilmelding', category: 'Infrastruktur', priority: 'hoy', now: oslo('2024-01-02T09:00') });
    expect((await expectInStep()).find((s) => s.ticketId === desk.id)).toMatchObject({ type: 'feilmelding', category: 'Infrastruktur', priority: 'hoy' });
    await updateTicket(database.db, f.agent, { id: desk.id, status: 'lost', now: oslo('2024-01-03T14:00') });
    for (const at of ['2024-01-04T09:00', '2024-01-04T13:00', '2024-01-05T09:00']) {
      await logContactAttempt(database.db, f.agent, { id: desk.id, method: 'telefon', now: oslo(at) });
    }
    await closeUnconfirmedTickets(database.db, { now: oslo('2024-01-05T10:00') });
    const [row] = await database.db.select().from(sdTickets).where(eq(sdTickets.id, desk.id));
    expect(row!.status).toBe('lukket');
    expect((await expectInStep()).find((s) => s.ticketId === desk.id)).toMatchObject({ doneMonth: '2024-01', resolutionMet: false, solvedMonth: '2024-01', closedMonth: '2024-01' });
  });

  it('when an admin recomputes the SLA after a policy change', async () => {
    const desk = await solvedLateTicket();
    expect((await expectInStep()).find((s) => s.ticketId === desk.id)).toMatchObject({ resolutionMet: false });
    await savePolicy(database.db, actorOf(f.admin), {
      cooperationId: f.coop.id,
      document: { ...DEMO_POLICY, targets: { ...DEMO_POLICY.targets, hoy: { ...DEMO_POLICY.targets.hoy, resolution: { value: 20, unit: 'hours' } } } },
    });
    await recomputeSla(database.db, actorOf(f.admin), { cooperationId: f.coop.id, now: oslo('2024-01-08T08:00') });
    expect((await expectInStep()).find((s) => s.ticketId === desk.id)).toMatchObject({ resolutionMet: true });
    // And back: the old target, recomputed, breaches again.
    await savePolicy(database.db, actorOf(f.admin), { cooperationId: f.coop.id, document: DEMO_POLICY });
    await recomputeSla(database.db, actorOf(f.admin), { cooperationId: f.coop.id, now: oslo('2024-01-08T09:00') });
    expect((await expectInStep()).find((s) => s.ticketId === desk.id)).toMatchObject({ resolutionMet: false });
  });

  it('on import, and a second sync of everything changes nothing', async () => {
    const csv = [
      'Saksnr;Opprettet;Tittel;Type;Kategori;Kanal;Prioritet;Status;Kommune;Innmelder;Løst;Lukket',
      'TD-1;30.09.2023 23:30;Skriver;Feil;Infrastruktur;Telefon;Høy;Lukket;Molde;Driftsleder;01.10.2023 10:00;03.10.2023 09:00',
      'TD-2;15.11.2023 09:00;Ny skjerm;Forespørsel;Bestillinger;E-post;Lav;Åpen;Aukra;Anne;;',
    ].join('\r\n');
    await importTickets(database.db, actorOf(f.admin), { cooperationId: f.coop.id, filename: 'eksport.csv', bytes: new TextEncoder().encode(csv), now: oslo('2024-01-10T08:00') });
    const imported = (await expectInStep()).filter((s) => s.createdMonth === '2023-09' || s.createdAt.getTime() === oslo('2023-11-15T09:00').getTime());
    expect(imported.map((s) => [s.createdMonth, s.doneMonth]).sort()).toEqual([['2023-09', '2023-10'], ['2023-11', null]]);
    const before = await database.db.select().from(sdKpiCounts);
    await syncKpiSummaries(database.db, 'all');
    await syncKpiSummaries(database.db, { cooperationId: f.coop.id });
    expect(await database.db.select().from(sdKpiCounts)).toEqual(before);
    await expectInStep();
  });

  it('gives the pack new, closed and open per month as the summaries say', async () => {
    await portalTicket();
    await solvedLateTicket();
    const summaries = await expectInStep();
    expect(summaries.length).toBeGreaterThanOrEqual(2);
    const pack = await computeKpiPack(database.db, { cooperationId: f.coop.id, municipalityId: null, municipalityName: null, from: '2023-10', to: '2024-01' });
    const end = (month: string) => oslo(`${nextMonth(month)}-01T00:00`);
    expect(pack.trend.map((t) => [t.month, t.new, t.closed, t.open])).toEqual(pack.months.map((month) => [
      month,
      summaries.filter((s) => s.createdMonth === month).length,
      summaries.filter((s) => s.doneMonth === month).length,
      summaries.filter((s) => s.createdAt < end(month) && !(s.doneAt && s.doneAt < end(month))).length,
    ]));
    expect(pack.solvedAndClosed).toEqual(pack.months.map((month) => ({
      month, solved: summaries.filter((s) => s.solvedMonth === month).length, closed: summaries.filter((s) => s.closedMonth === month).length,
    })));
  });
});

