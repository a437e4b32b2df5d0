// The cooperation's funds (bundne driftsfond, prosjektfond, disposisjonsfond) and their movements. A
// fund's balance is never stored: it is the sum of its movements up to a date, so any year's opening
// and closing balance can be read again after a late correction. Money goes in by avsetning and out by
// bruk, each made by a council decision; the opening balance a cooperation brings along needs none. A
// fund never goes below zero: a bruk larger than the balance on its date (or on any later date, since
// a back-dated withdrawal would empty the fund under later movements) is refused.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, conflict, notFound } from '../../server/errors.js';
import { formatWholeKroner } from '../../lib/norwegian-format.js';
import { recordAudit } from '../audit/service.js';
import type { TCreateFundRequest, TFundMovementRequest, TFundsYear } from './model.js';
import { fundMovements, funds } from './schema.js';
import type { TFundMovementKind } from './vocabulary.js';

export async function createFund(db: Db, actor: Actor, options: { cooperationId: string } & TCreateFundRequest) {
  return db.transaction(async (tx) => {
    const count = (await tx.select({ id: funds.id }).from(funds).where(eq(funds.cooperationId, options.cooperationId))).length;
    const [row] = await tx.insert(funds).values({ cooperationId: options.cooperationId, kind: options.kind, name: options.name, position: count }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'economy_fund', entityId: row!.id, after: row! });
    return { id: row!.id, kind: row!.kind, name: row!.name };
  });
}

const signed = (m: { kind: TFundMovementKind; amountOre: number }) => (m.kind === 'bruk' ? -m.amountOre : m.amountOre);

export async function addFundMovement(db: Db, actor: Actor, options: { cooperationId: string; fundId: string } & TFundMovementRequest) {
  const decisionReference = options.decisionReference?.trim() || null;
  if (options.kind !== 'inngaende_saldo' && !decisionReference) {
    throw badRequest('Vedtaksreferanse (saksnummer) må fylles ut for avsetning og bruk', [{ path: 'decisionReference', message: 'Vedtaksreferanse (saksnummer) må fylles ut' }]);
  }
  return db.transaction(async (tx) => {
    // The fund row is locked, so two withdrawals at once are checked one after the other.
    const [fund] = await tx.select().from(funds)
      .where(and(eq(funds.id, options.fundId), eq(funds.cooperationId, options.cooperationId))).for('update');
    if (!fund) throw notFound('Fondet');
    const earlier = await tx.select().from(fundMovements).where(eq(fundMovements.fundId, fund.id)).orderBy(asc(fundMovements.date), asc(fundMovements.createdAt));
    if (options.kind === 'inngaende_saldo' && earlier.some((m) => m.kind === 'inngaende_saldo')) {
      throw conflict('Fondet har allerede en inngående saldo');
    }
    if (options.kind === 'bruk') {
      // The lowest balance from the withdrawal's date on must cover it.
      let balance = earlier.filter((m) => m.date <= options.date).reduce((s, m) => s + signed(m), 0);
      let lowest = balance;
      for (const m of earlier.filter((x) => x.date > options.date)) {
        balance += signed(m);
        lowest = Math.min(lowest, balance);
      }
      if (options.amountOre > lowest) {
        throw conflict(`Fondet har bare ${formatWholeKroner(Math.max(0, lowest))} kr å bruke fra ${options.date}`);
      }
    }
    const [row] = await tx.insert(fundMovements).values({
      fundId: fund.id, kind: options.kind, date: options.date, amountOre: options.amountOre,
      decisionReference, text: options.text?.trim() || null, createdBy: actor.userId,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'economy_fund_movement', entityId: row!.id, after: row! });
    return toMovement(row!);
  });
}

function toMovement(m: typeof fundMovements.$inferSelect) {
  return { id: m.id, fundId: m.fundId, kind: m.kind, date: m.date, amountOre: m.amountOre, decisionReference: m.decisionReference, text: m.text };
}

/** Every fund's year: balance on 1.1, in and out during the year, balance on 31.12, and the year's movements. */
export async function getFundsYear(db: DbOrTx, options: { cooperationId: string; year: number }): Promise<TFundsYear> {
  const rows = await db.select().from(funds).where(eq(funds.cooperationId, options.cooperationId)).orderBy(asc(funds.position), asc(funds.name));
  const movements = rows.length
    ? await db.select().from(fundMovements).where(inArray(fundMovements.fundId, rows.map((f) => f.id))).orderBy(asc(fundMovements.date), asc(fundMovements.createdAt))
    : [];
  const start = `${options.year}-01-01`;
  const end = `${options.year}-12-31`;
  const year = rows.map((f) => {
    const own = movements.filter((m) => m.fundId === f.id && m.date <= end);
    const before = own.filter((m) => m.date < start);
    const during = own.filter((m) => m.date >= start);
    const openingOre = before.reduce((s, m) => s + signed(m), 0);
    // The opening balance brought along counts as money in during its year, so the year still adds up.
    const inOre = during.filter((m) => m.kind !== 'bruk').reduce((s, m) => s + m.amountOre, 0);
    const outOre = during.filter((m) => m.kind === 'bruk').reduce((s, m) => s + m.amountOre, 0);
    return { id: f.id, kind: f.kind, name: f.name, openingOre, inOre, outOre, closingOre: openingOre + inOre - outOre, movements: during.map(toMovement) };
  });
  const sum = (k: 'openingOre' | 'inOre' | 'outOre' | 'closingOre') => year.reduce((s, f) => s + f[k], 0);
  return { year: options.year, funds: year, total: { openingOre: sum('openingOre'), inOre: sum('inOre'), outOre: sum('outOre'), closingOre: sum('closingOre') } };
}

/** Each fund's balance at the end of a day (every movement dated on or before it), in the funds' order. */
export async function getFundBalancesOn(db: DbOrTx, options: { cooperationId: string; date: string }) {
  const rows = await db.select().from(funds).where(eq(funds.cooperationId, options.cooperationId)).orderBy(asc(funds.position), asc(funds.name));
  const movements = rows.length
    ? await db.select().from(fundMovements).where(inArray(fundMovements.fundId, rows.map((f) => f.id)))
    : [];
  return rows.map((f) => ({
    id: f.id, kind: f.kind, name: f.name,
    balanceOre: movements.filter((m) => m.fundId === f.id && m.date <= options.date).reduce((s, m) => s + signed(m), 0),
  }));
}
