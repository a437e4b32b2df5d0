// Content-addressed files on disk: <root>/ab/cd/<sha256>. A file is written under a temporary name in
// <root>/tmp (same file system, so the rename is atomic), hashed while it is written, fsync'd, renamed to
// its hash and the directory fsync'd: after a crash a hash name always holds the whole file, and a
// half-written upload is only ever a temporary that the sweep removes. Only async fs calls: the event
// loop keeps serving while a large file is written or read.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { sha256Of } from './hash.js';
import {
  FileMissingError, shardedPath, type FileStore, type TByteRange, type TFileSource, type TStaging, type TStoredEntry, type TStoredFile,
} from './store.js';

const TMP = 'tmp';

async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';

export function diskFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => path.join(root, ...shardedPath(sha256));

  async function put(source: TFileSource): Promise<TStoredFile> {
    const tmpDir = path.join(root, TMP);
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
    let sha256: string;
    let size = 0;
    const handle = await open(tmp, 'wx');
    try {
      try {
        if (source instanceof Uint8Array) {
          // Bytes in memory: written by the thread pool and hashed by the hash worker at the same time.
          const hashing = sha256Of(source);
          await handle.writeFile(source);
          size = source.length;
          sha256 = await hashing;
        } else {
          const hash = createHash('sha256');
          for await (const chunk of source) {
            hash.update(chunk);
            size += chunk.length;
            await handle.write(chunk);
          }
          sha256 = hash.digest('hex');
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
      return await adopt(tmp, { sha256, size });
    } catch (err) {
      await unlink(tmp).catch(() => undefined);
      throw err;
    }
  }

  async function stage(): Promise<TStaging> {
    const tmpDir = path.join(root, TMP);
    await mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}`);
    let settled = false;
    return {
      path: tmp,
      async keep(file: TStoredFile) {
        if (settled) throw new Error('staged file already kept or discarded');
        settled = true;
        try {
          const handle = await open(tmp, 'r+');
          try {
            await handle.sync();
          } finally {
            await handle.close();
          }
          return await adopt(tmp, file);
        } catch (err) {
          await unlink(tmp).catch(() => undefined);
          throw err;
        }
      },
      async discard() {
        if (settled) return;
        settled = true;
        await unlink(tmp).catch(() => undefined);
      },
    };
  }

  /** Renames a complete, fsync'd temporary to its hash, or drops it when that content is stored already. */
  async function adopt(tmp: string, file: TStoredFile): Promise<TStoredFile> {
    const target = pathOf(file.sha256);
    if (await exists(file.sha256)) {
      // Same content already stored: keep that file, and renew its time so a sweep running now
      // does not take it from the row about to be written.
      const now = new Date();
      await utimes(target, now, now);
      await unlink(tmp);
      return file;
    }
    await mkdir(path.dirname(target), { recursive: true });
    await rename(tmp, target);
    await fsyncDirectory(path.dirname(target));
    return file;
  }

  async function exists(sha256: string): Promise<boolean> {
    try {
      return (await stat(pathOf(sha256))).isFile();
    } catch (err) {
      if (isMissing(err)) return false;
      throw err;
    }
  }

  async function openFile(sha256: string, range?: TByteRange): Promise<Readable> {
    // Opened here, not lazily by the stream, so a missing file is an error the caller sees before
    // it has sent any header.
    let handle;
    try {
      handle = await open(pathOf(sha256), 'r');
    } catch (err) {
      if (isMissing(err)) throw new FileMissingError(sha256);
      throw err;
    }
    return createReadStream('', { fd: handle, autoClose: true, start: range?.start, end: range?.end, highWaterMark: 256 * 1024 });
  }

  async function* list(): AsyncIterable<TStoredEntry> {
    const level = async (dir: string) => {
      try {
        return await readdir(dir);
      } catch (err) {
        if (isMissing(err)) return [];
        throw err;
      }
    };
    for (const a of await level(root)) {
      if (!/^[0-9a-f]{2}$/.test(a)) continue;
      for (const b of await level(path.join(root, a))) {
        if (!/^[0-9a-f]{2}$/.test(b)) continue;
        for (const name of await level(path.join(root, a, b))) {
          if (!/^[0-9a-f]{64}$/.test(name)) continue;
          try {
            const s = await stat(path.join(root, a, b, name));
            yield { sha256: name, storedAt: s.mtime };
          } catch (err) {
            if (!isMissing(err)) throw err;
          }
        }
      }
    }
  }

  async function remove(sha256: string): Promise<void> {
    await unlink(pathOf(sha256)).catch((err) => { if (!isMissing(err)) throw err; });
  }

  async function removeStaleTemporaries(olderThan: Date): Promise<number> {
    const dir = path.join(root, TMP);
    let removed = 0;
    let names: string[] = [];
    try {
      names = await readdir(dir);
    } catch (err) {
      if (isMissing(err)) return 0;
      throw err;
    }
    for (const name of names) {
      try {
        const s = await stat(path.join(dir, name));
        if (s.mtime < olderThan) {
          await unlink(path.join(dir, name));
          removed += 1;
        }
      } catch (err) {
        if (!isMissing(err)) throw err;
      }
    }
    return removed;
  }

  return { kind: 'disk', stage, put, open: openFile, exists, list, remove, removeStaleTemporaries };
}
