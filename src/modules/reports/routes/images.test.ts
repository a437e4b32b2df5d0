// Images in a report's narrative over HTTP: uploaded through the uploads module (its cap, 413; the type
// from the bytes, PNG or JPEG only, 415), by the leader or a section's owner of an open report; named in
// a narrative by id (400 for one that is not the cooperation's); read by whoever may read a section that
// uses it (404 otherwise); printed in the PDF and the DOCX with its alternative text.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../server/context.js';
import { buildClients, createTestApp, json } from '../../../test/app.js';
import { imageForm, pdfImages, png } from '../../../test/images.js';
import { SAMPLE_FILES } from '../../governance/test-factories.js';
import { createUser } from '../../org/users.service.js';
import type { TReport, TReportSection } from '../model.js';
import { REPORT_ACCOUNTS, REPORT_PASSWORD, startReports } from '../test-factories.js';

let t: Awaited<ReturnType<typeof startReports>>;
const NONE = '00000000-0000-4000-8000-000000000000';

const form = (name: string, bytes: Buffer, type = 'image/png') => imageForm(name, bytes, type);
const section = (r: TReport, number: string) => r.sections.find((s): s is TReportSection => 'narrative' in s && s.number === number)!;
const imageDoc = (src: string, alt = 'Kart over dekningen i Molde') => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Dekningen:' }] }, { type: 'image', attrs: { src, alt } }] });

function docxText(docx: Buffer, part = 'word/document.xml'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samrad-docx-'));
  writeFileSync(path.join(dir, 'r.docx'), docx);
  return execFileSync('unzip', ['-p', path.join(dir, 'r.docx'), part]).toString('utf8');
}

beforeAll(async () => {
  t = await startReports();
  await createUser(t.database.db, systemActor, { email: 'annen@example.no', name: 'Annen Ansatt', role: 'staff', password: REPORT_PASSWORD });
});
afterAll(() => t.database.drop());

