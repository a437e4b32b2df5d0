// Attachments (vedlegg) of a case. The type is read from the bytes (file-type), never from the name or
// the client's header, and the name's extension must agree with it: a ".pdf" that is not a PDF is
// refused. Reading follows the access rule of the meeting view; for anyone who may not read a case's
// content, an attachment they may not have is "not found", so its existence does not leak.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor, SessionUser } from '../../server/context.js';
import { HttpError, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { attachments, cases, meetings } from './schema.js';
import { assertMinutesOpen } from './cases.service.js';
import { canReadAll } from './views.service.js';

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

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

/** The content type to store, or a 415 explaining why the file is refused. */
export async function detectAttachmentType(filename: string, bytes: Uint8Array): Promise<string> {
  const ext = extensionOf(filename);
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    const exts = ALLOWED[detected.mime];
    if (!exts) throw unsupported(`Filtypen ${detected.ext} er ikke tillatt som vedlegg. Tillatt: ${ALLOWED_EXTENSIONS.join(', ')}`);
    if (!exts.includes(ext)) throw unsupported(`Innholdet er ${detected.ext}, men filnavnet slutter på .${ext || '(ingen)'}`);
    return detected.mime;
  }
  // Plain text has no signature: accept it only as a .txt that is valid UTF-8.
  if (ext === 'txt') {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return TEXT_TYPE;
    } catch {
      throw unsupported('Tekstfilen er ikke gyldig UTF-8');
    }
  }
  throw unsupported(`Innholdet i ${filename} er ikke en tillatt filtype. Tillatt: ${ALLOWED_EXTENSIONS.join(', ')}`);
}

/** Keeps what a file name may hold in a Content-Disposition header and on disk. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return cleaned.slice(0, 200) || 'vedlegg';
}

export type TAddAttachmentOptions = { caseId: string; filename: string; bytes: Uint8Array; uploadedBy: string | null };

export async function addAttachment(db: Db, actor: Actor, options: TAddAttachmentOptions) {
  const filename = cleanFilename(options.filename);
  const contentType = await detectAttachmentType(filename, options.bytes);
  const sha256 = createHash('sha256').update(options.bytes).digest('hex');
  return db.transaction(async (tx) => {
    const [c] = await tx.select({ id: cases.id, status: meetings.status, minutesApprovedAt: meetings.minutesApprovedAt })
      .from(cases).leftJoin(meetings, eq(meetings.id, cases.meetingId)).where(eq(cases.id, options.caseId));
    if (!c) throw notFound('Saken');
    if (c.status) assertMinutesOpen({ status: c.status, minutesApprovedAt: c.minutesApprovedAt });
    const [row] = await tx.insert(attachments).values({
      caseId: c.id, filename, contentType, size: options.bytes.length, sha256,
      content: Buffer.from(options.bytes), uploadedBy: options.uploadedBy,
    }).returning({
      id: attachments.id, caseId: attachments.caseId, filename: attachments.filename, contentType: attachments.contentType,
      size: attachments.size, sha256: attachments.sha256, uploadedAt: attachments.uploadedAt,
    });
    // Metadata only in the audit log: the SHA-256 identifies the content.
    await recordAudit(tx, actor, { action: 'create', entity: 'attachment', entityId: row!.id, after: row });
    return row!;
  });
}

/** The file for download, if this viewer may have it; otherwise 404 whatever the reason. */
export async function getAttachmentForDownload(db: DbOrTx, options: { id: string; viewer: SessionUser | null }) {
  const [row] = await db
    .select({ a: attachments, access: cases.access, published: meetings.published })
    .from(attachments)
    .innerJoin(cases, eq(cases.id, attachments.caseId))
    .leftJoin(meetings, eq(meetings.id, cases.meetingId))
    .where(eq(attachments.id, options.id));
  if (!row) throw notFound('Vedlegget');
  if (!canReadAll(options.viewer) && !(row.access === 'offentlig' && row.published === true)) throw notFound('Vedlegget');
  return row.a;
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

/** RFC 6266 header: an ASCII fallback and the real (Norwegian) name in UTF-8. */
export function contentDisposition(filename: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
