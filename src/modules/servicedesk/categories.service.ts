// The categories a ticket may be filed under, as the policy that applies to one municipality lists them
// (its own policy when it has one, else its cooperation's). The portal and the phone-call form read this
// instead of the whole policy, which only admins and staff may see.
import type { DbOrTx } from '../../db/client.js';
import type { SessionUser } from '../../server/context.js';
import { badRequest, forbidden, notFound } from '../../server/errors.js';
import { latestCooperationOf } from '../org/memberships.service.js';
import { existingMunicipalityIds } from '../org/municipalities.service.js';
import { isDesk } from './policy.js';
import { resolveCooperation } from './phone/phone-stats.service.js';
import { loadPolicy } from './desk-rules.service.js';
import type { TPolicyDocument } from './desk-rules.js';
import type { ZCategoryList } from './model.js';
import type { z } from '@hono/zod-openapi';

export type TCategoryList = z.infer<typeof ZCategoryList>;

function listOf(cooperationId: string, municipalityId: string | null, policy: TPolicyDocument): TCategoryList {
  return {
    cooperationId, municipalityId, categories: policy.categories,
    guide: policy.categories.map((category) => ({
      category, description: policy.categoryGuide[category]?.description ?? null, examples: policy.categoryGuide[category]?.examples ?? [],
    })),
  };
}

/**
 * A portal user always gets their own municipality's list (asking for another is refused: the
 * parameter is the desk's). The desk names a municipality, or gets the home cooperation's default.
 */
export async function listCategories(db: DbOrTx, user: SessionUser, options: { municipalityId?: string } = {}): Promise<TCategoryList> {
  let municipalityId: string | null = options.municipalityId ?? null;
  if (!isDesk(user)) {
    if (!user.municipalityId) throw badRequest('Brukeren er ikke knyttet til en kommune');
    if (municipalityId && municipalityId !== user.municipalityId) throw forbidden('Du kan bare se kategoriene for din egen kommune');
    municipalityId = user.municipalityId;
  }
  if (!municipalityId) {
    const cooperationId = await resolveCooperation(db);
    return listOf(cooperationId, null, (await loadPolicy(db, cooperationId, null)).document);
  }
  if (!(await existingMunicipalityIds(db, [municipalityId])).size) throw notFound('Kommunen');
  // The newest membership decides, as when a ticket is filed (tickets.create cooperationOf).
  const cooperationId = await latestCooperationOf(db, municipalityId);
  if (!cooperationId) throw notFound('Et samarbeid kommunen er medlem av');
  const policy = await loadPolicy(db, cooperationId, municipalityId);
  return listOf(cooperationId, municipalityId, policy.document);
}
