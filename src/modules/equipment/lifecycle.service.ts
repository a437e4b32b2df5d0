// The lifecycle rules per municipality and category, and the models' fixed ends of support: what gives
// each PC its expiry year (expiry.ts, refreshed for the devices a change touches). Setting a rule changes
// every table computed afterwards, past dates included: a report that printed the old figures keeps them
// in its frozen block.
import { and, eq, sql } from 'drizzle-orm';
import { refreshExpiry } from './expiry.js';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { recordUpsertAudit } from '../audit/service.js';
import type { TLifecycleRule } from './model.js';
import { eqLifecycleRules, eqModelSupport } from './schema.js';

export async function listLifecycleRules(db: DbOrTx, cooperationId: string): Promise<TLifecycleRule[]> {
  const rows = await db.select().from(eqLifecycleRules).where(eq(eqLifecycleRules.cooperationId, cooperationId));
  return rows.map((r) => ({ municipalityId: r.municipalityId, category: r.category, years: r.years, whenPurchaseMissing: r.whenPurchaseMissing }));
}

export async function setLifecycleRule(db: Db, actor: Actor, options: { cooperationId: string } & TLifecycleRule) {
  return db.transaction(async (tx) => {
    const where = and(eq(eqLifecycleRules.cooperationId, options.cooperationId), eq(eqLifecycleRules.municipalityId, options.municipalityId), eq(eqLifecycleRules.category, options.category));
    const [before] = await tx.select().from(eqLifecycleRules).where(where);
    const values = { years: options.years, whenPurchaseMissing: options.whenPurchaseMissing };
    const [row] = await tx.insert(eqLifecycleRules).values({ ...options, ...values })
      .onConflictDoUpdate({ target: [eqLifecycleRules.cooperationId, eqLifecycleRules.municipalityId, eqLifecycleRules.category], set: values })
      .returning();
    await refreshExpiry(tx, options.cooperationId, sql`x.municipality_id = ${options.municipalityId} and x.category = ${options.category}`);
    await recordUpsertAudit(tx, actor, { entity: 'eq_lifecycle_rule', entityId: row!.id, before: before ? { years: before.years, whenPurchaseMissing: before.whenPurchaseMissing } : null, after: { ...options } });
    return options;
  });
}

export async function setModelEndOfSupport(db: Db, actor: Actor, options: { cooperationId: string; model: string; endOfSupport: string }) {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(eqModelSupport).where(and(eq(eqModelSupport.cooperationId, options.cooperationId), eq(eqModelSupport.model, options.model)));
    const [row] = await tx.insert(eqModelSupport).values(options)
      .onConflictDoUpdate({ target: [eqModelSupport.cooperationId, eqModelSupport.model], set: { endOfSupport: options.endOfSupport } }).returning();
    await refreshExpiry(tx, options.cooperationId, sql`x.model = ${options.model}`);
    await recordUpsertAudit(tx, actor, { entity: 'eq_model_support', entityId: row!.id, before: before ? { endOfSupport: before.endOfSupport } : null, after: { ...options } });
    return options;
  });
}
