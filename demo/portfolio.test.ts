// Acceptance of the portfolio demo: GET /api/portfolio/weeks/2023-W48 gives seed 000's table «Status
// pågående byggprosjekter» (§2.4.1) row by row, with the paper's column heads; the next week carries each
// status forward as a draft; a Molde user sees Molde's projects and those of every member.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/test/db.js';
import { buildClients, createTestApp, type TestClient } from '../src/test/app.js';
import { WEEK_STATUS_LABELS } from '../src/modules/portfolio/vocabulary.js';
import { DEMO_PASSWORD } from './data/index.js';
import { loadOrganisation } from './loader/organisation.js';
import { loadPortfolioDemo } from './portfolio.js';

let database: TestDatabase;
let as: Record<'leder' | 'rad' | 'molde', TestClient>;

// The table as seed 000 prints it (the OCR's letters restored), typed here rather than read from the
// demo data, so a change to either shows.
const SEED_000_TABLE = [
  ['Kartlegging og utbedring av WiFi i kommunale bygg', 'Mindre forsinkelser', 'Alle Cisco aksesspunkter er byttet ut i gamle Nesset, samt at alle Aruba AP-105 i alle kommuner er byttet ut med nyere modell. Det gjenstår noen dekningsanalyser i Molde kommune, og prosjektet vil nå ha enda større fokus på lokasjonene i Hustadvika kommune.', 'Alle'],
  ['Familiens Hus Eide', 'På plan', 'Ingen endring siden forrige rapportering.', 'Hustadvika'],
  ['Nesset Kommunehus', 'Utsatt', 'Satt på vent pga. økonomi', 'Molde'],
  ['Ny Elnesvågen kulturskole', 'På plan', 'Ingen endring siden forrige rapportering.', 'Hustadvika'],
  ['Gamle Hjelset barnehage', 'På plan', 'Alle aksesspunkt er montert. Forrige status fra prosjektleder var at de ventet på at fiber skulle graves ned.', 'Molde'],
  ['Vistdal utleieboliger', 'På plan', 'Nytt prosjekt. Hatt innledende samtaler med prosjektansvarlig.', 'Molde'],
  ['Fræna sjukeheim', 'Uavklart', 'Prosjektet har pågått lenge, men er nytt for ROR-IKT. Utfordringer med dørlåssystemet, pasientvarslingen, enkelte funksjoner i nettverket. Følges opp med møte mellom kommune, ROR-IKT og eksterne parter den 6. desember', 'Hustadvika'],
  ['Flytting av legevaktsentral', 'Ferdig', '', 'Molde'],
  ['Påbygg Aukra brannstasjon', 'På plan', 'Prosjektet er nå godt i gang. Aksesspunkter er bestilt og levert.', 'Aukra'],
];

type TRow = { title: string; status: keyof typeof WEEK_STATUS_LABELS | null; comment: string; municipalityName: string; updatedThisWeek: boolean; fromWeek: string | null };
const printed = (r: TRow) => [r.title, r.status ? WEEK_STATUS_LABELS[r.status].nb : '', r.comment, r.municipalityName];

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.transaction(async (tx) => {
    const refs = await loadOrganisation(tx, { userId: null, name: 'demo' });
    await loadPortfolioDemo(tx, { userId: null, name: 'demo' }, refs);
  });
  as = await buildClients(createTestApp(database.db), { leder: 'leder@demo.samrad.no', rad: 'rad@demo.samrad.no', molde: 'ansatt@molde.demo.samrad.no' }, DEMO_PASSWORD);
});
afterAll(() => database.drop());

describe('the demo portfolio against seed 000 §2.4.1', () => {
  it('prints week 48 of 2023 as the paper does', async () => {
    const res = await as.rad.get('/api/portfolio/weeks/2023-W48');
    expect(res.status).toBe(200);
    const table = await res.json();
    expect(table.columns).toEqual(['Tittel', 'Overordnet status', 'Kommentar uke 48', 'Kommune']);
    expect(table.rows.map(printed)).toEqual(SEED_000_TABLE);
    expect(table.rows.every((r: TRow) => r.updatedThisWeek)).toBe(true);
  });

  it('carries week 48 forward into week 49 as drafts not updated this week', async () => {
    const table = await (await as.leder.get('/api/portfolio/weeks/2023-W49')).json();
    expect(table.columns[2]).toBe('Kommentar uke 49');
    expect(table.rows.map(printed)).toEqual(SEED_000_TABLE);
    expect(table.rows.every((r: TRow) => !r.updatedThisWeek && r.fromWeek === '2023-W48')).toBe(true);
  });

  it('holds the procurements the seeds name at their stage, the standstill ending 11.12.2023 23:59', async () => {
    const { procurements } = await (await as.rad.get('/api/portfolio/procurements')).json();
    expect(procurements.map((p: { title: string; stage: string; supplier: string | null; standstillEndsAt: string | null }) => [p.title, p.stage, p.supplier, p.standstillEndsAt])).toEqual([
      ['Nytt system for lønn, økonomi og personal (LØP)', 'evaluering', null, null],
      ['Sikkerhetspartner (DigiMR)', 'karens', 'Atea', '2023-12-11T22:59:59.999Z'],
    ]);
  });

  it('holds a proposal in the spirit of seed 003 (2024/M2-006), not yet sent to a body', async () => {
    const { proposals } = await (await as.rad.get('/api/portfolio/proposals')).json();
    expect(proposals).toMatchObject([{ title: 'Felles krav og sjekkliste for kjøp av skytjenester', stage: 'forslag', costEstimateOre: 35_000_000, municipalityCount: 3, caseCount: 0 }]);
    const proposal = await (await as.rad.get(`/api/portfolio/proposals/${proposals[0].id}`)).json();
    expect(proposal.municipalities.map((m: { name: string }) => m.name)).toEqual(['Aukra', 'Hustadvika', 'Molde']);
    expect(proposal.nextSteps).toEqual(['faggruppe']);
  });

  it('shows a Molde user the projects of Molde and of every member, not the others', async () => {
    const table = await (await as.molde.get('/api/portfolio/weeks/2023-W48')).json();
    expect(table.rows.map((r: TRow) => r.title)).toEqual([
      'Kartlegging og utbedring av WiFi i kommunale bygg', 'Nesset Kommunehus', 'Gamle Hjelset barnehage', 'Vistdal utleieboliger', 'Flytting av legevaktsentral',
    ]);
  });
});
