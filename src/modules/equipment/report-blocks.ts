// Equipment's data blocks for the reports: the PC status table as seed 000 §2.1.1 prints it ("Status
// pr. 28.11.2023", per municipality and category with the Sum row and Må bestilles per municipality) and
// the year's totals for the annual report, and the licences against their contracts (seed 003
// 2024/M2-007). The reports module freezes a block's data on approval, so a
// paper keeps the month's figures when later imports move them.
import { z } from '@hono/zod-openapi';
import { ZIsoDate, ZMonth } from '../../lib/date-schemas.js';
import { formatDate, formatMonth, formatNumber } from '../../lib/norwegian-format.js';
import { registerReportBlock, type TBlockData } from '../reports/blocks/registry.js';
import { computeStatusTable } from './status.service.js';
import { computeYearTotals } from './stock.service.js';
import type { TStatusTable, TYearTotals } from './model.js';
import { computeLicenceMonth, findLicenceProduct, listLicenceProducts, newestLicenceMonth } from './licences/licences.service.js';
import type { TLicenceMonth } from './licences/model.js';
import { DEVICE_CATEGORY_LABELS } from './vocabulary.js';
import { yearOf } from '../../lib/date-schemas.js';

export function statusBlock(t: TStatusTable): TBlockData {
  const n = (v: number) => formatNumber(v);
  const day = formatDate(t.asOf).slice(0, 5);
  const title = `Status pr. ${formatDate(t.asOf)}`;
  const total = new Map(t.municipalities.map((m) => [m.municipalityId, m.mustOrder]));
  const assumed = t.sum.assumedPurchase;
  return {
    title, asOf: t.asOf,
    tables: [{
      caption: title, unit: 'antall PC-er',
      columns: [
        { label: 'Kommune', align: 'left' }, { label: 'Kategori', align: 'left' }, { label: `Utgått ${t.lastYear}`, align: 'right' },
        { label: `Utgår ${t.thisYear}`, align: 'right' }, { label: `På lager ${day}`, align: 'right' }, { label: 'Bestilt ikke levert', align: 'right' },
        { label: 'Må bestilles', align: 'right' }, { label: 'Må bestilles, kommunen', align: 'right' },
      ],
      rows: [
        // The municipality's name and its total on its first row only, as the paper prints them.
        ...t.rows.map((r, i) => {
          const first = i === 0 || t.rows[i - 1]!.municipalityId !== r.municipalityId;
          return {
            cells: [first ? r.municipality : '', DEVICE_CATEGORY_LABELS[r.category], n(r.expired), n(r.expiring), n(r.inStock), n(r.orderedNotDelivered),
              n(r.mustOrder), first ? n(total.get(r.municipalityId) ?? 0) : ''],
          };
        }),
        { cells: ['Sum', '', n(t.sum.expired), n(t.sum.expiring), n(t.sum.inStock), n(t.sum.orderedNotDelivered), n(t.sum.mustOrder), n(t.sum.mustOrder)], sum: true },
      ],
    }],
    charts: [],
    notes: [
      `PC-er som har vært pålogget i ${formatMonth(t.month, { long: true })}. Må bestilles = utgått + utgår − på lager − bestilt, per kommune og kategori, aldri under null.`,
      ...(assumed ? [`For ${formatNumber(assumed)} av de utgåtte og utgående PC-ene mangler kjøpsdato; levetidsregelen har antatt den.`] : []),
    ],
    source: 'live',
  };
}

/** Over (+) or under (−) the contract, as the paper prints a deviation; a dash without a count. */
export const formatDifference = (v: number | null) => (v === null ? '–' : v > 0 ? `+${formatNumber(v)}` : formatNumber(v));

/**
 * A product's month against its contract (issue 13, seed 003 2024/M2-007): per municipality the
 * contracted count, the users signed in during the month, over or under, and the candidates for
 * removal; the shared count's row and the Sum; and the twelve months up to it as a chart.
 */
export function licenceTable(m: TLicenceMonth) {
  const n = (v: number | null) => formatNumber(v);
  const caption = `${m.product}: aktive brukere mot avtalen, ${m.month ? formatMonth(m.month, { long: true }) : 'ingen måned importert'}`;
  const cells = (label: string, f: { contracted: number | null; active: number; difference: number | null; candidates: number }, contracted?: string) =>
    [label, contracted ?? n(f.contracted), n(f.active), formatDifference(f.difference), n(f.candidates)];
  return {
    table: {
      caption, unit: 'antall brukere',
      columns: [
        { label: 'Kommune', align: 'left' as const }, { label: 'Avtalt', align: 'right' as const }, { label: 'Aktive brukere', align: 'right' as const },
        { label: 'Over (+) / under (−) avtalen', align: 'right' as const }, { label: `Ikke pålogget ${m.inactiveMonths} mnd.`, align: 'right' as const },
      ],
      rows: [
        ...m.rows.map((r) => ({ cells: cells(r.municipality, r, r.inShared ? 'felles' : undefined) })),
        ...(m.shared ? [{ cells: cells('Felles avtale', m.shared) }] : []),
        { cells: cells('Sum', m.sum), sum: true },
      ],
    },
    chart: {
      kind: 'line' as const, title: `${m.product}: aktive brukere per måned`, unit: 'brukere',
      categories: m.trend.map((t) => formatMonth(t.month)),
      series: [{ name: 'Aktive brukere', values: m.trend.map((t) => t.active) }, { name: 'Avtalt', values: m.trend.map((t) => t.contracted) }],
    },
  };
}

