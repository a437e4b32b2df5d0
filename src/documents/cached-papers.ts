// Papers (notice, saksframlegg, draft or approved minutes) kept on disk per meeting version and read
// access (decisions 0023, 0027). A paper is filed under a key made of what it is (kind, id, PDF/A or
// not, the templates' version) and the tags of what it shows (governance/paper-revisions.ts: the
// meeting's tag and the shared tag, which database triggers move with every change), so finding it
// costs one statement, and a changed meeting is a new key: nothing is ever invalidated by hand. The
// first request for a key composes and renders the paper (others asking meanwhile wait for that one
// render) and files it only if the tags still hold afterwards, so a paper is never filed under a
// version older than what it shows. Bytes are served from the file, streamed, with ETag and Range.
// One cache per read access, each in its own directory: the public's papers (readers not signed in and
// every signed-in role that reads what the public reads) and the full papers (exempt content; only
// roles that read everything ever get there). A lookup in one can never find a paper of the other.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { FileStore, TByteRange } from '../lib/files/store.js';
import { templateVersion } from './renderer.js';

/** A paper ready to send: its strong ETag (the SHA-256 of its bytes), its size, and its bytes on demand. */
export type TCachedPaper = { etag: string; size: number; filename: string; open: (range?: TByteRange) => Promise<Readable> };

/** What a fill makes: rendered bytes, or a file already in the file store (approved minutes). */
export type TPaperSource = ({ pdf: Buffer } | { stored: { sha256: string; size: number }; files: FileStore }) & { filename: string };

/** Which paper, of which meeting (its group), under which version; the key names all three. */
export type TPaperSlot = { identity: string; group: string; version: string; key: string };

type TEntry = TCachedPaper & { slot: TPaperSlot; file: string | null };

/** Bump when what a key means changes (the triggers' tables, the key's parts). */
const KEY_FORMAT = 1;

