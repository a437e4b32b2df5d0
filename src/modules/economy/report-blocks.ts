// The economy's data blocks for the reports (seed 000, 1.1 Driftskostnader and 1.2
// Investeringskostnader): the operating and investment tables as of the report's date, in whole
// thousands, with each line's explanation as a note below the table; and the annual report's financing
// key with each member's share of the frames, and the year-end settlement per member.
import { z } from '@hono/zod-openapi';
import { printFigure } from '../../documents/economy.js';
import { formatDate, formatSharePercent, formatThousands, formatWholeKroner } from '../../lib/norwegian-format.js';
import { deviationRule, FIGURE_COLUMN_HEADINGS, figureColumns, investmentFrameNote } from './report-columns.js';
import { getFundsYear } from './funds.service.js';
import { listExitSettlements } from './exit-settlements.service.js';
import type { TExitSettlementLineKind, TFundKind, TReportMode } from './vocabulary.js';
import { comparisonYears, enteredNote, registerReportBlock, sourceOf, type TBlockContext, type TBlockData, type TBlockTable } from '../reports/blocks/registry.js';
import type { TEconomyReport, TReportTable } from './model.js';
import { buildEconomyReport } from './report.service.js';
import { getFinancing, getSettlement } from './financing.service.js';
import { yearOf } from '../../lib/date-schemas.js';

const ZEconomyBlockParams = z.object({
  /** Leave out to print the explanation of each line below the table. */
  explanations: z.boolean().default(true),
  /** The annual report: Regnskap of this many years before, beside the year's columns. */
  previousYears: z.number().int().min(0).max(2).default(0),
});

/** Earlier years' Regnskap per line (whole thousands), oldest first, for the annual report's comparison. */
type TEarlier = { year: number; table: TReportTable }[];

function table(caption: string, first: string, t: TReportTable, mode: TReportMode, earlier: TEarlier = []): TBlockTable {
  const before = (lineId: string | null) => earlier.map((e) => formatThousands(lineId === null ? e.table.sum.actual : e.table.rows.find((r) => r.lineId === lineId)?.figures.actual ?? 0));
  const year = earlier.length ? ` ${earlier.at(-1)!.year + 1}` : '';
  const columns = figureColumns(mode);
  return {
    caption, unit: 'tall i hele 1000',
    columns: [
      { label: first, align: 'left' },
      ...earlier.map((e) => ({ label: `Regnskap ${e.year}`, align: 'right' as const })),
      ...columns.map((c) => ({ label: c === 'actual' ? `${FIGURE_COLUMN_HEADINGS[c]}${year}` : FIGURE_COLUMN_HEADINGS[c], align: 'right' as const })),
    ],
    rows: [
      ...t.rows.map((r) => ({ cells: [r.name, ...before(r.lineId), ...columns.map((c) => printFigure(r.figures, r.deviationPerMille, c))] })),
      { cells: ['SUM', ...before(null), ...columns.map((c) => printFigure(t.sum, t.sumDeviationPerMille, c))], sum: true },
    ],
  };
}

/** The report's year as of its date, built once per load of a report's blocks (operating and investment both print it). */
function sharedReport(ctx: TBlockContext) {
  const year = yearOf(ctx.asOf);
  return ctx.shared(`economy.report:${year}:${ctx.asOf}`, () => buildEconomyReport(ctx.db, { cooperationId: ctx.cooperationId, year, asOf: ctx.asOf }));
}

async function earlierYears(ctx: TBlockContext, previousYears: number, which: 'operating' | 'investment'): Promise<TEarlier> {
  const years = comparisonYears(ctx.asOf, previousYears).slice(0, -1);
  return Promise.all(years.map(async (year) => ({
    year, table: (await buildEconomyReport(ctx.db, { cooperationId: ctx.cooperationId, year, asOf: `${year + 1}-01-01` }))[which],
  })));
}

