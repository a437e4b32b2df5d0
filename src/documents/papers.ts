// The case presentation (saksframlegg) as the reader may see it. The public reads it only for a public
// case of a published meeting; for an exempt case it does not exist (404), as its content may not leak.
import type { DbOrTx } from '../db/client.js';
import { isRedactedCase } from '../modules/governance/model.js';
import { getCaseView, getMeetingHeader } from '../modules/governance/views.service.js';
import type { SessionUser } from '../server/context.js';
import { notFound } from '../server/errors.js';
import { composePresentation } from './compose.js';
import { paper, renderPaper, type TPaper } from './paper-cache.js';

export type TRenderPresentationPdfOptions = { caseId: string; viewer: SessionUser | null; archive?: boolean };

/** The saksframlegg's print data for the reader, not yet rendered (the public's is cached by content). */
export async function presentationPaper(db: DbOrTx, options: TRenderPresentationPdfOptions): Promise<TPaper<'presentation'>> {
  const view = await getCaseView(db, options.caseId, options.viewer);
  if (isRedactedCase(view)) throw notFound('Saken');
  const meeting = view.meetingId ? await getMeetingHeader(db, view.meetingId, options.viewer) : null;
  return paper('presentation', composePresentation(view, meeting), options.archive);
}

export async function renderPresentationPdf(db: DbOrTx, options: TRenderPresentationPdfOptions): Promise<Buffer> {
  return renderPaper(await presentationPaper(db, options));
}
