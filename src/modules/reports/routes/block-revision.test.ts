// A report's data block edited by two people follows decision 0024 (src/test/revision-convention.ts):
// its PATCH takes the block's revision as read in the report, and a stale one is refused with 409
// `stale`, writing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClients, json } from '../../../test/app.js';
import { checkRevisionConvention } from '../../../test/revision-convention.js';
import type { TReport, TReportSection } from '../model.js';
import { REPORT_PASSWORD, startReports } from '../test-factories.js';

let t: Awaited<ReturnType<typeof startReports>>;
beforeAll(async () => { t = await startReports(); });
afterAll(() => t.database.drop());

const blockOf = (r: TReport, id: string) => r.sections.flatMap((s) => ('blocks' in s ? (s as TReportSection).blocks : [])).find((b) => b.id === id)!;

describe('a data block edited from two browsers', () => {
  it('takes the block\'s revision, counts it up, and refuses a stale edit with 409 stale', async () => {
    const created = await json<TReport>(await t.leader.post('/api/reports', { kind: 'aktivitetsrapport', asOf: '2023-12-01' }), 201);
    const section = created.sections.find((s): s is TReportSection => 'narrative' in s && s.number === '2.1.5.1')!;
    const withBlock = await json<TReport>(await t.desk.post(`/api/report-sections/${section.id}/blocks`, { type: 'servicedesk.new-by-category', params: { months: 2 } }), 201);
    const blockId = (withBlock.sections.find((s) => s.id === section.id) as TReportSection).blocks[0]!.id;
    expect(blockOf(withBlock, blockId).revision).toBe(1);
    const { desk2 } = await buildClients(t.app, { desk2: 'kundeservice@example.no' }, REPORT_PASSWORD);
    await checkRevisionConvention({
      path: `/api/report-blocks/${blockId}`,
      read: async () => {
        const block = blockOf(await json<TReport>(await t.leader.get(`/api/reports/${created.id}`), 200), blockId);
        return { revision: block.revision, value: block.params };
      },
      edits: [{ body: { params: { months: 3 } }, value: { months: 3 } }, { body: { params: { months: 6 } }, value: { months: 6 } }],
      answered: (report: TReport) => blockOf(report, blockId).revision,
      editors: [t.desk, desk2],
    });
  });
});
