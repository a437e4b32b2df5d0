// Renders the Typst templates in this folder to PDF. One compiler for the process: it keeps fonts and
// parsed templates cached, so a notice takes milliseconds after the first. The data goes in as JSON
// through sys.inputs, never spliced into markup, so no user text can become Typst code.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { NodeCompiler, PdfStandard } from '@myriaddreamin/typst-ts-node-compiler';
import type { TMinutesDocument, TNoticeDocument, TPresentationDocument } from './types.js';
import type { TEconomyDocument } from './economy.js';
import type { TServiceDeskDocument } from './servicedesk.js';

const templateDir = path.dirname(fileURLToPath(import.meta.url));

export type TTemplateData = {
  notice: TNoticeDocument;
  minutes: TMinutesDocument;
  presentation: TPresentationDocument;
  economy: TEconomyDocument;
  servicedesk: TServiceDeskDocument;
};
export type TTemplate = keyof TTemplateData;

export type TRenderOptions = {
  /** PDF/A-2b for the archive; otherwise a plain (tagged) PDF. */
  archive?: boolean;
};

let compiler: NodeCompiler | null = null;

function getCompiler(): NodeCompiler {
  compiler ??= NodeCompiler.create({ workspace: templateDir });
  return compiler;
}

export class DocumentRenderError extends Error {}

export function renderPdf<T extends TTemplate>(template: T, data: TTemplateData[T], options: TRenderOptions = {}): Buffer {
  const c = getCompiler();
  const args = { mainFilePath: path.join(templateDir, `${template}.typ`), inputs: { data: JSON.stringify(data) } };
  const compiled = c.compile(args);
  const doc = compiled.result;
  if (!doc || compiled.hasError()) {
    const err = compiled.takeError();
    const detail = err ? JSON.stringify(err.shortDiagnostics) : 'ukjent feil';
    throw new DocumentRenderError(`Typst-malen ${template} kunne ikke settes: ${detail}`);
  }
  return c.pdf(doc, options.archive ? { pdfStandard: PdfStandard.A_2b } : {});
}
