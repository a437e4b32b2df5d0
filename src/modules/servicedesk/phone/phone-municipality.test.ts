// Phone statistics per municipality, when the phone system's export has a municipality column (a queue
// or number per municipality). The figures are worked out by hand here:
//
//   October 2023, per municipality (file PER_MUNICIPALITY):
//     02.10 Molde 30 offered, 27 answered, wait 0:20, talk 3:00 | Aukra 10, 9, 0:50, 4:00
//     03.10 Molde 40, 30, 1:00, 4:30 (named by its number 1506)  | Aukra 20, 20, 0:30, 5:00 («Aukra kommune»)
//   All:   100 offered, 86 answered = 86 %; wait by offered (20·30 + 50·10 + 60·40 + 30·20)/100 = 41 s;
//          talk by answered (180·27 + 240·9 + 270·30 + 300·20)/86 = 245,6 → 246 s.
//          Per day: 02.10 40/36 = 90 %, wait 1 100/40 = 27,5 → 28 s, talk 7 020/36 = 195 s;
//                   03.10 60/50 = 83,3 %, wait 3 000/60 = 50 s, talk 14 100/50 = 282 s.
//   Molde: 70/57 = 81,4 %; wait 3 000/70 = 42,9 → 43 s; talk 12 960/57 = 227,4 → 227 s.
//   Aukra: 30/29 = 96,7 %; wait 1 100/30 = 36,7 → 37 s; talk 8 160/29 = 281,4 → 281 s.
//   November 2023 (file QUEUE_ONLY): 01.11 50 offered, 45 answered, for the whole queue, attributed to
//   no municipality: in the all-municipalities figures, in no municipality's.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { json } from '../../../test/app.js';
import { readCsv } from '../../../lib/table-file/index.js';
import { composeServiceDeskDocument } from '../../../documents/servicedesk.js';
import { loadBlockLive } from '../../reports/blocks.service.js';
import { registerServiceDeskReportBlocks } from '../report-blocks.js';
import { buildKpiPack } from '../kpi/kpi.service.js';
import { sdPhoneStats } from '../schema.js';
import { startServiceDesk, type TDeskWorld } from '../desk-fixture.js';
import { parsePhoneTable } from './phone-stats.service.js';

const PER_MUNICIPALITY = [
  'Dato;Kommune;Anrop;Besvart;Snitt ventetid;Snitt samtaletid',
  '02.10.2023;Molde;30;27;0:20;3:00',
  '02.10.2023;Aukra;10;9;0:50;4:00',
  '03.10.2023;1506;40;30;1:00;4:30',
  '03.10.2023;Aukra kommune;20;20;0:30;5:00',
].join('\n');
const QUEUE_ONLY = ['Dato;Anrop;Besvart;Snitt ventetid;Snitt samtaletid', '01.11.2023;50;45;0:30;3:00'].join('\n');

let w: TDeskWorld;
const form = (text: string, extra: Record<string, string> = {}) => {
  const data = new FormData();
  data.append('file', new File([text], 'telefon.csv', { type: 'text/csv' }));
  for (const [k, v] of Object.entries(extra)) data.append(k, v);
  return data;
};
const rowCount = async () => (await w.database.db.select({ n: count() }).from(sdPhoneStats))[0]!.n;

beforeAll(async () => {
  w = await startServiceDesk();
  registerServiceDeskReportBlocks();
});
afterAll(() => w.database.drop());

