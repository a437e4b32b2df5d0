// The equipment API's contract: who may do what (401, 403, a municipality user limited to their own
// municipality), the device import (preview writes nothing, idempotent by serial, a bad row refuses the
// file with its row and column, a saved mapping's headers and labels, XLSX as CSV), the status table over
// HTTP after an import, a stock count and an order, and the refusals of orders and retirement steps.
import ExcelJS from 'exceljs';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, fieldsOf, json } from '../../../test/app.js';
import { deviceUpload, startEquipment, type TEquipmentWorld } from '../equipment-fixture.js';
import { eqDevices, eqDeviceSignIns } from '../schema.js';
import { defaultStatusDate } from '../status.service.js';

let w: TEquipmentWorld;
beforeAll(async () => void (w = await startEquipment()));
afterAll(() => w.database.drop());

/** An Intune-like export for November 2023: two employees' PCs in Molde, a pupil's in Aukra, one not signed in during November. */
const INTUNE = [
  ['Device name', 'Serial number', 'Manufacturer', 'Model', 'Primary user UPN', 'Ownership', 'Kommune', 'Enrolled date', 'Last check-in', 'Purchase date'],
  ['MOL-1', 'abc001', 'Dell', 'Latitude 5440', 'kari@molde.kommune.no', 'Corporate', 'Molde', '01.02.2018', '28.11.2023 08:15', '15.01.2018'],
  ['MOL-2', 'ABC002', 'Lenovo', 'ThinkPad T14', 'ola@molde.kommune.no', 'Corporate', 'Molde', '01.03.2017', '2023-11-02T07:00:00Z', ''],
  ['AUK-1', 'XYZ001', 'Dell', 'Chromebook 3110', '', 'Elev', '1547', '01.08.2016', '13.11.2023 12:00', '01.08.2016'],
  ['MOL-3', 'ABC003', 'Dell', 'Latitude 7420', 'per@molde.kommune.no', 'Corporate', 'Molde', '01.02.2022', '30.09.2023 10:00', '01.02.2022'],
].map((cells) => cells.join(';'));

