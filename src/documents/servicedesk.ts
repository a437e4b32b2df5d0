// Print data for the service desk's section of the activity report (servicedesk-tables.typ): the KPI
// pack's figures as the strings the paper prints (Norwegian decimal comma, dates 06.11.2023, month
// names), composed here so the screen, the spreadsheet and the paper agree. serviceDeskKpiPdf renders
// the fragment as a paper of its own.
import type { TKpiPack } from '../modules/servicedesk/kpi/kpi.js';
import { formatDate, formatMonth, formatNumber } from '../lib/norwegian-format.js';
import { printChart, type TChartSpec } from './charts.js';
import { renderPdf } from './renderer.js';
import type { TPrintChart, TPrintIncident, TPrintRow, TServiceDeskDocument } from './types.js';

export type { TServiceDeskDocument } from './types.js';



const sumRow = (rows: { counts: number[] }[], months: number): TPrintRow => ({
  label: 'Sum', cells: Array.from({ length: months }, (_, i) => formatNumber(rows.reduce((s, r) => s + r.counts[i]!, 0))),
});

const chart = (spec: TChartSpec, size = { width: 640, height: 260 }): TPrintChart => printChart(spec, size);

/**
 * New cases per row label (category, municipality) as bars: one series per month while the months are
 * few enough to tell apart (a monthly report's two or three), else the period's total per label.
 */
function newCasesChart(title: string, rows: { label: string; counts: number[] }[], months: string[], horizontal = false): TPrintChart {
  const perMonth = months.length <= 3;
  const bars = rows.length * (perMonth ? months.length : 1);
  return chart({
    kind: 'bar', title, unit: 'saker', valueLabels: true, horizontal,
    categories: rows.map((r) => r.label),
    series: perMonth
      ? months.map((m, i) => ({ name: m, values: rows.map((r) => r.counts[i] ?? 0) }))
      : [{ name: `${months[0]}–${months[months.length - 1]}`, values: rows.map((r) => r.counts.reduce((a, b) => a + b, 0)) }],
  }, horizontal ? { width: 640, height: Math.max(160, 48 + bars * 14) } : undefined);
}

export function composeServiceDeskDocument(pack: TKpiPack, cooperationName: string): TServiceDeskDocument {
  const n = pack.months.length;
  const months = pack.months.map((m) => formatMonth(m));
  const end = pack.openAtEnd;
  const incident = (c: TKpiPack['criticalAndHigh'][number]): TPrintIncident => ({
    // A title the reader may not see is null in the pack: printed as a dash.
    date: formatDate(c.date), municipality: c.municipality, title: c.title ?? '–', sla: c.slaMet === null ? 'Åpen' : c.slaMet ? 'Ja' : 'Nei',
  });
  return {
    cooperationName,
    scope: pack.municipalityName ?? 'alle kommuner',
    periodText: `${formatMonth(pack.from)}–${formatMonth(pack.to)}`,
    months,
    byCategory: [...pack.newByCategory.map((r) => ({ label: r.label, cells: r.counts.map((x) => formatNumber(x)) })), sumRow(pack.newByCategory, n)],
    byMunicipality: [...pack.newByMunicipality.map((r) => ({ label: r.label, cells: r.counts.map((x) => formatNumber(x)) })), sumRow(pack.newByMunicipality, n)],
    trend: [
      { label: 'Nye saker', cells: pack.trend.map((t) => formatNumber(t.new)) },
      // The chart's «Lukkede saker»: done in the month, solved or closed, what leaves the open count.
      { label: 'Løst eller lukket', cells: pack.trend.map((t) => formatNumber(t.closed)) },
      // The two apart, as the papers report them: a case solved in one month may close in the next.
      { label: 'Løst i måneden', cells: pack.solvedAndClosed.map((r) => formatNumber(r.solved)) },
      { label: 'Lukket i måneden', cells: pack.solvedAndClosed.map((r) => formatNumber(r.closed)) },
      { label: 'Åpne saker', cells: pack.trend.map((t) => formatNumber(t.open)) },
      { label: 'herav feilmeldinger', cells: pack.trend.map((t) => formatNumber(t.openIncidents)) },
      { label: 'herav tjenesteforespørsler', cells: pack.trend.map((t) => formatNumber(t.openRequests)) },
    ],
    charts: {
      byCategory: newCasesChart('Nye feil og forespørsler fordelt på kategori', pack.newByCategory, months, true),
      byMunicipality: newCasesChart('Nye feil og forespørsler fordelt på kommune', pack.newByMunicipality, months),
      trend: chart({
        kind: 'bar', title: 'Nye, lukkede og åpne saker per måned', unit: 'saker', valueLabels: n <= 6, categories: months,
        series: [
          { name: 'Nye saker', values: pack.trend.map((t) => t.new) },
          { name: 'Lukkede saker', values: pack.trend.map((t) => t.closed) },
          { name: 'Åpne saker', values: pack.trend.map((t) => t.open) },
        ],
      }),
    },
    openText: `Ved utgangen av ${formatMonth(pack.to)} er ${formatNumber(end.incidents)} feilmeldinger og ${formatNumber(end.requests)} tjenesteforespørsler åpne, totalt ${formatNumber(end.total)} åpne saker.`,
    critical: pack.criticalAndHigh.filter((c) => c.priority === 'kritisk').map(incident),
    high: pack.criticalAndHigh.filter((c) => c.priority !== 'kritisk').map(incident),
    resolution: pack.resolution.map((r) => ({
      label: r.label, cells: [`${formatNumber(r.target, 0)} ${r.unit}`, ...r.months.map((m) => formatNumber(m.mean, 1))],
    })),
    sla: [
      { label: 'Innen SLA', cells: pack.slaAttainment.map((a) => (a.percent === null ? '–' : `${formatNumber(a.percent, 1)} %`)) },
      { label: 'Brukertilfredshet (1–5)', cells: pack.satisfaction.map((s) => formatNumber(s.average, 1)) },
    ],
    phone: [
      { label: 'Telefonsamtaler', cells: pack.phone.map((p) => formatNumber(p.offered)) },
      { label: 'Svar %', cells: pack.phone.map((p) => (p.answerRate === null ? '–' : `${formatNumber(p.answerRate, 0)} %`)) },
    ],
    phoneNote: phoneNoteOf(pack),
    years: pack.yearly.years.map(String),
    byType: pack.yearly.byType.map((t) => ({ label: t.label, cells: t.shares.map((s) => (s === null ? '–' : `${formatNumber(s, 0)} %`)) })),
    byChannel: pack.yearly.byChannel.map((c) => ({ label: c.label, cells: c.counts.map((x) => formatNumber(x)) })),
  };
}

/**
 * For a one-municipality pack with months whose calls the phone export did not attribute: those calls
 * are in no municipality's figures, which the paper says rather than print them as none.
 */
export function phoneNoteOf(pack: Pick<TKpiPack, 'municipalityName' | 'phoneUnattributed'>): string | null {
  if (!pack.municipalityName || !pack.phoneUnattributed.length) return null;
  const months = pack.phoneUnattributed.map((m) => formatMonth(m, { long: true }));
  const list = months.length === 1 ? months[0]! : `${months.slice(0, -1).join(', ')} og ${months.at(-1)}`;
  return `Telefontallene for ${list} er ikke fordelt på kommuner og er ikke med i tallene for ${pack.municipalityName}.`;
}

export function serviceDeskKpiPdf(pack: TKpiPack, cooperationName: string): Promise<Buffer> {
  return renderPdf('servicedesk', composeServiceDeskDocument(pack, cooperationName));
}
