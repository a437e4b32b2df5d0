// The equipment demo gives seed 000's PC table per 28.11.2023 figure by figure, Sum row included, and
// the table of another date moves as the data says (August has fewer old PCs signed in; a retired PC
// drops out from its return on; a longer lifecycle rule turns expired PCs into current ones).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/test/db.js';
import { systemActor } from '../src/server/context.js';
import { computeStatusTable } from '../src/modules/equipment/status.service.js';
import { listDevices, recordRetirementStep } from '../src/modules/equipment/devices.service.js';
import { setLifecycleRule } from '../src/modules/equipment/lifecycle.service.js';
import { buildEquipment } from '../src/modules/equipment/test-factories.js';
import { loadEquipmentDemo, PC_STATUS_DATE } from './equipment.js';
import { registerReportBlocks } from '../src/server/report-blocks.js';
import { loadBlockLive } from '../src/modules/reports/blocks.service.js';

let database: TestDatabase;
let f: Awaited<ReturnType<typeof buildEquipment>>;

beforeAll(async () => {
  database = await createTestDatabase();
  f = await buildEquipment(database.db);
  await loadEquipmentDemo(database.db, systemActor, { cooperationId: f.coop.id, municipality: f.municipality });
});
afterAll(() => database.drop());

/** Seed 000 §2.1.1 as printed (with the OCR repairs demo/equipment.ts explains). */
const SEED = [
  ['Aukra', 'ansatt', 10, 10, 25, 0, 0], ['Aukra', 'elev', 300, 12, 4, 0, 308],
  ['Molde', 'ansatt', 12, 9, 253, 9, 0], ['Molde', 'elev', 37, 0, 25, 0, 12],
  ['Rauma', 'ansatt', 31, 73, 7, 0, 97], ['Rauma', 'elev', 18, 54, 0, 20, 52],
  ['Vestnes', 'ansatt', 3, 39, 0, 1, 41], ['Vestnes', 'elev', 19, 53, 0, 0, 72],
  ['Hustadvika', 'ansatt', 127, 58, 6, 0, 179], ['Hustadvika', 'elev', 241, 180, 0, 0, 421],
];

describe('the PC status table per 28.11.2023', () => {
  it('is seed 000 figure by figure, with its Sum row and per-municipality column', async () => {
    const t = await computeStatusTable(database.db, { cooperationId: f.coop.id, asOf: PC_STATUS_DATE, municipalityId: null });
    expect(t).toMatchObject({ month: '2023-11', lastYear: 2022, thisYear: 2023 });
    expect(t.rows.map((r) => [r.municipality, r.category, r.expired, r.expiring, r.inStock, r.orderedNotDelivered, r.mustOrder])).toEqual(SEED);
    expect(t.sum).toMatchObject({ expired: 798, expiring: 488, inStock: 320, orderedNotDelivered: 30, mustOrder: 1182 });
    expect(t.municipalities.map((m) => [m.municipality, m.mustOrder])).toEqual([['Aukra', 308], ['Molde', 12], ['Rauma', 149], ['Vestnes', 113], ['Hustadvika', 600]]);
    // Every tenth expired PC has no purchase date: the rule's assumption, counted.
    expect(t.rows[1]!.assumedPurchase).toBe(30);
    expect(t.rows.every((r) => r.stockCountedOn === PC_STATUS_DATE)).toBe(true);
  });

  it('is the report block equipment.pc-status, as the paper prints it', async () => {
    registerReportBlocks();
    const data = await loadBlockLive(database.db, { cooperationId: f.coop.id, asOf: PC_STATUS_DATE }, { type: 'equipment.pc-status', params: {} });
    const [table] = data.tables;
    expect(data.title).toBe('Status pr. 28.11.2023');
    expect(table!.columns.map((c) => c.label)).toEqual(['Kommune', 'Kategori', 'Utgått 2022', 'Utgår 2023', 'På lager 28.11', 'Bestilt ikke levert', 'Må bestilles', 'Må bestilles, kommunen']);
    expect(table!.rows[0]!.cells).toEqual(['Aukra', 'Ansatt', '10', '10', '25', '0', '0', '308']);
    expect(table!.rows[1]!.cells).toEqual(['', 'Elev', '300', '12', '4', '0', '308', '']);
    expect(table!.rows.at(-1)).toEqual({ cells: ['Sum', '', '798', '488', '320', '30', '1\u202f182', '1\u202f182'], sum: true });
    const totals = await loadBlockLive(database.db, { cooperationId: f.coop.id, asOf: '2023-12-31' }, { type: 'equipment.year-totals', params: {} });
    expect(totals.tables[0]!.rows.map((r) => r.cells)).toEqual([
      ['Bestilt', '0', '0', '455'], ['Levert', '0', '0', '425'], ['Utlevert', '0', '0', '425'], ['På lager ved årets slutt', '0', '0', '320'], ['Utrangert (innlevert)', '0', '0', '0'],
    ]);
  });

  it('limits a municipality user to their own rows', async () => {
    const t = await computeStatusTable(database.db, { cooperationId: f.coop.id, asOf: PC_STATUS_DATE, municipalityId: f.ids.molde });
    expect(t.rows.map((r) => r.municipality)).toEqual(['Molde', 'Molde']);
    expect(t.sum.mustOrder).toBe(12);
  });

  it('reads another month as it stood: August has fewer PCs signed in, no stock count yet, no orders underway', async () => {
    const t = await computeStatusTable(database.db, { cooperationId: f.coop.id, asOf: '2023-08-31', municipalityId: null });
    expect(t.sum.expired).toBeLessThan(798);
    expect(t.sum.expired).toBeGreaterThan(600);
    expect(t.sum).toMatchObject({ inStock: 0, orderedNotDelivered: 0 });
    expect(t.rows.every((r) => r.stockCountedOn === null)).toBe(true);
  });

  it('drops a PC from its return on, and follows a changed lifecycle rule', async () => {
    const { devices } = await listDevices(database.db, { cooperationId: f.coop.id, municipalityId: f.ids.rauma, category: 'ansatt', search: 'RAU-AU0001', limit: 10, offset: 0 });
    expect(devices).toHaveLength(1);
    expect(devices[0]).toMatchObject({ expiryYear: 2021, purchaseAssumed: false, retirement: null });
    await recordRetirementStep(database.db, systemActor, { cooperationId: f.coop.id, deviceId: devices[0]!.id, step: 'returned', on: '2023-11-29', note: null });
    const rauma = async (asOf: string) => (await computeStatusTable(database.db, { cooperationId: f.coop.id, asOf, municipalityId: f.ids.rauma })).rows[0]!;
    expect((await rauma('2023-11-28')).expired).toBe(31);
    expect((await rauma('2023-11-30')).expired).toBe(30);
    await setLifecycleRule(database.db, systemActor, { cooperationId: f.coop.id, municipalityId: f.ids.rauma, category: 'ansatt', years: 6, whenPurchaseMissing: 'enrolled' });
    // Six years: bought 2017 expires 2023 (was 2022), 2018 expires 2024 (no longer this year).
    const six = await rauma('2023-11-28');
    expect(six.expired + six.expiring).toBeLessThan(31 + 73);
    expect(six.expiring).toBeGreaterThan(0);
  });
});
