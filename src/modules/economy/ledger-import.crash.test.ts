// A crash in the middle of a ledger import (issue 8: about 50 `kill -9` runs held; this keeps one in the
// suite). samrad runs as a real process on its own storage: a temporary data directory on the embedded
// database, or a fresh database on the PostgreSQL server when DATABASE_URL is set. A staff user starts
// the import of a big CSV; once the import is seen writing, the process gets SIGKILL. The restarted
// server must start and serve, and the import's rows must be there all or not at all; amcheck then
// checks every B-tree index (PGlite carries amcheck as a contrib extension; PostgreSQL ships it).
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';
import { getTableName } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '../../db/migrate.js';
import { childServerStorage, signInTo, until, type TChildServer, type TChildStorage } from '../../test/child-server.js';
import { actuals, ledgerImports } from './schema.js';
import { buildEconomyWorld, buildLine, PW } from './test-factories.js';

const SERVER_URL = process.env.DATABASE_URL;
const ROWS = 100_000;
const YEAR = 2023;

let storage: TChildStorage;
let dataDir: string;
let databaseUrl: string | undefined;

beforeAll(async () => {
  storage = await childServerStorage('crash');
  ({ dataDir, databaseUrl } = storage);
  // The accounts and the account mapping, through the services, before the server ever runs.
  const database = await storage.open();
  await migrateDatabase(database);
  const world = await buildEconomyWorld(database.db);
  await buildLine(database.db, { cooperationId: world.cooperationId, name: 'Lisenser', account: '11500' });
  await database.close();
}, 120_000);

afterAll(() => storage.dispose());

type TServer = TChildServer;
const startServer = () => storage.start();
const signIn = (server: TServer) => signInTo(server, 'staff@example.no', PW);

/** A ledger CSV of ROWS rows over the year's twelve periods, as a Visma export writes it. */
function bigLedgerCsv(): Buffer {
  const lines = ['konto;prosjekt;periode;beløp'];
  for (let i = 0; i < ROWS; i++) lines.push(`11500;;${YEAR}-${String((i % 12) + 1).padStart(2, '0')};${(i % 997) + 1},50`);
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

/** Sends the import; resolves `sent` once the whole body is handed to the socket. The answer may never come. */
function startImport(server: TServer, cookie: string) {
  const boundary = `----samrad${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="hovedbok.csv"\r\nContent-Type: text/csv\r\n\r\n`),
    bigLedgerCsv(),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  let answered: number | null = null;
  const req = httpRequest(`${server.base}/api/economy/${YEAR}/ledger-imports`, {
    method: 'POST',
    headers: { cookie, origin: server.base, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length },
  }, (res) => { answered = res.statusCode ?? null; res.resume(); });
  req.on('error', () => { /* the server is killed under it */ });
  const sent = new Promise<void>((resolve) => req.end(body, () => resolve()));
  return { sent, answered: () => answered };
}

const walSegments = () => new Set(readdirSync(path.join(dataDir, 'pg_wal')).filter((f) => /^[0-9A-F]{24}$/.test(f)));

async function serverQuery<T>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const BTREE_INDEXES = `select c.relname as index from pg_index i join pg_class c on c.oid = i.indexrelid
  join pg_am am on am.oid = c.relam where am.amname = 'btree' and c.relnamespace = 'public'::regnamespace order by 1`;

describe('a ledger import killed with SIGKILL', () => {
  it('restarts cleanly with all or none of the import, and no corrupt index', async () => {
    const t0 = Date.now();
    const mark = (what: string) => console.info(`crash test: ${what} at ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const first = await startServer();
    mark('started');
    const cookie = await signIn(first);
    const walBefore = SERVER_URL ? new Set<string>() : walSegments();
    const upload = startImport(first, cookie);
    await upload.sent;
    // The signal that the import is writing: on PostgreSQL its transaction holds the import lock and is
    // inserting; on PGlite, new write-ahead log segments appear in the data directory.
    await until('the import to write', async () => SERVER_URL
      ? (await serverQuery<{ n: number }>(`select count(*)::int as n from pg_stat_activity
          where datname = current_database() and state = 'active' and query ilike 'insert into "${getTableName(actuals)}"%'`))[0]!.n > 0
      : [...walSegments()].some((f) => !walBefore.has(f)));
    mark('import writing');
    const answeredBeforeKill = upload.answered();
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();

    // The same storage again: it starts, signs in and answers.
    const second = await startServer();
    mark('restarted');
    const again = await signIn(second);
    const imports = await fetch(`${second.base}/api/economy/${YEAR}/ledger-imports`, { headers: { cookie: again } });
    expect(imports.status).toBe(200);
    const listed = (await imports.json()) as { imports: { rowCount: number }[] };
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    let query: <T>(sql: string) => Promise<T[]>;
    let close = async () => {};
    let amcheckNote = 'amcheck on every B-tree index';
    if (SERVER_URL) {
      query = serverQuery;
    } else {
      const db = await PGlite.create(dataDir, { extensions: { amcheck } });
      query = async <T>(sql: string) => (await db.query<T>(sql)).rows;
      close = () => db.close();
    }
    try {
      const [{ rows, imports: importCount }] = await query<{ rows: number; imports: number }>(
        `select (select count(*)::int from ${getTableName(actuals)} where source = 'import' and year = ${YEAR}) as rows,
                (select count(*)::int from ${getTableName(ledgerImports)} where year = ${YEAR}) as imports`,
      ) as [{ rows: number; imports: number }];
      // All or none: the rows, the import record and the API's list agree.
      expect([0, ROWS]).toContain(rows);
      expect(importCount).toBe(rows === ROWS ? 1 : 0);
      expect(listed.imports.map((i) => i.rowCount)).toEqual(rows === ROWS ? [ROWS] : []);
      if (answeredBeforeKill === 201) expect(rows).toBe(ROWS);

      try {
        await query('create extension if not exists amcheck');
      } catch (err) {
        amcheckNote = `amcheck skipped: the extension is not available here (${(err as Error).message})`;
      }
      if (!amcheckNote.startsWith('amcheck skipped')) {
        const indexes = await query<{ index: string }>(BTREE_INDEXES);
        expect(indexes.map((i) => i.index)).toContain(`${getTableName(actuals)}_pkey`);
        for (const { index } of indexes) await query(`select bt_index_check('"${index}"'::regclass, true)`);
      }
      console.info(`crash test (${SERVER_URL ? 'PostgreSQL' : 'PGlite'}): killed ${answeredBeforeKill === null ? 'mid-import' : `after answer ${answeredBeforeKill}`}; `
        + `${rows} of ${ROWS} rows after restart; ${amcheckNote}`);
    } finally {
      await close();
    }
  }, 180_000);
});
