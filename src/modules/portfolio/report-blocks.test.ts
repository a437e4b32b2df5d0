// The portfolio's report blocks in a report: the building projects' table for the report's week (or
// the one chosen), with a note for each status carried forward, frozen on approval so a later
// correction of the week's status does not change the approved report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richTextFromMarkup } from '../../lib/rich-text-markup.js';
import { systemActor } from '../../server/context.js';
import { json } from '../../test/app.js';
import { pdfText } from '../../documents/pdf-text.js';
import type { TReport, TReportSection } from '../reports/model.js';
import { startReports } from '../reports/test-factories.js';
import { createProject, createProjectKind } from './projects.service.js';
import { setWeekStatus } from './statuses.service.js';
import { awardProcurement, createProcurement, signContract } from './procurements.service.js';
import { createProposal } from './proposals.service.js';

let t: Awaited<ReturnType<typeof startReports>>;
let wifi: { id: string };
const AT_48 = new Date('2023-12-01T12:00:00+01:00');

beforeAll(async () => {
  t = await startReports();
  const db = t.database.db;
  const cooperationId = t.world.cooperationId;
  const kind = await createProjectKind(db, systemActor, { cooperationId, name: 'Byggprosjekt', weeklyStatus: true, sortOrder: 0 });
  wifi = await createProject(db, systemActor, { cooperationId, kindId: kind.id, title: 'WiFi i kommunale bygg', phase: 'gjennomforing', sortOrder: 0 });
  const school = await createProject(db, systemActor, { cooperationId, kindId: kind.id, title: 'Ny kulturskole', phase: 'gjennomforing', sortOrder: 1 });
  await setWeekStatus(db, systemActor, { projectId: school.id, week: '2023-W47', status: 'pa_plan', comment: 'Ingen endring', revision: null, now: AT_48 });
  await setWeekStatus(db, systemActor, { projectId: wifi.id, week: '2023-W48', status: 'mindre_forsinkelser', comment: 'Gjenstår dekningsanalyser', revision: null, now: AT_48 });
});
afterAll(() => t.database.drop());

const section = (r: TReport, number: string) => r.sections.find((s): s is TReportSection => 'narrative' in s && s.number === number)!;

describe('portfolio.buildingProjects in a report', () => {
  let report: TReport;

  it('prints the week of the report\'s date as the paper does, noting a status carried forward', async () => {
    report = await json<TReport>(await t.leader.post('/api/reports', { kind: 'aktivitetsrapport', asOf: '2023-12-01' }), 201);
    const teknisk = section(report, '2.4');
    report = await json<TReport>(await t.drift.post(`/api/report-sections/${teknisk.id}/blocks`, { type: 'portfolio.buildingProjects' }), 201);
    const bad = await json(await t.drift.post(`/api/report-sections/${teknisk.id}/blocks`, { type: 'portfolio.buildingProjects', params: { week: '2023-W60' } }), 400);
    expect(bad.error.fields[0].path).toBe('params.week');
    const { blocks } = await json(await t.leader.get(`/api/reports/${report.id}/data`), 200);
    const block = blocks.find((b: { type: string }) => b.type === 'portfolio.buildingProjects');
    expect(block.data.tables[0].caption).toBe('Status pågående byggprosjekter, uke 48');
    expect(block.data.tables[0].columns.map((c: { label: string }) => c.label)).toEqual(['Tittel', 'Overordnet status', 'Kommentar uke 48', 'Kommune']);
    expect(block.data.tables[0].rows).toEqual([
      { cells: ['WiFi i kommunale bygg', 'Mindre forsinkelser', 'Gjenstår dekningsanalyser', 'Alle'] },
      { cells: ['Ny kulturskole', 'På plan', 'Ingen endring', 'Alle'] },
    ]);
    expect(block.data.notes).toEqual(['Ny kulturskole: ikke oppdatert i uke 48; status og kommentar fra uke 47.']);
  });

  it('is frozen on approval: a later correction of week 48 does not change the approved report', async () => {
    const s = section(report, '2.4');
    report = await json<TReport>(await t.drift.patch(`/api/report-sections/${s.id}`, { revision: s.revision, narrative: richTextFromMarkup('Byggprosjektene.') }), 200);
    report = await json<TReport>(await t.leader.post(`/api/reports/${report.id}/approve`, { revision: report.revision }), 200);
    await setWeekStatus(t.database.db, systemActor, { projectId: wifi.id, week: '2023-W48', status: 'forsinket', comment: 'Rettet', revision: 1, now: AT_48 });
    const { blocks } = await json(await t.council.get(`/api/reports/${report.id}/data`), 200);
    const block = blocks.find((b: { type: string }) => b.type === 'portfolio.buildingProjects');
    expect(block.frozen).toBe(true);
    expect(block.data.tables[0].rows[0].cells).toEqual(['WiFi i kommunale bygg', 'Mindre forsinkelser', 'Gjenstår dekningsanalyser', 'Alle']);
    // The PDF of the approved report prints the frozen table.
    const pdf = await t.council.get(`/api/reports/${report.id}/report.pdf`);
    expect(pdf.status).toBe(200);
    const text = pdfText(Buffer.from(await pdf.arrayBuffer())).replace(/\s+/g, ' ');
    expect(text).toContain('Tittel Overordnet status Kommentar uke 48 Kommune WiFi i kommunale bygg Mindre forsinkelser Gjenstår dekningsanalyser Alle');
    expect(text).not.toContain('Rettet');
    expect((await t.council.get(`/api/reports/${report.id}/report.docx`)).status).toBe(200);
  });
});

