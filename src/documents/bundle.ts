// One PDF from a paper of ours and other PDFs after it, with bookmarks: the notice followed by its
// attachments (decision 0039). Plain bytes in, bytes out; knows no module.
//
// The first PDF is the base and the others' pages are copied into it, so the base keeps what Typst
// wrote into its catalogue: /Lang, the structure tree and /MarkInfo for its own pages, and its own
// bookmarks (now under one bookmark of its own). What merging cannot keep, and how the result says so:
// - the attachments' structure trees: pdf-lib copies pages, not the tree that describes them, so their
//   pages arrive untagged. Their /StructParents keys pointed into their own tree; they are removed so
//   they do not point into ours. /MarkInfo says /Suspects true: the tags do not cover every page.
// - the base's XMP metadata (it counts the base's pages and names Typst as the maker): removed, and the
//   Info dictionary carries the title instead.
// - PDF/A or PDF/UA: the result claims neither, so the base must not be an archive copy (callers pass
//   the plain paper).
import {
  PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, type PDFPage,
} from 'pdf-lib';

/** A PDF that was read: its page count is known, so it can be placed. */
export type TReadablePdf = { doc: PDFDocument; pages: number };

/** Why a file could not be placed in a bundle. */
export type TUnreadablePdf = { reason: 'encrypted' | 'unreadable' | 'empty' };

/**
 * Reads a PDF someone uploaded, without trusting it: an encrypted, broken or empty file is an answer,
 * not an exception, so one bad attachment never stops the bundle.
 */
export async function readPdf(bytes: Uint8Array): Promise<TReadablePdf | TUnreadablePdf> {
  try {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    if (doc.isEncrypted) return { reason: 'encrypted' };
    const pages = doc.getPageCount();
    if (pages === 0) return { reason: 'empty' };
    // A trial copy and write: a file whose objects are broken fails here, before the bundle is begun,
    // rather than halfway through it.
    const trial = await PDFDocument.create({ updateMetadata: false });
    for (const page of await trial.copyPages(doc, doc.getPageIndices())) trial.addPage(page);
    await trial.save();
    return { doc, pages };
  } catch (err) {
    if (err instanceof Error && err.name === 'EncryptedPDFError') return { reason: 'encrypted' };
    return { reason: 'unreadable' };
  }
}

export const isReadable = (p: TReadablePdf | TUnreadablePdf): p is TReadablePdf => 'doc' in p;

/** A bookmark over some PDFs: `parts` are placed in order, each with a bookmark under this one. */
export type TBundleGroup = { bookmark: string; parts: { bookmark: string; pdf: TReadablePdf }[] };

export type TBundleOptions = {
  /** The base paper (our own, tagged); its pages come first. */
  base: Uint8Array;
  /** The bundle's title (Info dictionary; shown by readers instead of the file name). */
  title: string;
  /** The bookmark over the base paper's pages; its own bookmarks go under it. */
  baseBookmark: string;
  groups: TBundleGroup[];
};

type TOutlineNode = { title: string; page: PDFPage; children: TOutlineNode[]; keep?: PDFRef[] };

export async function bundlePdfs(options: TBundleOptions): Promise<Buffer> {
  const out = await PDFDocument.load(options.base, { updateMetadata: false });
  const baseBookmarks = topLevelOutline(out);
  const nodes: TOutlineNode[] = [{ title: options.baseBookmark, page: out.getPage(0), children: [], keep: baseBookmarks }];
  for (const group of options.groups) {
    const groupNode: TOutlineNode = { title: group.bookmark, page: out.getPage(0), children: [] };
    for (const part of group.parts) {
      const copied = await out.copyPages(part.pdf.doc, part.pdf.doc.getPageIndices());
      for (const page of copied) {
        // Their keys index their own (dropped) structure tree, not ours.
        page.node.delete(PDFName.of('StructParents'));
        for (const annot of annotationsOf(page)) annot.delete(PDFName.of('StructParent'));
        out.addPage(page);
      }
      groupNode.children.push({ title: part.bookmark, page: copied[0]!, children: [] });
    }
    if (groupNode.children.length === 0) continue;
    groupNode.page = groupNode.children[0]!.page;
    nodes.push(groupNode);
  }
  writeOutline(out, nodes);

  const catalog = out.catalog;
  catalog.delete(PDFName.of('Metadata'));
  const markInfo = catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
  if (markInfo) markInfo.set(PDFName.of('Suspects'), PDFBool.True);
  catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  const prefs = catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict) ?? out.context.obj({});
  prefs.set(PDFName.of('DisplayDocTitle'), PDFBool.True);
  catalog.set(PDFName.of('ViewerPreferences'), prefs);
  out.setTitle(options.title);
  out.setProducer('samrad (pdf-lib)');
  out.setModificationDate(new Date());
  return Buffer.from(await out.save({ useObjectStreams: false }));
}

