// An in-process scheduler for background work (mail delivery, SLA clocks, the 3-2-1 rule). Several
// server instances may run against one PostgreSQL database, so each run takes a transaction-scoped
// advisory lock first: the instance that gets it does the work, the others skip that tick.
import { tryLockForTransaction } from '../lib/sql.js';
import type { Db, Tx } from '../db/client.js';
import { logger } from './logger.js';

export type TJob = {
  name: string;
  /** The advisory lock's key, from ADVISORY_LOCKS (src/lib/sql.ts): distinct per job. */
  lockKey: number;
  everyMs: number;
} & (
  /** Work small enough for one transaction, run under the job's lock. */
  | { run: (tx: Tx, now: Date) => Promise<unknown> }
  /**
   * Work that may be large (a backlog after downtime): it opens its own short transactions, each taking
   * the job's lock, and yields between them, because on the embedded database a transaction holds every
   * request until it ends. Answers false when another instance held the lock.
   */
  | { runInBatches: (db: Db, now: Date) => Promise<boolean> }
);

/** Runs the job once if no other instance is running it; false when the lock was taken. */
export async function runJobOnce(db: Db, job: TJob, now = new Date()): Promise<boolean> {
  if ('runInBatches' in job) return job.runInBatches(db, now);
  return db.transaction(async (tx) => {
    if (!(await tryLockForTransaction(tx, job.lockKey))) return false;
    await job.run(tx, now);
    return true;
  });
}

export function startScheduler(db: Db, jobs: TJob[]): { stop: () => void } {
  // A run that outlasts its interval is not started again beside itself: the next tick is skipped.
  const running = new Set<string>();
  const timers = jobs.map((job) => setInterval(() => {
    if (running.has(job.name)) return;
    running.add(job.name);
    runJobOnce(db, job)
      .catch((err) => logger.error({ err, job: job.name }, 'background job failed'))
      .finally(() => running.delete(job.name));
  }, job.everyMs));
  for (const t of timers) t.unref();
  return { stop: () => timers.forEach(clearInterval) };
}
