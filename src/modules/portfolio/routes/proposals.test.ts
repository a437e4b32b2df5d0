// Contract tests for the innovation pipeline: a proposal goes faggruppe → porteføljeråd → samarbeidsråd
// as a case of each body (and the case links back), the council decides go with 30 % equal and 70 % by
// inhabitants for Molde, Aukra and Rauma, and Vestnes joins a year later: the numbers of decision 0035's
// worked example, over HTTP on a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../server/context.js';
import { fieldsOf, json } from '../../../test/app.js';
import { createMeeting } from '../../governance/meetings.service.js';
import { createBody } from '../../org/bodies.service.js';
import { createMembership } from '../../org/memberships.service.js';
import { createMunicipality } from '../../org/municipalities.service.js';
import { startPortfolio, type TPortfolioHttp } from '../portfolio-fixture.js';

let h: TPortfolioHttp;
const ids = { rauma: '', vestnes: '', outsider: '' };
const meetings = { faggruppe: '', portefoljerad: '', samarbeidsrad: '' };
const UNKNOWN = '00000000-0000-4000-8000-000000000000';
const kr = (n: number) => n * 100;

beforeAll(async () => {
  h = await startPortfolio();
  const db = h.database.db;
  const coop = h.world.coop.id;
  const rauma = await createMunicipality(db, systemActor, { name: 'Rauma', number: '1539' });
  const vestnes = await createMunicipality(db, systemActor, { name: 'Vestnes', number: '1535' });
  const outsider = await createMunicipality(db, systemActor, { name: 'Sunndal', number: '1563' });
  await createMembership(db, systemActor, { cooperationId: coop, municipalityId: rauma.id, joined: '2009-01-01' });
  await createMembership(db, systemActor, { cooperationId: coop, municipalityId: vestnes.id, joined: '2025-01-01' });
  Object.assign(ids, { rauma: rauma.id, vestnes: vestnes.id, outsider: outsider.id });
  const meetingOf = async (name: string, date: string) => {
    const body = await createBody(db, systemActor, { cooperationId: coop, name, caseNumbering: 'meeting' });
    return (await createMeeting(db, systemActor, { bodyId: body.id, date, startTime: '09:00', place: 'Molde' })).id;
  };
  meetings.faggruppe = await meetingOf('Faggruppe helse og velferd', '2024-01-10');
  meetings.portefoljerad = await meetingOf('Porteføljeråd', '2024-01-24');
  meetings.samarbeidsrad = await meetingOf('Samarbeidsråd', '2024-02-14');
});
afterAll(() => h.database.drop());

