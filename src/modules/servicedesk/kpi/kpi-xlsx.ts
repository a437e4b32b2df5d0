// The KPI pack as a spreadsheet: one sheet per table the activity report shows, months as columns and
// numbers kept as numbers, so the desk can chart or paste them as they always have.
import ExcelJS from 'exceljs';
import { PRIORITY_LABELS } from '../vocabulary.js';
import type { TKpiPack } from './kpi.js';
import { formatDate, formatMonth } from '../../../lib/norwegian-format.js';
import { phoneNoteOf } from '../../../documents/servicedesk.js';


function sheetWith(workbook: ExcelJS.Workbook, name: string, title: string, head: string[]) {
  const sheet = workbook.addWorksheet(name);
  sheet.addRow([title]).font = { bold: true, size: 12 };
  sheet.addRow(head).font = { bold: true };
  sheet.getColumn(1).width = 30;
  for (let c = 2; c <= head.length; c++) sheet.getColumn(c).width = 12;
  return sheet;
}

export async function kpiPackXlsx(pack: TKpiPack, cooperationName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'samrad';
  const months = pack.months.map((m) => formatMonth(m));
  const scope = pack.municipalityName ?? 'alle kommuner';
  const period = `${formatMonth(pack.from)}–${formatMonth(pack.to)}`;
  const counts = (name: string, title: string, rows: { label: string; counts: number[] }[]) => {
    const sheet = sheetWith(workbook, name, `${cooperationName}: ${title}, ${scope}, ${period}`, ['', ...months, 'Sum']);
    for (const r of rows) sheet.addRow([r.label, ...r.counts, r.counts.reduce((s, n) => s + n, 0)]);
    const totals = months.map((_, i) => rows.reduce((s, r) => s + r.counts[i]!, 0));
    sheet.addRow(['Sum', ...totals, totals.reduce((s, n) => s + n, 0)]).font = { bold: true };
  };
  counts('Kategori', 'Nye feil og forespørsler per kategori', pack.newByCategory);
  counts('Kommune', 'Nye feil og forespørsler per kommune', pack.newByMunicipality);

  const trend = sheetWith(workbook, 'Trend', `Nye, lukkede og åpne saker, ${scope}`,
    ['Måned', 'Nye', 'Løst eller lukket', 'Åpne ved månedsslutt', 'Åpne feilmeldinger', 'Åpne tjenesteforespørsler', 'Åpne andre', 'Løst', 'Lukket']);
  // Løst and Lukket apart last, so the columns the desk's sheets already point at stay where they were.
  pack.trend.forEach((t, i) => {
    const apart = pack.solvedAndClosed[i]!;
    trend.addRow([formatMonth(t.month), t.new, t.closed, t.open, t.openIncidents, t.openRequests, t.openOther, apart.solved, apart.closed]);
  });

  const critical = sheetWith(workbook, 'Kritisk og høy', `Hendelser med kritisk og høy prioritet, ${scope}`,
    ['Dato', 'Kommune', 'Tittel', 'Prioritet', 'Sak', 'Innen SLA']);
  critical.getColumn(3).width = 50;
  for (const c of pack.criticalAndHigh) {
    // Number and title are null for a ticket the reader may not see: a dash and an empty cell.
    critical.addRow([formatDate(c.date), c.municipality, c.title ?? '–', PRIORITY_LABELS[c.priority], c.number, c.slaMet === null ? 'Åpen' : c.slaMet ? 'Ja' : 'Nei']);
  }

  const resolution = sheetWith(workbook, 'Løsningstid', 'Gjennomsnittlig (og median) løsningstid på innmeldte feil per prioritet',
    ['Prioritet', 'SLA', ...pack.months.flatMap((m) => [`${formatMonth(m)} snitt`, `${formatMonth(m)} median`])]);
  for (const r of pack.resolution) {
    resolution.addRow([r.label, `${String(r.target).replace('.', ',')} ${r.unit}`, ...r.months.flatMap((m) => [m.mean, m.median])]);
  }
  for (let c = 3; c <= 2 + pack.months.length * 2; c++) resolution.getColumn(c).numFmt = '0.0';

  const sla = sheetWith(workbook, 'SLA og tilfredshet', 'SLA-oppnåelse for feilmeldinger og brukertilfredshet',
    ['Måned', 'Løste feilmeldinger målt', 'Innen SLA', 'SLA %', 'Svar på undersøkelse', 'Snitt (1–5)']);
  pack.slaAttainment.forEach((a, i) => {
    const s = pack.satisfaction[i]!;
    sla.addRow([formatMonth(a.month), a.measured, a.met, a.percent, s.answers, s.average]);
  });
  sla.addRow(['Hele perioden', pack.slaAttainmentTotal.measured, pack.slaAttainmentTotal.met, pack.slaAttainmentTotal.percent,
    pack.satisfactionTotal.answers, pack.satisfactionTotal.average]).font = { bold: true };

  const phone = sheetWith(workbook, 'Telefon', `Henvendelser per telefon, ${pack.municipalityName ?? 'hele kundeservice'}`,
    ['Måned', 'Anrop', 'Besvart', 'Svar %', 'Snitt ventetid (s)', 'Snitt samtaletid (s)']);
  for (const p of pack.phone) phone.addRow([formatMonth(p.month), p.offered, p.answered, p.answerRate, p.meanWaitSeconds, p.meanTalkSeconds]);
  const phoneNote = phoneNoteOf(pack);
  if (phoneNote) phone.addRow([phoneNote]).font = { italic: true };

  const years = pack.yearly.years.map(String);
  const yearly = sheetWith(workbook, 'År', `Saker per år, ${scope}`, ['', ...years]);
  yearly.addRow(['Type (andel %)']).font = { italic: true };
  for (const t of pack.yearly.byType) yearly.addRow([t.label, ...t.shares]);
  yearly.addRow(['Kategori']).font = { italic: true };
  for (const c of pack.yearly.byCategory) yearly.addRow([c.category, ...c.counts]);
  yearly.addRow(['Kanal']).font = { italic: true };
  for (const c of pack.yearly.byChannel) yearly.addRow([c.label, ...c.counts]);
  yearly.addRow([]);
  yearly.addRow(['Kritiske og høye hendelser per måned', 'Kritisk', 'Høy']).font = { bold: true };
  for (const m of pack.yearly.criticalHighPerMonth) yearly.addRow([formatMonth(m.month), m.kritisk, m.hoy]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
