// Contract tests for the portfolio's project routes: who may call each (401, 403), bad input (400 with
// the field), unknown and hidden ids (404), stale edits (409), and the answers' shapes (checked against
// /api/openapi.json by TestClient). The week table changes when a status is entered, and last week's
// status is carried forward as a draft until then.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../server/context.js';
import { call, fieldsOf, json } from '../../../test/app.js';
import { startPortfolio, type TPortfolioHttp } from '../portfolio-fixture.js';
import { setWeekStatus } from '../statuses.service.js';
import { buildProject } from '../test-factories.js';

let h: TPortfolioHttp;
let wifi: { id: string };
let school: { id: string };
let portal: { id: string };
/** Thursday of week 49 2023, Oslo time: the week the test clock stands in. */
const NOW = { 'x-samrad-now': '2023-12-07T10:00:00+01:00' };

beforeAll(async () => {
  h = await startPortfolio({ SAMRAD_TEST_CLOCK: 'on' });
  const { db } = h.database;
  wifi = await buildProject(db, h.world, { title: 'WiFi i kommunale bygg', sortOrder: 1 });
  school = await buildProject(db, h.world, { title: 'Ny skole', municipalityId: h.world.molde.id, sortOrder: 2 });
  portal = await buildProject(db, h.world, { title: 'Innbyggerportal', kindId: h.world.development.id });
  await setWeekStatus(db, systemActor, { projectId: wifi.id, week: '2023-W48', status: 'mindre_forsinkelser', comment: 'Gjenstår dekningsanalyser', revision: null, now: new Date('2023-12-01T12:00:00Z') });
  await setWeekStatus(db, systemActor, { projectId: school.id, week: '2023-W48', status: 'pa_plan', comment: 'Ingen endring', revision: null, now: new Date('2023-12-01T12:00:00Z') });
});
afterAll(() => h.database.drop());

describe('project kinds', () => {
  it('are read by every role and refused to the signed-out', async () => {
    expect((await json(await h.anon.get('/api/portfolio/kinds'), 401)).error.code).toBe('unauthorized');
    const { kinds } = await json(await h.molde.get('/api/portfolio/kinds'), 200);
    expect(kinds.map((k: { name: string; weeklyStatus: boolean }) => [k.name, k.weeklyStatus])).toEqual([['Byggprosjekt', true], ['Utviklingsprosjekt', false]]);
  });

  it('are added by staff only, with a name not already taken', async () => {
    await call(h.council, 'POST', '/api/portfolio/kinds', { name: 'Nettverksprosjekt' }, 403);
    expect(fieldsOf(await call(h.staff, 'POST', '/api/portfolio/kinds', { name: ' ' }, 400))).toEqual(['name']);
    expect(fieldsOf(await call(h.staff, 'POST', '/api/portfolio/kinds', { name: 'Byggprosjekt' }, 400))).toEqual(['name']);
    const kind = await call(h.staff, 'POST', '/api/portfolio/kinds', { name: 'Nettverksprosjekt', weeklyStatus: true, sortOrder: 5 }, 201);
    expect(kind).toMatchObject({ name: 'Nettverksprosjekt', weeklyStatus: true, sortOrder: 5 });
  });
});