/**
 * The table's date for a report's date: the report's own, or, for a report per the first of a month, the
 * last day of the month before (a report per 1.12 shows November's PCs, not the first day of December's).
 */
export function statusDateOf(reportAsOf: string): string {
  if (!reportAsOf.endsWith('-01')) return reportAsOf;
  const d = new Date(`${reportAsOf}T12:00:00Z`);
  d.setUTCDate(0);
  return d.toISOString().slice(0, 10);
}

export function registerEquipmentReportBlocks() {
  registerReportBlock({
    type: 'equipment.pc-status', module: 'equipment',
    label: { nb: 'Rullering av PC-er: status', en: 'PC rotation: status' },
    description: 'PC-er pålogget i måneden per kommune og kategori: utgått, utgår, på lager, bestilt, må bestilles (sumrad)',
    params: z.object({
      /** The table's date («Status pr.»), when it is not the report's: the paper per 1.12 prints the count of 28.11. */
      date: ZIsoDate.optional(),
    }),
    load: async (ctx, params) => statusBlock(await computeStatusTable(ctx.db, {
      cooperationId: ctx.cooperationId, asOf: params.date ?? statusDateOf(ctx.asOf), municipalityId: null,
    })),
  });
  registerReportBlock({
    type: 'equipment.licences', module: 'equipment',
    label: { nb: 'Lisenser: aktive brukere mot avtalen', en: 'Licences: active users against the contract' },
    description: 'Per lisensprodukt og kommune: avtalt antall, aktive brukere i måneden, over eller under avtalen, og brukere som ikke har vært pålogget på flere måneder',
    params: z.object({
      /** One product by its name; without one, every product of the cooperation. */
      product: z.string().trim().min(1).max(200).optional(),
      /** The month, when it is not the newest imported by the report's date. */
      month: ZMonth.optional(),
    }),
    load: async (ctx, params) => {
      const reportMonth = statusDateOf(ctx.asOf).slice(0, 7);
      const named = params.product ? await findLicenceProduct(ctx.db, { cooperationId: ctx.cooperationId, name: params.product }) : null;
      const products = params.product ? (named ? [named] : []) : await listLicenceProducts(ctx.db, { cooperationId: ctx.cooperationId, municipalityId: null });
      const parts: ReturnType<typeof licenceTable>[] = [];
      for (const p of products) {
        const month = params.month ?? await newestLicenceMonth(ctx.db, { productId: p.id, onOrBefore: reportMonth });
        if (!month) continue;
        parts.push(licenceTable(await computeLicenceMonth(ctx.db, { cooperationId: ctx.cooperationId, productId: p.id, month, municipalityId: null })));
      }
      const missing = params.product && !named ? [`Lisensproduktet «${params.product}» finnes ikke.`] : parts.length ? [] : ['Ingen lisensbruk er importert til og med rapportens dato.'];
      return {
        title: 'Lisenser', asOf: ctx.asOf, tables: parts.map((p) => p.table), charts: parts.map((p) => p.chart),
        notes: [
          ...missing,
          ...(parts.length ? ['Aktive brukere: pålogget i måneden. Avtalt: antallet i avtalen ved månedens slutt; «felles» teller mot den felles avtalen. Kandidater for fjerning: oppført i måneden uten pålogging på så mange måneder som produktet sier.'] : []),
        ],
        source: 'live' as const,
      };
    },
  });
  registerReportBlock({
    type: 'equipment.year-totals', module: 'equipment',
    label: { nb: 'Utstyr: årets tall', en: 'Equipment: the year in figures' },
    description: 'PC-er bestilt, levert og utlevert i året, på lager ved årets slutt og utrangert, for årets og de to foregående årene',
    params: z.object({ years: z.number().int().min(1).max(5).default(3) }),
    load: async (ctx, params) => {
      const last = yearOf(ctx.asOf);
      const years = Array.from({ length: params.years }, (_, i) => last - params.years + 1 + i);
      const totals: TYearTotals[] = [];
      for (const year of years) totals.push(await computeYearTotals(ctx.db, { cooperationId: ctx.cooperationId, year }));
      const row = (label: string, pick: (t: (typeof totals)[number]) => number) => ({ cells: [label, ...totals.map((t) => formatNumber(pick(t)))] });
      const title = 'Utstyr i året';
      return {
        title, asOf: ctx.asOf,
        tables: [{
          caption: title, unit: 'antall PC-er',
          columns: [{ label: '', align: 'left' as const }, ...years.map((y) => ({ label: String(y), align: 'right' as const }))],
          rows: [
            row('Bestilt', (t) => t.ordered), row('Levert', (t) => t.delivered), row('Utlevert', (t) => t.rolledOut),
            row('På lager ved årets slutt', (t) => t.inStockAtYearEnd), row('Utrangert (innlevert)', (t) => t.retired),
          ],
        }],
        charts: [{ kind: 'bar' as const, title, unit: 'PC-er', categories: years.map(String), series: [
          { name: 'Bestilt', values: totals.map((t) => t.ordered) }, { name: 'Levert', values: totals.map((t) => t.delivered) },
          { name: 'Utrangert', values: totals.map((t) => t.retired) },
        ] }],
        notes: ctx.asOf.endsWith('-12-31') ? [] : [`${last} til og med ${formatDate(ctx.asOf)}.`],
        source: 'live' as const,
      };
    },
  });
}
