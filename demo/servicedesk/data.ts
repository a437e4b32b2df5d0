// The shape of ROR-IKT's service desk as the seeds describe it (seed 000 2.1.5, seed 001 2.1.6):
// ~13 000 cases a year, most about user accounts and access, PCs and advice; a summer dip in July and a
// peak in August (school start, holiday temps); Hustadvika from November 2022; the portal and e-mail
// taking over from the phone after the phone policy (ST 39/18). Where the papers give no number, the
// figure is our ASSUMPTION, chosen so the monthly pack looks like the papers' tables. SEED_FIGURES holds
// the papers' own numbers, which servicedesk.test.ts checks the loaded KPI pack against.
import type { TChannel, TPriority, TTicketType } from '../../src/modules/servicedesk/vocabulary.js';
import { accounts } from '../data/organisation.js';

export const DEMO_YEARS = [2021, 2022, 2023, 2024] as const;
export const TICKETS_PER_YEAR = 13_000;
/** Hustadvika's first case (the issue: from November 2022). */
export const HUSTADVIKA_FROM = '2022-11';

/**
 * What the papers say, as numbers (seed 001 for May 2023, seed 000 for September–November 2023).
 * Open counts are at the month's end (seed 000: "pr 28.11"; 709 "ved oppstart desember"). Seed 001's
 * total, 603 = 496 + 107 (Hustadvika), is 34 more than its incidents and requests (136 + 433): the
 * remainder is the "other" type, which the pack counts in its total too.
 * Resolution: "gjennomsnittlig løsningstid på innmeldte feil", the mean per priority by month, in
 * business days (Lav, Medium) and hours (Høy, Kritisk) as the SLA counts them; OCR read "222", "3125",
 * "1398", "120", "46" without their decimal commas. The phone line for November reads "5849 85%":
 * we take 584 calls (the 9 is the chart's debris).
 */
export const SEED_FIGURES = {
  newCases: { '2023-05': 873, '2023-10': 1357, '2023-11': 1162 },
  openAtEnd: {
    '2023-05': { incidents: 136, requests: 433, total: 603 },
    '2023-11': { incidents: 167, requests: 542, total: 709 },
  },
  resolutionMean: {
    lav: { '2023-09': 5.9, '2023-10': 22.2, '2023-11': 4.6 },
    medium: { '2023-09': 7.4, '2023-10': 8.4, '2023-11': 12.0 },
    hoy: { '2023-09': 166.8, '2023-10': 312.5, '2023-11': 139.8 },
    kritisk: { '2023-09': 0.0, '2023-10': 0.1, '2023-11': 0.1 },
  },
  phone: {
    '2023-09': { calls: 769, answerRate: 84 },
    '2023-10': { calls: 747, answerRate: 87 },
    '2023-11': { calls: 584, answerRate: 85 },
  },
  /** "Svarprosenten har dermed sunket fra 91-93% i juli/aug". */
  summerAnswerRate: { from: 91, to: 93 },
} as const;

/**
 * Relative volume per month, January first; sums to 12. Seed 001: 873 in May 2023; seed 000: 1 357 in
 * October and 1 162 in November (13 000 / 12 × weight ≈ those). July is the holiday dip, August the peak.
 */
export const MONTH_WEIGHTS = [1.0, 1.0, 1.05, 0.9, 0.8, 1.0, 0.5, 1.45, 1.2, 1.25, 1.07, 0.78];

/** Share of the cases per municipality (ASSUMPTION, roughly by size); Hustadvika only once it is in. */
export const MUNICIPALITY_WEIGHTS = { molde: 52, hustadvika: 17, rauma: 13, vestnes: 10, aukra: 8 } as const;
export type TDemoMunicipalityKey = keyof typeof MUNICIPALITY_WEIGHTS;

/**
 * Seed 000: of 2 585 cases in October–November, 672 about user accounts, access and sign-in, 386 PCs and
 * accessories, 322 advice, 243 M365; seed 001 (May): 260 of 873 accounts, 140 PCs, 80 Office 365, 76 advice.
 */
export const CATEGORY_WEIGHTS: Record<string, number> = {
  Ansattadministrasjon: 27, 'Maskiner og utstyr': 15, 'Rådgiving': 12, Standardapplikasjoner: 10, Fagapplikasjoner: 14,
  'Skrivere/multimaskiner': 6, Infrastruktur: 5, 'Støtteapplikasjoner': 4, Bestillinger: 7,
};

/** About as many incidents as requests; requests stay open longer (seed 000: 167 incidents, 542 requests open). */
export const TYPE_WEIGHTS: Record<TTicketType, number> = { feilmelding: 45, tjenesteforesporsel: 48, annet: 7 };

