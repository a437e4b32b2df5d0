// Manual actuals (an amount booked outside the ledger export) and the account mapping the ledger
// import uses to put each row on a line.
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest } from '../../server/errors.js';
import { recordAudit, recordUpsertAudit } from '../audit/service.js';
import { requireLine } from './lines.service.js';
import type { TAccountMappingRequest, TManualActualRequest } from './model.js';
import { accountMappings, actuals } from './schema.js';

export async function addManualActual(db: Db, actor: Actor, options: { cooperationId: string; year: number } & TManualActualRequest) {
  return db.transaction(async (tx) => {
    await requireLine(tx, { id: options.lineId, cooperationId: options.cooperationId, field: 'lineId' });
    const [row] = await tx.insert(actuals).values({
      cooperationId: options.cooperationId, lineId: options.lineId, year: options.year, period: options.period,
      amountOre: options.amountOre, source: 'manuell', text: options.text ?? null,
    }).returning();
    await recordAudit(tx, actor, { action: 'create', entity: 'economy_actual', entityId: row!.id, after: row! });
    return row!;
  });
}

export async function listAccountMappings(db: DbOrTx, cooperationId: string) {
  return db.select().from(accountMappings).where(eq(accountMappings.cooperationId, cooperationId))
    .orderBy(asc(accountMappings.account), asc(accountMappings.project));
}

/** Maps a ledger account or a project code to a line; setting it again moves it. */
export async function setAccountMapping(db: Db, actor: Actor, options: { cooperationId: string } & TAccountMappingRequest) {
  const account = options.account?.trim() || null;
  const project = options.project?.trim() || null;
  if ((account === null) === (project === null)) {
    throw badRequest('Oppgi enten konto eller prosjekt', [{ path: account ? 'project' : 'account', message: 'Oppgi enten konto eller prosjekt, ikke begge' }]);
  }
  return db.transaction(async (tx) => {
    await requireLine(tx, { id: options.lineId, cooperationId: options.cooperationId, field: 'lineId' });
    const where = and(
      eq(accountMappings.cooperationId, options.cooperationId),
      account ? eq(accountMappings.account, account) : isNull(accountMappings.account),
      project ? eq(accountMappings.project, project) : isNull(accountMappings.project),
    );
    const before = await tx.query.accountMappings.findFirst({ where });
    let row;
    if (before) {
      [row] = await tx.update(accountMappings).set({ lineId: options.lineId }).where(eq(accountMappings.id, before.id)).returning();
    } else {
      [row] = await tx.insert(accountMappings).values({ cooperationId: options.cooperationId, account, project, lineId: options.lineId }).returning();
    }
    await recordUpsertAudit(tx, actor, { entity: 'economy_account_mapping', entityId: row!.id, before, after: row! });
    return row!;
  });
}

/** The manual entries of a year, newest period first: imported rows are listed per ledger import. */
export async function listManualActuals(db: DbOrTx, options: { cooperationId: string; year: number }) {
  return db.select().from(actuals)
    .where(and(eq(actuals.cooperationId, options.cooperationId), eq(actuals.year, options.year), eq(actuals.source, 'manuell')))
    .orderBy(desc(actuals.period), asc(actuals.lineId));
}
