// PDFs in the end-to-end tests: read the text of the papers samrad generates (to prove an exempt title is
// not in them; their content streams are compressed, so searching the bytes would prove nothing), and
// make a small real PDF to upload as an attachment.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, type APIResponse, type Browser } from '@playwright/test';

const pdftotextPath = '/usr/bin/pdftotext';

/** The text of a PDF as poppler's pdftotext reads it. */
export async function pdfText(bytes: Buffer): Promise<string> {
  if (!existsSync(pdftotextPath)) {
    throw new Error(`Reading PDF text in the end-to-end tests needs ${pdftotextPath}: run \`apt-get install poppler-utils\``);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samrad-e2e-pdf-'));
  try {
    const file = path.join(dir, 'paper.pdf');
    writeFileSync(file, bytes);
    const { stdout } = await promisify(execFile)(pdftotextPath, ['-enc', 'UTF-8', file, '-']);
    return stdout;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Asserts a response is a real PDF (by its header and its bytes) and returns its text. */
export async function expectPdf(res: APIResponse, what: string): Promise<string> {
  expect(res.status(), `${what}: status`).toBe(200);
  expect(res.headers()['content-type'], `${what}: content-type`).toMatch(/^application\/pdf/);
  const bytes = await res.body();
  expect(bytes.subarray(0, 5).toString('latin1'), `${what}: starts like a PDF`).toBe('%PDF-');
  return pdfText(bytes);
}

/** A small, real one-page PDF, printed by the test's own Chromium. */
export async function makePdf(browser: Browser, text: string): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    await page.setContent(`<!doctype html><html lang="nb"><meta charset="utf-8"><body><h1>${text}</h1></body></html>`);
    return await page.pdf({ format: 'A4' });
  } finally {
    await page.close();
  }
}
