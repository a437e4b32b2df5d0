// The annual budget per line and its revisions during the year. The budget a report prints is the
// adopted amount plus every revision dated on or before the report's date.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { recordAudit, recordUpsertAudit } from '../audit/service.js';
import { requireDateInYear } from './dates.js';
import { requireLine } from './lines.service.js';
import type { TBudgetRevisionRequest, TSetBudgetRequest } from './model.js';
import { budgetRevisions, budgets, economyLines } from './schema.js';

export async function setBudget(db: Db, actor: Actor, options: { cooperationId: string; year: number } & TSetBudgetRequest) {
  return db.transaction(async (tx) => {
    await requireLine(tx, { id: options.lineId, cooperationId: options.cooperationId, field: 'lineId' });
    const before = await tx.query.budgets.findFirst({ where: and(eq(budgets.lineId, options.lineId), eq(budgets.year, options.year)) });
    const [row] = await tx.insert(budgets).values({ lineId: options.lineId, year: options.year, amountOre: options.amountOre })
      .onConflictDoUpdate({ target: [budgets.lineId, budgets.year], set: { amountOre: options.amountOre } })
      .returning();
    await recordUpsertAudit(tx, actor, { entity: 'economy_budget', entityId: row!.id, before, after: row! });
    return row!;
  });
}

export async function addBudgetRevision(db: Db, actor: Actor, options: { cooperationId: string; year: number } & TBudgetRevisionRequest) {
  requireDateInYear(options.date, options.year);
  return db.transaction(async (tx) => {
    await requireLine(tx, { id: options.lineId, cooperationId: options.cooperationId, field: 'lineId' });
    const [row] = await tx.insert(budgetRevisions).values({
      lineId: options.lineId, year: options.year, date: options.date, changeOre: options.changeOre,
      decisionReference: options.decisionReference, note: options.note ?? null,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'economy_budget_revision', entityId: row!.id, after: row! });
    return row!;
  });
}

export async function listBudgets(db: DbOrTx, options: { cooperationId: string; year: number }) {
  const lines = await db.select({ id: economyLines.id }).from(economyLines).where(eq(economyLines.cooperationId, options.cooperationId));
  const ids = lines.map((l) => l.id);
  if (!ids.length) return { budgets: [], revisions: [] };
  const [b, r] = await Promise.all([
    db.select().from(budgets).where(and(inArray(budgets.lineId, ids), eq(budgets.year, options.year))),
    db.select().from(budgetRevisions).where(and(inArray(budgetRevisions.lineId, ids), eq(budgetRevisions.year, options.year)))
      .orderBy(asc(budgetRevisions.date), asc(budgetRevisions.createdAt)),
  ]);
  return { budgets: b, revisions: r };
}
