// A report as a paper: composed once (sections the reader may read, blocks frozen or live, charts as SVG)
// and set as PDF by Typst in the render worker (never inside a transaction, decision 0014) or as DOCX.
// On approval the PDF/A is archived with its SHA-256, the full version and the public one, and attached
// to the meeting's "Økonomi- og aktivitetsrapport" case.
import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { forTypst, type TPrintSection, type TReportDocument } from '../../documents/report.js';
import { reportDocx, type TDocxImages } from '../../documents/report-docx.js';
import { renderPdf } from '../../documents/renderer.js';
import type { FileStore } from '../../lib/files/store.js';
import { actorOf, type SessionUser } from '../../server/context.js';
import { conflict, forbidden } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { addAttachment } from '../governance/attachments.service.js';
import { uploadOfBytes } from '../uploads/service.js';
import { getMeetingView } from '../governance/views.service.js';
import { getCooperation } from '../org/cooperations.service.js';
import { letterheadFiles, letterheadOfCooperation } from '../org/letterhead.service.js';
import { loadBlocksOf } from './blocks.service.js';
import { imageFilesOf, imageIdsOf, referencedReportImageFiles } from './images.service.js';
import type { TReport, TReportSection } from './model.js';
import { leadsReport, reportAudienceOf } from './policy.js';
import { getReport, loadReport, shortDate, type TReportRow } from './reports.service.js';
import { reportArchives, reportImages, reports } from './schema.js';
import { REPORT_KIND_LABELS, REPORT_STATUS_LABELS } from './vocabulary.js';

const dash = '–';
export const ACCEPTANCE_HEADING = 'Behandling i medlemskommunene';
const norwegianDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : dash);

/** The print data for a reader: `public` leaves exempt sections at their number and legal basis. */
export async function composeReportDocument(db: DbOrTx, report: TReport, row: TReportRow, options: { publicVersion: boolean }): Promise<TReportDocument> {
  const cooperation = await getCooperation(db, report.cooperationId);
  const readable = report.sections.filter((s): s is TReportSection => 'narrative' in s && (!options.publicVersion || s.access === 'offentlig'));
  const blocks = await loadBlocksOf(db, row, readable.map((s) => s.id));
  const sections: TPrintSection[] = report.sections.map((s) => {
    if (!('narrative' in s) || (options.publicVersion && s.access === 'unntatt')) {
      return { number: s.number, depth: s.depth, title: null, exempt: { legalBasis: s.legalBasis ?? 'Unntatt offentlighet' }, narrative: null, blocks: [] };
    }
    return {
      number: s.number, depth: s.depth, title: s.title,
      exempt: s.access === 'unntatt' ? { legalBasis: s.legalBasis ?? 'Unntatt offentlighet' } : null,
      narrative: s.narrative,
      blocks: blocks.filter((b) => b.sectionId === s.id).map((b) => ({
        title: b.data.title, tables: b.data.tables, notes: b.data.notes,
        charts: b.data.charts,
      })),
    };
  });
  // The annual report's acceptance by the member municipalities, once the first is recorded.
  if (report.acceptances.some((a) => a.acceptedOn)) {
    sections.push({
      number: '', depth: 1, title: ACCEPTANCE_HEADING, exempt: null, narrative: null,
      blocks: [{
        title: 'Godkjenning per kommune', charts: [], notes: [],
        tables: [{
          caption: 'Godkjent av medlemskommunene', unit: null,
          columns: [{ label: 'Kommune', align: 'left' }, { label: 'Godkjent av', align: 'left' }, { label: 'Dato', align: 'right' }],
          rows: report.acceptances.map((a) => ({ cells: [a.municipalityName, a.acceptedBy ?? 'Ikke behandlet ennå', norwegianDate(a.acceptedOn)] })),
        }],
      }],
    });
  }
  return {
    letterhead: await letterheadOfCooperation(db, report.cooperationId, { withLogo: true }),
    cooperationName: cooperation.name,
    title: report.title,
    kindLabel: report.kind === 'aktivitetsrapport' ? 'Aktivitetsrapport' : REPORT_KIND_LABELS[report.kind].nb,
    asOfText: shortDate(report.asOf),
    header: {
      version: String(report.version), status: REPORT_STATUS_LABELS[report.status].nb,
      approvedDate: norwegianDate(report.approvedAt), approvedBy: report.approvedByName ?? dash, responsible: cooperation.shortName,
    },
    publicVersion: options.publicVersion,
    sections,
    images: await imagePathsOf(db, sections.map((s) => s.narrative)),
  };
}

