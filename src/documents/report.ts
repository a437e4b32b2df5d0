// Print data for a report (report.typ): the header as seed 001 prints it (title, version, status,
// approved date and by, responsible), the numbered sections with their narrative (the rich-text
// document, walked in Typst and placed as text) and data blocks (tables of printed strings, charts as
// their data). Plain data in; the reports module composes it and renders it with
// renderPdf('report', forTypst(doc)) (this file imports nothing of the renderer, so no cycle) or as DOCX.
import type { TRichText } from '../lib/rich-text.js';
import { printChart, type TChartSpec, type TPrintChart } from './charts.js';
import type { TDocLetterhead } from './types.js';

export type TPrintTable = {
  caption: string;
  unit: string | null;
  columns: { label: string; align: 'left' | 'right' }[];
  rows: { cells: string[]; sum?: boolean }[];
};

export type TPrintBlock = {
  title: string;
  tables: TPrintTable[];
  /**
   * The charts' data: the PDF sets each as SVG (forTypst), the DOCX as a chart of Word's own. Neither
   * pays for the other's form.
   */
  charts: TChartSpec[];
  notes: string[];
};

export type TPrintSection = {
  number: string;
  depth: number;
  /** Null for an exempt section in the public version: only its number and legal basis are printed. */
  title: string | null;
  exempt: { legalBasis: string } | null;
  narrative: TRichText | null;
  blocks: TPrintBlock[];
};

export type TReportDocument = {
  /** The cooperation's letterhead at the top of the title page, as on the notice and the minutes. */
  letterhead: TDocLetterhead | null;
  cooperationName: string;
  title: string;
  kindLabel: string;
  asOfText: string;
  header: { version: string; status: string; approvedDate: string; approvedBy: string; responsible: string };
  /** The public version leaves exempt sections at their number and legal basis. */
  publicVersion: boolean;
  sections: TPrintSection[];
  /** The narrative's images by id: the path the template reads (the bytes go with the render job). */
  images: Record<string, string>;
};

/** What report.typ reads: the document with each chart set as SVG with its alt text. */
export type TReportTypstDocument = Omit<TReportDocument, 'sections'> & {
  sections: (Omit<TPrintSection, 'blocks'> & { blocks: (Omit<TPrintBlock, 'charts'> & { charts: TPrintChart[] })[] })[];
};

export function forTypst(doc: TReportDocument): TReportTypstDocument {
  return {
    ...doc,
    sections: doc.sections.map((s) => ({ ...s, blocks: s.blocks.map((b) => ({ ...b, charts: b.charts.map((c) => printChart(c)) })) })),
  };
}
