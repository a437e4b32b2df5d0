// Reads and writes the desk's policy document; a municipality's own document, when there is one,
// replaces the cooperation's default for that municipality's tickets.
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { nextRevision } from '../../lib/revision.js';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, notFound, stale } from '../../server/errors.js';
import { recordAudit, recordUpsertAudit } from '../audit/service.js';
import { cooperationExists } from '../org/cooperations.service.js';
import { existingMunicipalityIds } from '../org/municipalities.service.js';
import { NEUTRAL_POLICY, ZPolicyDocument, compilePolicy, type TCompiledPolicy } from './desk-rules.js';
import { sdPolicies } from './schema.js';
import type { TSavePolicyRequest } from './model.js';

// Documents read from the database are new objects each time; keep one compiled policy per content.
const byContent = new Map<string, TCompiledPolicy>();

function compiledFor(document: unknown): TCompiledPolicy {
  const key = JSON.stringify(document);
  const hit = byContent.get(key);
  if (hit) return hit;
  const result = compilePolicy(ZPolicyDocument.parse(document));
  if (byContent.size > 200) byContent.clear();
  byContent.set(key, result);
  return result;
}

export async function loadPolicy(db: DbOrTx, cooperationId: string, municipalityId: string | null): Promise<TCompiledPolicy> {
  const rows = await db.select().from(sdPolicies).where(and(
    eq(sdPolicies.cooperationId, cooperationId),
    municipalityId ? or(isNull(sdPolicies.municipalityId), eq(sdPolicies.municipalityId, municipalityId)) : isNull(sdPolicies.municipalityId),
  ));
  const own = rows.find((r) => r.municipalityId !== null) ?? rows.find((r) => r.municipalityId === null);
  return own ? compiledFor(own.document) : compilePolicy(NEUTRAL_POLICY);
}

/**
 * The policies of many tickets from one read: answers each (cooperation, municipality)'s policy by the
 * same rule as loadPolicy (the municipality's own, else the cooperation's, else the default).
 */
export async function loadPolicies(db: DbOrTx, cooperationIds: readonly string[]) {
  const rows = cooperationIds.length ? await db.select().from(sdPolicies).where(inArray(sdPolicies.cooperationId, [...new Set(cooperationIds)])) : [];
  return (cooperationId: string, municipalityId: string | null): TCompiledPolicy => {
    const mine = rows.filter((r) => r.cooperationId === cooperationId);
    const own = mine.find((r) => municipalityId !== null && r.municipalityId === municipalityId) ?? mine.find((r) => r.municipalityId === null);
    return own ? compiledFor(own.document) : compilePolicy(NEUTRAL_POLICY);
  };
}

export type TGetPolicyOptions = { cooperationId: string; municipalityId?: string | null };

/**
 * The document a municipality's or the cooperation's tickets run on. A municipality without its own
 * reads the cooperation's, and a cooperation without one the neutral default: `isDefault` and
 * `revision: 0` then say that nothing of its own is saved.
 */
export async function getPolicy(db: DbOrTx, options: TGetPolicyOptions) {
  await mustExist(db, options);
  const row = await findRow(db, options);
  if (row) return { document: row.document, isDefault: false, revision: row.revision, updatedAt: row.updatedAt };
  const inherited = options.municipalityId ? await findRow(db, { cooperationId: options.cooperationId }) : null;
  return { document: inherited?.document ?? NEUTRAL_POLICY, isDefault: true, revision: 0, updatedAt: null };
}

export type TSavePolicyOptions = TGetPolicyOptions & Pick<TSavePolicyRequest, 'document'> & { revision?: number };

const staleMessage = (current: number) =>
  `Reglene er endret av noen andre siden du hentet dem (nå versjon ${current}); last inn på nytt`;

/** Saves the whole document at the revision it was read at (0: nothing saved yet); a stale one writes nothing. */
export async function savePolicy(db: DbOrTx, actor: Actor, options: TSavePolicyOptions) {
  return db.transaction(async (tx) => {
    await mustExist(tx, options);
    const document = ZPolicyDocument.parse(options.document);
    const before = await findRow(tx, options, true);
    const current = before?.revision ?? 0;
    if (options.revision !== undefined && options.revision !== current) throw stale(staleMessage(current), { revision: current });
    let id: string;
    let revision: number;
    if (before) {
      const [row] = await tx.update(sdPolicies).set({ document, revision: nextRevision(sdPolicies), updatedAt: new Date() })
        .where(eq(sdPolicies.id, before.id)).returning({ revision: sdPolicies.revision });
      id = before.id;
      revision = row!.revision;
    } else {
      // Two first saves at once: the unique index lets one in, the other is stale like any late save.
      const [row] = await tx.insert(sdPolicies).values({
        cooperationId: options.cooperationId, municipalityId: options.municipalityId ?? null, document,
      }).onConflictDoNothing().returning({ id: sdPolicies.id, revision: sdPolicies.revision });
      if (!row) throw stale(staleMessage(1), { revision: 1 });
      id = row.id;
      revision = row.revision;
    }
    await recordUpsertAudit(tx, actor, { entity: 'sd_policy', entityId: id, before: before?.document, after: document });
    return { document, isDefault: false, revision };
  });
}

export type TDeletePolicyOptions = { cooperationId: string; municipalityId: string; revision: number };

/**
 * Takes a municipality back to the cooperation's rules: deletes its own document (404 when it has none;
 * 409 when it changed since it was read at `revision`). Its tickets run on the cooperation's rules from
 * then on; old tickets keep their deadlines until the SLA is recomputed, as after any change of rules.
 * Only a municipality's document: the cooperation's own is never deleted, only replaced.
 */
export async function deletePolicy(db: DbOrTx, actor: Actor, options: TDeletePolicyOptions): Promise<void> {
  await db.transaction(async (tx) => {
    await mustExist(tx, options);
    const before = await findRow(tx, options, true);
    if (!before) throw notFound('Egne regler for kommunen');
    if (options.revision !== before.revision) throw stale(staleMessage(before.revision), { revision: before.revision });
    await tx.delete(sdPolicies).where(eq(sdPolicies.id, before.id));
    await recordAudit(tx, actor, {
      action: 'delete', entity: 'sd_policy', entityId: before.id,
      before: { municipalityId: options.municipalityId, revision: before.revision, document: before.document },
    });
  });
}

async function findRow(db: DbOrTx, options: TGetPolicyOptions, lock = false) {
  const query = db.select().from(sdPolicies).where(and(
    eq(sdPolicies.cooperationId, options.cooperationId),
    options.municipalityId ? eq(sdPolicies.municipalityId, options.municipalityId) : isNull(sdPolicies.municipalityId),
  ));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

async function mustExist(db: DbOrTx, options: TGetPolicyOptions) {
  if (!await cooperationExists(db, options.cooperationId)) throw notFound('Samarbeidet');
  if (options.municipalityId) {
    if (!(await existingMunicipalityIds(db, [options.municipalityId])).size) throw badRequest('Kommunen finnes ikke', [{ path: 'municipalityId', message: 'Kommunen finnes ikke' }]);
  }
}
