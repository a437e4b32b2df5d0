// A tiny PDF writer for the demo's attachments: one A4 page per ~60 lines of Helvetica text. The demo
// needs real PDF files (the attachment service checks the content) without pulling a document
// toolchain into data loading. Text is written in WinAnsiEncoding so Norwegian letters survive.

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const LINES_PER_PAGE = 60;

// The WinAnsi code points of the few non-Latin-1 characters the demo text uses.
const WIN_ANSI_EXTRAS: Record<string, number> = { '–': 0x96, '—': 0x97, '•': 0x95, '«': 0xab, '»': 0xbb, '’': 0x92 };

function pdfString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = WIN_ANSI_EXTRAS[ch] ?? ch.codePointAt(0)!;
    const byte = code <= 0xff ? code : 0x3f; // '?' for what WinAnsi cannot show
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += '\\' + String.fromCharCode(byte);
    else out += String.fromCharCode(byte);
  }
  return `(${out})`;
}

function pageContent(title: string | null, lines: string[]): string {
  const ops: string[] = ['BT'];
  let y = PAGE_HEIGHT - 60;
  if (title !== null) {
    ops.push(`/F2 14 Tf 1 0 0 1 50 ${y} Tm ${pdfString(title)} Tj`);
    y -= 28;
  }
  for (const line of lines) {
    ops.push(`/F1 9 Tf 1 0 0 1 50 ${y} Tm ${pdfString(line)} Tj`);
    y -= 12;
  }
  ops.push('ET');
  return ops.join('\n');
}

/** A valid PDF 1.4 with the title on the first page and the lines below it. */
export function buildTextPdf(title: string, lines: string[]): Buffer {
  const chunks: string[][] = [];
  for (let i = 0; i < Math.max(lines.length, 1); i += LINES_PER_PAGE) chunks.push(lines.slice(i, i + LINES_PER_PAGE));

  // Object numbers: 1 catalog, 2 pages, 3 Helvetica, 4 Helvetica-Bold, 5 info, then page/content pairs.
  const objects: string[] = [];
  const pageIds = chunks.map((_, i) => 6 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  objects[5] = `<< /Title ${pdfString(title)} /Producer (samrad demo) >>`;
  chunks.forEach((chunk, i) => {
    const content = pageContent(i === 0 ? title : null, chunk);
    objects[pageIds[i]!] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}] `
      + `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`;
    objects[pageIds[i]! + 1] = `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;
  });

  let body = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(body, 'latin1');
    body += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
