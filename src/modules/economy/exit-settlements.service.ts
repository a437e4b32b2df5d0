// The exit settlement (utmeldingsoppgjør) of a member municipality leaving the cooperation: on the last
// day of its membership, its share by the leaving year's key of each fund's balance and of the
// investment balances carried over to projects that go on (what the economy module holds of the
// cooperation's funds and obligations), and any amounts the council decided instead or besides. A
// draft's key lines are computed on each read, so a fund movement booked late still counts; deciding it
// (with the council case, like a fund movement) stores them and freezes the record: no change after.
// Rounding: each line half away from zero to whole kroner (calculations.ts shareOfAmount, decision 0040).
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, conflict, HttpError, notFound } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import { listMemberships } from '../org/memberships.service.js';
import { existingMunicipalityIds, municipalityNames } from '../org/municipalities.service.js';
import { formatDate } from '../../lib/norwegian-format.js';
import { formatPercent, keyDecimals, ORE_PER_KRONE, shareOfAmount } from './calculations.js';
import { getFinancing, getSettlement } from './financing.service.js';
import { getFundBalancesOn } from './funds.service.js';
import type {
  TCreateExitSettlementRequest, TDecideExitSettlementRequest, TExitSettlement, TExitSettlementLineRequest, TExitSettlements,
} from './model.js';
import type { TEconomyView } from './policy.js';
import { exitSettlementLines, exitSettlements } from './schema.js';
import { EXIT_SETTLEMENT_LINE_KINDS, type TExitSettlementLineKind } from './vocabulary.js';
import { yearOf } from '../../lib/date-schemas.js';

type TSettlementRow = typeof exitSettlements.$inferSelect;
type TLineRow = typeof exitSettlementLines.$inferSelect;
type TComputedLine = { kind: TExitSettlementLineKind; text: string; baseOre: number; shareMillionths: number; amountOre: number };

const keyYearOf = (leavingDate: string) => yearOf(leavingDate);

/** The leaving member's share of the key of the year it leaves in; 409 when the key does not name it. */
async function leavingShare(db: DbOrTx, s: Pick<TSettlementRow, 'cooperationId' | 'municipalityId' | 'leavingDate'>): Promise<number> {
  const year = keyYearOf(s.leavingDate);
  const financing = await getFinancing(db, { cooperationId: s.cooperationId, year });
  if (!financing.shares.length) throw conflict(`Fordelingsnøkkelen for ${year} er ikke registrert; registrer den, eller lag oppgjøret med vedtatt beløp`);
  const share = financing.shares.find((x) => x.municipalityId === s.municipalityId);
  if (!share) throw conflict(`Kommunen står ikke i fordelingsnøkkelen for ${year}`);
  return share.shareMillionths;
}

/**
 * The key lines on the leaving date: each fund's balance that day, and (for a leaving at a year end, when
 * the year's accounts settle) each investment project's balance carried over to the next year, times the
 * member's share. A project settled with the members at the year end is in the year-end settlement, not here.
 */
async function computeKeyLines(db: DbOrTx, s: Pick<TSettlementRow, 'cooperationId' | 'municipalityId' | 'leavingDate'>) {
  const shareMillionths = await leavingShare(db, s);
  const line = (kind: TExitSettlementLineKind, text: string, baseOre: number): TComputedLine =>
    ({ kind, text, baseOre, shareMillionths, amountOre: shareOfAmount(baseOre, shareMillionths, ORE_PER_KRONE) });
  const funds = await getFundBalancesOn(db, { cooperationId: s.cooperationId, date: s.leavingDate });
  const lines = funds.filter((f) => f.balanceOre !== 0).map((f) => line('fond', f.name, f.balanceOre));
  const year = keyYearOf(s.leavingDate);
  if (s.leavingDate === `${year}-12-31`) {
    const settlement = await getSettlement(db, { cooperationId: s.cooperationId, year });
    for (const p of settlement.investment.projects) {
      if (p.treatment === 'overfores' && p.balanceOre !== 0) lines.push(line('investering', p.name, p.balanceOre));
    }
  }
  return { shareMillionths, lines };
}

const kindOrder = (kind: TExitSettlementLineKind) => EXIT_SETTLEMENT_LINE_KINDS.indexOf(kind);

