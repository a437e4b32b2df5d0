// The shape of ROR-IKT's service desk as the seeds describe it (seed 000 2.1.5, seed 001 2.1.6):
// ~13 000 cases a year, most about user accounts and access, PCs and advice; a summer dip in July and a
// peak in August (school start, holiday temps); Hustadvika from November 2022; the portal and e-mail
// taking over from the phone after the phone policy (ST 39/18). Where the papers give no number, the
// figure is our ASSUMPTION, chosen so the monthly pack looks like the papers' tables.
import type { TChannel, TPriority, TTicketType } from '../../src/modules/servicedesk/constants.js';

export const DEMO_YEARS = [2021, 2022, 2023, 2024] as const;
export const TICKETS_PER_YEAR = 13_000;
/** Hustadvika's first case (the issue: from November 2022). */
export const HUSTADVIKA_FROM = '2022-11';

/** Relative volume per month, January first; sums to 12. Seed 000: 1357 in October, 1162 in November. */
export const MONTH_WEIGHTS = [1.0, 1.0, 1.05, 0.9, 0.95, 0.95, 0.5, 1.45, 1.15, 1.2, 1.05, 0.8];

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

/** Open at the end of November 2023: 167 incidents, 542 requests; requests are more and stay open longer. */
export const TYPE_WEIGHTS: Record<TTicketType, number> = { feilmelding: 45, tjenesteforesporsel: 48, annet: 7 };

/** Channel mix per year: the phone gives way to the portal (ASSUMPTION after the phone policy). */
export const CHANNEL_WEIGHTS: Record<number, Record<TChannel, number>> = {
  2021: { portal: 34, epost: 36, telefon: 24, oppmote: 4, chat: 0, annet: 2 },
  2022: { portal: 40, epost: 34, telefon: 20, oppmote: 4, chat: 0, annet: 2 },
  2023: { portal: 47, epost: 31, telefon: 15, oppmote: 3, chat: 2, annet: 2 },
  2024: { portal: 53, epost: 28, telefon: 11, oppmote: 3, chat: 3, annet: 2 },
};

/** Priority mix of ordinary cases; Kritisk and Høy are rare (seed 001: 2 critical and 3 high in May). */
export const PRIORITY_WEIGHTS: Record<TPriority, number> = { lav: 30, medium: 69.6, hoy: 0.3, kritisk: 0.1 };

/** Months whose critical and high incidents the seeds list in full: no random ones there. */
export const LISTED_MONTHS: Record<string, TPriority[]> = { '2023-05': ['kritisk', 'hoy'], '2023-10': ['kritisk'], '2023-11': ['kritisk'] };

export type TNamedIncident = { at: string; municipality: TDemoMunicipalityKey; title: string; priority: TPriority; category: string; solvedAfterMinutes: number };

/** The incidents the seeds name, on their dates; each was solved within its SLA (seed 000 says so for November). */
export const NAMED_INCIDENTS: TNamedIncident[] = [
  { at: '2023-05-03T08:40', municipality: 'rauma', title: 'Nettverk nede ved Måndalen skole', priority: 'hoy', category: 'Infrastruktur', solvedAfterMinutes: 150 },
  { at: '2023-05-05T09:10', municipality: 'molde', title: 'Nettverksfeil i parkeringstunell', priority: 'hoy', category: 'Infrastruktur', solvedAfterMinutes: 200 },
  { at: '2023-05-11T10:30', municipality: 'molde', title: 'Tregt nettverk rådhuset', priority: 'hoy', category: 'Infrastruktur', solvedAfterMinutes: 180 },
  { at: '2023-05-16T07:50', municipality: 'molde', title: 'Sensio Pasientvarsling ved Bergmo OMS', priority: 'kritisk', category: 'Fagapplikasjoner', solvedAfterMinutes: 95 },
  { at: '2023-05-24T13:20', municipality: 'molde', title: 'Sensio pasientvarsling ved Nobel OMS', priority: 'kritisk', category: 'Fagapplikasjoner', solvedAfterMinutes: 70 },
  { at: '2023-11-06T09:05', municipality: 'molde', title: 'SystemX Midsund utilgjengelig', priority: 'kritisk', category: 'Fagapplikasjoner', solvedAfterMinutes: 85 },
  { at: '2023-11-11T10:15', municipality: 'hustadvika', title: 'Gerica mobil fungerer ikke', priority: 'kritisk', category: 'Fagapplikasjoner', solvedAfterMinutes: 100 },
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

export const GIVEN_NAMES = ['Anne', 'Kari', 'Ingrid', 'Marit', 'Silje', 'Ola', 'Per', 'Lars', 'Kjetil', 'Bjørn', 'Hilde', 'Trond', 'Eva', 'Nina', 'Geir', 'Randi'];
export const FAMILY_NAMES = ['Hansen', 'Johansen', 'Olsen', 'Larsen', 'Hoem', 'Rød', 'Sæther', 'Eide', 'Myklebust', 'Aas', 'Rekdal', 'Strand'];

/** Daily phone queue per year: calls per business day and answer rate (seed 000: 747 calls and 87 % in October 2023). */
export const PHONE_PER_DAY: Record<number, { calls: number; answerRate: number }> = {
  2021: { calls: 52, answerRate: 0.9 }, 2022: { calls: 45, answerRate: 0.89 }, 2023: { calls: 36, answerRate: 0.87 }, 2024: { calls: 30, answerRate: 0.88 },
};
