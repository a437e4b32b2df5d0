// Test data for reports: a cooperation, one account per role (two section owners among the staff), the
// activity report's template in the shape of seed 000, a council meeting with its "Økonomi- og
// aktivitetsrapport" case, and the app with a signed-in client per account.
import type { Db } from '../../db/client.js';
import { systemActor } from '../../server/context.js';
import { buildClients, createTestApp, createTestFileStore } from '../../test/app.js';
import { createTestDatabase } from '../../test/db.js';
import { createBody } from '../org/bodies.service.js';
import { createCooperation } from '../org/cooperations.service.js';
import { createUser } from '../org/users.service.js';
import { createCase } from '../governance/cases.service.js';
import { createMeeting } from '../governance/meetings.service.js';
import { listLegalBases } from '../governance/reference-data.js';
import type { TTemplateSectionInput } from './model.js';
import { createTemplate } from './templates.service.js';

export const REPORT_PASSWORD = 'correct horse battery';

export const REPORT_ACCOUNTS = {
  admin: 'admin@example.no',
  leader: 'leder@example.no',
  desk: 'kundeservice@example.no',
  drift: 'drift@example.no',
  council: 'rad@example.no',
  muni: 'ansatt@molde.example.no',
} as const;

/** Seed 000's tree, shortened: 1 Økonomirapport (1.1, 1.2), 2 Aktiviteter (2.1 Kundeservice with 2.1.5 Support and 2.1.5.1), 2.4 Teknisk, 3 Definisjoner og begreper. */
export function seedTree(owners: { desk: string; drift: string }): TTemplateSectionInput[] {
  return [
    { key: 'okonomi', parentKey: null, title: 'Økonomirapport', ownerUserIds: [] },
    { key: 'drift', parentKey: 'okonomi', title: 'Driftskostnader', ownerUserIds: [] },
    { key: 'investering', parentKey: 'okonomi', title: 'Investeringskostnader', ownerUserIds: [] },
    { key: 'aktiviteter', parentKey: null, title: 'Aktiviteter', ownerUserIds: [] },
    { key: 'kundeservice', parentKey: 'aktiviteter', title: 'Kundeservice', ownerUserIds: [owners.desk] },
    { key: 'rullering', parentKey: 'kundeservice', title: 'Rullering av PC-er', ownerUserIds: [owners.desk] },
    { key: 'rakel', parentKey: 'kundeservice', title: 'Spør Rakel', ownerUserIds: [owners.desk] },
    { key: 'helseplattformen', parentKey: 'kundeservice', title: 'Støtte ifm. Helseplattformen', ownerUserIds: [owners.desk] },
    { key: 'kompetanse', parentKey: 'kundeservice', title: 'Kompetanseportalen', ownerUserIds: [owners.desk] },
    { key: 'support', parentKey: 'kundeservice', title: 'Support', ownerUserIds: [owners.desk] },
    { key: 'kategori', parentKey: 'support', title: 'Nye feil og forespørsler fordelt på kategori', ownerUserIds: [owners.desk] },
    { key: 'oppvekst', parentKey: 'aktiviteter', title: 'Oppvekst og utdanning', ownerUserIds: [owners.drift] },
    { key: 'helse', parentKey: 'aktiviteter', title: 'Helse og velferd', ownerUserIds: [owners.drift] },
    { key: 'teknisk', parentKey: 'aktiviteter', title: 'Teknisk', ownerUserIds: [owners.drift] },
    { key: 'begreper', parentKey: null, title: 'Definisjoner og begreper', ownerUserIds: [] },
  ];
}

export async function buildReportWorld(db: Db) {
  const coop = await createCooperation(db, systemActor, { name: 'ROR-IKT', shortName: 'ROR-IKT', hostMunicipalityId: null, founded: null });
  const user = (key: keyof typeof REPORT_ACCOUNTS, name: string, role: 'admin' | 'staff' | 'council' | 'municipality') =>
    createUser(db, systemActor, { email: REPORT_ACCOUNTS[key], name, role, password: REPORT_PASSWORD });
  const admin = await user('admin', 'Admin', 'admin');
  const leader = await user('leader', 'Fred Gjørtz', 'staff');
  const desk = await user('desk', 'Kari Kundeservice', 'staff');
  const drift = await user('drift', 'Dag Drift', 'staff');
  const council = await user('council', 'Rådsmedlem', 'council');
  const muni = await user('muni', 'Kommunebruker', 'municipality');
  const template = await createTemplate(db, systemActor, {
    cooperationId: coop.id, kind: 'aktivitetsrapport', name: 'Økonomi- og aktivitetsrapport', sections: seedTree({ desk: desk.id, drift: drift.id }),
  });
  const body = await createBody(db, systemActor, { cooperationId: coop.id, name: 'Samarbeidsrådet for ROR-IKT' });
  const meeting = await createMeeting(db, systemActor, { bodyId: body.id, date: '2023-12-13', startTime: '08:15', place: 'Storgata 33' });
  const reportCase = await createCase(db, systemActor, { meetingId: meeting.id, title: 'Økonomi- og aktivitetsrapport', caseType: 'orientering' });
  const [basis] = (await listLegalBases(db)).filter((b) => b.code === 'offl-23-1');
  return { cooperationId: coop.id, users: { admin, leader, desk, drift, council, muni }, template, meeting, reportCase, legalBasisId: basis!.id };
}

export type TReportWorld = Awaited<ReturnType<typeof buildReportWorld>>;

export async function startReports() {
  const database = await createTestDatabase();
  const files = createTestFileStore();
  const app = createTestApp(database.db, {}, files);
  const world = await buildReportWorld(database.db);
  return { database, app, files, world, ...(await buildClients(app, REPORT_ACCOUNTS, REPORT_PASSWORD)) };
}
