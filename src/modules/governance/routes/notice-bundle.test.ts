// GET /api/meetings/{id}/notice-bundle.pdf: the notice followed by its PDF attachments in agenda order,
// with bookmarks; the public's bundle never holds an exempt case's attachment; files that are not PDFs or
// cannot be read are listed in the notice as left out, and never break the answer. Like the notice, the
// route is open to everyone (the public reads published papers), so there is no 401 or 403: a reader
// who may not see a meeting gets 404, and a reader who may not see a case gets the bundle without it.
import { and, eq } from 'drizzle-orm';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outlineTitles } from '../../../documents/bundle.js';
import { flatText, pdfStructure } from '../../../documents/pdf-text.js';
import type { TestClient } from '../../../test/app.js';
import type { TestDatabase } from '../../../test/db.js';
import { auditLog } from '../../audit/schema.js';
import { attachments } from '../schema.js';
import { SECRET, startCycle, type TCycle } from './cycle-fixture.js';

let database: TestDatabase;
let cycle: TCycle;
let anon: TestClient, staff: TestClient, council: TestClient, muni: TestClient;

/** A PDF of `pages` pages, each saying `text` and its page number, so pdftotext can find it. */
async function makePdf(text: string, pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([595, 842]).drawText(`${text} side ${i}`, { x: 60, y: 760, size: 14, font });
  return doc.save();
}

const REPORT_TEXT = 'Aktivitetsrapport ROR-IKT';
const SECRET_TEXT = 'Hemmelig tilbudstekst';
const bundle = (meetingId: string) => `/api/meetings/${meetingId}/notice-bundle.pdf`;
const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());
const pageCount = async (pdf: Uint8Array) => (await PDFDocument.load(pdf)).getPageCount();

