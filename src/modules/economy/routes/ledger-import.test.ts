// Ledger import through the HTTP API: a good file (preview, then commit), the same file twice (no double
// counting), bad rows and wrong columns (refused whole, row and column named, nothing changed), XLSX and
// CSV with Norwegian number formats. A test that counts what imports wrote works in a year of its own,
// so it holds whichever tests ran before it (vitest --sequence.shuffle).
import ExcelJS from 'exceljs';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../audit/schema.js';
import { readCsv } from '../../../lib/table-file/index.js';
import { parseLedgerTable, parsePeriod } from '../ledger-file.js';
import { actuals, ledgerImports } from '../schema.js';
import { SALARIES, startEconomy, type TEconomyStart } from '../economy-fixture.js';

let e: TEconomyStart<'lonn' | 'inntekter' | 'grunnmur'>;

beforeAll(async () => {
  e = await startEconomy({}, {
    lonn: SALARIES, inntekter: { name: 'Inntekter', isIncome: true, account: '16200' },
    grunnmur: { name: 'Grunnmur del 3', kind: 'investering', project: 'P2308' },
  });
});
afterAll(() => e.database.drop());

const upload = (name: string, content: string | Uint8Array, type = 'text/csv') => {
  const form = new FormData();
  form.set('file', new File([content as BlobPart], name, { type }));
  return form;
};

async function post(path: string, form: FormData, status: number) {
  const res = await e.staff.post(path, form);
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body;
}

const actualsTotal = async (year = 2023) => {
  const rows = await e.database.db.select({ lineId: actuals.lineId, ore: actuals.amountOre }).from(actuals)
    .where(and(eq(actuals.cooperationId, e.world.cooperationId), eq(actuals.year, year)));
  const byLine: Record<string, number> = {};
  for (const r of rows) byLine[r.lineId] = (byLine[r.lineId] ?? 0) + r.ore;
  return { count: rows.length, byLine };
};

// Semicolons, a BOM, a non-breaking space and a minus sign, as a Norwegian Excel/Visma export writes them.
const mayOf = (year: number) => '\ufeffkonto;prosjekt;periode;beløp\r\n'
  + `10100;;${year}-05;1 234,50\r\n`
  + `10100;;${year}-05;"2\u00a0000,00"\r\n`
  + `16200;;${year}-05;-1 361\r\n`
  + `16200;;${year}-05;\u2212100\r\n`
  + `02300;P2308;${year}-05;117 000\r\n`;
const MAY = mayOf(2023);

describe('ledger file reading', () => {
  it('reads Norwegian CSV and periods', () => {
    const parsed = parseLedgerTable(readCsv(MAY), 2023);
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows.map((r) => r.amountOre)).toEqual([123_450, 200_000, -136_100, -10_000, 11_700_000]);
    expect(parsed.rows[4]).toMatchObject({ row: 6, account: '02300', project: 'P2308', period: 5 });
    expect(parsePeriod('202311', 2023)).toBe(11);
    expect(parsePeriod('11.2023', 2023)).toBe(11);
    expect(parsePeriod('7', 2023)).toBe(7);
    expect(parsePeriod('2022-12', 2023)).toMatch(/2022/);
    expect(parsePeriod('13', 2023)).toMatch(/1–12/);
  });
});