describe('the innovation pipeline', () => {
  let id: string;
  let revision: number;
  let councilCase: string;

  it('takes a proposal from staff only, with who, what, problem, benefit, estimate and who wants it', async () => {
    const body = { title: 'Digitalt tilsyn', proposedBy: 'Faggruppe helse og velferd', problem: 'Nattilsyn tar tid', benefit: 'Færre forstyrrelser', costEstimateOre: kr(900_000), municipalityIds: [h.world.molde.id, h.world.aukra.id, ids.rauma] };
    await json(await h.anon.post('/api/portfolio/proposals', body), 401);
    await json(await h.council.post('/api/portfolio/proposals', body), 403);
    await json(await h.molde.post('/api/portfolio/proposals', body), 403);
    expect(fieldsOf(await json(await h.staff.post('/api/portfolio/proposals', { ...body, title: ' ' }), 400))).toEqual(['title']);
    expect(fieldsOf(await json(await h.staff.post('/api/portfolio/proposals', { ...body, municipalityIds: [UNKNOWN] }), 400))).toEqual(['municipalityIds']);
    const created = await json(await h.staff.post('/api/portfolio/proposals', body), 201);
    expect(created).toMatchObject({ stage: 'forslag', cases: [], decision: null, nextSteps: ['faggruppe'], mayDecide: false, revision: 1 });
    expect(created.municipalities.map((m: { name: string }) => m.name)).toEqual(['Aukra', 'Molde', 'Rauma']);
    id = created.id;
    revision = created.revision;
    expect((await json(await h.council.get('/api/portfolio/proposals'), 200)).proposals).toMatchObject([{ id, municipalityCount: 3, caseCount: 0 }]);
    await json(await h.aukra.get(`/api/portfolio/proposals/${id}`), 403);
    await json(await h.council.get(`/api/portfolio/proposals/${UNKNOWN}`), 404);
  });

  it('goes step by step as a case of each body, and each case links back', async () => {
    const send = (step: string, meetingId: string, rev = revision) => h.staff.post(`/api/portfolio/proposals/${id}/cases`, { revision: rev, step, meetingId });
    expect((await json(await send('samarbeidsrad', meetings.samarbeidsrad), 409)).error.message).toContain('bare sendes til Faggruppe');
    expect(fieldsOf(await json(await send('styret', meetings.faggruppe), 400))).toEqual(['step']);
    await json(await send('faggruppe', UNKNOWN), 404);
    await json(await h.council.post(`/api/portfolio/proposals/${id}/cases`, { revision, step: 'faggruppe', meetingId: meetings.faggruppe }), 403);
    let p = await json(await send('faggruppe', meetings.faggruppe), 201);
    expect(p).toMatchObject({ stage: 'faggruppe', nextSteps: ['faggruppe', 'portefoljerad'], mayDecide: false });
    expect(p.cases).toMatchObject([{ step: 'faggruppe', number: '2024/M1-003', title: 'Digitalt tilsyn', bodyName: 'Faggruppe helse og velferd', meetingLabel: '2024/M1', decisionText: null }]);
    expect((await json(await send('portefoljerad', meetings.portefoljerad, p.revision - 1), 409)).error.code).toBe('stale');
    const link = await json(await h.council.get(`/api/portfolio/cases/${p.cases[0].caseId}/proposal`), 200);
    expect(link).toEqual({ proposalId: id, title: 'Digitalt tilsyn', stage: 'faggruppe', step: 'faggruppe' });
    await json(await h.council.get(`/api/portfolio/cases/${UNKNOWN}/proposal`), 404);
    // The governance case is a case like any other: the meeting's agenda holds it.
    const agenda = await json(await h.staff.get(`/api/meetings/${meetings.faggruppe}`), 200);
    expect(agenda.cases.map((c: { title: string }) => c.title)).toContain('Digitalt tilsyn');
    p = await json(await send('portefoljerad', meetings.portefoljerad, p.revision), 201);
    p = await json(await send('samarbeidsrad', meetings.samarbeidsrad, p.revision), 201);
    expect(p).toMatchObject({ stage: 'samarbeidsrad', mayDecide: true });
    expect(p.cases.map((c: { step: string }) => c.step)).toEqual(['faggruppe', 'portefoljerad', 'samarbeidsrad']);
    councilCase = p.cases[2].caseId;
    revision = p.revision;
  });

  it('answers the links of all a meeting\'s cases at once, for those who read the pipeline', async () => {
    const path = `/api/portfolio/meetings/${meetings.faggruppe}/proposals`;
    await json(await h.anon.get(path), 401);
    await json(await h.molde.get(path), 403);
    await json(await h.council.get(`/api/portfolio/meetings/${UNKNOWN}/proposals`), 404);
    await json(await h.council.get('/api/portfolio/meetings/ikke-en-id/proposals'), 400);
    const agenda = await json(await h.staff.get(`/api/meetings/${meetings.faggruppe}`), 200);
    // The standing cases (001, 002) treat no proposal and are left out.
    expect(agenda.cases).toHaveLength(3);
    const caseId = agenda.cases.find((c: { title: string }) => c.title === 'Digitalt tilsyn').id;
    expect((await json(await h.council.get(path), 200)).links).toEqual([{ caseId, proposalId: id, title: 'Digitalt tilsyn', stage: 'samarbeidsrad', step: 'faggruppe' }]);
    expect((await json(await h.admin.get(`/api/portfolio/meetings/${meetings.samarbeidsrad}/proposals`), 200)).links).toMatchObject([{ proposalId: id, step: 'samarbeidsrad' }]);
  });

  it('keeps SSB population figures per year for members only', async () => {
    const rows = [{ municipalityId: h.world.molde.id, inhabitants: 32_000 }, { municipalityId: h.world.aukra.id, inhabitants: 3_600 }, { municipalityId: ids.rauma, inhabitants: 7_400 }];
    await json(await h.council.put('/api/portfolio/populations/2024', { rows }), 403);
    expect(fieldsOf(await json(await h.staff.put('/api/portfolio/populations/2024', { rows: [{ municipalityId: ids.vestnes, inhabitants: 6_800 }] }), 400))).toEqual(['rows.0.municipalityId']);
    expect(fieldsOf(await json(await h.staff.put('/api/portfolio/populations/2024', { rows: [{ municipalityId: ids.rauma, inhabitants: 0 }] }), 400))).toEqual(['rows.0.inhabitants']);
    const set = await json(await h.staff.put('/api/portfolio/populations/2024', { rows }), 200);
    expect(set.rows).toEqual([
      { municipalityId: h.world.aukra.id, name: 'Aukra', inhabitants: 3_600 },
      { municipalityId: h.world.molde.id, name: 'Molde', inhabitants: 32_000 },
      { municipalityId: ids.rauma, name: 'Rauma', inhabitants: 7_400 },
    ]);
    await json(await h.staff.put('/api/portfolio/populations/2025', { rows: [...rows, { municipalityId: ids.vestnes, inhabitants: 6_800 }] }), 200);
    expect((await json(await h.council.get('/api/portfolio/populations/2025'), 200)).rows).toHaveLength(4);
  });

  it('shows the split a decision would set before it is saved, and stores nothing', async () => {
    const terms = { decidedOn: '2024-02-14', model: 'fixedPlusPopulation', fixedPercent: 30, totalOre: kr(900_000), municipalityIds: [h.world.molde.id, h.world.aukra.id, ids.rauma] };
    const preview = (body: object, who = h.staff, of = id) => who.post(`/api/portfolio/proposals/${of}/decision/preview`, body);
    await json(await preview(terms, h.anon), 401);
    await json(await preview(terms, h.council), 403);
    await json(await preview(terms, h.staff, UNKNOWN), 404);
    expect(fieldsOf(await json(await preview({ ...terms, fixedPercent: undefined }), 400))).toEqual(['fixedPercent']);
    expect(fieldsOf(await json(await preview({ ...terms, municipalityIds: [] }), 400))).toEqual(['municipalityIds']);
    expect(fieldsOf(await json(await preview({ ...terms, basisYear: 2023 }), 400))).toEqual(['populationYear']);
    expect(fieldsOf(await json(await preview({ ...terms, municipalityIds: [ids.outsider] }), 400))).toEqual(['municipalityIds']);
    const shown = await json(await preview(terms), 200);
    expect(shown).toMatchObject({ model: 'fixedPlusPopulation', fixedPercent: 30, basisYear: 2024, totalOre: kr(900_000) });
    expect(Object.fromEntries(shown.shares.map((x: { name: string; amountOre: number }) => [x.name, x.amountOre / 100]))).toEqual({ Molde: 558_837, Aukra: 142_744, Rauma: 198_419 });
    const equal = await json(await preview({ ...terms, model: 'equal', totalOre: kr(100) }), 200);
    expect(equal).toMatchObject({ basisYear: null, fixedPercent: null });
    expect(equal.shares.map((x: { amountOre: number }) => x.amountOre / 100).sort()).toEqual([33, 33, 34]);
    expect(await json(await h.staff.get(`/api/portfolio/proposals/${id}`), 200)).toMatchObject({ decision: null, stage: 'samarbeidsrad', revision });
  });

  it('records the council’s decision with the cost split, computed by the server', async () => {
    const go = { revision, caseId: councilCase, outcome: 'go', decidedOn: '2024-02-14', model: 'fixedPlusPopulation', fixedPercent: 30, totalOre: kr(900_000), municipalityIds: [h.world.molde.id, h.world.aukra.id, ids.rauma] };
    const decide = (body: object) => h.staff.put(`/api/portfolio/proposals/${id}/decision`, body);
    expect(fieldsOf(await json(await decide({ ...go, model: undefined, totalOre: undefined }), 400))).toEqual(['model', 'totalOre']);
    expect(fieldsOf(await json(await decide({ ...go, fixedPercent: undefined }), 400))).toEqual(['fixedPercent']);
    expect(fieldsOf(await json(await decide({ ...go, totalOre: kr(1) + 50 }), 400))).toEqual(['totalOre']);
    expect(fieldsOf(await json(await decide({ ...go, basisYear: 2023 }), 400))).toEqual(['populationYear']);
    expect(fieldsOf(await json(await decide({ ...go, municipalityIds: [ids.outsider] }), 400))).toEqual(['municipalityIds']);
    const p = await json(await h.staff.get(`/api/portfolio/proposals/${id}`), 200);
    expect(fieldsOf(await json(await decide({ ...go, caseId: p.cases[0].caseId }), 400))).toEqual(['caseId']);
    await json(await h.council.put(`/api/portfolio/proposals/${id}/decision`, go), 403);
    await json(await h.staff.get(`/api/portfolio/proposals/${id}/cost-split`), 409);
    const decided = await json(await decide(go), 200);
    expect(decided).toMatchObject({ stage: 'vedtatt', nextSteps: [], mayDecide: false, decision: { outcome: 'go', model: 'fixedPlusPopulation', fixedPercent: 30, basisYear: 2024, totalOre: kr(900_000) } });
    expect((await json(await decide({ ...go, revision: decided.revision }), 409)).error.message).toContain('alt vedtatt');
    expect((await json(await h.staff.patch(`/api/portfolio/proposals/${id}`, { revision: decided.revision, title: 'Annet' }), 409)).error.message).toContain('kan ikke endres');
    const split = await json(await h.council.get(`/api/portfolio/proposals/${id}/cost-split`), 200);
    expect(split.steps).toHaveLength(1);
    expect(Object.fromEntries(split.steps[0].positions.map((x: { name: string; netOre: number }) => [x.name, x.netOre / 100]))).toEqual({ Molde: 558_837, Aukra: 142_744, Rauma: 198_419 });
  });

  it('lets a late joiner pay in, credited to the first three by their shares', async () => {
    const join = (body: object) => h.staff.post(`/api/portfolio/proposals/${id}/cost-events`, body);
    // Vestnes is a member of the cooperation from 2025 only; the 2024 figures lack it.
    expect(fieldsOf(await json(await join({ kind: 'join', municipalityId: ids.vestnes, date: '2024-06-01' }), 400))).toEqual(['municipalityId']);
    expect(fieldsOf(await json(await join({ kind: 'join', municipalityId: ids.vestnes, date: '2025-02-12' }), 400))).toEqual(['populationYear']);
    await json(await h.council.post(`/api/portfolio/proposals/${id}/cost-events`, { kind: 'join', municipalityId: ids.vestnes, date: '2025-02-12' }), 403);
    await json(await h.staff.post(`/api/portfolio/proposals/${UNKNOWN}/cost-events`, { kind: 'join', municipalityId: ids.vestnes, date: '2025-02-12' }), 404);
    // The council's own entry amount: the decision's basis year stays 2024, so Vestnes needs no figure.
    const split = await json(await join({ kind: 'join', municipalityId: ids.vestnes, date: '2025-02-12', entryAmountOre: kr(153_524) }), 201);
    const last = split.steps.at(-1);
    expect(last).toMatchObject({ kind: 'join', municipalityName: 'Vestnes', entryAmountOre: kr(153_524) });
    expect(Object.fromEntries(last.credits.map((x: { name: string; amountOre: number }) => [x.name, x.amountOre / 100]))).toEqual({ Molde: 95_328, Aukra: 24_349, Rauma: 33_847 });
    expect(last.positions.reduce((s: number, x: { netOre: number }) => s + x.netOre, 0)).toBe(kr(900_000));
    expect((await json(await join({ kind: 'join', municipalityId: h.world.molde.id, date: '2025-03-01' }), 400)).error.message).toContain('alt med');
  });

  it('lets a member leave: the split is computed again, the earlier steps stay and the leaver keeps what it paid', async () => {
    const leave = (body: object) => h.staff.post(`/api/portfolio/proposals/${id}/cost-events`, body);
    expect(fieldsOf(await json(await leave({ kind: 'leave', municipalityId: h.world.aukra.id, date: '2025-06-30', entryAmountOre: kr(1) }), 400))).toEqual(['entryAmountOre']);
    await json(await h.council.post(`/api/portfolio/proposals/${id}/cost-events`, { kind: 'leave', municipalityId: h.world.aukra.id, date: '2025-06-30' }), 403);
    const split = await json(await leave({ kind: 'leave', municipalityId: h.world.aukra.id, date: '2025-06-30' }), 201);
    expect(split.steps.map((s: { kind: string }) => s.kind)).toEqual(['decision', 'join', 'leave']);
    const aukra = (step: { positions: { name: string; active: boolean; netOre: number }[] }) => step.positions.find((x) => x.name === 'Aukra');
    expect(split.steps[2]).toMatchObject({ kind: 'leave', municipalityName: 'Aukra' });
    expect(aukra(split.steps[2])).toMatchObject({ active: false, netOre: kr(118_395) });
    expect(aukra(split.steps[1])).toMatchObject({ active: true, netOre: kr(118_395) });
    expect(split.steps[2].positions.reduce((s: number, x: { netOre: number }) => s + x.netOre, 0)).toBe(kr(900_000));
    expect((await json(await h.council.get(`/api/portfolio/proposals/${id}/cost-split`), 200)).steps).toHaveLength(3);
  });

  it('ends a proposal the council says no to, and splits nothing for it', async () => {
    let p = await json(await h.staff.post('/api/portfolio/proposals', { title: 'Robot i resepsjonen', proposedBy: 'Molde kommune' }), 201);
    expect((await json(await h.staff.put(`/api/portfolio/proposals/${p.id}/decision`, { revision: p.revision, caseId: UNKNOWN, outcome: 'no_go', decidedOn: '2024-02-14' }), 409)).error.message).toContain('sak i samarbeidsrådet');
    for (const [step, meetingId] of Object.entries(meetings)) p = await json(await h.staff.post(`/api/portfolio/proposals/${p.id}/cases`, { revision: p.revision, step, meetingId }), 201);
    const no = await json(await h.staff.put(`/api/portfolio/proposals/${p.id}/decision`, { revision: p.revision, caseId: p.cases[2].caseId, outcome: 'no_go', decidedOn: '2024-02-14' }), 200);
    expect(no).toMatchObject({ stage: 'avslatt', decision: { outcome: 'no_go', model: null, payers: [] } });
    await json(await h.staff.get(`/api/portfolio/proposals/${p.id}/cost-split`), 409);
    await json(await h.staff.post(`/api/portfolio/proposals/${p.id}/cost-events`, { kind: 'join', municipalityId: ids.vestnes, date: '2025-02-12' }), 409);
    expect((await json(await h.staff.post(`/api/portfolio/proposals/${p.id}/cases`, { revision: no.revision, step: 'samarbeidsrad', meetingId: meetings.samarbeidsrad }), 409)).error.message).toContain('alt vedtatt');
  });
});
