// A few worker threads that set Typst documents, so a render never holds the event loop (4 clients at
// ~10 PDFs/s took /healthz from 7 ms to 50–260 ms when the compiler ran on the main thread). Jobs wait in
// a bounded queue; past it the caller gets a 503 with Retry-After at once instead of waiting behind
// everyone. A thread is replaced after many renders (a backstop: eviction in the worker is what bounds
// memory), and a render that hangs ends its thread. See decision 0014.
import { Worker } from 'node:worker_threads';
import { HttpError } from '../server/errors.js';

/** `files`: bytes the template reads by path (a report's images), under the template folder, for this job only. */
export type TRenderJob = { template: string; data: string; archive: boolean; files?: Record<string, Uint8Array> };

export type TRenderPoolOptions = {
  templateDir: string;
  /** Threads; each is one compiler. */
  workers: number;
  /** Jobs that may wait for a free thread; one more is refused. */
  maxQueued: number;
  /** Renders a thread does before a fresh one takes over (what the compiler keeps dies with its thread). */
  recycleAfter: number;
  /** A render that takes longer ends its thread and fails. */
  timeoutMs: number;
  /** Drop the compiler's cached results the last renders did not use (off only to measure the leak). */
  evict: boolean;
};

/** A Typst template that cannot be set with the data: the compiler's diagnostics in the message. */
export class DocumentRenderError extends Error {}

/** The pool is full for now; the error handler sends `retryAfterSeconds` as Retry-After. */
export class RenderPoolBusy extends HttpError {
  constructor(readonly retryAfterSeconds: number) {
    super(503, 'busy', 'Det lages mange PDF-er akkurat nå. Prøv igjen om litt.');
  }
}

type TPending = TRenderJob & { id: number; started: number; resolve: (pdf: Buffer) => void; reject: (err: Error) => void };
type TThread = { worker: Worker; job: TPending | null; renders: number; evictions: number; timer: NodeJS.Timeout | null };
/** `evictions`: the thread's evictions of the compiler's cache so far (each runs after a reply is sent). */
type TReply = ({ id: number; ok: true; pdf: Uint8Array } | { id: number; ok: false; message: string }) & { evictions: number };

const WORKER_URL = new URL('./render-worker.mjs', import.meta.url);

export class RenderPool {
  private readonly threads: TThread[] = [];
  private readonly queue: TPending[] = [];
  private nextId = 1;
  private closed = false;
  /** Renders finished, ok or not: what tests count to prove a cache saved one. */
  renders = 0;
  /** Evictions of a compiler's cache the threads have reported: one per render when `evict` is on. */
  evictions = 0;
  /** Mean milliseconds of recent renders, for the Retry-After estimate. */
  private meanMs = 50;

  constructor(readonly options: TRenderPoolOptions) {}

  render(job: TRenderJob): Promise<Buffer> {
    if (this.closed) return Promise.reject(new Error('PDF-tjenesten er stengt'));
    return new Promise<Buffer>((resolve, reject) => {
      const pending: TPending = { ...job, id: this.nextId++, started: 0, resolve, reject };
      const idle = this.idleThread();
      if (idle) {
        this.start(idle, pending);
        return;
      }
      if (this.queue.length >= this.options.maxQueued) {
        const waitMs = ((this.queue.length + 1) * this.meanMs) / this.options.workers;
        reject(new RenderPoolBusy(Math.max(1, Math.ceil(waitMs / 1000))));
        return;
      }
      this.queue.push(pending);
    });
  }

  /** Jobs waiting for a thread now. */
  get queued(): number {
    return this.queue.length;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new Error('PDF-tjenesten er stengt'));
    await Promise.all(this.threads.splice(0).map((t) => {
      if (t.timer) clearTimeout(t.timer);
      t.job?.reject(new Error('PDF-tjenesten er stengt'));
      return t.worker.terminate();
    }));
  }

  private idleThread(): TThread | null {
    const idle = this.threads.find((t) => !t.job);
    if (idle) return idle;
    if (this.threads.length < this.options.workers) {
      const thread = this.spawn();
      this.threads.push(thread);
      return thread;
    }
    return null;
  }

  private spawn(): TThread {
    const worker = new Worker(WORKER_URL, { workerData: { templateDir: this.options.templateDir, evict: this.options.evict } });
    // An idle thread must not keep a finished script (or a test file) alive; a busy one does.
    worker.unref();
    const thread: TThread = { worker, job: null, renders: 0, evictions: 0, timer: null };
    worker.on('message', (reply: TReply) => this.finish(thread, reply));
    worker.on('error', (err) => this.lose(thread, err instanceof Error ? err : new Error(String(err))));
    worker.on('exit', (code) => this.lose(thread, new Error(`PDF-tråden stoppet (kode ${code})`)));
    return thread;
  }

  private start(thread: TThread, job: TPending) {
    thread.job = job;
    thread.worker.ref();
    job.started = performance.now();
    thread.timer = setTimeout(() => {
      thread.timer = null;
      this.lose(thread, new Error(`PDF-en ble ikke ferdig på ${this.options.timeoutMs} ms`));
    }, this.options.timeoutMs);
    thread.timer.unref();
    thread.worker.postMessage({ id: job.id, template: job.template, data: job.data, archive: job.archive, files: job.files });
  }

  private finish(thread: TThread, reply: TReply) {
    const job = thread.job;
    if (!job || job.id !== reply.id) return;
    if (thread.timer) clearTimeout(thread.timer);
    thread.timer = null;
    thread.job = null;
    thread.renders++;
    this.renders++;
    this.evictions += Math.max(0, reply.evictions - thread.evictions);
    thread.evictions = reply.evictions;
    this.meanMs = this.meanMs * 0.9 + (performance.now() - job.started) * 0.1;
    if (reply.ok) job.resolve(Buffer.from(reply.pdf.buffer, reply.pdf.byteOffset, reply.pdf.byteLength));
    else job.reject(new DocumentRenderError(reply.message));
    if (thread.renders >= this.options.recycleAfter) this.replace(thread);
    else thread.worker.unref();
    this.dispatch();
  }

  /** A thread that crashed, exited or hung: its job fails, a fresh thread takes its place. */
  private lose(thread: TThread, err: Error) {
    if (!this.threads.includes(thread)) return;
    if (thread.timer) clearTimeout(thread.timer);
    thread.timer = null;
    const job = thread.job;
    thread.job = null;
    if (job) {
      this.renders++;
      job.reject(err);
    }
    this.replace(thread);
    this.dispatch();
  }

  private replace(thread: TThread) {
    const i = this.threads.indexOf(thread);
    if (i >= 0) this.threads.splice(i, 1);
    thread.worker.removeAllListeners();
    // An 'error' after this (a dying thread) must not become an unhandled event.
    thread.worker.on('error', () => {});
    void thread.worker.terminate();
  }

  private dispatch() {
    while (this.queue.length && !this.closed) {
      const thread = this.idleThread();
      if (!thread) return;
      this.start(thread, this.queue.shift()!);
    }
  }
}
