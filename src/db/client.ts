// One database handle for the whole process: PGlite (Postgres in WASM) by default, a PostgreSQL server
// when a URL is given. Both speak the same SQL, so every query and migration is written once.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.js';
import { logger } from '../server/logger.js';
import { markTransactions } from './transaction-scope.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
};

export type TOpenDatabaseOptions =
  | { url: string }
  | { dataDir: string }
  /** In memory; `loadDataDir` starts it from a data directory PGlite dumped (`dumpDataDir('none')`) instead of an empty one. */
  | { memory: true; loadDataDir?: Blob };

export async function openDatabase(options: TOpenDatabaseOptions): Promise<Database> {
  if ('url' in options) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // An idle connection the server drops (restart, failover, a dropped test database) emits 'error'
    // on the pool; unhandled, that would end the process. The pool replaces the connection itself.
    pool.on('error', (err) => logger.warn({ err }, 'idle database connection lost'));
    const db = markTransactions(drizzlePg(pool, { schema }) as unknown as Db);
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  let client: PGlite;
  if ('dataDir' in options) {
    mkdirSync(options.dataDir, { recursive: true });
    client = new PGlite(options.dataDir);
  } else {
    client = new PGlite(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {});
  }
  await client.waitReady;
  yieldBeforeEachStatement(client);
  const db = markTransactions(drizzlePglite(client, { schema }) as unknown as Db);
  return { db, kind: 'pglite', close: () => client.close() };
}

/**
 * PGlite runs a statement synchronously on this thread and hands results back as already-settled
 * promises, so a chain of statements (four admitted requests, each admitting the next as it ends) runs
 * as one unbroken stream of microtasks: the event loop never reaches its timers or its sockets. Under
 * load /healthz was not even read for 50 s and the admission gate's deadlines never fired. Each statement
 * first waits one turn of the event loop (setImmediate), so timers, new connections and responses get
 * their turn between statements, inside a transaction too. A turn costs microseconds; a statement ~1 ms.
 */
function yieldBeforeEachStatement(client: PGlite) {
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const wrap = <T extends { query: PGlite['query'] }>(target: T) => {
    const query = target.query.bind(target) as PGlite['query'];
    target.query = (async (...args: Parameters<PGlite['query']>) => {
      await turn();
      return query(...args);
    }) as PGlite['query'];
    return target;
  };
  wrap(client);
  const transaction = client.transaction.bind(client);
  client.transaction = ((work: Parameters<PGlite['transaction']>[0]) => transaction((tx) => work(wrap(tx)))) as PGlite['transaction'];
}
