// The one reader of uploaded table files for every import: CSV or XLSX in, rows of text cells out (the
// header is row 1). An XLSX's zip directory is checked first (zip-check.ts); the reading itself runs in
// a worker thread with a heap limit and a row cap, so a hostile or merely huge file costs the server
// neither its event loop nor its memory. At most READERS_AT_ONCE files are read at a time.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { HttpError } from '../../server/errors.js';
import { DEFAULT_TABLE_FILE_LIMITS, formatCount, type TTableFileLimits } from './limits.js';
import type { TReadMessage, TReadRequest } from './read-table.worker.js';
import { checkWorkbookZip, tooMuch, unreadable } from './zip-check.js';

export type TTable = string[][];
export type TTableFileOptions = { filename: string; bytes: Uint8Array; limits?: Partial<TTableFileLimits> };

const READERS_AT_ONCE = 2;
/** A worker's heap: enough for the largest file the limits let through, and no more. */
const WORKER_HEAP_MB = 512;
/** A read that takes longer than this is stopped; a file within the limits takes a few seconds. */
const READ_TIMEOUT_MS = 120_000;

export const isWorkbook = (filename: string, bytes: Uint8Array) =>
  /\.xlsx$/i.test(filename) || (bytes[0] === 0x50 && bytes[1] === 0x4b);

/** The file's rows; 413 past a limit, 400 when it cannot be read as what it claims to be. */
export async function readTableFile(options: TTableFileOptions): Promise<TTable> {
  const limits = { ...DEFAULT_TABLE_FILE_LIMITS, ...options.limits };
  const kind = isWorkbook(options.filename, options.bytes) ? 'xlsx' : 'csv';
  if (kind === 'xlsx') await checkWorkbookZip(options.bytes, limits);
  await slots.acquire();
  try {
    return await readInWorker({ kind, bytes: options.bytes, maxRows: limits.maxRows, maxColumns: limits.maxColumns });
  } finally {
    slots.release();
  }
}

// ---- the worker ------------------------------------------------------------------------------------

const workerFile = fileURLToPath(new URL(`./read-table.worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url));

/**
 * From source (tsx, vitest) the worker is TypeScript; Node 20 applies no ESM loader hooks inside
 * workers, so it is loaded through tsx's CommonJS hook, which runs in the worker's own thread.
 */
function startWorker(request: TReadRequest, scratch: string): Worker {
  // Copied and moved, not cloned: cloning 12 MB into workerData held the event loop for ~300 ms, a
  // copy takes a few; the caller keeps its own bytes.
  const bytes = request.bytes.slice();
  const options = {
    workerData: { ...request, bytes },
    transferList: [bytes.buffer],
    // exceljs parks a sheet that comes before the shared strings in a temporary file, and a worker that
    // is stopped mid-read never removes it: each read gets a directory of its own, removed after.
    env: { ...process.env, TMPDIR: scratch, TMP: scratch, TEMP: scratch },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    stdout: false,
    stderr: false,
  };
  if (!workerFile.endsWith('.ts')) return new Worker(workerFile, options);
  const tsx = createRequire(import.meta.url).resolve('tsx/cjs');
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(workerFile)});`, { ...options, eval: true });
}

function readInWorker(request: TReadRequest): Promise<TTable> {
  return new Promise((resolve, reject) => {
    const table: TTable = [];
    const scratch = mkdtempSync(join(tmpdir(), 'samrad-table-'));
    const worker = startWorker(request, scratch);
    let settled = false;
    const finish = (error: HttpError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate().finally(() => rmSync(scratch, { recursive: true, force: true }));
      if (error) reject(error);
      else resolve(table);
    };
    const timer = setTimeout(() => finish(tooMuch('Filen tok for lang tid å lese; del den opp eller lagre den som CSV')), READ_TIMEOUT_MS);
    worker.on('message', (message: TReadMessage) => {
      switch (message.type) {
        case 'rows':
          for (const row of message.rows) table.push(row);
          return;
        case 'done':
          return finish(null);
        case 'too-many-rows':
          return finish(tooMuch(`Filen har mer enn ${formatCount(request.maxRows)} rader; høyst ${formatCount(request.maxRows)} rader leses i én import. Del den opp.`));
        case 'too-many-columns':
          return finish(tooMuch(`Rad ${message.row} har ${formatCount(message.columns)} kolonner; høyst ${formatCount(request.maxColumns)} leses`));
        case 'unreadable':
          return finish(unreadable(request.kind === 'xlsx' ? 'Filen kan ikke leses som XLSX' : 'Filen kan ikke leses som CSV'));
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      finish(error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? tooMuch('Filen krever for mye minne å lese; del den opp eller lagre den som CSV')
        : unreadable(request.kind === 'xlsx' ? 'Filen kan ikke leses som XLSX' : 'Filen kan ikke leses som CSV'));
    });
    worker.on('exit', () => finish(unreadable('Filen kunne ikke leses ferdig')));
  });
}

// ---- at most READERS_AT_ONCE readers -----------------------------------------------------------------

const slots = (() => {
  let free = READERS_AT_ONCE;
  const waiting: (() => void)[] = [];
  return {
    acquire: () => new Promise<void>((resolve) => {
      if (free > 0) { free -= 1; resolve(); } else waiting.push(resolve);
    }),
    release: () => {
      const next = waiting.shift();
      if (next) next(); else free += 1;
    },
  };
})();
