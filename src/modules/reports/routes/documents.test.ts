// The report as PDF (Typst, in the render worker) and DOCX: the sections' numbers and headings in order,
// the letterhead and the header as seed 001 prints it, "Side N av M", charts as vector images; on approval the PDF/A archived
// with its SHA-256 and attached to the meeting's report case; the public version without the exempt
// section; a later data correction leaving the approved PDF as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { flatText, pdfStructure } from '../../../documents/pdf-text.js';
import { richTextFromMarkup } from '../../../lib/rich-text-markup.js';
import type { TReport, TReportSection } from '../model.js';
import { startReports } from '../test-factories.js';
import { json } from '../../../test/app.js';
import { systemActor } from '../../../server/context.js';
import { getCooperation, updateCooperation } from '../../org/cooperations.service.js';

let t: Awaited<ReturnType<typeof startReports>>;
beforeAll(async () => { t = await startReports(); });
afterAll(() => t.database.drop());

async function bytes(res: Response, status = 200) {
  expect(res.status, res.status === status ? '' : await res.clone().text()).toBe(status);
  return Buffer.from(await res.arrayBuffer());
}
const section = (r: TReport, number: string) => r.sections.find((s): s is TReportSection => 'narrative' in s && s.number === number)!;
const SECRET = 'Hemmelig avtale med leverandør X';

