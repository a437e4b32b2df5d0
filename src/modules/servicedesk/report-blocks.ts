// The service desk's data blocks for the reports (seed 000, 2.1.5 Support; the annual report's year):
// new tickets by category and by municipality (charts with their tables), open tickets per month by
// type, the mean resolution time per priority against its target, the critical and high incidents,
// solved and closed counted apart, tickets by channel per year and the phone queue, over the months
// before the report's date, all from the KPI pack (kpi/kpi.service.ts), so a block and the desk's own
// KPI page print the same figures.
import { z } from '@hono/zod-openapi';
import { phoneNoteOf } from '../../documents/servicedesk.js';
import { formatDate, formatMonth, formatNumber } from '../../lib/norwegian-format.js';
import { enteredNote, registerReportBlock, sourceOf, type TBlockContext, type TBlockData } from '../reports/blocks/registry.js';
import { kpiPackReader } from './kpi/kpi.service.js';
import { monthsBetween, type TKpiPack } from './kpi/kpi.js';
import { municipalityNames } from '../org/municipalities.service.js';
import { phoneRowsOf, readPhoneMonths } from './phone/phone-stats.service.js';
import { CHANNEL_LABELS, CHANNELS, PRIORITY_LABELS, TICKET_TYPE_LABELS, TICKET_TYPES } from './vocabulary.js';
import { yearOf } from '../../lib/date-schemas.js';

const ZDeskBlockParams = z.object({
  /** How many months, ending with the month before the report's date (a report per 1.12 shows up to November). */
  months: z.number().int().min(1, 'Minst 1 måned').max(12, 'Høyst 12 måneder').default(4),
});
type TDeskBlockParams = z.infer<typeof ZDeskBlockParams>;

/**
 * The months a block covers: `months` months ending with the last whole month on the report's date, the
 * month before it (a report per 1.12 shows up to November), or its own month when the date is that
 * month's last day (an annual report per 31.12 includes December).
 */