describe('device import', () => {
  it('refuses the anonymous, the council and municipality users', async () => {
    expect((await json(await w.anon.post('/api/equipment/device-imports/preview', deviceUpload(INTUNE, '2023-11')), 401)).error.code).toBe('unauthorized');
    for (const client of [w.council, w.molde]) {
      expect((await json(await client.post('/api/equipment/device-imports', deviceUpload(INTUNE, '2023-11')), 403)).error.code).toBe('forbidden');
    }
  });

  it('previews without writing, then imports; the same file again adds nothing', async () => {
    const preview = await json(await w.staff.post('/api/equipment/device-imports/preview', deviceUpload(INTUNE, '2023-11')), 200);
    expect(preview).toMatchObject({ month: '2023-11', rows: 4, newDevices: 4, updatedDevices: 0, signedIn: 3, withoutPrimaryUser: 1, withoutPurchaseDate: 1 });
    expect(preview.sample[0]).toMatchObject({ serial: 'ABC001', municipality: 'Molde', category: 'ansatt', signedIn: true, isNew: true });
    expect(preview.sample[2]).toMatchObject({ serial: 'XYZ001', municipality: 'Aukra', category: 'elev', primaryUser: null });
    expect((await w.database.db.select({ n: count() }).from(eqDevices))[0]!.n).toBe(0);

    expect(await json(await w.staff.post('/api/equipment/device-imports', deviceUpload(INTUNE, '2023-11')), 201)).toMatchObject({ newDevices: 4, signedIn: 3 });
    const again = await json(await w.staff.post('/api/equipment/device-imports', deviceUpload(INTUNE, '2023-11')), 201);
    expect(again).toMatchObject({ newDevices: 0, updatedDevices: 4 });
    expect((await w.database.db.select({ n: count() }).from(eqDevices))[0]!.n).toBe(4);
    expect((await w.database.db.select({ n: count() }).from(eqDeviceSignIns).where(eq(eqDeviceSignIns.month, '2023-11-01')))[0]!.n).toBe(3);
  });

  it('refuses a file with a bad row whole, naming the row and column', async () => {
    const bad = await json(await w.staff.post('/api/equipment/device-imports', deviceUpload([
      INTUNE[0]!, 'NEW-1;NEW001;Dell;X;;Corporate;Molde;;28.11.2023;', 'NEW-2;NEW002;Dell;X;;Leasing;Sunndal;31.02.2023;28.11.2023;', 'NEW-3;new001;Dell;X;;Elev;Molde;;;',
    ], '2023-11')), 400);
    expect(bad.error.code).toBe('file_rows');
    expect(fieldsOf(bad)).toEqual(['rows.3.category', 'rows.3.enrolledOn', 'rows.3.municipality', 'rows.4.serial']);
    expect((await w.database.db.select({ n: count() }).from(eqDevices))[0]!.n).toBe(4);
    // A month that is not one is the form's 400.
    expect((await json(await w.staff.post('/api/equipment/device-imports/preview', deviceUpload(INTUNE, '2023-13')), 400)).error.fields.map((f: { path: string }) => f.path)).toEqual(['month']);
  });

  it('follows a saved mapping: own headers, own labels, one municipality per export; 404 for an unknown one', async () => {
    expect((await json(await w.molde.put('/api/equipment/import-mappings/WS1', {}), 403)).error.code).toBe('forbidden');
    await call(w.staff, 'PUT', '/api/equipment/import-mappings/WS1', {
      columns: { serial: 'SN', model: 'Model', category: 'Profil', lastSignInAt: 'Sist sett' }, categories: { 'Lærer-PC': 'ansatt' },
      municipalityId: w.f.ids.rauma,
    }, 200);
    expect((await call(w.staff, 'GET', '/api/equipment/import-mappings', undefined, 200)).mappings.map((m: { source: string }) => m.source)).toEqual(['WS1']);
    const preview = await json(await w.staff.post('/api/equipment/device-imports/preview', deviceUpload(['SN,Model,Profil,Sist sett', 'R-1,Latitude,Lærer-PC,28.11.2023'], '2023-11', 'WS1')), 200);
    expect(preview.sample[0]).toMatchObject({ serial: 'R-1', municipality: 'Rauma', category: 'ansatt', signedIn: true });
    expect((await json(await w.staff.post('/api/equipment/device-imports/preview', deviceUpload(INTUNE, '2023-11', 'Nope')), 404)).error.code).toBe('not_found');
  });

  it('reads an XLSX export as it reads a CSV', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Devices');
    for (const line of ['Serial number;Ownership;Kommune;Last check-in', 'VES001;Corporate;Vestnes;28.11.2023 09:00']) sheet.addRow(line.split(';'));
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const preview = await json(await w.staff.post('/api/equipment/device-imports/preview', deviceUpload(bytes, '2023-11', undefined, 'export.xlsx')), 200);
    expect(preview).toMatchObject({ rows: 1, newDevices: 1, signedIn: 1 });
  });
});

