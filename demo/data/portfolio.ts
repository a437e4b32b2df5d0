// The portfolio of the demo, transcribed from the seeds. Seed 000 §2.4.1 «Status pågående
// byggprosjekter» (the OCR's letters restored: «Pa plan» = På plan, «FEPETE» = Ferdig, «paS|eptvar§I|ngen»
// = pasientvarslingen), in the paper's order, with the comment of week 48 2023.
import type { TMunicipalityKey } from './types.js';
import type { TWeekStatus } from '../../src/modules/portfolio/vocabulary.js';

export const demoProjectKinds = [
  { name: 'Byggprosjekt', weeklyStatus: true },
  { name: 'Investeringsprosjekt', weeklyStatus: false },
  { name: 'Utviklingsprosjekt', weeklyStatus: false },
] as const;

export type TDemoBuildingProject = {
  title: string;
  /** Null: «Alle». */
  municipality: TMunicipalityKey | null;
  status: TWeekStatus;
  comment: string;
};

export const SEED_000_WEEK = '2023-W48';

export const seed000BuildingProjects: TDemoBuildingProject[] = [
  {
    title: 'Kartlegging og utbedring av WiFi i kommunale bygg', municipality: null, status: 'mindre_forsinkelser',
    comment: 'Alle Cisco aksesspunkter er byttet ut i gamle Nesset, samt at alle Aruba AP-105 i alle kommuner er byttet ut med nyere modell. '
      + 'Det gjenstår noen dekningsanalyser i Molde kommune, og prosjektet vil nå ha enda større fokus på lokasjonene i Hustadvika kommune.',
  },
  { title: 'Familiens Hus Eide', municipality: 'hustadvika', status: 'pa_plan', comment: 'Ingen endring siden forrige rapportering.' },
  { title: 'Nesset Kommunehus', municipality: 'molde', status: 'utsatt', comment: 'Satt på vent pga. økonomi' },
  { title: 'Ny Elnesvågen kulturskole', municipality: 'hustadvika', status: 'pa_plan', comment: 'Ingen endring siden forrige rapportering.' },
  {
    title: 'Gamle Hjelset barnehage', municipality: 'molde', status: 'pa_plan',
    comment: 'Alle aksesspunkt er montert. Forrige status fra prosjektleder var at de ventet på at fiber skulle graves ned.',
  },
  { title: 'Vistdal utleieboliger', municipality: 'molde', status: 'pa_plan', comment: 'Nytt prosjekt. Hatt innledende samtaler med prosjektansvarlig.' },
  {
    title: 'Fræna sjukeheim', municipality: 'hustadvika', status: 'uavklart',
    comment: 'Prosjektet har pågått lenge, men er nytt for ROR-IKT. Utfordringer med dørlåssystemet, pasientvarslingen, enkelte funksjoner i nettverket. '
      + 'Følges opp med møte mellom kommune, ROR-IKT og eksterne parter den 6. desember',
  },
  { title: 'Flytting av legevaktsentral', municipality: 'molde', status: 'ferdig', comment: '' },
  { title: 'Påbygg Aukra brannstasjon', municipality: 'aukra', status: 'pa_plan', comment: 'Prosjektet er nå godt i gang. Aksesspunkter er bestilt og levert.' },
];

/**
 * The procurements the seeds name, at their stage on 1 December 2023. ERP «LØP» (IKT Orkidé's
 * procurement of a system for lønn, økonomi og personal; seed 001: tender deadline 07.07.23; seed 000:
 * the final phase of evaluation). Sikkerhetspartner (DigiMR; seed 000 §2.6.3.1: Atea won, the award
 * letter went out Friday 1 December, the standstill runs to 11.12.2023 23:59). ASSUMPTION: the times of
 * day (12:00 for the deadline, 14:00 for the award) are not in the papers.
 */
export const seedProcurements = [
  {
    title: 'Nytt system for lønn, økonomi og personal (LØP)', stage: 'evaluering' as const, doffinReference: 'IKT Orkidé (ref. ikke oppgitt i sakspapirene)',
    tenderDeadline: '2023-07-07T12:00:00+02:00', note: 'IKT Orkidé er i sluttfasen på evaluering; forhandling i november med mål om signering i desember.',
    award: null,
  },
  {
    title: 'Sikkerhetspartner (DigiMR)', stage: 'evaluering' as const, doffinReference: 'DigiMR (ref. ikke oppgitt i sakspapirene)',
    tenderDeadline: '2023-10-16T12:00:00+02:00', note: 'Alle leverandørene leverte forbedrede tilbud.',
    award: { supplier: 'Atea', sentAt: '2023-12-01T14:00:00+01:00' },
  },
];

/**
 * The council cases that report on the procurements: seed 000's orientation of 2023 M6 names the security
 * partner's procurement; seed 003's 2024/M2-003 the LØP procurement, and 2024/M2-007 both.
 */
export const demoProcurementCases: Record<string, string[]> = {
  'Nytt system for lønn, økonomi og personal (LØP)': ['2024/M2-003', '2024/M2-007'],
  'Sikkerhetspartner (DigiMR)': ['2023/M6-004', '2024/M2-007'],
};

