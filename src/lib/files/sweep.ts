// Removes stored files no row refers to. The write order (file first, then the row) means a failed or
// crashed upload can leave a file behind, never a row without its file; this is what collects them.
// Only files older than the grace period are candidates: an upload between its put and its commit is
// younger than that (a put of content already stored renews the file's time for the same reason).
import type { FileStore } from './store.js';

/** Which of these hashes some row still refers to. */
export type TReferencedFiles = (hashes: string[]) => Promise<Set<string>>;

export type TSweepOptions = { isReferenced: TReferencedFiles; olderThan: Date };

const BATCH = 500;

export async function sweepUnreferencedFiles(store: FileStore, options: TSweepOptions): Promise<{ removed: string[]; temporaries: number }> {
  const removed: string[] = [];
  let batch: string[] = [];
  const flush = async () => {
    const referenced = await options.isReferenced(batch);
    for (const sha256 of batch) {
      if (referenced.has(sha256)) continue;
      await store.remove(sha256);
      removed.push(sha256);
    }
    batch = [];
  };
  for await (const entry of store.list()) {
    if (entry.storedAt >= options.olderThan) continue;
    batch.push(entry.sha256);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length) await flush();
  const temporaries = await store.removeStaleTemporaries(options.olderThan);
  return { removed, temporaries };
}

/** One answer from every module's own check. */
export function referencedByAny(checks: TReferencedFiles[]): TReferencedFiles {
  return async (hashes) => {
    const all = new Set<string>();
    for (const check of checks) for (const h of await check(hashes)) all.add(h);
    return all;
  };
}
