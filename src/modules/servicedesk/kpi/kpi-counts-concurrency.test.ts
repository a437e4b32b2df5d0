// Concurrent writers and the KPI pack's monthly counts (sd_kpi_counts). A count row is shared by every
// ticket of its month, municipality and classification, so two transactions that each create or close
// tickets in overlapping months, in opposite orders, would each hold a row the other needs next: the
// first holds January's rows and waits for February's, the second the reverse, and PostgreSQL aborts
// one of them (40P01). kpi-summary.ts takes KPI_COUNTS_LOCK before it moves any count, so the second
// transaction waits for the first to commit instead. PostgreSQL only: PGlite has one connection and so
// no concurrency to test.
//
// How the test can fail: without the lock, the first transaction waits (up to 2 s) for the second to
// hold February's rows before it closes a February ticket, and the second then closes a January one:
// a deadlock, one transaction rejected, and the figures of that transaction missing.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf } from '../../../server/context.js';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { importTickets } from '../imports/import.service.js';
import { sdKpiCounts, sdTickets } from '../schema.js';
import { buildServiceDesk, oslo, type TServiceDeskFixture } from '../test-factories.js';
import { createTicket } from '../tickets/tickets.create.js';
import { updateTicket } from '../tickets/tickets.update.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => { open = resolve; });
  return { opened, open };
}

const onPostgres = Boolean(process.env.DATABASE_URL);

let database: TestDatabase;
let f: TServiceDeskFixture;

beforeAll(async () => {
  if (!onPostgres) return;
  database = await createTestDatabase();
  f = await buildServiceDesk(database.db);
});
afterAll(() => database?.drop());

/** Every count row equals what the per-ticket summaries say (the two are written together). */
async function countsMatchSummaries() {
  const result = await database.db.execute(sql`
    with expected as (
      select cooperation_id, month, municipality_id, dimension, value, sum(created)::int as created, sum(done)::int as done from (
        select s.cooperation_id, s.created_month as month, s.municipality_id, v.dimension, v.value, 1 as created, 0 as done
          from sd_ticket_summaries s, lateral (values ('type', s.type::text), ('category', s.category), ('channel', s.channel::text), ('priority', s.priority::text)) v(dimension, value)
        union all
        select s.cooperation_id, s.done_month, s.municipality_id, v.dimension, v.value, 0, 1
          from sd_ticket_summaries s, lateral (values ('type', s.type::text), ('category', s.category), ('channel', s.channel::text), ('priority', s.priority::text)) v(dimension, value)
          where s.done_month is not null) x
      group by 1, 2, 3, 4, 5)
    select count(*)::int as wrong from expected e full join (select * from sd_kpi_counts where created <> 0 or done <> 0) c
      using (cooperation_id, month, municipality_id, dimension, value)
    where e.created is distinct from c.created or e.done is distinct from c.done`);
  return (result as unknown as { rows: { wrong: number }[] }).rows[0]!.wrong;
}

const typeCount = async (month: string) => {
  const [row] = await database.db.select().from(sdKpiCounts).where(and(
    eq(sdKpiCounts.month, month), eq(sdKpiCounts.municipalityId, f.molde.id), eq(sdKpiCounts.dimension, 'type'), eq(sdKpiCounts.value, 'feilmelding'),
  ));
  return { created: row?.created ?? 0, done: row?.done ?? 0 };
};

