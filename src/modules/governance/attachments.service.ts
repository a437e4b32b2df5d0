// Attachments (vedlegg) of a case. The type is read from the bytes (file-type), never from the name or
// the client's header, and the name's extension must agree with it: a ".pdf" that is not a PDF is
// refused. The bytes go to the file store (uploads' storeUpload: file first, then the row). Reading
// follows the access rule of the meeting view; for anyone who may not read a case's content, an
// attachment they may not have is "not found", so its existence does not leak.
import { eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { FileStore } from '../../lib/files/store.js';
import type { Actor, SessionUser } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { storeUpload, type TUpload, type TUploadQuota } from '../uploads/service.js';
import { archivedDocuments, attachments, cases, meetings } from './schema.js';
import { assertMinutesOpen } from './cases.service.js';
import { canReadAll } from './policy.js';
import { publicDisclosure } from './views.service.js';
import { cleanFilename } from '../../lib/file-names.js';
// The type check is the kernel's, the same for every upload.
import { detectFileType } from '../../lib/files/file-type.js';

export { cleanFilename, MAX_FILENAME_LENGTH } from '../../lib/file-names.js';

export type TAddAttachmentOptions = {
  caseId: string; filename: string; file: TUpload; uploadedBy: string | null;
  files: FileStore;
  /** The uploader's quota; left out for the system (the demo loader). */
  quota?: TUploadQuota;
};

export async function addAttachment(db: Db, actor: Actor, options: TAddAttachmentOptions) {
  const filename = cleanFilename(options.filename);
  const contentType = await detectFileType(filename, options.file.content);
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
    await recordAudit(tx, actor, { action: 'create', entity: 'attachment', entityId: row!.id, after: row! });
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
      noticeVersion: meetings.noticeVersion, status: meetings.status, historical: meetings.historical,
    })
    .from(attachments)
    .innerJoin(cases, eq(cases.id, attachments.caseId))
    .leftJoin(meetings, eq(meetings.id, cases.meetingId))
    .where(eq(attachments.id, options.id));
  if (!row) throw notFound('Vedlegget');
  // A case paper is public with its agenda, once the notice is sent (decision 0016).
  const isPublic = row.access === 'offentlig' && row.published !== null && publicDisclosure({
    published: row.published, noticeVersion: row.noticeVersion ?? 0, status: row.status ?? 'planlagt', historical: row.historical ?? false,
  }).agenda;
  if (!canReadAll(options.viewer) && !isPublic) throw notFound('Vedlegget');
  const { access: _a, published: _p, noticeVersion: _n, status: _s, historical: _h, ...file } = row;
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

