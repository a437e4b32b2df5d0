// The public's papers, rendered once per content. A paper is identified by what it is made of: the
// template, the print data (already redacted for the public), PDF/A or not, and the templates' version.
// Its hash is the strong ETag, so a changed agenda, decision or layout gives a new tag and anything else
// the same one; the bytes stay in a small in-process LRU bounded by size, and concurrent requests for a
// paper being rendered wait for that one render. Only for papers anyone may read: a signed-in reader's
// paper may hold exempt content and never comes here (decision 0014).
import { createHash } from 'node:crypto';
import { renderPdf, templateVersion, type TTemplate, type TTemplateData } from './renderer.js';

/** A paper before it is set: enough to render it and to name its content. */
export type TPaper<T extends TTemplate = TTemplate> = { template: T; data: TTemplateData[T]; archive: boolean };

export function paper<T extends TTemplate>(template: T, data: TTemplateData[T], archive = false): TPaper<T> {
  return { template, data, archive };
}

export function renderPaper(p: TPaper): Promise<Buffer> {
  return renderPdf(p.template, p.data, { archive: p.archive });
}

/** The strong ETag of a paper, quotes included. */
export function paperEtag(p: TPaper): string {
  const hash = createHash('sha256')
    .update(`${templateVersion()}\n${p.template}\n${p.archive ? 'pdf/a-2b' : 'pdf'}\n`)
    .update(JSON.stringify(p.data))
    .digest('base64url');
  return `"${hash.slice(0, 32)}"`;
}

export class PaperCache {
  private readonly entries = new Map<string, Buffer>();
  private readonly rendering = new Map<string, Promise<Buffer>>();
  private size = 0;

  constructor(readonly maxBytes: number) {}

  /** The paper's bytes: from the cache, from a render already under way, or rendered now and kept. */
  async get(p: TPaper, etag = paperEtag(p)): Promise<Buffer> {
    const hit = this.entries.get(etag);
    if (hit) {
      // Most recently used last: Map keeps insertion order, so the first key is the one to drop.
      this.entries.delete(etag);
      this.entries.set(etag, hit);
      return hit;
    }
    const pending = this.rendering.get(etag);
    if (pending) return pending;
    const render = renderPaper(p).then((pdf) => {
      this.put(etag, pdf);
      return pdf;
    }).finally(() => this.rendering.delete(etag));
    this.rendering.set(etag, render);
    return render;
  }

  get bytes(): number {
    return this.size;
  }

  clear() {
    this.entries.clear();
    this.size = 0;
  }

  private put(etag: string, pdf: Buffer) {
    // A paper larger than the whole cache is served, not kept.
    if (pdf.length > this.maxBytes || this.entries.has(etag)) return;
    this.entries.set(etag, pdf);
    this.size += pdf.length;
    for (const [key, old] of this.entries) {
      if (this.size <= this.maxBytes) break;
      this.entries.delete(key);
      this.size -= old.length;
    }
  }
}

/** The process's cache of public papers: a notice is 20–100 KB, so this keeps hundreds of them. */
export const publicPapers = new PaperCache(64 * 1024 * 1024);

/** Whether an If-None-Match header names this ETag (weak or strong, one of a list, or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