/** The images the printed narratives name, by id, as the path the template reads them from. */
async function imagePathsOf(db: DbOrTx, narratives: readonly (TPrintSection['narrative'])[]): Promise<Record<string, string>> {
  const ids = [...new Set(narratives.flatMap((n) => imageIdsOf(n)))];
  if (!ids.length) return {};
  const rows = await db.select({ id: reportImages.id, contentType: reportImages.contentType }).from(reportImages).where(inArray(reportImages.id, ids));
  return Object.fromEntries(rows.map((r) => [r.id, `report-images/${r.id}.${r.contentType === 'image/png' ? 'png' : 'jpg'}`]));
}

/** The bytes of a document's images and its letterhead's logo, by the path the template reads (the render job's files). */
async function renderFilesOf(db: DbOrTx, files: FileStore, doc: TReportDocument): Promise<Record<string, Uint8Array>> {
  const bytes = await imageFilesOf(db, files, doc.sections.map((s) => s.narrative));
  return {
    ...Object.fromEntries(Object.entries(doc.images).flatMap(([id, file]) => {
      const b = bytes.get(id);
      return b ? [[file, new Uint8Array(b.bytes)]] : [];
    })),
    ...(doc.letterhead ? await letterheadFiles(files, doc.letterhead) : {}),
  };
}

export const reportFilename = (report: { title: string }, ext: 'pdf' | 'docx') => `${report.title.replace(/[\\/:*?"<>|]/g, '-')}.${ext}`;

export type TReportPaper = { bytes: Buffer; filename: string };

/**
 * The PDF for this reader: an approved report as archived (byte for byte), otherwise set now. The
 * public always gets the public version; staff and the council the full one.
 */
export async function reportPdf(db: DbOrTx, files: FileStore, viewer: SessionUser | null, options: { id: string; cooperationId: string }): Promise<TReportPaper> {
  const report = await getReport(db, viewer, options);
  const publicVersion = reportAudienceOf(viewer) === 'public';
  const filename = reportFilename(report, 'pdf');
  // An approved report is served as archived, unless member municipalities have accepted it since: then it
  // is set again from the frozen blocks with their acceptance printed (the archive keeps the approved copy).
  if (report.status === 'godkjent' && !report.acceptances.some((a) => a.acceptedOn)) {
    const [stored] = await db.select().from(reportArchives)
      .where(and(eq(reportArchives.reportId, report.id), eq(reportArchives.kind, publicVersion ? 'public' : 'full')));
    if (stored) return { bytes: await readAll(files, stored.sha256), filename };
  }
  const row = await loadReport(db, options);
  const doc = await composeReportDocument(db, report, row, { publicVersion });
  return { bytes: await renderPdf('report', forTypst(doc), { files: await renderFilesOf(db, files, doc) }), filename };
}

/**
 * DOCX written lately, by a digest of everything that went into them (the composed document and the
 * images' bytes). Writing one is all main-thread work (the `docx` package builds and deflates it: about
 * as long as Typst takes to set the PDF in its thread, and charts of Word's own with their workbooks
 * double it); a draft is downloaded again and again with its figures unchanged. Typst keeps its own work
 * the same way. The same input gives the same bytes, so a hit is never stale; 8 of 50–500 kB each.
 */
const recentDocx = new Map<string, Buffer>();
const RECENT_DOCX = 8;

async function docxOf(doc: TReportDocument, images: TDocxImages): Promise<Buffer> {
  const hash = createHash('sha256').update(JSON.stringify(doc));
  for (const [id, image] of [...images].sort(([a], [b]) => a.localeCompare(b))) hash.update(`\n${id} ${image.contentType}\n`).update(image.bytes);
  const key = hash.digest('hex');
  const hit = recentDocx.get(key);
  if (hit) return hit;
  const bytes = await reportDocx(doc, images);
  recentDocx.set(key, bytes);
  if (recentDocx.size > RECENT_DOCX) recentDocx.delete(recentDocx.keys().next().value!);
  return bytes;
}

/** Forgets the DOCX written so far: for a benchmark that measures writing them. */
export function forgetWrittenDocx(): void {
  recentDocx.clear();
}

