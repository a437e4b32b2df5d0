// The KPI pack on hand-made tickets whose figures are worked out by hand below (demo calendar: business
// days 08:00–15:30, 7.5 h; Kritisk 24/7). Period October–November 2023; no public holidays in it.
//
//  T0  20.09 10:00 Molde  feilmelding  Infrastruktur    Medium  open                 → open when the period starts
//  T0b 25.09 10:00 Aukra  forespørsel  Bestillinger     Lav     solved Mon 02.10 09:00: 5,5+30+1 = 36,5 h = 4,87 d (met)
//  T1  03.10 09:00 Molde  feilmelding  Fagapplikasjoner Medium  portal (Anne), solved 05.10 09:00: 15 h = 2,0 d (met); survey 2
//  T2  04.10 08:00 Aukra  feilmelding  Fagapplikasjoner Medium  solved Tue 10.10 08:00: 4 days = 4,0 d (breached)
//  T3  16.10 09:00 Molde  forespørsel  Bestillinger     Lav     open
//  T4  06.11 10:00 Molde  feilmelding  Infrastruktur    Kritisk solved 11:30: 1,5 h (met)
//  T5  Sat 11.11 12:00 Aukra feilmelding Fagapplikasjoner Høy   solved Mon 13.11 13:00: 08–13 = 5,0 h (breached)
//  T6  15.11 09:00 Aukra  annet        Rådgiving        Medium  portal (Cecilie), solved 10:00: 1 h = 0,13 d (met); survey 4
//
// Resolution time and SLA attainment count incidents (feilmelding) only, as the papers do: T0b and T6
// are solved in the period but are not in those figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import type { TPriority, TTicketType } from '../vocabulary.js';
import { monthsBetween, runningOpen, toReportUnit } from './kpi.js';
import { buildKpiPack, computeKpiPack, kpiPackReader } from './kpi.service.js';
import { sdPhoneStats } from '../schema.js';
import { buildServiceDesk, oslo, type TServiceDeskFixture } from '../test-factories.js';
import { createTicket } from '../tickets/tickets.create.js';
import { answerSurvey, updateTicket } from '../tickets/tickets.update.js';
import type { SessionUser } from '../../../server/context.js';

let database: TestDatabase;
let f: TServiceDeskFixture;

async function ticket(o: {
  at: string; by?: SessionUser; municipality: 'molde' | 'aukra'; type: TTicketType; category: string; priority: TPriority; title: string;
  solvedAt?: string; survey?: { score: number; at: string };
}) {
  const by = o.by ?? f.agent;
  const t = await createTicket(database.db, by, {
    type: o.type, category: o.category, title: o.title, description: 'Beskrivelse', priority: o.priority,
    municipalityId: f[o.municipality].id, requesterName: 'Innmelder', now: oslo(o.at),
  });
  if (o.solvedAt) await updateTicket(database.db, f.agent, { id: t.id, status: 'lost', now: oslo(o.solvedAt) });
  if (o.survey) await answerSurvey(database.db, by, { id: t.id, score: o.survey.score, now: oslo(o.survey.at) });
  return t;
}

beforeAll(async () => {
  database = await createTestDatabase();
  f = await buildServiceDesk(database.db);
  await ticket({ at: '2023-09-20T10:00', municipality: 'molde', type: 'feilmelding', category: 'Infrastruktur', priority: 'medium', title: 'T0' });
  await ticket({ at: '2023-09-25T10:00', municipality: 'aukra', type: 'tjenesteforesporsel', category: 'Bestillinger', priority: 'lav', title: 'T0b', solvedAt: '2023-10-02T09:00' });
  await ticket({ at: '2023-10-03T09:00', by: f.anne, municipality: 'molde', type: 'feilmelding', category: 'Fagapplikasjoner', priority: 'medium', title: 'T1', solvedAt: '2023-10-05T09:00', survey: { score: 2, at: '2023-10-06T10:00' } });
  await ticket({ at: '2023-10-04T08:00', municipality: 'aukra', type: 'feilmelding', category: 'Fagapplikasjoner', priority: 'medium', title: 'T2', solvedAt: '2023-10-10T08:00' });
  await ticket({ at: '2023-10-16T09:00', municipality: 'molde', type: 'tjenesteforesporsel', category: 'Bestillinger', priority: 'lav', title: 'T3' });
  await ticket({ at: '2023-11-06T10:00', municipality: 'molde', type: 'feilmelding', category: 'Infrastruktur', priority: 'kritisk', title: 'SystemX Midsund utilgjengelig', solvedAt: '2023-11-06T11:30' });
  await ticket({ at: '2023-11-11T12:00', municipality: 'aukra', type: 'feilmelding', category: 'Fagapplikasjoner', priority: 'hoy', title: 'Gerica mobil fungerer ikke', solvedAt: '2023-11-13T13:00' });
  await ticket({ at: '2023-11-15T09:00', by: f.cecilie, municipality: 'aukra', type: 'annet', category: 'Rådgiving', priority: 'medium', title: 'T6', solvedAt: '2023-11-15T10:00', survey: { score: 4, at: '2023-11-16T10:00' } });
  // Phone queue: October 100 offered, 86 answered; wait weighted by offered (30·40 + 60·60)/100 = 48 s,
  // talk time by answered (200·36 + 260·50)/86 = 234,9 s.
  await database.db.insert(sdPhoneStats).values([
    { cooperationId: f.coop.id, day: '2023-10-02', offered: 40, answered: 36, meanWaitSeconds: 30, meanTalkSeconds: 200, importedAt: new Date() },
    { cooperationId: f.coop.id, day: '2023-10-03', offered: 60, answered: 50, meanWaitSeconds: 60, meanTalkSeconds: 260, importedAt: new Date() },
  ]);
});
afterAll(() => database.drop());