describe('devices and the status table over HTTP', () => {
  it('lists devices with their expiry year; a municipality user sees their own municipality only', async () => {
    const all = await call(w.staff, 'GET', '/api/equipment/devices', undefined, 200);
    expect(all.devices.map((d: { serial: string }) => d.serial)).toEqual(['ABC001', 'ABC002', 'ABC003', 'XYZ001']);
    expect(all.devices[1]).toMatchObject({ serial: 'ABC002', purchasedOn: null, enrolledOn: '2017-03-01', expiryYear: 2022, purchaseAssumed: true });
    const own = await call(w.molde, 'GET', '/api/equipment/devices', undefined, 200);
    expect(own.devices.map((d: { municipality: string }) => d.municipality)).toEqual(['Molde', 'Molde', 'Molde']);
    expect((await json(await w.molde.get(`/api/equipment/devices?municipalityId=${w.f.ids.aukra}`), 403)).error.code).toBe('forbidden');
    expect((await json(await w.council.get('/api/equipment/devices'), 403)).error.code).toBe('forbidden');
    expect((await call(w.staff, 'GET', '/api/equipment/devices?month=2023-11&search=abc', undefined, 200)).total).toBe(2);
  });

  it('computes the table from the import, a stock count and an order underway', async () => {
    await call(w.staff, 'POST', '/api/equipment/stock-counts', { municipalityId: w.f.ids.molde, category: 'ansatt', count: 1, countedOn: '2023-11-20' }, 201);
    const order = await call(w.staff, 'POST', '/api/equipment/orders', { municipalityId: w.f.ids.aukra, category: 'elev', quantity: 3, orderedOn: '2023-11-01' }, 201);
    expect(order).toMatchObject({ state: 'ordered', quantity: 3, revision: 1, steps: [{ state: 'ordered', on: '2023-11-01', actorName: 'Fred Leder' }] });
    const t = await call(w.council, 'GET', '/api/equipment/status?asOf=2023-11-28', undefined, 200);
    const row = (m: string, c: string) => t.rows.find((r: { municipality: string; category: string }) => r.municipality === m && r.category === c);
    // Molde: ABC001 bought 2018 expires 2023; ABC002 enrolled 2017 (assumed) expired 2022; ABC003 not signed in in November.
    expect(row('Molde', 'ansatt')).toMatchObject({ expired: 1, expiring: 1, inStock: 1, orderedNotDelivered: 0, mustOrder: 1, assumedPurchase: 1 });
    expect(row('Aukra', 'elev')).toMatchObject({ expired: 1, expiring: 0, orderedNotDelivered: 3, mustOrder: 0 });
    expect(t.sum).toMatchObject({ expired: 2, expiring: 1, inStock: 1, orderedNotDelivered: 3, mustOrder: 1 });
    // The day before the order it was not underway; the municipality user sees Molde's rows only.
    expect((await call(w.staff, 'GET', '/api/equipment/status?asOf=2023-10-31', undefined, 200)).sum.orderedNotDelivered).toBe(0);
    expect((await call(w.molde, 'GET', '/api/equipment/status?asOf=2023-11-28', undefined, 200)).rows.map((r: { municipality: string }) => r.municipality)).toEqual(['Molde', 'Molde']);
    // Staff may narrow the table to one municipality (its Sum is that municipality's); a municipality user only to their own.
    const aukra = await call(w.staff, 'GET', `/api/equipment/status?asOf=2023-11-28&municipalityId=${w.f.ids.aukra}`, undefined, 200);
    expect(aukra.rows.map((r: { municipality: string }) => r.municipality)).toEqual(['Aukra', 'Aukra']);
    expect(aukra.sum).toMatchObject({ expired: 1, orderedNotDelivered: 3, mustOrder: 0 });
    expect((await call(w.molde, 'GET', `/api/equipment/status?asOf=2023-11-28&municipalityId=${w.f.ids.molde}`, undefined, 200)).sum.expired).toBe(1);
    expect((await json(await w.molde.get(`/api/equipment/status?asOf=2023-11-28&municipalityId=${w.f.ids.aukra}`), 403)).error.code).toBe('forbidden');
    expect(fieldsOf(await json(await w.staff.get('/api/equipment/status?asOf=2023-11-28&municipalityId=x'), 400))).toEqual(['municipalityId']);
    expect(fieldsOf(await json(await w.staff.get('/api/equipment/status?asOf=2023-02-30'), 400))).toEqual(['asOf']);
    expect((await json(await w.anon.get('/api/equipment/status?asOf=2023-11-28'), 401)).error.code).toBe('unauthorized');
  });

  it('opens without a date on the newest imported month: its last day, today within it, today with nothing imported', async () => {
    // The only sign-ins are November 2023's (ABC003's September check-in is outside its export's month).
    const t = await call(w.staff, 'GET', '/api/equipment/status', undefined, 200);
    expect([t.asOf, t.month, t.sum.expired]).toEqual(['2023-11-30', '2023-11', 2]);
    const db = w.database.db;
    expect(await defaultStatusDate(db, { cooperationId: w.f.coop.id, today: '2023-11-15' })).toBe('2023-11-15');
    expect(await defaultStatusDate(db, { cooperationId: '00000000-0000-4000-8000-000000000000', today: '2026-12-07' })).toBe('2026-12-07');
  });
});

