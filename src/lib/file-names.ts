// The names of files received and served: what a name may hold (on disk, in a header), and the
// Content-Disposition header that carries it (RFC 6266, with RFC 5987's filename* for the real name).
// Every route that serves a file or a generated document names it here; type detection stays with
// the uploads (files/file-type.ts reads the staged upload).

export const MAX_FILENAME_LENGTH = 200;

/** "Rapport.PDF" → "pdf"; "" without a dot. */
export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

/**
 * Keeps what a file name may hold in a Content-Disposition header and on disk. A long name loses the
 * end of its stem, not its extension: the extension is checked against the content, so cutting it off
 * would turn a good file into a 415. Lengths are in characters (code points), so "ø" is never split.
 */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const chars = [...base.replace(/[\u0000-\u001f\u007f"]/g, '').trim()];
  if (chars.length === 0) return 'vedlegg';
  if (chars.length <= MAX_FILENAME_LENGTH) return chars.join('');
  const ext = extensionOf(base);
  // Only a real extension is kept (ours are at most four letters); anything longer is just text.
  if (!ext || ext.length > 10) return chars.slice(0, MAX_FILENAME_LENGTH).join('').trim();
  const stem = chars.slice(0, chars.length - ext.length - 1);
  return `${stem.slice(0, MAX_FILENAME_LENGTH - ext.length - 1).join('').trim()}.${chars.slice(-ext.length).join('')}`;
}


/**
 * RFC 6266: `filename` an ASCII fallback for old clients, `filename*` the real (Norwegian) name as
 * RFC 5987 UTF-8 percent-encoding. encodeURIComponent leaves ' ( ) * unencoded, which RFC 5987's
 * attr-char does not allow, so they are encoded too.
 */
export function contentDisposition(filename: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${rfc5987(filename)}`;
}

const rfc5987 = (value: string) => encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
