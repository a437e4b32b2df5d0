// The public copy of a published economy report is the report as it stood when published: corrections,
// new forecasts, revisions, manual actuals and ledger re-imports dated on or before its date change the
// live report staff see, never what the public reads. Publishing again replaces the copy; withdrawing
// removes it. Staff are told when the live report no longer matches the copy.
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/app.js';
import { auditLog } from '../../audit/schema.js';
import { buildBody, buildMeeting } from '../../governance/test-factories.js';
import { economyPublications } from '../schema.js';
import { SALARIES, startEconomy, type TEconomyStart } from '../economy-fixture.js';

let e: TEconomyStart<'lonn'>;
let meetingId: string;
let publicPath: string;

beforeAll(async () => {
  e = await startEconomy({}, { lonn: SALARIES });
  const body = await buildBody(e.database.db, { cooperationId: e.world.cooperationId });
  meetingId = (await buildMeeting(e.database.db, { bodyId: body.id, published: true })).id;
  publicPath = `/api/public/meetings/${meetingId}/economy`;
});
afterAll(() => e.database.drop());

const lonnIn = (report: { operating: { rows: { name: string; figures: Record<string, number> }[] } }) =>
  report.operating.rows.find((r) => r.name === 'Lønn')!.figures;
const publicLonn = async () => lonnIn(await call(e.anon, 'GET', publicPath, undefined, 200));
const liveLonn = async () => lonnIn(await call(e.council, 'GET', '/api/economy/2023/report?asOf=2023-12-31', undefined, 200));
const listed = async () => (await call(e.council, 'GET', '/api/economy/2023/publications', undefined, 200)).publications;

describe('the published copy', () => {
  let forecast: { id: string; version: string };

  it('is what the public reads, whatever is changed on or before its date afterwards', async () => {
    await call(e.staff, 'PUT', '/api/economy/2023/budgets', { lineId: e.lines.lonn, amountOre: 90_000_000_00 }, 200);
    forecast = await call(e.staff, 'POST', '/api/economy/2023/forecasts', { lineId: e.lines.lonn, date: '2023-11-30', amountOre: 84_127_000_00, comment: 'intern' }, 201);
    await call(e.staff, 'POST', '/api/economy/2023/actuals', { lineId: e.lines.lonn, period: 6, amountOre: 40_000_000_00 }, 201);
    await call(e.staff, 'PUT', '/api/economy/2023/publications', { meetingId, asOf: '2023-12-31' }, 200);
    const published = { actual: 40_000, budget: 90_000, forecast: 84_127, deviation: 5_873 };
    expect(await publicLonn()).toEqual(published);

    // The review's case: the newest forecast corrected by +5 000 000 kr after publication.
    forecast = await call(e.staff, 'PATCH', `/api/economy/forecasts/${forecast.id}`, { version: forecast.version, amountOre: 89_127_000_00 }, 200);
    expect(await liveLonn()).toMatchObject({ forecast: 89_127 });
    expect(await publicLonn()).toEqual(published);
    // And everything else dated on or before the publication's date.
    await call(e.staff, 'POST', '/api/economy/2023/forecasts', { lineId: e.lines.lonn, date: '2023-12-15', amountOre: 91_000_000_00 }, 201);
    await call(e.staff, 'POST', '/api/economy/2023/budget-revisions', { lineId: e.lines.lonn, date: '2023-12-20', changeOre: 1_000_000_00, decisionReference: '2023/M6-010' }, 201);
    await call(e.staff, 'POST', '/api/economy/2023/actuals', { lineId: e.lines.lonn, period: 12, amountOre: 2_000_000_00 }, 201);
    const file = new FormData();
    file.set('file', new File(['konto;prosjekt;periode;beløp\n10100;;11;3000000\n'], 'hovedbok.csv', { type: 'text/csv' }));
    const imported = await e.staff.request('POST', '/api/economy/2023/ledger-imports', file);
    expect(imported.status, await imported.text()).toBe(201);

    expect(await liveLonn()).toEqual({ actual: 45_000, budget: 91_000, forecast: 91_000, deviation: 0 });
    expect(await publicLonn()).toEqual(published);
    const [stored] = await e.database.db.select().from(economyPublications);
    expect(stored!.report.operating.rows[0]!.forecastComment).toBeNull();
    expect((await listed())[0]).not.toHaveProperty('report');
    // Staff are told the live report has moved away from what was published.
    expect((await listed())[0]).toMatchObject({ differsFromLive: true });
  });

  it('is replaced by publishing again, and gone when withdrawn', async () => {
    await call(e.staff, 'PUT', '/api/economy/2023/publications', { meetingId, asOf: '2023-12-31' }, 200);
    expect(await publicLonn()).toEqual(await liveLonn());
    expect((await listed())[0]).toMatchObject({ differsFromLive: false });
    const audits = await e.database.db.select().from(auditLog).where(eq(auditLog.entity, 'economy_publication')).orderBy(asc(auditLog.id));
    expect(audits.map((a) => a.action)).toEqual(['create', 'update']);
    // The audit trail keeps what was public before and after the republication.
    expect(lonnIn((audits[1]!.before as { report: Parameters<typeof lonnIn>[0] }).report).forecast).toBe(84_127);
    expect(lonnIn((audits[1]!.after as { report: Parameters<typeof lonnIn>[0] }).report).forecast).toBe(91_000);

    await call(e.staff, 'DELETE', `/api/economy/publications/${meetingId}`, undefined, 204);
    await call(e.anon, 'GET', publicPath, undefined, 404);
    expect(await e.database.db.select().from(economyPublications)).toHaveLength(0);
    expect(await listed()).toEqual([]);
  });
});
