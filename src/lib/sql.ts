// Raw SQL where the query builder cannot say it (window functions, set-returning functions, locks), and
// the one registry of advisory lock keys. Both engines answer `execute` with `{ rows }`; the row type is
// the caller's claim about its own select list, made once here instead of by a cast at every call.
import { sql, type SQL } from 'drizzle-orm';

/** What runs a statement: the database or a transaction, of either engine. */
type TExecutor = { execute: (query: SQL) => PromiseLike<unknown> };

/** The rows of a raw statement, typed as its select list says. */
export async function sqlRows<T>(db: TExecutor, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/**
 * Every advisory lock samrad takes, by what it guards. The numbers must stay distinct: two uses of one
 * key would wait for each other. A lock with a subject (one cooperation's year) is taken as the pair
 * (class, hash of the subject), so different subjects never wait for each other.
 */
export const ADVISORY_LOCKS = {
  /** Creating the install's one cooperation: two first set-ups queue, one wins. */
  installCooperation: 7_000,
  /** The background jobs: one instance runs each tick (src/server/jobs.ts). */
  mailDelivery: 7_001,
  idempotencySweep: 7_018,
  serviceDeskCloseRule: 4_000_321,
  serviceDeskSlaBreaches: 4_000_322,
  /** Writers that move the service desk's monthly KPI counts (servicedesk/kpi-summary.ts says why). */
  kpiCounts: 4_000_400,
  /** One ledger import at a time per cooperation and year (the subject). */
  ledgerImport: 4_000_500,
  /** Equipment: reminding approvers of replacement requests still waiting. */
  equipmentApprovalReminders: 4_000_600,
  /** Equipment: reminding invited users who neither order nor defer. */
  equipmentUserReminders: 4_000_601,
} as const;

/** A key of ADVISORY_LOCKS (a test may use one of its own). */
export type TAdvisoryLockKey = number;

const lockArguments = (key: TAdvisoryLockKey, subject?: string) => (subject === undefined
  ? sql`${key}::bigint`
  : sql`${key}::int, hashtext(${subject})::int`);

/** Waits for the lock; it is held until the transaction ends. */
export async function lockForTransaction(tx: TExecutor, key: TAdvisoryLockKey, subject?: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${lockArguments(key, subject)})`);
}

/** Takes the lock if it is free (held until the transaction ends); false when another holds it. */
export async function tryLockForTransaction(tx: TExecutor, key: TAdvisoryLockKey, subject?: string): Promise<boolean> {
  const [row] = await sqlRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${lockArguments(key, subject)}) as locked`);
  return row?.locked === true;
}
