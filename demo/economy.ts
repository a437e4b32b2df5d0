// Loads ROR-IKT's economy 2023 (demo/economy-data.ts) through the economy services, as staff would enter
// it: lines and account mapping, budgets, the key and frames, one ledger file per period January–November
// (CSV in the Norwegian format a ledger exports), forecasts of 1.6 and 1.12 and the explanations.
import type { Db } from '../src/db/client.js';
import type { Actor } from '../src/server/context.js';
import { setAccountMapping } from '../src/modules/economy/actuals.service.js';
import { setBudget } from '../src/modules/economy/budgets.service.js';
import { setFinancing } from '../src/modules/economy/financing.service.js';
import { addExplanation, addForecast } from '../src/modules/economy/forecasts.service.js';
import { commitLedgerImport } from '../src/modules/economy/ledger-import.service.js';
import { createLine } from '../src/modules/economy/lines.service.js';
import {
  expenseTypes2023, explanations2023, INVESTMENT_ACCOUNT, key2023, projects2023,
} from './economy-data.js';

const YEAR = 2023;
const PERIODS = 11;

export type TEconomyDemoRefs = { cooperationId: string; municipality: (key: (typeof key2023)[number]['municipality']) => string };

/** 1234567 øre → "12345,67"; negative with a minus sign, as Visma writes it. */
function formatOre(ore: number): string {
  const abs = Math.abs(ore);
  return `${ore < 0 ? '-' : ''}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}

/** Spreads a total over n parts of whole øre that sum to it exactly (the last part takes the rest). */
export function spread(totalOre: number, n: number): number[] {
  const base = Math.trunc(totalOre / n);
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? totalOre - base * (n - 1) : base));
}

/** The demo's ledger export for one period: account;project;period;amount. */
export function demoLedgerCsv(period: number): string {
  const lines = ['konto;prosjekt;periode;beløp'];
  for (const t of expenseTypes2023) {
    const perPeriod = spread(t.actualOre, PERIODS)[period - 1]!;
    // The first account carries about two thirds, the second the rest.
    const parts = t.accounts.length === 1 ? [perPeriod] : [Math.trunc((perPeriod * 2) / 3), perPeriod - Math.trunc((perPeriod * 2) / 3)];
    parts.forEach((ore, i) => lines.push(`${t.accounts[i]};;${YEAR}-${String(period).padStart(2, '0')};${formatOre(ore)}`));
  }
  for (const p of projects2023) {
    if (!p.actualOre) continue;
    lines.push(`${INVESTMENT_ACCOUNT};${p.project};${YEAR}-${String(period).padStart(2, '0')};${formatOre(spread(p.actualOre, PERIODS)[period - 1]!)}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

export async function loadEconomyDemo(db: Db, actor: Actor, refs: TEconomyDemoRefs): Promise<void> {
  const { cooperationId } = refs;
  const lineIds = new Map<string, string>();
  let position = 0;
  for (const t of expenseTypes2023) {
    const line = await createLine(db, actor, { cooperationId, kind: 'drift', name: t.name, isIncome: t.isIncome ?? false, position: position++ });
    lineIds.set(t.name, line.id);
    for (const account of t.accounts) await setAccountMapping(db, actor, { cooperationId, account, lineId: line.id });
    await setBudget(db, actor, { cooperationId, year: YEAR, lineId: line.id, amountOre: t.budgetKr * 100 });
    await addForecast(db, actor, { cooperationId, year: YEAR, lineId: line.id, date: '2023-06-01', amountOre: t.juneForecastKr * 100 });
    await addForecast(db, actor, { cooperationId, year: YEAR, lineId: line.id, date: '2023-12-01', amountOre: t.forecastKr * 100 });
  }
  position = 0;
  for (const p of projects2023) {
    const line = await createLine(db, actor, {
      cooperationId, kind: 'investering', name: p.name, position: position++, owner: 'ROR-IKT', municipalityId: null,
      startYear: p.startYear, endYear: p.endYear, status: p.status,
    });
    lineIds.set(p.name, line.id);
    await setAccountMapping(db, actor, { cooperationId, project: p.project, lineId: line.id });
    await setBudget(db, actor, { cooperationId, year: YEAR, lineId: line.id, amountOre: p.budgetKr * 100 });
    await addForecast(db, actor, { cooperationId, year: YEAR, lineId: line.id, date: '2023-12-01', amountOre: p.forecastKr * 100 });
  }
  for (const e of explanations2023) {
    const lineId = lineIds.get(e.line);
    if (!lineId) throw new Error(`demo economy: unknown line "${e.line}"`);
    await addExplanation(db, actor, { cooperationId, year: YEAR, lineId, date: e.date, text: e.text });
  }
  for (let period = 1; period <= PERIODS; period++) {
    await commitLedgerImport(db, actor, {
      cooperationId, year: YEAR, filename: `hovedbok-${YEAR}-${String(period).padStart(2, '0')}.csv`,
      bytes: new TextEncoder().encode(demoLedgerCsv(period)),
    });
  }
  const operatingFrameOre = expenseTypes2023.reduce((s, t) => s + t.budgetKr * 100, 0);
  const investmentFrameOre = projects2023.reduce((s, p) => s + p.budgetKr * 100, 0);
  await setFinancing(db, actor, {
    cooperationId, year: YEAR, operatingFrameOre, investmentFrameOre,
    key: key2023.map((k) => ({ municipalityId: refs.municipality(k.municipality), percent: k.percent })),
  });
}
