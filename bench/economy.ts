// Benchmark of the economy report (issue 3, acceptance): 10 years × 12 periods × 2,000 ledger rows
// (240,000 actuals) on 20 lines with budgets, two forecasts and an explanation per line and year.
// Measures, interleaved in the same run:
//   - report(year): buildEconomyReport for one year (the service the API calls), against
//     sum(year):    select sum(amount_ore) from economy_actuals where cooperation and year (the same 24,000 rows);
//   - report(all):  the ten yearly reports one after another, against
//     sums(all):    the ten per-year sums one after another (the same 240,000 rows, the same round trips),
//     and, for reference, sum(all): one select sum(amount_ore) over all 240,000 rows.
// Prints p50/mean in milliseconds and the ratios (target ≤ 5×).
//
//   npx tsx bench/economy.ts                                   # PGlite in a temporary directory
//   DATABASE_URL=postgres://… npx tsx bench/economy.ts         # a fresh database on that server, dropped after
//   BENCH_ROUNDS=50 npx tsx bench/economy.ts
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';
import { cooperations } from '../src/modules/org/schema.js';
import { actuals, budgets, economyLines, explanations, forecasts } from '../src/modules/economy/schema.js';
import { buildEconomyReport } from '../src/modules/economy/report.service.js';
import { machine, medianAndMean, openBenchDatabase, percentile, rng, timeInterleaved } from './support.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30);
const WARMUP = 3;
const YEARS = Array.from({ length: 10 }, (_, i) => 2014 + i);
const PERIODS = 12;
const ROWS_PER_PERIOD = 2_000;
const LINES = 20;

async function build(database: Database) {
  const { db } = database;
  const [coop] = await db.insert(cooperations).values({ name: 'Bench-IKT', shortName: 'BENCH' }).returning();
  const lineRows = await db.insert(economyLines).values(Array.from({ length: LINES }, (_, i) => ({
    cooperationId: coop!.id, kind: i < 7 ? 'drift' as const : 'investering' as const, name: `Linje ${i + 1}`, position: i, isIncome: i === 6,
  }))).returning();
  const random = rng(42);
  for (const year of YEARS) {
    await db.insert(budgets).values(lineRows.map((l) => ({ lineId: l.id, year, amountOre: Math.round(random() * 5e9) })));
    await db.insert(forecasts).values(lineRows.flatMap((l) => [
      { lineId: l.id, year, date: `${year}-06-01`, amountOre: Math.round(random() * 5e9) },
      { lineId: l.id, year, date: `${year}-12-01`, amountOre: Math.round(random() * 5e9) },
    ]));
    await db.insert(explanations).values(lineRows.map((l) => ({ lineId: l.id, year, date: `${year}-12-01`, text: 'Forklaring til avviket.' })));
    for (let period = 1; period <= PERIODS; period++) {
      const rows = Array.from({ length: ROWS_PER_PERIOD }, (_, i) => {
        const line = lineRows[i % LINES]!;
        return {
          cooperationId: coop!.id, lineId: line.id, year, period, source: 'import' as const,
          amountOre: (line.isIncome ? -1 : 1) * Math.round(random() * 5_000_000), account: String(10_000 + (i % 97)), project: null,
        };
      });
      for (let i = 0; i < rows.length; i += 1_000) await db.insert(actuals).values(rows.slice(i, i + 1_000));
    }
  }
  await db.execute(sql`analyze`);
  return coop!.id;
}

const p50 = (xs: number[]) => percentile(xs, 50);

async function main() {
  const database = await openBenchDatabase();
  try {
    const t0 = performance.now();
    const cooperationId = await build(database);
    const { db } = database;
    const [{ n }] = (await db.select({ n: sql<string>`count(*)` }).from(actuals)) as [{ n: string }];
    console.log(`engine ${database.kind}; ${n} ledger rows (${YEARS.length} years × ${PERIODS} periods × ${ROWS_PER_PERIOD}), ${LINES} lines; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const year = YEARS[YEARS.length - 1]!;
    const reportYear = () => buildEconomyReport(db, { cooperationId, year, asOf: `${year}-12-01` });
    const sumYear = () => db.select({ s: sql<string>`sum(${actuals.amountOre})` }).from(actuals)
      .where(and(eq(actuals.cooperationId, cooperationId), eq(actuals.year, year)));
    const reportAll = async () => { for (const y of YEARS) await buildEconomyReport(db, { cooperationId, year: y, asOf: `${y}-12-01` }); };
    const sumEachYear = async () => {
      for (const y of YEARS) {
        await db.select({ s: sql<string>`sum(${actuals.amountOre})` }).from(actuals)
          .where(and(eq(actuals.cooperationId, cooperationId), eq(actuals.year, y)));
      }
    };
    const sumAll = () => db.select({ s: sql<string>`sum(${actuals.amountOre})` }).from(actuals);

    // Sanity: the report's actuals equal the plain sum over the same rows (through period 12 on 1.12).
    const report = await reportYear();
    const reportSum = report.operating.sumExact.actualOre + report.investment.sumExact.actualOre;
    const [plain] = await sumYear();
    console.log(`sanity: report actuals ${reportSum} øre = plain sum ${plain!.s} øre: ${String(reportSum) === String(plain!.s) ? 'ok' : 'MISMATCH'}`);

    const samples = await timeInterleaved({ reportYear, sumYear, reportAll, sumEach: sumEachYear, sumAll }, ROUNDS, WARMUP);
    console.log(`rounds ${ROUNDS} (after ${WARMUP} warm-up); ${machine()}`);
    console.log(`  report(${year})        ${medianAndMean(samples.reportYear)}`);
    console.log(`  sum(${year}) 24k rows  ${medianAndMean(samples.sumYear)}`);
    console.log(`  report(10 years)     ${medianAndMean(samples.reportAll)}`);
    console.log(`  10 per-year sums     ${medianAndMean(samples.sumEach)}`);
    console.log(`  sum(all) 240k rows   ${medianAndMean(samples.sumAll)}`);
    const verdict = (x: number) => `${x.toFixed(2)}× (target ≤ 5×: ${x <= 5 ? 'met' : 'NOT met'})`;
    console.log(`ratio report / sum, one year (the same 24,000 rows):           ${verdict(p50(samples.reportYear) / p50(samples.sumYear))}`);
    console.log(`ratio 10 reports / 10 per-year sums (the same 240,000 rows):   ${verdict(p50(samples.reportAll) / p50(samples.sumEach))}`);
    console.log(`ratio 10 reports / one sum over all 240,000 rows (reference):  ${(p50(samples.reportAll) / p50(samples.sumAll)).toFixed(2)}×`);
  } finally {
    await database.cleanup();
  }
}

await main();
