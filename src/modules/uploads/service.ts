// Uploads: the per-file cap of each kind of file, the per-user quota (bytes a day) and rate (files a
// minute), and the order in which an uploaded file and its row are written. Every module that takes
// files from users goes through here, so the limits and the crash-safe order live in one place.
import { isUtf8 as isValidUtf8 } from 'node:buffer';
import { sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { DbOrTx } from '../../db/client.js';
import { CHUNK_BYTES, type FileStore, type TStoredFile } from '../../lib/files/store.js';
import { HttpError } from '../../server/errors.js';
import type { TEnv } from '../../server/env.js';
import type { TFileContent } from '../../lib/files/file-type.js';
import { formatBytes } from '../../lib/norwegian-format.js';

export type TUploadKind = 'ticket-attachment' | 'meeting-attachment' | 'report-image' | 'logo' | 'import';

export type TUploadQuota = { bytesPerDay: number; perMinute: number };

export const uploadQuotaOf = (env: TEnv): TUploadQuota => ({ bytesPerDay: env.UPLOAD_QUOTA_BYTES_PER_DAY, perMinute: env.UPLOAD_RATE_PER_MINUTE });

/** 429 with the seconds to wait, which the error handler sends as Retry-After. */
export class TooManyUploadsError extends HttpError {
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(429, 'too_many_uploads', message);
  }
}

type TUsageRow = { day: string; day_bytes: string | number; minute: Date | string; minute_uploads: number };

/**
 * Counts one upload of `size` bytes against the user's day and minute, or throws 429 without counting
 * it. One statement: two uploads at the same moment cannot both pass the last free place.
 */
export async function reserveUpload(db: DbOrTx, options: { userId: string; size: number; quota: TUploadQuota; now?: Date }): Promise<void> {
  const now = options.now ?? new Date();
  const day = now.toISOString().slice(0, 10);
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const { size, quota } = options;
  if (size > quota.bytesPerDay) throw dayQuotaReached(quota, now);
  const result = await db.execute(sql`
    insert into upload_usage (user_id, day, day_bytes, minute, minute_uploads)
    values (${options.userId}, ${day}, ${size}, ${minute.toISOString()}, 1)
    on conflict (user_id) do update set
      day = excluded.day,
      day_bytes = (case when upload_usage.day = excluded.day then upload_usage.day_bytes else 0 end) + excluded.day_bytes,
      minute = excluded.minute,
      minute_uploads = (case when upload_usage.minute = excluded.minute then upload_usage.minute_uploads else 0 end) + 1
    where (case when upload_usage.day = excluded.day then upload_usage.day_bytes else 0 end) + excluded.day_bytes <= ${quota.bytesPerDay}
      and (case when upload_usage.minute = excluded.minute then upload_usage.minute_uploads else 0 end) + 1 <= ${quota.perMinute}
    returning day_bytes`);
  if ((result as unknown as { rows: unknown[] }).rows.length > 0) return;
  // Refused: say which limit, from the row as it is now.
  const current = (await db.execute(sql`select day, day_bytes, minute, minute_uploads from upload_usage where user_id = ${options.userId}`) as unknown as { rows: TUsageRow[] }).rows[0];
  const sameMinute = current && new Date(current.minute).getTime() === minute.getTime();
  if (sameMinute && current.minute_uploads + 1 > quota.perMinute) {
    const wait = Math.max(1, Math.ceil((minute.getTime() + 60_000 - now.getTime()) / 1000));
    throw new TooManyUploadsError(`Du har lastet opp ${quota.perMinute} filer det siste minuttet, som er grensen; prøv igjen om ${wait} ${wait === 1 ? 'sekund' : 'sekunder'}`, wait);
  }
  throw dayQuotaReached(quota, now);
}

function dayQuotaReached(quota: TUploadQuota, now: Date): TooManyUploadsError {
  const nextDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  const wait = Math.max(1, Math.ceil((nextDay - now.getTime()) / 1000));
  return new TooManyUploadsError(
    `Du har nådd grensen for opplasting i dag (${formatBytes(quota.bytesPerDay)} per døgn); prøv igjen etter midnatt (UTC)`, wait);
}

/**
 * Gives back the bytes of an upload whose row was never written. The attempt still counts against the
 * rate: each one wrote a file (collected later), so failing ones must not come faster than good ones.
 */
async function releaseUpload(db: DbOrTx, options: { userId: string; size: number; now: Date }): Promise<void> {
  const day = options.now.toISOString().slice(0, 10);
  await db.execute(sql`
    update upload_usage set day_bytes = greatest(0, day_bytes - ${options.size})
    where user_id = ${options.userId} and day = ${day}`);
}

/** What the type checks (src/lib/files/file-type.ts) read of an uploaded file, wherever its bytes are. */
export type TUploadContent = TFileContent;

/**
 * An uploaded file before it is stored: staged on disk as it arrived (HTTP uploads, staging.ts), or
 * bytes in memory (the demo loader). `put` stores it under its hash; `discard` drops what `put` did not
 * take.
 */
export type TUpload = {
  size: number;
  content: TUploadContent;
  put(files: FileStore): Promise<TStoredFile>;
  discard(): Promise<void>;
};

/**
 * Checked a megabyte at a time, letting other requests run between the pieces of a large buffer. Each
 * piece ends where a character starts, so no character is split; node:buffer's isUtf8 is native.
 */
async function isUtf8(bytes: Uint8Array): Promise<boolean> {
  for (let at = 0; at < bytes.length;) {
    let end = Math.min(at + CHUNK_BYTES, bytes.length);
    // Back over continuation bytes (10xxxxxx) to the first byte of the character at the cut.
    for (let back = 0; back < 3 && end < bytes.length && (bytes[end]! & 0xc0) === 0x80; back++) end--;
    if (!isValidUtf8(bytes.subarray(at, end))) return false;
    at = end;
    if (at < bytes.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return true;
}

export function uploadOfBytes(bytes: Uint8Array): TUpload {
  return {
    size: bytes.length,
    put: (files) => files.put(bytes),
    discard: async () => undefined,
    content: {
      size: bytes.length,
      fileType: () => fileTypeFromBuffer(bytes),
      read: async (start, end) => Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, Math.min(end, bytes.length) - start)),
      isUtf8: () => isUtf8(bytes),
    },
  };
}

export type TStoreUploadOptions = {
  files: FileStore;
  upload: TUpload;
  /** The uploading user, counted against the quota; null for the system (the demo loader). */
  userId: string | null;
  quota?: TUploadQuota;
  now?: Date;
};

/**
 * The crash-safe order: count the upload, store the file (a staged upload is renamed to its hash, after
 * fsync), then let `commit` write the row that refers to it in its own transaction. A failure before the
 * file is stored leaves at most a temporary; after it, a file no row refers to, which the sweep removes;
 * never a row without its file.
 */
export async function storeUpload<T>(db: DbOrTx, options: TStoreUploadOptions, commit: (stored: TStoredFile) => Promise<T>): Promise<T> {
  const now = options.now ?? new Date();
  const counted = options.userId && options.quota ? { userId: options.userId, size: options.upload.size, now } : null;
  if (counted) await reserveUpload(db, { ...counted, quota: options.quota! });
  try {
    const stored = await options.upload.put(options.files);
    return await commit(stored);
  } catch (err) {
    if (counted) await releaseUpload(db, counted).catch(() => undefined);
    throw err;
  }
}