describe('POST /api/economy/{year}/ledger-imports', () => {
  it('previews totals per line and writes nothing', async () => {
    const preview = await post('/api/economy/2019/ledger-imports/preview', upload('mai.csv', mayOf(2019)), 200);
    expect(preview).toMatchObject({ year: 2019, periods: [5], rowCount: 5, totalOre: 123_450 + 200_000 - 136_100 - 10_000 + 11_700_000, replacesRows: 0 });
    const byLine = Object.fromEntries(preview.lines.map((l: { lineId: string; totalOre: number }) => [l.lineId, l.totalOre]));
    expect(byLine).toEqual({ [e.lines.lonn]: 323_450, [e.lines.inntekter]: -146_100, [e.lines.grunnmur]: 11_700_000 });
    expect((await actualsTotal(2019)).count).toBe(0);
  });

  it('commits, and importing the same period again replaces it (no double counting)', async () => {
    const first = await post('/api/economy/2020/ledger-imports', upload('mai.csv', mayOf(2020)), 201);
    expect(first.replacesRows).toBe(0);
    const once = await actualsTotal(2020);
    expect(once.byLine).toEqual({ [e.lines.lonn]: 323_450, [e.lines.inntekter]: -146_100, [e.lines.grunnmur]: 11_700_000 });
    const second = await post('/api/economy/2020/ledger-imports', upload('mai.csv', mayOf(2020)), 201);
    expect(second.replacesRows).toBe(5);
    expect(await actualsTotal(2020)).toEqual(once);
    // The replaced import leaves no record behind; the audit log keeps both.
    const [imported] = await e.database.db.select({ n: count() }).from(ledgerImports).where(eq(ledgerImports.year, 2020));
    expect(Number(imported!.n)).toBe(1);
    const audits = (await e.database.db.select().from(auditLog).where(eq(auditLog.entity, 'economy_ledger_import')).orderBy(auditLog.id))
      .filter((a) => (a.after as { year?: number } | null)?.year === 2020);
    expect(audits).toHaveLength(2);
    expect(audits[1]!.after).toMatchObject({ periods: [5], rowCount: 5, replacedRows: 5 });
  });

  it('keeps other periods when a period is re-imported', async () => {
    await post('/api/economy/2021/ledger-imports', upload('mai.csv', mayOf(2021)), 201);
    await post('/api/economy/2021/ledger-imports', upload('juni.csv', 'konto;prosjekt;periode;beløp\n10100;;2021-06;1000\n'), 201);
    await post('/api/economy/2021/ledger-imports', upload('mai.csv', mayOf(2021)), 201);
    expect((await actualsTotal(2021)).byLine[e.lines.lonn]).toBe(323_450 + 100_000);
  });

  it('refuses a file with a bad number, naming row and column, and changes nothing', async () => {
    const before = await actualsTotal();
    const bad = 'konto;prosjekt;periode;beløp\n10100;;2023-05;500\n10100;;2023-05;12,3,4\n';
    const body = await post('/api/economy/2023/ledger-imports', upload('feil.csv', bad), 400);
    expect(body.error.message).toMatch(/Rad 3, kolonne amount/);
    expect(body.error.fields).toEqual([{ path: 'rows.3.amount', message: expect.stringContaining('12,3,4') }]);
    expect(await actualsTotal()).toEqual(before);
  });

  it('refuses unknown accounts and periods of another year, each with its row', async () => {
    const bad = 'konto;prosjekt;periode;beløp\n99999;;2023-05;500\n10100;;2022-05;1\n';
    const body = await post('/api/economy/2023/ledger-imports/preview', upload('feil.csv', bad), 400);
    expect(body.error.fields.map((f: { path: string }) => f.path)).toEqual(['rows.2.account', 'rows.3.period']);
    expect(body.error.fields[0].message).toMatch(/ukjent konto «99999»/);
  });

  it('refuses wrong columns, naming the missing one', async () => {
    const body = await post('/api/economy/2023/ledger-imports', upload('feil.csv', 'konto;periode;sum\n10100;2023-05;1\n'), 400);
    expect(body.error.fields).toEqual([{ path: 'rows.1.project', message: expect.stringContaining('project') }]);
  });

  // Issue 8: a NUL byte and totals past exact integers passed the preview; one check for both now.
  it.each([
    ['a NUL byte in the project', 'konto;prosjekt;periode;beløp\n10100;P\u00001;2023-05;500\n', 'rows.2.project'],
    ['a control character in the project', 'konto;prosjekt;periode;beløp\n10100;P\u001b1;2023-05;500\n', 'rows.2.project'],
    ['amounts whose sum is no longer exact', 'konto;prosjekt;periode;beløp\n10100;;2023-05;60 000 000 000 000,00\n10100;;2023-05;60 000 000 000 000,00\n', 'rows.3.amount'],
  ])('refuses %s in preview and commit alike, and changes nothing', async (_, file, path) => {
    const before = await actualsTotal();
    for (const url of ['/api/economy/2023/ledger-imports/preview', '/api/economy/2023/ledger-imports']) {
      const body = await post(url, upload('feil.csv', file), 400);
      expect(body.error.fields.map((f: { path: string }) => f.path)).toEqual([path]);
    }
    expect(await actualsTotal()).toEqual(before);
  });

  it('lists the first 100 of 150 bad rows and counts them all, in preview and commit', async () => {
    const file = ['konto;prosjekt;periode;beløp', ...Array.from({ length: 150 }, () => '10100;;2023-05;tolv')].join('\n');
    for (const url of ['/api/economy/2023/ledger-imports/preview', '/api/economy/2023/ledger-imports']) {
      const body = await post(url, upload('feil.csv', file), 400);
      expect(body.error).toMatchObject({ code: 'file_rows', issueCount: 150 });
      expect(body.error.issues).toHaveLength(100);
      expect(body.error.issues[99]).toEqual({ row: 101, column: 'amount', message: 'Rad 101, kolonne amount: ugyldig beløp «tolv»' });
    }
  });

  it('imports XLSX with numbers, text amounts in Norwegian format and a period as a date', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Hovedbok');
    sheet.addRow(['Konto', 'Prosjekt', 'Periode', 'Beløp']);
    sheet.addRow([10100, null, '2023-07', 1234.5]);
    sheet.addRow(['16200', '', new Date(Date.UTC(2023, 6, 1)), '-1\u00a0361']);
    sheet.addRow(['16200', '', 7, '1 234,50']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const body = await post('/api/economy/2023/ledger-imports', upload('juli.xlsx', bytes, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'), 201);
    expect(body).toMatchObject({ periods: [7], rowCount: 3, totalOre: 123_450 - 136_100 + 123_450 });
  });

  it('answers 401 to anonymous callers and 403 to the council', async () => {
    expect((await e.anon.post('/api/economy/2023/ledger-imports', upload('mai.csv', MAY))).status).toBe(401);
    expect((await e.council.post('/api/economy/2023/ledger-imports/preview', upload('mai.csv', MAY))).status).toBe(403);
  });

  it('answers 400 with the field when no file is sent', async () => {
    const res = await e.staff.post('/api/economy/2023/ledger-imports', new FormData());
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields[0].path).toBe('file');
  });
});

// Issue 12: an investment file for May deleted May's operating rows; an import owns only the rows of
// its kind on the accounts and projects it maps, and the preview lists them.
describe('an import replaces only the rows it owns', () => {
  const operating = 'konto;prosjekt;periode;beløp\n10100;;2017-05;1000\n16200;;2017-05;-500\n';
  const investment = (amount: string) => `konto;prosjekt;periode;beløp\n02300;P2308;2017-05;${amount}\n`;

  it('keeps the operating rows of the month and names the investment row it replaces', async () => {
    await post('/api/economy/2017/ledger-imports', upload('drift.csv', operating), 201);
    const first = await post('/api/economy/2017/ledger-imports', upload('investering.csv', investment('117000')), 201);
    expect(first.replacesRows).toBe(0);
    expect((await actualsTotal(2017)).byLine).toEqual({ [e.lines.lonn]: 100_000, [e.lines.inntekter]: -50_000, [e.lines.grunnmur]: 11_700_000 });
    const preview = await post('/api/economy/2017/ledger-imports/preview', upload('investering.csv', investment('120000')), 200);
    expect(preview).toMatchObject({ replacesRows: 1, keepsRows: 2 });
    expect(preview.replaces).toEqual([{
      importId: first.importId, filename: 'investering.csv', period: 5, account: '02300', project: 'P2308',
      lineId: e.lines.grunnmur, lineName: 'Grunnmur del 3', rows: 1, totalOre: 11_700_000,
    }]);
    const second = await post('/api/economy/2017/ledger-imports', upload('investering.csv', investment('120000')), 201);
    expect(second.replacesRows).toBe(1);
    expect((await actualsTotal(2017)).byLine).toEqual({ [e.lines.lonn]: 100_000, [e.lines.inntekter]: -50_000, [e.lines.grunnmur]: 12_000_000 });
    // Both files' records stay: each still owns rows.
    const records = await e.database.db.select({ filename: ledgerImports.filename }).from(ledgerImports).where(eq(ledgerImports.year, 2017));
    expect(records.map((r) => r.filename).sort()).toEqual(['drift.csv', 'investering.csv']);
  });
});