function blockData(report: TEconomyReport, which: 'operating' | 'investment', explanations: boolean, earlier: TEarlier = []): TBlockData {
  const t = report[which];
  const title = which === 'operating' ? 'Driftskostnader' : 'Investeringskostnader';
  const frameNote = which === 'investment' ? investmentFrameNote(report) : null;
  return {
    title, asOf: report.asOf,
    tables: [table(title, which === 'operating' ? 'Type utgift' : 'Prosjekt', t, report.mode, earlier)],
    charts: [],
    notes: [
      deviationRule(report.mode), ...(frameNote ? [frameNote] : []),
      ...(explanations ? t.rows.filter((r) => r.explanation).map((r) => `${r.name}: ${r.explanation}`) : []),
    ],
    source: 'live',
  };
}

const ZYearParams = z.object({
  /** Leave out for the report's own year (financing) or the last year ended on the report's date (settlement). */
  year: z.number().int().min(2000).max(2100).optional(),
});

/** The last year ended on the date: 2023 for 31.12.2023 and for 1.3.2024, 2022 for 1.12.2023. */
export function settledYear(asOf: string): number {
  const y = yearOf(asOf);
  return asOf.endsWith('-12-31') ? y : y - 1;
}

async function financingBlock(ctx: TBlockContext, year: number): Promise<TBlockData> {
  const f = await getFinancing(ctx.db, { cooperationId: ctx.cooperationId, year });
  const title = `Finansiering ${year}`;
  if (!f.shares.length || f.operatingFrameOre === null || f.investmentFrameOre === null) {
    return { title, asOf: ctx.asOf, tables: [], charts: [], notes: [`Fordelingsnøkkel og rammer for ${year} er ikke registrert.`], source: 'live' };
  }
  const percent = (p: string) => formatSharePercent(p, f.percentDecimals);
  return {
    title, asOf: ctx.asOf,
    tables: [{
      caption: `Fordelingsnøkkel og rammer ${year}`, unit: 'kr',
      columns: [{ label: 'Kommune', align: 'left' }, { label: 'Fordelingsnøkkel', align: 'right' }, { label: 'Netto driftsramme', align: 'right' }, { label: 'Brutto investeringsramme', align: 'right' }],
      rows: [
        ...f.shares.map((s) => ({ cells: [s.name, percent(s.percent), formatWholeKroner(s.operatingOre), formatWholeKroner(s.investmentOre)] })),
        { cells: ['SUM', percent('100'), formatWholeKroner(f.operatingFrameOre), formatWholeKroner(f.investmentFrameOre)], sum: true },
      ],
    }],
    charts: [],
    notes: ['Driftsrammen fordeles i hele kroner, investeringsrammen i hele tusen kroner, etter årets fordelingsnøkkel.'],
    source: 'live',
  };
}

async function settlementBlock(ctx: TBlockContext, year: number): Promise<TBlockData> {
  const asOf = ctx.asOf > `${year}-12-31` ? ctx.asOf : `${year + 1}-01-01`;
  const s = await getSettlement(ctx.db, { cooperationId: ctx.cooperationId, year, asOf });
  const title = `Årsoppgjør ${year}`;
  const result = `${s.resultOre >= 0 ? 'mindreforbruk' : 'merforbruk'} ${formatWholeKroner(Math.abs(s.resultOre))} kr`;
  const investment = new Map(s.investment.rows.map((r) => [r.municipalityId, r.amountOre]));
  const notes = [
    `Driftsresultat ${year}: ${result}, fordelt etter årets nøkkel (positivt beløp tilbakebetales kommunen).`,
    `Investeringer: ${formatWholeKroner(s.investment.settledOre)} kr avregnes med kommunene; ${formatWholeKroner(s.investment.carriedOverOre)} kr overføres til prosjekter som fortsetter.`,
  ];
  if (!s.rows.length) notes.push(`Fordelingsnøkkelen for ${year} er ikke registrert.`);
  const percent = (p: string) => formatSharePercent(p, s.percentDecimals);
  return {
    title, asOf: ctx.asOf,
    tables: [{
      caption: title, unit: 'kr',
      columns: [{ label: 'Kommune', align: 'left' }, { label: 'Fordelingsnøkkel', align: 'right' }, { label: 'Drift', align: 'right' }, { label: 'Investering', align: 'right' }],
      rows: [
        ...s.rows.map((r) => ({ cells: [r.name, percent(r.percent), formatWholeKroner(r.amountOre), formatWholeKroner(investment.get(r.municipalityId) ?? 0)] })),
        ...(s.rows.length ? [{ cells: ['SUM', percent('100'), formatWholeKroner(s.resultOre), formatWholeKroner(s.investment.settledOre)], sum: true }] : []),
      ],
    }],
    charts: [],
    notes,
    source: 'live',
  };
}

