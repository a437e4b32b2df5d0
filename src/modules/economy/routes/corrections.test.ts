// Contract tests of correcting and deleting forecasts, budget revisions and manual actuals: 401, 400 with
// the field, 403, 404, 409 at a stale version, every refusal leaves the row as it was, every change is
// audited, and the report follows the correction. Each test makes the entries it works on, in a year of
// its own where it counts or lists them, so it holds whichever tests ran before it (--sequence.shuffle).
import { and, asc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/app.js';
import { auditLog } from '../../audit/schema.js';
import { createCooperation } from '../../org/cooperations.service.js';
import { systemActor } from '../../../server/context.js';
import { actuals, budgetRevisions, forecasts } from '../schema.js';
import { buildLine } from '../test-factories.js';
import { SALARIES, startEconomy, type TEconomyStart } from '../economy-fixture.js';
import { commitLedgerImport } from '../ledger-import.service.js';

let e: TEconomyStart<'lonn' | 'konsulenter'>;
let otherCoopLine: string;

beforeAll(async () => {
  e = await startEconomy({}, { lonn: SALARIES, konsulenter: { name: 'Konsulenter' } });
  const other = await createCooperation(e.database.db, systemActor, { name: 'Annet IKT', shortName: 'ANNET', hostMunicipalityId: e.world.molde, founded: null });
  otherCoopLine = (await buildLine(e.database.db, { cooperationId: other.id, name: 'Lønn' })).id;
});
afterAll(() => e.database.drop());


const lonnReport = async (asOf = '2023-12-01') =>
  (await call(e.council, 'GET', `/api/economy/${asOf.slice(0, 4)}/report?asOf=${asOf}`, undefined, 200)).operating.rows.find((r: { name: string }) => r.name === 'Lønn');
const audits = async (entity: string, entityId: string) =>
  (await e.database.db.select().from(auditLog).where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId))).orderBy(asc(auditLog.id))).map((a) => a.action);

describe('forecasts', () => {
  it('corrects a forecast at the version read; a stale version gets 409 and changes nothing', async () => {
    await call(e.staff, 'PUT', '/api/economy/2023/budgets', { lineId: e.lines.lonn, amountOre: 29_000_000_00 }, 200);
    const created = await call(e.staff, 'POST', '/api/economy/2023/forecasts', { lineId: e.lines.lonn, date: '2023-12-01', amountOre: 2_878_260_00, comment: 'tastefeil' }, 201);
    expect(created.version).toMatch(/^[0-9a-f]{20}$/);
    const listed = (await call(e.council, 'GET', '/api/economy/2023/forecasts', undefined, 200)).forecasts[0];
    expect(listed.version).toBe(created.version);
    expect((await lonnReport()).figures.forecast).toBe(2_878);

    const path = `/api/economy/forecasts/${created.id}`;
    await call(e.anon, 'PATCH', path, { version: created.version, amountOre: 1 }, 401);
    await call(e.council, 'PATCH', path, { version: created.version, amountOre: 1 }, 403);
    const noVersion = await call(e.staff, 'PATCH', path, { amountOre: 1 }, 400);
    expect(noVersion.error.fields[0].path).toBe('version');
    const float = await call(e.staff, 'PATCH', path, { version: created.version, amountOre: 1.5 }, 400);
    expect(float.error.fields[0].path).toBe('amountOre');
    const badDate = await call(e.staff, 'PATCH', path, { version: created.version, date: '2023-02-30' }, 400);
    expect(badDate.error.fields[0].path).toBe('date');
    const nothing = await call(e.staff, 'PATCH', path, { version: created.version }, 400);
    expect(nothing.error.fields[0].message).toBe('Ingen endringer');
    const otherLine = await call(e.staff, 'PATCH', path, { version: created.version, lineId: otherCoopLine }, 400);
    expect(otherLine.error.fields[0].path).toBe('lineId');
    await call(e.staff, 'PATCH', `/api/economy/forecasts/${randomUUID()}`, { version: created.version, amountOre: 1 }, 404);
    await call(e.staff, 'PATCH', '/api/economy/forecasts/nope', { version: created.version, amountOre: 1 }, 400);

    const fixed = await call(e.staff, 'PATCH', path, { version: created.version, amountOre: 28_782_600_00, comment: null }, 200);
    expect(fixed).toMatchObject({ id: created.id, amountOre: 28_782_600_00, comment: null, date: '2023-12-01', lineId: e.lines.lonn });
    expect(fixed.version).not.toBe(created.version);
    expect((await lonnReport()).figures.forecast).toBe(28_783);

    // A second editor who read the first version: refused, and the correction stays.
    const stale = await call(e.admin, 'PATCH', path, { version: created.version, amountOre: 5 }, 409);
    expect(stale.error).toMatchObject({ code: 'stale', current: { version: fixed.version } });
    const [row] = await e.database.db.select().from(forecasts).where(eq(forecasts.id, created.id));
    expect(row!.amountOre).toBe(28_782_600_00);
    expect(await audits('economy_forecast', created.id)).toEqual(['create', 'update']);
  });

  it('deletes at the version read (admin too); stale 409, unknown 404, then gone from the report', async () => {
    await call(e.staff, 'PUT', '/api/economy/2022/budgets', { lineId: e.lines.lonn, amountOre: 29_000_000_00 }, 200);
    await call(e.staff, 'POST', '/api/economy/2022/forecasts', { lineId: e.lines.lonn, date: '2022-12-01', amountOre: 28_782_600_00 }, 201);
    const [current] = (await call(e.council, 'GET', '/api/economy/2022/forecasts', undefined, 200)).forecasts;
    const path = `/api/economy/forecasts/${current.id}`;
    await call(e.anon, 'DELETE', `${path}?version=${current.version}`, undefined, 401);
    await call(e.council, 'DELETE', `${path}?version=${current.version}`, undefined, 403);
    const missing = await call(e.staff, 'DELETE', path, undefined, 400);
    expect(missing.error.fields[0].path).toBe('version');
    await call(e.staff, 'DELETE', `${path}?version=0000`, undefined, 409);
    await call(e.staff, 'DELETE', `/api/economy/forecasts/${randomUUID()}?version=${current.version}`, undefined, 404);
    const forecasts2022 = () => e.database.db.select().from(forecasts).where(eq(forecasts.year, 2022));
    expect(await forecasts2022()).toHaveLength(1);

    await call(e.admin, 'DELETE', `${path}?version=${current.version}`, undefined, 204);
    expect(await forecasts2022()).toHaveLength(0);
    // No forecast left: the line is forecast at its budget again.
    expect((await lonnReport('2022-12-01')).forecastDate).toBeNull();
    const [audit] = await e.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, current.id), eq(auditLog.action, 'delete')));
    expect(audit).toMatchObject({ entity: 'economy_forecast', actorName: 'Admin' });
    expect(audit!.before).toMatchObject({ amountOre: 28_782_600_00 });
    await call(e.staff, 'DELETE', `${path}?version=${current.version}`, undefined, 404);
  });
});

