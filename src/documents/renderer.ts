// Renders the Typst templates in this folder to PDF, off the main thread: a small pool of worker threads
// (render-pool.ts) each holding a compiler that keeps fonts and parsed templates warm. The data goes in as
// JSON through sys.inputs, never spliced into markup, so no user text can become Typst code. Callers
// await the PDF and must not hold a database transaction while they do (decision 0014).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { mayRenderHere } from '../db/transaction-scope.js';
import { RenderPool, type TRenderPoolOptions } from './render-pool.js';
import type { TEconomyDocument, TMinutesDocument, TNoticeDocument, TPresentationDocument, TServiceDeskDocument } from './types.js';
import type { TReportTypstDocument } from './report.js';

export { DocumentRenderError, RenderPoolBusy } from './render-pool.js';

const templateDir = path.dirname(fileURLToPath(import.meta.url));

export type TTemplateData = {
  notice: TNoticeDocument;
  minutes: TMinutesDocument;
  presentation: TPresentationDocument;
  economy: TEconomyDocument;
  servicedesk: TServiceDeskDocument;
  report: TReportTypstDocument;
};
export type TTemplate = keyof TTemplateData;

export const RENDER_IN_TRANSACTION = 'A PDF was to be rendered inside a database transaction: render before the transaction opens (decision 0014)';

export type TRenderOptions = {
  /** PDF/A-2a (tagged) for the archive; otherwise a tagged PDF. */
  archive?: boolean;
  /** Files the template reads by path relative to the template folder (a report's images), for this render only. */
  files?: Record<string, Uint8Array>;
};

export type TRendererSettings = Omit<TRenderPoolOptions, 'templateDir'>;

/** Two threads at most by default, and one core left for the event loop and the database. */
export const DEFAULT_RENDERER: TRendererSettings = {
  workers: Math.max(1, Math.min(2, availableParallelism() - 1)),
  maxQueued: 32,
  // Eviction is what bounds memory; a fresh thread costs RSS of its own (new malloc arenas: with a thread
  // per 100 renders, +50 MB over 500 PDFs on PostgreSQL), so threads are replaced rarely, as a backstop.
  recycleAfter: 10_000,
  timeoutMs: 60_000,
  evict: true,
};

let settings: TRendererSettings = DEFAULT_RENDERER;
let pool: RenderPool | null = null;

/** Sets the pool's size and limits (main.ts, from the environment); a running pool is replaced. */
export function configureRenderer(next: Partial<TRendererSettings>) {
  settings = { ...DEFAULT_RENDERER, ...next };
  const old = pool;
  pool = null;
  void old?.close();
}

function getPool(): RenderPool {
  pool ??= new RenderPool({ templateDir, ...settings });
  return pool;
}

/** Renders finished in this process: tests count them to prove a cached paper was not set again. */
export function renderCount(): number {
  return getPool().renders;
}

export async function closeRenderer(): Promise<void> {
  const old = pool;
  pool = null;
  await old?.close();
}

export function renderPdf<T extends TTemplate>(template: T, data: TTemplateData[T], options: TRenderOptions = {}): Promise<Buffer> {
  // Refused, not only documented: a render inside a transaction holds its locks (and on PGlite the one
  // connection) for the whole render. Render first, then open the transaction and check nothing moved.
  if (!mayRenderHere()) return Promise.reject(new Error(RENDER_IN_TRANSACTION));
  return getPool().render({ template, data: JSON.stringify(data), archive: options.archive ?? false, files: options.files });
}

let version: string | null = null;

/**
 * What every paper also depends on besides its data: the templates and the compiler. Part of a cached
 * paper's ETag, so a new release never answers 304 with an old layout.
 */
export function templateVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  const compiler = createRequire(import.meta.url)('@myriaddreamin/typst-ts-node-compiler/package.json') as { version: string };
  hash.update(`typst-ts-node-compiler@${compiler.version}\n`);
  for (const file of readdirSync(templateDir).filter((f) => f.endsWith('.typ')).sort()) {
    hash.update(`${file}\n`).update(readFileSync(path.join(templateDir, file)));
  }
  version = hash.digest('hex').slice(0, 16);
  return version;
}
