// Files on a ticket. The type is read from the bytes with the same rules as case attachments
// (the kernel's detectFileType, src/lib/files/file-type.ts); a requester's files are public on the ticket, the desk may add
// internal ones. Reading answers 404 for a ticket the user may not see and for an internal file asked
// for by a requester, so neither can be probed for by id. The bytes go to the file store (uploads'
// storeUpload: file first, then the row); the row keeps the hash.
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import type { FileStore } from '../../../lib/files/store.js';
import type { SessionUser } from '../../../server/context.js';
import { badRequest, notFound } from '../../../server/errors.js';
import { cleanFilename } from '../../../lib/file-names.js';
import { detectFileType } from '../../../lib/files/file-type.js';
import { storeUpload, type TUpload, type TUploadQuota } from '../../uploads/service.js';
import { eventActorOf, isDesk, loadVisibleTicket } from '../policy.js';
import { appendEvent } from './history.js';
import { sdAttachments, sdTickets } from '../schema.js';
import { touched } from './version.js';

export type TAddTicketAttachmentOptions = {
  id: string; filename: string; file: TUpload; internal?: boolean; now?: Date;
  files: FileStore;
  quota?: TUploadQuota;
};

export async function addTicketAttachment(db: DbOrTx, user: SessionUser, options: TAddTicketAttachmentOptions) {
  const now = options.now ?? new Date();
  if (options.internal && !isDesk(user)) throw badRequest('Bare kundeservice kan legge ved interne filer', [{ path: 'internal', message: 'Ikke tillatt' }]);
  const filename = cleanFilename(options.filename);
  // Before anything is stored: a ticket the user may not see gets its 404 without leaving a file behind.
  await loadVisibleTicket(db, user, options.id);
  const contentType = await detectFileType(filename, options.file.content);
  const upload = { files: options.files, upload: options.file, userId: user.id, quota: options.quota, now };
  return storeUpload(db, upload, (stored) => db.transaction(async (tx) => {
    const ticket = await loadVisibleTicket(tx, user, options.id, true);
    const [row] = await tx.insert(sdAttachments).values({
      ticketId: ticket.id, filename, contentType, size: stored.size, sha256: stored.sha256,
      internal: options.internal ?? false, uploadedByUserId: user.id, uploadedByName: user.name, uploadedAt: now,
    }).returning();
    await appendEvent(tx, ticket.id, eventActorOf(user), {
      kind: 'attachment', internal: row!.internal, at: now, data: { attachmentId: row!.id, filename, size: row!.size },
    });
    await tx.update(sdTickets).set({ ...touched(ticket, now) }).where(eq(sdTickets.id, ticket.id));
    return metaOf(row!);
  }));
}

export async function listTicketAttachments(db: DbOrTx, user: SessionUser, ticketId: string) {
  const rows = await db.select({
    id: sdAttachments.id, ticketId: sdAttachments.ticketId, filename: sdAttachments.filename, contentType: sdAttachments.contentType,
    size: sdAttachments.size, sha256: sdAttachments.sha256, internal: sdAttachments.internal,
    uploadedByName: sdAttachments.uploadedByName, uploadedAt: sdAttachments.uploadedAt,
  }).from(sdAttachments).where(eq(sdAttachments.ticketId, ticketId)).orderBy(asc(sdAttachments.uploadedAt));
  return rows.filter((r) => isDesk(user) || !r.internal).map(metaOf);
}

/** The file's metadata for download; 404 for a file or ticket this user may not see. */
export async function getTicketAttachment(db: DbOrTx, user: SessionUser, options: { id: string }) {
  const [row] = await db.select().from(sdAttachments).where(eq(sdAttachments.id, options.id));
  if (!row || (row.internal && !isDesk(user))) throw notFound('Vedlegget');
  try {
    await loadVisibleTicket(db, user, row.ticketId);
  } catch {
    throw notFound('Vedlegget');
  }
  return row;
}

/** Which of these hashes ticket attachments still refer to; for the file sweep. */
export async function referencedServiceDeskFiles(db: DbOrTx, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const rows = await db.selectDistinct({ sha256: sdAttachments.sha256 }).from(sdAttachments).where(inArray(sdAttachments.sha256, hashes));
  return new Set(rows.map((r) => r.sha256));
}

function metaOf(r: { id: string; filename: string; contentType: string; size: number; sha256: string; internal: boolean; uploadedByName: string; uploadedAt: Date }) {
  return {
    id: r.id, filename: r.filename, contentType: r.contentType, size: r.size, sha256: r.sha256, internal: r.internal,
    uploadedByName: r.uploadedByName, uploadedAt: r.uploadedAt.toISOString(),
  };
}
