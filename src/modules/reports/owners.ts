// Section owners are staff accounts. The names come from org's users through its exported function.
import type { DbOrTx } from '../../db/client.js';
import { badRequest } from '../../server/errors.js';
import type { TRole } from '../org/vocabulary.js';
import { listUsers } from '../org/users.service.js';
import { canOwnSections } from './policy.js';

export type TUserNames = Map<string, { name: string; role: TRole; disabled: boolean }>;

export async function loadUserNames(db: DbOrTx): Promise<TUserNames> {
  const users = await listUsers(db);
  return new Map(users.map((u) => [u.id, { name: u.name, role: u.role, disabled: u.disabled }]));
}

/** 400 on `field` when an id is not a staff or admin account. */
export function assertOwners(names: TUserNames, ids: readonly string[], field: string) {
  ids.forEach((id, i) => {
    const user = names.get(id);
    if (!user || !canOwnSections(user.role)) {
      throw badRequest('En seksjonseier må være en ansatt', [{ path: `${field}.${i}`, message: 'Ikke en ansatt i samarbeidet' }]);
    }
  });
  if (new Set(ids).size !== ids.length) throw badRequest('Samme eier står to ganger', [{ path: field, message: 'Samme eier står to ganger' }]);
}
