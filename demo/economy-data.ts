// ROR-IKT's economy 2023 as the activity report per 1.12.2023 prints it (seed 000, sections 1.1 and 1.2,
// "tall i hele 1000"), with the June forecast from seed 001's narrative. Amounts here are whole kroner
// (budgets, forecasts) or øre (actuals); the printed thousands are what they round to.
//
// OCR repairs: "Lgnn" = Lønn, "Kigp/leasing" = Kjøp/leasing, "10007" = 1 000, "-" = 0, stray quotes
// dropped. "Digitalisering oppvekst - goo ¥ 800 -": Årsbudsjett 800, Avvik 800 (the column sums prove it:
// budgets sum to the printed 14 500 and deviations to 4 858 only with 800). "Videreutvikling av Chatbot
// 587 900 900": Regnskap 587, Årsbudsjett 900, Avvik 0 (printed as a dash the OCR dropped), Prognose 900.
//
// ASSUMPTIONS (not in the seeds, marked so nobody mistakes them for facts): ledger accounts and project
// codes; how the actuals fall over January–November; the øre and kroner below the printed thousand
// (chosen so each line rounds to the printed figure and the sums carry the paper's rounding: Prognose
// lines add up to 84 128 while the paper prints SUM 84 127); the per-line split of the June forecast
// (seed 001 gives only the total, an overspend of 1,47 mill. kr, and its directions); the allocation key
// (roughly by inhabitants) and the financing frames; project owners and years.

export type TDemoExpenseType = {
  name: string;
  isIncome?: boolean;
  accounts: string[];
  /** Regnskap per 1.12.2023 in øre (periods 1–11). */
  actualOre: number;
  budgetKr: number;
  /** Prognose per 1.12.2023, kroner. */
  forecastKr: number;
  /** Prognose per 1.6.2023, kroner (ASSUMPTION per line; the total is seed 001's). */
  juneForecastKr: number;
};

export const expenseTypes2023: TDemoExpenseType[] = [
  { name: 'Lønn', accounts: ['10100', '10990'], actualOre: 25_857_812_40, budgetKr: 29_233_000, forecastKr: 28_782_600, juneForecastKr: 28_900_000 },
  { name: 'Drift av stab og lokaler', accounts: ['11900', '11500'], actualOre: 2_970_212_00, budgetKr: 3_021_000, forecastKr: 3_159_000, juneForecastKr: 3_200_000 },
  { name: 'Kjøp/leasing', accounts: ['12000', '12210'], actualOre: 421_905_00, budgetKr: 321_000, forecastKr: 424_000, juneForecastKr: 321_000 },
  { name: 'Konsulenter', accounts: ['12700'], actualOre: 2_765_140_50, budgetKr: 715_000, forecastKr: 2_979_600, juneForecastKr: 2_600_000 },
  { name: 'Lisens, vedlikehold og support', accounts: ['11952', '12400'], actualOre: 52_098_766_75, budgetKr: 51_176_000, forecastKr: 52_536_700, juneForecastKr: 52_900_000 },
  { name: 'Samband og tele', accounts: ['11740'], actualOre: 3_827_061_00, budgetKr: 4_638_000, forecastKr: 4_270_000, juneForecastKr: 4_638_000 },
  { name: 'Inntekter', isIncome: true, accounts: ['16200', '17500'], actualOre: -10_684_118_00, budgetKr: -5_238_000, forecastKr: -8_025_000, juneForecastKr: -7_223_000 },
];

export type TDemoProject = {
  name: string;
  project: string;
  actualOre: number;
  budgetKr: number;
  forecastKr: number;
  startYear: number;
  endYear: number;
  status: 'planlagt' | 'pagar' | 'avsluttet' | 'avlyst';
};