function annotationsOf(page: PDFPage): PDFDict[] {
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (!annots) return [];
  return annots.asArray().map((a) => page.doc.context.lookup(a)).filter((a): a is PDFDict => a instanceof PDFDict);
}

/** The base's own top-level bookmarks, to hang under the base's bookmark. */
function topLevelOutline(doc: PDFDocument): PDFRef[] {
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const refs: PDFRef[] = [];
  let next = outlines?.get(PDFName.of('First'));
  while (next instanceof PDFRef && !refs.some((r) => r === next) && refs.length < 10_000) {
    refs.push(next);
    next = doc.context.lookup(next, PDFDict).get(PDFName.of('Next'));
  }
  return refs;
}

/** Writes the outline tree (PDF 32000-1 §12.3.3): every item open, so all bookmarks show at once. */
function writeOutline(doc: PDFDocument, nodes: TOutlineNode[]): void {
  const ctx = doc.context;
  const root = ctx.nextRef();
  // An open item's /Count is how many items below it show: kept items, their open items, our children.
  const countOf = (n: TOutlineNode): number => (n.keep ? n.keep.length + keptCount(doc, n.keep) : 0)
    + n.children.reduce((s, c) => s + 1 + countOf(c), 0);
  const link = (parent: PDFRef, items: PDFRef[]) => {
    items.forEach((ref, i) => {
      const item = ctx.lookup(ref, PDFDict);
      item.set(PDFName.of('Parent'), parent);
      if (i > 0) item.set(PDFName.of('Prev'), items[i - 1]!); else item.delete(PDFName.of('Prev'));
      if (i < items.length - 1) item.set(PDFName.of('Next'), items[i + 1]!); else item.delete(PDFName.of('Next'));
    });
  };
  const place = (parent: PDFRef, list: TOutlineNode[]): PDFRef[] => {
    const refs = list.map(() => ctx.nextRef());
    list.forEach((n, i) => {
      const children = [...(n.keep ?? []), ...place(refs[i]!, n.children)];
      const item = ctx.obj({}) as PDFDict;
      item.set(PDFName.of('Title'), PDFHexString.fromText(n.title));
      item.set(PDFName.of('Dest'), ctx.obj([n.page.ref, PDFName.of('XYZ'), null, null, null]) as PDFArray);
      if (children.length > 0) {
        item.set(PDFName.of('First'), children[0]!);
        item.set(PDFName.of('Last'), children[children.length - 1]!);
        item.set(PDFName.of('Count'), PDFNumber.of(countOf(n)));
      }
      ctx.assign(refs[i]!, item);
      link(refs[i]!, children);
    });
    return refs;
  };
  const top = place(root, nodes);
  link(root, top);
  const total = nodes.reduce((s, n) => s + 1 + countOf(n), 0);
  ctx.assign(root, ctx.obj({ Type: 'Outlines', First: top[0]!, Last: top[top.length - 1]!, Count: total }));
  doc.catalog.set(PDFName.of('Outlines'), root);
}

/** The open descendants of kept bookmarks (their own /Count when positive), for the parents' counts. */
function keptCount(doc: PDFDocument, refs: PDFRef[]): number {
  return refs.reduce((s, ref) => {
    const count = doc.context.lookup(ref, PDFDict).lookupMaybe(PDFName.of('Count'), PDFNumber)?.asNumber() ?? 0;
    return s + Math.max(0, count);
  }, 0);
}

/** Bookmark titles, depth first, indented two spaces per level: for tests and for checking a bundle. */
export async function outlineTitles(pdf: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const titles: string[] = [];
  const walk = (first: unknown, depth: number) => {
    let ref = first;
    const seen = new Set<unknown>();
    while (ref instanceof PDFRef && !seen.has(ref)) {
      seen.add(ref);
      const item = doc.context.lookup(ref, PDFDict);
      const title = item.lookup(PDFName.of('Title'));
      titles.push('  '.repeat(depth) + (title && 'decodeText' in title ? (title as PDFHexString).decodeText() : ''));
      walk(item.get(PDFName.of('First')), depth + 1);
      ref = item.get(PDFName.of('Next'));
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)?.get(PDFName.of('First')), 0);
  return titles;
}
