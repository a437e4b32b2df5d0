// Issue 8: on PostgreSQL two simultaneous imports of the same ledger file both committed, so every row
// was stored twice and the report doubled. commitLedgerImport now takes an advisory lock per
// cooperation and year before it reads anything, so the second waits and then replaces the first.
// PostgreSQL only: PGlite has one connection and runs one transaction at a time, so it cannot race.
//
// How the test can fail: the test holds a lock that both commits need at their very end (it locks the
// audit log against inserts), waits until both are blocked on locks, then lets them go. Without the
// advisory lock both have deleted (nothing) and inserted their rows by then, and both commit: the sum
// is twice the file's. With it, the second is blocked before it reads, and replaces the first.
import { and, eq, sql, sum } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { commitLedgerImport } from './ledger-import.service.js';
import { actuals, ledgerImports } from './schema.js';
import { buildEconomyWorld, buildLine, type TEconomyWorld } from './test-factories.js';

const onPostgres = Boolean(process.env.DATABASE_URL);

let database: TestDatabase;
let world: TEconomyWorld;

beforeAll(async () => {
  if (!onPostgres) return;
  database = await createTestDatabase();
  world = await buildEconomyWorld(database.db);
  await buildLine(database.db, { cooperationId: world.cooperationId, name: 'Lønn', account: '10100' });
});
afterAll(() => database?.drop());

const FILE = new TextEncoder().encode('konto;prosjekt;periode;beløp\n10100;;2023-05;1 000,00\n10100;;2023-06;234,50\n');

describe.skipIf(!onPostgres)('ledger imports at the same time (PostgreSQL)', () => {
  it('two simultaneous commits of one file leave one import: the sums equal one file', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    const name = (await database.db.execute(sql`select current_database() as name`) as unknown as { rows: { name: string }[] }).rows[0]!.name;
    url.pathname = `/${name}`;
    const holder = new pg.Client({ connectionString: url.toString() });
    // Watched from its own connection: inside the holder's transaction pg_stat_activity is a snapshot.
    const watcher = new pg.Client({ connectionString: url.toString() });
    await holder.connect();
    await watcher.connect();
    try {
      await holder.query('begin');
      await holder.query('lock table audit_log in share mode');
      const options = { cooperationId: world.cooperationId, year: 2023, filename: 'hovedbok.csv', bytes: FILE };
      const both = Promise.all([commitLedgerImport(database.db, world.staffActor, options), commitLedgerImport(database.db, world.staffActor, options)]);
      let settled = false;
      both.then(() => { settled = true; }, () => { settled = true; });
      // Both commits are waiting on a lock (the audit log's, or the import's advisory lock): a condition, not a timer.
      for (;;) {
        const waiting = await watcher.query(`select count(*)::int as n from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'`, [name]);
        if (waiting.rows[0].n >= 2 || settled) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await holder.query('commit');
      await both;
    } finally {
      await holder.end();
      await watcher.end();
    }
    const [total] = await database.db.select({ ore: sum(actuals.amountOre).mapWith(Number) }).from(actuals)
      .where(and(eq(actuals.cooperationId, world.cooperationId), eq(actuals.year, 2023)));
    expect(total!.ore).toBe(123_450);
    expect(await database.db.select().from(ledgerImports).where(eq(ledgerImports.cooperationId, world.cooperationId))).toHaveLength(1);
  });
});
