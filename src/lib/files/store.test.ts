// The file store on both backends: files on disk, and an S3 bucket served by s3rver (a real S3 API
// server, started here on a free port). What is read back is what was stored and hashes to its name;
// a write that fails half-way leaves nothing under any hash; the sweep takes what no row refers to.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { open, readdir, readFile, writeFile, mkdir, utimes, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import S3rver from 's3rver';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { diskFileStore } from './disk.js';
import { allocateForHashing } from './hash.js';
import { s3FileStore } from './s3.js';
import { FileMissingError, type FileStore } from './store.js';
import { sweepUnreferencedFiles } from './sweep.js';
import { fileStoreFromEnv } from '../../server/files.js';
import { readEnv } from '../../server/env.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const tmp = (name: string) => mkdtempSync(path.join(os.tmpdir(), `samrad-${name}-`));
const collect = async (store: FileStore) => {
  const out: string[] = [];
  for await (const e of store.list()) out.push(e.sha256);
  return out.sort();
};
async function* failingHalfWay(first: Uint8Array): AsyncIterable<Uint8Array> {
  yield first;
  throw new Error('the client went away');
}

let s3: S3rver;
let s3Endpoint = '';
beforeAll(async () => {
  s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: tmp('s3rver'), configureBuckets: [{ name: 'samrad-test' }] });
  const { port } = await s3.run();
  s3Endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => { await s3?.close(); });

const backends: [string, () => FileStore][] = [
  ['disk', () => diskFileStore(path.join(tmp('disk'), 'files'))],
  ['s3', () => s3FileStore({
    endpoint: s3Endpoint, region: 'us-east-1', bucket: 'samrad-test', forcePathStyle: true,
    accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', prefix: `t-${randomBytes(4).toString('hex')}/`,
  })],
];

describe.each(backends)('%s file store', (_name, makeStore) => {
  it('reads back exactly the bytes it stored, which hash to the name it gave them, whole and by range', async () => {
    const store = makeStore();
    const bytes = randomBytes(3 * 1024 * 1024 + 17);
    const stored = await store.put(bytes);
    expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length });
    const back = await buffer(await store.open(stored.sha256));
    expect(sha(back)).toBe(stored.sha256);
    expect(back.equals(bytes)).toBe(true);
    const part = await buffer(await store.open(stored.sha256, { start: 1_000_000, end: 1_000_099 }));
    expect(part.equals(bytes.subarray(1_000_000, 1_000_100))).toBe(true);
    expect(await store.exists(stored.sha256)).toBe(true);
  });

  it('hashes bytes in shared memory (a large request body) in the hash worker, to the same name', async () => {
    const store = makeStore();
    const bytes = randomBytes(2 * 1024 * 1024 + 5);
    const shared = allocateForHashing(bytes.length);
    bytes.copy(shared);
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(await store.put(shared)).toEqual({ sha256: sha(bytes), size: bytes.length });
    expect((await buffer(await store.open(sha(bytes)))).equals(bytes)).toBe(true);
  });

  it('takes a stream, and stores the same content once under one name', async () => {
    const store = makeStore();
    const bytes = Buffer.from('Møtereferat 13.12.2023 – '.repeat(5000));
    async function* pieces() { for (let i = 0; i < bytes.length; i += 7000) yield bytes.subarray(i, i + 7000); }
    const a = await store.put(pieces());
    const b = await store.put(bytes);
    expect(a).toEqual(b);
    expect(a.sha256).toBe(sha(bytes));
    expect(await collect(store)).toEqual([a.sha256]);
  });

  it('leaves nothing under any name when the bytes stop coming half-way', async () => {
    const store = makeStore();
    await expect(store.put(failingHalfWay(randomBytes(200_000)))).rejects.toThrow('the client went away');
    expect(await collect(store)).toEqual([]);
  });

  it('says a missing file is missing, and refuses a name that is not a SHA-256', async () => {
    const store = makeStore();
    await expect(store.open('0'.repeat(64))).rejects.toBeInstanceOf(FileMissingError);
    expect(await store.exists('0'.repeat(64))).toBe(false);
    await expect(store.open('../../etc/passwd')).rejects.toThrow(/not a SHA-256/);
  });

  it('sweeps files no row refers to once they are older than the grace period, and keeps the rest', async () => {
    const store = makeStore();
    const kept = await store.put(Buffer.from('referert'));
    const orphan = await store.put(Buffer.from('foreldreløs'));
    const young = await store.put(Buffer.from('nettopp lagret'));
    const referenced = new Set([kept.sha256]);
    // Everything stored so far is "old" relative to a cut-off in the future; the young file is
    // protected by a cut-off in the past.
    const none = await sweepUnreferencedFiles(store, { isReferenced: async (h) => new Set(h.filter((x) => referenced.has(x))), olderThan: new Date(Date.now() - 3_600_000) });
    expect(none.removed).toEqual([]);
    const swept = await sweepUnreferencedFiles(store, {
      isReferenced: async (h) => new Set(h.filter((x) => referenced.has(x) || x === young.sha256)), olderThan: new Date(Date.now() + 60_000),
    });
    expect(swept.removed).toEqual([orphan.sha256]);
    expect(await collect(store)).toEqual([kept.sha256, young.sha256].sort());
  });
});

