// What has to hold before samrad serves anyone, checked in the order that makes a failure cheap and
// plain: the data directory, the port, the database (then install.ts prepares the install). Each
// failure is a StartupError whose message is the one line main prints before exiting. Kept light:
// main loads the rest of samrad only after these checks.
import { closeSync, constants, existsSync, mkdirSync, openSync, statSync, unlinkSync, writeSync, accessSync } from 'node:fs';
import type { Server } from 'node:net';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';

export class StartupError extends Error {
  constructor(message: string) {
    super(`samrad cannot start: ${message}`);
  }
}

const reason = (err: unknown) => {
  const e = err as { code?: string; message?: string };
  return e?.code ? `${e.code}` : String(e?.message ?? err);
};

/**
 * The embedded database's directory must be a directory samrad can write. Made one level at a time:
 * Node's recursive mkdir spins forever on some paths (/proc/samrad: it keeps retrying the parent).
 */
export function checkDataDir(dir: string): void {
  const absolute = path.resolve(dir);
  const missing: string[] = [];
  let existing = absolute;
  while (!existsSync(existing)) {
    missing.unshift(existing);
    const parent = path.dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (err) {
      throw new StartupError(`cannot create the data directory ${absolute} (SAMRAD_DATA_DIR): mkdir ${level} failed with ${reason(err)}`);
    }
  }
  let isDirectory = false;
  try {
    isDirectory = statSync(absolute).isDirectory();
  } catch (err) {
    throw new StartupError(`cannot read the data directory ${absolute} (SAMRAD_DATA_DIR): ${reason(err)}`);
  }
  if (!isDirectory) throw new StartupError(`the data directory ${absolute} (SAMRAD_DATA_DIR) is not a directory`);
  // access() answers for the mode bits only; a read-only mount or a root-owned directory shows on a real write.
  const probe = path.join(absolute, `.samrad-write-check-${process.pid}`);
  try {
    accessSync(absolute, constants.R_OK | constants.W_OK | constants.X_OK);
    const fd = openSync(probe, 'wx');
    try {
      writeSync(fd, 'samrad');
    } finally {
      closeSync(fd);
    }
    unlinkSync(probe);
  } catch (err) {
    throw new StartupError(`the data directory ${absolute} (SAMRAD_DATA_DIR) is not writable: ${reason(err)}`);
  }
}

/** Binds the port, or says plainly why not. Done before any database work, so the answer comes at once. */
export function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (err.code === 'EADDRINUSE') reject(new StartupError(`port ${port} is already in use (another samrad or another program); stop it or set PORT`));
      else if (err.code === 'EACCES') reject(new StartupError(`not allowed to listen on port ${port}; choose a port above 1023 with PORT`));
      else reject(new StartupError(`cannot listen on port ${port}: ${reason(err)}`));
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port);
  });
}

/** host:port/database of a postgres URL, without the password, for messages. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** Asks the PostgreSQL server one trivial question before migrating, so a dead server or a missing database is named as such. */
export async function checkDatabaseServer(database: Database, url: string): Promise<void> {
  try {
    await database.db.execute(sql`select 1`);
  } catch (err) {
    const e = ((err as { cause?: unknown }).cause ?? err) as { code?: string; message?: string };
    const where = describeUrl(url);
    const database_ = where.slice(where.indexOf('/') + 1) || '(default)';
    const message = e.code === 'ECONNREFUSED' ? `the PostgreSQL server at ${where.split('/')[0]} does not answer (connection refused); is it running? (DATABASE_URL)`
      : e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' ? `the PostgreSQL server's host in DATABASE_URL (${where.split('/')[0]}) is not known`
      : e.code === 'ETIMEDOUT' ? `the PostgreSQL server at ${where.split('/')[0]} did not answer in time (DATABASE_URL)`
      : e.code === '3D000' ? `the database "${database_}" does not exist on the PostgreSQL server at ${where.split('/')[0]}; create it (createdb ${database_}) or fix DATABASE_URL`
      : e.code === '28P01' || e.code === '28000' ? `the PostgreSQL server at ${where.split('/')[0]} refused the user in DATABASE_URL (${e.message})`
      : e.code === '57P03' ? `the PostgreSQL server at ${where.split('/')[0]} is starting up or shutting down; try again shortly`
      : `cannot use the database ${where} (DATABASE_URL): ${e.message ?? e.code ?? String(err)}`;
    await database.close().catch(() => undefined);
    throw new StartupError(message);
  }
}
