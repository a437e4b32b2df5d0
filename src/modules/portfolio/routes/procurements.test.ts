// Contract tests for procurements, on the test clock: the stages and what each records, the award
// starting the standstill (seed 000: sent Friday 1 December 2023, runs to 11.12.2023 23:59), and the
// contract refused with 409 and a clear message until the standstill is over, writing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../server/context.js';
import { fieldsOf, json } from '../../../test/app.js';
import { createMeeting } from '../../governance/meetings.service.js';
import { createBody } from '../../org/bodies.service.js';
import { createCooperation } from '../../org/cooperations.service.js';
import { startPortfolio, type TPortfolioHttp } from '../portfolio-fixture.js';

let h: TPortfolioHttp;
const at = (iso: string) => ({ 'x-samrad-now': new Date(iso).toISOString() });
const DEC_4 = at('2023-12-04T09:00:00+01:00');

beforeAll(async () => { h = await startPortfolio({ SAMRAD_TEST_CLOCK: 'on' }); });
afterAll(() => h.database.drop());

describe('procurements', () => {
  let id: string;
  let revision: number;

  it('are created and moved by staff, each stage with what it needs', async () => {
    await json(await h.anon.request('POST', '/api/portfolio/procurements', { title: 'Sikkerhetspartner' }), 401);
    await json(await h.council.request('POST', '/api/portfolio/procurements', { title: 'Sikkerhetspartner' }), 403);
    expect(fieldsOf(await json(await h.staff.request('POST', '/api/portfolio/procurements', { title: 'X', stage: 'kunngjort' }), 400))).toEqual(['doffinReference']);
    expect(fieldsOf(await json(await h.staff.request('POST', '/api/portfolio/procurements', { title: 'X', stage: 'karens' }), 400))).toEqual(['stage']);
    const created = await json(await h.staff.request('POST', '/api/portfolio/procurements', { title: 'Sikkerhetspartner' }), 201);
    expect(created).toMatchObject({ stage: 'behov', standstillDays: 10, standstillEndsAt: null, maySign: false, revision: 1 });
    expect(created.standstillRule).toContain('anskaffelsesforskriften del III');
    id = created.id;
    const noticed = await json(await h.staff.patch(`/api/portfolio/procurements/${id}`, { revision: 1, stage: 'kunngjort', doffinReference: '2023-123456' }), 200);
    expect(noticed).toMatchObject({ stage: 'kunngjort', doffinReference: '2023-123456', revision: 2 });
    expect(fieldsOf(await json(await h.staff.patch(`/api/portfolio/procurements/${id}`, { revision: 2, stage: 'tilbudsfrist' }), 400))).toEqual(['tenderDeadline']);
    expect((await json(await h.staff.patch(`/api/portfolio/procurements/${id}`, { revision: 1, stage: 'evaluering' }), 409)).error).toMatchObject({ code: 'stale', current: { revision: 2 } });
    const evaluating = await json(await h.staff.patch(`/api/portfolio/procurements/${id}`, { revision: 2, stage: 'evaluering', tenderDeadline: '2023-10-16T12:00:00+02:00' }), 200);
    expect(evaluating).toMatchObject({ stage: 'evaluering', tenderDeadline: '2023-10-16T10:00:00.000Z', revision: 3 });
    revision = 3;
  });

  it('starts the standstill when the award is sent, ending 23:59 Oslo time on the tenth day after', async () => {
    const body = { revision, supplier: 'Atea', sentAt: '2023-12-01T14:00:00+01:00' };
    expect(fieldsOf(await json(await h.staff.request('POST', `/api/portfolio/procurements/${id}/award`, body, at('2023-12-01T13:00:00+01:00')), 400))).toEqual(['sentAt']);
    const awarded = await json(await h.staff.request('POST', `/api/portfolio/procurements/${id}/award`, body, DEC_4), 200);
    expect(awarded).toMatchObject({ stage: 'karens', supplier: 'Atea', awardSentAt: '2023-12-01T13:00:00.000Z', standstillEndsAt: '2023-12-11T22:59:59.999Z', maySign: false });
    revision = awarded.revision;
    expect((await json(await h.staff.request('POST', `/api/portfolio/procurements/${id}/award`, { ...body, revision }, DEC_4), 409)).error.message).toBe('Tildelingen er alt sendt');
    expect((await json(await h.staff.patch(`/api/portfolio/procurements/${id}`, { revision, title: 'Annen' }), 409)).error.message).toContain('bare notatet');
  });

  it('refuses the contract during the standstill with the end and the rule, and writes nothing', async () => {
    const lastMinute = at('2023-12-11T23:59:00+01:00');
    const refused = await json(await h.staff.request('POST', `/api/portfolio/procurements/${id}/sign`, { revision }, lastMinute), 409);
    expect(refused.error.message).toMatch(/^Kontrakten kan ikke signeres før karensperioden er over: den løper til 11\.12\.2023 23:59 \(10 dager fra dagen etter at tildelingen ble sendt 01\.12\.2023 14:00; Karensperiode etter anskaffelsesforskriften del III/);
    // The code and the end, for the English page's sentence (web/src/i18n/errors.ts): the Oslo wall clock and the instant.
    expect(refused.error).toMatchObject({ code: 'standstill_running', standstillEnds: '11.12.2023 23:59', standstillEndsAt: '2023-12-11T22:59:59.999Z', standstillDays: 10 });
    const still = await json(await h.council.request('GET', `/api/portfolio/procurements/${id}`, undefined, lastMinute), 200);
    expect(still).toMatchObject({ stage: 'karens', contractSignedAt: null, maySign: false, revision });
    // A signing dated inside the standstill is refused even when it is recorded afterwards.
    expect((await json(await h.staff.request('POST', `/api/portfolio/procurements/${id}/sign`, { revision, signedAt: '2023-12-08T10:00:00+01:00' }, at('2023-12-14T10:00:00+01:00')), 409)).error.message)
      .toContain('karensperioden er over');
  });

  it('signs once the standstill is over', async () => {
    const after = at('2023-12-12T00:00:00+01:00');
    expect((await json(await h.council.request('GET', '/api/portfolio/procurements', undefined, after), 200)).procurements[0].maySign).toBe(true);
    await json(await h.council.request('POST', `/api/portfolio/procurements/${id}/sign`, { revision }, after), 403);
    const signed = await json(await h.staff.request('POST', `/api/portfolio/procurements/${id}/sign`, { revision }, after), 200);
    expect(signed).toMatchObject({ stage: 'kontrakt', contractSignedAt: '2023-12-11T23:00:00.000Z', maySign: false });
    expect((await json(await h.staff.request('POST', `/api/portfolio/procurements/${id}/sign`, { revision: signed.revision }, after), 409)).error.message).toBe('Kontrakten er alt signert');
  });

  it('is not for municipality users, and an unknown id is 404', async () => {
    await json(await h.molde.get('/api/portfolio/procurements'), 403);
    await json(await h.staff.get('/api/portfolio/procurements/00000000-0000-4000-8000-000000000000'), 404);
  });
});

describe('a procurement\'s cases in the bodies', () => {
  it('are tied and untied by staff, for cases of the cooperation only, and read with the procurement', async () => {
    const db = h.database.db;
    const council = await createBody(db, systemActor, { cooperationId: h.world.coop.id, name: 'Samarbeidsrådet', caseNumbering: 'meeting' });
    const meeting = await createMeeting(db, systemActor, { bodyId: council.id, date: '2024-03-13', startTime: '08:15', place: 'Molde' });
    const other = await createCooperation(db, systemActor, { name: 'Annet samarbeid', shortName: 'ANNET' });
    const otherBody = await createBody(db, systemActor, { cooperationId: other.id, name: 'Annet råd', caseNumbering: 'meeting' });
    const otherMeeting = await createMeeting(db, systemActor, { bodyId: otherBody.id, date: '2024-03-13', startTime: '08:15', place: 'Molde' });
    const caseOf = async (meetingId: string) => (await json(await h.staff.get(`/api/meetings/${meetingId}`), 200)).cases[0] as { id: string; number: string; title: string };
    const own = await caseOf(meeting.id);
    const foreign = await caseOf(otherMeeting.id);
    const created = await json(await h.staff.post('/api/portfolio/procurements', { title: 'Skrivere' }), 201);
    expect(created.cases).toEqual([]);
    const path = `/api/portfolio/procurements/${created.id}/cases`;
    await json(await h.anon.post(path, { caseId: own.id }), 401);
    await json(await h.council.post(path, { caseId: own.id }), 403);
    await json(await h.molde.post(path, { caseId: own.id }), 403);
    expect(fieldsOf(await json(await h.staff.post(path, { caseId: 'sak' }), 400))).toEqual(['caseId']);
    expect(fieldsOf(await json(await h.staff.post(path, { caseId: foreign.id }), 400))).toEqual(['caseId']);
    expect(fieldsOf(await json(await h.staff.post(path, { caseId: '00000000-0000-4000-8000-000000000000' }), 400))).toEqual(['caseId']);
    await json(await h.staff.post('/api/portfolio/procurements/00000000-0000-4000-8000-000000000000/cases', { caseId: own.id }), 404);
    const linked = await json(await h.staff.post(path, { caseId: own.id }), 201);
    expect(linked.cases).toEqual([{
      caseId: own.id, number: own.number, title: own.title, bodyName: 'Samarbeidsrådet', meetingId: meeting.id, meetingDate: '2024-03-13',
      meetingLabel: '2024/M1', decisionText: null,
    }]);
    expect((await json(await h.staff.post(path, { caseId: own.id }), 409)).error.message).toContain('alt knyttet');
    const listed = (await json(await h.council.get('/api/portfolio/procurements'), 200)).procurements.find((p: { id: string }) => p.id === created.id);
    expect(listed.cases.map((c: { caseId: string }) => c.caseId)).toEqual([own.id]);
    await json(await h.council.delete(`${path}/${own.id}`), 403);
    expect((await json(await h.staff.delete(`${path}/${own.id}`), 200)).cases).toEqual([]);
    await json(await h.staff.delete(`${path}/${own.id}`), 404);
  });
});
