// Which rows a ledger import owns (issue 12): in the periods it covers, the imported rows of the same
// kind of file (the line kinds its rows map to) booked on the accounts or projects it maps. An
// investment file for May must leave May's operating rows alone, and the preview names each row that goes.
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../server/context.js';
import { SALARIES, startEconomy, type TEconomyStart } from './economy-fixture.js';
import { commitLedgerImport, previewLedgerImport } from './ledger-import.service.js';
import { actuals } from './schema.js';

let e: TEconomyStart<'lonn' | 'inntekter' | 'grunnmur'>;
let actor: Actor;

beforeAll(async () => {
  e = await startEconomy({}, {
    lonn: SALARIES, inntekter: { name: 'Inntekter', isIncome: true, account: '16200' },
    grunnmur: { name: 'Grunnmur del 3', kind: 'investering', project: 'P2308' },
  });
  actor = e.world.staffActor;
});
afterAll(() => e.database.drop());

const file = (filename: string, year: number, rows: string[]) => ({
  cooperationId: e.world.cooperationId, year, filename,
  bytes: new TextEncoder().encode(['konto;prosjekt;periode;beløp', ...rows].join('\n')),
});
const operating = (year: number) => file('drift-mai.csv', year, [`10100;;${year}-05;1000`, `16200;;${year}-05;-500`]);
const investment = (year: number, amount = '117000') => file('investering-mai.csv', year, [`02300;P2308;${year}-05;${amount}`]);

const ledger = async (year: number) => (await e.database.db.select({ lineId: actuals.lineId, ore: actuals.amountOre, account: actuals.account })
  .from(actuals).where(and(eq(actuals.cooperationId, e.world.cooperationId), eq(actuals.year, year))))
  .map((r) => `${r.account}:${r.ore}`).sort();

describe('ledger import ownership', () => {
  it('an investment file leaves the operating rows of the same month in place', async () => {
    await commitLedgerImport(e.database.db, actor, operating(2016));
    const preview = await previewLedgerImport(e.database.db, investment(2016));
    expect(preview.replacesRows).toBe(0);
    expect(preview.replaces).toEqual([]);
    await commitLedgerImport(e.database.db, actor, investment(2016));
    expect(await ledger(2016)).toEqual(['02300:11700000', '10100:100000', '16200:-50000']);
  });

  it('a new investment file replaces exactly the investment rows, and the preview names them', async () => {
    await commitLedgerImport(e.database.db, actor, operating(2015));
    const first = await commitLedgerImport(e.database.db, actor, investment(2015));
    const preview = await previewLedgerImport(e.database.db, investment(2015, '120000'));
    expect(preview.replacesRows).toBe(1);
    expect(preview.replaces).toEqual([{
      importId: first.importId, filename: 'investering-mai.csv', period: 5, account: '02300', project: 'P2308',
      lineId: e.lines.grunnmur, lineName: 'Grunnmur del 3', rows: 1, totalOre: 11_700_000,
    }]);
    expect(preview.keepsRows).toBe(2);
    const done = await commitLedgerImport(e.database.db, actor, investment(2015, '120000'));
    expect(done.replacesRows).toBe(1);
    expect(await ledger(2015)).toEqual(['02300:12000000', '10100:100000', '16200:-50000']);
  });

  it('an operating file replaces only the accounts it maps', async () => {
    await commitLedgerImport(e.database.db, actor, operating(2014));
    await commitLedgerImport(e.database.db, actor, investment(2014));
    const salaries = file('lonn-mai.csv', 2014, ['10100;;2014-05;2000']);
    const preview = await previewLedgerImport(e.database.db, salaries);
    expect(preview.replaces.map((r) => [r.account, r.totalOre])).toEqual([['10100', 100_000]]);
    await commitLedgerImport(e.database.db, actor, salaries);
    expect(await ledger(2014)).toEqual(['02300:11700000', '10100:200000', '16200:-50000']);
  });
});
