// A direct write for the one step no governance service covers yet. It writes the same rows and audit
// entry the service would, inside the loader's transaction.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import type { Actor } from '../../src/server/context.js';
import { recordAudit } from '../../src/modules/audit/service.js';
import { cases } from '../../src/modules/governance/schema.js';

// TODO(cases.service.ts): the running scheme always starts a body's year at 1; a cooperation that starts
// using samrad mid-year (the 2018 board began at ST 34/18) needs a starting number. Until the service
// has one, the demo sets the printed numbers before the notice locks them.
export async function setRunningNumber(db: Db, actor: Actor, caseId: string, sequence: number, number: string) {
  const [before] = await db.select({ sequence: cases.sequence, number: cases.number }).from(cases).where(eq(cases.id, caseId));
  await db.update(cases).set({ sequence, number }).where(and(eq(cases.id, caseId), eq(cases.numberLocked, false)));
  await recordAudit(db, actor, { action: 'update', entity: 'case', entityId: caseId, before, after: { sequence, number } });
}
