// Slows down password guessing per account and per address. After the key's free failures it is
// blocked for a delay that doubles with each further failure, up to MAX_BLOCK_SECONDS. A success
// clears the account's key. Counts fade after a quiet hour.
import { isIP } from 'node:net';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loginThrottle } from '../../modules/org/schema.js';

export const FREE_FAILURES = 5;
/** An address may be a whole town hall behind one NAT, so it gets more room than one account. */
export const FREE_FAILURES_PER_ADDRESS = 30;
export const MAX_BLOCK_SECONDS = 15 * 60;
const FORGET_AFTER_MS = 3600 * 1000;

export function blockSeconds(failures: number, free = FREE_FAILURES): number {
  if (failures < free) return 0;
  return Math.min(2 ** (failures - free), MAX_BLOCK_SECONDS);
}

const freeFailuresFor = (key: string) => (key.startsWith('ip:') ? FREE_FAILURES_PER_ADDRESS : FREE_FAILURES);

/** Seconds the caller must still wait, 0 if none, for the most blocked of the keys. */
export async function secondsBlocked(db: DbOrTx, keys: string[], now = new Date()): Promise<number> {
  let wait = 0;
  for (const key of keys) {
    const row = await db.query.loginThrottle.findFirst({ where: eq(loginThrottle.key, key) });
    if (row?.blockedUntil && row.blockedUntil > now) {
      wait = Math.max(wait, Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000));
    }
  }
  return wait;
}

export async function recordFailure(db: DbOrTx, keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    const row = await db.query.loginThrottle.findFirst({ where: eq(loginThrottle.key, key) });
    const stale = row && now.getTime() - row.lastFailureAt.getTime() > FORGET_AFTER_MS;
    const failures = !row || stale ? 1 : row.failures + 1;
    const seconds = blockSeconds(failures, freeFailuresFor(key));
    const blockedUntil = seconds ? new Date(now.getTime() + seconds * 1000) : null;
    await db.insert(loginThrottle).values({ key, failures, lastFailureAt: now, blockedUntil })
      .onConflictDoUpdate({ target: loginThrottle.key, set: { failures, lastFailureAt: now, blockedUntil } });
  }
}

export async function clearFailures(db: DbOrTx, key: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, key));
}

export const accountKey = (email: string) => `acct:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `ip:${address}`;

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
