// The rich-text document's words: plain text per block (for changes since the previous report) and a
// light markup to write it in a plain text area. Pure and free of zod (types only), so the web imports it
// without the server's schema library; the schema is in rich-text.ts.
import type { TInline, TRichBlock, TRichText } from './rich-text.js';

export const emptyRichText = (): TRichText => ({ type: 'doc', content: [] });

/** The text of inline nodes, a hard break as a newline. */
export function inlineText(content: readonly TInline[] | undefined): string {
  return (content ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('');
}

/** Each top-level block as one line of plain text (a list's items joined by newlines, with their markers). */
export function blockTexts(doc: TRichText): string[] {
  return doc.content.map((block) => {
    if (block.type === 'paragraph' || block.type === 'heading') return inlineText(block.content);
    if (block.type === 'image') return `[${block.attrs.alt}]`;
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
// [text](https://…) inside a line; a block that is only ![alternative text](image id) is an image
// uploaded to the report. It is a way to write the document, not a second storage format.

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
    const image = /^!\[([^\]\n]*)\]\(([0-9a-fA-F-]{36})\)$/.exec(chunk);
    const lines = chunk.split('\n');
    if (image) {
      content.push({ type: 'image', attrs: { src: image[2]!.toLowerCase(), alt: image[1]!.trim() } });
    } else if (heading) {
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
    if (block.type === 'image') return `![${block.attrs.alt}](${block.attrs.src})`;
    return block.content.map((item, i) => `${block.type === 'bulletList' ? '-' : `${i + 1}.`} ${item.content.map((p) => inlineMarkup(p.content)).join(' ')}`).join('\n');
  }).join('\n\n');
}
