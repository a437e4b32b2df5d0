// The licence API's contract (issue 13, seed 003 2024/M2-007): who may do what (401, 403, a municipality
// user limited to their own municipality, the council without the named candidates), products and their
// contracted counts from a date (a change is a new count; the same date twice is 409), the usage import
// (preview writes nothing, a bad row refuses the file with its row and column, rows of one user merged,
// the month imported again replaces that product's month and nothing else, a saved mapping, a hostile
// or oversized file refused with 413), the month view against the contract, and the candidates for
// removal with the professional group's decisions (a stale decision 409, a non-candidate 409).
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkbookBomb } from '../../../lib/table-file/test-workbooks.js';
import { call, createTestApp, fieldsOf, json, TestClient } from '../../../test/app.js';
import { startEquipment, type TEquipmentWorld } from '../equipment-fixture.js';
import { eqLicenceImports, eqLicenceUsage } from '../schema.js';
import { PASSWORD } from '../test-factories.js';

let w: TEquipmentWorld;
beforeAll(async () => void (w = await startEquipment()));
afterAll(() => w.database.drop());

const NONE = '00000000-0000-4000-8000-000000000000';
const HEADER = 'UPN;Kommune;Siste pålogging;Pålogginger';
/**
 * June 2024 of P360: in Molde two active (m1 twice in the log, m3 by its count only), m2 idle since
 * January, m4 never signed in; in Aukra two active and a3 idle since December 2023.
 */
const JUNE = [
  HEADER,
  'M1@molde.kommune.no;Molde;10.06.2024 08:00;5', 'm2@molde.kommune.no;Molde;15.01.2024;0', 'm3@molde.kommune.no;Molde;;3',
  'm4@molde.kommune.no;Molde;;0', 'a1@aukra.kommune.no;Aukra;03.06.2024;1', 'a2@aukra.kommune.no;1547;2024-06-28T09:00:00Z;4',
  'a3@aukra.kommune.no;Aukra;01.12.2023;0', 'm1@molde.kommune.no;Molde;20.06.2024;2',
];

function licenceUpload(lines: string[] | Uint8Array, o: { productId: string; month: string; source?: string; filename?: string }) {
  const form = new FormData();
  const bytes = Array.isArray(lines) ? new TextEncoder().encode(lines.join('\n')) : lines;
  form.set('file', new File([bytes as BlobPart], o.filename ?? 'p360.csv'));
  form.set('productId', o.productId);
  form.set('month', o.month);
  if (o.source) form.set('source', o.source);
  return form;
}

let p360: { id: string; revision: number };
let visma: { id: string };

