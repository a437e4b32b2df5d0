// Test helper: the text of a PDF through poppler's pdftotext. Fails with a clear message where poppler
// is not installed instead of a confusing spawn error.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

let checked = false;

export function pdfText(pdf: Buffer, options: { layout?: boolean } = {}): string {
  if (!checked) {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    } catch {
      throw new Error('pdftotext mangler: installer poppler-utils (apt-get install poppler-utils) for å kjøre PDF-testene');
    }
    checked = true;
  }
  const args = [...(options.layout ? ['-layout'] : []), '-enc', 'UTF-8', '-', '-'];
  return execFileSync('pdftotext', args, { input: pdf }).toString('utf8');
}

/** Collapses whitespace so assertions do not depend on line breaks chosen by the layout. */
export function flatText(pdf: Buffer): string {
  return pdfText(pdf, { layout: true }).replace(/\s+/g, ' ');
}

export type TPdfStructure = {
  /** pdfinfo's "Tagged: yes": the document says it carries a structure tree. */
  tagged: boolean;
  /** The structure elements in reading order (Document, H1, P, Table, TH, TD, Figure …). */
  elements: string[];
  /** The document's /Lang, or null. */
  lang: string | null;
  /** PDF/A part and conformance from the XMP metadata ("2A"), or null. */
  pdfa: string | null;
  /** The alternative texts of figures (charts, images), in file order. */
  alts: string[];
};

/** A PDF text string as written in the file: `<FEFF…>` (UTF-16BE in hex) or `(…)` (literal). */
function pdfString(hex: string | undefined, literal: string | undefined): string {
  if (hex !== undefined) {
    const bytes = Buffer.from(hex.replace(/\s+/g, ''), 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
  return literal ?? '';
}

/** What an accessibility check reads: the structure tree (poppler's `pdfinfo -struct`), the language, PDF/A. */
export function pdfStructure(pdf: Buffer): TPdfStructure {
  const dir = mkdtempSync(path.join(tmpdir(), 'samrad-pdf-'));
  try {
    const file = path.join(dir, 'paper.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8');
    const struct = execFileSync('pdfinfo', ['-struct', file], { stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8');
    const elements = struct.split('\n').map((l) => /^\s*([A-Za-z][A-Za-z0-9]*):?(?:\s|$)/.exec(l)?.[1]).filter((e): e is string => e !== undefined);
    const raw = pdf.toString('latin1');
    const part = /pdfaid:part(?:>|=")(\d)/.exec(raw)?.[1];
    const conformance = /pdfaid:conformance(?:>|=")([A-Za-z])/.exec(raw)?.[1];
    return {
      tagged: /^Tagged:\s+yes$/m.test(info),
      elements,
      lang: /\/Lang\s*\(([^)]*)\)/.exec(raw)?.[1] ?? null,
      pdfa: part && conformance ? `${part}${conformance.toUpperCase()}` : null,
      alts: [...raw.matchAll(/\/Alt\s*(?:<([0-9A-Fa-f\s]*)>|\(([^)]*)\))/g)].map((m) => pdfString(m[1], m[2])),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