/**
 * The operating result of the report's year and the two before: Årsbudsjett, Regnskap and the result
 * (budget − actuals, positive = mindreforbruk), in whole thousands. A year the economy module holds
 * nothing for takes the budget and actuals entered for it (in kroner).
 */
async function resultBlock(ctx: TBlockContext): Promise<TBlockData> {
  const years = comparisonYears(ctx.asOf);
  const entered = await ctx.entered(['economy.budget', 'economy.actual'], years);
  const enteredYears: number[] = [];
  const perYear = await Promise.all(years.map(async (year) => {
    const asOf = year === years.at(-1) && ctx.asOf < `${year}-12-31` ? ctx.asOf : `${year + 1}-01-01`;
    const r = await buildEconomyReport(ctx.db, { cooperationId: ctx.cooperationId, year, asOf });
    const e = r.operating.sumExact;
    if (!r.operating.rows.length || (e.budgetOre === 0 && e.actualOre === 0)) {
      const budget = entered.find((f) => f.year === year && f.metric === 'economy.budget')?.value;
      const actual = entered.find((f) => f.year === year && f.metric === 'economy.actual')?.value;
      if (budget !== undefined || actual !== undefined) {
        enteredYears.push(year);
        return { budgetOre: Math.round((budget ?? 0) * 100), actualOre: Math.round((actual ?? 0) * 100) };
      }
    }
    return { budgetOre: e.budgetOre, actualOre: e.actualOre };
  }));
  const thousands = (ore: number) => formatThousands(Math.sign(ore) * Math.round(Math.abs(ore) / 100_000));
  const resultOf = (r: { budgetOre: number; actualOre: number }) => r.budgetOre - r.actualOre;
  const last = perYear.at(-1)!;
  return {
    title: 'Driftsresultat', asOf: ctx.asOf,
    tables: [{
      caption: 'Driftsresultat per år', unit: 'tall i hele 1000',
      columns: [{ label: '', align: 'left' }, ...years.map((y) => ({ label: String(y), align: 'right' as const }))],
      rows: [
        { cells: ['Årsbudsjett', ...perYear.map((r) => thousands(r.budgetOre))] },
        { cells: ['Regnskap', ...perYear.map((r) => thousands(r.actualOre))] },
        { cells: ['Resultat (positivt = mindreforbruk)', ...perYear.map((r) => thousands(resultOf(r)))], sum: true },
      ],
    }],
    charts: [{ kind: 'bar', title: 'Årsbudsjett og regnskap', unit: 'tusen kr', categories: years.map(String), series: [
      { name: 'Årsbudsjett', values: perYear.map((r) => Math.round(r.budgetOre / 100_000)) }, { name: 'Regnskap', values: perYear.map((r) => Math.round(r.actualOre / 100_000)) },
    ] }],
    notes: [
      `Resultat ${years.at(-1)}: ${resultOf(last) >= 0 ? 'mindreforbruk' : 'merforbruk'} ${formatWholeKroner(Math.abs(resultOf(last)))} kr.`,
      ...enteredNote(enteredYears),
    ],
    source: sourceOf(enteredYears, years),
  };
}

const FUND_KIND_NAMES: Record<TFundKind, string> = { bundet_driftsfond: 'Bundet driftsfond', prosjektfond: 'Prosjektfond', disposisjonsfond: 'Disposisjonsfond' };

