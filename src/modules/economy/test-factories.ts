// Test data for the economy: a cooperation with members over time (Midsund left 2019, Hustadvika joined
// 2023), one account per role, and builders for lines with a mapping.
import type { Db } from '../../db/client.js';
import { systemActor, type Actor } from '../../server/context.js';
import { createCooperation } from '../org/cooperations.service.js';
import { createMembership } from '../org/memberships.service.js';
import { createMunicipality } from '../org/municipalities.service.js';
import { createUser } from '../org/users.service.js';
import { setAccountMapping } from './actuals.service.js';
import { createLine } from './lines.service.js';

export const PW = 'correct horse battery';

export async function buildEconomyWorld(db: Db) {
  const m = async (name: string) => (await createMunicipality(db, systemActor, { name, number: null })).id;
  const molde = await m('Molde');
  const aukra = await m('Aukra');
  const midsund = await m('Midsund');
  const hustadvika = await m('Hustadvika');
  const coop = await createCooperation(db, systemActor, { name: 'ROR-IKT', shortName: 'ROR-IKT', hostMunicipalityId: molde, founded: null });
  const member = (municipalityId: string, joined: string, left: string | null = null) =>
    createMembership(db, systemActor, { cooperationId: coop.id, municipalityId, joined, left });
  await member(molde, '2009-01-01');
  await member(aukra, '2009-01-01');
  await member(midsund, '2009-01-01', '2019-12-31');
  await member(hustadvika, '2023-01-01');
  await createUser(db, systemActor, { email: 'admin@example.no', name: 'Admin', role: 'admin', password: PW });
  const staff = await createUser(db, systemActor, { email: 'staff@example.no', name: 'Leder', role: 'staff', password: PW });
  await createUser(db, systemActor, { email: 'council@example.no', name: 'Rådsmedlem', role: 'council', password: PW });
  await createUser(db, systemActor, { email: 'molde@example.no', name: 'Molde-bruker', role: 'municipality', municipalityId: molde, password: PW });
  const staffActor: Actor = { userId: staff.id, name: 'Leder' };
  return { cooperationId: coop.id, molde, aukra, midsund, hustadvika, staffActor };
}

export type TEconomyWorld = Awaited<ReturnType<typeof buildEconomyWorld>>;


export async function buildLine(db: Db, options: {
  cooperationId: string; name: string; kind?: 'drift' | 'investering'; isIncome?: boolean; account?: string; project?: string;
}) {
  const line = await createLine(db, systemActor, {
    cooperationId: options.cooperationId, kind: options.kind ?? 'drift', name: options.name, isIncome: options.isIncome,
  });
  if (options.account) await setAccountMapping(db, systemActor, { cooperationId: options.cooperationId, account: options.account, lineId: line.id });
  if (options.project) await setAccountMapping(db, systemActor, { cooperationId: options.cooperationId, project: options.project, lineId: line.id });
  return line;
}