/** One part of a DOCX (a zip) as text; `word/document.xml` by default. */
function docxPart(docx: Buffer, part = 'word/document.xml'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'samrad-docx-'));
  writeFileSync(path.join(dir, 'r.docx'), docx);
  return execFileSync('unzip', ['-p', path.join(dir, 'r.docx'), part]).toString('utf8');
}
const docxText = (docx: Buffer) => docxPart(docx).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('report documents', () => {
  let report: TReport;

  it('sets a draft as PDF with the tree\'s numbers and headings in order, the header and page numbers', async () => {
    await json(await t.leader.put('/api/report-glossary', { terms: [{ term: 'AD', definition: 'Active Directory er Microsofts katalogtjeneste.' }] }), 200);
    report = await json<TReport>(await t.leader.post('/api/reports', { kind: 'aktivitetsrapport', asOf: '2023-12-01', meetingId: t.world.meeting.id }), 201);
    const s = section(report, '2.1.1');
    report = await json<TReport>(await t.desk.patch(`/api/report-sections/${s.id}`, {
      revision: s.revision, narrative: richTextFromMarkup('Vi har **rullert** 400 PC-er i høst.\n\n- Molde: 200\n- Aukra: 200'),
    }), 200);
    report = await json<TReport>(await t.desk.post(`/api/report-sections/${section(report, '2.1.5.1').id}/blocks`, { type: 'servicedesk.new-by-category', params: { months: 2 } }), 201);
    report = await json<TReport>(await t.leader.post(`/api/report-sections/${section(report, '3').id}/blocks`, { type: 'reports.glossary' }), 201);
    const teknisk = section(report, '2.4');
    report = await json<TReport>(await t.leader.patch(`/api/report-sections/${teknisk.id}`, {
      revision: teknisk.revision, access: 'unntatt', legalBasisId: t.world.legalBasisId, narrative: richTextFromMarkup(SECRET),
    }), 200);

    // The cooperation's letterhead, printed at the top of the title page as on the notice and the minutes.
    const coop = await getCooperation(t.database.db, t.world.cooperationId);
    await updateCooperation(t.database.db, systemActor, { id: coop.id, revision: coop.revision, address: 'Storgata 33\n6413 Molde', organisationNumber: '974760673' });

    const pdf = await bytes(await t.leader.get(`/api/reports/${report.id}/report.pdf`));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(flatText(pdf).slice(0, 200)).toMatch(/^\s*ROR-IKT Storgata 33 6413 Molde Org\.nr\. 974 760 673 ROR-IKT Aktivitetsrapport/);
    const structure = pdfStructure(pdf);
    expect(structure).toMatchObject({ tagged: true, lang: 'nb' });
    expect(structure.elements).toEqual(expect.arrayContaining(['Document', 'H1', 'H2', 'P']));
    const text = flatText(pdf);
    const headings = ['1 Økonomirapport', '1.1 Driftskostnader', '1.2 Investeringskostnader', '2 Aktiviteter', '2.1 Kundeservice',
      '2.1.1 Rullering av PC-er', '2.1.5 Support', '2.1.5.1 Nye feil og forespørsler fordelt på kategori', '2.4 Teknisk', '3 Definisjoner og begreper'];
    // After the contents page, each heading comes after the one before it.
    const body0 = text.slice(text.lastIndexOf('1 Økonomirapport', text.indexOf('Vi har rullert')));
    let at = 0;
    for (const h of headings) {
      const next = body0.indexOf(h, at);
      expect(next, `${h} after position ${at}`).toBeGreaterThanOrEqual(at);
      at = next + h.length;
    }
    expect(text).toContain('Innhold');
    expect(text).toMatch(/Tittel: Aktivitetsrapport Versjon: 1 Status: Utkast/);
    expect(text).toMatch(/Side 1 av \d+/);
    expect(text).toContain('Vi har rullert 400 PC-er i høst.');
    expect(text).toContain('Active Directory er Microsofts katalogtjeneste.');
    expect(text).toContain(SECRET);
    expect((await t.anon.get(`/api/reports/${report.id}/report.pdf`)).status).toBe(401);
    expect((await t.muni.get(`/api/reports/${report.id}/report.pdf`)).status).toBe(403);
    expect((await t.council.get(`/api/reports/${report.id}/report.pdf`)).status).toBe(404);
  });

  it('writes the same report as DOCX', async () => {
    const res = await t.leader.get(`/api/reports/${report.id}/report.docx`);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const docx = await bytes(res);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const text = docxText(docx);
    expect(text).toContain('2.1.5.1 Nye feil og forespørsler fordelt på kategori');
    expect(text).toContain('Vi har rullert 400 PC-er i høst.');
    expect(text).toContain('Figur: Feil og forespørsler per kategori');
    // The chart is one of Word's own, drawn from its figures, with the figures in words as its alt text.
    const chart = docxPart(docx, 'word/charts/chart1.xml');
    expect(chart).toContain('<c:barChart>');
    expect(chart).toContain('Feil og forespørsler per kategori');
    expect(chart).toMatch(/<c:ser>[\s\S]*<c:cat>[\s\S]*<c:val>/);
    expect(docxPart(docx)).toMatch(/<wp:docPr [^>]*descr="Feil og forespørsler per kategori \(saker\)\. [^"]+: [^"]+ \d+/);
  });

  it('archives the approved PDF/A, attaches it to the meeting\'s report case, and serves those bytes ever after', async () => {
    report = await json<TReport>(await t.leader.post(`/api/reports/${report.id}/approve`, { revision: report.revision }), 200);
    const meeting = await json(await t.leader.get(`/api/meetings/${t.world.meeting.id}`), 200);
    const reportCase = meeting.cases.find((c: any) => c.id === t.world.reportCase.id);
    expect(reportCase.attachments.map((a: any) => a.filename)).toEqual(['Aktivitetsrapport per 1.12.2023.pdf']);
    const attached = await bytes(await t.leader.get(`/api/attachments/${reportCase.attachments[0].id}`));
    // The case reaches the public with its meeting: the attached copy is the public version.
    expect(flatText(attached)).not.toContain(SECRET);
    expect(flatText(attached)).toMatch(/2\.4 Unntatt offentlighet Unntatt offentlighet, offl\. § 23/);

    const first = await t.council.get(`/api/reports/${report.id}/report.pdf`);
    const sha = first.headers.get('x-content-sha256');
    const archived = await bytes(first);
    expect(flatText(archived)).toContain(SECRET);
    expect(flatText(archived)).toMatch(/Status: Godkjent Godkjent dato: \d{2}\.\d{2}\.\d{4} Godkjent av: Fred Gjørtz/);
    expect(archived.toString('latin1')).toContain('pdfaid:part');

    // A later correction of the data changes neither the frozen blocks nor the archived PDF.
    await json(await t.leader.put('/api/report-glossary', { terms: [{ term: 'AD', definition: 'Rettet forklaring.' }] }), 200);
    const again = await t.council.get(`/api/reports/${report.id}/report.pdf`);
    expect(again.headers.get('x-content-sha256')).toBe(sha);
    const docx = docxText(await bytes(await t.council.get(`/api/reports/${report.id}/report.docx`)));
    expect(docx).toContain('Active Directory er Microsofts katalogtjeneste.');
    expect(docx).not.toContain('Rettet forklaring.');
    // Archiving again keeps what is archived and attaches nothing twice.
    const archive = await json(await t.leader.post(`/api/reports/${report.id}/archive`), 200);
    expect(archive).toMatchObject({ fullSha256: sha, attachedToCaseId: null });
  });

  it('gives the public the published version without the exempt section, in both formats', async () => {
    expect((await t.anon.get(`/api/public/reports/${report.id}/report.pdf`)).status).toBe(404);
    report = await json<TReport>(await t.leader.patch(`/api/reports/${report.id}`, { revision: report.revision, published: true }), 200);
    const pdf = flatText(await bytes(await t.anon.get(`/api/public/reports/${report.id}/report.pdf`)));
    expect(pdf).not.toContain(SECRET);
    expect(pdf).toContain('Offentlig versjon');
    expect(pdf).toContain('Vi har rullert 400 PC-er i høst.');
    const docx = docxText(await bytes(await t.anon.get(`/api/public/reports/${report.id}/report.docx`)));
    expect(docx).not.toContain(SECRET);
    expect(docx).toContain('2.4 Unntatt offentlighet');
  });
});
