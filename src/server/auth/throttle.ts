// Slows down password guessing without letting anyone lock a known account out (OWASP's guidance,
// docs/decisions/0015-sign-in-throttling.md). Attempts are counted per (account, address) and per
// address, never per account alone; a browser that signed in to the account before (a device cookie)
// is counted on its own key only. After a key's free attempts each further one waits a delay that
// doubles, up to MAX_BLOCK_SECONDS: the answer is 429 with Retry-After, never a lasting lock. Counts
// fade after a quiet hour.
//
// An attempt is counted *before* its password is checked, in one `insert … on conflict do update …
// returning` statement, and refunded when it succeeds. Counting after the check let a concurrent burst
// through: twenty requests all read "not blocked" before the first failure was written.
import { isIP } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loginThrottle } from '../../modules/org/schema.js';

/** Attempts one account may make from one address (or one trusted browser) before the delay starts. */
export const FREE_FAILURES = 5;
/** An address may be a whole town hall behind one NAT, so it gets more room than one account. */
export const FREE_FAILURES_PER_ADDRESS = 30;
export const MAX_BLOCK_SECONDS = 15 * 60;
const FORGET_AFTER_SECONDS = 3600;

/** The throttle's clock; a test stops it so a delay cannot run out while a slow machine works through a burst. */
export const throttleClock = { now: () => new Date() };

export function blockSeconds(failures: number, free = FREE_FAILURES): number {
  if (failures < free) return 0;
  return Math.min(2 ** (failures - free), MAX_BLOCK_SECONDS);
}

export type TThrottleScope = 'account_address' | 'address' | 'device';
export type TThrottleKey = { key: string; scope: TThrottleScope; free: number };

export const accountAddressKey = (email: string, address: string): TThrottleKey =>
  ({ key: `pair:${email.trim().toLowerCase()}|${address}`, scope: 'account_address', free: FREE_FAILURES });
export const addressKey = (address: string): TThrottleKey =>
  ({ key: `ip:${address}`, scope: 'address', free: FREE_FAILURES_PER_ADDRESS });
/** The key of a trusted browser is the hash of its device cookie: the cookie itself is never stored. */
export const deviceKey = (deviceTokenHash: string): TThrottleKey =>
  ({ key: `device:${deviceTokenHash}`, scope: 'device', free: FREE_FAILURES });

/** A counted attempt: `attempt` is its number within the key's window, this one included. */
export type TCountedAttempt = TThrottleKey & { attempt: number };

export type TAttemptAdmission =
  | { admitted: true; counted: TCountedAttempt[] }
  | { admitted: false; retryAfterSeconds: number };

/**
 * Counts one attempt on each key, atomically per key. A key that is waiting out its delay refuses and
 * is not counted (hammering a blocked key does not lengthen the block); the attempt is then refused
 * whole and what it counted on the other keys is given back.
 */
export async function admitAttempt(db: DbOrTx, keys: TThrottleKey[], now = throttleClock.now()): Promise<TAttemptAdmission> {
  const counted: TCountedAttempt[] = [];
  for (const key of keys) {
    const attempt = await countAttempt(db, key, now);
    if (attempt === null) {
      await refundAttempts(db, counted);
      return { admitted: false, retryAfterSeconds: await secondsBlocked(db, keys, now) };
    }
    counted.push({ ...key, attempt });
  }
  return { admitted: true, counted };
}

/** The attempt's number, or null when the key is blocked. One statement, so concurrent attempts each get their own number. */
async function countAttempt(db: DbOrTx, key: TThrottleKey, now: Date): Promise<number | null> {
  const t = loginThrottle;
  const at = now.toISOString();
  // Fading, the count and the block all read the row as it is when the statement takes its lock.
  const attempt = sql`(case when ${t.lastFailureAt} < ${at}::timestamptz - make_interval(secs => ${FORGET_AFTER_SECONDS}) then 1 else ${t.failures} + 1 end)`;
  const blockedUntil = sql`(case when ${attempt} >= ${key.free}
    then ${at}::timestamptz + make_interval(secs => least(power(2, ${attempt} - ${key.free}), ${MAX_BLOCK_SECONDS}))
    else null end)`;
  const firstBlock = blockSeconds(1, key.free);
  const rows = await db.insert(t)
    .values({ key: key.key, failures: 1, lastFailureAt: now, blockedUntil: firstBlock ? new Date(now.getTime() + firstBlock * 1000) : null })
    .onConflictDoUpdate({
      target: t.key,
      set: { failures: attempt, lastFailureAt: now, blockedUntil },
      setWhere: sql`${t.blockedUntil} is null or ${t.blockedUntil} <= ${at}::timestamptz`,
    })
    .returning({ failures: t.failures });
  return rows[0]?.failures ?? null;
}

