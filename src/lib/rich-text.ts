// Structured rich text: the narrative of a report section, stored as a JSON document and never as
// HTML. The shape is a flat subset of Tiptap/ProseMirror's JSON (doc → paragraph, heading, bullet and
// ordered lists of paragraphs; text with bold, italic and link marks; hard breaks), so an editor built on
// Tiptap can load and save it unchanged. Lists do not nest: one level is what the papers use, and a
// flat shape keeps the API document free of recursive schemas. Each format (web, Typst, DOCX) walks the
// nodes itself and places text as text, so a user's text can never become markup.
// The schema; the plain-text and markup functions are in rich-text-markup.ts (zod-free, for the web).
import { z } from '@hono/zod-openapi';

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

/**
 * An image uploaded to the report (POST /api/reports/{id}/images): `src` is the image's id, `alt` the
 * text a screen reader reads and the PDF's alternative text. The server checks the id on every save.
 */
export const ZImageBlock = z.object({
  type: z.literal('image'),
  attrs: z.object({
    src: z.string().uuid('Ukjent bilde'),
    alt: z.string().trim().min(1, 'Bildet må ha en alternativ tekst').max(500, 'Høyst 500 tegn alternativ tekst'),
  }),
}).openapi('RichTextImage');

export const ZRichBlock = z.discriminatedUnion('type', [ZParagraph, ZHeading, ZList('bulletList'), ZList('orderedList'), ZImageBlock]).openapi('RichTextBlock');

export const ZRichText = z.object({
  type: z.literal('doc'),
  content: z.array(ZRichBlock).max(2_000),
}).openapi('RichText');

export type TTextMark = z.infer<typeof ZTextMark>;
export type TInline = z.infer<typeof ZInline>;
export type TParagraph = z.infer<typeof ZParagraph>;
export type TRichBlock = z.infer<typeof ZRichBlock>;
export type TImageBlock = z.infer<typeof ZImageBlock>;
export type TRichText = z.infer<typeof ZRichText>;

