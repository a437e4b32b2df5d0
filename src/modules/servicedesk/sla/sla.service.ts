// Recomputing the SLA cache of past tickets after a change of calendar or targets: an explicit admin
// action, audited with what it covered and how many tickets changed. Nothing else rewrites old SLA
// results, so the numbers in a report only move when someone chose to move them.
import { and, asc, eq, gt, gte, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import type { Actor } from '../../../server/context.js';
import { recordAudit } from '../../audit/service.js';
import { refreshSla } from '../tickets/history.js';
import { sdTickets } from '../schema.js';

export type TRecomputeSlaOptions = { cooperationId?: string; createdFrom?: Date; createdTo?: Date; now?: Date };

export async function recomputeSla(db: Db, actor: Actor, options: TRecomputeSlaOptions) {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const filter: SQL[] = [];
    if (options.cooperationId) filter.push(eq(sdTickets.cooperationId, options.cooperationId));
    if (options.createdFrom) filter.push(gte(sdTickets.createdAt, options.createdFrom));
    if (options.createdTo) filter.push(lte(sdTickets.createdAt, options.createdTo));
    let lastNumber = 0;
    let tickets = 0;
    let changed = 0;
    for (;;) {
      const batch = await tx.select().from(sdTickets)
        .where(and(gt(sdTickets.number, lastNumber), ...filter)).orderBy(asc(sdTickets.number)).limit(500);
      if (!batch.length) break;
      for (const before of batch) {
        const state = await refreshSla(tx, before.id, now);
        tickets++;
        const r = state.resolution;
        if (r.met !== before.slaResolutionMet || (r.breachedAt?.getTime() ?? null) !== (before.slaResolutionBreachedAt?.getTime() ?? null)) changed++;
      }
      lastNumber = batch.at(-1)!.number;
    }
    const summary = {
      tickets, changed,
      filter: { cooperationId: options.cooperationId ?? null, createdFrom: options.createdFrom ?? null, createdTo: options.createdTo ?? null },
    };
    await recordAudit(tx, actor, { action: 'recompute', entity: 'sd_sla', entityId: options.cooperationId ?? 'alle', after: summary });
    return summary;
  });
}