/** The funds of the year for the annual report: balance on 1.1, put in, taken out, balance on 31.12, in kroner. */
async function fundsBlock(ctx: TBlockContext, year: number): Promise<TBlockData> {
  const f = await getFundsYear(ctx.db, { cooperationId: ctx.cooperationId, year });
  const title = `Fond ${year}`;
  if (!f.funds.length) return { title, asOf: ctx.asOf, tables: [], charts: [], notes: ['Samarbeidet har ingen fond registrert.'], source: 'live' };
  const money = (r: { openingOre: number; inOre: number; outOre: number; closingOre: number }) =>
    [r.openingOre, r.inOre, r.outOre, r.closingOre].map(formatWholeKroner);
  return {
    title, asOf: ctx.asOf,
    tables: [{
      caption: title, unit: 'kr',
      columns: [{ label: 'Fond', align: 'left' }, { label: 'Saldo 1.1.', align: 'right' }, { label: 'Avsatt', align: 'right' }, { label: 'Brukt', align: 'right' }, { label: 'Saldo 31.12.', align: 'right' }],
      rows: [
        ...f.funds.map((x) => ({ cells: [`${x.name} (${FUND_KIND_NAMES[x.kind].toLowerCase()})`, ...money(x)] })),
        { cells: ['SUM', ...money(f.total)], sum: true },
      ],
    }],
    charts: [],
    notes: f.funds.flatMap((x) => x.movements.filter((m) => m.kind !== 'inngaende_saldo').map((m) =>
      `${x.name}: ${m.kind === 'bruk' ? 'brukt' : 'avsatt'} ${formatWholeKroner(m.amountOre)} kr ${formatDate(m.date)} etter vedtak i sak ${m.decisionReference}${m.text ? ` (${m.text})` : ''}.`)),
    source: 'live',
  };
}

const EXIT_LINE_KIND_NAMES: Record<TExitSettlementLineKind, string> = { fond: 'fond', investering: 'investering, saldo overført', vedtatt_belop: 'vedtatt beløp' };

/**
 * The exit settlements of members leaving in the year (their last day in it), one table each: every line
 * with the cooperation-wide amount, the member's share of the key and its part, and the sum; a draft
 * says it is one. Read from the economy module as staff read it, so the papers and /okonomi agree.
 */
async function exitSettlementBlock(ctx: TBlockContext, year: number): Promise<TBlockData> {
  const { settlements } = await listExitSettlements(ctx.db, { cooperationId: ctx.cooperationId, view: { kind: 'cooperation' } });
  const inYear = settlements.filter((s) => s.leavingDate.startsWith(`${year}-`)).reverse();
  const title = `Utmeldingsoppgjør ${year}`;
  if (!inYear.length) return { title, asOf: ctx.asOf, tables: [], charts: [], notes: [`Ingen kommuner har utmeldingsoppgjør med utmelding i ${year}.`], source: 'live' };
  return {
    title, asOf: ctx.asOf,
    // The PDF prints a table's header row, not its caption: the first column names the member, so a
    // year with two leaving members still says whose table is whose on paper.
    tables: inYear.map((s) => ({
      caption: `Utmeldingsoppgjør ${s.municipalityName} ${formatDate(s.leavingDate)}`, unit: 'kr',
      columns: [{ label: `Utmeldingsoppgjør ${s.municipalityName} ${formatDate(s.leavingDate)}`, align: 'left' as const }, { label: 'Grunnlag', align: 'right' as const }, { label: 'Andel', align: 'right' as const }, { label: 'Beløp', align: 'right' as const }],
      rows: [
        ...s.lines.map((l) => ({ cells: [
          `${l.text} (${EXIT_LINE_KIND_NAMES[l.kind]})`, l.baseOre === null ? '' : formatWholeKroner(l.baseOre),
          l.percent === null ? '' : formatSharePercent(l.percent, s.percentDecimals), formatWholeKroner(l.amountOre),
        ] })),
        { cells: ['SUM', '', '', formatWholeKroner(s.sumOre)], sum: true },
      ],
    })),
    charts: [],
    notes: [
      ...inYear.map((s) => `${s.municipalityName}: ${s.status === 'vedtatt' ? `vedtatt i sak ${s.decisionReference}` : 'utkast, ikke vedtatt'}; ${
        s.percent === null ? 'vedtatte beløp' : `andel ${formatSharePercent(s.percent, s.percentDecimals)} etter fordelingsnøkkelen for ${s.keyYear}`}.${s.problem ? ` ${s.problem}.` : ''}`),
      'Positivt beløp betales til kommunen, negativt betales av kommunen. Hver linje er avrundet til hele kroner, halvt bort fra null.',
    ],
    source: 'live',
  };
}

