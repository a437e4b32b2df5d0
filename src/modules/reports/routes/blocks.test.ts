// Data blocks over HTTP: the registered types, adding and changing a block with parameters checked by
// its type, the page's data with charts as SVG with their figures, and freezing on approval: a later
// change to the data does not change an approved report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { richTextFromMarkup } from '../../../lib/rich-text-markup.js';
import type { TReport, TReportSection } from '../model.js';
import { startReports } from '../test-factories.js';
import { json } from '../../../test/app.js';

let t: Awaited<ReturnType<typeof startReports>>;
const NONE = '00000000-0000-4000-8000-000000000000';
beforeAll(async () => { t = await startReports(); });
afterAll(() => t.database.drop());

const section = (r: TReport, number: string) => r.sections.find((s): s is TReportSection => 'narrative' in s && s.number === number)!;

describe('data blocks', () => {
  let report: TReport;

  it('lists the registered types with their parameters as JSON Schema, for staff', async () => {
    const { types } = await json(await t.leader.get('/api/report-block-types'), 200);
    const desk = types.find((x: any) => x.type === 'servicedesk.new-by-category');
    expect(desk).toMatchObject({ module: 'servicedesk', label: { nb: 'Nye feil og forespørsler per kategori' } });
    expect(desk.paramsSchema.properties.months).toMatchObject({ type: 'integer', minimum: 1, maximum: 12, default: 4 });
    expect((await t.anon.get('/api/report-block-types')).status).toBe(401);
    expect((await t.council.get('/api/report-block-types')).status).toBe(403);
  });

  it('adds blocks with their parameters checked by the type, for those who may edit the section', async () => {
    await json(await t.leader.put('/api/report-glossary', { terms: [{ term: 'AD', definition: 'Active Directory' }] }), 200);
    report = await json<TReport>(await t.leader.post('/api/reports', { kind: 'aktivitetsrapport', asOf: '2023-12-01' }), 201);
    const cat = section(report, '2.1.5.1');
    const unknown = await json(await t.desk.post(`/api/report-sections/${cat.id}/blocks`, { type: 'nope.block' }), 400);
    expect(unknown.error.fields[0].path).toBe('type');
    const badParams = await json(await t.desk.post(`/api/report-sections/${cat.id}/blocks`, { type: 'servicedesk.new-by-category', params: { months: 40 } }), 400);
    expect(badParams.error.fields[0].path).toBe('params.months');
    expect((await t.drift.post(`/api/report-sections/${cat.id}/blocks`, { type: 'servicedesk.new-by-category' })).status).toBe(403);
    expect((await t.desk.post(`/api/report-sections/${NONE}/blocks`, { type: 'reports.glossary' })).status).toBe(404);
    report = await json<TReport>(await t.desk.post(`/api/report-sections/${cat.id}/blocks`, { type: 'servicedesk.new-by-category', params: { months: 2 } }), 201);
    expect(section(report, '2.1.5.1').blocks).toMatchObject([{ type: 'servicedesk.new-by-category', params: { months: 2 }, frozenAt: null, position: 1 }]);
    const begreper = section(report, '3');
    report = await json<TReport>(await t.leader.post(`/api/report-sections/${begreper.id}/blocks`, { type: 'reports.glossary' }), 201);
    const blockId = section(report, '2.1.5.1').blocks[0]!.id;
    report = await json<TReport>(await t.desk.patch(`/api/report-blocks/${blockId}`, { params: { months: 3 }, revision: 1 }), 200);
    expect(section(report, '2.1.5.1').blocks[0]!.params).toEqual({ months: 3 });
    expect((await t.desk.patch(`/api/report-blocks/${blockId}`, { params: { months: 0 }, revision: 2 })).status).toBe(400);
  });

  it('gives the page each block with its charts as SVG and the figures as alt text', async () => {
    const { blocks } = await json(await t.leader.get(`/api/reports/${report.id}/data`), 200);
    expect(blocks.map((b: any) => b.type)).toEqual(expect.arrayContaining(['servicedesk.new-by-category', 'reports.glossary']));
    const desk = blocks.find((b: any) => b.type === 'servicedesk.new-by-category');
    expect(desk.frozen).toBe(false);
    expect(desk.data.charts[0].svg).toMatch(/^<svg /);
    expect(desk.data.charts[0].alt).toMatch(/^Feil og forespørsler per kategori \(saker\)\./);
    expect(desk.data.tables[0].columns.map((c: any) => c.label)).toEqual(['Kategori', 'september 2023', 'oktober 2023', 'november 2023']);
    expect((await t.council.get(`/api/reports/${report.id}/data`)).status).toBe(404);
  });

  it('freezes every block on approval, so a later correction does not change the approved report', async () => {
    const s = section(report, '3');
    report = await json<TReport>(await t.leader.patch(`/api/report-sections/${s.id}`, { revision: s.revision, narrative: richTextFromMarkup('Ordliste.') }), 200);
    report = await json<TReport>(await t.leader.post(`/api/reports/${report.id}/approve`, { revision: report.revision }), 200);
    expect(section(report, '3').blocks[0]!.frozenAt).not.toBeNull();
    await json(await t.leader.put('/api/report-glossary', { terms: [{ term: 'AD', definition: 'Rettet forklaring' }] }), 200);
    const { blocks } = await json(await t.council.get(`/api/reports/${report.id}/data`), 200);
    const glossary = blocks.find((b: any) => b.type === 'reports.glossary');
    expect(glossary.frozen).toBe(true);
    expect(glossary.data.tables[0].rows).toEqual([{ cells: ['AD', 'Active Directory'] }]);
    expect((await t.leader.delete(`/api/report-blocks/${glossary.blockId}`)).status).toBe(409);
  });

  it('leaves an exempt section\'s blocks out of the public data', async () => {
    const v2 = await json<TReport>(await t.leader.post(`/api/reports/${report.id}/reopen`, { revision: report.revision }), 200);
    const s = section(v2, '2.1.5.1');
    let r = await json<TReport>(await t.leader.patch(`/api/report-sections/${s.id}`, { revision: s.revision, access: 'unntatt', legalBasisId: t.world.legalBasisId }), 200);
    r = await json<TReport>(await t.leader.post(`/api/reports/${r.id}/approve`, { revision: r.revision }), 200);
    r = await json<TReport>(await t.leader.patch(`/api/reports/${r.id}`, { revision: r.revision, published: true }), 200);
    const pub = await json(await t.anon.get(`/api/public/reports/${r.id}/data`), 200);
    expect(pub.blocks.map((b: any) => b.type)).toEqual(['reports.glossary']);
    const council = await json(await t.council.get(`/api/reports/${r.id}/data`), 200);
    expect(council.blocks.map((b: any) => b.type).sort()).toEqual(['reports.glossary', 'servicedesk.new-by-category']);
  });
});
