// A report as DOCX (the `docx` library), for people who must edit it further in Word: the same print data
// as the PDF (report.ts). Word shows a table-of-contents field empty until fields are updated, so the
// contents are a plain list of the headings. Charts go in as their alt text (the figures in words) with
// the block's table below: an SVG in DOCX needs a raster fallback, and no rasteriser is installed. The
// narrative's images (PNG, JPEG) go in as they were uploaded, with their alternative text.
import {
  AlignmentType, BorderStyle, Document, ExternalHyperlink, Footer, HeadingLevel, ImageRun, Packer, PageNumber, Paragraph, Table, TableCell,
  TableRow, TextRun, WidthType, type ParagraphChild,
} from 'docx';
import { ChartRun } from 'docx/charts';
import type { TInline, TRichText } from '../lib/rich-text.js';
import { CHART_PALETTE, chartAltText, type TChartSpec } from './charts.js';
import type { TPrintBlock, TPrintTable, TReportDocument } from './report.js';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5] as const;

function runs(nodes: readonly TInline[] | undefined): ParagraphChild[] {
  return (nodes ?? []).map((n) => {
    if (n.type === 'hardBreak') return new TextRun({ text: '', break: 1 });
    const bold = n.marks?.some((m) => m.type === 'bold');
    const italics = n.marks?.some((m) => m.type === 'italic');
    const link = n.marks?.find((m) => m.type === 'link');
    const run = new TextRun({ text: n.text, bold, italics, style: link ? 'Hyperlink' : undefined });
    return link && link.type === 'link' ? new ExternalHyperlink({ link: link.attrs.href, children: [run] }) : run;
  });
}

/** An image's bytes for the DOCX, by id (documents.service reads them from the file store). */
export type TDocxImages = Map<string, { bytes: Buffer; contentType: string }>;

/** Width and height in pixels from a PNG's IHDR or a JPEG's first SOF marker; null when not found. */
export function imagePixels(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length > 24 && bytes.readUInt32BE(0) === 0x89504e47) return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  if (bytes.length > 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    for (let at = 2; at + 9 < bytes.length;) {
      if (bytes[at] !== 0xff) { at++; continue; }
      const marker = bytes[at + 1]!;
      const length = bytes.readUInt16BE(at + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { width: bytes.readUInt16BE(at + 7), height: bytes.readUInt16BE(at + 5) };
      }
      at += 2 + length;
    }
  }
  return null;
}

/** At most 600 px (about the text's width at 96 dpi), the ratio kept. */
const MAX_DOCX_IMAGE_WIDTH = 600;

function image(b: { attrs: { src: string; alt: string } }, images: TDocxImages): Paragraph {
  const file = images.get(b.attrs.src);
  const size = file ? imagePixels(file.bytes) : null;
  if (!file || !size || !size.width || !size.height) return new Paragraph({ children: [new TextRun({ text: b.attrs.alt, italics: true })] });
  const scale = Math.min(1, MAX_DOCX_IMAGE_WIDTH / size.width);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new ImageRun({
      type: file.contentType === 'image/png' ? 'png' : 'jpg', data: file.bytes,
      transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) },
      altText: { name: b.attrs.alt, description: b.attrs.alt, title: b.attrs.alt },
    })],
  });
}

function narrative(doc: TRichText | null, images: TDocxImages): Paragraph[] {
  if (!doc) return [];
  return doc.content.flatMap((b) => {
    if (b.type === 'image') return [image(b, images)];
    if (b.type === 'paragraph') return [new Paragraph({ children: runs(b.content) })];
    if (b.type === 'heading') return [new Paragraph({ children: runs(b.content).map((r) => r), style: 'Strong', spacing: { before: 160 } })];
    return b.content.map((item, i) => new Paragraph({
      children: [
        ...(b.type === 'orderedList' ? [new TextRun(`${i + 1}. `)] : []),
        ...item.content.flatMap((p) => runs(p.content)),
      ],
      ...(b.type === 'bulletList' ? { bullet: { level: 0 } } : { indent: { left: 360 } }),
    }));
  });
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: 'A0A0A0' };

function table(t: TPrintTable): (Paragraph | Table)[] {
  const cell = (text: string, align: 'left' | 'right', bold: boolean) => new TableCell({
    children: [new Paragraph({ alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [new TextRun({ text, bold, size: 18 })] })],
    borders: { top: thin, bottom: thin, left: thin, right: thin },
  });
  return [
    ...(t.unit ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: t.unit, italics: true, size: 16 })] })] : []),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: t.columns.map((c) => cell(c.label, c.align, true)) }),
        ...t.rows.map((r) => new TableRow({ children: r.cells.map((text, i) => cell(text, t.columns[i]?.align ?? 'left', Boolean(r.sum))) })),
      ],
    }),
    new Paragraph({ text: '' }),
  ];
}