export const projects2023: TDemoProject[] = [
  { name: 'Videreutvikling P360 og M365', project: 'P2301', actualOre: 0, budgetKr: 100_000, forecastKr: 0, startYear: 2023, endYear: 2023, status: 'planlagt' },
  { name: 'Digitalisering oppvekst', project: 'P2302', actualOre: 0, budgetKr: 800_000, forecastKr: 0, startYear: 2023, endYear: 2023, status: 'planlagt' },
  { name: 'Innbyggerportal', project: 'P2303', actualOre: 0, budgetKr: 600_000, forecastKr: 0, startYear: 2023, endYear: 2023, status: 'planlagt' },
  { name: 'Helseplattformen', project: 'P2201', actualOre: 4_160_233_00, budgetKr: 4_500_000, forecastKr: 4_760_000, startYear: 2022, endYear: 2024, status: 'pagar' },
  { name: 'Digitalisering teknisk sektor', project: 'P2304', actualOre: 808_870_00, budgetKr: 1_400_000, forecastKr: 900_000, startYear: 2023, endYear: 2023, status: 'pagar' },
  { name: 'Nytt system for lønn, økonomi og personal', project: 'P2305', actualOre: 0, budgetKr: 900_000, forecastKr: 0, startYear: 2023, endYear: 2024, status: 'planlagt' },
  { name: 'Videreutvikling av Chatbot', project: 'P2306', actualOre: 587_140_00, budgetKr: 900_000, forecastKr: 900_000, startYear: 2023, endYear: 2023, status: 'pagar' },
  { name: 'Uforutsette kommuneprosjekter', project: 'P2307', actualOre: 0, budgetKr: 500_000, forecastKr: 0, startYear: 2023, endYear: 2023, status: 'planlagt' },
  { name: 'Grunnmur del 3', project: 'P2308', actualOre: 1_289_660_00, budgetKr: 1_000_000, forecastKr: 1_740_000, startYear: 2023, endYear: 2023, status: 'pagar' },
  { name: 'Beredskapsplattform', project: 'P2309', actualOre: 0, budgetKr: 1_800_000, forecastKr: 0, startYear: 2023, endYear: 2023, status: 'planlagt' },
  { name: 'Zero-trust nettverk', project: 'P2310', actualOre: 1_188_090_00, budgetKr: 500_000, forecastKr: 1_188_000, startYear: 2023, endYear: 2023, status: 'pagar' },
  { name: 'Klientsikkerhet', project: 'P2311', actualOre: 0, budgetKr: 1_000_000, forecastKr: 0, startYear: 2023, endYear: 2023, status: 'planlagt' },
  { name: 'Uforutsette tiltak infrastruktur', project: 'P2312', actualOre: 153_980_00, budgetKr: 500_000, forecastKr: 154_000, startYear: 2023, endYear: 2023, status: 'pagar' },
];

/** Investments are booked on one investment account with the project code; the project mapping decides. */
export const INVESTMENT_ACCOUNT = '02300';

