// The service desk on a real database, with time passed in: the portal-to-closure flow (pause, resume,
// solve, 3-2-1, reopen, survey), who sees which ticket, the phone policy, the breach event, the audited
// recomputation, and the 3-2-1 job run twice at once sending one e-mail.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/db.js';
import { listAudit } from '../../audit/service.js';
import { outbox } from '../../mail/schema.js';
import { closeUnconfirmedTickets, recordSlaBreaches } from '../jobs.js';
import { DEMO_POLICY } from '../desk-rules.js';
import { savePolicy } from '../desk-rules.service.js';
import { sdTicketEvents, sdTickets } from '../schema.js';
import { recomputeSla } from '../sla/sla.service.js';
import { setPortalSharing } from '../teams.service.js';
import { oslo, type TServiceDeskFixture } from '../test-factories.js';
import { createTicket, logPhoneCall } from './tickets.create.js';
import { getTicket, listTickets } from './tickets.read.js';
import { addNote, addReply, answerSurvey, logContactAttempt, reopenTicket, updateTicket } from './tickets.update.js';
import { actorOf } from '../../../server/context.js';
import { startDeskDatabase } from '../desk-fixture.js';

const H = 3_600_000;
const listQuery = { queue: 'all' as const, sort: 'created' as const, limit: 50 };

let database: TestDatabase;
let f: TServiceDeskFixture;

beforeAll(async () => ({ database, desk: f } = await startDeskDatabase()));
afterAll(() => database.drop());

const mailsTo = async (to: string) => database.db.select().from(outbox).where(eq(outbox.to, to));