/** About the PDF's chart (640 × 300) at the text's width; a sideways chart grows with its bars. */
const chartSize = (spec: TChartSpec) => ({
  width: 600,
  height: spec.horizontal ? Math.max(200, 60 + spec.categories.length * spec.series.length * 16) : 300,
});

/** A chart of Word's own from the chart's data: column (or sideways bar) or line, the papers' colours. */
function chart(spec: TChartSpec): Paragraph[] {
  const common = {
    title: spec.title,
    categories: spec.categories,
    series: spec.series.map((s, i) => ({ name: s.name, values: s.values, color: CHART_PALETTE[i % CHART_PALETTE.length]!.slice(1) })),
    legend: spec.series.length > 1 ? { position: 'bottom' as const } : (false as const),
    valueAxis: { title: spec.unit },
    ...(spec.valueLabels ? { dataLabels: { value: true } } : {}),
    font: { name: 'Calibri' },
    transformation: chartSize(spec),
    altText: { name: spec.title, title: spec.title, description: chartAltText(spec) },
  };
  const run = spec.kind === 'line'
    ? new ChartRun({ ...common, type: 'line', markers: true })
    // Sideways bars list the categories top to bottom in the given order, as the table under them does.
    : spec.horizontal ? new ChartRun({ ...common, type: 'bar', categoryAxis: { reverseOrder: true } }) : new ChartRun({ ...common, type: 'column' });
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run] }),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `Figur: ${spec.title}`, italics: true, size: 18 })] }),
  ];
}

function dataBlock(b: TPrintBlock): (Paragraph | Table)[] {
  return [
    ...b.charts.flatMap(chart),
    ...b.tables.flatMap(table),
    ...b.notes.map((n) => new Paragraph({ children: [new TextRun({ text: n, size: 18 })] })),
  ];
}

export async function reportDocx(doc: TReportDocument, images: TDocxImages = new Map()): Promise<Buffer> {
  const h = doc.header;
  const headerRows: [string, string][] = [
    ['Tittel', doc.kindLabel], ['Versjon', h.version], ['Status', h.status], ['Godkjent dato', h.approvedDate], ['Godkjent av', h.approvedBy], ['Dok. ansvarlig', h.responsible],
  ];
  const sectionTitle = (s: TReportDocument['sections'][number]) => `${s.number} ${s.title ?? 'Unntatt offentlighet'}`.trim();
  const body: (Paragraph | Table)[] = [
    new Paragraph({ children: [new TextRun({ text: doc.cooperationName, color: '5A5A5A' })] }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
    new Paragraph({ children: [new TextRun(`${doc.kindLabel} per ${doc.asOfText}`)] }),
    ...(doc.publicVersion ? [new Paragraph({ children: [new TextRun({ text: 'Offentlig versjon: deler unntatt offentlighet er utelatt.', italics: true })] })] : []),
    ...headerRows.map(([k, v]) => new Paragraph({ children: [new TextRun({ text: `${k}: `, bold: true }), new TextRun(v)] })),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Innhold')], pageBreakBefore: true }),
    ...doc.sections.filter((s) => s.depth <= 3).map((s) => new Paragraph({ indent: { left: (s.depth - 1) * 360 }, children: [new TextRun(sectionTitle(s))] })),
  ];
  doc.sections.forEach((s, i) => {
    body.push(new Paragraph({ heading: HEADINGS[Math.min(s.depth, 5) - 1], pageBreakBefore: i === 0, children: [new TextRun(sectionTitle(s))] }));
    if (s.exempt) body.push(new Paragraph({ children: [new TextRun({ text: s.exempt.legalBasis, italics: true })] }));
    if (s.title === null) return;
    body.push(...narrative(s.narrative, images));
    for (const b of s.blocks) body.push(...dataBlock(b));
  });
  const document = new Document({
    creator: doc.cooperationName,
    title: doc.title,
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [{
      footers: {
        default: new Footer({
          children: [new Paragraph({
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ children: [`${doc.cooperationName} - ${doc.title}    Side `, PageNumber.CURRENT, ' av ', PageNumber.TOTAL_PAGES], size: 16 })],
          })],
        }),
      },
      children: body,
    }],
  });
  return Packer.toBuffer(document);
}
