// What a stored file may be, read from its bytes: the one check every upload goes through (a case's
// attachments, a ticket's files). The type comes from the bytes (file-type), never from the name or
// the client's header, and the name's extension must agree with it; a PDF must have the structure a
// reader needs; plain text has no signature and is accepted only as a .txt that is valid UTF-8.
import { badRequest, HttpError } from '../../server/errors.js';
import { extensionOf } from '../file-names.js';

/** A file as the check reads it: staged on disk or in memory (uploads/service.ts makes these). */
export type TFileContent = {
  size: number;
  /** The type read from the bytes' signature (file-type), or undefined. */
  fileType(): Promise<{ ext: string; mime: string } | undefined>;
  /** Bytes [start, end). */
  read(start: number, end: number): Promise<Buffer>;
  isUtf8(): Promise<boolean>;
};

/** Detected type → the extensions a file of that type may carry. */
const ALLOWED: Record<string, string[]> = {
  'application/pdf': ['pdf'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': ['pptx'],
  'application/vnd.oasis.opendocument.text': ['odt'],
  'application/vnd.oasis.opendocument.spreadsheet': ['ods'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
};
const TEXT_TYPE = 'text/plain; charset=utf-8';

export const ALLOWED_EXTENSIONS = [...Object.values(ALLOWED).flat(), 'txt'];

const unsupported = (message: string) => new HttpError(415, 'unsupported_media_type', message);


/** Readers look for %%EOF within the last 1 024 bytes (PDF 32000-1, 7.5.5); trailing junk is common. */
const PDF_TAIL = 1024;

/**
 * Why the bytes are not a PDF a reader can open, or null. file-type looks only at the "%PDF-" at the
 * start, so a truncated upload or a text file with that header would otherwise be stored and fail
 * in the members' readers. This is the structural minimum: a final %%EOF, a startxref before it, and
 * at that offset a cross-reference table ("xref") or a cross-reference stream ("12 0 obj"). The last
 * startxref counts, so incrementally updated files pass.
 */
export function pdfStructureProblem(bytes: Uint8Array): string | null {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - PDF_TAIL))).toString('latin1');
  const eof = tail.lastIndexOf('%%EOF');
  if (eof < 0) return 'PDF-filen er ufullstendig: den slutter ikke med %%EOF';
  const startxref = /startxref\s+(\d+)\s*$/.exec(tail.slice(0, eof));
  if (!startxref) return 'PDF-filen mangler startxref foran %%EOF';
  const offset = Number(startxref[1]);
  const startxrefAt = bytes.length - tail.length + startxref.index;
  if (offset >= startxrefAt) return 'PDF-filens startxref peker utenfor filen';
  const at = Buffer.from(bytes.subarray(offset, Math.min(offset + 64, startxrefAt))).toString('latin1');
  if (!/^\s*(xref\b|\d+\s+\d+\s+obj\b)/.test(at)) return 'PDF-filens startxref peker ikke på en kryssreferansetabell';
  return null;
}

/** pdfStructureProblem for a file that is not in memory: only its last kilobyte and the cross-reference are read. */
async function pdfProblemIn(content: TFileContent): Promise<string | null> {
  const tailStart = Math.max(0, content.size - PDF_TAIL);
  const tail = await content.read(tailStart, content.size);
  const eof = tail.toString('latin1').lastIndexOf('%%EOF');
  const startxref = eof < 0 ? null : /startxref\s+(\d+)\s*$/.exec(tail.toString('latin1').slice(0, eof));
  if (!startxref) return pdfStructureProblem(tail);
  const offset = Number(startxref[1]);
  const startxrefAt = tailStart + startxref.index;
  if (offset >= startxrefAt) return 'PDF-filens startxref peker utenfor filen';
  const at = (await content.read(offset, Math.min(offset + 64, startxrefAt))).toString('latin1');
  if (!/^\s*(xref\b|\d+\s+\d+\s+obj\b)/.test(at)) return 'PDF-filens startxref peker ikke på en kryssreferansetabell';
  return null;
}

/** The content type to store, or a 400 (empty) or 415 explaining why the file is refused. */
export async function detectFileType(filename: string, content: TFileContent): Promise<string> {
  // An empty file is a failed upload, not a document: say so rather than blame its type.
  if (content.size === 0) throw badRequest(`${filename} er tom (0 byte)`, [{ path: 'file', message: 'Filen er tom (0 byte)' }]);
  const ext = extensionOf(filename);
  const detected = await content.fileType();
  if (detected) {
    const exts = ALLOWED[detected.mime];
    if (!exts) throw unsupported(`Filtypen ${detected.ext} er ikke tillatt som vedlegg. Tillatt: ${ALLOWED_EXTENSIONS.join(', ')}`);
    if (!exts.includes(ext)) throw unsupported(`Innholdet er ${detected.ext}, men filnavnet slutter på .${ext || '(ingen)'}`);
    if (detected.mime === 'application/pdf') {
      const problem = await pdfProblemIn(content);
      if (problem) throw unsupported(`${problem}; lagre eller eksporter den på nytt`);
    }
    return detected.mime;
  }
  // Plain text has no signature: accept it only as a .txt that is valid UTF-8.
  if (ext === 'txt') {
    if (await content.isUtf8()) return TEXT_TYPE;
    throw unsupported('Tekstfilen er ikke gyldig UTF-8');
  }
  throw unsupported(`Innholdet i ${filename} er ikke en tillatt filtype. Tillatt: ${ALLOWED_EXTENSIONS.join(', ')}`);
}