async function toView(db: DbOrTx, s: TSettlementRow, name: string): Promise<TExitSettlement> {
  const stored = await db.select().from(exitSettlementLines).where(eq(exitSettlementLines.settlementId, s.id))
    .orderBy(asc(exitSettlementLines.position), asc(exitSettlementLines.createdAt));
  let problem: string | null = null;
  let shareMillionths = s.shareMillionths;
  let keyLines: (TComputedLine & { id: string | null })[] = [];
  if (s.status === 'utkast' && s.basis === 'nokkel') {
    try {
      const computed = await computeKeyLines(db, s);
      shareMillionths = computed.shareMillionths;
      keyLines = computed.lines.map((l) => ({ ...l, id: null }));
    } catch (err) {
      // A draft whose key was set again without the member still lists, saying why it has no key lines.
      if (!(err instanceof HttpError) || err.status !== 409) throw err;
      problem = err.message;
    }
  }
  const rows = [
    ...keyLines,
    ...stored.map((l: TLineRow) => ({ id: l.id, kind: l.kind, text: l.text, baseOre: l.baseOre, shareMillionths: l.shareMillionths, amountOre: l.amountOre })),
  ].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind));
  const lines = rows.map((l) => ({
    id: l.id, kind: l.kind, text: l.text, baseOre: l.baseOre ?? null,
    percent: l.shareMillionths === null ? null : formatPercent(l.shareMillionths), amountOre: l.amountOre,
  }));
  return {
    id: s.id, municipalityId: s.municipalityId, municipalityName: name, leavingDate: s.leavingDate, basis: s.basis, status: s.status,
    decisionReference: s.decisionReference, decidedAt: s.decidedAt?.toISOString() ?? null, keyYear: keyYearOf(s.leavingDate),
    percent: shareMillionths === null ? null : formatPercent(shareMillionths),
    percentDecimals: keyDecimals(shareMillionths === null ? [] : [shareMillionths]),
    lines, sumOre: lines.reduce((sum, l) => sum + l.amountOre, 0), problem,
  };
}

const seenBy = (view: TEconomyView) => (s: { municipalityId: string }) => view.kind === 'cooperation' || s.municipalityId === view.municipalityId;

/** Every settlement of the cooperation and every membership with an end; a municipality user sees its own only. */
export async function listExitSettlements(db: DbOrTx, options: { cooperationId: string; view: TEconomyView }): Promise<TExitSettlements> {
  const visible = seenBy(options.view);
  const rows = (await db.select().from(exitSettlements).where(eq(exitSettlements.cooperationId, options.cooperationId))
    .orderBy(desc(exitSettlements.leavingDate), asc(exitSettlements.createdAt))).filter(visible);
  const names = await municipalityNames(db, [...new Set(rows.map((r) => r.municipalityId))]);
  const settlements = [];
  for (const r of rows) settlements.push(await toView(db, r, names.get(r.municipalityId) ?? ''));
  const leaving = (await listMemberships(db, options.cooperationId))
    .filter((m): m is typeof m & { left: string } => m.left !== null).filter(visible)
    .sort((a, b) => b.left.localeCompare(a.left) || a.municipalityName.localeCompare(b.municipalityName, 'nb'))
    .map((m) => ({
      municipalityId: m.municipalityId, name: m.municipalityName, leavingDate: m.left,
      settlementId: rows.find((r) => r.municipalityId === m.municipalityId && r.leavingDate === m.left)?.id ?? null,
    }));
  return { settlements, leaving };
}

async function findSettlement(db: DbOrTx, options: { cooperationId: string; id: string }, lock = false) {
  const query = db.select().from(exitSettlements)
    .where(and(eq(exitSettlements.id, options.id), eq(exitSettlements.cooperationId, options.cooperationId)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Utmeldingsoppgjøret');
  return row;
}

const nameOf = async (db: DbOrTx, municipalityId: string) => (await municipalityNames(db, [municipalityId])).get(municipalityId) ?? '';

/** One settlement; another municipality's is 404 to a municipality user, as if it were not there. */
export async function getExitSettlement(db: DbOrTx, options: { cooperationId: string; id: string; view: TEconomyView }) {
  const row = await findSettlement(db, options);
  if (!seenBy(options.view)(row)) throw notFound('Utmeldingsoppgjøret');
  return toView(db, row, await nameOf(db, row.municipalityId));
}

/** Locks a draft for a change; a decided settlement is never changed (409). */
async function lockDraft(tx: DbOrTx, options: { cooperationId: string; id: string }) {
  const row = await findSettlement(tx, options, true);
  if (row.status === 'vedtatt') {
    throw conflict(`Utmeldingsoppgjøret ble vedtatt i sak ${row.decisionReference} og kan ikke endres`);
  }
  return row;
}

export async function createExitSettlement(db: Db, actor: Actor, options: { cooperationId: string } & TCreateExitSettlementRequest) {
  const field = (path: string, message: string) => badRequest(message, [{ path, message }]);
  if (!(await existingMunicipalityIds(db, [options.municipalityId])).has(options.municipalityId)) throw field('municipalityId', 'Kommunen finnes ikke');
  const periods = (await listMemberships(db, options.cooperationId)).filter((m) => m.municipalityId === options.municipalityId);
  if (!periods.length) throw field('municipalityId', 'Kommunen har ikke vært medlem av samarbeidet');
  const ends = periods.map((m) => m.left).filter((d): d is string => d !== null);
  if (!ends.length) throw field('municipalityId', 'Kommunen har ingen utmeldingsdato: medlemskapet må avsluttes før oppgjøret lages');
  if (!ends.includes(options.leavingDate)) {
    throw field('leavingDate', `Utmeldingsdatoen må være siste dag i et medlemskap (${ends.map(formatDate).join(', ')})`);
  }
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: exitSettlements.id }).from(exitSettlements).where(and(
      eq(exitSettlements.cooperationId, options.cooperationId), eq(exitSettlements.municipalityId, options.municipalityId),
      eq(exitSettlements.leavingDate, options.leavingDate)));
    if (taken) throw conflict('Kommunen har allerede et utmeldingsoppgjør for denne utmeldingen');
    // The key must name the member now, or the draft would be made only to show a problem.
    if (options.basis === 'nokkel') await leavingShare(tx, options);
    const [row] = await tx.insert(exitSettlements).values({
      cooperationId: options.cooperationId, municipalityId: options.municipalityId, leavingDate: options.leavingDate,
      basis: options.basis, createdBy: actor.userId,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'economy_exit_settlement', entityId: row!.id, after: row! });
    return toView(tx, row!, await nameOf(tx, row!.municipalityId));
  });
}