/** Channel mix per year: the phone gives way to the portal (ASSUMPTION after the phone policy). */
export const CHANNEL_WEIGHTS: Record<number, Record<TChannel, number>> = {
  2021: { portal: 34, epost: 36, telefon: 24, oppmote: 4, chat: 0, annet: 2 },
  2022: { portal: 40, epost: 34, telefon: 20, oppmote: 4, chat: 0, annet: 2 },
  2023: { portal: 47, epost: 31, telefon: 15, oppmote: 3, chat: 2, annet: 2 },
  2024: { portal: 53, epost: 28, telefon: 11, oppmote: 3, chat: 3, annet: 2 },
};

/**
 * Priority mix. Only incidents are Høy or Kritisk; seed 001 has 3 high and 2 critical in May 2023 (of
 * ~390 incidents), seed 000 2 critical in October–November: about 0.6 % and 0.15 % of incidents.
 */
export const PRIORITY_WEIGHTS: Record<'incident' | 'other', Record<TPriority, number>> = {
  incident: { lav: 28, medium: 71.25, hoy: 0.6, kritisk: 0.15 },
  other: { lav: 32, medium: 68, hoy: 0, kritisk: 0 },
};

/** Months whose critical and high incidents the seeds list in full: no random ones there. */
export const LISTED_MONTHS: Record<string, TPriority[]> = { '2023-05': ['kritisk', 'hoy'], '2023-10': ['kritisk'], '2023-11': ['kritisk'] };

/**
 * Business time to solve (the SLA's clock: pauses excluded, days of 7 h 30 min), per type and priority:
 * a log-normal body (median days, spread) and a tail share that lies for weeks (supplier issues, cases
 * nobody owns). Calibrated so the pack's mean per priority lands in the papers' range (Lav ~5–6 days,
 * Medium ~7–12 days; seed 000 2.1.5.7) and the open backlog at month end near theirs (Little's law:
 * open ≈ arrivals per day × days open).
 */
export type TSolveModel = { median: number; sigma: number; tail: number; tailDays: readonly [number, number] };
export const SOLVE_DAYS: Record<TTicketType, Record<'lav' | 'medium', TSolveModel>> = {
  feilmelding: {
    lav: { median: 2.2, sigma: 1.0, tail: 0.05, tailDays: [12, 45] },
    medium: { median: 2.7, sigma: 1.0, tail: 0.09, tailDays: [15, 60] },
  },
  tjenesteforesporsel: {
    lav: { median: 2.5, sigma: 1.0, tail: 0.06, tailDays: [12, 50] },
    medium: { median: 3.0, sigma: 1.0, tail: 0.15, tailDays: [15, 60] },
  },
  annet: {
    lav: { median: 2.0, sigma: 1.0, tail: 0.05, tailDays: [12, 45] },
    medium: { median: 2.5, sigma: 1.0, tail: 0.08, tailDays: [15, 60] },
  },
};

/**
 * Høy: the desk tries to solve it on the call (phone policy, seed 001), and about a third are done within
 * the 4 hours; the rest wait on others for weeks, so the mean runs to 140–310 business hours (seed 000).
 * Within a month the fast/slow split is spread evenly (not left to chance), so a month's handful of Høy
 * cases has the mix rather than, by luck, only fast or only slow ones.
 */
export const HOY_MODEL = { fastShare: 0.3, fastMinutes: [40, 225] as const, slowMedianHours: 240, slowSigma: 0.5, slowMaxHours: 520 };
/** Kritisk is solved on the call (phone policy): minutes; seed 000 reports 0.0–0.1 hours. */
export const KRITISK_MINUTES = [1, 11] as const;

/** About one case in eight waits for the user for a while (the clock pauses). ASSUMPTION. */
export const WAIT_FOR_USER = { share: 0.12, hours: [2, 72] as const };
/**
 * Orders and many requests wait for a supplier (delivery, licence, vendor) for weeks: the clock pauses,
 * so the SLA time stays short while the case stays open, which is why open requests outnumber open
 * incidents three to one (seed 000: 542 vs 167). Calendar days, log-normal, capped. ASSUMPTION.
 */
export const WAIT_FOR_SUPPLIER = {
  share: { Bestillinger: 0.75, tjenesteforesporsel: 0.55, feilmelding: 0.01, annet: 0.03 }, medianDays: 20, sigma: 0.75, maxDays: 120,
};

export type TNamedIncident = { at: string; municipality: TDemoMunicipalityKey; title: string; priority: TPriority; category: string; solvedAfterMinutes: number };