export function blockMonths(asOf: string, months: number): { from: string; to: string } {
  const next = new Date(`${asOf}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  let to = next.toISOString().slice(0, 7);
  const [y, m] = to.split('-').map(Number) as [number, number];
  to = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  let from = to;
  for (let i = 1; i < months; i++) {
    const [fy, fm] = from.split('-').map(Number) as [number, number];
    from = fm === 1 ? `${fy - 1}-12` : `${fy}-${String(fm - 1).padStart(2, '0')}`;
  }
  return { from, to };
}

/**
 * The pack of `months` months (or from `from`) up to the report's last month. Every block of a report ends
 * with the same month: the aggregates are read once per load, from the January two years before (the
 * three-year blocks' start, and before any `months` start), and each period is cut from that read.
 */
async function periodPack(ctx: TBlockContext, from: string, to: string): Promise<TKpiPack> {
  const read = await ctx.shared(`servicedesk.kpi-read:${to}`, () => kpiPackReader(ctx.db, {
    cooperationId: ctx.cooperationId, municipalityId: null, municipalityName: null, from: `${yearOf(to) - 2}-01`, to,
  }));
  return ctx.shared(`servicedesk.kpi:${from}:${to}`, () => read(from));
}

function pack(ctx: TBlockContext, params: TDeskBlockParams): Promise<TKpiPack> {
  const { from, to } = blockMonths(ctx.asOf, params.months);
  return periodPack(ctx, from, to);
}

const monthNames = (p: Pick<TKpiPack, 'months'>) => p.months.map((m) => formatMonth(m, { long: true }));

function countsBlock(p: TKpiPack, asOf: string, title: string, first: string, rows: { label: string; counts: number[] }[]): TBlockData {
  const months = monthNames(p);
  const sums = p.months.map((_, i) => rows.reduce((s, r) => s + (r.counts[i] ?? 0), 0));
  return {
    title, asOf,
    tables: [{
      caption: title, unit: 'antall saker',
      columns: [{ label: first, align: 'left' }, ...months.map((label) => ({ label, align: 'right' as const }))],
      rows: [...rows.map((r) => ({ cells: [r.label, ...r.counts.map((n) => formatNumber(n))] })), { cells: ['Sum', ...sums.map((n) => formatNumber(n))], sum: true }],
    }],
    // As the paper draws it: one group of bars per category or municipality, one bar per month.
    charts: [{
      kind: 'bar', title, unit: 'saker', categories: rows.map((r) => r.label),
      series: months.map((name, i) => ({ name, values: rows.map((r) => r.counts[i] ?? 0) })),
    }],
    notes: [`Nye saker ${formatMonth(p.from, { long: true })}–${formatMonth(p.to, { long: true })}: ${formatNumber(sums.reduce((a, b) => a + b, 0))}.`],
    source: 'live',
  };
}

const ZOpenParams = ZDeskBlockParams.extend({
  /** `alle`: new, closed and open as seed 000 2.1.5.5; a type: that type's open tickets (2.1.5.3, 2.1.5.4). */
  type: z.enum(['alle', 'feilmelding', 'tjenesteforesporsel']).default('alle'),
});

const ZIncidentParams = ZDeskBlockParams.extend({
  /** Which priorities to list: the papers list the critical ones and, some months, the high ones too. */
  priorities: z.array(z.enum(['kritisk', 'hoy'])).min(1, 'Minst én prioritet').default(['kritisk', 'hoy']),
});

const ZYearParams = z.object({});

const ZPhoneParams = ZDeskBlockParams.extend({
  /** One municipality's calls (when the phone export names municipalities); omitted: the whole queue. */
  municipality: z.string().uuid('Ugyldig kommune-id').optional(),
});

/**
 * The phone figures of one municipality over the block's months, in the pack's shape (only the fields
 * the phone block reads); null when the municipality no longer exists.
 */
async function municipalityPhone(ctx: TBlockContext, params: TDeskBlockParams, municipalityId: string) {
  const name = (await municipalityNames(ctx.db, [municipalityId])).get(municipalityId);
  if (name === undefined) return null;
  const { from, to } = blockMonths(ctx.asOf, params.months);
  const read = await readPhoneMonths(ctx.db, { cooperationId: ctx.cooperationId, municipalityId, from, to });
  const months = monthsBetween(from, to);
  return { months, municipalityName: name, phone: phoneRowsOf(months, read.months), phoneUnattributed: read.unattributed };
}

function openBlock(p: TKpiPack, asOf: string, type: 'alle' | 'feilmelding' | 'tjenesteforesporsel'): TBlockData {
  const months = monthNames(p);
  if (type === 'alle') {
    const title = 'Feilmeldinger og tjenesteforespørsler samlet';
    return {
      title, asOf,
      tables: [{
        caption: title, unit: 'antall saker',
        columns: [{ label: 'Måned', align: 'left' }, ...['Nye saker', 'Lukkede saker', 'Åpne feilmeldinger', 'Åpne forespørsler', 'Åpne andre', 'Åpne saker'].map((label) => ({ label, align: 'right' as const }))],
        rows: p.trend.map((t, i) => ({ cells: [months[i]!, ...[t.new, t.closed, t.openIncidents, t.openRequests, t.openOther, t.open].map((n) => formatNumber(n))] })),
      }],
      charts: [{
        kind: 'bar', title, unit: 'saker', categories: months,
        series: [{ name: 'Nye saker', values: p.trend.map((t) => t.new) }, { name: 'Lukkede saker', values: p.trend.map((t) => t.closed) }, { name: 'Åpne saker', values: p.trend.map((t) => t.open) }],
      }],
      notes: [`Åpne saker ved utgangen av ${formatMonth(p.to, { long: true })}: ${formatNumber(p.openAtEnd.total)}.`],
      source: 'live',
    };
  }
  const incidents = type === 'feilmelding';
  const title = incidents ? 'Feilmeldinger' : 'Tjenesteforespørsler';
  const open = p.trend.map((t) => (incidents ? t.openIncidents : t.openRequests));
  const created = p.newByType.find((r) => r.type === type)!.counts;
  return {
    title, asOf,
    tables: [{
      caption: `${title} per måned`, unit: 'antall saker',
      columns: [{ label: 'Måned', align: 'left' }, { label: 'Nye', align: 'right' }, { label: 'Åpne ved månedens slutt', align: 'right' }],
      rows: months.map((m, i) => ({ cells: [m, formatNumber(created[i] ?? 0), formatNumber(open[i] ?? 0)] })),
    }],
    charts: [{ kind: 'bar', title, unit: 'saker', categories: months, series: [{ name: 'Nye', values: created }, { name: 'Åpne', values: open }] }],
    notes: [`Antall åpne ${incidents ? 'feilmeldinger' : 'forespørsler'} ved utgangen av ${formatMonth(p.to, { long: true })}: ${formatNumber(open.at(-1) ?? 0)}.`],
    source: 'live',
  };
}

/**
 * New, solved (løst) and closed (lukket) per month, the last two counted apart: a case solved in
 * October and closed by the 3-2-1 rule in November is solved in October and closed in November.
 */
function solvedClosedBlock(p: TKpiPack, asOf: string): TBlockData {
  const months = monthNames(p);
  const title = 'Løste og lukkede saker';
  const created = p.trend.map((t) => t.new);
  const solved = p.solvedAndClosed.map((r) => r.solved);
  const closed = p.solvedAndClosed.map((r) => r.closed);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    title, asOf,
    tables: [{
      caption: `${title} per måned`, unit: 'antall saker',
      columns: [{ label: 'Måned', align: 'left' }, ...['Nye saker', 'Løste saker', 'Lukkede saker'].map((label) => ({ label, align: 'right' as const }))],
      rows: [
        ...months.map((m, i) => ({ cells: [m, formatNumber(created[i] ?? 0), formatNumber(solved[i] ?? 0), formatNumber(closed[i] ?? 0)] })),
        { cells: ['Sum', formatNumber(sum(created)), formatNumber(p.solvedAndClosedTotal.solved), formatNumber(p.solvedAndClosedTotal.closed)], sum: true },
      ],
    }],
    charts: [{
      kind: 'bar', title: `${title} per måned`, unit: 'saker', categories: months,
      series: [{ name: 'Nye saker', values: created }, { name: 'Løste saker', values: solved }, { name: 'Lukkede saker', values: closed }],
    }],
    notes: [
      'Løste saker: løst i måneden og fortsatt løst eller lukket. Lukkede saker: lukket i måneden, etter 3-2-1-regelen, når brukeren bekreftet løsningen eller av kundeservice.',
    ],
    source: 'live',
  };
}

/** "11.11 – Hustadvika – Gerica mobil fungerer ikke", as seed 000 2.1.5.6 lists them, newest first. */
function incidentsBlock(p: TKpiPack, asOf: string, priorities: readonly ('kritisk' | 'hoy')[]): TBlockData {
  const listed = p.criticalAndHigh.filter((r) => r.type === 'feilmelding' && (priorities as readonly string[]).includes(r.priority))
    .sort((a, b) => b.date.localeCompare(a.date));
  const period = `${formatMonth(p.from, { long: true })}–${formatMonth(p.to, { long: true })}`;
  const notes = priorities.map((priority) => {
    const rows = listed.filter((r) => r.priority === priority);
    const met = rows.filter((r) => r.slaMet === true).length;
    const label = PRIORITY_LABELS[priority].toLowerCase();
    return rows.length
      ? `I ${period} har vi hatt ${formatNumber(rows.length)} hendelser med ${label} prioritet; ${formatNumber(met)} ble løst innen fristen.`
      : `I ${period} har vi ikke hatt hendelser med ${label} prioritet.`;
  });
  return {
    title: 'Overholdelse av tjenestenivåavtalen – SLA', asOf,
    tables: [{
      caption: 'Hendelser med kritisk og høy prioritet', unit: null,
      columns: [{ label: 'Dato', align: 'left' }, { label: 'Kommune', align: 'left' }, { label: 'Prioritet', align: 'left' }, { label: 'Hendelse', align: 'left' }, { label: 'Innen SLA', align: 'left' }],
      rows: listed.map((r) => ({
        cells: [formatDate(r.date), r.municipality, PRIORITY_LABELS[r.priority], r.title ?? '(skjermet)', r.slaMet === null ? 'Pågår' : r.slaMet ? 'Ja' : 'Nei'],
      })),
    }],
    charts: [], notes, source: 'live',
  };
}

type TYearly = { years: number[]; to: string; rows: { label: string; counts: number[] }[]; enteredYears: number[] };

/**
 * Counts per year (the report's year and the two before) from the KPI pack's yearly view; a year with no
 * ticket at all in samrad takes the figures entered for it (`metric`, per key), when there are any.
 */
async function yearlyCounts<K extends string>(
  ctx: TBlockContext, metric: 'servicedesk.channel' | 'servicedesk.type', keys: readonly K[], labels: Record<K, string>,
  pick: (p: TKpiPack) => { key: K; counts: number[] }[],
): Promise<TYearly> {
  const p = await pack(ctx, { months: 1 });
  const years = p.yearly.years;
  const live = pick(p);
  const entered = await ctx.entered([metric], years);
  const enteredYears: number[] = [];
  const counts = new Map(keys.map((k) => [k, years.map(() => 0)]));
  years.forEach((year, i) => {
    const liveTotal = live.reduce((s, r) => s + (r.counts[i] ?? 0), 0);
    const typed = entered.filter((e) => e.year === year);
    if (liveTotal === 0 && typed.length) {
      enteredYears.push(year);
      for (const e of typed) if (counts.has(e.dimension as K)) counts.get(e.dimension as K)![i] = e.value;
    } else {
      for (const r of live) counts.get(r.key)![i] = r.counts[i] ?? 0;
    }
  });
  return { years, to: p.to, rows: keys.map((k) => ({ label: labels[k], counts: counts.get(k)! })), enteredYears };
}

function yearlyBlock(ctx: TBlockContext, y: TYearly, title: string, first: string, shares: boolean): TBlockData {
  const years = y.years.map(String);
  const sums = y.years.map((_, i) => y.rows.reduce((s, r) => s + (r.counts[i] ?? 0), 0));
  const share = (n: number, i: number) => (sums[i] ? `${formatNumber((n * 100) / sums[i]!, 1)}\u00a0%` : '–');
  const partial = !y.to.endsWith('-12');
  return {
    title, asOf: ctx.asOf,
    tables: [{
      caption: `${title} og år`, unit: 'antall saker',
      columns: [{ label: first, align: 'left' }, ...years.flatMap((label) => [{ label, align: 'right' as const }, ...(shares ? [{ label: `Andel ${label}`, align: 'right' as const }] : [])])],
      rows: [
        ...y.rows.map((r) => ({ cells: [r.label, ...r.counts.flatMap((n, i) => [formatNumber(n), ...(shares ? [share(n, i)] : [])])] })),
        { cells: ['Sum', ...sums.flatMap((n) => [formatNumber(n), ...(shares ? [n ? '100\u00a0%' : '–'] : [])])], sum: true },
      ],
    }],
    charts: [{ kind: 'bar', title, unit: 'saker', categories: y.rows.map((r) => r.label), series: years.map((name, i) => ({ name, values: y.rows.map((r) => r.counts[i] ?? 0) })) }],
    notes: [...(partial ? [`${years.at(-1)} til og med ${formatMonth(y.to, { long: true })}.`] : []), ...enteredNote(y.enteredYears)],
    source: sourceOf(y.enteredYears, y.years),
  };
}

async function phoneYearly(ctx: TBlockContext): Promise<TBlockData> {
  const { to } = blockMonths(ctx.asOf, 1);
  const last = yearOf(to);
  const years = [last - 2, last - 1, last];
  const p = await periodPack(ctx, `${years[0]}-01`, to);
  const entered = await ctx.entered(['phone.offered', 'phone.answered'], years);
  const enteredYears: number[] = [];
  const perYear = years.map((year) => {
    const months = p.phone.filter((r) => r.month.startsWith(`${year}-`));
    const offered = months.reduce((s, r) => s + r.offered, 0);
    const answered = months.reduce((s, r) => s + r.answered, 0);
    const weighted = (key: 'meanWaitSeconds' | 'meanTalkSeconds') => {
      const withValue = months.filter((r) => r[key] !== null && r.answered > 0);
      const n = withValue.reduce((s, r) => s + r.answered, 0);
      return n ? Math.round(withValue.reduce((s, r) => s + r[key]! * r.answered, 0) / n) : null;
    };
    const typed = (metric: string) => entered.find((e) => e.year === year && e.metric === metric)?.value;
    if (offered === 0 && typed('phone.offered') !== undefined) {
      enteredYears.push(year);
      return { offered: typed('phone.offered')!, answered: typed('phone.answered') ?? null, wait: null, talk: null };
    }
    return { offered, answered, wait: weighted('meanWaitSeconds'), talk: weighted('meanTalkSeconds') };
  });
  const rate = (r: { offered: number; answered: number | null }) => (r.answered === null || !r.offered ? '–' : `${formatNumber((r.answered * 100) / r.offered, 1)}\u00a0%`);
  return {
    title: 'Telefon per år', asOf: ctx.asOf,
    tables: [{
      caption: 'Telefonhenvendelser per år', unit: null,
      columns: [{ label: '', align: 'left' }, ...years.map((y) => ({ label: String(y), align: 'right' as const }))],
      rows: [
        { cells: ['Telefonsamtaler', ...perYear.map((r) => formatNumber(r.offered))] },
        { cells: ['Besvart', ...perYear.map((r) => formatNumber(r.answered))] },
        { cells: ['Svarprosent', ...perYear.map(rate)] },
        { cells: ['Gjennomsnittlig ventetid (m:ss)', ...perYear.map((r) => minutes(r.wait))] },
        { cells: ['Gjennomsnittlig samtaletid (m:ss)', ...perYear.map((r) => minutes(r.talk))] },
      ],
    }],
    charts: [{ kind: 'bar', title: 'Telefonsamtaler per år', unit: 'samtaler', categories: years.map(String), series: [{ name: 'Telefonsamtaler', values: perYear.map((r) => r.offered) }, { name: 'Besvart', values: perYear.map((r) => r.answered) }] }],
    notes: [...(to.endsWith('-12') ? [] : [`${last} til og med ${formatMonth(to, { long: true })}.`]), ...enteredNote(enteredYears)],
    source: sourceOf(enteredYears, years),
  };
}

const minutes = (seconds: number | null) => (seconds === null ? '–' : `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`);

export function registerServiceDeskReportBlocks() {
  registerReportBlock({
    type: 'servicedesk.open-per-month', module: 'servicedesk',
    label: { nb: 'Åpne saker per måned', en: 'Open tickets per month' },
    description: 'Nye, lukkede og åpne saker ved hver måneds slutt, samlet eller for feilmeldinger eller tjenesteforespørsler.',
    params: ZOpenParams,
    load: async (ctx, params) => openBlock(await pack(ctx, params), ctx.asOf, params.type),
  });
  registerReportBlock({
    type: 'servicedesk.solved-closed', module: 'servicedesk',
    label: { nb: 'Løste og lukkede saker per måned', en: 'Solved and closed tickets per month' },
    description: 'Nye, løste og lukkede saker per måned, løst og lukket talt hver for seg.',
    params: ZDeskBlockParams,
    load: async (ctx, params) => solvedClosedBlock(await pack(ctx, params), ctx.asOf),
  });
  registerReportBlock({
    type: 'servicedesk.critical-incidents', module: 'servicedesk',
    label: { nb: 'Hendelser med kritisk og høy prioritet', en: 'Critical and high incidents' },
    description: 'Feilmeldinger med kritisk (og høy) prioritet i perioden: dato, kommune, tittel og om de ble løst innen SLA.',
    params: ZIncidentParams,
    load: async (ctx, params) => incidentsBlock(await pack(ctx, params), ctx.asOf, params.priorities),
  });
  registerReportBlock({
    type: 'servicedesk.by-channel', module: 'servicedesk',
    label: { nb: 'Saker per kanal og år', en: 'Tickets by channel and year' },
    description: 'Nye saker per innmeldingskanal i rapportens år og de to årene før, som søylediagram og tabell; registrerte tall for år før samrad hadde dataene.',
    params: ZYearParams,
    load: async (ctx) => {
      const y = await yearlyCounts(ctx, 'servicedesk.channel', CHANNELS, CHANNEL_LABELS, (p) => p.yearly.byChannel.map((r) => ({ key: r.channel, counts: r.counts })));
      return yearlyBlock(ctx, y, 'Saker per kanal', 'Kanal', false);
    },
  });
  registerReportBlock({
    type: 'servicedesk.by-type', module: 'servicedesk',
    label: { nb: 'Saker per type og år', en: 'Tickets by type and year' },
    description: 'Nye feilmeldinger, tjenesteforespørsler og andre saker i rapportens år og de to årene før, med andel; registrerte tall for år før samrad hadde dataene.',
    params: ZYearParams,
    load: async (ctx) => {
      const y = await yearlyCounts(ctx, 'servicedesk.type', TICKET_TYPES, TICKET_TYPE_LABELS, (p) => p.yearly.byType.map((r) => ({ key: r.type, counts: r.counts })));
      return yearlyBlock(ctx, y, 'Saker per type', 'Type', true);
    },
  });
  registerReportBlock({
    type: 'servicedesk.phone-yearly', module: 'servicedesk',
    label: { nb: 'Telefon per år', en: 'Phone statistics by year' },
    description: 'Telefonsamtaler, besvarte og svarprosent i rapportens år og de to årene før; registrerte tall for år før samrad hadde dataene.',
    params: ZYearParams,
    load: async (ctx) => phoneYearly(ctx),
  });
  registerReportBlock({
    type: 'servicedesk.phone', module: 'servicedesk',
    label: { nb: 'Henvendelser per telefon', en: 'Phone statistics' },
    description: 'Telefonkøen per måned: anrop, besvarte, svarprosent, gjennomsnittlig ventetid og samtaletid; for alle kommuner, eller for én når telefoneksporten har kommune.',
    params: ZPhoneParams,
    load: async (ctx, params) => {
      const p = params.municipality ? await municipalityPhone(ctx, params, params.municipality) : await pack(ctx, params);
      if (p === null) {
        return { title: 'Henvendelser per telefon', asOf: ctx.asOf, tables: [], charts: [], notes: ['Kommunen blokken gjelder, finnes ikke lenger.'], source: 'live' };
      }
      const months = monthNames(p);
      const offered = p.phone.reduce((s, r) => s + r.offered, 0);
      const answered = p.phone.reduce((s, r) => s + r.answered, 0);
      const title = p.municipalityName ? `Henvendelser per telefon – ${p.municipalityName}` : 'Henvendelser per telefon';
      const note = phoneNoteOf(p);
      return {
        title, asOf: ctx.asOf,
        tables: [{
          caption: title, unit: null,
          columns: [{ label: 'Måned', align: 'left' }, ...['Telefonsamtaler', 'Besvart', 'Svar %', 'Ventetid (m:ss)', 'Samtaletid (m:ss)'].map((label) => ({ label, align: 'right' as const }))],
          rows: p.phone.map((r, i) => ({
            cells: [months[i]!, formatNumber(r.offered), formatNumber(r.answered), r.answerRate === null ? '–' : `${formatNumber(r.answerRate, 0)}\u00a0%`, minutes(r.meanWaitSeconds), minutes(r.meanTalkSeconds)],
          })),
        }],
        charts: [{ kind: 'bar', title: 'Telefonsamtaler per måned', unit: 'samtaler', categories: months, series: [{ name: 'Telefonsamtaler', values: p.phone.map((r) => r.offered) }, { name: 'Besvart', values: p.phone.map((r) => r.answered) }] }],
        notes: [
          ...(offered ? [`Svarprosent i perioden: ${formatNumber(Math.round((answered * 1000) / offered) / 10, 1)}\u00a0%.`] : []),
          ...(note ? [note] : []),
        ],
        source: 'live',
      };
    },
  });
  registerReportBlock({
    type: 'servicedesk.new-by-category', module: 'servicedesk',
    label: { nb: 'Nye feil og forespørsler per kategori', en: 'New incidents and requests by category' },
    description: 'Nye saker per kategori og måned, som søylediagram og tabell.',
    params: ZDeskBlockParams,
    load: async (ctx, params) => {
      const p = await pack(ctx, params);
      return countsBlock(p, ctx.asOf, 'Feil og forespørsler per kategori', 'Kategori', p.newByCategory);
    },
  });
  registerReportBlock({
    type: 'servicedesk.new-by-municipality', module: 'servicedesk',
    label: { nb: 'Nye feil og forespørsler per kommune', en: 'New incidents and requests by municipality' },
    description: 'Nye saker per kommune og måned, som søylediagram og tabell.',
    params: ZDeskBlockParams,
    load: async (ctx, params) => {
      const p = await pack(ctx, params);
      return countsBlock(p, ctx.asOf, 'Feil og forespørsler per kommune', 'Kommune', p.newByMunicipality);
    },
  });
  registerReportBlock({
    type: 'servicedesk.resolution-time', module: 'servicedesk',
    label: { nb: 'Gjennomsnittlig løsningstid per prioritet', en: 'Mean resolution time by priority' },
    description: 'Gjennomsnittlig løsningstid på innmeldte feil per prioritet og måned, mot SLA-målet.',
    params: ZDeskBlockParams,
    load: async (ctx, params) => {
      const p = await pack(ctx, params);
      const months = monthNames(p);
      return {
        title: 'Løsningstid per prioritet', asOf: ctx.asOf,
        tables: [{
          caption: 'Løsningstid per prioritet', unit: null,
          columns: [{ label: 'Prioritet', align: 'left' }, { label: 'SLA', align: 'right' }, ...months.map((label) => ({ label, align: 'right' as const }))],
          rows: p.resolution.map((r) => ({ cells: [r.label, `${formatNumber(r.target, 0)} ${r.unit}`, ...r.months.map((m) => formatNumber(m.mean, 1))] })),
        }],
        charts: [],
        notes: ['Tiden er målt hhv. i dager og timer og kan relateres til gjeldende SLA for de ulike prioritetene.'],
        source: 'live',
      };
    },
  });
}

