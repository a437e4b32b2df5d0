// Financing: the year's allocation key (a share per member municipality, exactly 100 %), the net
// operating frame and the gross investment frame, and what each member pays; and the year-end
// settlement: the operating result credited or charged by the same key, and the investment projects'
// balances carried over or settled (decision record 0010). Operating parts are whole kroner,
// investment parts whole thousands, remainders by largest remainder (decision record 0007).
import { and, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, conflict, forbidden, type TFieldIssue } from '../../server/errors.js';
import { recordUpsertAudit } from '../audit/service.js';
import { listMembersInYear } from '../org/memberships.service.js';
import { listMunicipalities } from '../org/municipalities.service.js';
import {
  allocate, formatPercent, keyDecimals, ORE_PER_KRONE, ORE_PER_THOUSAND, parsePercent, roundToUnit, settleInvestments, WHOLE_KEY, type TKeyShare,
} from './calculations.js';
import { listLines } from './lines.service.js';
import type { TFinancing, TMemberFinancing, TMemberSettlement, TSetFinancingRequest, TYearEndSettlement } from './model.js';
import { buildEconomyReport } from './report.service.js';
import { allocationShares, financingFrames } from './schema.js';

export type TSetFinancingOptions = { cooperationId: string; year: number } & TSetFinancingRequest;

export async function setFinancing(db: Db, actor: Actor, options: TSetFinancingOptions) {
  const issues: TFieldIssue[] = [];
  if (options.operatingFrameOre % ORE_PER_KRONE !== 0) issues.push({ path: 'operatingFrameOre', message: 'Driftsrammen må være i hele kroner' });
  if (options.investmentFrameOre % ORE_PER_THOUSAND !== 0) issues.push({ path: 'investmentFrameOre', message: 'Investeringsrammen må være i hele tusen kroner' });
  const members = new Map((await listMembersInYear(db, options.cooperationId, options.year)).map((m) => [m.municipalityId, m]));
  const seen = new Set<string>();
  const shares: { municipalityId: string; shareMillionths: number; position: number }[] = [];
  options.key.forEach((entry, i) => {
    const share = parsePercent(entry.percent);
    if (share === null) issues.push({ path: `key.${i}.percent`, message: 'Prosent må være et tall mellom 0 og 100 med høyst fire desimaler' });
    if (!members.has(entry.municipalityId)) {
      issues.push({ path: `key.${i}.municipalityId`, message: `Kommunen var ikke medlem av samarbeidet i ${options.year}` });
    }
    if (seen.has(entry.municipalityId)) issues.push({ path: `key.${i}.municipalityId`, message: 'Kommunen står to ganger i nøkkelen' });
    seen.add(entry.municipalityId);
    if (share !== null) shares.push({ municipalityId: entry.municipalityId, shareMillionths: share, position: i });
  });
  const sum = shares.reduce((s, x) => s + x.shareMillionths, 0);
  if (!issues.some((x) => x.path.endsWith('.percent')) && sum !== WHOLE_KEY) {
    issues.push({ path: 'key', message: `Fordelingsnøkkelen summerer til ${formatPercent(sum).replace('.', ',')} %, må være nøyaktig 100 %` });
  }
  if (issues.length) throw badRequest(issues[0]!.message, issues);

  return db.transaction(async (tx) => {
    // A stale key (a member no longer in the year) is exactly what this call repairs: no 409 for the 'before'.
    const before = await getFinancing(tx, { cooperationId: options.cooperationId, year: options.year }).catch(() => null);
    await tx.insert(financingFrames).values({
      cooperationId: options.cooperationId, year: options.year,
      operatingFrameOre: options.operatingFrameOre, investmentFrameOre: options.investmentFrameOre,
    }).onConflictDoUpdate({
      target: [financingFrames.cooperationId, financingFrames.year],
      set: { operatingFrameOre: options.operatingFrameOre, investmentFrameOre: options.investmentFrameOre },
    });
    await tx.delete(allocationShares).where(and(eq(allocationShares.cooperationId, options.cooperationId), eq(allocationShares.year, options.year)));
    await tx.insert(allocationShares).values(shares.map((s) => ({ cooperationId: options.cooperationId, year: options.year, ...s })));
    const after = await getFinancing(tx, { cooperationId: options.cooperationId, year: options.year });
    await recordUpsertAudit(tx, actor, { entity: 'economy_financing', entityId: `${options.cooperationId}/${options.year}`, before, after });
    return after;
  });
}

/**
 * The stored key of the year. A membership edited after the key was set can leave a municipality in the
 * key that was not a member that year; the key is then refused (409) rather than shown, since a year's
 * figures never name a municipality outside the cooperation.
 */
async function loadKey(db: DbOrTx, cooperationId: string, year: number): Promise<TKeyShare[]> {
  const members = new Set((await listMembersInYear(db, cooperationId, year)).map((m) => m.municipalityId));
  const shares = await db.select().from(allocationShares)
    .where(and(eq(allocationShares.cooperationId, cooperationId), eq(allocationShares.year, year)));
  const names = new Map((await listMunicipalities(db)).map((m) => [m.id, m.name]));
  // The order the key was entered in (ties, from keys stored before the order was kept, by name).
  const rows = shares.map((s) => ({ id: s.municipalityId, name: names.get(s.municipalityId) ?? '', shareMillionths: s.shareMillionths, position: s.position }))
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name, 'nb'))
    .map(({ position: _position, ...row }) => row);
  const outside = rows.filter((r) => !members.has(r.id));
  if (outside.length) {
    throw conflict(`Fordelingsnøkkelen for ${year} må settes på nytt: ${outside.map((r) => r.name).join(', ')} var ikke medlem i ${year}`);
  }
  return rows;
}

