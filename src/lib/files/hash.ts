// SHA-256 of large buffers off the event loop. Hashing a 20 MB upload takes 40–80 ms of CPU; on the main
// thread that is time no other request gets, however finely it is sliced. Bytes in shared memory (a
// SharedArrayBuffer, as readRequestBytes allocates for large bodies) reach a worker thread without a
// copy, so the worker hashes them while the main thread serves others. Anything else is hashed here a
// megabyte at a time, as before: copying it to the worker would cost about as much as hashing it.
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { CHUNK_BYTES } from './store.js';

/** Below this, a round trip to the worker costs more than the hash. */
const WORKER_MIN_BYTES = CHUNK_BYTES;

// Plain CommonJS, evaluated: a worker thread does not inherit the tsx or vitest loaders.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
function hashFile(path, utf8) {
  const hash = createHash('sha256');
  const decoder = utf8 ? new TextDecoder('utf-8', { fatal: true }) : null;
  let valid = utf8 ? true : null;
  let size = 0;
  const chunk = Buffer.allocUnsafe(1024 * 1024);
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      size += n;
      hash.update(chunk.subarray(0, n));
      if (valid) {
        try { decoder.decode(chunk.subarray(0, n), { stream: true }); } catch { valid = false; }
      }
    }
    if (valid) {
      try { decoder.decode(); } catch { valid = false; }
    }
  } finally {
    closeSync(fd);
  }
  return { sha256: hash.digest('hex'), size, utf8: valid };
}
parentPort.on('message', ({ id, bytes, path, utf8 }) => {
  try {
    if (path !== undefined) parentPort.postMessage({ id, file: hashFile(path, utf8) });
    else parentPort.postMessage({ id, sha256: createHash('sha256').update(bytes).digest('hex') });
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});`;

let worker: Worker | null = null;
let nextId = 0;
type TWorkerAnswer = { id: number; sha256?: string; file?: THashedFile; error?: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const pending = new Map<number, { resolve: (answer: any) => void; reject: (err: Error) => void }>();

function hashWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_SOURCE, { eval: true });
  w.on('message', ({ id, sha256, file, error }: TWorkerAnswer) => {
    const job = pending.get(id);
    pending.delete(id);
    if (error !== undefined) job?.reject(new Error(error));
    else job?.resolve(file ?? sha256);
    // An idle worker must not keep the process alive.
    if (pending.size === 0) w.unref();
  });
  const fail = (err: Error) => {
    for (const job of pending.values()) job.reject(err);
    pending.clear();
    worker = null;
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`the hash worker stopped (exit code ${code})`)));
  w.unref();
  worker = w;
  return w;
}

/** A file's SHA-256 and size, and whether it is valid UTF-8 when asked (null when not asked). */
export type THashedFile = { sha256: string; size: number; utf8: boolean | null };

/**
 * Hashes a file on disk in the worker thread (it reads the file itself): an upload streamed to a
 * temporary file is hashed without its bytes passing through the event loop again. With `utf8`, the
 * worker also checks that the bytes are valid UTF-8 (a .txt attachment).
 */
export function hashFile(path: string, options: { utf8?: boolean } = {}): Promise<THashedFile> {
  const w = hashWorker();
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, path, utf8: options.utf8 ?? false });
  });
}

/** A buffer of `length` bytes in shared memory when large enough to be hashed by the worker. */
export function allocateForHashing(length: number): Buffer {
  return length >= WORKER_MIN_BYTES ? Buffer.from(new SharedArrayBuffer(length)) : Buffer.allocUnsafe(length);
}

/** The hex SHA-256 of the bytes. */
export async function sha256Of(bytes: Uint8Array): Promise<string> {
  if (bytes.buffer instanceof SharedArrayBuffer && bytes.length >= WORKER_MIN_BYTES) {
    const w = hashWorker();
    const id = nextId++;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.ref();
      w.postMessage({ id, bytes });
    });
  }
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES) {
    hash.update(bytes.subarray(at, Math.min(at + CHUNK_BYTES, bytes.length)));
    if (at + CHUNK_BYTES < bytes.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return hash.digest('hex');
}
