// What anyone may know about the cooperation, signed in or not.
import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { requireInstallCooperation } from './cooperations.service.js';
import { listMembersOn } from './memberships.service.js';
import { bodies } from './schema.js';

/** What anyone may know: the name, today's member municipalities and the active bodies. */
export async function getPublicCooperation(db: DbOrTx, today: string) {
  const coop = await requireInstallCooperation(db);
  const members = await listMembersOn(db, coop.id, today);
  const bodyRows = await db.select({ id: bodies.id, name: bodies.name, kind: bodies.kind }).from(bodies)
    .where(and(eq(bodies.cooperationId, coop.id), eq(bodies.active, true))).orderBy(asc(bodies.name));
  return {
    name: coop.name,
    shortName: coop.shortName,
    members: members.map((m) => ({ name: m.name, number: m.number })),
    bodies: bodyRows,
  };
}
