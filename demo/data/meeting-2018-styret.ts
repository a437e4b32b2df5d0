// Styret for ROR-IKT, 03.10.2018: the saksliste, attendance and the saksframlegg and protocol of
// ST 39/18, transcribed from seed 001. ST 38/18 was exempt from public access.
// The protocol in the seed is cut ("[....]") after the saksliste and shows only ST 39/18's decision, so
// the other cases carry no decision text here.
import type { TDemoMeeting } from './types.js';

const st39Saksopplysninger = [
  'ROR-IKT har orientert styret ved tidligere anledninger om muligheter for forbedringer av saksbehandlingen på Servicedesken. Vi legger derfor fram noen forslag til endringer som vi ønsker drøfte med styret:',
  '',
  'Lukking av løste saker',
  '',
  'I mange tilfeller er en sak blitt arbeidet med og ROR-IKT er av den oppfatning at saken er løst. I denne forbindelse har vi så langt beholdt saken åpen inntil brukeren har kunnet bekrefte at saken er løst. Ettersom mange brukere er vanskelig å få tak i, og enda vanskeligere når utfordringene deres er løst, medfører denne framgangsmåten at vi blir sittende med veldig mange åpne saker. Disse åpne og løste sakene krever fortsatt innsats av Servicedesken og bidrar til et dårligere fokus på uløste saker.',
  '',
  'Vi ønsker derfor å introdusere en retningslinje for lukning av saker. Vi foreslår å etablere en regel kalt 3-2-1, der vi forsøker kontakte brukeren 3 ganger over 2 dager. Dersom kontakt ikke kan etableres, sender vi 1 e-post med informasjon om at saken lukkes.',
  '',
  'Dersom brukeren ikke er fornøyd med løsningen, så er det fortsatt muligheter å gjenåpne saken.',
  '',
  'Behandling av henvendelser på telefonen',
  '',
  'I lys av et stort antall utestående saker ønsker vi å fokusere innsatsen vår på å løse sakene. Vi ønsker derfor å endre behandling av henvendelser på telefonen som følger:',
  '',
  '- Dersom innringeren melder en feil av kritisk eller høy prioritet, skal feilen forsøkes løst over telefonen.',
  '- Dersom feilen som meldes er av medium eller lav prioritet, skal feilen logges på telefonen men håndteringen av feilen blir gjort i etterkant.',
  '',
  'Ved en slik framgangsmåte, vil kontakten med Servicedesk gradvis gå over til bruk av Web eller e-post og vi kan ha lavere bemanning av telefonene. Det vil igjen si at vi kan bruke flere personer på å løse saker som allerede er innmeldt.',
  '',
  'Kundetilfredshetsundersøkelse',
  '',
  'I forbindelse med lukning av sakene i Servicedeskverktøyet, har alle brukerne blitt oppfordret de siste månedene å besvare en brukerundersøkelse. Det viser seg dog at veldig få tar seg tid til å gjøre dette. I forbindelse med Forbedringsprosjektet og Mini-LEAN kurset, ønsker vi nå å gjennomføre en undersøkelse av kundetilfredsheten i våre brukerorganisasjoner. På denne måten skaper vi et utgangspunkt for våre forbedringer, men også en mulighet til å måle forbedringene over tid.',
  '',
  'Vi vil presentere et forslag for dette i styremøtet.',
].join('\n');

/** The real title of the exempt case; only staff and council may ever see it (the tests look for leaks). */
export const ST38_EXEMPT_TITLE = 'Veien videre for nytt sak-arkivsystem';

export const meeting2018Styret: TDemoMeeting = {
  body: 'styret',
  year: 2018,
  // ASSUMPTION: the protocol does not number the meeting; ST 34/18 as its first case suggests the fifth of the year.
  number: 5,
  date: '2018-10-03',
  startTime: '08:00',
  place: 'Del, Storgata 33 - Molde',
  // The board's earlier 2018 meetings are not in the seeds; their cases took ST 1/18 to ST 33/18.
  firstCaseSequence: 34,
  noticeSent: true,
  published: true,
  attendance: [
    { person: 'hovdenak', role: 'til_stede', municipality: 'rauma' },
    { person: 'rimstad', role: 'til_stede', municipality: 'aukra' },
    { person: 'dahl', role: 'til_stede', municipality: 'molde' },
    { person: 'roaldsnes', role: 'til_stede', municipality: 'vestnes' },
    { person: 'ugelvik', role: 'til_stede', municipality: 'midsund' },
    { person: 'holand', role: 'observator', note: 'Personal- og organisasjonssjef Molde kommune' },
    { person: 'gjortz', role: 'administrasjon', note: 'Daglig leder ROR-IKT' },
    { person: 'spilling', role: 'administrasjon', note: 'Avd. leder Tjenesteutvikling ROR-IKT' },
    { person: 'spilling', role: 'referent' },
  ],
  cases: [
    {
      number: 'ST 34/18',
      title: 'Godkjenning av innkalling og saksliste',
      type: 'vedtak',
      standing: 'innkalling',
      presenters: ['gjortz'],
    },
    {
      number: 'ST 35/18',
      title: 'Godkjenning av møteprotokoll',
      type: 'vedtak',
      standing: 'referat',
      presenters: ['gjortz'],
    },
    {
      number: 'ST 36/18',
      title: 'Drifts- og prosjektrapport pr. 20.9.2018',
      type: 'orientering',
      presenters: ['gjortz'],
    },
    {
      number: 'ST 37/18',
      title: 'Budsjett 2019 og økonomiplan 2019-2022 II',
      type: 'vedtak',
      presenters: ['gjortz'],
    },
    {
      number: 'ST 38/18',
      title: ST38_EXEMPT_TITLE,
      type: 'vedtak',
      // ASSUMPTION: presenter and description; the seed gives only the title and the legal basis.
      presenters: ['gjortz'],
      description: 'Daglig leder legger fram vurderinger av leverandører og veien videre for anskaffelse av nytt sak-arkivsystem.',
      exempt: { publicTitle: 'Sak unntatt offentlighet', legalBasisCode: 'offl-13-fvl-13-1-2' },
    },
    {
      number: 'ST 39/18',
      title: 'Endringer i saksbehandling ROR-IKT Servicedesk',
      type: 'vedtak',
      presenters: ['gjortz'],
      proposalKind: 'vedtak',
      proposal: 'Styret tar de foreslåtte endringene til orientering',
      presentation: {
        archiveCode: '033',
        caseFolder: '2016/2947-0',
        caseOfficer: 'Fred Gjørtz',
        date: '2018-09-25',
        proposalHeading: 'Daglig leders forslag til vedtak',
        body: st39Saksopplysninger,
      },
      decision: {
        kind: 'vedtak',
        text: 'De foreslåtte endringene tas til orientering og videre behandling i Bestillerutvalget.',
      },
      treatment: 'Styret stiller seg positive til endringene, men disse må kommuniseres grundig ut til alle ansatte.',
    },
    {
      number: 'ST 40/18',
      title: 'Eventuelt',
      type: 'diskusjon',
      presenters: ['gjortz'],
    },
  ],
};