export async function getFinancing(db: DbOrTx, options: { cooperationId: string; year: number }): Promise<TFinancing> {
  const frame = await db.query.financingFrames.findFirst({
    where: and(eq(financingFrames.cooperationId, options.cooperationId), eq(financingFrames.year, options.year)),
  });
  const key = await loadKey(db, options.cooperationId, options.year);
  const operating = frame && key.length ? allocate(frame.operatingFrameOre, key, ORE_PER_KRONE) : [];
  const investment = frame && key.length ? allocate(frame.investmentFrameOre, key, ORE_PER_THOUSAND) : [];
  const shares = key.map((k, i) => ({
    municipalityId: k.id, name: k.name, percent: formatPercent(k.shareMillionths), shareMillionths: k.shareMillionths,
    operatingOre: operating[i]?.amountOre ?? 0, investmentOre: investment[i]?.amountOre ?? 0,
  }));
  return {
    cooperationId: options.cooperationId,
    year: options.year,
    operatingFrameOre: frame?.operatingFrameOre ?? null,
    investmentFrameOre: frame?.investmentFrameOre ?? null,
    shares,
    percentDecimals: keyDecimals(key.map((k) => k.shareMillionths)),
  };
}

// A municipality user's view of the economy. The cooperation's own figures (frames, the operating
// result, each project's budget and actuals) are the council's papers: the public and the members read
// them when a report is published with a meeting. A member reads its own parts only, and the settlement
// only once the year is over, as the report reads it after 31.12 (`mode: 'arsslutt'`); a settlement
// dated within the year is a forecast of the cooperation's result, which the report keeps from them too.

/** A member's share of the year's financing: its percent and what it pays, nothing of the others. */
export async function getMemberFinancing(db: DbOrTx, options: { cooperationId: string; year: number; municipalityId: string | null }): Promise<TMemberFinancing> {
  const { operatingFrameOre: _operating, investmentFrameOre: _investment, ...financing } = await getFinancing(db, options);
  return { ...financing, shares: financing.shares.filter((s) => s.municipalityId === options.municipalityId) };
}

/** A member's parts of a closed year's settlement; 403 for a year not yet over or a date within it. */
export async function getMemberSettlement(db: DbOrTx, options: {
  cooperationId: string; year: number; asOf?: string; municipalityId: string | null; today: string;
}): Promise<TMemberSettlement> {
  const yearEnd = `${options.year + 1}-01-01`;
  if (options.today < yearEnd || (options.asOf !== undefined && options.asOf < yearEnd)) {
    throw forbidden(`Årsoppgjøret for ${options.year} er tilgjengelig for kommunene når året er avsluttet`);
  }
  const { resultOre: _result, investment, ...settlement } = await getSettlement(db, options);
  const own = <T extends { municipalityId: string }>(rows: T[]) => rows.filter((r) => r.municipalityId === options.municipalityId);
  return { ...settlement, rows: own(settlement.rows), investment: { rows: own(investment.rows) } };
}

/**
 * The year-end settlement. Operating: net budget − net actuals (positive = underspend, paid back),
 * rounded to whole kroner and split by the year's key. Investment: each project's budget − actuals,
 * carried over to a project that goes on, settled with the members for one that is finished, cancelled
 * or ended (calculations.ts settleInvestments), that part split by the same key in whole thousands.
 */
export async function getSettlement(db: DbOrTx, options: { cooperationId: string; year: number; asOf?: string }): Promise<TYearEndSettlement> {
  const asOf = options.asOf ?? `${options.year + 1}-01-01`;
  const report = await buildEconomyReport(db, { cooperationId: options.cooperationId, year: options.year, asOf });
  const resultOre = roundToUnit(report.operating.sumExact.budgetOre - report.operating.sumExact.actualOre, ORE_PER_KRONE);
  const key = await loadKey(db, options.cooperationId, options.year);
  const lines = new Map((await listLines(db, { cooperationId: options.cooperationId, kind: 'investering' })).map((l) => [l.id, l]));
  const investment = settleInvestments(report.investment.rows.map((r) => ({
    lineId: r.lineId, name: r.name, status: lines.get(r.lineId)?.status ?? null, endYear: lines.get(r.lineId)?.endYear ?? null,
    budgetOre: r.exact.budgetOre, actualOre: r.exact.actualOre,
  })), options.year);
  const split = (totalOre: number, unit: number) => (key.length ? allocate(totalOre, key, unit) : [])
    .map((p) => ({ municipalityId: p.id, name: p.name, percent: formatPercent(p.shareMillionths), amountOre: p.amountOre }));
  return {
    cooperationId: options.cooperationId,
    year: options.year,
    asOf,
    resultOre,
    rows: split(resultOre, ORE_PER_KRONE),
    percentDecimals: keyDecimals(key.map((k) => k.shareMillionths)),
    investment: { ...investment, rows: split(investment.settledOre, ORE_PER_THOUSAND) },
  };
}
