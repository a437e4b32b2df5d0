// A municipality user against every economy route of the OpenAPI document (so a route added later is
// walked too): writes are refused, and what they may read is their own municipality's parts only, with
// the settlement only for a year that is over. Nothing cooperation-wide (frames, the operating result,
// projects, lines, other members) and nothing of the open year's settlement comes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../../../test/app.js';
import { buildBody, buildMeeting } from '../../governance/test-factories.js';
import { startEconomy, type TEconomyStart } from '../economy-fixture.js';

let e: TEconomyStart;
const ids: Record<string, string> = {};
const CLOSED = 2023;
const OPEN = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Oslo', year: 'numeric' }).format(new Date()));


/** Both years get the same cooperation-wide figures, each marked with a name the member must never read. */
async function seedYear(year: number) {
  const line = await call(e.staff, 'POST', '/api/economy/lines', { kind: 'drift', name: `Lønn hemmelig ${year}` }, 201);
  const project = await call(e.staff, 'POST', '/api/economy/lines', {
    kind: 'investering', name: `Prosjekt hemmelig ${year}`, startYear: year, endYear: year, status: 'avsluttet',
  }, 201);
  await call(e.staff, 'PUT', `/api/economy/${year}/budgets`, { lineId: line.id, amountOre: 1_000_000_00 }, 200);
  await call(e.staff, 'PUT', `/api/economy/${year}/budgets`, { lineId: project.id, amountOre: 400_000_00 }, 200);
  await call(e.staff, 'POST', `/api/economy/${year}/budget-revisions`, { lineId: line.id, date: `${year}-03-01`, changeOre: 10_000_00, decisionReference: `${year}/M1-001` }, 201);
  await call(e.staff, 'POST', `/api/economy/${year}/actuals`, { lineId: line.id, period: 1, amountOre: 700_000_00, text: 'hemmelig postering' }, 201);
  await call(e.staff, 'POST', `/api/economy/${year}/actuals`, { lineId: project.id, period: 1, amountOre: 123_000_00 }, 201);
  await call(e.staff, 'POST', `/api/economy/${year}/forecasts`, { lineId: line.id, date: `${year}-01-15`, amountOre: 950_000_00, comment: 'hemmelig kommentar' }, 201);
  await call(e.staff, 'POST', `/api/economy/${year}/explanations`, { lineId: line.id, date: `${year}-01-15`, text: 'hemmelig forklaring' }, 201);
  await call(e.staff, 'PUT', `/api/economy/${year}/financing`, {
    operatingFrameOre: 1_010_000_00, investmentFrameOre: 400_000_00,
    key: [{ municipalityId: e.world.molde, percent: 50 }, { municipalityId: e.world.aukra, percent: 30 }, { municipalityId: e.world.hustadvika, percent: 20 }],
  }, 200);
  return { line: line.id as string, project: project.id as string };
}

beforeAll(async () => {
  e = await startEconomy();
  const closed = await seedYear(CLOSED);
  await seedYear(OPEN);
  ids.line = closed.line;
  const forecasts = await call(e.staff, 'GET', `/api/economy/${CLOSED}/forecasts`, undefined, 200);
  ids.forecast = forecasts.forecasts[0].id;
  const body = await buildBody(e.database.db, { cooperationId: e.world.cooperationId });
  const meeting = await buildMeeting(e.database.db, { bodyId: body.id, published: true });
  ids.meeting = meeting.id;
  await call(e.staff, 'PUT', `/api/economy/${CLOSED}/publications`, { meetingId: meeting.id, asOf: `${CLOSED}-06-01` }, 200);
});
afterAll(() => e.database.drop());

/** Keys that only a cooperation-wide view has. */
const COOPERATION_WIDE_KEYS = ['resultOre', 'operatingFrameOre', 'investmentFrameOre', 'projects', 'carriedOverOre', 'settledOre', 'operating'];

function leaks(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaks(v, `${path}${i}.`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...(COOPERATION_WIDE_KEYS.includes(k) ? [`${path}${k}`] : []),
      ...leaks(v, `${path}${k}.`),
    ]);
  }
  const text = String(value);
  const others = [e.world.aukra, e.world.hustadvika, 'Aukra', 'Hustadvika', 'hemmelig'];
  return others.filter((o) => text.includes(o)).map((o) => `${path.slice(0, -1)} = ${o}`);
}

describe('a municipality user on every economy route', () => {
  it('is refused every write and reads only its own parts, and the settlement only of a closed year', async () => {
    const doc = await call(e.anon, 'GET', '/api/openapi.json', undefined, 200);
    const routes = Object.entries(doc.paths as Record<string, Record<string, { tags?: string[] }>>)
      .flatMap(([path, ops]) => Object.entries(ops).filter(([, op]) => op.tags?.includes('Økonomi')).map(([method]) => ({ path, method })));
    expect(routes.length).toBeGreaterThan(25);

    const walked: string[] = [];
    for (const { path, method } of routes) {
      for (const year of [CLOSED, OPEN]) {
        const url = path.replace('{year}', String(year))
          .replace('{id}', path.startsWith('/api/public/') || path.includes('publications') ? ids.meeting! : path.includes('forecasts') ? ids.forecast! : ids.line!)
          .replace(/\{\w+\}/g, ids.line!);
        if (method !== 'get') {
          await call(e.molde, method.toUpperCase(), url, { name: 'x' }, 403);
          continue;
        }
        for (const query of ['', `?asOf=${year}-06-01`, `?asOf=${year + 1}-01-15`]) {
          const res = await e.molde.request('GET', url + query);
          const text = await res.text();
          walked.push(`${res.status} GET ${url}${query}`);
          if (path.startsWith('/api/public/')) {
            // What the public reads, the member reads too, and no more.
            const public_ = await e.anon.request('GET', url + query);
            expect([res.status, text], url).toEqual([public_.status, await public_.text()]);
            continue;
          }
          expect([200, 403, 404], `${url}${query}: ${text}`).toContain(res.status);
          if (res.status !== 200) continue;
          const json = res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text;
          expect(leaks(json), `${url}${query}`).toEqual([]);
        }
      }
    }

    // What the member may read is there: its own share of both years, its parts of the closed year.
    const own = await call(e.molde, 'GET', `/api/economy/${OPEN}/financing`, undefined, 200);
    expect(own.shares).toEqual([expect.objectContaining({ municipalityId: e.world.molde, percent: '50', operatingOre: 505_000_00 })]);
    const settled = await call(e.molde, 'GET', `/api/economy/${CLOSED}/settlement`, undefined, 200);
    expect(settled.rows).toEqual([expect.objectContaining({ municipalityId: e.world.molde })]);
    expect(settled.investment.rows).toEqual([expect.objectContaining({ municipalityId: e.world.molde })]);
    const open = await call(e.molde, 'GET', `/api/economy/${OPEN}/settlement`, undefined, 403);
    expect(open.error.message).toBe(`Årsoppgjøret for ${OPEN} er tilgjengelig for kommunene når året er avsluttet`);
    await call(e.molde, 'GET', `/api/economy/${CLOSED}/settlement?asOf=${CLOSED}-11-30`, undefined, 403);
    expect(walked.filter((w) => w.startsWith('200'))).toEqual(expect.arrayContaining([
      `200 GET /api/economy/${CLOSED}/financing`, `200 GET /api/economy/${CLOSED}/settlement`,
    ]));
  });
});
