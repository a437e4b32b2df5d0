// Test helper: the text of a PDF through poppler's pdftotext. Fails with a clear message where poppler
// is not installed instead of a confusing spawn error.
import { execFileSync } from 'node:child_process';

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