describe('disk file store', () => {
  it('names each file by the SHA-256 of its bytes under ab/cd/, with no temporary left behind', async () => {
    const root = path.join(tmp('disk-layout'), 'files');
    const store = diskFileStore(root);
    const bytes = randomBytes(10_000);
    const { sha256 } = await store.put(bytes);
    const onDisk = await readFile(path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256));
    expect(sha(onDisk)).toBe(sha256);
    expect(await readdir(path.join(root, 'tmp'))).toEqual([]);
  });

  it('does not rewrite a file it already has (its time is renewed instead)', async () => {
    const root = path.join(tmp('disk-again'), 'files');
    const store = diskFileStore(root);
    const { sha256 } = await store.put(Buffer.from('samme innhold'));
    const file = path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    // Mark the stored copy: if put rewrote it, the mark would be gone.
    await writeFile(file, 'merket');
    const old = new Date(Date.now() - 86_400_000);
    await utimes(file, old, old);
    await store.put(Buffer.from('samme innhold'));
    expect(await readFile(file, 'utf8')).toBe('merket');
    const times: number[] = [];
    for await (const e of store.list()) times.push(e.storedAt.getTime());
    expect(times).toHaveLength(1);
    expect(times[0]).toBeGreaterThan(old.getTime());
  });

  it('sweeps a temporary a crash left behind, once it is older than the grace period', async () => {
    const root = path.join(tmp('disk-crash'), 'files');
    const store = diskFileStore(root);
    await mkdir(path.join(root, 'tmp'), { recursive: true });
    await writeFile(path.join(root, 'tmp', 'half-written'), randomBytes(1000));
    expect(await collect(store)).toEqual([]);
    const result = await sweepUnreferencedFiles(store, { isReferenced: async () => new Set(), olderThan: new Date(Date.now() + 60_000) });
    expect(result.temporaries).toBe(1);
    expect(await readdir(path.join(root, 'tmp'))).toEqual([]);
  });
});

describe('the disk store and fsync', () => {
  afterEach(() => { vi.restoreAllMocks(); });

  /** Records, at each FileHandle.sync, whether the stored file is there under its hash yet. */
  async function recordSyncs(target: () => string) {
    const probe = await open(path.join(tmp('probe'), 'x'), 'w');
    const proto = Object.getPrototypeOf(probe) as FileHandle;
    await probe.close();
    const original = proto.sync;
    const seen: ('before rename' | 'after rename')[] = [];
    vi.spyOn(proto, 'sync').mockImplementation(function (this: FileHandle) {
      seen.push(existsSync(target()) ? 'after rename' : 'before rename');
      return original.call(this);
    });
    return seen;
  }

  it('syncs the bytes before the rename and the directory after it, for put and for a staged upload', async () => {
    const root = path.join(tmp('disk-fsync'), 'files');
    const store = diskFileStore(root);
    const bytes = randomBytes(10_000);
    const target = path.join(root, sha(bytes).slice(0, 2), sha(bytes).slice(2, 4), sha(bytes));
    const seen = await recordSyncs(() => target);
    await store.put(bytes);
    expect(seen).toEqual(['before rename', 'after rename']);

    const streamed = Buffer.from('strømmet opplasting '.repeat(100));
    const streamedTarget = path.join(root, sha(streamed).slice(0, 2), sha(streamed).slice(2, 4), sha(streamed));
    const staged = await store.stage();
    await writeFile(staged.path, streamed);
    vi.restoreAllMocks();
    const seenKeep = await recordSyncs(() => streamedTarget);
    await staged.keep({ sha256: sha(streamed), size: streamed.length });
    expect(seenKeep).toEqual(['before rename', 'after rename']);
  });
});

describe('the file store from the environment', () => {
  const s3Env = () => ({
    SAMRAD_FILES: 's3', S3_ENDPOINT: s3Endpoint, S3_BUCKET: 'samrad-test', S3_FORCE_PATH_STYLE: 'true',
    S3_ACCESS_KEY_ID: 'S3RVER', S3_SECRET_ACCESS_KEY: 'S3RVER',
  });

  it('is the disk under SAMRAD_DATA_DIR/files by default', async () => {
    const dataDir = tmp('env-disk');
    const bytes = randomBytes(5_000);
    const { sha256 } = await fileStoreFromEnv(readEnv({ SAMRAD_DATA_DIR: dataDir })).put(bytes);
    expect(await readFile(path.join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256))).toEqual(bytes);
  });

  it('is the bucket with SAMRAD_FILES=s3 and the S3_* variables, and nothing lands on disk', async () => {
    const dataDir = tmp('env-s3');
    const bytes = randomBytes(5_000);
    const store = fileStoreFromEnv(readEnv({ SAMRAD_DATA_DIR: dataDir, ...s3Env() }));
    const { sha256 } = await store.put(bytes);
    expect((await buffer(await store.open(sha256))).equals(bytes)).toBe(true);
    // Another client of the same bucket finds it; the data directory holds nothing.
    const direct = s3FileStore({ endpoint: s3Endpoint, region: 'us-east-1', bucket: 'samrad-test', forcePathStyle: true, accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' });
    expect(await direct.exists(sha256)).toBe(true);
    expect(await readdir(dataDir)).toEqual([]);
  });

  it('refuses to start with SAMRAD_FILES=s3 but no bucket, or only one of the two keys', () => {
    const { S3_BUCKET: _, ...noBucket } = s3Env();
    expect(() => readEnv(noBucket)).toThrow(/SAMRAD_FILES=s3 needs S3_BUCKET/);
    const { S3_SECRET_ACCESS_KEY: __, ...oneKey } = s3Env();
    expect(() => readEnv(oneKey)).toThrow(/both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/);
  });
});