describe('parsePhoneTable with a municipality column', () => {
  const members = () => [
    { id: w.desk.molde.id, name: 'Molde', number: '1506' }, { id: w.desk.aukra.id, name: 'Aukra', number: '1547' },
  ];

  it('reads the municipality by name, number or «X kommune»', () => {
    const parsed = parsePhoneTable(readCsv(PER_MUNICIPALITY), { municipalities: members() });
    expect(parsed.issueCount).toBe(0);
    expect(parsed.days.map((d) => [d.day, d.municipality, d.offered, d.answered, d.meanWaitSeconds, d.meanTalkSeconds])).toEqual([
      ['2023-10-02', 'Aukra', 10, 9, 50, 240], ['2023-10-02', 'Molde', 30, 27, 20, 180],
      ['2023-10-03', 'Aukra', 20, 20, 30, 300], ['2023-10-03', 'Molde', 40, 30, 60, 270],
    ]);
    expect(parsed.days[0]!.municipalityId).toBe(w.desk.aukra.id);
  });

  it('names an unknown or missing municipality and a day twice for the same one, row by row', () => {
    const bad = parsePhoneTable(readCsv([
      'Dato;Kommune;Anrop;Besvart;Snitt ventetid;Snitt samtaletid',
      '02.10.2023;Molde;30;27;0:20;3:00',
      '02.10.2023;Oslo;10;9;0:50;4:00',
      '02.10.2023;;10;9;0:50;4:00',
      '02.10.2023;molde;5;5;0:10;1:00',
      '02.10.2023;Aukra;5;5;0:10;1:00',
    ].join('\n')), { municipalities: members() });
    expect(bad.issues).toEqual([
      { row: 3, column: 'municipality', message: 'Rad 3: ukjent kommune «Oslo»' },
      { row: 4, column: 'municipality', message: 'Rad 4: mangler kommune' },
      { row: 5, column: 'day', message: 'Rad 5: datoen 02.10.2023 for Molde står også på rad 2' },
    ]);
  });

  it('takes the column under another name when the mapping names it', () => {
    const text = PER_MUNICIPALITY.replace('Kommune', 'Kø');
    // Without the mapping «Kø» is no column of ours: the rows are the whole queue's, and the same day twice.
    expect(parsePhoneTable(readCsv(text), { municipalities: members() }).issues[0]!.message).toBe('Rad 3: datoen 02.10.2023 står også på rad 2');
    expect(parsePhoneTable(readCsv(text), { municipalities: members(), municipalityColumn: 'kø' }).days).toHaveLength(4);
    expect(parsePhoneTable(readCsv(PER_MUNICIPALITY), { municipalities: members(), municipalityColumn: 'Kunde' }).issues)
      .toEqual([{ row: 1, column: 'municipality', message: 'Kolonnen «Kunde» (for municipality) finnes ikke i overskriftsraden' }]);
  });
});