/** Seconds the caller must still wait, 0 if none, for the most blocked of the keys. */
export async function secondsBlocked(db: DbOrTx, keys: TThrottleKey[], now = throttleClock.now()): Promise<number> {
  let wait = 0;
  for (const key of keys) {
    const row = await db.query.loginThrottle.findFirst({ where: eq(loginThrottle.key, key.key) });
    if (row?.blockedUntil && row.blockedUntil > now) {
      wait = Math.max(wait, Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000));
    }
  }
  return Math.max(wait, 1);
}

/**
 * The counted attempts failed. The delay they started runs from now, when the person learns of the
 * failure, not from when the attempt was counted before the (slow, on purpose) password check.
 * Returns the attempts that started a lockout: their key just reached its free attempts.
 */
export async function settleFailedAttempt(db: DbOrTx, counted: TCountedAttempt[], now = throttleClock.now()): Promise<TCountedAttempt[]> {
  for (const c of counted) {
    const seconds = blockSeconds(c.attempt, c.free);
    if (!seconds) continue;
    await db.update(loginThrottle)
      .set({ blockedUntil: sql`greatest(${loginThrottle.blockedUntil}, ${new Date(now.getTime() + seconds * 1000).toISOString()}::timestamptz)` })
      .where(eq(loginThrottle.key, c.key));
  }
  return counted.filter((c) => c.attempt === c.free);
}

/**
 * The attempt succeeded: its account's keys (account and address, or the device) start afresh, and a
 * shared address only gets this one attempt back.
 */
export async function clearAfterSuccess(db: DbOrTx, counted: TCountedAttempt[]): Promise<void> {
  for (const c of counted) {
    if (c.scope === 'address') await refundAttempts(db, [c]);
    else await db.delete(loginThrottle).where(eq(loginThrottle.key, c.key));
  }
}

/** Gives counted attempts back, lifting a block when the failures left are under the key's limit. */
async function refundAttempts(db: DbOrTx, counted: TCountedAttempt[]): Promise<void> {
  for (const c of counted) {
    // SET reads the row as it was, so `failures - 1` is the count after the refund.
    await db.update(loginThrottle).set({
      failures: sql`greatest(${loginThrottle.failures} - 1, 0)`,
      blockedUntil: sql`case when ${loginThrottle.failures} - 1 < ${c.free} then null else ${loginThrottle.blockedUntil} end`,
    }).where(eq(loginThrottle.key, c.key));
  }
}

export type TClientAddressOptions = {
  /** The address of the peer of the TCP connection (the proxy, behind one). */
  socket: string | undefined;
  /** The X-Forwarded-For header as received, if any. */
  forwardedFor: string | undefined;
  /** TRUST_PROXY: how many proxies in front of samrad append to X-Forwarded-For. */
  trustedHops: number;
};

/**
 * The address the throttle counts. Behind a reverse proxy every request comes from the proxy, so
 * one guesser would block the whole town hall, or everyone. Each trusted proxy appends the address
 * it saw to X-Forwarded-For, so we walk the list from the right, one entry per trusted hop. Entries
 * further left were written by the client and are never believed, and with TRUST_PROXY=0 (the
 * default) the header is ignored: anyone can send it.
 */
export function clientAddress(options: TClientAddressOptions): string {
  let address = options.socket || 'unknown';
  if (options.trustedHops === 0 || !options.forwardedFor) return address;
  const hops = options.forwardedFor.split(',').map((a) => a.trim()).reverse();
  for (const hop of hops.slice(0, options.trustedHops)) {
    // A trusted proxy writes an address; anything else means the chain cannot be read further.
    if (!isIP(hop)) break;
    address = hop;
  }
  return address;
}
