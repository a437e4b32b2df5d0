// Test data for the second half of the meeting cycle: a council with members (one with a closed seat,
// one observer), three meetings and an agenda with an exempt case, inserted directly so these tests do
// not depend on the planning services. Used by the notice, minutes and document tests.
import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { systemActor } from '../../../server/context.js';
import { buildClients, createTestApp, createTestFileStore } from '../../../test/app.js';
import { createTestDatabase } from '../../../test/db.js';
import { createUser } from '../../org/users.service.js';
import { bodies, bodyMembers, cooperations, municipalities, people } from '../../org/schema.js';
import { attachments, casePresenters, cases, legalBases, meetings } from '../schema.js';

export const PASSWORD = 'correct horse battery';

export const SECRET = {
  title: 'Forhandlinger med Hemmelig Leverandør AS',
  description: 'Konfidensiell beskrivelse av prisnivået',
  proposal: 'Konfidensielt forslag om å akseptere tilbudet',
  decision: 'Konfidensielt vedtak om kontraktsinngåelse',
  treatment: 'Konfidensiell behandling i lukket møte',
  presenter: 'Utenfor, Person',
  attachment: 'Tilbud fra Hemmelig Leverandør.pdf',
};

export async function buildCycle(db: Db) {
  const [coop] = await db.insert(cooperations).values({ name: 'ROR-IKT', shortName: 'ROR-IKT' }).returning();
  const [molde, aukra, rauma] = await db.insert(municipalities).values([
    { name: 'Molde kommune', number: '1506' }, { name: 'Aukra kommune', number: '1547' }, { name: 'Rauma kommune', number: '1539' },
  ]).returning();
  const [body] = await db.insert(bodies).values({ cooperationId: coop!.id, name: 'Samarbeidsrådet for ROR-IKT' }).returning();
  const [otherBody] = await db.insert(bodies).values({ cooperationId: coop!.id, name: 'Porteføljerådet' }).returning();
  const [aasen, ersvik, skalhavn, myhre, gjortz, former, outsider] = await db.insert(people).values([
    { familyName: 'Aasen', givenName: 'Marianne Stokkereit', email: 'marianne.aasen@example.no', municipalityId: molde!.id },
    { familyName: 'Ersvik', givenName: 'Per Sverre', email: 'per.ersvik@example.no', municipalityId: aukra!.id },
    { familyName: 'Skålhavn', givenName: 'Kristian', email: 'kristian.skalhavn@example.no', municipalityId: rauma!.id },
    { familyName: 'Myhre', givenName: 'Randi', email: 'randi.myhre@example.no' },
    { familyName: 'Gjørtz', givenName: 'Fred', email: 'fred.gjortz@example.no' },
    { familyName: 'Tidligere', givenName: 'Medlem', email: 'tidligere@example.no' },
    { familyName: 'Utenfor', givenName: 'Person', email: 'utenfor@example.no' },
  ]).returning();
  await db.insert(bodyMembers).values([
    { bodyId: body!.id, personId: aasen!.id, role: 'leder', municipalityId: molde!.id, fromDate: '2020-01-01' },
    { bodyId: body!.id, personId: ersvik!.id, role: 'medlem', municipalityId: aukra!.id, fromDate: '2020-01-01' },
    { bodyId: body!.id, personId: skalhavn!.id, role: 'medlem', municipalityId: rauma!.id, fromDate: '2020-01-01' },
    { bodyId: body!.id, personId: myhre!.id, role: 'observator', fromDate: '2020-01-01' },
    { bodyId: body!.id, personId: former!.id, role: 'medlem', fromDate: '2018-01-01', toDate: '2022-12-31' },
    { bodyId: otherBody!.id, personId: outsider!.id, role: 'medlem', fromDate: '2020-01-01' },
  ]);

  const meeting = async (year: number, number: number, date: string, published: boolean, bodyId = body!.id) => (await db.insert(meetings).values({
    bodyId, year, number, date, startTime: '08:15', endTime: '11:00', place: 'Del (Storgata 33, 3. etg)', published,
  }).returning())[0]!;
  const m6 = await meeting(2023, 6, '2023-12-13', true);
  const m1 = await meeting(2024, 1, '2024-02-14', true);
  const m2 = await meeting(2024, 2, '2024-03-13', false);
  const otherMeeting = await meeting(2024, 1, '2024-02-20', true, otherBody!.id);

  const [basis] = await db.select().from(legalBases).where(eq(legalBases.code, 'offl-23-1'));
  const addCase = async (m: typeof m6, sequence: number, values: Partial<typeof cases.$inferInsert>) => (await db.insert(cases).values({
    bodyId: m.bodyId, meetingId: m.id, year: m.year, position: sequence, sequence,
    number: `${m.year}/M${m.number}-${String(sequence).padStart(3, '0')}`, title: `Sak ${sequence}`, caseType: 'vedtak', ...values,
  }).returning())[0]!;
  const c1 = await addCase(m6, 1, { title: 'Godkjenning av innkalling og saksliste', standing: 'innkalling' });
  const c2 = await addCase(m6, 2, { title: 'Godkjenning av møtereferat', standing: 'referat' });
  const c3 = await addCase(m6, 3, {
    title: 'Økonomi- og aktivitetsrapport', caseType: 'orientering',
    description: 'Saken gjelder orientering om økonomistatus og oversikt over aktiviteter for ROR-IKT siden forrige rapportering.',
    presentation: { archiveCode: '033', caseFolder: '2023/1234-1', caseOfficer: 'Fred Gjørtz', date: '2023-12-01', body: 'Saksopplysninger om økonomien.' },
  });
  const c4 = await addCase(m6, 4, {
    title: SECRET.title, description: SECRET.description, proposal: SECRET.proposal,
    access: 'unntatt', publicTitle: 'Anskaffelse av sak-arkivsystem', legalBasisId: basis!.id,
  });
  await db.insert(casePresenters).values([
    { caseId: c1.id, personId: aasen!.id, position: 1 }, { caseId: c2.id, personId: aasen!.id, position: 1 },
    { caseId: c3.id, personId: gjortz!.id, position: 1 }, { caseId: c4.id, personId: outsider!.id, position: 1 },
  ]);
  // Rows only: these tests read the agenda's file names, never the bytes (not in any file store).
  await db.insert(attachments).values([
    { caseId: c3.id, filename: 'Aktivitetsrapport per 1.12.2023.pdf', contentType: 'application/pdf', size: 15, sha256: 'a'.repeat(64) },
    { caseId: c4.id, filename: SECRET.attachment, contentType: 'application/pdf', size: 15, sha256: 'b'.repeat(64) },
  ]);
  const m1Referat = await addCase(m1, 2, { title: 'Godkjenning av møtereferat', standing: 'referat' });
  const m1Other = await addCase(m1, 3, { title: 'Orienteringssaker', caseType: 'orientering' });
  const otherReferat = await addCase(otherMeeting, 2, { title: 'Godkjenning av møtereferat', standing: 'referat' });
  const m2Case = await addCase(m2, 1, { title: 'Godkjenning av innkalling og saksliste', standing: 'innkalling' });

  await createUser(db, systemActor, { email: 'admin@example.no', name: 'Admin', role: 'admin', password: PASSWORD });
  await createUser(db, systemActor, { email: 'leder@example.no', name: 'Leder', role: 'staff', password: PASSWORD });
  await createUser(db, systemActor, { email: 'rad@example.no', name: 'Rådsmedlem', role: 'council', password: PASSWORD, personId: aasen!.id });
  await createUser(db, systemActor, { email: 'ansatt@molde.example.no', name: 'Ansatt', role: 'municipality', password: PASSWORD, municipalityId: molde!.id });

  return {
    body: body!, otherBody: otherBody!, molde: molde!, aukra: aukra!, rauma: rauma!,
    people: { aasen: aasen!, ersvik: ersvik!, skalhavn: skalhavn!, myhre: myhre!, gjortz: gjortz!, former: former!, outsider: outsider! },
    m6, m1, m2, otherMeeting,
    cases: { c1, c2, c3, c4, m1Referat, m1Other, otherReferat, m2Case },
  };
}

export type TCycle = Awaited<ReturnType<typeof buildCycle>>;

/** The cycle's accounts by the names the tests give their clients. */
export const CYCLE_ACCOUNTS = { staff: 'leder@example.no', council: 'rad@example.no', muni: 'ansatt@molde.example.no' };

/** A fresh database holding the cycle, the app on it, its file store, and a client per role (`anon` signed out). */
export async function startCycle() {
  const database = await createTestDatabase();
  const files = createTestFileStore();
  const app = createTestApp(database.db, {}, files);
  const cycle = await buildCycle(database.db);
  return { database, app, files, cycle, ...(await buildClients(app, CYCLE_ACCOUNTS, PASSWORD)) };
}