describe('a portal ticket from report to closure', () => {
  let id: string;
  const NOTE = 'Intern: brukeren har feil lisens, ikke si noe om prisen';

  it('walks through pause, resume, solve, 3-2-1, reopen and survey with the SLA clock right', async () => {
    const db = database.db;
    // Mon 3 March 2025 09:00: Anne reports a problem in the portal (Medium, 22 h 30 min business time).
    const t = await createTicket(db, f.anne, { type: 'feilmelding', category: 'Fagapplikasjoner', title: 'Visma starter ikke', description: 'Feilmelding ved oppstart', now: oslo('2025-03-03T09:00') });
    id = t.id;
    expect(t).toMatchObject({ channel: 'portal', priority: 'medium', status: 'ny', requesterUserId: f.anne.id, municipalityId: f.molde.id, cooperationId: f.coop.id });
    // The receipt's promise to Anne: Medium is answered within 4 hours of opening hours, so by 13:00.
    expect((await getTicket(db, f.anne, { id, now: oslo('2025-03-03T09:30') })).responsePromise)
      .toEqual({ within: { value: 4, unit: 'hours' }, businessHours: true, dueAt: oslo('2025-03-03T13:00').toISOString() });
    // 10:00 the agent takes it and asks a question: first response after 1 h, clock pauses at 10:00.
    await updateTicket(db, f.agent, { id, assigneeUserId: f.agent.id, status: 'under_arbeid', now: oslo('2025-03-03T10:00') });
    await addReply(db, f.agent, { id, text: 'Hvilken versjon bruker du?', now: oslo('2025-03-03T10:00') });
    // Answered: the promise is kept and no longer shown.
    expect((await getTicket(db, f.anne, { id, now: oslo('2025-03-03T10:00') })).responsePromise).toBeNull();
    await addNote(db, f.agent, { id, text: NOTE, now: oslo('2025-03-03T10:01') });
    await updateTicket(db, f.agent, { id, status: 'venter_bruker', now: oslo('2025-03-03T10:00') });
    // Tue 4 March 09:00: Anne answers; the wait ends and the clock resumes by itself.
    await addReply(db, f.anne, { id, text: 'Versjon 12', now: oslo('2025-03-04T09:00') });
    const resumed = await getTicket(db, f.agent, { id, now: oslo('2025-03-04T11:00') });
    expect(resumed.status).toBe('under_arbeid');
    // Used: Mon 09:00–10:00 (1 h) + Tue 09:00–11:00 (2 h) = 3 h; the pause Mon 10:00 → Tue 09:00 does not count.
    expect(resumed.sla!.resolution).toMatchObject({ elapsedMillis: 3 * H, running: true });
    expect(resumed.sla!.firstResponse).toMatchObject({ elapsedMillis: H, met: true });
    // Tue 12:00 solved: 4 h used.
    await updateTicket(db, f.agent, { id, status: 'lost', now: oslo('2025-03-04T12:00') });
    // Three attempts over two days; after the second the rule is not yet met.
    await logContactAttempt(db, f.agent, { id, method: 'telefon', now: oslo('2025-03-04T13:00') });
    await logContactAttempt(db, f.agent, { id, method: 'teams', now: oslo('2025-03-04T14:00') });
    expect((await closeUnconfirmedTickets(db, { now: oslo('2025-03-04T15:00') })).closed).toEqual([]);
    await logContactAttempt(db, f.agent, { id, method: 'epost', note: 'Sendt e-post', now: oslo('2025-03-05T09:00') });
    const run = await closeUnconfirmedTickets(db, { now: oslo('2025-03-05T09:05'), baseUrl: 'https://samrad.example.no' });
    expect(run).toEqual({ ran: true, closed: [t.number] });
    const closed = await getTicket(db, f.anne, { id, now: oslo('2025-03-05T10:00') });
    expect(closed).toMatchObject({ status: 'lukket', canReopen: true, canAnswerSurvey: true });
    const mails = (await mailsTo('anne@molde.kommune.no')).filter((m) => m.subject.includes('er lukket'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`https://samrad.example.no/kundeservice/saker/${id}?gjenapne=1`);
    // Thu 6 March 09:00 Anne reopens; the clock resumes from the 4 h it had used.
    await reopenTicket(db, f.anne, { id, reason: 'Feilen kom tilbake', now: oslo('2025-03-06T09:00') });
    const reopened = await getTicket(db, f.agent, { id, now: oslo('2025-03-06T10:00') });
    expect(reopened.status).toBe('under_arbeid');
    expect(reopened.sla!.resolution).toMatchObject({ elapsedMillis: 5 * H, running: true });
    // 22 h 30 min − 5 h = 17 h 30 min left from Thu 10:00: Thu 5 h 30 min, Fri 7 h 30 min, Mon 08:00 + 4 h 30 min = 12:30.
    expect(reopened.sla!.resolution.dueAt).toBe(oslo('2025-03-10T12:30').toISOString());
    await updateTicket(db, f.agent, { id, status: 'lost', now: oslo('2025-03-06T11:00') });
    await answerSurvey(db, f.anne, { id, score: 4, comment: 'Bra hjelp', now: oslo('2025-03-06T12:00') });
    await expect(answerSurvey(db, f.anne, { id, score: 5 })).rejects.toMatchObject({ status: 409 });
    const events = await db.select().from(sdTicketEvents).where(eq(sdTicketEvents.ticketId, id));
    expect(events.map((e) => e.kind)).toEqual([
      'created', 'assigned', 'status', 'reply', 'note', 'status', 'reply', 'status', 'status',
      'contact_attempt', 'contact_attempt', 'contact_attempt', 'status', 'status', 'reply', 'status', 'survey', 'status',
    ]);
    // The survey on the solved ticket confirmed it (decision 0011): closed as confirmed, no 3-2-1 needed.
    expect(events.at(-1)!.data).toMatchObject({ from: 'lost', to: 'lukket', confirmed: true, via: 'undersokelse' });
  });

  it('never lets the internal note reach the requester: not in the ticket, the list or any mail', async () => {
    const seen = JSON.stringify([
      await getTicket(database.db, f.anne, { id }),
      await listTickets(database.db, f.anne, listQuery),
      await database.db.select().from(outbox),
    ]);
    expect(seen).not.toContain('ikke si noe om prisen');
    expect(JSON.stringify(await getTicket(database.db, f.agent, { id }))).toContain('ikke si noe om prisen');
  });

  it('refuses a reopen after the window', async () => {
    await expect(reopenTicket(database.db, f.anne, { id, now: oslo('2025-03-21T11:01') })).rejects.toMatchObject({ status: 409 });
    // The desk may reopen at any time.
    await reopenTicket(database.db, f.agent, { id, now: oslo('2025-03-21T11:01') });
  });
});

describe('who sees which ticket', () => {
  it('shows a municipality user only their own tickets unless shared', async () => {
    const db = database.db;
    const mine = await createTicket(db, f.bjorn, { type: 'tjenesteforesporsel', category: 'Bestillinger', title: 'Ny PC til Bjørn', description: 'Trenger ny PC' });
    const aukra = await createTicket(db, f.cecilie, { type: 'feilmelding', category: 'Skrivere/multimaskiner', title: 'Skriver i Aukra', description: 'Papirstopp' });
    const annesNumbers = (await listTickets(db, f.anne, listQuery)).tickets.map((t) => t.number);
    expect(annesNumbers).not.toContain(mine.number);
    await expect(getTicket(db, f.anne, { id: mine.id })).rejects.toMatchObject({ status: 404 });
    await setPortalSharing(db, actorOf(f.admin), { userId: f.anne.id, seesMunicipality: true });
    const shared = (await listTickets(db, f.anne, listQuery)).tickets.map((t) => t.number);
    expect(shared).toContain(mine.number);
    expect(shared).not.toContain(aukra.number);
    await expect(getTicket(db, f.anne, { id: aukra.id })).rejects.toMatchObject({ status: 404 });
    // Sharing lets Anne read Bjørn's ticket, not answer his survey.
    expect((await getTicket(db, f.anne, { id: mine.id })).canAnswerSurvey).toBe(false);
    await setPortalSharing(db, actorOf(f.admin), { userId: f.anne.id, seesMunicipality: false });
    // The desk sees both municipalities' tickets.
    expect((await listTickets(db, f.agent, listQuery)).tickets.map((t) => t.number)).toEqual(expect.arrayContaining([mine.number, aukra.number]));
  });
});

describe('the phone policy', () => {
  it('lets Kritisk and Høy be solved on the call and logs the rest as tickets', async () => {
    const db = database.db;
    const base = { type: 'feilmelding' as const, category: 'Infrastruktur', title: 'Nettet er nede på rådhuset', description: 'Ingen nett', municipalityId: f.aukra.id, requesterName: 'Sentralbordet Aukra' };
    const solved = await logPhoneCall(db, f.agent, { ...base, channel: 'telefon', priority: 'kritisk', solvedOnCall: true, solution: 'Startet svitsjen på nytt', now: oslo('2025-03-03T08:00') });
    expect(solved).toMatchObject({ status: 'lost', channel: 'telefon', assigneeUserId: f.agent.id });
    const view = await getTicket(db, f.agent, { id: solved.id, now: oslo('2025-03-03T09:00') });
    expect(view.sla!.resolution).toMatchObject({ met: true, elapsedMillis: 0 });
    expect(view.sla!.firstResponse).toMatchObject({ met: true });
    await expect(logPhoneCall(db, f.agent, { ...base, channel: 'telefon', priority: 'medium', solvedOnCall: true }))
      .rejects.toMatchObject({ status: 400, fields: [{ path: 'solvedOnCall' }] });
    const later = await logPhoneCall(db, f.agent, { ...base, channel: 'oppmote', priority: 'lav', solvedOnCall: false });
    expect(later).toMatchObject({ status: 'ny', channel: 'oppmote', assigneeUserId: null });
  });
});

describe('breaches, queues and recomputation', () => {
  it('records a breach once, lists the ticket as breaching soon, and recomputes under a changed policy with an audit row', async () => {
    const db = database.db;
    const t = await createTicket(db, f.agent, {
      type: 'feilmelding', category: 'Infrastruktur', title: 'Brannmur', description: 'Treg', priority: 'hoy', channel: 'epost',
      municipalityId: f.molde.id, requesterName: 'IT-kontakt Molde', requesterEmail: 'it@molde.kommune.no', now: oslo('2025-03-10T08:00'),
    });
    // Høy: 4 h, warn at the last quarter = 11:00, due 12:00.
    const row = async () => (await db.select().from(sdTickets).where(eq(sdTickets.id, t.id)))[0]!;
    expect((await row()).slaWarnAt).toEqual(oslo('2025-03-10T11:00'));
    expect((await row()).slaResolutionDueAt).toEqual(oslo('2025-03-10T12:00'));
    const breaching = await listTickets(db, f.agent, { ...listQuery, queue: 'breaching', now: oslo('2025-03-10T11:30') });
    expect(breaching.tickets.map((x) => x.number)).toContain(t.number);
    // Before 08:45 neither clock is in its last quarter (first response, 1 h, is due at 09:00 and also counts).
    expect((await listTickets(db, f.agent, { ...listQuery, queue: 'breaching', now: oslo('2025-03-10T08:30') })).tickets.map((x) => x.number)).not.toContain(t.number);
    expect((await recordSlaBreaches(db, { now: oslo('2025-03-10T11:59') })).recorded).toContain(t.number); // first response
    expect((await recordSlaBreaches(db, { now: oslo('2025-03-10T11:59') })).recorded).not.toContain(t.number);
    expect((await recordSlaBreaches(db, { now: oslo('2025-03-10T12:01') })).recorded).toContain(t.number);
    expect((await recordSlaBreaches(db, { now: oslo('2025-03-10T12:02') })).recorded).not.toContain(t.number);
    const breachEvents = (await db.select().from(sdTicketEvents).where(eq(sdTicketEvents.ticketId, t.id))).filter((e) => e.kind === 'sla_breached');
    // First response (Høy: 1 h) ran out at 09:00 and was recorded on the first run; resolution at 12:00.
    expect(breachEvents.map((e) => e.data)).toEqual([
      { clock: 'first_response', breachedAt: oslo('2025-03-10T09:00').toISOString(), priority: 'hoy' },
      { clock: 'resolution', breachedAt: oslo('2025-03-10T12:00').toISOString(), priority: 'hoy' },
    ]);
    await updateTicket(db, f.agent, { id: t.id, status: 'lost', now: oslo('2025-03-10T13:00') });
    expect((await row()).slaResolutionMet).toBe(false);
    // The council lengthens Høy to 8 hours; the old ticket changes only when an admin recomputes.
    await savePolicy(db, actorOf(f.admin), { cooperationId: f.coop.id, document: { ...DEMO_POLICY, targets: { ...DEMO_POLICY.targets, hoy: { ...DEMO_POLICY.targets.hoy, resolution: { value: 8, unit: 'hours' } } } } });
    expect((await row()).slaResolutionMet).toBe(false);
    const result = await recomputeSla(db, actorOf(f.admin), { cooperationId: f.coop.id, now: oslo('2025-03-11T08:00') });
    expect(result.changed).toBeGreaterThanOrEqual(1);
    expect((await row()).slaResolutionMet).toBe(true);
    const audit = await listAudit(db, { entity: 'sd_sla' });
    expect(audit[0]).toMatchObject({ action: 'recompute', actorName: 'Admin', after: { tickets: result.tickets, changed: result.changed } });
    await savePolicy(db, actorOf(f.admin), { cooperationId: f.coop.id, document: DEMO_POLICY });
  });

  it('pages through a queue with a keyset cursor and no duplicates', async () => {
    const db = database.db;
    for (let i = 0; i < 7; i++) {
      await createTicket(db, f.agent, { type: 'annet', category: 'Rådgiving', title: `Råd ${i}`, description: 'Spørsmål', municipalityId: f.aukra.id, requesterName: 'Sidebla Sidesen', now: oslo('2025-04-01T09:00') });
    }
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      // Only this test's tickets: other tests add Rådgiving tickets too.
      const page = await listTickets(db, f.agent, { ...listQuery, category: 'Rådgiving', requester: 'Sidebla', limit: 3, cursor });
      seen.push(...page.tickets.map((t) => t.number));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });
});

describe('the 3-2-1 job on several instances', () => {
  it('closes a ticket and sends one e-mail when run twice at the same time', async () => {
    const db = database.db;
    const t = await createTicket(db, f.cecilie, { type: 'feilmelding', category: 'Standardapplikasjoner', title: 'Outlook henger', description: 'Henger', now: oslo('2025-05-05T09:00') });
    await updateTicket(db, f.agent, { id: t.id, status: 'lost', now: oslo('2025-05-05T10:00') });
    for (const at of ['2025-05-05T11:00', '2025-05-05T14:00', '2025-05-06T09:00']) {
      await logContactAttempt(db, f.agent, { id: t.id, method: 'telefon', now: oslo(at) });
    }
    const now = oslo('2025-05-06T10:00');
    const runs = await Promise.all([closeUnconfirmedTickets(db, { now }), closeUnconfirmedTickets(db, { now })]);
    expect(runs.flatMap((r) => r.closed).filter((n) => n === t.number)).toHaveLength(1);
    const mails = (await mailsTo('cecilie@aukra.kommune.no')).filter((m) => m.subject.includes('er lukket'));
    expect(mails).toHaveLength(1);
    expect((await db.select().from(sdTickets).where(eq(sdTickets.id, t.id)))[0]!.status).toBe('lukket');
  });

  it('does not count attempts from before the last solve', async () => {
    const db = database.db;
    const t = await createTicket(db, f.cecilie, { type: 'feilmelding', category: 'Standardapplikasjoner', title: 'Teams lyd', description: 'Ingen lyd', now: oslo('2025-05-05T09:00') });
    await updateTicket(db, f.agent, { id: t.id, status: 'lost', now: oslo('2025-05-05T10:00') });
    await logContactAttempt(db, f.agent, { id: t.id, method: 'telefon', now: oslo('2025-05-05T11:00') });
    await logContactAttempt(db, f.agent, { id: t.id, method: 'telefon', now: oslo('2025-05-06T11:00') });
    await updateTicket(db, f.agent, { id: t.id, status: 'under_arbeid', now: oslo('2025-05-06T12:00') });
    await updateTicket(db, f.agent, { id: t.id, status: 'lost', now: oslo('2025-05-06T13:00') });
    await logContactAttempt(db, f.agent, { id: t.id, method: 'telefon', now: oslo('2025-05-07T11:00') });
    expect((await closeUnconfirmedTickets(db, { now: oslo('2025-05-08T10:00') })).closed).not.toContain(t.number);
    await expect(logContactAttempt(db, f.agent, { id: (await createTicket(db, f.cecilie, { type: 'annet', category: 'Rådgiving', title: 'x', description: 'y' })).id, method: 'teams' }))
      .rejects.toMatchObject({ status: 409 });
  });
});