describe('images in the narrative', () => {
  let report: TReport;
  let imageId = '';

  it('are uploaded by the leader or an owner of an open report: 401/400/403/404/413/415', async () => {
    report = await json<TReport>(await t.leader.post('/api/reports', { kind: 'aktivitetsrapport', asOf: '2023-12-01' }), 201);
    const url = `/api/reports/${report.id}/images`;
    expect((await t.anon.post(url, form('kart.png', png(40, 20)))).status).toBe(401);
    expect((await t.council.post(url, form('kart.png', png(40, 20)))).status).toBe(403);
    expect((await t.muni.post(url, form('kart.png', png(40, 20)))).status).toBe(403);
    const other = await buildClients(t.app, { other: 'annen@example.no' }, REPORT_PASSWORD);
    expect((await json(await other.other.post(url, form('kart.png', png(40, 20))), 403)).error.message).toMatch(/seksjonenes eiere/);
    expect((await t.leader.post(`/api/reports/${NONE}/images`, form('kart.png', png(40, 20)))).status).toBe(404);
    const empty = new FormData();
    empty.set('note', 'x');
    expect((await t.leader.post(url, empty)).status).toBe(400);
    // Hostile: a PDF named .png, a PDF named .pdf, text named .jpg. The type is read from the bytes.
    const pdf = SAMPLE_FILES.pdf;
    expect((await t.desk.post(url, form('kart.png', pdf))).status).toBe(415);
    expect((await json(await t.desk.post(url, form('notat.pdf', pdf, 'application/pdf')), 415)).error.message).toBe('Bare PNG- og JPEG-bilder kan settes inn i en rapport');
    expect((await t.desk.post(url, form('bilde.jpg', Buffer.from('<script>alert(1)</script>'), 'image/jpeg'))).status).toBe(415);

    const created = await json<{ id: string; contentType: string; size: number }>(await t.desk.post(url, form('kart.png', png(40, 20))), 201);
    expect(created).toMatchObject({ contentType: 'image/png', size: png(40, 20).length });
    imageId = created.id;
  });

  it('refuses an image over the papers\' cap with 413', async () => {
    const small = createTestApp(t.database.db, { MAX_MEETING_ATTACHMENT_BYTES: '2048' }, t.files);
    const { leader } = await buildClients(small, { leader: REPORT_ACCOUNTS.leader }, REPORT_PASSWORD);
    const res = await leader.post(`/api/reports/${report.id}/images`, form('stort.png', Buffer.concat([png(40, 20), Buffer.alloc(4096)])));
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/bilder i en rapport/);
  });

  it('are named in a narrative by id, and an unknown one is 400', async () => {
    const s = section(report, '2.1');
    const bad = await json(await t.desk.patch(`/api/report-sections/${s.id}`, { revision: s.revision, narrative: imageDoc(NONE) }), 400);
    expect(bad.error.fields[0].path).toBe('narrative.content.1.attrs.src');
    const noAlt = await json(await t.desk.patch(`/api/report-sections/${s.id}`, { revision: s.revision, narrative: imageDoc(imageId, ' ') }), 400);
    expect(noAlt.error.fields[0].path).toMatch(/^narrative\.content\.1\.attrs\.alt/);
    report = await json<TReport>(await t.desk.patch(`/api/report-sections/${s.id}`, { revision: s.revision, narrative: imageDoc(imageId) }), 200);
    expect(section(report, '2.1').narrative.content[1]).toEqual({ type: 'image', attrs: { src: imageId, alt: 'Kart over dekningen i Molde' } });
  });

  it('are read by staff, and by others only where a section they may read uses them', async () => {
    const res = await t.drift.get(`/api/report-images/${imageId}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(png(40, 20))).toBe(true);
    expect((await t.leader.get(`/api/report-images/${NONE}`)).status).toBe(404);
    // A draft: neither the council nor the public reads it.
    expect((await t.council.get(`/api/report-images/${imageId}`)).status).toBe(404);
    expect((await t.anon.get(`/api/report-images/${imageId}`)).status).toBe(404);
  });

  it('are printed in the PDF and the DOCX, and the approved report keeps them for its readers', async () => {
    const pdf = await t.leader.get(`/api/reports/${report.id}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdfImages(Buffer.from(await pdf.arrayBuffer()))).toMatch(/\s40\s+20\s/);
    const docx = Buffer.from(await (await t.leader.get(`/api/reports/${report.id}/report.docx`)).arrayBuffer());
    expect(docxText(docx)).toContain('descr="Kart over dekningen i Molde"');
    expect(docxText(docx, 'word/_rels/document.xml.rels')).toMatch(/media\/[^"]+\.png/);

    report = await json<TReport>(await t.leader.post(`/api/reports/${report.id}/submit`, { revision: report.revision }), 200);
    report = await json<TReport>(await t.leader.post(`/api/reports/${report.id}/approve`, { revision: report.revision }), 200);
    expect((await t.desk.post(`/api/reports/${report.id}/images`, form('sent.png', png(4, 4)))).status).toBe(409);
    expect((await t.council.get(`/api/report-images/${imageId}`)).status).toBe(200);
    expect((await t.anon.get(`/api/report-images/${imageId}`)).status).toBe(404);
    await json(await t.leader.patch(`/api/reports/${report.id}`, { revision: report.revision, published: true }), 200);
    const pub = await t.anon.get(`/api/report-images/${imageId}`);
    expect(pub.status).toBe(200);
    expect(pub.headers.get('cache-control')).toBe('public, no-cache');
    const archived = await t.council.get(`/api/reports/${report.id}/report.pdf`);
    expect(pdfImages(Buffer.from(await archived.arrayBuffer()))).toMatch(/\s40\s+20\s/);
  });
});

describe('an image in a section exempt from public access', () => {
  it('never reaches the public: not its bytes, nor the page\'s JSON, the PDF or the DOCX; the council reads it', async () => {
    // Carried forward from the report above: 2.1 keeps naming its public image (40×20).
    let report = await json<TReport>(await t.leader.post('/api/reports', { kind: 'aktivitetsrapport', asOf: '2024-03-01' }), 201);
    const secret = await json<{ id: string }>(await t.leader.post(`/api/reports/${report.id}/images`, form('avtale.png', png(33, 17))), 201);
    const alt = 'Skjermbilde av den hemmelige avtalen';
    const s = section(report, '2.4');
    report = await json<TReport>(await t.leader.patch(`/api/report-sections/${s.id}`, {
      revision: s.revision, access: 'unntatt', legalBasisId: t.world.legalBasisId, narrative: imageDoc(secret.id, alt),
    }), 200);
    report = await json<TReport>(await t.leader.post(`/api/reports/${report.id}/submit`, { revision: report.revision }), 200);
    report = await json<TReport>(await t.leader.post(`/api/reports/${report.id}/approve`, { revision: report.revision }), 200);
    report = await json<TReport>(await t.leader.patch(`/api/reports/${report.id}`, { revision: report.revision, published: true }), 200);

    // The council reads the exempt section, its image and the full PDF with it.
    expect((await t.council.get(`/api/report-images/${secret.id}`)).status).toBe(200);
    expect(pdfImages(Buffer.from(await (await t.council.get(`/api/reports/${report.id}/report.pdf`)).arrayBuffer()))).toMatch(/\s33\s+17\s/);

    // The public: the image is 404; the page's JSON, the blocks' data, the PDF and the DOCX hold neither it nor its alt text.
    expect((await t.anon.get(`/api/report-images/${secret.id}`)).status).toBe(404);
    for (const url of [`/api/public/reports/${report.id}`, `/api/public/reports/${report.id}/data`, '/api/public/reports']) {
      const body = await (await t.anon.get(url)).text();
      expect(body, url).not.toContain(secret.id);
      expect(body, url).not.toContain(alt);
    }
    const page = await json<TReport>(await t.anon.get(`/api/public/reports/${report.id}`), 200);
    expect(page.sections.find((x) => x.number === '2.4')).toEqual(expect.objectContaining({ access: 'unntatt', legalBasis: expect.stringMatching(/offl/) }));
    const pdf = Buffer.from(await (await t.anon.get(`/api/public/reports/${report.id}/report.pdf`)).arrayBuffer());
    const listed = pdfImages(pdf);
    expect(listed).toMatch(/\s40\s+20\s/);
    expect(listed).not.toMatch(/\s33\s+17\s/);
    const docx = Buffer.from(await (await t.anon.get(`/api/public/reports/${report.id}/report.docx`)).arrayBuffer());
    expect(docxText(docx)).not.toContain(alt);
    expect(docxText(docx)).toContain('descr="Kart over dekningen i Molde"');
    expect(docxText(docx, 'word/_rels/document.xml.rels').match(/media\/[^"]+\.png/g)).toHaveLength(1);
  });
});