describe('pure parts', () => {
  it('lists months across a year end', () => {
    expect(monthsBetween('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });
  it('keeps a running open count', () => {
    expect(runningOpen(2, [3, 3], [3, 4])).toEqual([2, 1]);
  });
  it('speaks days for Lav/Medium and hours for Høy/Kritisk', () => {
    expect(toReportUnit(15 * 3_600_000, 'medium', 7.5 * 3_600_000)).toBe(2);
    expect(toReportUnit(5 * 3_600_000, 'hoy', 7.5 * 3_600_000)).toBe(5);
  });
});

describe('the KPI pack for October–November 2023', () => {
  it('counts new tickets per category, municipality and type', async () => {
    const pack = await buildKpiPack(database.db, f.agent, { from: '2023-10', to: '2023-11' });
    expect(pack.months).toEqual(['2023-10', '2023-11']);
    const cat = Object.fromEntries(pack.newByCategory.map((r) => [r.category, r.counts]));
    expect(cat).toMatchObject({ Fagapplikasjoner: [2, 1], Bestillinger: [1, 0], Infrastruktur: [0, 1], 'Rådgiving': [0, 1], Ansattadministrasjon: [0, 0] });
    expect(pack.newByMunicipality.map((r) => [r.label, r.counts])).toEqual([['Aukra', [1, 2]], ['Molde', [2, 1]]]);
    expect(pack.newByType.map((r) => r.counts)).toEqual([[2, 2], [1, 0], [0, 1]]);
  });

  it('follows new, closed and open from the backlog at the start', async () => {
    const pack = await buildKpiPack(database.db, f.agent, { from: '2023-10', to: '2023-11' });
    expect(pack.trend).toEqual([
      { month: '2023-10', new: 3, closed: 3, open: 2, openIncidents: 1, openRequests: 1, openOther: 0 },
      { month: '2023-11', new: 3, closed: 3, open: 2, openIncidents: 1, openRequests: 1, openOther: 0 },
    ]);
    expect(pack.openAtEnd).toEqual({ incidents: 1, requests: 1, other: 0, total: 2 });
  });

  it('lists critical and high incidents with whether they met the SLA', async () => {
    const pack = await buildKpiPack(database.db, f.agent, { from: '2023-10', to: '2023-11' });
    expect(pack.criticalAndHigh.map(({ date, municipality, title, priority, slaMet }) => ({ date, municipality, title, priority, slaMet }))).toEqual([
      { date: '2023-11-06', municipality: 'Molde', title: 'SystemX Midsund utilgjengelig', priority: 'kritisk', slaMet: true },
      { date: '2023-11-11', municipality: 'Aukra', title: 'Gerica mobil fungerer ikke', priority: 'hoy', slaMet: false },
    ]);
  });

  it('gives resolution time per priority in days or hours, SLA attainment and satisfaction', async () => {
    const pack = await buildKpiPack(database.db, f.agent, { from: '2023-10', to: '2023-11' });
    const res = Object.fromEntries(pack.resolution.map((r) => [r.priority, r]));
    // T0b (a request) is not counted: no Lav incident was solved.
    expect(res.lav).toMatchObject({ unit: 'dager', target: 5, months: [{ month: '2023-10', solved: 0, mean: null, median: null }, { month: '2023-11', solved: 0, mean: null, median: null }] });
    // T1 and T2 in October; T6 (annet) in November is not counted.
    expect(res.medium).toMatchObject({ unit: 'dager', target: 3, months: [{ solved: 2, mean: 3, median: 3 }, { solved: 0, mean: null, median: null }] });
    expect(res.hoy).toMatchObject({ unit: 'timer', target: 4, months: [{ solved: 0, mean: null }, { solved: 1, mean: 5, median: 5 }] });
    expect(res.kritisk).toMatchObject({ unit: 'timer', target: 2, months: [{ solved: 0 }, { solved: 1, mean: 1.5, median: 1.5 }] });
    // October: T1 met, T2 breached; November: T4 met, T5 breached (T0b and T6 met, but are not incidents).
    expect(pack.slaAttainment).toEqual([
      { month: '2023-10', measured: 2, met: 1, percent: 50 }, { month: '2023-11', measured: 2, met: 1, percent: 50 },
    ]);
    expect(pack.slaAttainmentTotal).toEqual({ measured: 4, met: 2, percent: 50 });
    expect(pack.satisfaction).toEqual([{ month: '2023-10', answers: 1, average: 2 }, { month: '2023-11', answers: 1, average: 4 }]);
    expect(pack.satisfactionTotal).toEqual({ answers: 2, average: 3 });
  });

  it('weights the phone means by calls', async () => {
    const pack = await buildKpiPack(database.db, f.agent, { from: '2023-10', to: '2023-11' });
    expect(pack.phone).toEqual([
      { month: '2023-10', offered: 100, answered: 86, answerRate: 86, meanWaitSeconds: 48, meanTalkSeconds: 235 },
      { month: '2023-11', offered: 0, answered: 0, answerRate: null, meanWaitSeconds: null, meanTalkSeconds: null },
    ]);
  });

  it('shows the year by type share, category and channel for three years, critical and high per month', async () => {
    const pack = await buildKpiPack(database.db, f.agent, { from: '2023-10', to: '2023-11' });
    expect(pack.yearly.years).toEqual([2021, 2022, 2023]);
    // 2023: 5 feilmeldinger, 2 forespørsler, 1 annet of 8.
    expect(pack.yearly.byType.map((t) => [t.type, t.counts[2], t.shares[2]])).toEqual([['feilmelding', 5, 62.5], ['tjenesteforesporsel', 2, 25], ['annet', 1, 12.5]]);
    expect(pack.yearly.byType[0]!.shares[0]).toBeNull();
    expect(Object.fromEntries(pack.yearly.byChannel.map((c) => [c.channel, c.counts[2]]))).toMatchObject({ portal: 2, epost: 6, telefon: 0 });
    expect(pack.yearly.byCategory.find((c) => c.category === 'Fagapplikasjoner')!.counts).toEqual([0, 0, 3]);
    expect(pack.yearly.criticalHighPerMonth).toHaveLength(11);
    expect(pack.yearly.criticalHighPerMonth[10]).toEqual({ month: '2023-11', kritisk: 1, hoy: 1 });
    expect(pack.yearly.criticalHighPerMonth[9]).toEqual({ month: '2023-10', kritisk: 0, hoy: 0 });
  });

  it('narrows to one municipality; a municipality user gets their own', async () => {
    const council = await buildKpiPack(database.db, f.council, { from: '2023-10', to: '2023-11', municipality: f.molde.id });
    const anne = await buildKpiPack(database.db, f.anne, { from: '2023-10', to: '2023-11' });
    for (const pack of [council, anne]) {
      expect(pack.municipalityName).toBe('Molde');
      expect(pack.newByMunicipality.map((r) => [r.label, r.counts])).toEqual([['Molde', [2, 1]]]);
      expect(pack.openAtEnd).toEqual({ incidents: 1, requests: 1, other: 0, total: 2 });
      expect(pack.criticalAndHigh.map((c) => [c.date, c.municipality, c.priority, c.slaMet])).toEqual([['2023-11-06', 'Molde', 'kritisk', true]]);
      expect(pack.satisfactionTotal).toEqual({ answers: 1, average: 2 });
    }
    // The council reads the title, as the activity report prints it; Anne did not report the incident
    // and is not shared Molde's tickets, so she gets neither its number nor its title.
    expect(council.criticalAndHigh.map((c) => [c.number, c.title])).toEqual([[null, 'SystemX Midsund utilgjengelig']]);
    expect(anne.criticalAndHigh.map((c) => [c.number, c.title])).toEqual([[null, null]]);
    await expect(buildKpiPack(database.db, f.anne, { from: '2023-10', to: '2023-11', municipality: f.aukra.id })).rejects.toMatchObject({ status: 403 });
  });
});

describe('one read, several periods ending with the same month', () => {
  it('cuts from a longer read exactly the pack each shorter period gets on its own', async () => {
    const scope = { cooperationId: f.coop.id, municipalityId: null, municipalityName: null, to: '2023-11' };
    const read = await kpiPackReader(database.db, { ...scope, from: '2023-08' });
    // Every start: the backlog carried over September's tickets, October's solved ones, surveys and calls.
    for (const from of ['2023-08', '2023-09', '2023-10', '2023-11']) {
      expect(await read(from), from).toEqual(await computeKpiPack(database.db, { ...scope, from }));
    }
    const october = await read('2023-10');
    expect(october.trend[0]).toMatchObject({ month: '2023-10', open: 2 });
    expect(october.satisfactionTotal).toEqual({ answers: 2, average: 3 });
    await expect(read('2023-07')).rejects.toThrow(/utenfor perioden/);
  });
});