describe('projects', () => {
  it('shows a municipality user the projects of their municipality and of every member', async () => {
    const titles = async (client: TPortfolioHttp['molde']) => (await json(await client.get('/api/portfolio/projects'), 200)).projects.map((p: { title: string }) => p.title);
    expect(await titles(h.molde)).toEqual(['WiFi i kommunale bygg', 'Ny skole', 'Innbyggerportal']);
    expect(await titles(h.aukra)).toEqual(['WiFi i kommunale bygg', 'Innbyggerportal']);
    expect(await titles(h.council)).toEqual(['WiFi i kommunale bygg', 'Ny skole', 'Innbyggerportal']);
  });

  it('answers 404 for a project of another municipality, as for one that does not exist', async () => {
    expect((await json(await h.aukra.get(`/api/portfolio/projects/${school.id}`), 404)).error.code).toBe('not_found');
    await json(await h.staff.get('/api/portfolio/projects/00000000-0000-4000-8000-000000000000'), 404);
    const project = await json(await h.molde.get(`/api/portfolio/projects/${school.id}`), 200);
    expect(project).toMatchObject({ title: 'Ny skole', municipalityName: 'Molde', kindName: 'Byggprosjekt', phase: 'gjennomforing', revision: 1 });
  });

  it('are created by staff, naming a kind and a municipality that exist', async () => {
    const body = { kindId: h.world.building.id, title: 'Aukra brannstasjon', municipalityId: h.world.aukra.id, phase: 'planlegging' };
    await call(h.molde, 'POST', '/api/portfolio/projects', body, 403);
    expect(fieldsOf(await call(h.staff, 'POST', '/api/portfolio/projects', { ...body, kindId: portal.id }, 400))).toEqual(['kindId']);
    expect(fieldsOf(await call(h.staff, 'POST', '/api/portfolio/projects', { ...body, municipalityId: portal.id }, 400))).toEqual(['municipalityId']);
    expect(fieldsOf(await call(h.staff, 'POST', '/api/portfolio/projects', { ...body, phase: 'drøm' }, 400))).toEqual(['phase']);
    const created = await call(h.staff, 'POST', '/api/portfolio/projects', body, 201);
    expect(created).toMatchObject({ title: 'Aukra brannstasjon', municipalityName: 'Aukra', phase: 'planlegging', weeklyStatus: true, active: true });
  });

  it('are edited at the revision read; a stale edit is refused and writes nothing', async () => {
    const p = await buildProject(h.database.db, h.world, { title: 'Gamle Hjelset barnehage', municipalityId: h.world.molde.id });
    expect(fieldsOf(await call(h.staff, 'PATCH', `/api/portfolio/projects/${p.id}`, { phase: 'avslutning' }, 400))).toEqual(['revision']);
    const edited = await call(h.staff, 'PATCH', `/api/portfolio/projects/${p.id}`, { revision: 1, phase: 'avslutning' }, 200);
    expect(edited).toMatchObject({ phase: 'avslutning', revision: 2 });
    const refused = await call(h.staff, 'PATCH', `/api/portfolio/projects/${p.id}`, { revision: 1, phase: 'ide' }, 409);
    expect(refused.error).toMatchObject({ code: 'stale', current: { revision: 2 } });
    expect((await json(await h.staff.get(`/api/portfolio/projects/${p.id}`), 200)).phase).toBe('avslutning');
    await call(h.council, 'PATCH', `/api/portfolio/projects/${p.id}`, { revision: 2, phase: 'ide' }, 403);
  });
});