/** The key of a paper of this identity ("notice:<meeting id>:pdf") under these tags. */
export function paperKey(identity: string, tags: readonly string[]): string {
  return createHash('sha256').update(`${KEY_FORMAT}\n${templateVersion()}\n${identity}\n${tags.join('\n')}`).digest('hex').slice(0, 40);
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';

export class PaperCache {
  private readonly entries = new Map<string, TEntry>();
  /** The key each identity is filed under now: a newer key's file replaces the older one's. */
  private readonly current = new Map<string, string>();
  private readonly filling = new Map<string, Promise<TCachedPaper>>();
  /** The keys filed per group (meeting): a new version of the meeting retires them all. */
  private readonly groups = new Map<string, Set<string>>();
  private prepared: Promise<void> | null = null;
  private bytes = 0;
  /** Papers made (rendered or looked up) rather than found: what a test counts. */
  made = 0;

  constructor(readonly dir: string, readonly maxBytes = 256 * 1024 * 1024) {}

  /** The paper filed under `key`, or null. */
  find(key: string): TCachedPaper | null {
    return this.entries.get(key) ?? null;
  }

  /**
   * The paper under `key`: filed, being made for another request, or made now by `make`. It is filed
   * only when `stillCurrent` (asked after making) says the tags have not moved meanwhile; otherwise it
   * is served to the requests that asked for it and forgotten.
   */
  fill(slot: TPaperSlot, make: () => Promise<TPaperSource>, stillCurrent: () => Promise<boolean>): Promise<TCachedPaper> {
    const { key } = slot;
    const hit = this.entries.get(key);
    if (hit) return Promise.resolve(hit);
    const pending = this.filling.get(key);
    if (pending) return pending;
    const work = (async (): Promise<TCachedPaper> => {
      const source = await make();
      this.made++;
      if ('stored' in source) {
        const { sha256, size } = source.stored;
        const entry: TEntry = { slot, file: null, etag: `"${sha256}"`, size, filename: source.filename, open: (range) => source.files.open(sha256, range) };
        if (await stillCurrent()) await this.keep(key, entry);
        return entry;
      }
      const { pdf } = source;
      const etag = `"${createHash('sha256').update(pdf).digest('hex')}"`;
      const inMemory: TCachedPaper = { etag, size: pdf.length, filename: source.filename, open: async (range) => Readable.from([range ? pdf.subarray(range.start, range.end + 1) : pdf]) };
      if (!(await stillCurrent())) return inMemory;
      const file = await this.write(key, pdf);
      const entry: TEntry = {
        slot, file, etag, size: pdf.length, filename: source.filename,
        open: async (range) => createReadStream('', { fd: await open(file, 'r'), autoClose: true, start: range?.start, end: range?.end }),
      };
      await this.keep(key, entry);
      return entry;
    })().finally(() => this.filling.delete(key));
    this.filling.set(key, work);
    return work;
  }

  /**
   * Opens the paper's bytes; when its file has gone (the directory was cleared under a running server),
   * forgets it and makes it again once.
   */
  async openOrRefill(key: string, paper: TCachedPaper, refill: () => Promise<TCachedPaper>, range?: TByteRange): Promise<{ paper: TCachedPaper; stream: Readable }> {
    try {
      return { paper, stream: await paper.open(range) };
    } catch (err) {
      if (!isMissing(err)) throw err;
      await this.forget(key);
      const again = await refill();
      return { paper: again, stream: await again.open(range) };
    }
  }

  /** Every filed paper is dropped and its file removed (a test's or an operator's reset). */
  async clear(): Promise<void> {
    this.entries.clear();
    this.current.clear();
    this.groups.clear();
    this.bytes = 0;
    await rm(this.dir, { recursive: true, force: true });
    this.prepared = null;
  }

  private async write(key: string, pdf: Buffer): Promise<string> {
    // A directory left by an earlier run holds papers of versions nobody asks for any more: cleared once.
    this.prepared ??= rm(this.dir, { recursive: true, force: true });
    await this.prepared;
    await mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, `${key}.pdf`);
    const tmp = path.join(this.dir, `.${key}.${randomBytes(6).toString('hex')}`);
    // Readable by this server's user alone: the full papers hold exempt content.
    await writeFile(tmp, pdf, { mode: 0o600 });
    // Whole or absent under its name: a reader never opens half a paper.
    await rename(tmp, file);
    return file;
  }

  /**
   * Forgets (and removes the files of) this group's papers of any other version, and of this identity
   * at all when `identity` is given (the public may no longer read it). Papers of an old version are
   * never served again (their keys are not asked for), but nothing of what the public may no longer
   * read should wait on disk for the next restart either.
   */
  async retire(group: string, version: string, identity?: string): Promise<void> {
    const gone: Promise<void>[] = [];
    for (const key of [...(this.groups.get(group) ?? [])]) {
      const entry = this.entries.get(key);
      if (!entry || entry.slot.version !== version || entry.slot.identity === identity) gone.push(this.forget(key));
    }
    await Promise.all(gone);
  }

  /** The meetings (groups) with papers filed now. */
  groupsFiled(): string[] {
    return [...this.groups.keys()];
  }

  /**
   * Removes every filed paper whose meeting is now at another version (or gone: `versions` has no entry
   * for it). What a request for the meeting would do (`retire`), for the meetings nobody asks for
   * again, so an old version does not wait on disk for the next restart. Answers how many went.
   */
  async retireSuperseded(versions: ReadonlyMap<string, string>): Promise<number> {
    const gone: Promise<void>[] = [];
    for (const [group, keys] of [...this.groups]) {
      const version = versions.get(group);
      for (const key of [...keys]) if (this.entries.get(key)?.slot.version !== version) gone.push(this.forget(key));
    }
    await Promise.all(gone);
    return gone.length;
  }

  private async keep(key: string, entry: TEntry): Promise<void> {
    const { identity, group } = entry.slot;
    const previous = this.current.get(identity);
    const gone: Promise<void>[] = [];
    if (previous && previous !== key) gone.push(this.forget(previous));
    this.entries.set(key, entry);
    this.current.set(identity, key);
    let keys = this.groups.get(group);
    if (!keys) this.groups.set(group, keys = new Set());
    keys.add(key);
    if (entry.file) this.bytes += entry.size;
    // Oldest first (Map keeps insertion order) until the files fit.
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      if (k !== key && e.file) gone.push(this.forget(k));
    }
    await Promise.all(gone);
  }

  private async forget(key: string): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (this.current.get(entry.slot.identity) === key) this.current.delete(entry.slot.identity);
    const keys = this.groups.get(entry.slot.group);
    keys?.delete(key);
    if (keys?.size === 0) this.groups.delete(entry.slot.group);
    if (entry.file) {
      this.bytes -= entry.size;
      // A reader already streaming it keeps its open file; the name goes now.
      await unlink(entry.file).catch(() => undefined);
    }
  }
}

/** The server's two caches, by read access: never a lookup of one reader's paper in the other's. */
export type TPaperCaches = { readonly public: PaperCache; readonly full: PaperCache };

/** The caches under a data directory: `papers` (the public's, as before) and `papers-full`. */
export function paperCachesIn(dataDir: string): TPaperCaches {
  return { public: new PaperCache(path.join(dataDir, 'papers')), full: new PaperCache(path.join(dataDir, 'papers-full')) };
}