describe('products and contracts', () => {
  it('refuses the anonymous, the council and municipality users; 400 on bad input', async () => {
    expect((await json(await w.anon.post('/api/equipment/licence-products', { name: 'Public 360' }), 401)).error.code).toBe('unauthorized');
    for (const client of [w.council, w.molde]) {
      expect((await json(await client.post('/api/equipment/licence-products', { name: 'Public 360' }), 403)).error.code).toBe('forbidden');
    }
    expect(fieldsOf(await json(await w.staff.post('/api/equipment/licence-products', { name: ' ', inactiveMonths: 0 }), 400))).toEqual(['inactiveMonths', 'name']);
  });

  it('creates a product (four months by default), refuses its name twice, and changes it at its revision', async () => {
    const made = await call(w.staff, 'POST', '/api/equipment/licence-products', { name: 'Public 360' }, 201);
    expect(made).toMatchObject({ name: 'Public 360', inactiveMonths: 4, revision: 1, contracts: [], months: [] });
    expect((await json(await w.staff.post('/api/equipment/licence-products', { name: 'Public 360' }), 409)).error.fields).toEqual([{ path: 'name', message: 'Det finnes allerede et lisensprodukt med dette navnet' }]);
    const changed = await call(w.staff, 'PATCH', `/api/equipment/licence-products/${made.id}`, { inactiveMonths: 3, revision: 1 }, 200);
    expect(changed).toMatchObject({ inactiveMonths: 3, revision: 2 });
    expect((await json(await w.staff.patch(`/api/equipment/licence-products/${made.id}`, { inactiveMonths: 5, revision: 1 }), 409)).error).toMatchObject({ code: 'stale', current: { revision: 2 } });
    expect((await json(await w.staff.patch(`/api/equipment/licence-products/${NONE}`, { inactiveMonths: 5, revision: 1 }), 404)).error.code).toBe('not_found');
    // The web's edit form: 401, 403 for the council and municipality users, 400 per field; nothing changed.
    expect((await json(await w.anon.patch(`/api/equipment/licence-products/${made.id}`, { inactiveMonths: 5, revision: 2 }), 401)).error.code).toBe('unauthorized');
    for (const client of [w.council, w.molde]) {
      expect((await json(await client.patch(`/api/equipment/licence-products/${made.id}`, { inactiveMonths: 5, revision: 2 }), 403)).error.code).toBe('forbidden');
    }
    expect(fieldsOf(await json(await w.staff.patch(`/api/equipment/licence-products/${made.id}`, { name: ' ', inactiveMonths: 25 }), 400))).toEqual(['inactiveMonths', 'name', 'revision']);
    p360 = changed;
    visma = await call(w.staff, 'POST', '/api/equipment/licence-products', { name: 'Visma Flyt', inactiveMonths: 6 }, 201);
  });

  it('records counts per municipality and shared, each from a date; the same date twice is 409', async () => {
    const path = `/api/equipment/licence-products/${p360.id}/contracts`;
    await call(w.staff, 'POST', path, { municipalityId: w.f.ids.molde, count: 1, validFrom: '2024-01-01' }, 201);
    await call(w.staff, 'POST', path, { municipalityId: null, count: 1, validFrom: '2024-01-01' }, 201);
    // The contract changes from July: a new count from its date.
    const product = await call(w.staff, 'POST', path, { municipalityId: w.f.ids.molde, count: 3, validFrom: '2024-07-01' }, 201);
    expect(product.contracts.map((c: { municipality: string | null; count: number; validFrom: string }) => [c.municipality, c.count, c.validFrom]))
      .toEqual([['Molde', 3, '2024-07-01'], [null, 1, '2024-01-01'], ['Molde', 1, '2024-01-01']]);
    expect(product.contracts[0]).toMatchObject({ recordedByName: 'Fred Leder' });
    expect((await json(await w.staff.post(path, { municipalityId: w.f.ids.molde, count: 4, validFrom: '2024-07-01' }), 409)).error.fields.map((f: { path: string }) => f.path)).toEqual(['validFrom']);
    expect(fieldsOf(await json(await w.staff.post(path, { municipalityId: NONE, count: 4, validFrom: '2024-08-01' }), 400))).toEqual(['municipalityId']);
    expect(fieldsOf(await json(await w.staff.post(path, { municipalityId: null, count: -1, validFrom: '2024-02-30' }), 400))).toEqual(['count', 'validFrom']);
    expect((await json(await w.staff.post(`/api/equipment/licence-products/${NONE}/contracts`, { municipalityId: null, count: 4, validFrom: '2024-08-01' }), 404)).error.code).toBe('not_found');
    expect((await json(await w.molde.post(path, { municipalityId: null, count: 4, validFrom: '2024-08-01' }), 403)).error.code).toBe('forbidden');
    // A municipality user reads their own counts and the shared one.
    const own = await call(w.aukra, 'GET', '/api/equipment/licence-products', undefined, 200);
    expect(own.products.find((p: { name: string }) => p.name === 'Public 360').contracts.map((c: { municipality: string | null }) => c.municipality)).toEqual([null]);
  });
});