describe('two corrections at once', () => {
  it('at the same version: exactly one wins, the other gets 409, and the row is the winner\'s', async () => {
    const created = await call(e.staff, 'POST', '/api/economy/2023/forecasts', { lineId: e.lines.konsulenter, date: '2023-09-01', amountOre: 100_00 }, 201);
    const path = `/api/economy/forecasts/${created.id}`;
    const [a, b] = await Promise.all([
      e.staff.request('PATCH', path, { version: created.version, amountOre: 200_00 }),
      e.admin.request('PATCH', path, { version: created.version, amountOre: 300_00 }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = (a.status === 200 ? 200_00 : 300_00);
    const [row] = await e.database.db.select().from(forecasts).where(eq(forecasts.id, created.id));
    expect(row!.amountOre).toBe(winner);
    expect(await audits('economy_forecast', created.id)).toEqual(['create', 'update']);
    await call(e.staff, 'DELETE', `${path}?version=${(a.status === 200 ? await a.json() : await b.json()).version}`, undefined, 204);
  });
});

describe('budget revisions', () => {
  it('corrects the amount and case number, refuses stale and foreign, deletes; the budget follows', async () => {
    await call(e.staff, 'PUT', '/api/economy/2021/budgets', { lineId: e.lines.lonn, amountOre: 29_000_000_00 }, 200);
    const created = await call(e.staff, 'POST', '/api/economy/2021/budget-revisions', {
      lineId: e.lines.lonn, date: '2021-06-14', changeOre: 1_000_000_00, decisionReference: '2021/M3-05',
    }, 201);
    const report = () => lonnReport('2021-12-01');
    expect((await report()).figures.budget).toBe(30_000);
    const path = `/api/economy/budget-revisions/${created.id}`;
    await call(e.anon, 'PATCH', path, { version: created.version, changeOre: 1 }, 401);
    await call(e.council, 'PATCH', path, { version: created.version, changeOre: 1 }, 403);
    const empty = await call(e.staff, 'PATCH', path, { version: created.version, decisionReference: ' ' }, 400);
    expect(empty.error.fields[0].path).toBe('decisionReference');
    await call(e.staff, 'PATCH', `/api/economy/budget-revisions/${randomUUID()}`, { version: created.version, changeOre: 1 }, 404);
    // The revision exists, but not in the cooperation the caller names.
    const otherCoop = (await e.database.db.query.cooperations.findMany()).find((c) => c.id !== e.world.cooperationId)!.id;
    await call(e.staff, 'PATCH', `${path}?cooperation=${otherCoop}`, { version: created.version, changeOre: 1 }, 404);

    const fixed = await call(e.staff, 'PATCH', path, { version: created.version, changeOre: 100_000_00, decisionReference: '2021/M3-005' }, 200);
    expect(fixed).toMatchObject({ changeOre: 100_000_00, decisionReference: '2021/M3-005', date: '2021-06-14' });
    expect((await report()).figures.budget).toBe(29_100);
    await call(e.staff, 'PATCH', path, { version: created.version, changeOre: 7 }, 409);
    await call(e.staff, 'DELETE', `${path}?version=${created.version}`, undefined, 409);
    const [kept] = await e.database.db.select().from(budgetRevisions).where(eq(budgetRevisions.id, created.id));
    expect(kept).toMatchObject({ changeOre: 100_000_00, decisionReference: '2021/M3-005' });

    const listed = (await call(e.council, 'GET', '/api/economy/2021/budgets', undefined, 200)).revisions;
    expect(listed).toEqual([expect.objectContaining({ id: created.id, version: fixed.version })]);
    await call(e.staff, 'DELETE', `${path}?version=${fixed.version}`, undefined, 204);
    expect((await report()).figures.budget).toBe(29_000);
    expect(await audits('economy_budget_revision', created.id)).toEqual(['create', 'update', 'delete']);
  });
});

describe('manual actuals', () => {
  it('lists manual entries for readers, corrects line and period, deletes; imported rows are not touched', async () => {
    await call(e.anon, 'GET', '/api/economy/2020/actuals', undefined, 401);
    const created = await call(e.staff, 'POST', '/api/economy/2020/actuals', { lineId: e.lines.konsulenter, period: 3, amountOre: 1_188_000_00, text: 'Faktura' }, 201);
    const listed = (await call(e.council, 'GET', '/api/economy/2020/actuals', undefined, 200)).actuals;
    expect(listed).toEqual([expect.objectContaining({ id: created.id, source: 'manuell', version: created.version })]);

    const path = `/api/economy/actuals/${created.id}`;
    await call(e.anon, 'PATCH', path, { version: created.version, period: 4 }, 401);
    await call(e.council, 'PATCH', path, { version: created.version, period: 4 }, 403);
    const period = await call(e.staff, 'PATCH', path, { version: created.version, period: 13 }, 400);
    expect(period.error.fields[0].path).toBe('period');
    const line = await call(e.staff, 'PATCH', path, { version: created.version, lineId: randomUUID() }, 400);
    expect(line.error.fields[0].path).toBe('lineId');
    const [unchanged] = await e.database.db.select().from(actuals).where(eq(actuals.id, created.id));
    expect(unchanged).toMatchObject({ lineId: e.lines.konsulenter, period: 3 });

    // Booked on Konsulenter by mistake: it belongs to Lønn, in November.
    const moved = await call(e.staff, 'PATCH', path, { version: created.version, lineId: e.lines.lonn, period: 11 }, 200);
    expect(moved).toMatchObject({ lineId: e.lines.lonn, period: 11, amountOre: 1_188_000_00, text: 'Faktura' });
    expect((await lonnReport('2020-10-31')).figures.actual).toBe(0);
    expect((await lonnReport('2020-11-30')).figures.actual).toBe(1_188);
    await call(e.staff, 'PATCH', path, { version: created.version, amountOre: 1 }, 409);

    await commitLedgerImport(e.database.db, systemActor, {
      cooperationId: e.world.cooperationId, year: 2020, filename: 'hovedbok.csv',
      bytes: new TextEncoder().encode('konto;prosjekt;periode;beløp\n10100;;5;1000\n'),
    });
    const of2020 = (source: 'import' | 'manuell') => e.database.db.select().from(actuals).where(and(eq(actuals.year, 2020), eq(actuals.source, source)));
    const imported = (await of2020('import'))[0]!;
    expect((await call(e.council, 'GET', '/api/economy/2020/actuals', undefined, 200)).actuals.map((a: { id: string }) => a.id)).toEqual([created.id]);
    await call(e.staff, 'PATCH', `/api/economy/actuals/${imported.id}`, { version: 'x', amountOre: 1 }, 409);
    await call(e.staff, 'DELETE', `/api/economy/actuals/${imported.id}?version=x`, undefined, 409);

    await call(e.staff, 'DELETE', `${path}?version=${moved.version}`, undefined, 204);
    expect(await of2020('manuell')).toHaveLength(0);
    expect(await of2020('import')).toHaveLength(1);
    expect(await audits('economy_actual', created.id)).toEqual(['create', 'update', 'delete']);
  });
});

describe('an entry dated outside its year', () => {
  it('is refused with 400 on date, on entry and on correction, and nothing changes', async () => {
    const forecast = await call(e.staff, 'POST', '/api/economy/2024/forecasts', { lineId: e.lines.lonn, date: '2024-03-01', amountOre: 100_00 }, 201);
    const revision = await call(e.staff, 'POST', '/api/economy/2024/budget-revisions', {
      lineId: e.lines.lonn, date: '2024-03-01', changeOre: 100_00, decisionReference: '2024/M1-001',
    }, 201);
    for (const [path, body] of [
      ['/api/economy/2024/forecasts', { lineId: e.lines.lonn, date: '2031-01-01', amountOre: 100_00 }],
      ['/api/economy/2024/budget-revisions', { lineId: e.lines.lonn, date: '2023-12-31', changeOre: 100_00, decisionReference: '2024/M1-002' }],
      [`/api/economy/forecasts/${forecast.id}`, { version: forecast.version, date: '2031-01-01' }],
      [`/api/economy/budget-revisions/${revision.id}`, { version: revision.version, date: '2025-01-01' }],
    ] as const) {
      const refused = await call(e.staff, path.includes('/2024/') ? 'POST' : 'PATCH', path, body, 400);
      expect(refused.error.fields).toEqual([{ path: 'date', message: 'Datoen må ligge i 2024' }]);
    }
    expect((await e.database.db.select().from(forecasts).where(eq(forecasts.year, 2024))).map((f) => f.date)).toEqual(['2024-03-01']);
    expect((await e.database.db.select().from(budgetRevisions).where(eq(budgetRevisions.year, 2024))).map((r) => r.date)).toEqual(['2024-03-01']);
    // Within the year is fine.
    expect((await call(e.staff, 'PATCH', `/api/economy/forecasts/${forecast.id}`, { version: forecast.version, date: '2024-12-31' }, 200)).date).toBe('2024-12-31');
  });
});

describe('a correction that changes nothing', () => {
  it('writes nothing, is not audited and keeps the version; A→B→A still leaves an earlier reader stale', async () => {
    const created = await call(e.staff, 'POST', '/api/economy/2023/forecasts', { lineId: e.lines.konsulenter, date: '2023-10-01', amountOre: 500_00, comment: 'x' }, 201);
    const path = `/api/economy/forecasts/${created.id}`;
    const same = await call(e.staff, 'PATCH', path, { version: created.version, amountOre: 500_00, comment: 'x', lineId: e.lines.konsulenter }, 200);
    expect(same).toEqual(created);
    expect(await audits('economy_forecast', created.id)).toEqual(['create']);

    const revision = await call(e.staff, 'POST', '/api/economy/2023/budget-revisions', {
      lineId: e.lines.konsulenter, date: '2023-10-01', changeOre: 1_00, decisionReference: '2023/M5-001',
    }, 201);
    expect(await call(e.staff, 'PATCH', `/api/economy/budget-revisions/${revision.id}`, { version: revision.version, changeOre: 1_00 }, 200)).toEqual(revision);
    expect(await audits('economy_budget_revision', revision.id)).toEqual(['create']);
    const actual = await call(e.staff, 'POST', '/api/economy/2023/actuals', { lineId: e.lines.konsulenter, period: 2, amountOre: 7_00 }, 201);
    expect(await call(e.staff, 'PATCH', `/api/economy/actuals/${actual.id}`, { version: actual.version, period: 2 }, 200)).toEqual(actual);
    expect(await audits('economy_actual', actual.id)).toEqual(['create']);

    // Changed and changed back: the content is as first read, but the version is not.
    const b = await call(e.staff, 'PATCH', path, { version: created.version, amountOre: 600_00 }, 200);
    const back = await call(e.staff, 'PATCH', path, { version: b.version, amountOre: 500_00 }, 200);
    expect(back.amountOre).toBe(created.amountOre);
    expect(back.version).not.toBe(created.version);
    await call(e.admin, 'PATCH', path, { version: created.version, amountOre: 1 }, 409);
    expect(await audits('economy_forecast', created.id)).toEqual(['create', 'update', 'update']);
  });
});
