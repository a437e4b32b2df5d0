import { describe, expect, it } from 'vitest';
import { minutesM2, noticeM6, presentationST39 } from './fixtures.js';
import { flatText, pdfText } from './pdf-text.js';
import { renderPdf } from './renderer.js';

describe('renderPdf', () => {
  it('renders the 2023 M6 notice as seed 000: agenda first, one page per case, Norwegian letters, page numbers', async () => {
    const pdf = await renderPdf('notice', noticeM6);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdfText(pdf).split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(5);
    const first = pages[0]!.replace(/\s+/g, ' ');
    expect(first).toContain('Agenda - 13. desember 2023');
    for (const c of noticeM6.cases) {
      expect(first).toContain(`${c.number} ${c.title}`);
      expect(first).toContain(c.presenters.join(', '));
    }
    expect(first).toContain('Samarbeidsrådet for ROR-IKT - 13.12.2023');
    expect(first).toContain('Side 1 av 5');
    const third = pages[3]!.replace(/\s+/g, ' ');
    expect(third).toContain('2023/M6-003 - Økonomi- og aktivitetsrapport');
    expect(third).toContain('Orientering');
    expect(third).toContain('Vedlegg');
    expect(third).toContain('2023.12.13 Aktivitetsrapport per 1.12.2023.pdf');
    expect(third).toContain('Side 4 av 5');
    expect(flatText(pdf)).toContain('Kristengård, Mette Kristin');
  });

  it('prints user text as text: Typst markup in a title cannot inject code', async () => {
    const evil = 'Budsjett #let x = 1 *fet* ] ) $x^2$ @ref "sitat" \'enkel\' <lbl> \\ `kode` _kursiv_ = Overskrift #pagebreak() æøå ÆØÅ';
    const pdf = await renderPdf('notice', { ...noticeM6, cases: [{ ...noticeM6.cases[0]!, title: evil, description: '#set text(red)\n\n= Ikke en overskrift' }] });
    const text = flatText(pdf);
    expect(text).toContain(evil.replace(/\s+/g, ' '));
    expect(text).toContain('#set text(red) = Ikke en overskrift');
    // #pagebreak() as text adds no page: agenda + one case page
    expect(pdfText(pdf).split('\f').filter((p) => p.trim())).toHaveLength(2);
  });

  it('writes PDF/A-2b for the archive', async () => {
    const pdf = await renderPdf('minutes', minutesM2, { archive: true });
    const raw = pdf.toString('latin1');
    expect(raw).toContain('pdfaid:part');
    expect(raw).toMatch(/pdfaid:part(>|=")2/);
    expect(raw).toMatch(/pdfaid:conformance(>|=")B/);
  });

  it('renders the minutes as seed 003 with the protocol tables of seed 001', async () => {
    const text = flatText(await renderPdf('minutes', minutesM2));
    for (const s of [
      'Dato 13.03.2024', 'Tid 08:15 - 11:00', 'Til stede', 'Forfall', 'Referent Gjørtz, Fred; Kristengård, Mette Kristin',
      'Skålhavn, Kristian Rauma kommune', 'Observatører som møtte', 'Fra administrasjonen møtte',
      '2024/M2-001 - Godkjenning av innkalling og saksliste', 'Enighet: Innkalling og saksliste godkjent',
      'Saksprotokoll i Samarbeidsrådet for ROR-IKT - 13.03.2024', 'Vedtak: Samarbeidsrådet godkjenner',
      'Votering: 2 for, 1 mot, 0 blanke', 'Behandling',
      '(Unntatt offentlighet, offl. § 13 første ledd, jf. fvl. § 13 første ledd nr. 2)',
    ]) expect(text).toContain(s);
    expect(text).toMatch(/Side 1 av \d/);
  });

  it('renders the saksframlegg as seed 001', async () => {
    const text = flatText(await renderPdf('presentation', presentationST39));
    for (const s of [
      'Arkiv: 033', 'Saksmappe: 2016/2947-0', 'Saksbehandler: Fred Gjørtz', 'Dato: 25.09.2018', 'Saksframlegg',
      'Endringer i saksbehandling ROR-IKT Servicedesk', 'Utvalgssaksnr Utvalg Møtedato', 'ST 39/18 Styret for ROR-IKT 03.10.2018',
      'Daglig leders forslag til vedtak', 'Saksopplysninger', 'regel kalt 3-2-1',
    ]) expect(text).toContain(s);
  });

  it('generates a realistic notice well under 200 ms once warm', async () => {
    const busy = { ...noticeM6, cases: Array.from({ length: 12 }, (_, i) => ({ ...noticeM6.cases[i % 4]!, number: `2023/M6-${String(i + 1).padStart(3, '0')}` })) };
    await renderPdf('notice', busy);
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await renderPdf('notice', { ...busy, version: i + 1 });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const median = times[5]!;
    console.log(`notice PDF, 12 cases / 13 pages: median ${median.toFixed(1)} ms, max ${times[9]!.toFixed(1)} ms`);
    expect(median).toBeLessThan(200);
  });
});
