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
parentPort.on('message', ({ id, bytes }) => {
  parentPort.postMessage({ id, sha256: createHash('sha256').update(bytes).digest('hex') });
});`;

let worker: Worker | null = null;
let nextId = 0;
const pending = new Map<number, { resolve: (sha256: string) => void; reject: (err: Error) => void }>();

function hashWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(WORKER_SOURCE, { eval: true });
  w.on('message', ({ id, sha256 }: { id: number; sha256: string }) => {
    pending.get(id)?.resolve(sha256);
    pending.delete(id);
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
