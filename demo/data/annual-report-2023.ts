// The annual report 2023 (årsrapport): the year's figures beside 2021 and 2022. The seeds hold no annual
// report, so its tree and narrative are written for the demo (ASSUMPTION), and so are the figures entered
// for the years and facts samrad holds no data for: staffing, sick leave, the economy's totals for 2021
// and 2022, the council's meetings before 2023 and the service desk's 2021 (the full demo history starts
// in 2021, the tests' quarter-size history in 2022; a block prints the live figure where there is one).
import type { TDemoFigure, TDemoReportSection } from './types.js';

export const ANNUAL_REPORT_TITLE = 'Årsrapport 2023';
export const ANNUAL_REPORT_AS_OF = '2023-12-31';
/** ASSUMPTION: the leader approves the annual report in February. */
export const ANNUAL_REPORT_APPROVED = '2024-02-20';

/** ASSUMPTION: two councils have accepted it so far; the others have not considered it yet. */
export const acceptances2023: { municipality: 'molde' | 'aukra'; acceptedBy: string; acceptedOn: string }[] = [
  { municipality: 'molde', acceptedBy: 'Kommunestyret i Molde (sak 14/24)', acceptedOn: '2024-03-14' },
  { municipality: 'aukra', acceptedBy: 'Kommunestyret i Aukra (sak 9/24)', acceptedOn: '2024-03-19' },
];

export const annualReport2023: TDemoReportSection[] = [
  {
    key: 'innledning', title: 'Innledning',
    narrative: `ROR-IKT er det interkommunale IKT-samarbeidet for Aukra, Hustadvika, Molde, Rauma og Vestnes. 2023 var året da Hustadvika kom inn i samarbeidet og de fem Romsdalskommunene tok i bruk Helseplattformen. Tallene i rapporten sammenlignes med de to foregående årene.`,
  },
  { key: 'organisasjon', title: 'Organisasjon' },
  {
    key: 'radet', parent: 'organisasjon', title: 'Samarbeidsrådet',
    narrative: `Samarbeidsrådet er samarbeidets øverste organ, med representanter fra hver medlemskommune.`,
    blocks: [{ type: 'governance.council-members', params: {} }, { type: 'governance.meetings-and-cases', params: { previousYears: 2 } }],
  },
  {
    key: 'bemanning', parent: 'organisasjon', title: 'Bemanning',
    narrative: `Bemanningen økte i 2023 for å ta imot Hustadvika.`,
    blocks: [{ type: 'reports.staffing', params: {} }],
  },
  { key: 'sykefravaer', parent: 'organisasjon', title: 'Sykefravær', blocks: [{ type: 'reports.sick-leave', params: {} }] },
  { key: 'okonomi', title: 'Økonomi' },
  {
    key: 'resultat', parent: 'okonomi', title: 'Driftsresultat',
    narrative: `Driftsresultatet for 2023 sammenlignet med 2021 og 2022. Tallene for 2021 og 2022 er registrert fra årsregnskapene.`,
    blocks: [{ type: 'economy.result', params: {} }],
  },
  { key: 'drift', parent: 'okonomi', title: 'Driftskostnader', blocks: [{ type: 'economy.operating', params: { explanations: false } }] },
  { key: 'investering', parent: 'okonomi', title: 'Investeringskostnader', blocks: [{ type: 'economy.investment', params: { explanations: false } }] },
  { key: 'kundeservice', title: 'Kundeservice' },
  {
    key: 'kanal', parent: 'kundeservice', title: 'Saker per kanal',
    narrative: `Flere saker meldes inn skriftlig i Kundeserviceportalen, og færre på telefon.`,
    blocks: [{ type: 'servicedesk.by-channel', params: {} }],
  },
  { key: 'type', parent: 'kundeservice', title: 'Saker per type', blocks: [{ type: 'servicedesk.by-type', params: {} }] },
  { key: 'telefon', parent: 'kundeservice', title: 'Telefon', blocks: [{ type: 'servicedesk.phone-yearly', params: {} }] },
  { key: 'begreper', title: 'Definisjoner og begreper', blocks: [{ type: 'reports.glossary', params: {} }] },
];

const DEPARTMENTS = ['Kundeservice', 'Drift og infrastruktur', 'Tjenesteutvikling', 'Stab'] as const;

/** ASSUMPTION: invented staffing per department as of 31.12 (FTE, people, women, men) and sick leave. */
const staffing: Record<number, [number, number, number, number][]> = {
  2021: [[11, 12, 5, 7], [14, 14, 2, 12], [9, 10, 6, 4], [4, 4, 3, 1]],
  2022: [[11.5, 12, 5, 7], [15, 15, 3, 12], [10, 11, 6, 5], [4, 4, 3, 1]],
  2023: [[13, 14, 6, 8], [17, 17, 3, 14], [11, 12, 7, 5], [5, 5, 4, 1]],
};
const sickLeave: Record<number, number> = { 2021: 5.1, 2022: 6.3, 2023: 5.4 };

function staffFigures(year: number): TDemoFigure[] {
  return DEPARTMENTS.flatMap((dimension, i) => {
    const [fte, people, women, men] = staffing[year]![i]!;
    return [
      { metric: 'staff.fte', dimension, value: fte }, { metric: 'staff.people', dimension, value: people },
      { metric: 'staff.women', dimension, value: women }, { metric: 'staff.men', dimension, value: men },
    ];
  });
}

/** The figures entered per year, as staff would type them on /rapporter/tall. ASSUMPTION: all invented. */
export const enteredFigures: Record<number, TDemoFigure[]> = {
  2021: [
    ...staffFigures(2021), { metric: 'sickleave.percent', value: sickLeave[2021]! },
    { metric: 'economy.budget', value: 74_120_000 }, { metric: 'economy.actual', value: 73_480_000 },
    { metric: 'governance.meetings', dimension: 'Samarbeidsrådet for ROR-IKT', value: 6 },
    { metric: 'governance.cases', dimension: 'Samarbeidsrådet for ROR-IKT', value: 31 },
    { metric: 'servicedesk.channel', dimension: 'telefon', value: 5_480 }, { metric: 'servicedesk.channel', dimension: 'portal', value: 3_910 },
    { metric: 'servicedesk.channel', dimension: 'epost', value: 2_870 }, { metric: 'servicedesk.channel', dimension: 'oppmote', value: 520 },
    { metric: 'servicedesk.channel', dimension: 'chat', value: 140 }, { metric: 'servicedesk.channel', dimension: 'annet', value: 80 },
    { metric: 'servicedesk.type', dimension: 'feilmelding', value: 5_830 }, { metric: 'servicedesk.type', dimension: 'tjenesteforesporsel', value: 6_220 },
    { metric: 'servicedesk.type', dimension: 'annet', value: 950 },
    { metric: 'phone.offered', value: 11_900 }, { metric: 'phone.answered', value: 11_020 },
  ],
  2022: [
    ...staffFigures(2022), { metric: 'sickleave.percent', value: sickLeave[2022]! },
    { metric: 'economy.budget', value: 78_900_000 }, { metric: 'economy.actual', value: 79_350_000 },
    { metric: 'governance.meetings', dimension: 'Samarbeidsrådet for ROR-IKT', value: 6 },
    { metric: 'governance.cases', dimension: 'Samarbeidsrådet for ROR-IKT', value: 34 },
  ],
  2023: [...staffFigures(2023), { metric: 'sickleave.percent', value: sickLeave[2023]! }],
};
