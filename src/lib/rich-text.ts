// Structured rich text: the narrative of a report section, stored as a JSON document and never as
// HTML. The shape is a flat subset of Tiptap/ProseMirror's JSON (doc → paragraph, heading, bullet and
// ordered lists of paragraphs; text with bold, italic and link marks; hard breaks), so an editor built on
// Tiptap can load and save it unchanged. Lists do not nest: one level is what the papers use, and a
// flat shape keeps the API document free of recursive schemas. Each format (web, Typst, DOCX) walks the
// nodes itself and places text as text, so a user's text can never become markup.
// Pure except for zod, so the web imports the same functions (markup ↔ document, plain text).
import { z } from '@hono/zod-openapi';

export const MAX_RICH_TEXT_NODES = 5_000;

const ZHref = z.string().max(2000).refine((href) => /^(https?:\/\/|mailto:)/i.test(href), 'Lenker må begynne med http://, https:// eller mailto:');

export const ZTextMark = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({ type: z.literal('link'), attrs: z.object({ href: ZHref }) }),
]).openapi('RichTextMark');

export const ZInline = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1).max(20_000), marks: z.array(ZTextMark).max(3).optional() }),
  z.object({ type: z.literal('hardBreak') }),
]).openapi('RichTextInline');

export const ZParagraph = z.object({ type: z.literal('paragraph'), content: z.array(ZInline).max(500).optional() }).openapi('RichTextParagraph');
const ZHeading = z.object({
  type: z.literal('heading'), attrs: z.object({ level: z.number().int().min(1).max(3) }), content: z.array(ZInline).max(500).optional(),
});
const ZListItem = z.object({ type: z.literal('listItem'), content: z.array(ZParagraph).min(1).max(20) });
const ZList = (type: 'bulletList' | 'orderedList') => z.object({ type: z.literal(type), content: z.array(ZListItem).min(1).max(500) });

export const ZRichBlock = z.discriminatedUnion('type', [ZParagraph, ZHeading, ZList('bulletList'), ZList('orderedList')]).openapi('RichTextBlock');

export const ZRichText = z.object({
  type: z.literal('doc'),
  content: z.array(ZRichBlock).max(2_000),
}).openapi('RichText');

export type TTextMark = z.infer<typeof ZTextMark>;
export type TInline = z.infer<typeof ZInline>;
export type TParagraph = z.infer<typeof ZParagraph>;
export type TRichBlock = z.infer<typeof ZRichBlock>;
export type TRichText = z.infer<typeof ZRichText>;

export const emptyRichText = (): TRichText => ({ type: 'doc', content: [] });

/** The text of inline nodes, a hard break as a newline. */
export function inlineText(content: readonly TInline[] | undefined): string {
  return (content ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('');
}

/** Each top-level block as one line of plain text (a list's items joined by newlines, with their markers). */
export function blockTexts(doc: TRichText): string[] {
  return doc.content.map((block) => {
    if (block.type === 'paragraph' || block.type === 'heading') return inlineText(block.content);
    return block.content.map((item, i) => `${block.type === 'bulletList' ? '-' : `${i + 1}.`} ${item.content.map((p) => inlineText(p.content)).join(' ')}`).join('\n');
  });
}

export function richTextToPlain(doc: TRichText): string {
  return blockTexts(doc).join('\n\n');
}

export function isEmptyRichText(doc: TRichText): boolean {
  return blockTexts(doc).every((t) => t.trim() === '');
}

// A light markup, for a plain textarea and for seeding: blank lines separate blocks; "# ", "## ", "### "
// start a heading; lines starting "- " make a bullet list, "1. " an ordered list; **bold**, _italic_ and
// [text](https://…) inside a line. It is a way to write the document, not a second storage format.

const INLINE_PATTERN = /\*\*(.+?)\*\*|_(.+?)_|\[([^\]]+)\]\(((?:https?:\/\/|mailto:)[^)\s]+)\)/g;

function parseInline(line: string): TInline[] {
  const out: TInline[] = [];
  const lines = line.split('\n');
  lines.forEach((part, index) => {
    if (index > 0) out.push({ type: 'hardBreak' });
    let last = 0;
    for (const m of part.matchAll(INLINE_PATTERN)) {
      if (m.index! > last) out.push({ type: 'text', text: part.slice(last, m.index) });
      if (m[1] !== undefined) out.push({ type: 'text', text: m[1], marks: [{ type: 'bold' }] });
      else if (m[2] !== undefined) out.push({ type: 'text', text: m[2], marks: [{ type: 'italic' }] });
      else out.push({ type: 'text', text: m[3]!, marks: [{ type: 'link', attrs: { href: m[4]! } }] });
      last = m.index! + m[0].length;
    }
    if (last < part.length) out.push({ type: 'text', text: part.slice(last) });
  });
  return out;
}

export function richTextFromMarkup(markup: string): TRichText {
  const content: TRichBlock[] = [];
  for (const raw of markup.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const chunk = raw.replace(/^\n+|\s+$/g, '');
    if (!chunk) continue;
    const heading = /^(#{1,3}) (.*)$/s.exec(chunk);
    const lines = chunk.split('\n');
    if (heading) {
      content.push({ type: 'heading', attrs: { level: heading[1]!.length }, content: parseInline(heading[2]!.replace(/\n/g, ' ')) });
    } else if (lines.every((l) => /^- /.test(l))) {
      content.push({ type: 'bulletList', content: lines.map((l) => ({ type: 'listItem', content: [{ type: 'paragraph', content: parseInline(l.slice(2)) }] })) });
    } else if (lines.every((l) => /^\d+\. /.test(l))) {
      content.push({ type: 'orderedList', content: lines.map((l) => ({ type: 'listItem', content: [{ type: 'paragraph', content: parseInline(l.replace(/^\d+\. /, '')) }] })) });
    } else {
      content.push({ type: 'paragraph', content: parseInline(chunk) });
    }
  }
  return { type: 'doc', content };
}

function inlineMarkup(content: readonly TInline[] | undefined): string {
  return (content ?? []).map((n) => {
    if (n.type === 'hardBreak') return '\n';
    const link = n.marks?.find((m) => m.type === 'link');
    let text = n.text;
    if (n.marks?.some((m) => m.type === 'bold')) text = `**${text}**`;
    if (n.marks?.some((m) => m.type === 'italic')) text = `_${text}_`;
    if (link && link.type === 'link') text = `[${text}](${link.attrs.href})`;
    return text;
  }).join('');
}

export function richTextToMarkup(doc: TRichText): string {
  return doc.content.map((block) => {
    if (block.type === 'paragraph') return inlineMarkup(block.content);
    if (block.type === 'heading') return `${'#'.repeat(block.attrs.level)} ${inlineMarkup(block.content)}`;
    return block.content.map((item, i) => `${block.type === 'bulletList' ? '-' : `${i + 1}.`} ${item.content.map((p) => inlineMarkup(p.content)).join(' ')}`).join('\n');
  }).join('\n\n');
}