describe('orders, stock and retirement refusals', () => {
  it('moves an order forward only, at its revision, and counts the year', async () => {
    const order = await call(w.staff, 'POST', '/api/equipment/orders', { municipalityId: w.f.ids.rauma, category: 'ansatt', quantity: 5, orderedOn: '2023-03-01' }, 201);
    const path = `/api/equipment/orders/${order.id}/steps`;
    expect((await json(await w.staff.post(path, { state: 'rolled_out', on: '2023-04-01', revision: 1 }), 409)).error.code).toBe('conflict');
    expect(fieldsOf(await json(await w.staff.post(path, { state: 'delivered', on: '2023-02-01', revision: 1 }), 400))).toEqual(['on']);
    const delivered = await call(w.staff, 'POST', path, { state: 'delivered', on: '2023-04-01', revision: 1 }, 201);
    expect(delivered).toMatchObject({ state: 'delivered', revision: 2 });
    expect((await json(await w.staff.post(path, { state: 'rolled_out', on: '2023-05-01', revision: 1 }), 409)).error).toMatchObject({ code: 'stale', current: { revision: 2 } });
    await call(w.staff, 'POST', path, { state: 'rolled_out', on: '2023-05-01', revision: 2 }, 201);
    expect((await json(await w.staff.post('/api/equipment/orders/00000000-0000-4000-8000-000000000000/steps', { state: 'delivered', on: '2023-05-01', revision: 1 }), 404)).error.code).toBe('not_found');
    expect((await json(await w.molde.post('/api/equipment/orders', { municipalityId: w.f.ids.molde, category: 'ansatt', quantity: 1, orderedOn: '2023-05-01' }), 403)).error.code).toBe('forbidden');
    expect(await call(w.council, 'GET', '/api/equipment/year-totals?year=2023', undefined, 200)).toMatchObject({ year: 2023, ordered: 8, delivered: 5, rolledOut: 5, inStockAtYearEnd: 1 });
    const moldeOrders = await call(w.molde, 'GET', '/api/equipment/orders', undefined, 200);
    expect(moldeOrders.orders).toEqual([]);
  });

  it('refuses a stock count for a municipality outside the cooperation', async () => {
    const refused = await json(await w.staff.post('/api/equipment/stock-counts', { municipalityId: '00000000-0000-4000-8000-000000000000', category: 'elev', count: 3, countedOn: '2023-11-01' }), 400);
    expect(fieldsOf(refused)).toEqual(['municipalityId']);
  });

  it('retires a device step by step: proof for the wipe, no step before the one before it', async () => {
    const [device] = (await call(w.staff, 'GET', '/api/equipment/devices?search=ABC002', undefined, 200)).devices;
    const path = `/api/equipment/devices/${device.id}/retirement`;
    expect(fieldsOf(await json(await w.staff.post(path, { step: 'wiped', on: '2023-12-02' }), 400))).toEqual(['note']);
    expect((await json(await w.staff.post(path, { step: 'wiped', on: '2023-12-02', note: 'Blancco 77' }), 409)).error.code).toBe('conflict');
    await call(w.staff, 'POST', path, { step: 'returned', on: '2023-12-01' }, 201);
    await call(w.staff, 'POST', path, { step: 'wiped', on: '2023-12-02', note: 'Blancco 77' }, 201);
    expect((await call(w.staff, 'GET', '/api/equipment/devices?search=ABC002', undefined, 200)).devices[0].retirement).toBe('wiped');
    expect((await call(w.staff, 'GET', '/api/equipment/year-totals?year=2023', undefined, 200)).retired).toBe(1);
    expect((await json(await w.staff.post('/api/equipment/devices/00000000-0000-4000-8000-000000000000/retirement', { step: 'returned', on: '2023-12-01' }), 404)).error.code).toBe('not_found');
  });
});