describe('the usage import', () => {
  it('refuses the anonymous, the council and municipality users', async () => {
    expect((await json(await w.anon.post('/api/equipment/licence-imports/preview', licenceUpload(JUNE, { productId: p360.id, month: '2024-06' })), 401)).error.code).toBe('unauthorized');
    for (const client of [w.council, w.molde]) {
      expect((await json(await client.post('/api/equipment/licence-imports', licenceUpload(JUNE, { productId: p360.id, month: '2024-06' })), 403)).error.code).toBe('forbidden');
    }
  });

  it('previews without writing, merging the rows of one user, then imports', async () => {
    const preview = await json(await w.staff.post('/api/equipment/licence-imports/preview', licenceUpload(JUNE, { productId: p360.id, month: '2024-06' })), 200);
    expect(preview).toMatchObject({ product: 'Public 360', month: '2024-06', rows: 8, users: 7, active: 4, inactive: 3, replaces: null });
    expect(preview.municipalities).toEqual([
      { municipalityId: w.f.ids.aukra, municipality: 'Aukra', users: 3, active: 2 }, { municipalityId: w.f.ids.molde, municipality: 'Molde', users: 4, active: 2 },
    ]);
    expect(preview.sample[0]).toEqual({ row: 2, user: 'm1@molde.kommune.no', municipality: 'Molde', signIns: 7, lastSignInOn: '2024-06-20', active: true });
    expect(preview.sample[2]).toMatchObject({ user: 'm3@molde.kommune.no', signIns: 3, lastSignInOn: null, active: true });
    expect((await w.database.db.select({ n: count() }).from(eqLicenceUsage))[0]!.n).toBe(0);
    expect(await call(w.staff, 'POST', '/api/equipment/licence-imports', licenceUpload(JUNE, { productId: p360.id, month: '2024-06' }), 201)).toMatchObject({ users: 7, active: 4 });
    expect((await w.database.db.select({ n: count() }).from(eqLicenceUsage))[0]!.n).toBe(7);
  });

  it('refuses a file with bad rows whole, naming each row and column', async () => {
    const bad = await json(await w.staff.post('/api/equipment/licence-imports', licenceUpload([
      HEADER, 'x1@molde.kommune.no;Sunndal;01.06.2024;1', 'x2@molde.kommune.no;Molde;31.06.2024;1', 'x3@molde.kommune.no;Molde;02.07.2024;1',
      'x4@molde.kommune.no;Molde;01.06.2024;mange', ';Molde;01.06.2024;1', 'x\u0007@molde.kommune.no;Molde;;1', 'x1@molde.kommune.no;Aukra;;1',
    ], { productId: p360.id, month: '2024-06' })), 400);
    expect(bad.error).toMatchObject({ code: 'file_rows', issueCount: 6 });
    expect(fieldsOf(bad)).toEqual(['rows.2.municipality', 'rows.3.lastSignIn', 'rows.4.lastSignIn', 'rows.5.signIns', 'rows.6.user', 'rows.7.user']);
    expect(bad.error.issues.find((i: { row: number }) => i.row === 4).message).toContain('er etter måneden');
    // Nothing moved: June is still the import before.
    expect((await w.database.db.select({ n: count() }).from(eqLicenceUsage))[0]!.n).toBe(7);
    // The form's own 400s, an unknown product 404, a month in the future 400.
    expect(fieldsOf(await json(await w.staff.post('/api/equipment/licence-imports/preview', licenceUpload(JUNE, { productId: p360.id, month: '2024-13' })), 400))).toEqual(['month']);
    expect(fieldsOf(await json(await w.staff.post('/api/equipment/licence-imports/preview', licenceUpload(JUNE, { productId: 'x', month: '2024-06' })), 400))).toEqual(['productId']);
    expect((await json(await w.staff.post('/api/equipment/licence-imports/preview', licenceUpload(JUNE, { productId: NONE, month: '2024-06' })), 404)).error.code).toBe('not_found');
    expect(fieldsOf(await json(await w.staff.post('/api/equipment/licence-imports/preview', licenceUpload(JUNE, { productId: p360.id, month: '2099-01' })), 400))).toEqual(['month']);
    expect((await json(await w.staff.post('/api/equipment/licence-imports/preview', licenceUpload(JUNE, { productId: p360.id, month: '2024-06', source: 'Nope' })), 404)).error.code).toBe('not_found');
  });

  it('replaces only that product\'s month when the month is imported again; the same file twice changes nothing', async () => {
    await call(w.staff, 'POST', '/api/equipment/licence-imports', licenceUpload([HEADER, 'm1@molde.kommune.no;Molde;02.05.2024;1'], { productId: p360.id, month: '2024-05' }), 201);
    await call(w.staff, 'POST', '/api/equipment/licence-imports', licenceUpload([HEADER, 'v1@molde.kommune.no;Molde;02.06.2024;1'], { productId: visma.id, month: '2024-06' }), 201);
    const again = await call(w.staff, 'POST', '/api/equipment/licence-imports/preview', licenceUpload(JUNE, { productId: p360.id, month: '2024-06' }), 200);
    expect(again.replaces).toMatchObject({ filename: 'p360.csv', users: 7, active: 4, importedByName: 'Fred Leder' });
    await call(w.staff, 'POST', '/api/equipment/licence-imports', licenceUpload(JUNE, { productId: p360.id, month: '2024-06' }), 201);
    const usage = async (productId: string, month: string) => (await w.database.db.select({ n: count() }).from(eqLicenceUsage)
      .where(and(eq(eqLicenceUsage.productId, productId), eq(eqLicenceUsage.month, `${month}-01`))))[0]!.n;
    expect([await usage(p360.id, '2024-06'), await usage(p360.id, '2024-05'), await usage(visma.id, '2024-06')]).toEqual([7, 1, 1]);
    // A smaller file for June replaces June whole, and leaves May and the other product's June alone.
    await call(w.staff, 'POST', '/api/equipment/licence-imports', licenceUpload([HEADER, 'm1@molde.kommune.no;Molde;02.06.2024;1'], { productId: p360.id, month: '2024-06' }), 201);
    expect([await usage(p360.id, '2024-06'), await usage(p360.id, '2024-05'), await usage(visma.id, '2024-06')]).toEqual([1, 1, 1]);
    expect((await w.database.db.select({ n: count() }).from(eqLicenceImports))[0]!.n).toBe(3);
    // Back to the full June for the tests below.
    await call(w.staff, 'POST', '/api/equipment/licence-imports', licenceUpload(JUNE, { productId: p360.id, month: '2024-06' }), 201);
    expect((await call(w.staff, 'GET', '/api/equipment/licence-products', undefined, 200)).products.find((p: { name: string }) => p.name === 'Public 360').months).toEqual(['2024-06', '2024-05']);
  });

  it('follows a saved mapping: its own headers, one municipality per export', async () => {
    expect((await json(await w.molde.put('/api/equipment/licence-import-mappings/P360', {}), 403)).error.code).toBe('forbidden');
    expect((await json(await w.anon.put('/api/equipment/licence-import-mappings/P360', {}), 401)).error.code).toBe('unauthorized');
    // A blank source (the web sends one for an empty field) is the field's 400.
    expect(new Set(fieldsOf(await json(await w.staff.put('/api/equipment/licence-import-mappings/%20', {}), 400)))).toEqual(new Set(['source']));
    expect(fieldsOf(await json(await w.staff.put('/api/equipment/licence-import-mappings/P360', { municipalityId: NONE }), 400))).toEqual(['municipalityId']);
    await call(w.staff, 'PUT', '/api/equipment/licence-import-mappings/P360', { columns: { user: 'Brukernavn', signIns: 'Antall' }, municipalityId: w.f.ids.rauma }, 200);
    expect((await call(w.staff, 'GET', '/api/equipment/licence-import-mappings', undefined, 200)).mappings.map((m: { source: string }) => m.source)).toEqual(['P360']);
    const preview = await call(w.staff, 'POST', '/api/equipment/licence-imports/preview', licenceUpload(['Brukernavn,Antall', 'R1@rauma.kommune.no,0', 'r2@rauma.kommune.no,2'], { productId: p360.id, month: '2024-06', source: 'P360' }), 200);
    expect(preview).toMatchObject({ users: 2, active: 1, municipalities: [{ municipality: 'Rauma', users: 2, active: 1 }] });
    // A mapping's header that the file lacks is the header row's error.
    const refused = await json(await w.staff.post('/api/equipment/licence-imports/preview', licenceUpload([HEADER, JUNE[1]!], { productId: p360.id, month: '2024-06', source: 'P360' })), 400);
    expect(fieldsOf(refused)).toEqual(['rows.1.signIns', 'rows.1.user']);
  });

  it('refuses a workbook bomb, a file over MAX_IMPORT_BYTES and one over IMPORT_MAX_ROWS with 413, writing nothing', async () => {
    const before = (await w.database.db.select({ n: count() }).from(eqLicenceUsage))[0]!.n;
    const bomb = await buildWorkbookBomb(100);
    for (const path of ['/api/equipment/licence-imports/preview', '/api/equipment/licence-imports']) {
      const refused = await json(await w.staff.post(path, licenceUpload(bomb, { productId: p360.id, month: '2024-06', filename: 'p360.xlsx' })), 413);
      expect(refused.error.message).toMatch(/pakker seg ut til 100 MB/);
    }
    const small = await new TestClient(createTestApp(w.database.db, { MAX_IMPORT_BYTES: String(4096), IMPORT_MAX_ROWS: '10' })).login('leder@ror.no', PASSWORD);
    const big = await json(await small.post('/api/equipment/licence-imports', licenceUpload([HEADER, ...Array.from({ length: 200 }, (_, i) => `u${i}@molde.kommune.no;Molde;;1`)], { productId: p360.id, month: '2024-06' })), 413);
    expect(big.error).toMatchObject({ code: 'too_large', message: 'Filen er for stor; største tillatte størrelse for importfiler er 4 kB' });
    const long = await json(await small.post('/api/equipment/licence-imports', licenceUpload([HEADER, ...Array.from({ length: 11 }, (_, i) => `u${i}@molde.kommune.no;Molde;;1`)], { productId: p360.id, month: '2024-06' })), 413);
    expect(long.error.message).toBe('Filen har mer enn 10 rader; høyst 10 rader leses i én import. Del den opp.');
    expect((await w.database.db.select({ n: count() }).from(eqLicenceUsage))[0]!.n).toBe(before);
  });
});