describe.skipIf(!onPostgres)('monthly counts under concurrent writers (PostgreSQL)', () => {
  it('two transactions creating and closing tickets in overlapping months, in opposite orders, both commit', async () => {
    const incident = (title: string, at: string) => createTicket(database.db, f.agent, {
      type: 'feilmelding', category: 'Infrastruktur', title, description: 'd', priority: 'medium', municipalityId: f.molde.id,
      requesterName: 'X', now: oslo(at),
    });
    // Open since before the months the transactions write: one to close in February, one in January.
    const february = await incident('Lukkes i februar', '2024-01-05T09:00');
    const january = await incident('Lukkes i januar', '2023-12-20T09:00');
    const before = { jan: await typeCount('2024-01'), feb: await typeCount('2024-02') };

    const firstHoldsJanuary = gate();
    const secondHoldsFebruary = gate();
    const first = database.db.transaction(async (tx) => {
      await createTicket(tx, f.agent, {
        type: 'feilmelding', category: 'Infrastruktur', title: 'Ny i januar', description: 'd', priority: 'medium', municipalityId: f.molde.id,
        requesterName: 'X', now: oslo('2024-01-10T09:00'),
      });
      firstHoldsJanuary.open();
      // Without the lock the second transaction holds February's rows by now; with it, it waits for us.
      await Promise.race([secondHoldsFebruary.opened, sleep(2000)]);
      await updateTicket(tx, f.agent, { id: february.id, status: 'lost', now: oslo('2024-02-12T10:00') });
    });
    const second = firstHoldsJanuary.opened.then(() => database.db.transaction(async (tx) => {
      await createTicket(tx, f.agent, {
        type: 'feilmelding', category: 'Infrastruktur', title: 'Ny i februar', description: 'd', priority: 'medium', municipalityId: f.molde.id,
        requesterName: 'X', now: oslo('2024-02-11T09:00'),
      });
      secondHoldsFebruary.open();
      await sleep(50);
      await updateTicket(tx, f.agent, { id: january.id, status: 'lost', now: oslo('2024-01-11T10:00') });
    }));
    const outcomes = await Promise.allSettled([first, second]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? String((o.reason as { cause?: { code?: string } }).cause?.code ?? o.reason) : 'ok'))).toEqual(['ok', 'ok']);

    // Both transactions' figures are there: one new and one closed in each month.
    expect(await typeCount('2024-01')).toEqual({ created: before.jan.created + 1, done: before.jan.done + 1 });
    expect(await typeCount('2024-02')).toEqual({ created: before.feb.created + 1, done: before.feb.done + 1 });
    expect(await countsMatchSummaries()).toBe(0);
  }, 30_000);

  it('two imports of many tickets over the same months, in opposite orders, both commit', async () => {
    // 500 solved incidents a month: exactly one insert batch each, so each import writes one month's
    // tickets, then the other's, in separate steps.
    const PER_MONTH = 500;
    const file = (prefix: string, months: string[]) => {
      const lines = ['Saksnummer;Opprettet;Tittel;Type;Kategori;Kanal;Prioritet;Status;Kommune;Innmelder;Løst;Lukket'];
      for (const m of months) {
        for (let i = 0; i < PER_MONTH; i++) {
          const day = `${String(1 + (i % 25)).padStart(2, '0')}.${m.slice(5)}.${m.slice(0, 4)}`;
          lines.push(`${prefix}-${m}-${i};${day} 09:00;Sak ${i};Feil;Infrastruktur;E-post;Medium;Løst;Molde;X;${day} 12:00;`);
        }
      }
      return new TextEncoder().encode(lines.join('\r\n'));
    };
    const months = ['2022-01', '2022-03'];
    const before = await database.db.$count(sdTickets);
    const outcomes = await Promise.allSettled([
      importTickets(database.db, actorOf(f.agent), { cooperationId: f.coop.id, filename: 'a.csv', bytes: file('A', months) }),
      importTickets(database.db, actorOf(f.agent), { cooperationId: f.coop.id, filename: 'b.csv', bytes: file('B', [...months].reverse()) }),
    ]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? String((o.reason as { cause?: { code?: string } }).cause?.code ?? o.reason) : 'ok'))).toEqual(['ok', 'ok']);
    expect(await database.db.$count(sdTickets)).toBe(before + 2 * 2 * PER_MONTH);
    for (const m of months) expect(await typeCount(m)).toEqual({ created: 2 * PER_MONTH, done: 2 * PER_MONTH });
    expect(await countsMatchSummaries()).toBe(0);
  }, 120_000);
});