beforeAll(async () => {
  const started = await startCycle();
  ({ database, cycle, anon, staff, council, muni } = started);
  const { files } = started;
  const report = await files.put(await makePdf(REPORT_TEXT, 2));
  const secret = await files.put(await makePdf(SECRET_TEXT, 3));
  const sheet = await files.put(Buffer.from('konto;beløp\n1000;42\n'));
  // Says it is a PDF, is not one: a hostile or damaged upload that got past nobody's check.
  const broken = await files.put(Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\ntrailer << /Root 1 0 R >>\n%%EOF garbage'));
  const { c3, c4 } = cycle.cases;
  await database.db.update(attachments).set({ sha256: report.sha256, size: report.size }).where(eq(attachments.caseId, c3.id));
  await database.db.update(attachments).set({ sha256: secret.sha256, size: secret.size }).where(eq(attachments.caseId, c4.id));
  await database.db.insert(attachments).values([
    { caseId: c3.id, filename: 'Budsjett.csv', contentType: 'text/csv', size: sheet.size, sha256: sheet.sha256 },
    { caseId: c3.id, filename: 'Skadet.pdf', contentType: 'application/pdf', size: broken.size, sha256: broken.sha256 },
  ]);
  const sent = await staff.post(`/api/meetings/${cycle.m6.id}/notice`);
  expect(sent.status).toBe(201);
}, 120_000);
afterAll(() => database.drop());

describe('the notice bundled with its attachments', () => {
  it('gives the public the notice and the public attachments, with bookmarks in agenda order', async () => {
    const res = await anon.get(bundle(cycle.m6.id));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('public, no-cache');
    const pdf = await bytesOf(res);
    const notice = await bytesOf(await anon.get(`/api/meetings/${cycle.m6.id}/notice.pdf`));
    expect(await pageCount(pdf)).toBe(await pageCount(notice) + 2);

    const titles = await outlineTitles(pdf);
    expect(titles[0]).toBe('Innkalling 2023/M6');
    // The notice's own bookmarks (its headings) stay, one level down.
    expect(titles.slice(1).some((t) => t.startsWith('  '))).toBe(true);
    expect(titles.filter((t) => /^Sak |^ {2}Vedlegg:/.test(t))).toEqual([
      'Sak 2023/M6-003 Økonomi- og aktivitetsrapport',
      '  Vedlegg: Aktivitetsrapport per 1.12.2023.pdf',
    ]);

    const text = flatText(pdf);
    expect(text).toContain(`${REPORT_TEXT} side 1`);
    expect(text).toContain(`${REPORT_TEXT} side 2`);
    expect(text).not.toContain(SECRET_TEXT);
    expect(text).not.toContain(SECRET.title);
    expect(text).not.toContain('Hemmelig Leverandør');
    // What could not be placed is named in the notice, with the reason.
    expect(text).toContain('Budsjett.csv (ikke med i denne PDF-en: ikke en PDF-fil)');
    expect(text).toContain('Skadet.pdf (ikke med i denne PDF-en: filen kan ikke leses som PDF)');
    expect(text.indexOf('Innkalling til møte')).toBeLessThan(text.indexOf(`${REPORT_TEXT} side 1`));
  }, 120_000);

  it('keeps the notice tagged with its language, and says the tags do not cover every page', async () => {
    const pdf = await bytesOf(await anon.get(bundle(cycle.m6.id)));
    const structure = pdfStructure(pdf);
    expect(structure.tagged).toBe(true);
    expect(structure.lang).toBe('nb');
    expect(structure.elements).toContain('H1');
    expect(pdf.toString('latin1')).toMatch(/\/Suspects true/);
    expect((await PDFDocument.load(pdf)).getTitle()).toBe('Innkalling 2023/M6 med vedlegg');
  }, 60_000);

  it('gives a municipality user the same public bundle', async () => {
    const res = await muni.get(bundle(cycle.m6.id));
    expect(res.status).toBe(200);
    const pdf = await bytesOf(res);
    expect(flatText(pdf)).not.toContain(SECRET_TEXT);
    expect(await outlineTitles(pdf)).not.toContainEqual(`  Vedlegg: ${SECRET.attachment}`);
  }, 60_000);

  it('gives staff and the council the full bundle with the exempt attachment, and audits the read', async () => {
    for (const client of [staff, council]) {
      const res = await client.get(bundle(cycle.m6.id));
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const pdf = await bytesOf(res);
      const notice = await bytesOf(await client.get(`/api/meetings/${cycle.m6.id}/notice.pdf`));
      expect(await pageCount(pdf)).toBe(await pageCount(notice) + 2 + 3);
      expect((await outlineTitles(pdf)).filter((t) => /^Sak |^ {2}Vedlegg:/.test(t))).toEqual([
        'Sak 2023/M6-003 Økonomi- og aktivitetsrapport',
        '  Vedlegg: Aktivitetsrapport per 1.12.2023.pdf',
        `Sak 2023/M6-004 ${SECRET.title}`,
        `  Vedlegg: ${SECRET.attachment}`,
      ]);
      expect(flatText(pdf)).toContain(`${SECRET_TEXT} side 3`);
    }
    const reads = await database.db.select().from(auditLog)
      .where(and(eq(auditLog.action, 'read_exempt'), eq(auditLog.entityId, cycle.m6.id)));
    expect(reads.some((r) => (r.after as { read?: string } | null)?.read === 'notice-bundle.pdf')).toBe(true);
  }, 120_000);

  it('answers 404 for an unknown meeting, and for an unpublished one to the public', async () => {
    expect((await anon.get(bundle('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await staff.get(bundle('00000000-0000-4000-8000-000000000000'))).status).toBe(404);
    expect((await anon.get(bundle(cycle.m2.id))).status).toBe(404);
    expect((await muni.get(bundle(cycle.m2.id))).status).toBe(404);
    // Staff read the draft notice of a meeting with no attachments: the notice alone, still bookmarked.
    const draft = await staff.get(bundle(cycle.m2.id));
    expect(draft.status).toBe(200);
    expect((await outlineTitles(await bytesOf(draft)))[0]).toBe('Innkalling 2024/M2');
  }, 60_000);

  it('answers 400 for an id that is not one', async () => {
    expect((await anon.get(bundle('not-an-id'))).status).toBe(400);
  });
});
