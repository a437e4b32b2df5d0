import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { noticeM6 } from './fixtures.js';
import { flatText } from './pdf-text.js';
import { DocumentRenderError, RenderPool, RenderPoolBusy, type TRenderPoolOptions } from './render-pool.js';
import { renderPdf } from './renderer.js';

const templateDir = path.dirname(fileURLToPath(import.meta.url));
const pools: RenderPool[] = [];
const poolOf = (options: Partial<TRenderPoolOptions>) => {
  const pool = new RenderPool({ templateDir, workers: 1, maxQueued: 8, recycleAfter: 100, timeoutMs: 60_000, evict: true, ...options });
  pools.push(pool);
  return pool;
};
const notice = (version: number) => ({ template: 'notice', data: JSON.stringify({ ...noticeM6, version }), archive: false });

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('the render pool', () => {
  it('sets the PDF on another thread: the event loop turns while a render runs', async () => {
    const order: string[] = [];
    const pdf = renderPdf('notice', noticeM6).then((bytes) => {
      order.push('pdf');
      return bytes;
    });
    setImmediate(() => order.push('event loop'));
    const bytes = await pdf;
    // On the main thread the compiler returned before the loop could turn once.
    expect(order).toEqual(['event loop', 'pdf']);
    expect(flatText(bytes)).toContain('Agenda - 13. desember 2023');
  });

  it('turns a template error into DocumentRenderError with the compiler diagnostics', async () => {
    const err = await renderPdf('notice', { nothing: true } as never).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DocumentRenderError);
    expect((err as Error).message).toMatch(/^Typst-malen notice kunne ikke settes: .*dictionary does not contain key/);
    // The thread survives a bad document.
    expect((await renderPdf('notice', noticeM6)).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a render past the queue at once with 503 and Retry-After, and finishes the others', async () => {
    const pool = poolOf({ workers: 1, maxQueued: 1 });
    const running = pool.render(notice(1));
    const waiting = pool.render(notice(2));
    const refused = await pool.render(notice(3)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RenderPoolBusy);
    expect((refused as RenderPoolBusy).status).toBe(503);
    expect((refused as RenderPoolBusy).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    const done = await Promise.all([running, waiting]);
    expect(done.map((p) => p.subarray(0, 5).toString())).toEqual(['%PDF-', '%PDF-']);
    expect(pool.queued).toBe(0);
  });

  // Issue 8: the compiler's cache grew by ≈0.5–14 MB per distinct document and was never dropped. The
  // memory itself is bench/pdf-memory.ts's; here the eviction is counted where it reaches the compiler.
  it('evicts the compiler\'s cache after every render, and not when told not to', async () => {
    const evicting = poolOf({ workers: 1 });
    for (let i = 1; i <= 4; i++) await evicting.render(notice(i));
    // The thread evicts after sending each reply, so the fourth reply has counted the first three.
    expect(evicting.renders).toBe(4);
    expect(evicting.evictions).toBe(3);
    // Still after a document the compiler refuses.
    await evicting.render({ template: 'notice', data: '{}', archive: false }).catch(() => undefined);
    await evicting.render(notice(5));
    expect(evicting.evictions).toBe(5);

    const keeping = poolOf({ workers: 1, evict: false });
    for (let i = 1; i <= 3; i++) await keeping.render(notice(i));
    expect(keeping.evictions).toBe(0);
  });

  it('replaces a thread after its renders and keeps rendering', async () => {
    const pool = poolOf({ workers: 2, recycleAfter: 2 });
    const pdfs = await Promise.all(Array.from({ length: 7 }, (_, i) => pool.render(notice(i + 1))));
    expect(pdfs.every((p) => p.subarray(0, 5).toString() === '%PDF-')).toBe(true);
    expect(pool.renders).toBe(7);
  });

  it('ends a render that hangs and fails only that one', async () => {
    const pool = poolOf({ workers: 1, timeoutMs: 1 });
    const err = await pool.render(notice(1)).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/ble ikke ferdig/);
  });
});
