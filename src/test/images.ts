// Images for tests that upload or print them: a real PNG made with node's zlib (no image library), and
// the images a PDF holds as poppler's `pdfimages -list` lists them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

/** A real PNG of w×h pixels, one colour. */
export function png(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: h }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 3, 0x3c)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** `pdfimages -list` of the PDF: one line per image with its width and height. */
export function pdfImages(pdf: Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samrad-pdf-'));
  writeFileSync(path.join(dir, 'r.pdf'), pdf);
  return execFileSync('pdfimages', ['-list', path.join(dir, 'r.pdf')]).toString('utf8');
}

/** A multipart form with the file in the field "file", and any text fields. */
export function imageForm(name: string, bytes: Buffer, type = 'image/png', fields: Record<string, string> = {}): FormData {
  const f = new FormData();
  f.set('file', new Blob([new Uint8Array(bytes)], { type }), name);
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}
