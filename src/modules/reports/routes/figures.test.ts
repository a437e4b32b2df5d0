// The annual report's entered figures over HTTP (staffing, sick leave, historical figures): the
// contract (401/400/403/409), a year replaced whole with the version read, and the comparison blocks
// taking an entered figure for a year samrad holds nothing for, and saying so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../../test/app.js';
import { loadBlockLive } from '../blocks.service.js';
import { startReports } from '../test-factories.js';

let t: Awaited<ReturnType<typeof startReports>>;
beforeAll(async () => { t = await startReports(); });
afterAll(() => t.database.drop());

describe('entered figures', () => {
  it('are read and replaced a year at a time by staff, with the version read', async () => {
    expect((await t.anon.get('/api/report-figures/2022')).status).toBe(401);
    expect((await t.council.get('/api/report-figures/2022')).status).toBe(403);
    expect((await t.muni.get('/api/report-figures/2022')).status).toBe(403);
    expect((await t.leader.get('/api/report-figures/19')).status).toBe(400);
    const empty = await json(await t.leader.get('/api/report-figures/2021'), 200);
    expect(empty.figures).toEqual([]);
    expect(empty.metrics.map((m: any) => m.metric)).toContain('servicedesk.channel');

    const figures = [
      { metric: 'servicedesk.channel', dimension: 'telefon', value: 9120 },
      { metric: 'servicedesk.channel', dimension: 'portal', value: 6400 },
      { metric: 'phone.offered', value: 10_500 }, { metric: 'phone.answered', value: 9_450 },
      { metric: 'sickleave.percent', value: 4.2 },
      { metric: 'staff.fte', dimension: 'Drift', value: 9.5 }, { metric: 'staff.people', dimension: 'Drift', value: 10 },
      { metric: 'governance.meetings', dimension: 'Samarbeidsrådet for ROR-IKT', value: 6 },
      { metric: 'governance.cases', dimension: 'Samarbeidsrådet for ROR-IKT', value: 41 },
      { metric: 'economy.budget', value: 70_000_000 }, { metric: 'economy.actual', value: 69_500_000 },
    ];
    expect((await t.council.put('/api/report-figures/2021', { version: empty.version, figures })).status).toBe(403);
    const bad = await json(await t.leader.put('/api/report-figures/2021', { version: empty.version, figures: [{ metric: 'nope', value: 1 }] }), 400);
    expect(bad.error.fields[0].path).toMatch(/^figures\.0\.metric/);
    const twice = await json(await t.leader.put('/api/report-figures/2021', { version: empty.version, figures: [figures[0], figures[0]] }), 400);
    expect(twice.error.fields[0].path).toBe('figures.1.dimension');
    expect((await t.leader.put('/api/report-figures/2021', { version: empty.version, figures: [{ metric: 'sickleave.percent', value: 140 }] })).status).toBe(400);
    expect((await t.leader.put('/api/report-figures/2021', { version: empty.version, figures: [{ metric: 'phone.offered', dimension: 'x', value: 1 }] })).status).toBe(400);

    const saved = await json(await t.leader.put('/api/report-figures/2021', { version: empty.version, figures }), 200);
    expect(saved.figures).toHaveLength(figures.length);
    expect(saved.version).not.toBe(empty.version);
    const late = await json(await t.desk.put('/api/report-figures/2021', { version: empty.version, figures: [] }), 409);
    expect(late.error.code).toBe('stale');
    expect(late.error.current.figures).toHaveLength(figures.length);
    await json(await t.leader.put('/api/report-figures/2023', { version: (await json(await t.leader.get('/api/report-figures/2023'), 200)).version, figures: [
      { metric: 'sickleave.percent', value: 5.1 }, { metric: 'staff.fte', dimension: 'Drift', value: 11 }, { metric: 'staff.fte', dimension: 'Kundeservice', value: 8.6 },
      { metric: 'staff.people', dimension: 'Drift', value: 11 }, { metric: 'staff.women', dimension: 'Drift', value: 2 }, { metric: 'staff.men', dimension: 'Drift', value: 9 },
    ] }), 200);
  });

  it('fill the comparison blocks for the years samrad holds nothing for, and the blocks say which', async () => {
    const live = (type: string, params: Record<string, unknown> = {}) =>
      loadBlockLive(t.database.db, { cooperationId: t.world.cooperationId, asOf: '2023-12-31' }, { type, params });
    const channels = await live('servicedesk.by-channel');
    expect(channels.tables[0]!.rows.find((r) => r.cells[0] === 'Telefon')!.cells).toEqual(['Telefon', '9\u202f120', '0', '0']);
    expect(channels.source).toBe('mixed');
    expect(channels.notes).toEqual(['Tallene for 2021 er registrerte tall fra før samrad hadde dataene.']);
    const phone = await live('servicedesk.phone-yearly');
    expect(phone.tables[0]!.rows.map((r) => r.cells[1])).toEqual(['10\u202f500', '9\u202f450', '90,0\u00a0%', '–', '–']);
    const meetings = await live('governance.meetings-and-cases');
    expect(meetings.tables[0]!.rows[0]!.cells).toEqual(['Samarbeidsrådet for ROR-IKT', '6', '41', '0', '0', '1', expect.any(String)]);
    expect(meetings.source).toBe('mixed');
    const result = await live('economy.result');
    expect(result.tables[0]!.rows.map((r) => r.cells.slice(0, 2))).toEqual([['Årsbudsjett', '70\u202f000'], ['Regnskap', '69\u202f500'], ['Resultat (positivt = mindreforbruk)', '500']]);
    expect(result.notes).toContain('Tallene for 2021 er registrerte tall fra før samrad hadde dataene.');
    const sick = await live('reports.sick-leave');
    expect(sick.tables[0]!.rows[0]!.cells).toEqual(['Sykefravær', '4,2\u00a0%', '–', '5,1\u00a0%']);
    expect(sick.source).toBe('entered');
    const staff = await live('reports.staffing');
    expect(staff.tables[0]!.columns.map((c) => c.label)).toEqual(['Avdeling', 'Årsverk 2021', 'Årsverk 2022', 'Årsverk 2023', 'Ansatte 2021', 'Ansatte 2022', 'Ansatte 2023', 'Kvinner 2023', 'Menn 2023']);
    expect(staff.tables[0]!.rows.map((r) => r.cells)).toEqual([
      ['Drift', '9,5', '–', '11,0', '10', '–', '11', '2', '9'],
      ['Kundeservice', '–', '–', '8,6', '–', '–', '–', '–', '–'],
      ['Sum', '9,5', '–', '19,6', '10', '–', '11', '2', '9'],
    ]);
  });

  it('count the staffing from the positions for a year org holds them, women and men from the people (one source)', async () => {
    const { cooperationId } = t.world;
    const drift = await json(await t.admin.post('/api/departments', { cooperationId, name: 'Drift' }), 201);
    const person = async (familyName: string, gender?: string) => (await json(await t.admin.post('/api/people', { familyName, givenName: 'E2', gender }), 201)).id;
    const [a, b] = [await person('Aas', 'kvinne'), await person('Bø')];
    await json(await t.admin.post(`/api/people/${a}/positions`, { departmentId: drift.id, ftePercent: 100, startDate: '2023-01-01' }), 201);
    const half = await json(await t.admin.post(`/api/people/${b}/positions`, { departmentId: drift.id, ftePercent: 100, startDate: '2023-01-01' }), 201);
    // 100 % becomes 50 % from 1 December: the report per 31.12 counts the new period.
    await json(await t.admin.post(`/api/positions/${half.id}/change`, { revision: 1, from: '2023-12-01', ftePercent: 50 }), 201);
    const staff = await loadBlockLive(t.database.db, { cooperationId, asOf: '2023-12-31' }, { type: 'reports.staffing', params: {} });
    // The entered 2 women and 9 men of 2023 give way to the people's gender: Aas a woman, Bø not given.
    expect(staff.tables[0]!.rows.map((r) => r.cells)).toEqual([
      ['Drift', '9,5', '–', '1,5', '10', '–', '2', '1', '0'],
      ['Sum', '9,5', '–', '1,5', '10', '–', '2', '1', '0'],
    ]);
    expect(staff.source).toBe('mixed');
    expect(staff.notes).toEqual([
      'Årsverk og ansatte for 2023, kvinner og menn i 2023, er talt fra stillingene i samrad.',
      '1 ansatt uten oppgitt kjønn er ikke med blant kvinner og menn.',
      'Tallene for 2021 er registrerte tall fra før samrad hadde dataene.',
    ]);
  });
});
