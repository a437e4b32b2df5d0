// The service-desk demo: the generator is reproducible and has the seeds' shape (volume, July dip,
// August peak, Hustadvika from November 2022, outage titles on critical and high cases, the named
// incidents on their dates, the portal user's own cases), and once loaded the KPI pack shows the papers'
// figures (data.ts SEED_FIGURES: seed 001 for May 2023, seed 000 for September–November 2023) within
// the tolerances below, so a change to the generator that drifts from them fails here.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/test/db.js';
import { buildKpiPack } from '../../src/modules/servicedesk/kpi/kpi.service.js';
import type { TKpiPack } from '../../src/modules/servicedesk/kpi/kpi.js';
import { getTicket, listTickets } from '../../src/modules/servicedesk/tickets/tickets.read.js';
import { loadOrganisation } from '../loader/organisation.js';
import { demoActor } from '../load.js';
import { NAMED_INCIDENTS, OUTAGE_TITLES, PORTAL_USER, SEED_FIGURES, SITES, TITLES } from './data.js';
import { generateServiceDesk } from './generate.js';
import { demoVolume, loadServiceDeskDemo } from './load.js';

const full = generateServiceDesk({ years: [2022, 2023] });
const month = (d: Date) => d.toISOString().slice(0, 7);
/** Within `share` of the paper's figure (0.1 = ±10 %). */
const near = (actual: number, paper: number, share: number) => {
  expect(actual, `${actual} vs the paper's ${paper}`).toBeGreaterThanOrEqual(paper * (1 - share));
  expect(actual, `${actual} vs the paper's ${paper}`).toBeLessThanOrEqual(paper * (1 + share));
};

describe('the generator', () => {
  it('gives the same history for the same seed and another for another seed', () => {
    const again = generateServiceDesk({ years: [2022, 2023] });
    expect(again.tickets.slice(0, 50)).toEqual(full.tickets.slice(0, 50));
    expect(again.tickets.length).toBe(full.tickets.length);
    expect(again.phone).toEqual(full.phone);
    expect(generateServiceDesk({ years: [2023], seed: 7 }).tickets[0]!.id).not.toBe(full.tickets.find((t) => t.createdAt.getUTCFullYear() === 2023)!.id);
  });

  it('makes each month the same whichever years are generated, so the tests see the full demo’s 2023', () => {
    const only2023 = generateServiceDesk({ years: [2023] });
    const in2023 = (t: { createdAt: Date }) => t.createdAt >= new Date('2023-01-01T00:00:00+01:00');
    expect(only2023.tickets.filter(in2023).map((t) => t.id)).toEqual(full.tickets.filter(in2023).map((t) => t.id));
    expect(only2023.tickets.find((t) => t.status !== 'lukket' && month(t.createdAt) === '2023-11'))
      .toEqual(full.tickets.find((t) => t.status !== 'lukket' && month(t.createdAt) === '2023-11'));
  });

  it('makes about 13 000 tickets a year, fewer in July and most in August', () => {
    const y2023 = full.tickets.filter((t) => t.createdAt >= new Date('2023-01-01T00:00:00+01:00'));
    expect(y2023.length).toBeGreaterThan(12_000);
    expect(y2023.length).toBeLessThan(14_000);
    const per = (m: string) => y2023.filter((t) => month(t.createdAt) === m).length;
    const months = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => per(`2023-${m}`));
    expect(Math.min(...months)).toBe(months[6]);
    expect(Math.max(...months)).toBe(months[7]);
  });

  it('has Hustadvika only from November 2022', () => {
    const hustadvika = full.tickets.filter((t) => t.municipality === 'hustadvika');
    expect(hustadvika.length).toBeGreaterThan(1000);
    expect(hustadvika.every((t) => t.createdAt >= new Date('2022-10-31T23:00:00Z'))).toBe(true);
  });

  it('follows the category mix: user accounts and access the largest', () => {
    const counts = new Map<string, number>();
    for (const t of full.tickets) counts.set(t.category, (counts.get(t.category) ?? 0) + 1);
    const top = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    expect(top).toBe('Ansattadministrasjon');
  });

  it('places every incident the seeds name on its date', () => {
    for (const n of NAMED_INCIDENTS) {
      const t = full.tickets.find((x) => x.title === n.title);
      expect(t, n.title).toBeDefined();
      expect(t!.priority).toBe(n.priority);
      expect(t!.createdAt).toEqual(new Date(`${n.at}:00${n.at < '2023-10-29' ? '+02:00' : '+01:00'}`));
    }
  });

  it('gives critical and high cases outage titles, never an everyday one, and only incidents are critical or high', () => {
    const everyday = new Set(Object.values(TITLES).flat());
    const named = new Set(NAMED_INCIDENTS.map((n) => n.title));
    const outage = (priority: 'kritisk' | 'hoy', title: string) => Object.values(OUTAGE_TITLES[priority]).flat()
      .some((pattern) => pattern === title || Object.values(SITES).flat().some((site) => pattern.replace('{sted}', site) === title));
    const urgent = full.tickets.filter((t) => t.priority === 'kritisk' || t.priority === 'hoy');
    expect(urgent.length).toBeGreaterThan(50);
    for (const t of urgent) {
      expect(everyday.has(t.title), t.title).toBe(false);
      expect(named.has(t.title) || outage(t.priority as 'kritisk' | 'hoy', t.title), `${t.priority}: ${t.title}`).toBe(true);
      expect(t.type).toBe('feilmelding');
    }
    expect(urgent.filter((t) => t.priority === 'kritisk').every((t) => t.channel === 'telefon')).toBe(true);
  });

  it('gives the demo portal user a handful of recent Molde cases, one in each state the portal shows', () => {
    const own = full.tickets.filter((t) => t.requesterEmail === PORTAL_USER.email);
    expect(own.length).toBeGreaterThanOrEqual(5);
    expect(own.every((t) => t.municipality === 'molde' && t.requesterName === PORTAL_USER.name && t.channel === 'portal')).toBe(true);
    expect(own.every((t) => t.createdAt > new Date('2023-11-01T00:00:00+01:00') && t.createdAt < full.horizon)).toBe(true);
    expect(new Set(own.map((t) => t.status))).toEqual(new Set(['ny', 'under_arbeid', 'venter_bruker', 'venter_leverandor', 'lost', 'lukket']));
    expect(own.filter((t) => t.status === 'lukket').every((t) => t.survey !== null)).toBe(true);
    expect(own.find((t) => t.status === 'lost')!.survey).toBeNull();
  });
});

