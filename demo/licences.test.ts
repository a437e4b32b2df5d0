// The P360 licences of 2024 in the demo (demo/data/licences-2024.ts, seed 003 2024/M2-007): the month
// view per member against the contract, January far over it and December near it after Hustadvika's
// contract change, and the candidates for removal by December. The figures are the data's pattern
// counted by hand (demo/equipment.ts p360Active), so a change to the service's rules shows here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/test/db.js';
import { systemActor } from '../src/server/context.js';
import { computeLicenceMonth, listLicenceCandidates, listLicenceProducts } from '../src/modules/equipment/licences/licences.service.js';
import { buildEquipment } from '../src/modules/equipment/test-factories.js';
import { loadLicenceDemo } from './equipment.js';

let database: TestDatabase;
let f: Awaited<ReturnType<typeof buildEquipment>>;
let productId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  f = await buildEquipment(database.db);
  ({ productId } = await loadLicenceDemo(database.db, systemActor, { cooperationId: f.coop.id, municipality: f.municipality }));
});
afterAll(() => database.drop());

const month = (m: string, municipalityId: string | null = null) => computeLicenceMonth(database.db, { cooperationId: f.coop.id, productId, month: m, municipalityId });
const figures = (t: Awaited<ReturnType<typeof month>>) => t.rows.map((r) => [r.municipality, r.contracted, r.active, r.listed, r.difference, r.candidates]);

describe('the P360 licences of 2024', () => {
  it('holds Public 360 with its counts from 1.1.2024, Hustadvika\'s change from 1.9.2024, and twelve months', async () => {
    const [product] = await listLicenceProducts(database.db, { cooperationId: f.coop.id, municipalityId: null });
    expect(product).toMatchObject({ name: 'Public 360', inactiveMonths: 4 });
    expect(product!.months).toHaveLength(12);
    expect(product!.months[0]).toBe('2024-12');
    expect(product!.contracts.map((c) => [c.municipality, c.count, c.validFrom])[0]).toEqual(['Hustadvika', 55, '2024-09-01']);
  });

  it('is over the contract in January (315 active users against 270)', async () => {
    const t = await month('2024-01');
    expect(figures(t)).toEqual([
      ['Aukra', 22, 27, 30, 5, 0], ['Molde', 130, 153, 170, 23, 0], ['Rauma', 40, 45, 50, 5, 0], ['Vestnes', 30, 36, 40, 6, 0], ['Hustadvika', 48, 54, 60, 6, 0],
    ]);
    expect(t.sum).toEqual({ contracted: 270, active: 315, listed: 350, difference: 45, candidates: 0 });
  });

  it('in December counts Hustadvika against its new count and lists 70 candidates not signed in for four months or more', async () => {
    const t = await month('2024-12');
    expect(figures(t)).toEqual([
      ['Aukra', 22, 24, 30, 2, 6], ['Molde', 130, 136, 170, 6, 34], ['Rauma', 40, 40, 50, 0, 10], ['Vestnes', 30, 32, 40, 2, 8], ['Hustadvika', 55, 48, 60, -7, 12],
    ]);
    expect(t.sum).toEqual({ contracted: 277, active: 280, listed: 350, difference: 3, candidates: 70 });
    // August had Hustadvika's old count; July is the summer's dip.
    expect((await month('2024-08')).rows.at(-1)).toMatchObject({ contracted: 48, active: 48, difference: 0 });
    expect(t.trend.map((x) => x.active)).toEqual([315, 312, 305, 298, 291, 285, 187, 280, 280, 280, 280, 280]);
    expect(t.trend.map((x) => x.contracted)).toEqual([270, 270, 270, 270, 270, 270, 270, 270, 277, 277, 277, 277]);

    const { candidates } = await listLicenceCandidates(database.db, { cooperationId: f.coop.id, productId, municipalityId: f.ids.molde });
    expect(candidates).toHaveLength(34);
    // User 10 signed in in January and February only; user 5 never has.
    expect(candidates.find((c) => c.user === 'p360.bruker10@molde.demo.samrad.no')).toMatchObject({ lastActiveMonth: '2024-02', inactiveSince: '2024-03', monthsInactive: 10, decision: null });
    expect(candidates.find((c) => c.user === 'p360.bruker5@molde.demo.samrad.no')).toMatchObject({ lastActiveMonth: null, lastSignInOn: null, inactiveSince: '2024-01', monthsInactive: 12 });
  });

  it('gives a municipality user their own row only', async () => {
    const t = await month('2024-12', f.ids.molde);
    expect(figures(t)).toEqual([['Molde', 130, 136, 170, 6, 34]]);
    expect(t.shared).toBeNull();
  });
});