/**
 * The incidents the seeds name, on their dates. Seed 000 says November's two critical ones were solved
 * within the 2 hours and its table gives 0.1 hours for Kritisk: solved on the call, as the phone policy
 * asks. May's Høy are ASSUMED within their 4 hours.
 */
export const NAMED_INCIDENTS: TNamedIncident[] = [
  { at: '2023-05-03T08:40', municipality: 'rauma', title: 'Nettverk nede ved Måndalen skole', priority: 'hoy', category: 'Infrastruktur', solvedAfterMinutes: 150 },
  { at: '2023-05-05T09:10', municipality: 'molde', title: 'Nettverksfeil i parkeringstunell', priority: 'hoy', category: 'Infrastruktur', solvedAfterMinutes: 200 },
  { at: '2023-05-11T10:30', municipality: 'molde', title: 'Tregt nettverk rådhuset', priority: 'hoy', category: 'Infrastruktur', solvedAfterMinutes: 180 },
  { at: '2023-05-16T07:50', municipality: 'molde', title: 'Sensio Pasientvarsling ved Bergmo OMS', priority: 'kritisk', category: 'Fagapplikasjoner', solvedAfterMinutes: 7 },
  { at: '2023-05-24T13:20', municipality: 'molde', title: 'Sensio pasientvarsling ved Nobel OMS', priority: 'kritisk', category: 'Fagapplikasjoner', solvedAfterMinutes: 5 },
  { at: '2023-11-06T09:05', municipality: 'molde', title: 'SystemX Midsund utilgjengelig', priority: 'kritisk', category: 'Fagapplikasjoner', solvedAfterMinutes: 5 },
  { at: '2023-11-11T10:15', municipality: 'hustadvika', title: 'Gerica mobil fungerer ikke', priority: 'kritisk', category: 'Fagapplikasjoner', solvedAfterMinutes: 8 },
];

export const TITLES: Record<string, string[]> = {
  Ansattadministrasjon: ['Ny ansatt trenger tilgang', 'Glemt passord', 'Får ikke logget inn', 'Tilgang til fellesmappe', 'Sluttet ansatt – steng konto', 'Ferievikar trenger brukerkonto', 'MFA fungerer ikke på ny telefon'],
  'Maskiner og utstyr': ['PC starter ikke', 'Ødelagt skjerm', 'Trenger dokkingstasjon', 'Tastatur virker ikke', 'PC er veldig treg', 'Klargjøring av håndholdt enhet'],
  'Rådgiving': ['Hjelp med oppsett av Teams-møte', 'Råd om lagring av dokumenter', 'Spørsmål om personvern i skjema', 'Hvordan dele fil med ekstern'],
  Standardapplikasjoner: ['Outlook synkroniserer ikke', 'Teams krasjer', 'OneDrive fullt', 'Delt postkasse mangler', 'Excel-fil låst for redigering'],
  Fagapplikasjoner: ['Gerica henger', 'Visma-rapport feiler', 'Feil i Acos', 'Profil tilgang mangler', 'P360 dokument kan ikke åpnes', 'Helseplattformen – skriver mangler'],
  'Skrivere/multimaskiner': ['Skriver skriver ikke ut', 'Papirstopp som ikke går bort', 'Skanning til e-post virker ikke', 'Ny skriverkø'],
  Infrastruktur: ['Trådløst nett borte i 2. etasje', 'VPN kobler ikke til', 'Treg nettforbindelse', 'Nettverkspunkt virker ikke'],
  'Støtteapplikasjoner': ['Adobe-lisens utløpt', 'Zoom installasjon', 'Nettleser blokkerer side', 'Java-oppdatering'],
  Bestillinger: ['Bestilling av ny PC', 'Bestilling av mobiltelefon', 'Bestilling av programvare', 'Bestilling av headset', 'Bestilling av lisens'],
};