/** Explanations per line, dated as the paper they come from (001: 1.6.2023, 000: 1.12.2023). */
export const explanations2023: { line: string; date: string; text: string }[] = [
  { line: 'Lønn', date: '2023-06-01', text: 'Innsparinger på ansettelser, bl.a. ved bruk av trainee i stedet for rådgiver med lang erfaring, og senere oppstart av nye medarbeidere enn budsjettert.' },
  { line: 'Drift av stab og lokaler', date: '2023-12-01', text: 'Utvidelse av ressurskapasiteten ifbm. Hustadvikas inntreden i samarbeidet har medført et økt behov for plass i Storgata 33. Vi må nå bære alle kostnadene for lokasjonen på eget budsjett, og dette leder til et høyere pådrag enn budsjettert.' },
  { line: 'Konsulenter', date: '2023-12-01', text: 'Merforbruket kommer hovedsakelig av kostnader forbundet til Hustadvikas migreringsprosjekt og blir viderefakturert (se Inntekter). For de andre aktivitetene som ligger foran oss vil vi klare oss med noe mindre enn budsjettert.' },
  { line: 'Lisens, vedlikehold og support', date: '2023-12-01', text: 'Prisøkninger, økte kostnader relatert til ID-er til Helseplattformen og endret produktmiks for Microsoft-lisenser for skole, som ble reforhandlet i april/mai for de neste tre årene.' },
  { line: 'Samband og tele', date: '2023-12-01', text: 'Reforhandling av alle Hustadvikas linjesamband har gitt en god reduksjon i pris for nåværende linjekapasitet.' },
  { line: 'Inntekter', date: '2023-12-01', text: 'Konsulentkostnadene i Hustadvikas migreringsprosjekt viderefaktureres og gir en positiv prognose for inntektene.' },
  { line: 'Zero-trust nettverk', date: '2023-06-01', text: 'Det ble gjort to investeringer i Zero-trust nettverk på slutten av 2022. Grunnet periodisering ble belastningen ført på 2023.' },
  { line: 'Nytt system for lønn, økonomi og personal', date: '2023-06-01', text: 'Kostnadene vil ikke påløpe i 2023 grunnet innføring av Helseplattformen med tilhørende frysperiode.' },
  { line: 'Helseplattformen', date: '2023-12-01', text: 'Kostnadene reflekterer nå også ressursinnsatsen januar–september på prosjektet.' },
];

/** ASSUMPTION: an illustrative key (roughly by inhabitants); the seeds do not print 2023's key. */
export const key2023: { municipality: 'molde' | 'hustadvika' | 'rauma' | 'vestnes' | 'aukra'; percent: string }[] = [
  { municipality: 'molde', percent: '50,9554' },
  { municipality: 'hustadvika', percent: '21,1783' },
  { municipality: 'rauma', percent: '11,7834' },
  { municipality: 'vestnes', percent: '10,3503' },
  { municipality: 'aukra', percent: '5,7326' },
];

/** What seed 000 prints, for the acceptance test: [Regnskap, Årsbudsjett, Avvik, Prognose] in thousands. */
export const seed000Operating: [string, number, number, number, number][] = [
  ['Lønn', 25_858, 29_233, 450, 28_783],
  ['Drift av stab og lokaler', 2_970, 3_021, -138, 3_159],
  ['Kjøp/leasing', 422, 321, -103, 424],
  ['Konsulenter', 2_765, 715, -2_265, 2_980],
  ['Lisens, vedlikehold og support', 52_099, 51_176, -1_361, 52_537],
  ['Samband og tele', 3_827, 4_638, 368, 4_270],
  ['Inntekter', -10_684, -5_238, 2_787, -8_025],
];
export const seed000OperatingSum: [number, number, number, number] = [77_257, 83_866, -261, 84_127];

export const seed000Investment: [string, number, number, number, number][] = [
  ['Videreutvikling P360 og M365', 0, 100, 100, 0],
  ['Digitalisering oppvekst', 0, 800, 800, 0],
  ['Innbyggerportal', 0, 600, 600, 0],
  ['Helseplattformen', 4_160, 4_500, -260, 4_760],
  ['Digitalisering teknisk sektor', 809, 1_400, 500, 900],
  ['Nytt system for lønn, økonomi og personal', 0, 900, 900, 0],
  ['Videreutvikling av Chatbot', 587, 900, 0, 900],
  ['Uforutsette kommuneprosjekter', 0, 500, 500, 0],
  ['Grunnmur del 3', 1_290, 1_000, -740, 1_740],
  ['Beredskapsplattform', 0, 1_800, 1_800, 0],
  ['Zero-trust nettverk', 1_188, 500, -688, 1_188],
  ['Klientsikkerhet', 0, 1_000, 1_000, 0],
  ['Uforutsette tiltak infrastruktur', 154, 500, 346, 154],
];
export const seed000InvestmentSum: [number, number, number, number] = [8_188, 14_500, 4_858, 9_642];