export function registerEconomyReportBlocks() {
  registerReportBlock({
    type: 'economy.exitSettlement', module: 'economy',
    label: { nb: 'Utmeldingsoppgjør', en: 'Exit settlement' },
    description: 'Andelen av fond og overførte investeringssaldoer etter nøkkelen, og vedtatte beløp, for kommuner som meldte seg ut i året.',
    params: ZYearParams,
    load: async (ctx, params) => exitSettlementBlock(ctx, params.year ?? settledYear(ctx.asOf)),
  });
  registerReportBlock({
    type: 'economy.funds', module: 'economy',
    label: { nb: 'Fond: saldo, avsetning og bruk', en: 'Funds: balance, additions and use' },
    description: 'Hvert fond med saldo 1.1., avsatt og brukt i året (med vedtaket) og saldo 31.12.',
    params: ZYearParams,
    load: async (ctx, params) => fundsBlock(ctx, params.year ?? yearOf(ctx.asOf)),
  });
  registerReportBlock({
    type: 'economy.result', module: 'economy',
    label: { nb: 'Driftsresultat tre år', en: 'Operating result, three years' },
    description: 'Årsbudsjett, regnskap og resultat for drift i rapportens år og de to årene før; registrerte tall for år før samrad hadde dataene.',
    params: z.object({}),
    load: async (ctx) => resultBlock(ctx),
  });
  registerReportBlock({
    type: 'economy.financing', module: 'economy',
    label: { nb: 'Finansiering og fordelingsnøkkel', en: 'Financing and cost-sharing key' },
    description: 'Fordelingsnøkkelen og hver kommunes del av netto driftsramme og brutto investeringsramme for året.',
    params: ZYearParams,
    load: async (ctx, params) => financingBlock(ctx, params.year ?? yearOf(ctx.asOf)),
  });
  registerReportBlock({
    type: 'economy.settlement', module: 'economy',
    label: { nb: 'Årsoppgjør per kommune', en: 'Year-end settlement by municipality' },
    description: 'Årets driftsresultat og avregnede investeringer fordelt på kommunene etter nøkkelen.',
    params: ZYearParams,
    load: async (ctx, params) => settlementBlock(ctx, params.year ?? settledYear(ctx.asOf)),
  });
  registerReportBlock({
    type: 'economy.operating', module: 'economy',
    label: { nb: 'Driftskostnader', en: 'Operating costs' },
    description: 'Regnskap, årsbudsjett, avvik og prognose per utgiftstype per rapportdatoen, i hele 1000 kr.',
    params: ZEconomyBlockParams,
    load: async (ctx, params) => blockData(await sharedReport(ctx), 'operating', params.explanations, await earlierYears(ctx, params.previousYears, 'operating')),
  });
  registerReportBlock({
    type: 'economy.investment', module: 'economy',
    label: { nb: 'Investeringskostnader', en: 'Investment costs' },
    description: 'Regnskap, årsbudsjett, avvik og prognose per investeringsprosjekt per rapportdatoen, i hele 1000 kr.',
    params: ZEconomyBlockParams,
    load: async (ctx, params) => blockData(await sharedReport(ctx), 'investment', params.explanations, await earlierYears(ctx, params.previousYears, 'investment')),
  });
}