/**
 * A proposal for the innovation pipeline in the spirit of seed 003 (2024/M2-006, «Finansiering av
 * prosjekter»): the council wanted every ICT purchase to go through ROR-IKT and the pipeline, because
 * cloud services bought directly by a department skip the security, backup and data-ownership
 * requirements and end up in ROR-IKT's operations later anyway. Written for the demo in our own words;
 * the estimate and the municipalities are ASSUMPTIONS (the paper names no sum). It stands at «forslag»:
 * the demo has no professional group or portfolio board with meetings to send it to, which staff can add.
 */
export const demoProposal = {
  title: 'Felles krav og sjekkliste for kjøp av skytjenester',
  proposedBy: 'Faggruppe informasjonssikkerhet',
  problem: 'Leverandører tilbyr skyløsninger direkte til fagmiljøene som noe som «bare trenger internett». Kjøpes de uten ROR-IKT, '
    + 'blir krav til sikkerhet, sikkerhetskopi og eierskap til data ikke stilt, og løsningen må likevel tas inn i driften senere, til høyere kostnad.',
  benefit: 'Ett løp for alle IKT-kjøp gjennom innovasjonsløypa, med en felles kravliste som fagmiljøene kan bruke selv. '
    + 'Kjente driftskostnader før avtalen signeres, og data som kommunene eier.',
  costEstimateKroner: 350_000,
  municipalities: ['molde', 'hustadvika', 'aukra'] as TMunicipalityKey[],
};

/**
 * A proposal that has gone the whole pipeline, so the demo shows one with its cases in the three bodies,
 * each case's conclusion, the council's decision and a split with a late joiner (the proposal above stays
 * at «forslag» for staff to send). Seed 003 has the professional groups' wish for more focus on welfare
 * technology (2024/M2-005) and the pipeline with a split where «kommunen som går foran ikke blir sittende
 * med hele regningen» (2024/M2-006). Everything here is an ASSUMPTION written for the demo in our own
 * words: the proposal, the two bodies, their meetings after 2024 M3 and the council's 2024 M4, the
 * texts, the sum, the population figures (SSB's per 1.1.2024, rounded) and Rauma joining in 2025.
 * The meetings are not published: a visitor sees the council's papers of 2018–2024 as before.
 */
export const demoPipeline = {
  bodies: {
    faggruppe: { name: 'Faggruppe helse og velferd', kind: 'faggruppe' },
    portefoljerad: { name: 'Porteføljerådet', kind: 'porteføljeråd' },
  },
  /** Who sits in the two bodies (ASSUMPTION): the administration's people with an e-mail address. */
  members: [
    { body: 'faggruppe' as const, person: 'spilling' as const, role: 'leder' as const },
    { body: 'faggruppe' as const, person: 'gjortz' as const, role: 'sekretar' as const },
    { body: 'portefoljerad' as const, person: 'gjortz' as const, role: 'leder' as const },
    { body: 'portefoljerad' as const, person: 'spilling' as const, role: 'medlem' as const },
  ],
  meetings: {
    faggruppe: { date: '2024-04-24', startTime: '12:00', place: 'Teams' },
    portefoljerad: { date: '2024-05-08', startTime: '09:00', place: 'Rådhuset i Molde' },
    samarbeidsrad: { date: '2024-06-12', startTime: '08:15', place: 'Del (Storgata 33, 3.etg)' },
  },
  proposal: {
    title: 'Felles responssenter for velferdsteknologi',
    proposedBy: 'Faggruppe helse og velferd',
    problem: 'Hver kommune tar imot varsler fra trygghetsalarmer og sensorer på sin egen måte, ofte hos nattevakten i hjemmetjenesten. '
      + 'De minste kommunene har ikke folk til å svare på varsler hele døgnet.',
    benefit: 'Ett felles mottak av varsler for kommunene som er med, med samme rutiner og samme utstyr: svar innen få minutter hele døgnet, '
      + 'og tid frigjort i hjemmetjenesten.',
    costEstimateKroner: 1_200_000,
    municipalities: ['molde', 'hustadvika', 'aukra'] as TMunicipalityKey[],
  },
  /** Each body's conclusion in its case, as the minutes would print it. */
  conclusions: {
    faggruppe: { kind: 'enighet' as const, text: 'Faggruppen anbefaler forslaget og sender det til porteføljerådet.' },
    portefoljerad: { kind: 'enighet' as const, text: 'Porteføljerådet anbefaler at samarbeidsrådet vedtar forslaget, med 30 % av kostnaden fordelt likt og 70 % etter innbyggertall.' },
    samarbeidsrad: {
      kind: 'vedtak' as const,
      text: 'Samarbeidsrådet vedtar å etablere et felles responssenter for velferdsteknologi for Molde, Hustadvika og Aukra. '
        + 'Kostnaden på 1 200 000 kr fordeles med 30 % likt og 70 % etter innbyggertall per 1.1.2024. '
        + 'En kommune som blir med senere, betaler et inngangsbeløp som godskrives kommunene som gikk foran.',
    },
  },
  decision: { decidedOn: '2024-06-12', model: 'fixedPlusPopulation' as const, fixedPercent: 30, basisYear: 2024, totalKroner: 1_200_000 },
  populations2024: { molde: 32_000, aukra: 3_600, rauma: 7_400, vestnes: 6_800, hustadvika: 13_400 } as Record<Exclude<TMunicipalityKey, 'midsund'>, number>,
  /** Rauma joins half a year later; its entry amount is computed (decision 0035). */
  join: { municipality: 'rauma' as TMunicipalityKey, date: '2025-01-15' },
};