describe('weekly status', () => {
  const put = (client: TPortfolioHttp['staff'], id: string, week: string, body: unknown) =>
    client.request('PUT', `/api/portfolio/projects/${id}/weeks/${week}`, body, NOW);

  it('carries last week forward as a draft until this week is entered, and then the table changes', async () => {
    const before = await json(await h.council.get('/api/portfolio/weeks/2023-W49'), 200);
    expect(before.columns).toEqual(['Tittel', 'Overordnet status', 'Kommentar uke 49', 'Kommune']);
    const wifiRow = () => before.rows.find((r: { projectId: string }) => r.projectId === wifi.id);
    expect(wifiRow()).toMatchObject({ status: 'mindre_forsinkelser', comment: 'Gjenstår dekningsanalyser', updatedThisWeek: false, fromWeek: '2023-W48', revision: null });

    const saved = await json(await put(h.staff, wifi.id, '2023-W49', { status: 'pa_plan', comment: 'Dekningsanalysene er ferdige', revision: null }), 200);
    expect(saved).toMatchObject({ week: '2023-W49', status: 'pa_plan', revision: 1, updatedBy: 'Test staff' });

    const after = await json(await h.council.get('/api/portfolio/weeks/2023-W49'), 200);
    expect(after.rows.find((r: { projectId: string }) => r.projectId === wifi.id))
      .toMatchObject({ status: 'pa_plan', comment: 'Dekningsanalysene er ferdige', updatedThisWeek: true, fromWeek: '2023-W49', revision: 1 });
    // Week 48 as it was: the table of a week already reported does not change.
    const w48 = await json(await h.council.get('/api/portfolio/weeks/2023-W48'), 200);
    expect(w48.rows.find((r: { projectId: string }) => r.projectId === wifi.id)).toMatchObject({ status: 'mindre_forsinkelser', updatedThisWeek: true });
    // Only projects of a kind with weekly status are in the table.
    expect(after.rows.map((r: { title: string }) => r.title)).not.toContain('Innbyggerportal');
  });

  it('refuses a second first write of the same week (409 stale) and takes an edit at the revision read', async () => {
    await json(await put(h.staff, school.id, '2023-W49', { status: 'forsinket', comment: 'Fiber mangler', revision: null }), 200);
    const refused = await json(await put(h.admin, school.id, '2023-W49', { status: 'pa_plan', comment: 'Annen tekst', revision: null }), 409);
    expect(refused.error).toMatchObject({ code: 'stale', current: { revision: 1 } });
    const edited = await json(await put(h.admin, school.id, '2023-W49', { status: 'forsinket', comment: 'Fiber graves ned uke 50', revision: 1 }), 200);
    expect(edited).toMatchObject({ comment: 'Fiber graves ned uke 50', revision: 2 });
    expect((await json(await put(h.staff, school.id, '2023-W49', { status: 'pa_plan', revision: 1 }), 409)).error.current).toEqual({ revision: 2 });
  });

  it('refuses bad input, a week that has not begun, a kind without weekly status, wrong roles and unknown projects', async () => {
    const body = { status: 'pa_plan', comment: '', revision: null };
    expect(fieldsOf(await json(await put(h.staff, wifi.id, '2023-W54', body), 400))).toEqual(['week']);
    expect(fieldsOf(await json(await put(h.staff, wifi.id, '2023-W50', body), 400))).toEqual(['week']);
    expect(fieldsOf(await json(await put(h.staff, wifi.id, '2023-W48', { ...body, status: 'grønn' }), 400))).toEqual(['status']);
    expect(fieldsOf(await json(await put(h.staff, wifi.id, '2023-W48', { status: 'pa_plan' }), 400))).toEqual(['revision']);
    expect((await json(await put(h.staff, portal.id, '2023-W49', body), 400)).error.message).toContain('rapporterer ikke ukestatus');
    await json(await put(h.council, wifi.id, '2023-W49', body), 403);
    await json(await put(h.molde, wifi.id, '2023-W49', body), 403);
    await json(await put(h.staff, '00000000-0000-4000-8000-000000000000', '2023-W49', body), 404);
    await json(await h.anon.request('PUT', `/api/portfolio/projects/${wifi.id}/weeks/2023-W49`, body), 401);
  });

  it('gives the history grid project × week, without carrying anything forward', async () => {
    const grid = await json(await h.molde.get('/api/portfolio/status-history?from=2023-W47&to=2023-W49'), 200);
    expect(grid.weeks).toEqual(['2023-W47', '2023-W48', '2023-W49']);
    const wifiLine = grid.projects.find((p: { projectId: string }) => p.projectId === wifi.id);
    expect(wifiLine.cells.map((c: { status: string } | null) => c?.status ?? null)).toEqual([null, 'mindre_forsinkelser', 'pa_plan']);
    expect(fieldsOf(await json(await h.staff.get('/api/portfolio/status-history?from=2023-W49&to=2023-W47'), 400))).toEqual(['from']);
    expect(fieldsOf(await json(await h.staff.get('/api/portfolio/status-history?from=2019-W01&to=2023-W47'), 400))).toEqual(['from']);
  });

  it('shows a municipality user the week table of their projects only', async () => {
    const table = await json(await h.aukra.get('/api/portfolio/weeks/2023-W49'), 200);
    // In the order the projects are set to (sortOrder 0 before 1), then by title.
    expect(table.rows.map((r: { title: string }) => r.title)).toEqual(['Aukra brannstasjon', 'WiFi i kommunale bygg']);
  });
});
