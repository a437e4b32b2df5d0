// Print data for a report (report.typ): the header as seed 001 prints it (title, version, status,
// approved date and by, responsible), the numbered sections with their narrative (the rich-text
// document, walked in Typst and placed as text) and data blocks (tables of printed strings, charts as
// SVG with their alt text). Plain data in; the reports module composes it and
// renders it with renderPdf('report', …) (this file imports nothing of the renderer, so no cycle).
import type { TRichText } from '../lib/rich-text.js';

export type TPrintTable = {
  caption: string;
  unit: string | null;
  columns: { label: string; align: 'left' | 'right' }[];
  rows: { cells: string[]; sum?: boolean }[];
};

export type TPrintBlock = {
  title: string;
  tables: TPrintTable[];
  charts: { title: string; svg: string; alt: string }[];
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