export async function reportDocxFile(db: DbOrTx, files: FileStore, viewer: SessionUser | null, options: { id: string; cooperationId: string }): Promise<TReportPaper> {
  const report = await getReport(db, viewer, options);
  const row = await loadReport(db, options);
  const doc = await composeReportDocument(db, report, row, { publicVersion: reportAudienceOf(viewer) === 'public' });
  return { bytes: await docxOf(doc, await imageFilesOf(db, files, doc.sections.map((s) => s.narrative))), filename: reportFilename(report, 'docx') };
}

async function readAll(files: FileStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await files.open(sha256)) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

const REPORT_CASE_TITLE = /økonomi- og aktivitetsrapport/i;

export type TArchiveResult = { fullSha256: string; publicSha256: string; attachedToCaseId: string | null };

/**
 * Archives an approved report (PDF/A, full and public) and attaches it to its meeting's report case:
 * the full version when no section is exempt, else the public one, since the case's attachments reach
 * everyone the case does. Safe to run again: what is archived already is kept.
 */
export async function archiveApprovedReport(db: Db, files: FileStore, user: SessionUser, options: { id: string; cooperationId: string }): Promise<TArchiveResult> {
  const row = await loadReport(db, options);
  if (!leadsReport(user, row)) throw forbidden('Bare rapportens leder kan arkivere rapporten');
  if (row.status !== 'godkjent') throw conflict('Bare en godkjent rapport arkiveres');
  const report = await getReport(db, user, options);
  const existing = await db.select().from(reportArchives).where(eq(reportArchives.reportId, row.id));
  const stored: Record<'full' | 'public', string> = { full: '', public: '' };
  const hasExempt = report.sections.some((s) => s.access === 'unntatt');
  let fullPut: { sha256: string; size: number } | null = null;
  for (const kind of ['full', 'public'] as const) {
    const have = existing.find((a) => a.kind === kind);
    if (have) { stored[kind] = have.sha256; continue; }
    let put: { sha256: string; size: number };
    if (kind === 'public' && !hasExempt && fullPut) {
      // Nothing is left out of the public version: it is the full copy, set once.
      put = fullPut;
    } else {
      // Set outside any transaction: the render worker takes its time, the database does not wait for it.
      const doc = await composeReportDocument(db, report, row, { publicVersion: kind === 'public' });
      const pdf = await renderPdf('report', forTypst(doc), { archive: true, files: await renderFilesOf(db, files, doc) });
      put = await files.put(new Uint8Array(pdf));
      if (kind === 'full') fullPut = put;
    }
    await db.transaction(async (tx) => {
      const [a] = await tx.insert(reportArchives).values({ reportId: row.id, kind, sha256: put.sha256, size: put.size }).onConflictDoNothing().returning();
      if (a) await recordAudit(tx, actorOf(user), { action: 'create', entity: 'report_archive', entityId: a.id, after: { reportId: row.id, kind, sha256: put.sha256 } });
    });
    stored[kind] = put.sha256;
  }
  let attachedToCaseId: string | null = null;
  if (row.meetingId && !row.attachmentId) {
    const meeting = await getMeetingView(db, row.meetingId, 'full').catch(() => null);
    const reportCase = meeting?.cases.find((c) => 'title' in c && REPORT_CASE_TITLE.test(c.title));
    if (reportCase && 'id' in reportCase) {
      const hasExempt = report.sections.some((s) => s.access === 'unntatt');
      const bytes = await readAll(files, hasExempt ? stored.public : stored.full);
      const attachment = await addAttachment(db, actorOf(user), { caseId: reportCase.id, filename: reportFilename(report, 'pdf'), file: uploadOfBytes(new Uint8Array(bytes)), uploadedBy: user.id, files });
      await db.update(reports).set({ attachmentId: attachment.id }).where(eq(reports.id, row.id));
      attachedToCaseId = reportCase.id;
    }
  }
  return { fullSha256: stored.full, publicSha256: stored.public, attachedToCaseId };
}

/** Which of these hashes an archived report or a report's image names (the file sweep keeps them). */
export async function referencedReportFiles(db: DbOrTx, hashes: string[]): Promise<Set<string>> {
  if (!hashes.length) return new Set();
  const rows = await db.selectDistinct({ sha256: reportArchives.sha256 }).from(reportArchives).where(inArray(reportArchives.sha256, hashes));
  return new Set([...rows.map((r) => r.sha256), ...await referencedReportImageFiles(db, hashes)]);
}
