// Review comments over HTTP: staff comment on a section while the report is open; the section's owner
// or the leader resolves; approval waits until none is open; the council and the public never read them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../../test/app.js';
import type { TReport, TReportSection } from '../model.js';
import { startReports } from '../test-factories.js';

let t: Awaited<ReturnType<typeof startReports>>;
const NONE = '00000000-0000-4000-8000-000000000000';
beforeAll(async () => { t = await startReports(); });
afterAll(() => t.database.drop());
const section = (r: TReport, number: string) => r.sections.find((s): s is TReportSection => 'narrative' in s && s.number === number)!;

describe('review comments', () => {
  it('are written by staff, resolved by the section owner or the leader, and hold approval back until resolved', async () => {
    let report: TReport = await json(await t.leader.post('/api/reports', { kind: 'aktivitetsrapport', asOf: '2023-12-01' }), 201);
    report = await json(await t.leader.post(`/api/reports/${report.id}/submit`, { revision: report.revision }), 200);
    const kundeservice = section(report, '2.1');
    const path = `/api/report-sections/${kundeservice.id}/comments`;
    expect((await t.anon.post(path, { text: 'x' })).status).toBe(401);
    expect((await t.council.post(path, { text: 'x' })).status).toBe(403);
    expect((await t.muni.post(path, { text: 'x' })).status).toBe(403);
    expect((await json(await t.drift.post(path, { text: '  ' }), 400)).error.fields[0].path).toBe('text');
    expect((await t.drift.post(`/api/report-sections/${NONE}/comments`, { text: 'x' })).status).toBe(404);

    // Dag (owner of other sections) reviews Kari's section.
    report = await json(await t.drift.post(path, { text: 'Tallet for åpne saker mangler i teksten.' }), 201);
    const [comment] = section(report, '2.1').comments;
    expect(comment).toMatchObject({ authorName: 'Dag Drift', text: 'Tallet for åpne saker mangler i teksten.', resolvedAt: null, mayResolve: false });
    const asOwner: TReport = await json(await t.desk.get(`/api/reports/${report.id}`), 200);
    expect(section(asOwner, '2.1').comments[0]!.mayResolve).toBe(true);

    const approve = await json(await t.leader.post(`/api/reports/${report.id}/approve`, { revision: report.revision }), 409);
    expect(approve.error.message).toBe('Én merknad er ikke løst ennå');

    expect((await t.drift.post(`/api/report-comments/${comment!.id}/resolve`, {})).status).toBe(403);
    expect((await t.council.post(`/api/report-comments/${comment!.id}/resolve`, {})).status).toBe(403);
    expect((await t.desk.post(`/api/report-comments/${NONE}/resolve`, {})).status).toBe(404);
    report = await json(await t.desk.post(`/api/report-comments/${comment!.id}/resolve`, {}), 200);
    expect(section(report, '2.1').comments[0]).toMatchObject({ resolvedByName: 'Kari Kundeservice', mayResolve: false });
    expect((await json(await t.leader.post(`/api/report-comments/${comment!.id}/resolve`, {}), 409)).error.message).toBe('Merknaden er allerede løst av Kari Kundeservice');

    report = await json(await t.leader.post(`/api/reports/${report.id}/approve`, { revision: report.revision }), 200);
    expect(report.status).toBe('godkjent');
    expect((await t.drift.post(path, { text: 'For sent' })).status).toBe(409);
    expect(section(report, '2.1').comments).toHaveLength(1);

    // The council reads the approved report without the staff's working notes; so does the public once published.
    const council: TReport = await json(await t.council.get(`/api/reports/${report.id}`), 200);
    expect(section(council, '2.1').comments).toEqual([]);
    expect(JSON.stringify(council)).not.toContain('Tallet for åpne saker');
    await json(await t.leader.patch(`/api/reports/${report.id}`, { revision: report.revision, published: true }), 200);
    const pub = await json(await t.anon.get(`/api/public/reports/${report.id}`), 200);
    expect(JSON.stringify(pub)).not.toContain('Tallet for åpne saker');
  });
});
