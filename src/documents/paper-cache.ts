// A paper before it is set: the template, its print data and PDF/A or not. The public's papers are kept
// on disk per meeting version (public-papers.ts, decision 0023); everyone else's are rendered per request.
import { renderPdf, type TTemplate, type TTemplateData } from './renderer.js';

/** A paper before it is set: enough to render it and to name its content. */
export type TPaper<T extends TTemplate = TTemplate> = {
  template: T; data: TTemplateData[T]; archive: boolean;
  /** Files the template reads (a letterhead's logo), by the path the data names them with. */
  files?: Record<string, Uint8Array>;
};

export function paper<T extends TTemplate>(template: T, data: TTemplateData[T], archive = false, files?: Record<string, Uint8Array>): TPaper<T> {
  return { template, data, archive, files };
}

export function renderPaper(p: TPaper): Promise<Buffer> {
  return renderPdf(p.template, p.data, { archive: p.archive, files: p.files });
}
