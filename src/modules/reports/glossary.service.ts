// Definisjoner og begreper: the cooperation's glossary, kept by staff and printed by the glossary block.
import { asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import type { Actor } from '../../server/context.js';
import { badRequest } from '../../server/errors.js';
import { recordAudit } from '../audit/service.js';
import type { TGlossary, TSetGlossaryRequest } from './model.js';
import { reportGlossaryTerms } from './schema.js';

export async function listGlossary(db: DbOrTx, options: { cooperationId: string }): Promise<TGlossary> {
  const rows = await db.select().from(reportGlossaryTerms).where(eq(reportGlossaryTerms.cooperationId, options.cooperationId));
  return { terms: rows.map((r) => ({ term: r.term, definition: r.definition })).sort((a, b) => a.term.localeCompare(b.term, 'nb')) };
}

/** Replaces the whole glossary. */
export async function setGlossary(db: Db, actor: Actor, options: TSetGlossaryRequest & { cooperationId: string }): Promise<TGlossary> {
  const seen = new Set<string>();
  options.terms.forEach((t, i) => {
    const key = t.term.toLocaleLowerCase('nb');
    if (seen.has(key)) throw badRequest(`Begrepet ${t.term} står to ganger`, [{ path: `terms.${i}.term`, message: 'Står to ganger' }]);
    seen.add(key);
  });
  await db.transaction(async (tx) => {
    const before = await listGlossary(tx, options);
    await tx.delete(reportGlossaryTerms).where(eq(reportGlossaryTerms.cooperationId, options.cooperationId));
    if (options.terms.length) await tx.insert(reportGlossaryTerms).values(options.terms.map((t) => ({ cooperationId: options.cooperationId, ...t })));
    await recordAudit(tx, actor, { action: 'update', entity: 'report_glossary', entityId: options.cooperationId, before, after: { terms: options.terms } });
  });
  return listGlossary(db, options);
}
