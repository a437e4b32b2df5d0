// The report's blocks rendered for the page: each block's data (frozen or live) with its charts as SVG
// and alt text. The same data goes into the PDF and the DOCX (documents.service.ts).
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { printChart } from '../../documents/charts.js';
import type { SessionUser } from '../../server/context.js';
import { loadBlocksOf } from './blocks.service.js';
import type { TRenderedBlock } from './model.js';
import { mayReadReport, reportAudienceOf, seesExemptSections } from './policy.js';
import { loadReport } from './reports.service.js';
import { reportSections } from './schema.js';
import { notFound } from '../../server/errors.js';

/** The blocks of the sections this viewer may read; exempt sections' blocks are left out for the public. */
export async function renderReportData(db: DbOrTx, viewer: SessionUser | null, options: { id: string; cooperationId: string }): Promise<TRenderedBlock[]> {
  const report = await loadReport(db, options);
  const audience = reportAudienceOf(viewer);
  if (!mayReadReport(audience, report)) throw notFound('Rapporten');
  const sections = await db.select({ id: reportSections.id, access: reportSections.access }).from(reportSections).where(eq(reportSections.reportId, report.id));
  const readable = sections.filter((s) => s.access === 'offentlig' || seesExemptSections(audience)).map((s) => s.id);
  const blocks = await loadBlocksOf(db, report, readable);
  return blocks.map((b) => ({
    blockId: b.id, sectionId: b.sectionId, type: b.type, frozen: b.frozen,
    data: { ...b.data, charts: b.data.charts.map((chart) => {
      const { svg, alt } = printChart(chart);
      return { ...chart, svg, alt };
    }) },
  }));
}
