// Samarbeidsrådet 2024: M2 (13.03.2024) with its minutes transcribed from seed 003, and M1
// (14.02.2024), whose minutes 2024/M2-002 approved. The seeds hold nothing of M1 but its date, so it
// carries only the two standing cases. M3 is not in the seeds at all: it is there so the minutes of
// seed 003 stand approved, locked and archived, as they were in reality by the next meeting.
import type { TDemoAttendance, TDemoMeeting } from './types.js';

const PLACE = 'Del (Storgata 33, 3.etg)';

export const meeting2024M1: TDemoMeeting = {
  body: 'samarbeidsradet',
  year: 2024,
  number: 1,
  date: '2024-02-14',
  // ASSUMPTION: time and place as for M2; the seeds give only the date.
  startTime: '08:15',
  endTime: '11:00',
  place: PLACE,
  noticeSent: true,
  published: true,
  minutesApprovedBy: '2024/M2-002',
  // ASSUMPTION: the seeds do not say who came to M1; minutes are approved only for a meeting with
  // attendance recorded, so M1 gets the council as it sat in M2, all present.
  attendance: [
    { person: 'gjortz', role: 'til_stede', note: 'Leder ROR-IKT' },
    { person: 'aasen', role: 'til_stede', municipality: 'molde' },
    { person: 'ersvik', role: 'til_stede', municipality: 'hustadvika' },
    { person: 'skalhavn', role: 'til_stede', municipality: 'rauma' },
    { person: 'langoy', role: 'til_stede', municipality: 'aukra' },
    { person: 'ulvestad', role: 'til_stede', municipality: 'vestnes' },
    { person: 'gjortz', role: 'referent' },
  ],
  cases: [
    {
      number: '2024/M1-001',
      title: 'Godkjenning av innkalling og saksliste',
      type: 'vedtak',
      standing: 'innkalling',
      presenters: ['aasen'],
      // ASSUMPTION: the conclusion, worded as the council words it in seed 003.
      decision: { kind: 'enighet', text: 'Innkalling og saksliste godkjent' },
    },
    {
      number: '2024/M1-002',
      title: 'Godkjenning av møtereferat',
      type: 'vedtak',
      standing: 'referat',
      presenters: ['aasen'],
      decision: { kind: 'enighet', text: 'Møtereferat fra møtet 13.12.2023 godkjent' },
    },
  ],
};

const m2Attendance: TDemoAttendance[] = [
  // "Til stede" in the order seed 003 prints it; municipalities as assumed in organisation.ts.
  { person: 'gjortz', role: 'til_stede', note: 'Leder ROR-IKT' },
  { person: 'aasen', role: 'til_stede', municipality: 'molde' },
  { person: 'ersvik', role: 'til_stede', municipality: 'hustadvika' },
  { person: 'skalhavn', role: 'til_stede', municipality: 'rauma' },
  { person: 'langoy', role: 'til_stede', municipality: 'aukra' },
  { person: 'ulvestad', role: 'til_stede', municipality: 'vestnes' },
  { person: 'kristengard', role: 'til_stede', note: 'ROR-IKT' },
  { person: 'myhre', role: 'til_stede', municipality: 'hustadvika' },
  { person: 'spilling', role: 'forfall', note: 'ROR-IKT' },
  { person: 'skjolberg', role: 'forfall', municipality: 'molde' },
  { person: 'gjortz', role: 'referent' },
  { person: 'kristengard', role: 'referent' },
];