/** Where a critical or high case is about: the incidents the seeds name are outages, not single users. */
export const OUTAGE_CATEGORY_WEIGHTS: Record<string, number> = {
  Infrastruktur: 40, Fagapplikasjoner: 35, Standardapplikasjoner: 12, Ansattadministrasjon: 8, 'Skrivere/multimaskiner': 5,
};
/** Outage titles per priority and category; {sted} is a site in the case's municipality. */
export const OUTAGE_TITLES: Record<'kritisk' | 'hoy', Record<string, string[]>> = {
  kritisk: {
    Infrastruktur: ['Nettverk nede ved {sted}', 'Internettlinje nede ved {sted}', 'Strømbrudd i nettverksrom ved {sted}', 'Sentralbord nede ved {sted}'],
    Fagapplikasjoner: ['Pasientvarsling ute av drift ved {sted}', 'Gerica utilgjengelig', 'Helseplattformen – ingen får logget inn ved {sted}', 'Medisinromskap låst ute av drift ved {sted}'],
    Standardapplikasjoner: ['E-post nede for hele kommunen', 'Teams nede for alle brukere'],
    Ansattadministrasjon: ['Ingen får logget inn på PC-ene ved {sted}', 'Innlogging med MFA feiler for alle'],
    'Skrivere/multimaskiner': ['Resepturskriver ute av drift ved {sted}'],
  },
  hoy: {
    Infrastruktur: ['Trådløst nett nede ved {sted}', 'Tregt nettverk ved {sted}', 'VPN nede for hjemmekontor', 'Nettverksfeil i {sted}'],
    Fagapplikasjoner: ['Gerica svært tregt for alle brukere', 'Visma Flyt Skole utilgjengelig', 'Profil svarer ikke', 'Acos Websak feiler ved arkivering', 'Visma lønn – kjøring stoppet'],
    Standardapplikasjoner: ['Outlook synkroniserer ikke for flere brukere', 'Delte postkasser utilgjengelige', 'SharePoint-område utilgjengelig'],
    Ansattadministrasjon: ['Nye brukere får ikke tilganger (synkronisering stoppet)', 'Passordtilbakestilling virker ikke'],
    'Skrivere/multimaskiner': ['Alle skrivere ute av drift ved {sted}', 'Utskriftsserver svarer ikke'],
  },
};
/** Sites per municipality for the outage titles (ASSUMPTION; Bergmo, Nobel and Måndalen from the seeds). */
export const SITES: Record<TDemoMunicipalityKey, string[]> = {
  molde: ['Molde rådhus', 'Bergmo OMS', 'Nobel OMS', 'Kviltorp skole', 'Sellanrå skole', 'Glomstua OMS'],
  rauma: ['Måndalen skole', 'Åndalsnes rådhus', 'Åndalsnes sykehjem'],
  vestnes: ['Vestnes rådhus', 'Helland skole', 'Vestnes helsetun'],
  aukra: ['Aukra rådhus', 'Aukra skole', 'Aukra omsorgssenter'],
  hustadvika: ['Elnesvågen rådhus', 'Eide omsorgssenter', 'Fræna ungdomsskole', 'Hustad barnehage'],
};

export const GIVEN_NAMES = ['Anne', 'Kari', 'Ingrid', 'Marit', 'Silje', 'Ola', 'Per', 'Lars', 'Kjetil', 'Bjørn', 'Hilde', 'Trond', 'Eva', 'Nina', 'Geir', 'Randi'];
export const FAMILY_NAMES = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Hoem', 'Rød', 'Sæther', 'Eide', 'Myklebust', 'Aas', 'Rekdal', 'Strand'];

/**
 * Calls per working day (before the month's seasonal weight, damped by half for the phone) and answer
 * rate, from a month on. Seed 000: calls fell after the drive to make people write in (the phone policy
 * renewed in June 2023, seed 001), and with two operators the rate fell from 91–93 % in July/August to
 * 84–87 % in the autumn. Periods without figures are ASSUMPTIONS in line with those.
 */
export const PHONE_PERIODS: { from: string; calls: number; answerRate: number }[] = [
  { from: '2021-01', calls: 44, answerRate: 0.9 }, { from: '2022-01', calls: 40, answerRate: 0.89 },
  { from: '2023-01', calls: 37, answerRate: 0.88 }, { from: '2023-07', calls: 31, answerRate: 0.92 },
  { from: '2023-09', calls: 27, answerRate: 0.86 }, { from: '2024-01', calls: 25, answerRate: 0.87 },
];
/** Months the papers give: calls in the month (exact) and answer rate. */
export const PHONE_MONTHS: Record<string, { calls?: number; answerRate: number }> = {
  '2023-07': { answerRate: 0.92 }, '2023-08': { answerRate: 0.92 },
  '2023-09': { calls: 769, answerRate: 0.84 }, '2023-10': { calls: 747, answerRate: 0.87 }, '2023-11': { calls: 584, answerRate: 0.85 },
};
/** Mean wait grows as fewer calls are answered (two operators; ASSUMPTION): seconds = base + slope × missed share. */
export const PHONE_WAIT = { baseSeconds: 15, perMissedShare: 550 };

/** The demo's portal user (demo/data accounts): a handful of their own recent Molde cases for "Mine saker". */
export const PORTAL_USER = accounts.find((a) => a.email === 'ansatt@molde.demo.samrad.no')!;
