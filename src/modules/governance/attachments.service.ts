// Attachments (vedlegg) of a case. The type is read from the bytes (file-type), never from the name or
// the client's header, and the name's extension must agree with it: a ".pdf" that is not a PDF is
// refused. The bytes go to the file store (uploads' storeUpload: file first, then the row). Reading
// follows the access rule of the meeting view; for anyone who may not read a case's content, an
// attachment they may not have is "not found", so its existence does not leak.
import { eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { FileStore } from '../../lib/files/store.js';
import type { Actor, SessionUser } from '../../server/context.js';
import { badRequest, HttpError, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { storeUpload, type TUpload, type TUploadContent, type TUploadQuota } from '../uploads/service.js';
import { archivedDocuments, attachments, cases, meetings } from './schema.js';
import { assertMinutesOpen } from './cases.service.js';
import { canReadAll } from './policy.js';
import { publicDisclosure } from './views.service.js';
import { cleanFilename, extensionOf } from '../../lib/file-names.js';

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
async function pdfProblemIn(content: TUploadContent): Promise<string | null> {
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
export async function detectAttachmentType(filename: string, content: TUploadContent): Promise<string> {
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

export { cleanFilename, MAX_FILENAME_LENGTH } from '../../lib/file-names.js';

export type TAddAttachmentOptions = {
  caseId: string; filename: string; file: TUpload; uploadedBy: string | null;
  files: FileStore;
  /** The uploader's quota; left out for the system (the demo loader). */
  quota?: TUploadQuota;
};

export async function addAttachment(db: Db, actor: Actor, options: TAddAttachmentOptions) {
  const filename = cleanFilename(options.filename);
  const contentType = await detectAttachmentType(filename, options.file.content);
  const upload = { files: options.files, upload: options.file, userId: options.uploadedBy, quota: options.quota };
  return storeUpload(db, upload, (stored) => db.transaction(async (tx) => {
    const [c] = await tx.select({ id: cases.id, status: meetings.status, minutesApprovedAt: meetings.minutesApprovedAt })
      .from(cases).leftJoin(meetings, eq(meetings.id, cases.meetingId)).where(eq(cases.id, options.caseId));
    if (!c) throw notFound('Saken');
    if (c.status) assertMinutesOpen({ status: c.status, minutesApprovedAt: c.minutesApprovedAt });
    const [row] = await tx.insert(attachments).values({
      caseId: c.id, filename, contentType, size: stored.size, sha256: stored.sha256, uploadedBy: options.uploadedBy,
    }).returning({
      id: attachments.id, caseId: attachments.caseId, filename: attachments.filename, contentType: attachments.contentType,
      size: attachments.size, sha256: attachments.sha256, uploadedAt: attachments.uploadedAt,
    });
    // Metadata only in the audit log: the SHA-256 identifies the content.
    await recordAudit(tx, actor, { action: 'create', entity: 'attachment', entityId: row!.id, after: row });
    return row!;
  }));
}

/**
 * The file's metadata for download, if this viewer may have it; otherwise 404 whatever the reason.
 * `public`: anyone may have it now (a public case of a published meeting), so a cache may keep it.
 */
export async function getAttachmentForDownload(db: DbOrTx, options: { id: string; viewer: SessionUser | null }) {
  const [row] = await db
    .select({
      id: attachments.id, filename: attachments.filename, contentType: attachments.contentType, size: attachments.size,
      sha256: attachments.sha256, access: cases.access, published: meetings.published,
      noticeVersion: meetings.noticeVersion, status: meetings.status,
    })
    .from(attachments)
    .innerJoin(cases, eq(cases.id, attachments.caseId))
    .leftJoin(meetings, eq(meetings.id, cases.meetingId))
    .where(eq(attachments.id, options.id));
  if (!row) throw notFound('Vedlegget');
  // A case paper is public with its agenda, once the notice is sent (decision 0016).
  const isPublic = row.access === 'offentlig' && row.published !== null && publicDisclosure({
    published: row.published, noticeVersion: row.noticeVersion ?? 0, status: row.status ?? 'planlagt',
  }).agenda;
  if (!canReadAll(options.viewer) && !isPublic) throw notFound('Vedlegget');
  const { access: _a, published: _p, noticeVersion: _n, status: _s, ...file } = row;
  return { ...file, public: isPublic };
}

/** Which of these hashes governance's rows (attachments, archived minutes) still refer to; for the sweep. */
export async function referencedGovernanceFiles(db: DbOrTx, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const a = await db.selectDistinct({ sha256: attachments.sha256 }).from(attachments).where(inArray(attachments.sha256, hashes));
  const d = await db.selectDistinct({ sha256: archivedDocuments.sha256 }).from(archivedDocuments).where(inArray(archivedDocuments.sha256, hashes));
  return new Set([...a, ...d].map((r) => r.sha256));
}

export async function deleteAttachment(db: Db, actor: Actor, options: { id: string }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({
      id: attachments.id, caseId: attachments.caseId, filename: attachments.filename, contentType: attachments.contentType,
      size: attachments.size, sha256: attachments.sha256,
      status: meetings.status, minutesApprovedAt: meetings.minutesApprovedAt,
    }).from(attachments).innerJoin(cases, eq(cases.id, attachments.caseId)).leftJoin(meetings, eq(meetings.id, cases.meetingId))
      .where(eq(attachments.id, options.id));
    if (!before) throw notFound('Vedlegget');
    if (before.status) assertMinutesOpen({ status: before.status, minutesApprovedAt: before.minutesApprovedAt });
    await tx.delete(attachments).where(eq(attachments.id, before.id));
    const { status: _s, minutesApprovedAt: _m, ...meta } = before;
    await recordAudit(tx, actor, { action: 'delete', entity: 'attachment', entityId: before.id, before: meta });
  });
}