export async function addExitSettlementLine(db: Db, actor: Actor, options: { cooperationId: string; id: string } & TExitSettlementLineRequest) {
  if (options.amountOre % ORE_PER_KRONE !== 0) {
    throw badRequest('Et vedtatt beløp må være i hele kroner', [{ path: 'amountOre', message: 'Et vedtatt beløp må være i hele kroner' }]);
  }
  return db.transaction(async (tx) => {
    const s = await lockDraft(tx, options);
    const count = (await tx.select({ id: exitSettlementLines.id }).from(exitSettlementLines).where(eq(exitSettlementLines.settlementId, s.id))).length;
    const [row] = await tx.insert(exitSettlementLines).values({
      settlementId: s.id, kind: 'vedtatt_belop', text: options.text, amountOre: options.amountOre, position: count,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'economy_exit_settlement_line', entityId: row!.id, after: row! });
    return toView(tx, s, await nameOf(tx, s.municipalityId));
  });
}

export async function deleteExitSettlementLine(db: Db, actor: Actor, options: { cooperationId: string; id: string; lineId: string }) {
  return db.transaction(async (tx) => {
    const s = await lockDraft(tx, options);
    const [row] = await tx.delete(exitSettlementLines)
      .where(and(eq(exitSettlementLines.id, options.lineId), eq(exitSettlementLines.settlementId, s.id))).returning();
    if (!row) throw notFound('Linjen');
    await recordAudit(tx, actor, { action: 'delete', entity: 'economy_exit_settlement_line', entityId: row.id, before: row });
    return toView(tx, s, await nameOf(tx, s.municipalityId));
  });
}

/** A draft made on the wrong basis can be thrown away; a decided settlement stays (409). */
export async function deleteExitSettlement(db: Db, actor: Actor, options: { cooperationId: string; id: string }) {
  await db.transaction(async (tx) => {
    const s = await lockDraft(tx, options);
    await tx.delete(exitSettlements).where(eq(exitSettlements.id, s.id));
    await recordAudit(tx, actor, { action: 'delete', entity: 'economy_exit_settlement', entityId: s.id, before: s });
  });
}

/** Decided by the council case: the key lines are stored as computed now, and the record is frozen. */
export async function decideExitSettlement(db: Db, actor: Actor, options: { cooperationId: string; id: string } & TDecideExitSettlementRequest) {
  return db.transaction(async (tx) => {
    const before = await lockDraft(tx, options);
    let shareMillionths: number | null = null;
    if (before.basis === 'nokkel') {
      const computed = await computeKeyLines(tx, before);
      shareMillionths = computed.shareMillionths;
      if (computed.lines.length) {
        await tx.insert(exitSettlementLines).values(computed.lines.map((l, position) => ({ settlementId: before.id, position, ...l })));
      }
    }
    const [after] = await tx.update(exitSettlements).set({
      status: 'vedtatt', decisionReference: options.decisionReference, shareMillionths, decidedAt: new Date(), decidedBy: actor.userId,
    }).where(eq(exitSettlements.id, before.id)).returning();
    const view = await toView(tx, after!, await nameOf(tx, after!.municipalityId));
    await recordAudit(tx, actor, { action: 'update', entity: 'economy_exit_settlement', entityId: before.id, before, after: { ...after!, lines: view.lines, sumOre: view.sumOre } });
    return view;
  });
}