describe('the routes the web forms use: stock counts, orders, retirement one by one and several at once', () => {
  const ZERO = '00000000-0000-4000-8000-000000000000';

  it('stock counts: 401, 403 for the council and municipality users, 400 per field; a municipality user reads their own', async () => {
    const body = { municipalityId: w.f.ids.molde, category: 'ansatt', count: 2, countedOn: '2023-11-25' };
    expect((await json(await w.anon.post('/api/equipment/stock-counts', body), 401)).error.code).toBe('unauthorized');
    expect((await json(await w.anon.get('/api/equipment/stock-counts'), 401)).error.code).toBe('unauthorized');
    for (const client of [w.council, w.molde]) expect((await json(await client.post('/api/equipment/stock-counts', body), 403)).error.code).toBe('forbidden');
    expect((await json(await w.council.get('/api/equipment/stock-counts'), 403)).error.code).toBe('forbidden');
    expect(fieldsOf(await json(await w.staff.post('/api/equipment/stock-counts', { ...body, count: -1, countedOn: '2023-02-30', category: 'x' }), 400)))
      .toEqual(['category', 'count', 'countedOn']);
    const saved = await call(w.staff, 'POST', '/api/equipment/stock-counts', body, 201);
    expect(saved).toMatchObject({ municipality: 'Molde', count: 2, countedOn: '2023-11-25', countedByName: 'Fred Leder' });
    const own = (await call(w.molde, 'GET', '/api/equipment/stock-counts', undefined, 200)).counts;
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((c: { municipality: string }) => c.municipality))).toEqual(new Set(['Molde']));
  });

  it('orders: 401, 400 per field, 403 for a step by a municipality user, 404 for another cooperation\'s or no order', async () => {
    const body = { municipalityId: w.f.ids.vestnes, category: 'elev', quantity: 2, orderedOn: '2023-10-01' };
    expect((await json(await w.anon.post('/api/equipment/orders', body), 401)).error.code).toBe('unauthorized');
    expect(fieldsOf(await json(await w.staff.post('/api/equipment/orders', { ...body, quantity: 0, orderedOn: '' }), 400))).toEqual(['orderedOn', 'quantity']);
    expect(fieldsOf(await json(await w.staff.post('/api/equipment/orders', { ...body, municipalityId: ZERO }), 400))).toEqual(['municipalityId']);
    const order = await call(w.staff, 'POST', '/api/equipment/orders', { ...body, model: 'Chromebook 3120', reference: 'PO-7' }, 201);
    const path = `/api/equipment/orders/${order.id}/steps`;
    expect((await json(await w.anon.post(path, { state: 'delivered', on: '2023-10-02', revision: 1 }), 401)).error.code).toBe('unauthorized');
    expect((await json(await w.molde.post(path, { state: 'delivered', on: '2023-10-02', revision: 1 }), 403)).error.code).toBe('forbidden');
    expect(fieldsOf(await json(await w.staff.post(path, { state: 'ordered', on: '2023-10-02' }), 400))).toEqual(['revision', 'state']);
    const cancelled = await call(w.staff, 'POST', path, { state: 'cancelled', on: '2023-10-02', revision: 1 }, 201);
    expect(cancelled).toMatchObject({ state: 'cancelled', revision: 2, steps: [{ state: 'ordered' }, { state: 'cancelled', actorName: 'Fred Leder' }] });
    expect((await json(await w.staff.post(path, { state: 'delivered', on: '2023-10-03', revision: 2 }), 409)).error.code).toBe('conflict');
  });

  it('retirement: 401 and 403 for one device; several at once all or none, naming the device that refuses', async () => {
    const devices = (await call(w.staff, 'GET', '/api/equipment/devices', undefined, 200)).devices as { id: string; serial: string; retirement: string | null }[];
    const id = (serial: string) => devices.find((d) => d.serial === serial)!.id;
    const one = `/api/equipment/devices/${id('ABC001')}/retirement`;
    expect((await json(await w.anon.post(one, { step: 'returned', on: '2023-12-01' }), 401)).error.code).toBe('unauthorized');
    expect((await json(await w.molde.post(one, { step: 'returned', on: '2023-12-01' }), 403)).error.code).toBe('forbidden');

    const batch = (body: object) => w.staff.post('/api/equipment/retirements', body);
    expect((await json(await w.anon.post('/api/equipment/retirements', { deviceIds: [id('ABC001')], step: 'returned', on: '2023-12-01' }), 401)).error.code).toBe('unauthorized');
    expect((await json(await w.molde.post('/api/equipment/retirements', { deviceIds: [id('ABC001')], step: 'returned', on: '2023-12-01' }), 403)).error.code).toBe('forbidden');
    expect(fieldsOf(await json(await batch({ deviceIds: [], step: 'returned', on: '2023-12-01' }), 400))).toEqual(['deviceIds']);
    expect(fieldsOf(await json(await batch({ deviceIds: [id('ABC001'), id('ABC001')], step: 'returned', on: '2023-12-01' }), 400))).toEqual(['deviceIds']);
    expect(fieldsOf(await json(await batch({ deviceIds: [id('ABC001'), id('XYZ001')], step: 'wiped', on: '2023-12-01' }), 400))).toEqual(['note']);
    expect((await json(await batch({ deviceIds: [id('ABC001'), ZERO], step: 'returned', on: '2023-12-01' }), 404)).error.code).toBe('not_found');
    // ABC002 was returned by the test above: the batch is refused, naming it, and ABC003 is not returned either.
    const refused = await json(await batch({ deviceIds: [id('ABC003'), id('ABC002')], step: 'returned', on: '2023-12-01' }), 409);
    expect(refused.error).toMatchObject({ code: 'conflict' });
    expect(refused.error.message).toContain('ABC002');
    const after = (await call(w.staff, 'GET', '/api/equipment/devices', undefined, 200)).devices as typeof devices;
    expect(after.map((d) => [d.serial, d.retirement])).toEqual([['ABC001', null], ['ABC002', 'wiped'], ['ABC003', null], ['XYZ001', null]]);

    const done = await call(w.staff, 'POST', '/api/equipment/retirements', { deviceIds: [id('ABC001'), id('XYZ001')], step: 'returned', on: '2023-12-05' }, 201);
    expect(done.steps.map((s: { serial: string; step: string }) => `${s.serial} ${s.step}`)).toEqual(['ABC001 returned', 'XYZ001 returned']);
    expect(fieldsOf(await json(await batch({ deviceIds: [id('ABC001'), id('XYZ001')], step: 'wiped', on: '2023-12-04', note: 'Blancco 80' }), 400))).toEqual(['on']);
    await call(w.staff, 'POST', '/api/equipment/retirements', { deviceIds: [id('ABC001'), id('XYZ001')], step: 'wiped', on: '2023-12-06', note: 'Blancco 80–81' }, 201);
    await call(w.staff, 'POST', '/api/equipment/retirements', { deviceIds: [id('ABC001'), id('XYZ001'), id('ABC002')], step: 'recycled', on: '2023-12-07', note: 'RENAS' }, 201);
    const retired = (await call(w.staff, 'GET', '/api/equipment/devices', undefined, 200)).devices as typeof devices;
    expect(retired.map((d) => d.retirement)).toEqual(['recycled', 'recycled', null, 'recycled']);
  });
});
