// Test data for equipment: ROR-IKT's five members of 2023 (Hustadvika joined 1.1.2023, so it comes last
// in the table, as in the papers), the cooperation's staff, a council member and a user in Molde.
import type { Db } from '../../db/client.js';
import { systemActor, type SessionUser } from '../../server/context.js';
import { createCooperation } from '../org/cooperations.service.js';
import { createMembership } from '../org/memberships.service.js';
import { createMunicipality } from '../org/municipalities.service.js';
import { createUser } from '../org/users.service.js';

export const PASSWORD = 'correct horse battery';

export const EQUIPMENT_ACCOUNTS = { staff: 'leder@ror.no', council: 'rad@ror.no', molde: 'anne@molde.kommune.no', aukra: 'cecilie@aukra.kommune.no' };

export async function buildEquipment(db: Db) {
  const coop = await createCooperation(db, systemActor, { name: 'ROR-IKT', shortName: 'ROR' });
  const ids = {} as Record<'aukra' | 'molde' | 'rauma' | 'vestnes' | 'hustadvika', string>;
  for (const [key, name, number, joined] of [
    ['molde', 'Molde', '1506', '2009-01-01'], ['aukra', 'Aukra', '1547', '2009-01-01'], ['rauma', 'Rauma', '1539', '2009-01-01'],
    ['vestnes', 'Vestnes', '1535', '2009-01-01'], ['hustadvika', 'Hustadvika', '1579', '2023-01-01'],
  ] as const) {
    ids[key] = (await createMunicipality(db, systemActor, { name, number })).id;
    await createMembership(db, systemActor, { cooperationId: coop.id, municipalityId: ids[key], joined });
  }
  const user = async (email: string, name: string, role: SessionUser['role'], municipalityId: string | null = null): Promise<SessionUser> => {
    const u = await createUser(db, systemActor, { email, name, role, password: PASSWORD, municipalityId });
    return { id: u.id, email, name, role, municipalityId, personId: null };
  };
  return {
    coop, municipality: (key: keyof typeof ids) => ids[key], ids,
    staff: await user(EQUIPMENT_ACCOUNTS.staff, 'Fred Leder', 'staff'),
    council: await user(EQUIPMENT_ACCOUNTS.council, 'Rådsmedlem', 'council'),
    molde: await user(EQUIPMENT_ACCOUNTS.molde, 'Anne Molde', 'municipality', ids.molde),
    aukra: await user(EQUIPMENT_ACCOUNTS.aukra, 'Cecilie Aukra', 'municipality', ids.aukra),
  };
}
