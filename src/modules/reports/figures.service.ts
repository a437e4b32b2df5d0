// The annual report's entered figures (vocabulary.ts ENTERED_METRICS): staffing and sick leave per
// year, and historical figures for years before samrad held the data. Staff replace a year's set whole,
// sending back the version they read (a fingerprint of the set, decision 0024). Blocks read them through
// their context (`ctx.entered`), using a live figure where the module has one and the entered one
// otherwise, and say which.
import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, stale } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import type { TEnteredFigures, TSetEnteredFiguresRequest } from './model.js';
import { reportFigures } from './schema.js';
import { ENTERED_METRICS, type TEnteredMetric } from './vocabulary.js';

export type TEnteredRow = { year: number; metric: TEnteredMetric; dimension: string; value: number };

const order = (a: { metric: string; dimension: string }, b: { metric: string; dimension: string }) =>
  a.metric.localeCompare(b.metric) || a.dimension.localeCompare(b.dimension, 'nb');

function fingerprint(rows: { metric: string; dimension: string; value: number }[]): string {
  return createHash('sha256').update(JSON.stringify(rows.map((r) => [r.metric, r.dimension, r.value]))).digest('hex').slice(0, 32);
}

const METRICS = Object.entries(ENTERED_METRICS).map(([metric, m]) => ({ metric, label: m.nb, unit: m.unit, dimension: m.dimension }));

export async function getEnteredFigures(db: DbOrTx, options: { cooperationId: string; year: number }): Promise<TEnteredFigures> {
  const rows = (await db.select().from(reportFigures)
    .where(and(eq(reportFigures.cooperationId, options.cooperationId), eq(reportFigures.year, options.year))))
    .map((r) => ({ metric: r.metric as TEnteredMetric, dimension: r.dimension, value: r.value })).sort(order);
  return { year: options.year, version: fingerprint(rows), figures: rows, metrics: METRICS };
}

/** Replaces the year's figures; 409 `stale` with the stored set when the version read is not the current one. */
export async function setEnteredFigures(db: Db, actor: Actor, options: TSetEnteredFiguresRequest & { cooperationId: string; year: number }): Promise<TEnteredFigures> {
  const seen = new Set<string>();
  const figures = options.figures.map((f, i) => {
    const dimension = f.dimension ?? '';
    const key = `${f.metric}\u0000${dimension.toLocaleLowerCase('nb')}`;
    if (seen.has(key)) throw badRequest(`${ENTERED_METRICS[f.metric].nb} ${dimension} står to ganger`, [{ path: `figures.${i}.dimension`, message: 'Står to ganger' }]);
    seen.add(key);
    if (ENTERED_METRICS[f.metric].dimension === null && dimension) {
      throw badRequest(`${ENTERED_METRICS[f.metric].nb} er ett tall per år`, [{ path: `figures.${i}.dimension`, message: 'Skal stå tom' }]);
    }
    if (f.metric === 'sickleave.percent' && (f.value < 0 || f.value > 100)) {
      throw badRequest('Sykefravær er en prosent mellom 0 og 100', [{ path: `figures.${i}.value`, message: 'Mellom 0 og 100' }]);
    }
    return { metric: f.metric, dimension, value: f.value };
  });
  await db.transaction(async (tx) => {
    // Serialised per cooperation and year by the rows' own lock: two saves on the same version, one wins.
    const where = and(eq(reportFigures.cooperationId, options.cooperationId), eq(reportFigures.year, options.year));
    await tx.select({ id: reportFigures.id }).from(reportFigures).where(where).for('update');
    const before = await getEnteredFigures(tx, options);
    if (before.version !== options.version) throw stale('Tallene er endret av noen andre siden du hentet dem', { ...before });
    await tx.delete(reportFigures).where(where);
    if (figures.length) await tx.insert(reportFigures).values(figures.map((f) => ({ cooperationId: options.cooperationId, year: options.year, ...f })));
    await recordAudit(tx, actor, { action: 'update', entity: 'report_figures', entityId: options.cooperationId, before: { year: options.year, figures: before.figures }, after: { year: options.year, figures } });
  });
  return getEnteredFigures(db, options);
}

/** The entered figures of some metrics and years, for a block's context. */
export async function enteredFigures(db: DbOrTx, cooperationId: string, metrics: readonly TEnteredMetric[], years: readonly number[]): Promise<TEnteredRow[]> {
  if (!metrics.length || !years.length) return [];
  const rows = await db.select().from(reportFigures).where(and(
    eq(reportFigures.cooperationId, cooperationId), inArray(reportFigures.metric, [...metrics]), inArray(reportFigures.year, [...years]),
  ));
  return rows.map((r) => ({ year: r.year, metric: r.metric as TEnteredMetric, dimension: r.dimension, value: r.value }));
}
