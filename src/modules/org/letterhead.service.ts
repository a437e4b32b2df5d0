// The cooperation's letterhead: the name, address, organisation number and further lines the papers
// print at the top of the notice, the minutes and the reports, and its logo. The logo is an upload like any other
// (the uploads module's cap, quota and rate, the kernel's type check from the bytes), kept in the file
// store under its SHA-256 (decision 0013); the cooperation row names it, so the file sweep keeps it.
import { buffer } from 'node:stream/consumers';
import { eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { FileStore } from '../../lib/files/store.js';
import { detectFileType } from '../../lib/files/file-type.js';
import { cleanFilename } from '../../lib/file-names.js';
import type { Actor } from '../../server/context.js';
import { HttpError, notFound } from '../../server/errors.js';
import { storeUpload, type TUpload, type TUploadQuota } from '../uploads/service.js';
import { getCooperation } from './cooperations.service.js';
import { bodies, cooperations } from './schema.js';
import { updateAudited, type TAggregate } from './revision.js';
import { LOGO_TYPES } from './vocabulary.js';

const cooperation: TAggregate<typeof cooperations.$inferSelect> = { table: cooperations, entity: 'cooperation', what: 'Samarbeidet', read: getCooperation };

export type TSetLogoOptions = {
  id: string; revision?: number; filename: string; file: TUpload; files: FileStore; userId: string | null; quota?: TUploadQuota;
};

/** Puts the logo on the letterhead, replacing any earlier one; 415 for anything but PNG or JPEG. */
export async function setCooperationLogo(db: Db, actor: Actor, options: TSetLogoOptions) {
  // Checked before anything is stored or counted: an unknown cooperation or a wrong type costs nothing.
  await getCooperation(db, options.id);
  const contentType = await detectFileType(cleanFilename(options.filename), options.file.content);
  if (!(LOGO_TYPES as readonly string[]).includes(contentType)) {
    throw new HttpError(415, 'unsupported_media_type', 'Logoen må være et PNG- eller JPEG-bilde');
  }
  const upload = { files: options.files, upload: options.file, userId: options.userId, quota: options.quota };
  return storeUpload(db, upload, (stored) => updateAudited(db, actor, cooperation, {
    id: options.id, revision: options.revision,
    patch: { logoSha256: stored.sha256, logoContentType: contentType, logoSize: stored.size },
  }));
}

/** Takes the logo off the letterhead (the file goes with the next sweep, unless something else names it). */
export async function removeCooperationLogo(db: Db, actor: Actor, options: { id: string; revision?: number }) {
  return updateAudited(db, actor, cooperation, { id: options.id, revision: options.revision, patch: { logoSha256: null, logoContentType: null, logoSize: null } }, async () => undefined);
}

/** The logo's file, or 404 when the cooperation has none. Anyone may see it: it is printed on public papers. */
export async function getCooperationLogo(db: DbOrTx, id: string) {
  const row = await getCooperation(db, id);
  if (!row.logoSha256 || !row.logoContentType) throw notFound('Logoen');
  return { sha256: row.logoSha256, contentType: row.logoContentType, size: row.logoSize ?? 0 };
}

/** Which of these hashes a cooperation's logo names (the file sweep keeps them). */
export async function referencedOrgFiles(db: DbOrTx, hashes: string[]): Promise<Set<string>> {
  if (!hashes.length) return new Set();
  const rows = await db.selectDistinct({ sha256: cooperations.logoSha256 }).from(cooperations).where(inArray(cooperations.logoSha256, hashes));
  return new Set(rows.flatMap((r) => (r.sha256 ? [r.sha256] : [])));
}

/** The letterhead as the papers print it; `logo` is the path the template reads the image from. */
export type TLetterhead = {
  name: string;
  /** Address lines, then the organisation number, then the further lines. */
  lines: string[];
  logo: string | null;
};

/** "974760673" → "974 760 673", as Enhetsregisteret prints it. */
export function formatOrganisationNumber(value: string): string {
  return value.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');
}

const LOGO_PATH = /^letterhead\/([0-9a-f]{64})\.(png|jpg)$/;

/**
 * The letterhead of the cooperation a body belongs to. The logo's path names its SHA-256, so a paper
 * cached by its data is a new paper when the logo changes. `withLogo: false` (a caller without a file
 * store: a test, a loader) prints the letterhead without it.
 */
export async function letterheadOfBody(db: DbOrTx, bodyId: string, options: { withLogo: boolean }): Promise<TLetterhead> {
  const [row] = await db.select({ c: cooperations }).from(bodies).innerJoin(cooperations, eq(cooperations.id, bodies.cooperationId)).where(eq(bodies.id, bodyId));
  if (!row) throw notFound('Organet');
  return letterheadOf(row.c, options);
}

/** The cooperation's letterhead, for a paper of the cooperation itself (a report) rather than of one of its bodies. */
export async function letterheadOfCooperation(db: DbOrTx, cooperationId: string, options: { withLogo: boolean }): Promise<TLetterhead> {
  return letterheadOf(await getCooperation(db, cooperationId), options);
}

function letterheadOf(c: typeof cooperations.$inferSelect, options: { withLogo: boolean }): TLetterhead {
  const lines = [
    ...(c.address ? c.address.split('\n') : []),
    ...(c.organisationNumber ? [`Org.nr. ${formatOrganisationNumber(c.organisationNumber)}`] : []),
    ...(c.letterhead ? c.letterhead.split('\n') : []),
  ];
  const logo = options.withLogo && c.logoSha256 ? `letterhead/${c.logoSha256}.${c.logoContentType === 'image/png' ? 'png' : 'jpg'}` : null;
  return { name: c.name, lines, logo };
}

/** The bytes the template reads for the letterhead (its logo), by path: the render job's files. */
export async function letterheadFiles(files: FileStore | undefined, letterhead: TLetterhead): Promise<Record<string, Uint8Array>> {
  const sha256 = letterhead.logo ? LOGO_PATH.exec(letterhead.logo)?.[1] : undefined;
  if (!files || !sha256) return {};
  return { [letterhead.logo!]: new Uint8Array(await buffer(await files.open(sha256))) };
}