export const meeting2024M2: TDemoMeeting = {
  body: 'samarbeidsradet',
  year: 2024,
  number: 2,
  date: '2024-03-13',
  startTime: '08:15',
  endTime: '11:00',
  place: PLACE,
  noticeSent: true,
  published: true,
  minutesApprovedBy: '2024/M3-002',
  attendance: m2Attendance,
  cases: [
    {
      number: '2024/M2-001',
      title: 'Godkjenning av innkalling og saksliste',
      type: 'vedtak',
      standing: 'innkalling',
      presenters: ['aasen'],
      decision: { kind: 'enighet', text: 'Innkalling og saksliste godkjent' },
    },
    {
      number: '2024/M2-002',
      title: 'Godkjenning av møtereferat',
      type: 'vedtak',
      standing: 'referat',
      presenters: ['aasen'],
      decision: { kind: 'enighet', text: 'Møtereferat fra møtet 14.02.2024 godkjent' },
    },
    {
      number: '2024/M2-003',
      title: 'Økonomi- og aktivitetsrapport',
      type: 'orientering',
      presenters: ['gjortz'],
      // ASSUMPTION: seed 003 (minutes) has no case descriptions; this is the standing wording from seed 000.
      description:
        'Saken gjelder orientering om økonomistatus og oversikt over aktiviteter for ROR-IKT siden forrige rapportering.',
      decision: { kind: 'enighet', text: 'Saken tas til orientering' },
      treatment: [
        'Leder ROR-IKT redegjorde for noen temaer fra rapporten:',
        '',
        '• PC rullering går som normalt – ettersom ROR-IKT blir enda tettere på Molde kommune etter omorganiseringen, kan det være at rulleringen vil løses på en litt annen måte for Molde enn tidligere – dette følges opp i tiden som kommer',
        '• Ny kompetanseportal er publisert, alle oppfordres til å ta den i bruk',
        '• Visma PPT – ROR-IKT har mottatt en avtale til signering for Hustadvika. Visma har unilateralt innført en begrensning i erstatningsplikten for leverandøren. Denne problemstillingen er tatt opp med både ROR-innkjøp og kommuneadvokaten. Visma prøver gjennom dette å redusere sin risiko og erstatningsplikt i forbindelse med brudd på personvernet. Dette medfører en økt risiko for kommunen(e) og vi forsøker å balansere ansvaret.',
        '',
        'Virksomhetsstyring var ikke en del av anskaffelsen for nytt system for lønn, økonomi og personal. Samarbeidsrådet ønsket en status på anskaffelse av et slikt system. Noen av kommunene har tatt i bruk Framsikt – ROR-IKT forbereder en oversikt over bruken av Framsikt.',
        '',
        'RIL (regional innføringsleder) for Helseplattformen har kontrakt ut april måned. Finansieringen fra Statsforvalteren løper ut juni. Det vil bli vurdert behov for videreføring utover avtalefestet sluttdato.',
      ].join('\n'),
    },
    {
      number: '2024/M2-004',
      title: 'Omorganisering Molde kommune',
      // "godkjenner" is a decision, though the council concluded by consensus.
      type: 'vedtak',
      presenters: ['gjortz'],
      decision: {
        kind: 'enighet',
        text: 'Samarbeidsrådet godkjenner at lønnskostnadene for leder ROR-IKT deles mellom vertskommunesamarbeidet og Molde kommune med hhv. 85% og 15%. Endringen trer i kraft fra 01.05.2024.',
      },
      treatment: 'Leder ROR-IKT orienterte om saken som ble godkjent uten videre kommentarer fra Samarbeidsrådet.',
    },
    {
      number: '2024/M2-005',
      title: 'Status for de interkommunale faggruppene',
      type: 'orientering',
      // ASSUMPTION: the minutes say "avdelingsleder Tjenesteutvikling" presented with the leader, but
      // Spilling sent apologies; Kristengård, who was present, stands in as co-presenter.
      presenters: ['gjortz', 'kristengard'],
      decision: { kind: 'enighet', text: 'Samarbeidsrådet tar saken til orientering.' },
      treatment: [
        'Leder ROR-IKT og avdelingsleder Tjenesteutvikling orienterte om saken og status i de ulike faggruppene. Dette ledet til en diskusjon ifbm. tjenestesamarbeid på tvers av kommunene. Et eksempel som ble nevnt var tjenestesamarbeid på lønn, der kommunene har samme system, samme rutiner osv.',
        '',
        'Til dette påpekte leder ROR-IKT viktigheten av et tett samarbeid på de ulike områdene for å klare å etablere tjenestesamarbeid.',
        '',
        'I IKT Orkidé sin forrige anskaffelse av LØP ble det definert en tre-trinns rakett:',
        '',
        '1. felles system',
        '2. felles kontoplan',
        '3. tjenestesamarbeid',
        '',
        'IKT Orkidé klarte i forrige 10-års periode å etablere felles system og kontoplan, men klarte ikke å etablere tjenestesamarbeid.',
        '',
        'Dersom ROR-IKT kommunene skal lykkes med å etablere felles tjenestesamarbeid må en slik ambisjon forankres på toppen og kommuniseres ut til alle ansatte i kommunen.',
        '',
        'I gjennomgangen av faggruppene ble det notert følgende refleksjoner:',
        '',
        '• Helse og velferd: Helseplattformen burde skilles ut i egen arbeidsgruppe/faggruppe som ville økt fokuset på velferdsteknologi',
        '• Teknisk: faggruppen favner veldig bredt og består av mange medlemmer. Muligens for liten representasjon av fagpersoner og for mange ledere?',
        '• alle faggruppene vil ha nytte av en ny gjennomgang av innovasjonsløypa',
        '',
        'I etterkant av gjennomgangen ble det stilt spørsmål om der er for mange samhandlingsfora og at det går utover effektivitet og gjennomføringskraft. Kommunedirektørene vil diskutere denne problemstillingen i eget møte senere.',
      ].join('\n'),
    },
    {
      number: '2024/M2-006',
      title: 'Finansiering av prosjekter',
      // ASSUMPTION: listed as a discussion; the minutes record a debate and take it to information.
      type: 'diskusjon',
      presenters: ['gjortz'],
      decision: { kind: 'enighet', text: 'Samarbeidsrådet tar saken til orientering.' },
      treatment: [
        'Innskjerpingen av bruken av investeringsmidler begrenser handlingsrommet vårt betraktelig ifht. innovasjon og finansiering av prosjekter. Det ble i møtet diskutert utfordringer med at leverandører selger inn løsninger (skysystemer) som «kun trenger internett», «trenger ikke involvere IKT» o.l. Dette vil kunne resultere i at kravene til sikkerhet ikke følges og at krav til backup, eierskap til data o.l. ikke blir ivaretatt i forbindelse med anskaffelsen. Det vil også kunne ende i at ROR-IKT etter hvert må inkludere den anskaffede løsningen i sin portefølje for å kunne ivareta sikkerheten, og en slik snikinnføring gir oss uansett økte driftsutgifter.',
        '',
        'Samarbeidsrådet understreket viktigheten av sikkerhet og at alle IKT-relaterte anskaffelser SKAL kjøres via ROR-IKT. Det ble videre enighet om at vi må stramme inn bruken av strukturene – bruken av Innovasjonsløypa vil være viktig i så henseende.',
        '',
        'Vi må fortsette med utvikling og innovasjon, og vi må finne en delings-modell hvor kommunen som går foran, ikke blir sittende med hele regningen når andre kommuner kobler seg på.',
        '',
        'Oppsummert:',
        '',
        '• Sikkerhet skal ivaretas i alle typer prosjekter',
        '• Alle IKT-relaterte anskaffelser eller prosjekter skal innom ROR-IKT',
        '• Innovasjonsløypa skal følges',
        '  o alle anskaffelser skal følge strukturene: Faggruppe -> Porteføljeråd -> Samarbeidsråd',
        '  o Samarbeidsrådet tar beslutning om anskaffelsen skal gjennomføres og evt. hvordan kostnaden skal fordeles',
      ].join('\n'),
    },
    {
      number: '2024/M2-007',
      title: 'Orienteringssaker',
      type: 'orientering',
      // ASSUMPTION: presenters as for the information cases in 2023/M6-004, less Spilling (absent).
      presenters: ['kristengard', 'gjortz'],
      decision: { kind: 'enighet', text: 'Saken tas til orientering.' },
      treatment: [
        'Samarbeidsrådet ble orientert om følgende saker:',
        '',
        '• anskaffelse av nytt ERP-system (LØP)',
        '  o har gjennomført flere møter med fagmiljøet, ROR innkjøp og kommuneadvokatene. Forventer å få ny avtale til signering i løpet av kort tid. Skriftlig behandling av saken på teamet så snart avtalen er ferdigforhandlet.',
        '• Sikkerhetspartner',
        '  o kartlegging er i gang',
        '  o ukentlige statusmøter i prosjektet',
        '  o erfaringsdelingsmøter med ROR-IKT, SSIKT og eKommune Sunnmøre',
        '  o Incident Response Team (IRT) er allerede tilgjengelig for oss om vi får en hendelse (vil alltid utløse kostnader basert på avtalt timespris)',
        '• reduksjon av lisenser P360',
        '  o overskredet antall lisenser i avtalen',
        '  o ser nå på hvem som bruker lisensene for å prøve å redusere antallet lisenser',
        '  o faggruppen dokumentasjonsforvaltning har ikke stilt seg bak forslaget om å redusere lisensene',
        '  o forslaget er å følge metoden IKT Orkidé har benyttet: for å bevare lisensen må brukeren ha gjennomført e-læringskurs',
        '  o ROR-IKT henter ut tallene for aktive P360 brukere hver måned',
        '  o Alle pålogginger de siste 4-5 månedene er loggført og vi foreslår å benytte denne listen til å fjerne lisenser som ikke er i bruk',
        '  o faggruppen ønsker å argumentere mot dette i samarbeidsrådet.',
        '• status på arbeidet med enheter for politikere',
        '  o tjenesten Politiker-PC er snart klar for utrulling i Aukra kommune',
        '• orientering om strategisamling for DigiMR',
        '  o Vel blåst Taktisk Tankefest - Digi Møre og Romsdal (digimr.no)',
        '  o det var få representanter fra Romsdalen på samlingen, mange fra Kristiansund og Ålesund. Vi bør få være bedre representert.',
        '  o ROR-IKT har blitt forespurt om vi kan bidra med en ressurs til eHelse – dette blir vurdert. Over tid må det ses på strukturene og arbeidsmetodikk i samarbeidet.',
      ].join('\n'),
    },
  ],
};

export const meeting2024M3: TDemoMeeting = {
  body: 'samarbeidsradet',
  year: 2024,
  number: 3,
  // ASSUMPTION: the whole meeting. The seeds end at M2; date, time and place follow the council's
  // pattern, and only the standing cases are recorded, the second approving seed 003's minutes.
  date: '2024-04-17',
  startTime: '08:15',
  endTime: '11:00',
  place: PLACE,
  noticeSent: true,
  published: true,
  cases: [
    {
      number: '2024/M3-001',
      title: 'Godkjenning av innkalling og saksliste',
      type: 'vedtak',
      standing: 'innkalling',
      presenters: ['aasen'],
      decision: { kind: 'enighet', text: 'Innkalling og saksliste godkjent' },
    },
    {
      number: '2024/M3-002',
      title: 'Godkjenning av møtereferat',
      type: 'vedtak',
      standing: 'referat',
      presenters: ['aasen'],
      decision: { kind: 'enighet', text: 'Møtereferat fra møtet 13.03.2024 godkjent' },
    },
  ],
};