describe('phone statistics per municipality through HTTP', () => {
  it('previews the calls per municipality, writing nothing', async () => {
    const preview = await json(await w.agent.post('/api/servicedesk/phone-stats/preview', form(PER_MUNICIPALITY)), 200);
    expect(preview.totals).toEqual({ offered: 100, answered: 86, answerRate: 86 });
    expect(preview.byMunicipality).toEqual([
      { municipalityId: w.desk.aukra.id, municipality: 'Aukra', offered: 30, answered: 29, answerRate: 96.7 },
      { municipalityId: w.desk.molde.id, municipality: 'Molde', offered: 70, answered: 57, answerRate: 81.4 },
    ]);
    expect(preview.days[1]).toMatchObject({ day: '2023-10-02', municipality: 'Molde', municipalityId: w.desk.molde.id, answerRate: 90 });
    expect(await rowCount()).toBe(0);
    // A mapping that names a column the file lacks is a refused file.
    const refused = await json(await w.agent.post('/api/servicedesk/phone-stats/preview', form(PER_MUNICIPALITY, { municipalityColumn: 'Kunde' })), 400);
    expect(refused.error.issues[0]).toMatchObject({ row: 1, column: 'municipality' });
  });

  it('imports, lists all per day or one municipality, and importing again changes nothing', async () => {
    await json(await w.agent.post('/api/servicedesk/phone-stats', form(PER_MUNICIPALITY)), 201);
    const once = await w.database.db.select().from(sdPhoneStats);
    expect(once).toHaveLength(4);
    const again = await json(await w.agent.post('/api/servicedesk/phone-stats', form(PER_MUNICIPALITY)), 201);
    expect(again.replacesDays).toEqual(['2023-10-02', '2023-10-03']);
    const strip = (rows: typeof once) => rows.map(({ importedAt: _, ...r }) => r).sort((a, b) => a.id.localeCompare(b.id));
    expect(strip(await w.database.db.select().from(sdPhoneStats))).toEqual(strip(once));

    const all = await json(await w.council.get('/api/servicedesk/phone-stats?from=2023-10-01&to=2023-10-31'), 200);
    expect(all.days).toEqual([
      { day: '2023-10-02', offered: 40, answered: 36, answerRate: 90, meanWaitSeconds: 28, meanTalkSeconds: 195 },
      { day: '2023-10-03', offered: 60, answered: 50, answerRate: 83.3, meanWaitSeconds: 50, meanTalkSeconds: 282 },
    ]);
    expect(all.totals).toEqual({ offered: 100, answered: 86, answerRate: 86 });
    expect(all.byMunicipality.map((m: { municipality: string; answerRate: number }) => [m.municipality, m.answerRate])).toEqual([['Aukra', 96.7], ['Molde', 81.4]]);

    const molde = await json(await w.council.get(`/api/servicedesk/phone-stats?from=2023-10-01&to=2023-10-31&municipality=${w.desk.molde.id}`), 200);
    expect(molde.days.map((d: { day: string; offered: number; meanWaitSeconds: number }) => [d.day, d.offered, d.meanWaitSeconds])).toEqual([['2023-10-02', 30, 20], ['2023-10-03', 40, 60]]);
    expect(molde.totals).toEqual({ offered: 70, answered: 57, answerRate: 81.4 });
    expect(molde.byMunicipality).toEqual([]);
    expect((await json(await w.council.get(`/api/servicedesk/phone-stats?from=2023-10-01&to=2023-10-31&municipality=${randomUUID()}`), 404)).error.code).toBe('not_found');
    expect((await json(await w.council.get('/api/servicedesk/phone-stats?from=2023-10-01&to=2023-10-31&municipality=nope'), 400)).error.fields[0].path).toBe('municipality');
    expect((await json(await w.anne.get(`/api/servicedesk/phone-stats?from=2023-10-01&to=2023-10-31&municipality=${w.desk.molde.id}`), 403)).error.code).toBe('forbidden');
  });

  it('gives the KPI pack every call for all, and a municipality user only their own', async () => {
    await json(await w.agent.post('/api/servicedesk/phone-stats', form(QUEUE_ONLY)), 201);
    const all = await buildKpiPack(w.database.db, w.desk.agent, { from: '2023-10', to: '2023-11' });
    expect(all.phone).toEqual([
      { month: '2023-10', offered: 100, answered: 86, answerRate: 86, meanWaitSeconds: 41, meanTalkSeconds: 246 },
      { month: '2023-11', offered: 50, answered: 45, answerRate: 90, meanWaitSeconds: 30, meanTalkSeconds: 180 },
    ]);
    expect(all.phoneUnattributed).toEqual([]);

    // Anne (Molde) over HTTP, asking for nothing: Molde's calls; November's are nobody's.
    const anne = await json(await w.anne.get('/api/servicedesk/kpi?from=2023-10&to=2023-11'), 200);
    expect(anne.phone).toEqual([
      { month: '2023-10', offered: 70, answered: 57, answerRate: 81.4, meanWaitSeconds: 43, meanTalkSeconds: 227 },
      { month: '2023-11', offered: 0, answered: 0, answerRate: null, meanWaitSeconds: null, meanTalkSeconds: null },
    ]);
    expect(anne.phoneUnattributed).toEqual(['2023-11']);
    expect((await json(await w.anne.get(`/api/servicedesk/kpi?from=2023-10&to=2023-11&municipality=${w.desk.aukra.id}`), 403)).error.code).toBe('forbidden');
    // The desk asks for Aukra.
    const aukra = await json(await w.agent.get(`/api/servicedesk/kpi?from=2023-10&to=2023-10&municipality=${w.desk.aukra.id}`), 200);
    expect(aukra.phone).toEqual([{ month: '2023-10', offered: 30, answered: 29, answerRate: 96.7, meanWaitSeconds: 37, meanTalkSeconds: 281 }]);
    expect(aukra.phoneUnattributed).toEqual([]);

    // The paper says why November shows no calls for Molde.
    const paper = composeServiceDeskDocument(anne, 'ROR-IKT');
    expect(paper.phoneNote).toBe('Telefontallene for november 2023 er ikke fordelt på kommuner og er ikke med i tallene for Molde.');
    expect(composeServiceDeskDocument(all, 'ROR-IKT').phoneNote).toBeNull();
  });

  it('prints one municipality in the report block when asked, all otherwise', async () => {
    const ctx = { cooperationId: w.desk.coop.id, asOf: '2023-12-01' };
    const molde = await loadBlockLive(w.database.db, ctx, { type: 'servicedesk.phone', params: { months: 2, municipality: w.desk.molde.id } });
    expect(molde.title).toBe('Henvendelser per telefon – Molde');
    expect(molde.tables[0]!.rows.map((r) => r.cells)).toEqual([
      ['oktober 2023', '70', '57', '81\u00a0%', '0:43', '3:47'], ['november 2023', '0', '0', '–', '–', '–'],
    ]);
    expect(molde.notes).toEqual([
      'Svarprosent i perioden: 81,4\u00a0%.', 'Telefontallene for november 2023 er ikke fordelt på kommuner og er ikke med i tallene for Molde.',
    ]);
    const all = await loadBlockLive(w.database.db, ctx, { type: 'servicedesk.phone', params: { months: 2 } });
    expect(all.title).toBe('Henvendelser per telefon');
    expect(all.tables[0]!.rows.map((r) => r.cells.slice(0, 3))).toEqual([['oktober 2023', '100', '86'], ['november 2023', '50', '45']]);
    const gone = await loadBlockLive(w.database.db, ctx, { type: 'servicedesk.phone', params: { months: 2, municipality: '00000000-0000-4000-8000-000000000000' } });
    expect(gone.notes).toEqual(['Kommunen blokken gjelder, finnes ikke lenger.']);
  });

  it('a file of the whole queue replaces the municipalities\' rows of its days, and back', async () => {
    const queue = await json(await w.agent.post('/api/servicedesk/phone-stats', form(['Dato;Anrop;Besvart;Snitt ventetid;Snitt samtaletid', '02.10.2023;45;40;0:25;3:10'].join('\n'))), 201);
    expect(queue.replacesDays).toEqual(['2023-10-02']);
    const october = await json(await w.council.get('/api/servicedesk/phone-stats?from=2023-10-01&to=2023-10-31'), 200);
    expect(october.days.map((d: { day: string; offered: number }) => [d.day, d.offered])).toEqual([['2023-10-02', 45], ['2023-10-03', 60]]);
    expect(october.byMunicipality.map((m: { municipality: string | null; offered: number }) => [m.municipality, m.offered])).toEqual([['Aukra', 20], ['Molde', 40], [null, 45]]);
    const molde = await buildKpiPack(w.database.db, w.desk.anne, { from: '2023-10', to: '2023-10' });
    expect(molde.phone[0]).toMatchObject({ offered: 40, answered: 30 });
    expect(molde.phoneUnattributed).toEqual(['2023-10']);

    await json(await w.agent.post('/api/servicedesk/phone-stats', form(PER_MUNICIPALITY)), 201);
    expect((await buildKpiPack(w.database.db, w.desk.anne, { from: '2023-10', to: '2023-10' })).phoneUnattributed).toEqual([]);
    expect(await rowCount()).toBe(5);
  });
});
