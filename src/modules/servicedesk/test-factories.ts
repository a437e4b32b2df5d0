// Test data for the service desk: a cooperation with two member municipalities and one outside, desk
// staff and portal users, as service-level SessionUsers (desk-fixture.ts signs them in over HTTP).
import type { Db } from '../../db/client.js';
import { DEMO_POLICY } from './desk-rules.js';
import { savePolicy } from './desk-rules.service.js';
import { systemActor, type SessionUser } from '../../server/context.js';
import { createCooperation } from '../org/cooperations.service.js';
import { createMembership } from '../org/memberships.service.js';
import { createMunicipality } from '../org/municipalities.service.js';
import { createUser } from '../org/users.service.js';
import { zonedTime } from './sla/calendar.js';

export const PASSWORD = 'correct horse battery';

export async function buildServiceDesk(db: Db) {
  const coop = await createCooperation(db, systemActor, { name: 'ROR-IKT', shortName: 'ROR' });
  const molde = await createMunicipality(db, systemActor, { name: 'Molde', number: '1506' });
  const aukra = await createMunicipality(db, systemActor, { name: 'Aukra', number: '1547' });
  const outside = await createMunicipality(db, systemActor, { name: 'Sunndal', number: '1563' });
  for (const m of [molde, aukra]) await createMembership(db, systemActor, { cooperationId: coop.id, municipalityId: m.id, joined: '2006-01-01' });
  // ROR-IKT's own rules, as the demo stores them: the tests' categories and targets are the seeds'.
  await savePolicy(db, systemActor, { cooperationId: coop.id, document: DEMO_POLICY });
  const user = async (email: string, name: string, role: SessionUser['role'], municipalityId: string | null = null): Promise<SessionUser> => {
    const u = await createUser(db, systemActor, { email, name, role, password: PASSWORD, municipalityId });
    return { id: u.id, email, name, role, municipalityId, personId: null };
  };
  return {
    coop, molde, aukra, outside,
    admin: await user('admin@ror.no', 'Admin', 'admin'),
    agent: await user('agent@ror.no', 'Kari Kundeservice', 'staff'),
    agent2: await user('agent2@ror.no', 'Ola Kundeservice', 'staff'),
    council: await user('rad@ror.no', 'Rådsmedlem', 'council'),
    anne: await user('anne@molde.kommune.no', 'Anne Molde', 'municipality', molde.id),
    bjorn: await user('bjorn@molde.kommune.no', 'Bjørn Molde', 'municipality', molde.id),
    cecilie: await user('cecilie@aukra.kommune.no', 'Cecilie Aukra', 'municipality', aukra.id),
  };
}

export type TServiceDeskFixture = Awaited<ReturnType<typeof buildServiceDesk>>;

/** An Oslo wall-clock time ("2025-06-02T09:00") as an instant. */
export const oslo = (iso: string) => zonedTime('Europe/Oslo', iso);

/** The test clock's header (SAMRAD_TEST_CLOCK=on) for an Oslo wall-clock time. */
export const at = (iso: string) => ({ 'x-samrad-now': oslo(iso).toISOString() });
