// Test data for the portfolio: a cooperation of two members (Molde, Aukra) with its three project kinds
// and the accounts of each role; portfolio-fixture.ts signs them in over HTTP.
import type { Db } from '../../db/client.js';
import { systemActor } from '../../server/context.js';
import { createCooperation } from '../org/cooperations.service.js';
import { createMembership } from '../org/memberships.service.js';
import { createMunicipality } from '../org/municipalities.service.js';
import { createUser } from '../org/users.service.js';
import type { TCreateProjectRequest } from './model.js';
import { createProject, createProjectKind } from './projects.service.js';

export const PORTFOLIO_PASSWORD = 'portfolio test password';

export const PORTFOLIO_ACCOUNTS = {
  admin: 'admin@portefolje.test', staff: 'leder@portefolje.test', council: 'rad@portefolje.test',
  molde: 'ansatt@molde.portefolje.test', aukra: 'ansatt@aukra.portefolje.test',
} as const;

export async function buildPortfolio(db: Db) {
  const coop = await createCooperation(db, systemActor, { name: 'Portefølje-IKT', shortName: 'PIKT' });
  const molde = await createMunicipality(db, systemActor, { name: 'Molde', number: '1506' });
  const aukra = await createMunicipality(db, systemActor, { name: 'Aukra', number: '1547' });
  for (const m of [molde, aukra]) await createMembership(db, systemActor, { cooperationId: coop.id, municipalityId: m.id, joined: '2009-01-01' });
  const roles = { admin: ['admin', null], staff: ['staff', null], council: ['council', null], molde: ['municipality', molde.id], aukra: ['municipality', aukra.id] } as const;
  for (const [key, [role, municipalityId]] of Object.entries(roles)) {
    await createUser(db, systemActor, { email: PORTFOLIO_ACCOUNTS[key as keyof typeof roles], name: `Test ${key}`, role, municipalityId, password: PORTFOLIO_PASSWORD });
  }
  const kind = async (name: string, weeklyStatus: boolean, sortOrder: number) =>
    createProjectKind(db, systemActor, { cooperationId: coop.id, name, weeklyStatus, sortOrder });
  return { coop, molde, aukra, building: await kind('Byggprosjekt', true, 0), development: await kind('Utviklingsprosjekt', false, 1) };
}

export type TPortfolioWorld = Awaited<ReturnType<typeof buildPortfolio>>;

/** A project with sensible defaults: `buildProject(db, w, { title: 'Ny skole', municipalityId: w.molde.id })`. */
export function buildProject(db: Db, w: TPortfolioWorld, options: Partial<TCreateProjectRequest> & { title: string }) {
  return createProject(db, systemActor, { cooperationId: w.coop.id, kindId: w.building.id, phase: 'gjennomforing', sortOrder: 0, ...options });
}
