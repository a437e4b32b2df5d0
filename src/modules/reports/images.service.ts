// Images in a report's narrative (issue 11: "images uploaded to the report"). An upload goes through the
// uploads module as every file does (the cap, the quota and rate, the file store, the kernel's type check
// from the bytes) and must then be a PNG or a JPEG (415 otherwise). Whoever may edit a section of an open
// report uploads (its leader, an admin, a section's owner). A narrative names an image by id
// (`{ type: 'image', attrs: { src, alt } }`); a save that names one that is not the cooperation's is 400.
// Reading follows use: staff read every image of their cooperation; anyone else an image that a
// section they may read names (so an image in an exempt section stays with it, and one no published
// report uses is "not found" to the public).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { detectFileType } from '../../lib/files/file-type.js';
import type { FileStore } from '../../lib/files/store.js';
import { cleanFilename } from '../../lib/file-names.js';
import type { TRichText } from '../../lib/rich-text.js';
import { actorOf, type SessionUser } from '../../server/context.js';
import { badRequest, forbidden, HttpError, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { storeUpload, type TUpload, type TUploadQuota } from '../uploads/service.js';
import { leadsReport, mayReadReport, reportAudienceOf, seesExemptSections } from './policy.js';
import { assertOpen, loadReport } from './reports.service.js';
import { reportImages, reports, reportSectionOwners, reportSections } from './schema.js';

export const REPORT_IMAGE_TYPES = ['image/png', 'image/jpeg'] as const;

export type TReportImageMeta = { id: string; reportId: string; filename: string; contentType: string; size: number; uploadedAt: string };

export async function addReportImage(db: Db, user: SessionUser, options: {
  reportId: string; cooperationId: string; filename: string; file: TUpload; files: FileStore; quota?: TUploadQuota;
}): Promise<TReportImageMeta> {
  // Who and where first, so a refused upload is never stored or counted.
  const r = await loadReport(db, { id: options.reportId, cooperationId: options.cooperationId });
  assertOpen(r);
  if (!leadsReport(user, r)) {
    const [owned] = await db.select({ n: sql<number>`count(*)::int` }).from(reportSectionOwners)
      .innerJoin(reportSections, eq(reportSections.id, reportSectionOwners.sectionId))
      .where(and(eq(reportSections.reportId, r.id), eq(reportSectionOwners.userId, user.id)));
    if (!owned?.n) throw forbidden('Bare rapportens leder og seksjonenes eiere kan laste opp bilder til rapporten');
  }
  const filename = cleanFilename(options.filename);
  const contentType = await detectFileType(filename, options.file.content);
  if (!(REPORT_IMAGE_TYPES as readonly string[]).includes(contentType)) {
    throw new HttpError(415, 'unsupported_media_type', 'Bare PNG- og JPEG-bilder kan settes inn i en rapport');
  }
  const upload = { files: options.files, upload: options.file, userId: user.id, quota: options.quota };
  return storeUpload(db, upload, (stored) => db.transaction(async (tx) => {
    const current = await loadReport(tx, { id: r.id, cooperationId: options.cooperationId, forUpdate: true });
    assertOpen(current);
    const [row] = await tx.insert(reportImages).values({
      reportId: r.id, filename, contentType, size: stored.size, sha256: stored.sha256, uploadedBy: user.id,
    }).returning();
    await recordAudit(tx, actorOf(user), {
      action: 'create', entity: 'report_image', entityId: row!.id, after: { reportId: r.id, filename, contentType, size: stored.size, sha256: stored.sha256 },
    });
    return { id: row!.id, reportId: r.id, filename, contentType, size: stored.size, uploadedAt: row!.uploadedAt.toISOString() };
  }));
}

/** The image ids a narrative names. */
export function imageIdsOf(doc: TRichText | null | undefined): string[] {
  return (doc?.content ?? []).flatMap((b) => (b.type === 'image' ? [b.attrs.src] : []));
}

/** 400 when a narrative names an image that is not one of the cooperation's. */
export async function assertImagesOf(db: DbOrTx, cooperationId: string, doc: TRichText | undefined): Promise<void> {
  const ids = [...new Set(imageIdsOf(doc))];
  if (!ids.length) return;
  const found = new Set((await db.select({ id: reportImages.id }).from(reportImages).innerJoin(reports, eq(reports.id, reportImages.reportId))
    .where(and(inArray(reportImages.id, ids), eq(reports.cooperationId, cooperationId)))).map((r) => r.id));
  const index = (doc?.content ?? []).findIndex((b) => b.type === 'image' && !found.has(b.attrs.src));
  if (index >= 0) throw badRequest('Bildet finnes ikke i denne rapporten; last det opp på nytt', [{ path: `narrative.content.${index}.attrs.src`, message: 'Ukjent bilde' }]);
}

/** The image's file, if this viewer may see it (see the head of this file); 404 otherwise. */
export async function getReportImageForDownload(db: DbOrTx, viewer: SessionUser | null, options: { id: string; cooperationId: string }) {
  const [row] = await db.select({ image: reportImages, cooperationId: reports.cooperationId }).from(reportImages)
    .innerJoin(reports, eq(reports.id, reportImages.reportId)).where(eq(reportImages.id, options.id));
  if (!row || row.cooperationId !== options.cooperationId) throw notFound('Bildet');
  const audience = reportAudienceOf(viewer);
  if (audience !== 'staff') {
    // The sections that name it, with their report: one the viewer may read is enough.
    const uses = await db.select({ report: reports, access: reportSections.access }).from(reportSections)
      .innerJoin(reports, eq(reports.id, reportSections.reportId))
      .where(and(eq(reports.cooperationId, row.cooperationId), sql`${reportSections.narrative}::text like ${`%${row.image.id}%`}`));
    const readable = uses.some((u) => mayReadReport(audience, u.report) && (u.access === 'offentlig' || seesExemptSections(audience)));
    if (!readable) throw notFound('Bildet');
  }
  return { ...row.image, public: audience === 'public' };
}

/** The bytes of the images these narratives name, by id, for the PDF and the DOCX. */
export async function imageFilesOf(db: DbOrTx, files: FileStore, docs: readonly (TRichText | null)[]): Promise<Map<string, { bytes: Buffer; contentType: string }>> {
  const ids = [...new Set(docs.flatMap((d) => imageIdsOf(d)))];
  const out = new Map<string, { bytes: Buffer; contentType: string }>();
  if (!ids.length) return out;
  const rows = await db.select().from(reportImages).where(inArray(reportImages.id, ids));
  for (const r of rows) {
    const chunks: Buffer[] = [];
    for await (const chunk of await files.open(r.sha256)) chunks.push(Buffer.from(chunk as Uint8Array));
    out.set(r.id, { bytes: Buffer.concat(chunks), contentType: r.contentType });
  }
  return out;
}

/** Which of these hashes a report image names (the file sweep keeps them). */
export async function referencedReportImageFiles(db: DbOrTx, hashes: string[]): Promise<Set<string>> {
  if (!hashes.length) return new Set();
  const rows = await db.selectDistinct({ sha256: reportImages.sha256 }).from(reportImages).where(inArray(reportImages.sha256, hashes));
  return new Set(rows.map((r) => r.sha256));
}
