// The lines a cooperation budgets on: operating expense types and investment projects. Configurable per
// cooperation (names, order, income flag), so another cooperation's chart of lines is data, not code.
import { and, asc, eq, max } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, notFound } from '../../server/errors.js';
import { lockAtRevision, nextRevision } from '../../lib/revision.js';
import { recordAudit } from '../audit/service.js';
import { assertMunicipalityExists } from '../org/municipalities.service.js';
import type { TCreateLineRequest, TLineOrderRequest, TUpdateLineRequest } from './model.js';
import { economyLines } from './schema.js';
import type { TLineKind } from './vocabulary.js';

export type TLineRow = typeof economyLines.$inferSelect;

export async function listLines(db: DbOrTx, options: { cooperationId: string; kind?: TLineKind }) {
  return db.select().from(economyLines)
    .where(and(eq(economyLines.cooperationId, options.cooperationId), options.kind ? eq(economyLines.kind, options.kind) : undefined))
    .orderBy(asc(economyLines.kind), asc(economyLines.position), asc(economyLines.name));
}

export async function getLine(db: DbOrTx, id: string): Promise<TLineRow> {
  const row = await db.query.economyLines.findFirst({ where: eq(economyLines.id, id) });
  if (!row) throw notFound('Linjen');
  return row;
}

/** For services that take a line id in a body: a missing line is the caller's bad input (400, the field named). */
export async function requireLine(db: DbOrTx, options: { id: string; cooperationId?: string; field: string }): Promise<TLineRow> {
  const row = await db.query.economyLines.findFirst({ where: eq(economyLines.id, options.id) });
  if (!row || (options.cooperationId && row.cooperationId !== options.cooperationId)) {
    throw badRequest('Linjen finnes ikke', [{ path: options.field, message: 'Linjen finnes ikke i dette samarbeidet' }]);
  }
  return row;
}

async function checkLineInput(db: DbOrTx, input: Omit<TUpdateLineRequest, 'revision'>, kind: TLineKind) {
  if (kind === 'drift' && (input.owner || input.municipalityId || input.startYear || input.endYear || input.status)) {
    throw badRequest('Eier, kommune, år og status gjelder bare investeringsprosjekter', [{ path: 'kind', message: 'Bare for investeringsprosjekter' }]);
  }
  if (kind === 'investering' && input.isIncome) {
    throw badRequest('Et investeringsprosjekt kan ikke være en inntektslinje', [{ path: 'isIncome', message: 'Bare for driftslinjer' }]);
  }
  if (input.startYear && input.endYear && input.endYear < input.startYear) {
    throw badRequest('Sluttår kan ikke være før startår', [{ path: 'endYear', message: 'Sluttår kan ikke være før startår' }]);
  }
  await assertMunicipalityExists(db, input.municipalityId, 'municipalityId');
}

export async function createLine(db: Db, actor: Actor, options: { cooperationId: string } & Omit<TCreateLineRequest, 'cooperationId'>): Promise<TLineRow> {
  return db.transaction(async (tx) => {
    await checkLineInput(tx, options, options.kind);
    const [row] = await tx.insert(economyLines).values({
      cooperationId: options.cooperationId,
      kind: options.kind,
      name: options.name,
      // Without a place the line goes last of its kind, so a chart made in the web prints in the order
      // it was entered, not alphabetically (issue 12); the order route moves it afterwards.
      position: options.position ?? await nextPosition(tx, options.cooperationId, options.kind),
      isIncome: options.isIncome ?? false,
      active: options.active ?? true,
      owner: options.owner ?? null,
      municipalityId: options.municipalityId ?? null,
      startYear: options.startYear ?? null,
      endYear: options.endYear ?? null,
      status: options.status ?? (options.kind === 'investering' ? 'planlagt' : null),
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'economy_line', entityId: row!.id, after: row! });
    return row!;
  });
}

async function nextPosition(db: DbOrTx, cooperationId: string, kind: TLineKind): Promise<number> {
  const [row] = await db.select({ last: max(economyLines.position) }).from(economyLines)
    .where(and(eq(economyLines.cooperationId, cooperationId), eq(economyLines.kind, kind)));
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/**
 * The order of a kind's lines, as the papers print them: `lineIds` names every line of the kind (active
 * or not) exactly once, first to last, and they get positions 0, 1, 2, … in one transaction. A line left
 * out, named twice, unknown, of the other kind or of another cooperation is 400 on `lineIds` (or
 * `lineIds.N`), writing nothing. A line whose place changes counts its revision up (decision 0024: every
 * write of the row does) and is audited as an update of that line; the others are left alone.
 */
export async function setLineOrder(db: Db, actor: Actor, options: { cooperationId: string } & TLineOrderRequest): Promise<TLineRow[]> {
  return db.transaction(async (tx) => {
    const current = await tx.select().from(economyLines)
      .where(and(eq(economyLines.cooperationId, options.cooperationId), eq(economyLines.kind, options.kind)))
      .orderBy(asc(economyLines.position), asc(economyLines.name))
      .for('update');
    const byId = new Map(current.map((l) => [l.id, l]));
    const seen = new Set<string>();
    options.lineIds.forEach((id, i) => {
      if (!byId.has(id)) {
        throw badRequest('Linjen finnes ikke blant linjene av denne typen i samarbeidet', [{ path: `lineIds.${i}`, message: 'Linjen finnes ikke blant linjene av denne typen i samarbeidet' }]);
      }
      if (seen.has(id)) throw badRequest('Linjen står to ganger i rekkefølgen', [{ path: `lineIds.${i}`, message: 'Linjen står to ganger i rekkefølgen' }]);
      seen.add(id);
    });
    const missing = current.filter((l) => !seen.has(l.id));
    if (missing.length) {
      const message = `Rekkefølgen må ta med alle linjene av typen; mangler: ${missing.map((l) => l.name).join(', ')}`;
      throw badRequest(message, [{ path: 'lineIds', message }]);
    }
    const rows: TLineRow[] = [];
    for (const [position, id] of options.lineIds.entries()) {
      const before = byId.get(id)!;
      if (before.position === position) { rows.push(before); continue; }
      const [row] = await tx.update(economyLines).set({ position, revision: nextRevision(economyLines) }).where(eq(economyLines.id, id)).returning();
      await recordAudit(tx, actor, { action: 'update', entity: 'economy_line', entityId: id, before, after: row! });
      rows.push(row!);
    }
    return rows;
  });
}

/** The line's fields the request names, at the revision it was read at (decision 0024: 409 `stale` past it). */
export async function updateLine(db: Db, actor: Actor, options: { id: string } & TUpdateLineRequest): Promise<TLineRow> {
  const { id, revision, ...changes } = options;
  return db.transaction(async (tx) => {
    await lockAtRevision(tx, economyLines, id, revision, 'Linjen');
    const before = await getLine(tx, id);
    await checkLineInput(tx, { ...before, ...changes }, before.kind);
    const [row] = await tx.update(economyLines).set({ ...changes, revision: nextRevision(economyLines) }).where(eq(economyLines.id, id)).returning();
    await recordAudit(tx, actor, { action: 'update', entity: 'economy_line', entityId: id, before, after: row! });
    return row!;
  });
}
