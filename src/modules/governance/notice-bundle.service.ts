// The notice as one PDF with its attachments after it, in agenda order, each case's attachments under a
// bookmark of that case (decision 0039; seed 000 is the notice followed by the activity report).
//
// What goes in follows the one read model: the reader's meeting view lists only the attachments they may
// read, so the public's bundle never holds an exempt case's attachment (the redacted case lists none),
// while staff and the council get the full bundle (audited as a full paper by the route). Only PDFs can
// be placed; every other attachment, and a PDF that cannot be read (broken, encrypted, missing from the
// store), stays listed in the notice with a note saying it is not in this PDF, so nothing goes missing
// without a word.
import type { DbOrTx } from '../../db/client.js';
import { bundlePdfs, isReadable, readPdf, type TBundleGroup, type TUnreadablePdf } from '../../documents/bundle.js';
import { docMeeting } from '../../documents/compose.js';
import { renderPaper } from '../../documents/paper-cache.js';
import { FileMissingError, type FileStore } from '../../lib/files/store.js';
import type { SessionUser } from '../../server/context.js';
import { notFound } from '../../server/errors.js';
import { isRedactedCase } from './model.js';
import { noticePaper } from './notice.service.js';
import { readAccessOf } from './policy.js';
import { getMeetingView } from './views.service.js';

export type TNoticeBundleOptions = { meetingId: string; viewer: SessionUser | null; files: FileStore };

const NOT_INCLUDED: Record<TUnreadablePdf['reason'] | 'not_pdf' | 'missing', string> = {
  not_pdf: 'ikke med i denne PDF-en: ikke en PDF-fil',
  encrypted: 'ikke med i denne PDF-en: filen er kryptert',
  unreadable: 'ikke med i denne PDF-en: filen kan ikke leses som PDF',
  empty: 'ikke med i denne PDF-en: filen har ingen sider',
  missing: 'ikke med i denne PDF-en: filen mangler',
};

async function readStored(files: FileStore, sha256: string): Promise<Buffer | null> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await files.open(sha256)) chunks.push(Buffer.from(chunk as Uint8Array));
    return Buffer.concat(chunks);
  } catch (err) {
    if (err instanceof FileMissingError) return null;
    throw err;
  }
}

export async function noticeBundle(db: DbOrTx, options: TNoticeBundleOptions): Promise<Buffer> {
  const view = await getMeetingView(db, options.meetingId, readAccessOf(options.viewer));
  if (view.withheld?.includes('agenda')) throw notFound('Innkallingen');

  const groups: TBundleGroup[] = [];
  const notes = new Map<string, string>();
  for (const c of view.cases) {
    if (isRedactedCase(c)) continue;
    const group: TBundleGroup = { bookmark: `Sak ${c.number} ${c.title}`, parts: [] };
    for (const a of c.attachments) {
      if (a.contentType !== 'application/pdf') { notes.set(a.id, NOT_INCLUDED.not_pdf); continue; }
      const bytes = await readStored(options.files, a.sha256);
      if (!bytes) { notes.set(a.id, NOT_INCLUDED.missing); continue; }
      const pdf = await readPdf(bytes);
      if (!isReadable(pdf)) { notes.set(a.id, NOT_INCLUDED[pdf.reason]); continue; }
      group.parts.push({ bookmark: `Vedlegg: ${a.filename}`, pdf });
    }
    if (group.parts.length > 0) groups.push(group);
  }

  // The plain notice, never the archive copy: the bundle cannot keep PDF/A (bundle.ts says why).
  const notice = await renderPaper(await noticePaper(db, { ...options, archive: false, attachmentNotes: notes }));
  const label = docMeeting(view.meeting).label;
  return bundlePdfs({ base: notice, title: `Innkalling ${label} med vedlegg`, baseBookmark: `Innkalling ${label}`, groups });
}