describe('portfolio.procurements and portfolio.pipeline in a report', () => {
  it('list the procurements without a contract, with the standstill\'s end, and the proposals per stage', async () => {
    const db = t.database.db;
    const cooperationId = t.world.cooperationId;
    const now = new Date('2023-12-04T09:00:00+01:00');
    const erp = await createProcurement(db, systemActor, { cooperationId, now, title: 'ERP «LØP»', stage: 'evaluering', doffinReference: '2023-100', tenderDeadline: '2023-10-16T12:00:00+02:00' });
    await awardProcurement(db, systemActor, { id: erp.id, now, revision: erp.revision, supplier: 'Visma', sentAt: '2023-12-01T14:00:00+01:00' });
    const done = await createProcurement(db, systemActor, { cooperationId, now, title: 'Skrivere', stage: 'evaluering', doffinReference: '2023-99', tenderDeadline: '2023-09-01T12:00:00+02:00' });
    const awarded = await awardProcurement(db, systemActor, { id: done.id, now: new Date('2023-11-01T12:00:00+01:00'), revision: done.revision, supplier: 'Canon', sentAt: '2023-10-01T12:00:00+02:00' });
    await signContract(db, systemActor, { id: done.id, now, revision: awarded.revision });
    await createProcurement(db, systemActor, { cooperationId, now, title: 'Sikkerhetspartner', stage: 'behov' });
    await createProposal(db, systemActor, { cooperationId, title: 'Digitalt tilsyn', proposedBy: 'Faggruppe helse', problem: '', benefit: '', costEstimateOre: 90_000_000, municipalityIds: [] });

    let report = await json<TReport>(await t.leader.post('/api/reports', { kind: 'aktivitetsrapport', asOf: '2023-12-05' }), 201);
    const teknisk = section(report, '2.4');
    await json(await t.drift.post(`/api/report-sections/${teknisk.id}/blocks`, { type: 'portfolio.procurements' }), 201);
    report = await json<TReport>(await t.drift.post(`/api/report-sections/${teknisk.id}/blocks`, { type: 'portfolio.pipeline' }), 201);
    const { blocks } = await json(await t.leader.get(`/api/reports/${report.id}/data`), 200);
    const procurements = blocks.find((b: { type: string }) => b.type === 'portfolio.procurements');
    expect(procurements.data.tables[0].rows).toEqual([
      { cells: ['ERP «LØP»', 'Karensperiode', '2023-100', '16.10.2023 12:00', 'Visma', '11.12.2023 23:59'] },
      { cells: ['Sikkerhetspartner', 'Behov', '', '', '', ''] },
    ]);
    const pipeline = blocks.find((b: { type: string }) => b.type === 'portfolio.pipeline');
    expect(pipeline.data.tables[0].rows[0]).toEqual({ cells: ['Forslag', '1'] });
    expect(pipeline.data.tables[1].rows).toEqual([{ cells: ['Digitalt tilsyn', 'Faggruppe helse', 'Forslag', '900\u202f000'] }]);
  });
});