describe('the month view and the candidates for removal', () => {
  it('sets June\'s active users against the contract per municipality, the shared count and the Sum', async () => {
    const m = await call(w.council, 'GET', `/api/equipment/licence-products/${p360.id}/month?month=2024-06`, undefined, 200);
    expect(m).toMatchObject({ product: 'Public 360', month: '2024-06', inactiveMonths: 3 });
    const row = (name: string) => m.rows.find((r: { municipality: string }) => r.municipality === name);
    // Molde: 2 active against its own 1 (July's 3 is not yet in force); m2 idle five months, m4 listed one month only.
    expect(row('Molde')).toEqual({ municipalityId: w.f.ids.molde, municipality: 'Molde', inShared: false, contracted: 1, active: 2, listed: 4, difference: 1, candidates: 1 });
    expect(row('Aukra')).toMatchObject({ inShared: true, contracted: null, active: 2, listed: 3, difference: null, candidates: 1 });
    expect(m.shared).toEqual({ contracted: 1, active: 2, listed: 3, difference: 1, candidates: 1 });
    expect(m.sum).toEqual({ contracted: 2, active: 4, listed: 7, difference: 2, candidates: 2 });
    expect(m.trend.at(-1)).toEqual({ month: '2024-06', active: 4, contracted: 2 });
    expect(m.trend.at(-2)).toEqual({ month: '2024-05', active: 1, contracted: 2 });
    expect(m.trend[0]).toEqual({ month: '2023-07', active: null, contracted: null });
    // Without a month: the newest imported.
    expect((await call(w.staff, 'GET', `/api/equipment/licence-products/${p360.id}/month`, undefined, 200)).month).toBe('2024-06');
  });

  it('limits a municipality user to their own row, and refuses another municipality, a bad month and an unknown product', async () => {
    const own = await call(w.molde, 'GET', `/api/equipment/licence-products/${p360.id}/month?month=2024-06`, undefined, 200);
    expect(own.rows.map((r: { municipality: string }) => r.municipality)).toEqual(['Molde']);
    expect(own.shared).toBeNull();
    expect(own.sum).toEqual({ contracted: 1, active: 2, listed: 4, difference: 1, candidates: 1 });
    expect((await json(await w.molde.get(`/api/equipment/licence-products/${p360.id}/month?municipalityId=${w.f.ids.aukra}`), 403)).error.code).toBe('forbidden');
    expect((await json(await w.anon.get(`/api/equipment/licence-products/${p360.id}/month`), 401)).error.code).toBe('unauthorized');
    expect(fieldsOf(await json(await w.staff.get(`/api/equipment/licence-products/${p360.id}/month?month=2024-6`), 400))).toEqual(['month']);
    expect((await json(await w.staff.get(`/api/equipment/licence-products/${NONE}/month`), 404)).error.code).toBe('not_found');
  });

  it('lists the candidates: staff all, a municipality user their own, the council none by name', async () => {
    const all = await call(w.staff, 'GET', `/api/equipment/licence-products/${p360.id}/candidates`, undefined, 200);
    expect(all).toMatchObject({ month: '2024-06', inactiveMonths: 3 });
    expect(all.candidates).toEqual([
      { user: 'a3@aukra.kommune.no', municipalityId: w.f.ids.aukra, municipality: 'Aukra', lastActiveMonth: '2023-12', lastSignInOn: '2023-12-01', inactiveSince: '2024-01', monthsInactive: 6, decision: null },
      { user: 'm2@molde.kommune.no', municipalityId: w.f.ids.molde, municipality: 'Molde', lastActiveMonth: '2024-01', lastSignInOn: '2024-01-15', inactiveSince: '2024-02', monthsInactive: 5, decision: null },
    ]);
    expect((await call(w.molde, 'GET', `/api/equipment/licence-products/${p360.id}/candidates`, undefined, 200)).candidates.map((c: { user: string }) => c.user)).toEqual(['m2@molde.kommune.no']);
    expect((await json(await w.council.get(`/api/equipment/licence-products/${p360.id}/candidates`), 403)).error.code).toBe('forbidden');
    // Six months for Visma: its one user signed in in June, so none.
    expect((await call(w.staff, 'GET', `/api/equipment/licence-products/${visma.id}/candidates`, undefined, 200)).candidates).toEqual([]);
  });

  it('records the group\'s decision with who and when; a second needs the revision; a non-candidate is 409', async () => {
    const path = `/api/equipment/licence-products/${p360.id}/decisions`;
    expect((await json(await w.molde.put(path, { user: 'm2@molde.kommune.no', decision: 'keep' }), 403)).error.code).toBe('forbidden');
    expect((await json(await w.anon.put(path, { user: 'm2@molde.kommune.no', decision: 'keep' }), 401)).error.code).toBe('unauthorized');
    expect(fieldsOf(await json(await w.staff.put(path, { user: '', decision: 'maybe' }), 400))).toEqual(['decision', 'user']);
    const kept = await call(w.staff, 'PUT', path, { user: 'A3@aukra.kommune.no', decision: 'keep', comment: 'Har tatt e-læringskurset' }, 200);
    expect(kept).toMatchObject({ user: 'a3@aukra.kommune.no', decision: { decision: 'keep', comment: 'Har tatt e-læringskurset', month: '2024-06', decidedByName: 'Fred Leder', revision: 1 } });
    expect(Date.parse(kept.decision.decidedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect((await json(await w.staff.put(path, { user: 'a3@aukra.kommune.no', decision: 'remove' }), 409)).error).toMatchObject({ code: 'stale', current: { revision: 1 } });
    expect((await call(w.staff, 'PUT', path, { user: 'a3@aukra.kommune.no', decision: 'remove', comment: null, revision: 1 }, 200)).decision).toMatchObject({ decision: 'remove', revision: 2 });
    expect((await json(await w.staff.put(path, { user: 'm1@molde.kommune.no', decision: 'remove' }), 409)).error.code).toBe('conflict');
    expect((await json(await w.staff.put(`/api/equipment/licence-products/${NONE}/decisions`, { user: 'm2@molde.kommune.no', decision: 'keep' }), 404)).error.code).toBe('not_found');
    const listed = await call(w.staff, 'GET', `/api/equipment/licence-products/${p360.id}/candidates`, undefined, 200);
    expect(listed.candidates.map((c: { user: string; decision: { decision: string } | null }) => [c.user, c.decision?.decision ?? null]))
      .toEqual([['a3@aukra.kommune.no', 'remove'], ['m2@molde.kommune.no', null]]);
  });

  it('takes a candidate off the list once they sign in, and July counts against the new contract', async () => {
    await call(w.staff, 'POST', '/api/equipment/licence-imports', licenceUpload([
      HEADER, 'm1@molde.kommune.no;Molde;01.07.2024;1', 'm2@molde.kommune.no;Molde;15.01.2024;0', 'a3@aukra.kommune.no;Aukra;04.07.2024;1',
    ], { productId: p360.id, month: '2024-07' }), 201);
    const july = await call(w.staff, 'GET', `/api/equipment/licence-products/${p360.id}/candidates`, undefined, 200);
    expect(july.candidates.map((c: { user: string; monthsInactive: number }) => [c.user, c.monthsInactive])).toEqual([['m2@molde.kommune.no', 6]]);
    const m = await call(w.staff, 'GET', `/api/equipment/licence-products/${p360.id}/month?month=2024-07`, undefined, 200);
    expect(m.rows.find((r: { municipality: string }) => r.municipality === 'Molde')).toMatchObject({ contracted: 3, active: 1, difference: -2 });
  });
});
