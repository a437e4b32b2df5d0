// Loads the organisation half of the demo through the org service: municipalities, the cooperation and
// its memberships, the two bodies, people, body members and the four demo accounts.
import type { Db } from '../../src/db/client.js';
import type { Actor } from '../../src/server/context.js';
import { createBody } from '../../src/modules/org/bodies.service.js';
import { createBodyMember } from '../../src/modules/org/body-members.service.js';
import { createCooperation } from '../../src/modules/org/cooperations.service.js';
import { createMembership } from '../../src/modules/org/memberships.service.js';
import { createMunicipality } from '../../src/modules/org/municipalities.service.js';
import { createPerson } from '../../src/modules/org/people.service.js';
import { createUser } from '../../src/modules/org/users.service.js';
import {
  accounts, bodies, bodyMembers, cooperation, DEMO_PASSWORD, municipalities, people,
} from '../data/index.js';
import type { TBodyKey, TMunicipalityKey, TPersonKey } from '../data/types.js';

/** The ids the data's keys became, for the governance half of the loader. */
export type TDemoRefs = {
  cooperationId: string;
  municipality: (key: TMunicipalityKey) => string;
  body: (key: TBodyKey) => string;
  person: (key: TPersonKey) => string;
};

function lookup<K extends string>(what: string, ids: Map<K, string>) {
  return (key: K) => {
    const id = ids.get(key);
    if (!id) throw new Error(`demo data: unknown ${what} "${key}"`);
    return id;
  };
}

export async function loadOrganisation(db: Db, actor: Actor): Promise<TDemoRefs> {
  const municipalityIds = new Map<TMunicipalityKey, string>();
  for (const m of municipalities) {
    const row = await createMunicipality(db, actor, { name: m.name, number: m.number });
    municipalityIds.set(m.key, row.id);
  }
  const municipality = lookup('municipality', municipalityIds);

  const coop = await createCooperation(db, actor, {
    name: cooperation.name, shortName: cooperation.shortName,
    hostMunicipalityId: municipality(cooperation.host), founded: cooperation.founded,
  });
  for (const m of municipalities) {
    await createMembership(db, actor, {
      cooperationId: coop.id, municipalityId: municipality(m.key), joined: m.joined, left: m.left ?? null,
    });
  }

  const bodyIds = new Map<TBodyKey, string>();
  for (const b of bodies) {
    const row = await createBody(db, actor, {
      cooperationId: coop.id, name: b.name, kind: b.kind, caseNumbering: b.caseNumbering,
      casePrefix: b.casePrefix ?? null, active: b.active,
    });
    bodyIds.set(b.key, row.id);
  }
  const body = lookup('body', bodyIds);

  const personIds = new Map<TPersonKey, string>();
  for (const p of people) {
    const row = await createPerson(db, actor, {
      givenName: p.givenName, familyName: p.familyName, email: p.email, title: p.title ?? null,
      municipalityId: p.municipality ? municipality(p.municipality) : null,
    });
    personIds.set(p.key, row.id);
  }
  const person = lookup('person', personIds);

  for (const m of bodyMembers) {
    await createBodyMember(db, actor, {
      bodyId: body(m.body), personId: person(m.person), role: m.role,
      municipalityId: m.municipality ? municipality(m.municipality) : null, fromDate: m.from, toDate: m.to ?? null,
    });
  }

  for (const a of accounts) {
    await createUser(db, actor, {
      email: a.email, name: a.name, role: a.role, password: DEMO_PASSWORD, demo: true,
      municipalityId: a.municipality ? municipality(a.municipality) : null,
      personId: a.person ? person(a.person) : null,
    });
  }

  return { cooperationId: coop.id, municipality, body, person };
}
