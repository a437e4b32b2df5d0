// Reads and writes the desk's policy document; a municipality's own document, when there is one,
// replaces the cooperation's default for that municipality's tickets.
import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest, notFound } from '../../server/errors.js';
import { recordUpsertAudit } from '../audit/service.js';
import { cooperationExists } from '../org/cooperations.service.js';
import { existingMunicipalityIds } from '../org/municipalities.service.js';
import { DEFAULT_POLICY, ZPolicyDocument, compilePolicy, type TCompiledPolicy } from './desk-rules.js';
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
  return own ? compiledFor(own.document) : compilePolicy(DEFAULT_POLICY);
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
    return own ? compiledFor(own.document) : compilePolicy(DEFAULT_POLICY);
  };
}

export type TGetPolicyOptions = { cooperationId: string; municipalityId?: string | null };

export async function getPolicy(db: DbOrTx, options: TGetPolicyOptions) {
  await mustExist(db, options);
  const row = await findRow(db, options);
  return { document: row?.document ?? DEFAULT_POLICY, isDefault: !row, updatedAt: row?.updatedAt ?? null };
}

export type TSavePolicyOptions = TGetPolicyOptions & Pick<TSavePolicyRequest, 'document'>;

export async function savePolicy(db: DbOrTx, actor: Actor, options: TSavePolicyOptions) {
  return db.transaction(async (tx) => {
    await mustExist(tx, options);
    const before = await findRow(tx, options);
    const document = ZPolicyDocument.parse(options.document);
    let id: string;
    if (before) {
      await tx.update(sdPolicies).set({ document, updatedAt: new Date() }).where(eq(sdPolicies.id, before.id));
      id = before.id;
    } else {
      const [row] = await tx.insert(sdPolicies).values({
        cooperationId: options.cooperationId, municipalityId: options.municipalityId ?? null, document,
      }).returning({ id: sdPolicies.id });
      id = row!.id;
    }
    await recordUpsertAudit(tx, actor, { entity: 'sd_policy', entityId: id, before: before?.document, after: document });
    return { document, isDefault: false };
  });
}

async function findRow(db: DbOrTx, options: TGetPolicyOptions) {
  const [row] = await db.select().from(sdPolicies).where(and(
    eq(sdPolicies.cooperationId, options.cooperationId),
    options.municipalityId ? eq(sdPolicies.municipalityId, options.municipalityId) : isNull(sdPolicies.municipalityId),
  ));
  return row ?? null;
}

async function mustExist(db: DbOrTx, options: TGetPolicyOptions) {
  if (!await cooperationExists(db, options.cooperationId)) throw notFound('Samarbeidet');
  if (options.municipalityId) {
    if (!(await existingMunicipalityIds(db, [options.municipalityId])).size) throw badRequest('Kommunen finnes ikke', [{ path: 'municipalityId', message: 'Kommunen finnes ikke' }]);
  }
}
