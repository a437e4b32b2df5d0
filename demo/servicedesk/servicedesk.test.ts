// The service-desk demo: the generator is reproducible and has the seeds' shape (volume, July dip,
// August peak, Hustadvika from November 2022, the named critical and high incidents on their dates),
// and once loaded the KPI pack lists exactly the incidents the papers list, each within its SLA.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/test/db.js';
import { buildKpiPack } from '../../src/modules/servicedesk/kpi.service.js';
import { loadOrganisation } from '../loader/organisation.js';
import { demoActor } from '../load.js';
import { NAMED_INCIDENTS } from './data.js';
import { generateServiceDesk } from './generate.js';
import { demoVolume, loadServiceDeskDemo } from './load.js';

const full = generateServiceDesk({ years: [2022, 2023] });
const month = (d: Date) => d.toISOString().slice(0, 7);

describe('the generator', () => {
  it('gives the same history for the same seed and another for another seed', () => {
    const again = generateServiceDesk({ years: [2022, 2023] });
    expect(again.tickets.slice(0, 50)).toEqual(full.tickets.slice(0, 50));
    expect(again.tickets.length).toBe(full.tickets.length);
    expect(generateServiceDesk({ years: [2023], seed: 7 }).tickets[0]!.id).not.toBe(full.tickets.find((t) => t.createdAt.getUTCFullYear() === 2023)!.id);
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
    }
  });
});

describe('loaded into a database', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    const refs = await database.db.transaction((tx) => loadOrganisation(tx, demoActor));
    await database.db.transaction((tx) => loadServiceDeskDemo(tx, refs, { years: [2023], perYear: 2_000 }));
  });
  afterAll(() => database.drop());

  it('lists exactly the papers’ critical and high incidents for May and October–November 2023, all within SLA', async () => {
    const staff = { id: 'x', email: 'x', name: 'x', role: 'staff' as const, municipalityId: null, personId: null };
    const may = await buildKpiPack(database.db, staff, { from: '2023-05', to: '2023-05' });
    expect(may.criticalAndHigh.map((c) => [c.date, c.municipality, c.title, c.priority, c.slaMet])).toEqual([
      ['2023-05-03', 'Rauma', 'Nettverk nede ved Måndalen skole', 'hoy', true],
      ['2023-05-05', 'Molde', 'Nettverksfeil i parkeringstunell', 'hoy', true],
      ['2023-05-11', 'Molde', 'Tregt nettverk rådhuset', 'hoy', true],
      ['2023-05-16', 'Molde', 'Sensio Pasientvarsling ved Bergmo OMS', 'kritisk', true],
      ['2023-05-24', 'Molde', 'Sensio pasientvarsling ved Nobel OMS', 'kritisk', true],
    ]);
    const autumn = await buildKpiPack(database.db, staff, { from: '2023-10', to: '2023-11' });
    expect(autumn.criticalAndHigh.filter((c) => c.priority === 'kritisk').map((c) => [c.date, c.municipality, c.title, c.slaMet])).toEqual([
      ['2023-11-06', 'Molde', 'SystemX Midsund utilgjengelig', true], ['2023-11-11', 'Hustadvika', 'Gerica mobil fungerer ikke', true],
    ]);
    expect(autumn.trend[0]!.new).toBeGreaterThan(150);
    expect(autumn.phone[0]!.offered).toBeGreaterThan(300);
    expect(autumn.slaAttainmentTotal.percent).toBeGreaterThan(50);
  });

  it('chooses its volume from SAMRAD_DEMO_SERVICEDESK', () => {
    expect(demoVolume('off')).toBeNull();
    expect(demoVolume('full')).toEqual({ years: [2021, 2022, 2023, 2024], perYear: 13_000 });
    expect(demoVolume('small')!.years).toHaveLength(3);
    expect(demoVolume(undefined)).toEqual(demoVolume('full'));
  });
});
