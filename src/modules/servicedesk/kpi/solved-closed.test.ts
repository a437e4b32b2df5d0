// Solved (løst) and closed (lukket) counted apart in the KPI pack, the report block and the paper, on
// hand-made tickets whose months are worked out here (period October–November 2023):
//
//  A  Molde  02.10 created, solved 05.10, closed by the desk 02.11                                → solved Oct, closed Nov
//  B  Molde  03.10 created, solved 04.10, never closed                                              → solved Oct
//  C  Aukra  10.10 created, closed by the desk 12.10 without being solved                           → closed Oct
//  D  Molde  11.10 created, solved 13.10, reopened 16.10, solved again 03.11                        → solved Nov (the last solve)
//  E  Molde  01.11 created, solved 02.11 09:00, closed by the 3-2-1 job 06.11 (3 attempts, 2 days) → solved Nov, closed Nov
//
//            solved  closed  done (trend.closed: solved, else closed, while done)
//  October     2       1       3 (A, B, C)
//  November    2       2       2 (D, E)
//
// Each month has a different figure in each column, so a pack that merged solved and closed, or that
// counted either as "done", fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { composeServiceDeskDocument } from '../../../documents/servicedesk.js';
import { loadBlockLive } from '../../reports/blocks.service.js';
import { registerServiceDeskReportBlocks } from '../report-blocks.js';
import { closeUnconfirmedTickets } from '../jobs.js';
import { buildServiceDesk, oslo, type TServiceDeskFixture } from '../test-factories.js';
import { createTicket } from '../tickets/tickets.create.js';
import { logContactAttempt, reopenTicket, updateTicket } from '../tickets/tickets.update.js';
import { buildKpiPack } from './kpi.service.js';
import { kpiPackXlsx } from './kpi-xlsx.js';
import ExcelJS from 'exceljs';

let database: TestDatabase;
let f: TServiceDeskFixture;

async function ticket(title: string, municipality: 'molde' | 'aukra', at: string) {
  return createTicket(database.db, f.agent, {
    type: 'feilmelding', category: 'Infrastruktur', title, description: 'Beskrivelse', priority: 'medium',
    municipalityId: f[municipality].id, requesterName: 'Innmelder', requesterEmail: 'innmelder@molde.kommune.no', now: oslo(at),
  });
}
const status = (id: string, to: 'lost' | 'lukket', at: string) => updateTicket(database.db, f.agent, { id, status: to, now: oslo(at) });

beforeAll(async () => {
  database = await createTestDatabase();
  f = await buildServiceDesk(database.db);
  registerServiceDeskReportBlocks();
  const a = await ticket('A', 'molde', '2023-10-02T09:00');
  await status(a.id, 'lost', '2023-10-05T09:00');
  await status(a.id, 'lukket', '2023-11-02T09:00');
  const b = await ticket('B', 'molde', '2023-10-03T09:00');
  await status(b.id, 'lost', '2023-10-04T09:00');
  const c = await ticket('C', 'aukra', '2023-10-10T09:00');
  await status(c.id, 'lukket', '2023-10-12T09:00');
  const d = await ticket('D', 'molde', '2023-10-11T09:00');
  await status(d.id, 'lost', '2023-10-13T09:00');
  await reopenTicket(database.db, f.agent, { id: d.id, now: oslo('2023-10-16T09:00') });
  await status(d.id, 'lost', '2023-11-03T09:00');
  const e = await ticket('E', 'molde', '2023-11-01T09:00');
  await status(e.id, 'lost', '2023-11-02T09:00');
  for (const when of ['2023-11-02T13:00', '2023-11-03T09:00', '2023-11-06T09:00']) {
    await logContactAttempt(database.db, f.agent, { id: e.id, method: 'telefon', now: oslo(when) });
  }
  expect((await closeUnconfirmedTickets(database.db, { now: oslo('2023-11-06T10:00') })).closed).toEqual([e.number]);
});
afterAll(() => database.drop());

describe('solved and closed counted apart', () => {
  it('in the KPI pack, next to the trend\'s done count', async () => {
    const pack = await buildKpiPack(database.db, f.agent, { from: '2023-10', to: '2023-11' });
    expect(pack.solvedAndClosed).toEqual([
      { month: '2023-10', solved: 2, closed: 1 },
      { month: '2023-11', solved: 2, closed: 2 },
    ]);
    expect(pack.solvedAndClosedTotal).toEqual({ solved: 4, closed: 3 });
    expect(pack.trend.map((t) => [t.month, t.new, t.closed, t.open])).toEqual([['2023-10', 4, 3, 1], ['2023-11', 1, 2, 0]]);
  });

  it('for one municipality: Aukra\'s directly closed case is Aukra\'s only', async () => {
    const molde = await buildKpiPack(database.db, f.anne, { from: '2023-10', to: '2023-11' });
    expect(molde.solvedAndClosed).toEqual([{ month: '2023-10', solved: 2, closed: 0 }, { month: '2023-11', solved: 2, closed: 2 }]);
    const aukra = await buildKpiPack(database.db, f.agent, { from: '2023-10', to: '2023-11', municipality: f.aukra.id });
    expect(aukra.solvedAndClosedTotal).toEqual({ solved: 0, closed: 1 });
  });

  it('a period cut from a longer read counts the same', async () => {
    const november = await buildKpiPack(database.db, f.agent, { from: '2023-11', to: '2023-11' });
    expect(november.solvedAndClosed).toEqual([{ month: '2023-11', solved: 2, closed: 2 }]);
  });

  it('in the report block, the paper and the spreadsheet', async () => {
    const block = await loadBlockLive(database.db, { cooperationId: f.coop.id, asOf: '2023-12-01' }, { type: 'servicedesk.solved-closed', params: { months: 2 } });
    expect(block.tables[0]!.columns.map((c) => c.label)).toEqual(['Måned', 'Nye saker', 'Løste saker', 'Lukkede saker']);
    expect(block.tables[0]!.rows.map((r) => r.cells)).toEqual([
      ['oktober 2023', '4', '2', '1'], ['november 2023', '1', '2', '2'], ['Sum', '5', '4', '3'],
    ]);
    expect(block.charts[0]!.series.map((s) => [s.name, s.values])).toEqual([['Nye saker', [4, 1]], ['Løste saker', [2, 2]], ['Lukkede saker', [1, 2]]]);

    const pack = await buildKpiPack(database.db, f.council, { from: '2023-10', to: '2023-11' });
    const paper = composeServiceDeskDocument(pack, 'ROR-IKT');
    const row = (label: string) => paper.trend.find((r) => r.label === label)?.cells;
    expect(row('Løst eller lukket')).toEqual(['3', '2']);
    expect(row('Løst i måneden')).toEqual(['2', '2']);
    expect(row('Lukket i måneden')).toEqual(['1', '2']);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await kpiPackXlsx(pack, 'ROR-IKT') as unknown as ArrayBuffer);
    const trend = workbook.getWorksheet('Trend')!;
    expect((trend.getRow(2).values as unknown[]).slice(-2)).toEqual(['Løst', 'Lukket']);
    expect((trend.getRow(3).values as unknown[]).slice(-2)).toEqual([2, 1]);
    expect((trend.getRow(4).values as unknown[]).slice(-2)).toEqual([2, 2]);
  });
});
