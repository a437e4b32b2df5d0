// Forecasts (year-end estimate per line, with a comment) and explanations (the text beside a line in
// the report). Both are dated and kept: a report as of a date uses the latest on or before it, so an
// old report can be reproduced after new forecasts come in.
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { recordAudit } from '../audit/service.js';
import { requireDateInYear } from './dates.js';
import { requireLine } from './lines.service.js';
import type { TExplanationRequest, TForecastRequest } from './model.js';
import { economyLines, explanations, forecasts } from './schema.js';

export async function addForecast(db: Db, actor: Actor, options: { cooperationId: string; year: number } & TForecastRequest) {
  requireDateInYear(options.date, options.year);
  return db.transaction(async (tx) => {
    await requireLine(tx, { id: options.lineId, cooperationId: options.cooperationId, field: 'lineId' });
    const [row] = await tx.insert(forecasts).values({
      lineId: options.lineId, year: options.year, date: options.date, amountOre: options.amountOre,
      comment: options.comment ?? null, createdBy: actor.userId,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'economy_forecast', entityId: row!.id, after: row! });
    return row!;
  });
}

export async function addExplanation(db: Db, actor: Actor, options: { cooperationId: string; year: number } & TExplanationRequest) {
  return db.transaction(async (tx) => {
    await requireLine(tx, { id: options.lineId, cooperationId: options.cooperationId, field: 'lineId' });
    const [row] = await tx.insert(explanations).values({
      lineId: options.lineId, year: options.year, date: options.date, text: options.text,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'economy_explanation', entityId: row!.id, after: row! });
    return row!;
  });
}

async function lineIdsOf(db: DbOrTx, cooperationId: string) {
  return (await db.select({ id: economyLines.id }).from(economyLines).where(eq(economyLines.cooperationId, cooperationId))).map((l) => l.id);
}

export async function listForecasts(db: DbOrTx, options: { cooperationId: string; year: number; lineId?: string }) {
  const ids = options.lineId ? [options.lineId] : await lineIdsOf(db, options.cooperationId);
  if (!ids.length) return [];
  return db.select().from(forecasts)
    .where(and(inArray(forecasts.lineId, ids), eq(forecasts.year, options.year)))
    .orderBy(desc(forecasts.date), desc(forecasts.createdAt));
}

export async function listExplanations(db: DbOrTx, options: { cooperationId: string; year: number }) {
  const ids = await lineIdsOf(db, options.cooperationId);
  if (!ids.length) return [];
  return db.select().from(explanations)
    .where(and(inArray(explanations.lineId, ids), eq(explanations.year, options.year)))
    .orderBy(desc(explanations.date), desc(explanations.createdAt));
}