describe('loaded into a database: the KPI pack against the papers', () => {
  let database: TestDatabase;
  const staff = { id: 'x', email: 'x', name: 'x', role: 'staff' as const, municipalityId: null, personId: null };
  let may: TKpiPack;
  let autumn: TKpiPack;
  let refs: Awaited<ReturnType<typeof loadOrganisation>>;
  beforeAll(async () => {
    database = await createTestDatabase();
    refs = await database.db.transaction((tx) => loadOrganisation(tx, demoActor));
    // The full volume of 2022 and 2023: May's open cases include cases from the autumn before.
    await database.db.transaction((tx) => loadServiceDeskDemo(tx, refs, { years: [2022, 2023], perYear: 13_000 }));
    may = await buildKpiPack(database.db, staff, { from: '2023-05', to: '2023-05' });
    autumn = await buildKpiPack(database.db, staff, { from: '2023-07', to: '2023-11' });
  }, 600_000);
  afterAll(() => database?.drop());

  const at = (pack: TKpiPack, m: string) => pack.months.indexOf(m);

  it('lists exactly the papers’ critical and high incidents for May and October–November 2023, all within SLA', () => {
    expect(may.criticalAndHigh.map((c) => [c.date, c.municipality, c.title, c.priority, c.slaMet])).toEqual([
      ['2023-05-03', 'Rauma', 'Nettverk nede ved Måndalen skole', 'hoy', true],
      ['2023-05-05', 'Molde', 'Nettverksfeil i parkeringstunell', 'hoy', true],
      ['2023-05-11', 'Molde', 'Tregt nettverk rådhuset', 'hoy', true],
      ['2023-05-16', 'Molde', 'Sensio Pasientvarsling ved Bergmo OMS', 'kritisk', true],
      ['2023-05-24', 'Molde', 'Sensio pasientvarsling ved Nobel OMS', 'kritisk', true],
    ]);
    expect(autumn.criticalAndHigh.filter((c) => c.priority === 'kritisk' && c.date >= '2023-10-01').map((c) => [c.date, c.municipality, c.title, c.slaMet])).toEqual([
      ['2023-11-06', 'Molde', 'SystemX Midsund utilgjengelig', true], ['2023-11-11', 'Hustadvika', 'Gerica mobil fungerer ikke', true],
    ]);
  });

  it('has the papers’ new cases in May, October and November 2023 (±10 %)', () => {
    near(may.trend[0]!.new, SEED_FIGURES.newCases['2023-05'], 0.1);
    near(autumn.trend[at(autumn, '2023-10')]!.new, SEED_FIGURES.newCases['2023-10'], 0.1);
    near(autumn.trend[at(autumn, '2023-11')]!.new, SEED_FIGURES.newCases['2023-11'], 0.1);
  });

  it('has the papers’ open incidents and requests at the end of May and November 2023 (±10 %)', () => {
    for (const [pack, m] of [[may, '2023-05'], [autumn, '2023-11']] as const) {
      const paper = SEED_FIGURES.openAtEnd[m];
      const open = pack.trend[at(pack, m)]!;
      near(open.openIncidents, paper.incidents, 0.1);
      near(open.openRequests, paper.requests, 0.1);
      near(open.open, paper.total, 0.1);
    }
    expect(autumn.openAtEnd.total).toBe(autumn.trend[at(autumn, '2023-11')]!.open);
  });

  it('has the papers’ resolution times per priority in September–November 2023, in their units', () => {
    const of = (priority: string) => autumn.resolution.find((r) => r.priority === priority)!;
    expect([of('lav').unit, of('medium').unit, of('hoy').unit, of('kritisk').unit]).toEqual(['dager', 'dager', 'timer', 'timer']);
    for (const m of ['2023-09', '2023-10', '2023-11']) {
      const row = (p: string) => of(p).months[at(autumn, m)]!;
      // Lav: the papers' 5.9 and 4.6 days (October's 22.2 is one month's clean-up, not reproduced); most within 5 days.
      expect(row('lav').mean).toBeGreaterThanOrEqual(4);
      expect(row('lav').mean).toBeLessThanOrEqual(7.5);
      expect(row('lav').median).toBeLessThan(of('lav').target);
      // Medium: 7.4–12.0 days against 3; about half of the cases within the target.
      expect(row('medium').mean).toBeGreaterThanOrEqual(6.5);
      expect(row('medium').mean).toBeLessThanOrEqual(13);
      expect(row('medium').median).toBeGreaterThanOrEqual(2.5);
      expect(row('medium').median).toBeLessThanOrEqual(4);
      // Høy: 139.8–312.5 hours against 4: a few fast on the call, the rest for weeks.
      expect(row('hoy').solved).toBeGreaterThan(0);
      expect(row('hoy').mean).toBeGreaterThanOrEqual(100);
      expect(row('hoy').mean).toBeLessThanOrEqual(400);
      expect(row('hoy').median).toBeGreaterThan(of('hoy').target);
    }
    // Kritisk: 0.1 hours in November, solved on the call.
    expect(of('kritisk').months[at(autumn, '2023-11')]).toMatchObject({ solved: 2, mean: SEED_FIGURES.resolutionMean.kritisk['2023-11'] });
    expect(autumn.slaAttainmentTotal.percent).toBeGreaterThan(40);
    expect(autumn.slaAttainmentTotal.percent).toBeLessThan(75);
  });

  it('has the papers’ phone calls and answer rates, and waits that grow as fewer calls are answered', () => {
    for (const m of ['2023-09', '2023-10', '2023-11'] as const) {
      const row = autumn.phone[at(autumn, m)]!;
      expect(row.offered).toBe(SEED_FIGURES.phone[m].calls);
      expect(Math.abs(row.answerRate! - SEED_FIGURES.phone[m].answerRate)).toBeLessThanOrEqual(1.5);
    }
    for (const m of ['2023-07', '2023-08']) {
      const rate = autumn.phone[at(autumn, m)]!.answerRate!;
      expect(rate).toBeGreaterThanOrEqual(SEED_FIGURES.summerAnswerRate.from - 0.5);
      expect(rate).toBeLessThanOrEqual(SEED_FIGURES.summerAnswerRate.to + 0.5);
    }
    const wait = (m: string) => autumn.phone[at(autumn, m)]!.meanWaitSeconds!;
    expect(wait('2023-09')).toBeGreaterThan(wait('2023-07'));
    expect(wait('2023-11')).toBeGreaterThan(wait('2023-08'));
  });

  it('names the municipality on every phone row, so each member has calls of its own that add up to the papers’', async () => {
    const unattributed = await database.db.execute(sql`select count(*)::int as n from sd_phone_stats where municipality_id is null`);
    expect((unattributed as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
    const keys = ['molde', 'hustadvika', 'rauma', 'vestnes', 'aukra'] as const;
    const packs = await Promise.all(keys.map((k) => buildKpiPack(database.db, staff, { from: '2023-09', to: '2023-11', municipality: refs.municipality(k) })));
    for (const m of ['2023-09', '2023-10', '2023-11'] as const) {
      const rows = packs.map((p) => p.phone[p.months.indexOf(m)]!);
      expect(rows.every((r) => r.offered > 0 && r.answered <= r.offered)).toBe(true);
      expect(rows.reduce((s, r) => s + r.offered, 0)).toBe(SEED_FIGURES.phone[m].calls);
    }
    // Molde, the largest, takes about half the calls; nothing is left unattributed for the page to explain.
    const molde = packs[0]!;
    expect(molde.phone[molde.months.indexOf('2023-11')]!.offered / SEED_FIGURES.phone['2023-11'].calls).toBeCloseTo(0.52, 1);
    expect(packs.every((p) => p.phoneUnattributed.length === 0)).toBe(true);
  });

  it('writes every history in order: the first event of each ticket (by id) is its creation', async () => {
    // Events that share a time with 'created' once got a lower id, and the SLA clock refused those
    // histories (the breach job then failed on every run).
    const rows = await database.db.execute(sql`select count(*)::int as n from sd_tickets t
      where (select kind from sd_ticket_events e where e.ticket_id = t.id order by e.id limit 1) is distinct from 'created'`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(0);
  });

  it('shows the demo portal user their own cases in the portal, with the desk’s question and their survey', async () => {
    const [user] = await database.db.query.users.findMany({ where: (u, { eq }) => eq(u.email, PORTAL_USER.email) });
    const session = { id: user!.id, email: user!.email, name: user!.name, role: 'municipality' as const, municipalityId: user!.municipalityId, personId: null };
    const mine = await listTickets(database.db, session, { queue: 'all', sort: 'created', limit: 50 });
    expect(new Set(mine.tickets.map((t) => t.status))).toEqual(new Set(['ny', 'under_arbeid', 'venter_bruker', 'venter_leverandor', 'lost', 'lukket']));
    expect(mine.tickets.every((t) => t.requesterName === PORTAL_USER.name && t.municipalityName === 'Molde')).toBe(true);
    const waiting = await getTicket(database.db, session, { id: mine.tickets.find((t) => t.status === 'venter_bruker')!.id });
    expect(waiting.conversation.at(-1)).toMatchObject({ byDesk: true, kind: 'reply' });
    expect(waiting.conversation.every((c) => c.kind === 'reply')).toBe(true);
    const solved = await getTicket(database.db, session, { id: mine.tickets.find((t) => t.status === 'lost')!.id });
    expect(solved.canAnswerSurvey).toBe(true);
    const closed = mine.tickets.filter((t) => t.status === 'lukket');
    for (const c of closed) expect((await getTicket(database.db, session, { id: c.id })).survey).not.toBeNull();
  });

  it('chooses its volume from SAMRAD_DEMO_SERVICEDESK', () => {
    expect(demoVolume('off')).toBeNull();
    expect(demoVolume('full')).toEqual({ years: [2021, 2022, 2023, 2024], perYear: 13_000 });
    expect(demoVolume('small')!.years).toHaveLength(3);
    expect(demoVolume(undefined)).toEqual(demoVolume('full'));
  });
});
