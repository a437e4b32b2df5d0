// The file store: attachment and archive bytes live here, outside the database, named by their SHA-256.
// The database keeps only metadata and the hash, so a 20 MB file never passes through a query (on
// PGlite every query runs on the event loop). Two backends with one small interface: files on disk
// under SAMRAD_DATA_DIR (the default) and an S3-compatible bucket for several servers. See
// docs/decisions/0013-file-store.md for the write order that makes a crash safe.
import type { Readable } from 'node:stream';

export type TStoredFile = { sha256: string; size: number };
/** Inclusive byte offsets, as HTTP's Content-Range writes them. */
export type TByteRange = { start: number; end: number };
export type TStoredEntry = { sha256: string; storedAt: Date };
/** What put() takes: bytes already in memory, or chunks as they arrive. */
export type TFileSource = Uint8Array | AsyncIterable<Uint8Array>;

/**
 * A file being received before its hash is known (an upload streamed to disk as it arrives). Nothing
 * lists or serves it: it is stored only once `keep` has put it under its hash, and `discard` (or the
 * sweep of stale temporaries, after a crash) removes it otherwise.
 */
export type TStaging = {
  /** Where to write the bytes (a local file, the same file system as the store for a disk store). */
  readonly path: string;
  /** Stores the written file under its hash (fsync'd first), answering what `put` would. */
  keep(file: TStoredFile): Promise<TStoredFile>;
  discard(): Promise<void>;
};

export type FileStore = {
  readonly kind: 'disk' | 's3';
  /** A temporary file to receive bytes into, to be kept under their hash or discarded. */
  stage(): Promise<TStaging>;
  /** Stores the bytes and answers their hash; a file already stored under that hash is kept as it is. */
  put(source: TFileSource): Promise<TStoredFile>;
  /** The bytes (or the range) as a stream; throws FileMissingError when nothing is stored under the hash. */
  open(sha256: string, range?: TByteRange): Promise<Readable>;
  exists(sha256: string): Promise<boolean>;
  /** Every stored file, with when it was last stored (the sweep's grace period counts from there). */
  list(): AsyncIterable<TStoredEntry>;
  remove(sha256: string): Promise<void>;
  /** Writes that never finished (a crash mid-upload) and are older than the given time. */
  removeStaleTemporaries(olderThan: Date): Promise<number>;
};

export class FileMissingError extends Error {
  constructor(readonly sha256: string) {
    super(`file ${sha256} is not in the file store`);
  }
}

const SHA256 = /^[0-9a-f]{64}$/;

/** Hashes become paths and object keys: only the 64 lower-case hex digits of a SHA-256 are accepted. */
export function assertSha256(sha256: string): void {
  if (!SHA256.test(sha256)) throw new Error(`not a SHA-256: ${sha256.slice(0, 80)}`);
}

/** <prefix>ab/cd/<sha256>: two levels of 256 directories keep any one directory small. */
export function shardedPath(sha256: string): string[] {
  assertSha256(sha256);
  return [sha256.slice(0, 2), sha256.slice(2, 4), sha256];
}

/** Work on large buffers that stays on the event loop is done a megabyte at a time, so it never holds it long. */
export const CHUNK_BYTES = 1024 * 1024;
