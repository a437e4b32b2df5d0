// The activity report per 1.12.2023 (seed 000, attached to 2023/M6-003): its section tree as the paper
// numbers it, each section's narrative and the data blocks that print its tables and charts from live
// data. The narrative follows the paper's facts and headings in our own words (the OCR'd text is not
// copied). Markup as richTextFromMarkup reads it: blank line between blocks, "- " for a list item.
//
// The PC rotation table (2.1.1) is the equipment block per 28.11.2023 and the building projects table
// (2.4.1) the portfolio's week 48, as printed.
import type { TDemoReportSection } from './types.js';

export const ACTIVITY_REPORT_TITLE = 'Aktivitetsrapport per 1.12.2023';
export const ACTIVITY_REPORT_AS_OF = '2023-12-01';
/** ASSUMPTION: the seed prints no approval date; the leader approves the Tuesday before the notice goes out. */
export const ACTIVITY_REPORT_APPROVED = '2023-12-05';

export const activityReport2023: TDemoReportSection[] = [
  { key: 'okonomi', title: 'Økonomirapport' },
  {
    key: 'drift', parent: 'okonomi', title: 'Driftskostnader',
    narrative: `Tabellen under viser driftskostnadene per 1.12.2023. Den oppdaterte prognosen for 2023 gir et anslått merforbruk på om lag 261 000 kr, i hovedsak fordi prisene har steget, ID-ene til Helseplattformen har kostet mer og produktmiksen i Microsoft-lisensene for skole ble endret da avtalen ble reforhandlet i april/mai for tre nye år.

Alle linjesambandene i Hustadvika er reforhandlet, og prisen for dagens kapasitet er blitt vesentlig lavere.

Budsjettet er mer usikkert enn vanlig fordi Hustadvika har kommet inn i samarbeidet. Vi ser løpende på hvordan kostnadene kan reduseres ved å flytte kommunen over på samarbeidets avtaler.

Konsulentbruken går over budsjett, mest på grunn av migreringsprosjektet i Hustadvika. Disse kostnadene faktureres videre og gir tilsvarende økte inntekter. For de øvrige aktivitetene ventes konsulentbruken å bli noe lavere enn budsjettert.

Drift av stab og lokaler: flere ansatte etter at Hustadvika kom inn gir behov for mer plass i Storgata 33, og samarbeidet dekker nå alle kostnadene ved lokalene selv. Det gir et høyere forbruk enn budsjettert.`,
    blocks: [{ type: 'economy.operating', params: { explanations: false } }],
  },
  {
    key: 'investering', parent: 'okonomi', title: 'Investeringskostnader',
    narrative: `Tabellen under viser investeringskostnadene per 1.12.2023. Alle investeringene er gjennomgått og har fått oppdaterte prognoser for resten av året, og kostnadene tar nå med ressursinnsatsen på prosjektene fra januar til september.

Investeringspostene er også gått gjennom sammen med økonomiavdelingen i Molde kommune. Enkelte utgifter er flyttet til driftsregnskapet, og noen poster er overført til andre prosjekter.`,
    blocks: [{ type: 'economy.investment', params: { explanations: false } }],
  },
  { key: 'aktiviteter', title: 'Aktiviteter' },
  { key: 'kundeservice', parent: 'aktiviteter', title: 'Kundeservice' },
  {
    key: 'rullering', parent: 'kundeservice', title: 'Rullering av PC-er',
    narrative: `Uttrekket gjelder nå PC-ene som var pålogget i november. Flere eldre PC-er er i bruk enn i august, og behovet for å bestille nye PC-er har derfor økt for Rauma, Vestnes og Hustadvika. Status per 28.11.2023 står i tabellen.

Lagerbeholdningen i Molde gjør at utleveringen må ha høy prioritet. Vi har tett dialog med Analyse og utvikling og med fagavdeling skole, som har hentet ut mange PC-er fra lageret.

Antallet utgåtte PC-er i Hustadvika har økt kraftig siden forrige rapport, og vi undersøker hvorfor. Hustadvika har samtidig satt av store midler til rullering neste år.

I første halvdel av desember sender Rakel et push-varsel til ansatte i Molde, Rauma og Vestnes som har utgåtte PC-er, slik at de kan starte byttet.`,
    blocks: [{ type: 'equipment.pc-status', params: { date: '2023-11-28' } }],
  },
  {
    key: 'rakel', parent: 'kundeservice', title: 'Spør Rakel',
    narrative: `Chatboten Rakel er i full drift og har vært stabil siden en ny utvikler hos leverandøren tok over prosjektet. I høst har leverandøren og ROR-IKT ryddet i Azure-plattformen, og arbeidet er nesten ferdig. All funksjonalitet er tilbake, og et eget utviklingsmiljø (DEV) står nå ved siden av produksjonsmiljøet, slik at Rakel kan videreutvikles trygt.`,
  },
  {
    key: 'hp-stotte', parent: 'kundeservice', title: 'Støtte ifm. Helseplattformen',
    narrative: `Ved siden av den daglige supporten har Kundeservice hatt flere oppdrag ute:

- I oktober, siste innspurt før Helseplattformen ble tatt i bruk, klargjorde og installerte vi sluttbrukerutstyr, også telefoner.
- Lokasjoner i Hustadvika uten kommunalt nettverk ble gjort klare med ulike løsninger.
- I november ble utstyret til de 84 arbeidsstasjonene for manuell migrering og utstyr lånt ut til kurslokaler rigget ned. Molde kommune har fått sitt utlånte utstyr tilbake på lager.`,
  },
  {
    key: 'kompetanseportalen', parent: 'kundeservice', title: 'Kompetanseportalen',
    narrative: `Selvhjelpsplattformen Kompetanseportalen fornyes. Kundeservice har i høst tilpasset den nye versjonen til brukernes behov, og den bygger på nye muligheter i SharePoint for å samle all IKT-støtte ROR-IKT tilbyr på ett sted. Den nye måten å bruke SharePoint på gjør det også enklere å holde innholdet oppdatert. Den nye versjonen ventes klar kort tid etter nyttår.`,
  },
  { key: 'support', parent: 'kundeservice', title: 'Support' },
  {
    key: 'kategori', parent: 'support', title: 'Nye feil og forespørsler fordelt på kategori',
    narrative: `Diagrammet viser nye saker per kategori de siste fire månedene. Brukerkontoer, tilganger og innlogging er fortsatt den største kategorien, foran hjelp med PC og tilbehør, rådgiving og M365. Svært få saker om teknisk støtte til Helseplattformen er meldt inn til ROR-IKT etter lanseringen.`,
    blocks: [{ type: 'servicedesk.new-by-category', params: { months: 4 } }],
  },
  {
    key: 'kommune', parent: 'support', title: 'Nye feil og forespørsler fordelt på kommune',
    narrative: `Fordelingen per kommune står nedenfor. Hustadvika kom inn i ROR-IKTs domene i sommer, og august viser et stort behov for hjelp ved oppstart etter ferien og det nye skoleåret: mange løsninger var nye eller endret, og ikke alle tilganger var på plass i det nye miljøet.`,
    blocks: [{ type: 'servicedesk.new-by-municipality', params: { months: 4 } }],
  },
  {
    key: 'feilmeldinger', parent: 'support', title: 'Oversikt over feilmeldinger',
    narrative: `Siden august har vi fått inn flere feilmeldinger enn vi har lukket. I november snudde trenden.`,
    blocks: [{ type: 'servicedesk.open-per-month', params: { months: 4, type: 'feilmelding' } }],
  },
  {
    key: 'foresporsler', parent: 'support', title: 'Oversikt over tjenesteforespørsler',
    narrative: `Antallet åpne tjenesteforespørsler har ligget stabilt høyt de siste tre månedene.`,
    blocks: [{ type: 'servicedesk.open-per-month', params: { months: 4, type: 'tjenesteforesporsel' } }],
  },
  {
    key: 'samlet', parent: 'support', title: 'Feilmeldinger og tjenesteforespørsler',
    narrative: `Samlet gir det oversikten under over nye, lukkede og åpne saker ved inngangen til desember. Trenden er stabil, men med så mange åpne saker blir ventetiden på saksbehandling lengre enn ønsket. Vi arbeider aktivt for å få antallet ned.`,
    blocks: [{ type: 'servicedesk.open-per-month', params: { months: 4, type: 'alle' } }],
  },
  {
    key: 'sla', parent: 'support', title: 'Overholdelse av tjenestenivåavtalen – SLA',
    narrative: `I oktober og november hadde vi hendelser med kritisk prioritet; fristen for løsning er 2 timer. Listen under viser dato, kommune og hendelse, og om fristen ble holdt.`,
    blocks: [{ type: 'servicedesk.critical-incidents', params: { months: 2, priorities: ['kritisk'] } }],
  },
  {
    key: 'losningstid', parent: 'support', title: 'Gjennomsnittlig løsningstid på innmeldte feil',
    narrative: `Løsningstiden er målt i dager for lav og middels prioritet og i timer for høy og kritisk, slik at den kan sammenlignes med SLA-målet for hver prioritet.

Telefonhenvendelsene og svarprosenten står under. Antallet samtaler har gått ned etter at ansatte er bedt om å melde saker skriftlig i Kundeserviceportalen eller på e-post. Vi har høyst to operatører på telefonen samtidig og prioriterer oppfølging av sakene, og svarprosenten har derfor falt noe siden sommeren.`,
    blocks: [
      { type: 'servicedesk.resolution-time', params: { months: 3 } },
      { type: 'servicedesk.phone', params: { months: 3 } },
    ],
  },
  { key: 'oppvekst', parent: 'aktiviteter', title: 'Oppvekst og utdanning' },
  {
    key: 'tentamen', parent: 'oppvekst', title: 'Forberedelse stenging av nett Hustadvika under tentamen',
    narrative: `Hustadvika er for første gang med i samme løsning som de andre kommunene for å stenge nettet under tentamen. Leverandørene av ressursene endrer fortsatt adressene til landingssidene sine, så oppsettet fra eksamen virker ikke nødvendigvis nå. Vi har derfor testet grundig at ressurssidene fungerer.

En ny skybasert løsning for stenging av nett, fra leverandøren av dagens elevportal, tas ikke i bruk før tentamen er over.`,
  },
  {
    key: 'suppleringsavtaler', parent: 'oppvekst', title: 'Arbeid med diverse suppleringsavtaler',
    narrative: `Infotorget er lagt ned. Den som hentet skatteopplysninger for redusert foreldrebetaling der, trenger nå en API-integrasjon som gir opplysningene direkte i fagprogrammet. Integrasjonen settes nå opp for Visma Flyt Barnehage i Hustadvika; de andre kommunene har den allerede.`,
  },
  {
    key: 'optimert', parent: 'oppvekst', title: 'Optimert barnehage',
    narrative: `Et pilotprosjekt i Molde med barnehageopptak ved hjelp av kunstig intelligens ga gode erfaringer. Molde og Hustadvika har nå signert en avtale om å bruke dette ved neste opptak, og vi venter på oppstart fra Vismas prosjektkontor.`,
  },
  {
    key: 'samspill', parent: 'oppvekst', title: 'Visma Flyt Samspill',
    narrative: `Visma Flyt Samspill erstatter Visma Sampro, som i hovedsak bare helse har brukt. Det er et skybasert verktøy for tverrfaglig samhandling, både som generell samhandlingsplattform og rundt individuell plan og stafettlogg (BTI).

Den siste runden med presentasjoner for kommunene pågår; Hustadvika fikk sin 27. november med gjester fra Vestnes og Rauma. Molde har kommet lengst og venter på de andre. Veien videre avklares i faggruppen 6. desember.`,
  },
  {
    key: 'sikker-sak', parent: 'samspill', title: 'Visma Sikker Sak',
    narrative: `Innføringen av Samspill har vist behov for en sikrere saksbehandling innen oppvekst enn P360 gir i dag. Visma Sikker Sak er derfor tatt med som opsjon i avtalen om Samspill.`,
  },
  {
    key: 'intune', parent: 'samspill', title: 'Intune skole',
    narrative: `Arbeidet med Helseplattformen satte oppfølgingen av Intune for skole på vent. Arbeidet er tatt opp igjen, og målet er å bli ferdig så snart som mulig.`,
  },
  { key: 'hustadvika-inn', parent: 'oppvekst', title: 'Hustadvika inn i ROR-IKT' },
  { key: 'helse', parent: 'aktiviteter', title: 'Helse og velferd' },
  {
    key: 'helseplattformen', parent: 'helse', title: 'Helseplattformen',
    narrative: `Fredag 3.11.2023 kl. 22 tok de fem Romsdalskommunene i bruk Helseplattformen som felles journalsystem. Overgangen gikk etter planen, uten alvorlige eller kritiske feil. I de tre første ukene prioriterte Helseplattformen feilrettinger for kommunene som gikk i drift. Med ni kommuner samtidig var dette den største produksjonssettingen hittil, og den fikk færre feilmeldinger enn den forrige.

Etter en måned i drift er det fortsatt få alvorlige feil, men løsningen er under utvikling. I desember går det møteserier om økonomi og fakturering, og det undersøkes regionalt hvor mye som kan standardiseres mellom eierkommunene. Romsdalskommunene er nå med i de faste møtene for kommuner i drift og forvaltning. 19 kommuner bruker nå Helseplattformen, og åtte nye kommuner går i drift 27. april.

Helse Midt-Norges styre skal 13. desember vedta videre utrulling til sykehusene, og Helse Møre og Romsdal skal etter planen starte 27. april 2024. Vanylven legekontor tok løsningen i bruk 4. desember som pilot for fastlegene; ny faktureringsfunksjonalitet er klar for testing.`,
  },
  {
    key: 'matilda', parent: 'helse', title: 'Matilda',
    narrative: `Helseplattformen kan ennå ikke fakturere matombringing. Molde bruker Matilda til bestilling og matombringing, med integrasjon til Visma Enterprise for fakturagrunnlag; første overføring skjer i desember. Vestnes, Aukra og Rauma kan bruke samme integrasjon uten ekstra kostnad for selve integrasjonen, men oppsett og tilpasning koster.

Vestnes, Aukra og Rauma har sett en demonstrasjon og vurderer Matilda. Rauma registrerer i dag matombringing i Profil og vil vurdere registrering fra Helseplattformen før en eventuell utvidelse; Vestnes og Aukra venter til dette er avklart.`,
  },
  {
    key: 'socio', parent: 'helse', title: 'Socio',
    narrative: `Socio (NAV-systemet) for Molde, Vestnes og Rauma er flyttet til nye servere med nyere SQL og operativsystem. Hustadvika flyttes inn i ROR-IKTs servermiljø denne uken og får Socio gjennom den nye Citrix-løsningen, også fra hjemmekontor. Tieto flytter sammen med driftsavdelingen, og flyttingen omfatter også nytt oppsett av Digisos og overføring av utbetalinger til bank.`,
  },
  {
    key: 'hove', parent: 'helse', title: 'Legekontor og fagapplikasjon Hove Total',
    narrative: `Midsund legekontor tok i bruk Pasientsky fra Hove i uke 47. Alle legekontorene bruker nå Pasientsky, og SystemX kan fases ut. Migrasjonshelsen i Molde vil også flytte fra Pridok til Pasientsky, og planleggingen starter første uke i desember.

Legekontorene har opplevd treghet i Pasientsky. Leverandøren flytter løsningen til et nytt servermiljø i uke 50, som skal gi nok kapasitet.`,
  },
  {
    key: 'advisor', parent: 'helse', title: 'Advisor 247 – portal for advokater',
    narrative: `Barnevernets versjon av Familia er gammel og kan ikke overføre store vedlegg, som i dag må skrives ut og skannes. Barnevernet i Molde har fått tilgang til advokatenes portal Advisor 247 for å utveksle store vedlegg digitalt, med automatisk filoverføring fra sikker sone.`,
  },
  {
    key: 'legevakt', parent: 'helse', title: 'Legevaktsentral',
    narrative: `ROR-IKT setter opp en egen linje til Orange, som drifter AMIS for mottak av samtaler på legevaktsentralen. Løsningen er risikovurdert, og tilgangen gjør det også mulig å kopiere mellom AMIS og Pasientsky.`,
  },
  { key: 'teknisk', parent: 'aktiviteter', title: 'Teknisk' },
  {
    key: 'bygg', parent: 'teknisk', title: 'Status pågående byggprosjekter',
    narrative: `Tabellen viser status for byggprosjektene per uke 48. Gamle aksesspunkter er byttet i alle kommuner, og WiFi-prosjektet har nå mest oppmerksomhet på lokasjonene i Hustadvika. Utfordringene med dørlåssystemet og pasientvarslingen på Fræna sjukeheim følges opp i møte 6. desember.`,
    // No week given: the table follows the report's date (week 48 here), so a report carried forward shows its own week.
    blocks: [{ type: 'portfolio.buildingProjects', params: {} }],
  },
  {
    key: 'smart-data', parent: 'teknisk', title: 'Smart data og dataplattform',
    narrative: `I prosjektet «Fremtidens mobilitet» ser vi på hvordan store datamengder kan brukes som beslutningsgrunnlag og nøkkeltall i pilotprosjekter. Sensorkommunikasjonen for smartvann-prosjektet ved Høgskolen i Molde er avklart, og prosjektet har fått støtte fra FHI. Vi har hatt flere møter med Ålesund kommune om en felles strategi for stordata i vann og avløp, og et større arbeid med rapportering og presentasjon av data er satt i gang.`,
  },
  { key: 'dokumentasjon', parent: 'aktiviteter', title: 'Dokumentasjonsforvaltning' },
  {
    key: 'arkivlosning', parent: 'dokumentasjon', title: 'Teknisk/historisk arkivløsning',
    narrative: `Dansk Skanning migrerer uttrekkene av BraArkiv for Aukra og Nesset inn i Weblager, og avtalen med Geomatikk for disse basene er sagt opp. Integrasjonen mot Gemini, som Molde vann og avløp trenger, er klar for test.

ROR-IKT har varslet Dansk Skanning om krav om kompensasjon for to ukers nedetid i Weblager, som rammet byggesaksbehandlingen i Molde. Vi venter på svar fra leverandøren.`,
  },
  { key: 'sak-arkiv', parent: 'dokumentasjon', title: 'Sak/arkiv' },
  {
    key: 'ebyggesak', parent: 'sak-arkiv', title: 'eByggesak for Hustadvika',
    narrative: `Arbeidet med eByggesak for Hustadvika er startet, og en anskaffelse etter anskaffelsesforskriften del I gjennomføres snart.`,
  },
  {
    key: 'p360', parent: 'sak-arkiv', title: 'P360',
    narrative: `Arkivlederne ønsker en evaluering av P360-leveransen. En gjennomgang viser at flere brukere er lagt inn enn avtalen tillater, noe som har stor økonomisk betydning, og vi ser nå på hvordan antallet kan reduseres.

Integrasjoner til P360 fra Visma Flyt Barnehage og Visma HRM er under arbeid; de skal sikre riktig dokumentasjonsflyt og spare manuelt arbeid med barnehagedokumenter og signerte arbeidsavtaler.`,
  },
  {
    key: 'transformasjon', parent: 'dokumentasjon', title: 'Digital transformasjon',
    narrative: `Mye skjer innen digital transformasjon nasjonalt og regionalt. ROR-IKT har skaffet seg oversikt gjennom kontakt med kommuner utenfor samarbeidet og med leverandører av nye løsninger. Et bilde av situasjonen, sett opp mot gevinstrealisering, legges fram i neste faggruppemøte som starten på et større arbeid.`,
  },
  {
    key: 'dok-faggruppe', parent: 'dokumentasjon', title: 'Faggruppen',
    narrative: `Faggruppen arbeider for å ta i bruk kunstig intelligens i dokumentasjonsforvaltningen og har gått gjennom løsninger i markedet. En intensjonskunngjøring på Doffin for et pilotprosjekt i Molde og Rauma kommer snart, etter mønster fra Gjerdrum kommune. Visma Sikker Sak og Samspill er drøftet i gruppen (se 2.2.4), og medlemmene har fått opplæring i Decisions.`,
  },
  { key: 'infosikkerhet', parent: 'aktiviteter', title: 'Informasjonssikkerhet' },
  { key: 'generelt', parent: 'infosikkerhet', title: 'Generelt' },
  {
    key: 'kommunecert', parent: 'generelt', title: 'KommuneCERT',
    narrative: `Regjeringen har gitt Norsk helsenett ansvaret for å bygge opp KommuneCERT. Kommunene har i dag flere CERT-er å forholde seg til, og ett kontaktpunkt for hele kommunen har lenge vært ønsket. Erfaringene med HelseCERT er gode; for oss betyr endringen først og fremst at kontaktpunktet gjelder hele kommunen og ikke bare helse.`,
  },
  { key: 'is-faggruppe', parent: 'infosikkerhet', title: 'Faggruppen' },
  {
    key: 'ks-kampanje', parent: 'is-faggruppe', title: 'KS – informasjonssikkerhetskampanje om personvern og informasjonssikkerhet',
    narrative: `Vi vurderer å bruke KS-materialet i opplæringen i 2024. Det krever forankring i toppledelsen, og samarbeidsrådet får et forslag når det er klart.`,
  },
  {
    key: 'forms', parent: 'is-faggruppe', title: 'Forms i skolen',
    narrative: `Hustadvika brukte Forms i undervisningen før de kom inn i ROR-IKT, og har ikke lenger den muligheten. Begrensningen skyldes kravet om e-læring i personvern ved spørreundersøkelser, ikke Forms som system. Samtidig kan begrensningen føre til at andre, ukontrollerte løsninger tas i bruk. Faggruppen tar saken videre med faggruppe M365 for en felles risikovurdering.`,
  },
  {
    key: 'phishing', parent: 'is-faggruppe', title: 'Phishing',
    narrative: `En konfigurasjonsfeil i forrige phishingøvelse gjorde at også de som rapporterte e-posten riktig, ble registrert som om de hadde åpnet den, fikk purringer og ble talt med i oppsummeringen. Neste øvelse er utsatt til etter nyttår, og som vanlig legger vi ut artikler på intranettet før og etter.`,
  },
  {
    key: 'styringssystem', parent: 'is-faggruppe', title: 'Styringssystem',
    narrative: `Over nyttår går faggruppen gjennom og reviderer kommunenes og ROR-IKTs styringssystem for personvern og informasjonssikkerhet, med utgangspunkt i prosedyrene fra KiNS. Et viktig mål er å samkjøre prosedyrene.`,
  },
  { key: 'digimr', parent: 'infosikkerhet', title: 'DigiMR' },
  {
    key: 'sikkerhetspartner', parent: 'digimr', title: 'Sikkerhetspartner',
    narrative: `Alle leverandørene forbedret tilbudene sine i siste runde. Atea vant konkurransen, og tildelingsbrev ble sendt 1. desember. Kontrakt inngås etter karensperioden, som løper til 11.12.2023 kl. 23.59.`,
  },
  {
    key: 'trygg', parent: 'digimr', title: 'Trygg digitalisering',
    narrative: `Mette Kristengård (ROR-IKT) og Magnus Paulsen (Ålesund kommune) representerer DigiMR i referansegruppen for KS-prosjektet «Trygg digitalisering». Prosjektet lager et skjema med sikkerhetskrav kommunene kan stille til leverandørene; første del er nesten ferdig, og neste del handler om sikkerhetsarbeidet i kommunen selv. Målet er særlig å hjelpe de mindre kommunene.`,
  },
  {
    key: 'fagnettverk', parent: 'digimr', title: 'Samarbeid med fagnettverk oppvekst',
    narrative: `Lederen for fagnettverket for personvern og informasjonssikkerhet møter fagnettverket for oppvekst i januar for å drøfte bruk av opplæringsmateriellet Skolesec fra KS på tvers av kommunene.`,
  },
  {
    key: 'm365', parent: 'aktiviteter', title: 'Microsoft 365',
    narrative: `Faggruppen er i gang igjen med Jan Inge Wannebo Tangen (Molde kommune) som leder. Gruppen ser på hvordan Decisions best kan tas i bruk i organisasjonene og på rutiner for arkivering av møtereferater derfra. Ressurskalendere skal drøftes nærmere, og gruppen vil være med når lisensene i Microsoft 365 vurderes.`,
  },
  { key: 'lonn', parent: 'aktiviteter', title: 'Lønn og personal' },
  {
    key: 'merkompetanse', parent: 'lonn', title: 'MERkompetanse',
    narrative: `Kurs- og kompetanseplattformen MERkompetanse skal innføres innen 1. februar 2024. En ekstern utvikler trengs for organisasjonsstrukturen, og i begynnelsen av desember inviteres tre leverandører til minikonkurranse.`,
  },
  {
    key: 'hrm-p360', parent: 'lonn', title: 'Integrasjon mellom HRM og Public 360',
    narrative: `Integrasjonen mellom HRM og P360 for personalmeldinger er i bruk i Molde og Aukra; Vestnes står for tur.`,
  },
  {
    key: 'hrm-master', parent: 'lonn', title: 'HRM som master',
    narrative: `Det må fortsatt formidles at HRM er master. Fordi tilganger i Helseplattformen følger organisasjonsstrukturen, må endringer i strukturen følges tett. Faggruppen kaller inn arkiv, ROR-IKT og Helseplattformen før slike endringer.`,
  },
  { key: 'okonomi-adm', parent: 'aktiviteter', title: 'Økonomi og administrasjon' },
  {
    key: 'lop', parent: 'okonomi-adm', title: 'LØP-prosess',
    narrative: `IKT Orkide er i sluttfasen av evalueringen, med forhandlinger i november og mål om signering i desember. Opsjonskommunene får ikke vite hvor mange eller hvilke leverandører som er med.`,
  },
  {
    key: 'okonomi-faggruppe', parent: 'okonomi-adm', title: 'Arbeid i faggruppen',
    narrative: `Det er lite aktivitet i faggruppen mens valget av nytt system for LØP venter.`,
  },
  { key: 'portal', parent: 'aktiviteter', title: 'Portal og innbyggerdialog' },
  {
    key: 'portal-faggruppe', parent: 'portal', title: 'Faggruppen',
    narrative: `Faggruppen har prioritert oppgavene opp mot strategien for digital transformasjon. Skjemaavlevering, som Vestnes har testet som pilot, er hovedprioriteten neste år; MinSide kommer deretter.

Løsningen mPort, som skal forenkle kjøp og bytte av telefoner, er presentert for Molde. Kommunene bør vurdere insentiver for at ansatte tar vare på telefonen lenger.`,
  },
  {
    key: 'portal-hustadvika', parent: 'portal', title: 'Hustadvika',
    narrative: `Hustadvika går bort fra dagens intranett, Innsida, og får nytt intranett før 1.3.2024 på samme måte som de andre kommunene. Løsningen for politiske saksdokumenter flyttes i desember, og Kaukus TV erstatter KommuneTV i første kvartal 2024.`,
  },
  {
    key: 'driftsteknisk', parent: 'aktiviteter', title: 'Driftstekniske aktiviteter',
    narrative: `Prosjektene har tatt mye tid fra drift, men stabil drift og oppdaterte systemer er like viktig. Flere servere har fått nytt operativsystem fordi de eldste mister støtte fra Microsoft, og e-postserveren er byttet ut av samme grunn.

En fysisk enhet i servermiljøet feilet og er erstattet og testet. Brukerne merket ingenting, fordi oppsettet er redundant.

ARX-alarmsystemene er konsolidert, og rutinene for sikkerhetskopi og overvåking er gått gjennom for å ta med nye tjenester og fjerne utgåtte.`,
  },
  {
    key: 'begreper', title: 'Definisjoner og begreper',
    blocks: [{ type: 'reports.glossary', params: {} }],
  },
];

/** The glossary of section 3, the terms seed 000 lists, defined briefly in our own words. */
export const glossary2023: { term: string; definition: string }[] = [
  { term: 'AD', definition: 'Active Directory: Microsofts katalogtjeneste for brukere, rettigheter og ressurser.' },
  { term: 'ADFS', definition: 'Tjeneste for felles pålogging til systemer på tvers av organisasjonsgrenser.' },
  { term: 'Airwatch', definition: 'System for styring av mobile enheter.' },
  { term: 'Aksesspunkt', definition: 'Punkt for trådløst nettverk (WiFi).' },
  { term: 'API', definition: 'Application Programming Interface: grensesnitt som lar to systemer utveksle data uten manuelt arbeid.' },
  { term: 'Azure AD', definition: 'Microsofts skytjeneste for identiteter og tilgang til tjenester og ressurser.' },
  { term: 'Automatisering', definition: 'Å la systemer utføre oppgaver uten eller med lite menneskelig medvirkning.' },
  { term: 'BIA-samtale', definition: 'Business Impact Analysis: samtale om konsekvensene av at en tjeneste faller ut.' },
  { term: 'BTI', definition: 'Bedre tverrfaglig innsats: modell for tidlig innsats og tverrfaglig samarbeid.' },
  { term: 'DC', definition: 'Domenekontroller: autentiserer brukere og håndhever sikkerhetsregler i et domene.' },
  { term: 'Digitalisering', definition: 'Å bruke informasjonsteknologi til å endre hvordan arbeidet gjøres.' },
  { term: 'DPIA', definition: 'Data Protection Impact Assessment: vurdering av personvernkonsekvenser.' },
  { term: 'EasyCruit', definition: 'Rekrutteringssystem fra Visma.' },
  { term: 'Edge', definition: 'Microsofts nåværende nettleser.' },
  { term: 'eDialog', definition: 'Tjeneste på KS Fiks-plattformen for sikker innsending av post til kommunen via SvarInn.' },
  { term: 'Feide', definition: 'Nasjonal løsning for sikker pålogging og datadeling i utdanning og forskning.' },
  { term: 'ID-porten', definition: 'Felles påloggingsløsning for offentlige tjenester på nett.' },
  { term: 'ID-web', definition: 'Løsning for autorisering og tilgangsstyring til systemer og ressurser.' },
  { term: 'IE11', definition: 'Internet Explorer 11: Microsofts eldre nettleser.' },
  { term: 'IRT', definition: 'Incident Response Team: håndterer sikkerhetshendelser.' },
  { term: 'ITB', definition: 'Integrerte tekniske bygningsinstallasjoner; ITB-koordinatoren får fagene i et byggeprosjekt til å spille sammen.' },
  { term: 'KI (AI)', definition: 'Kunstig intelligens: teknologi som tilpasser sin egen aktivitet og kan lære av erfaring.' },
  { term: 'Maskinlæring', definition: 'Gren av kunstig intelligens der statistiske metoder finner mønstre i store datamengder.' },
  { term: 'MDM', definition: 'Mobile Device Management: fjernstyring av telefoner, også sletting av kommunale data ved tap.' },
  { term: 'M365', definition: 'Microsoft 365 (tidligere Office 365): Outlook, Word, Excel, Teams med mer.' },
  { term: 'mikroVPN', definition: 'Tilgang til sentrale systemer per applikasjon.' },
  { term: 'Oppetid', definition: 'Hvor stor del av avtalt tid en tjeneste er tilgjengelig, ofte målt i prosent.' },
  { term: 'OS', definition: 'Operativsystem, for eksempel Windows; i helse også omsorgssenter.' },
  { term: 'P360', definition: 'Public 360: sak/arkiv-systemet i ROR-IKT-kommunene.' },
  { term: 'PPT', definition: 'Pedagogisk-psykologisk tjeneste, som hjelper barn med vansker knyttet til skolen.' },
  { term: 'Proxy-server', definition: 'Server som står mellom klientene og webtjenerne og mellomlagrer svar.' },
  { term: 'Robotisering', definition: 'Automatisering der programvareroboter med kunstig intelligens eller maskinlæring utfører oppgaver.' },
  { term: 'RRO', definition: 'Regionalt responssenter: binder velferdsteknologi sammen med omsorgstjenesten.' },
  { term: 'SMP', definition: 'Student Management Portal: skoleportalen der lærere blant annet kan nullstille elevpassord.' },
  { term: 'SOC', definition: 'Security Operations Center: sikkerhetsovervåking.' },
  { term: 'VPN', definition: 'Virtuelt privat nettverk: sikker pålogging til systemene utenfra.' },
  { term: 'WTC', definition: 'Web Traffic Control: lar lærere sette elever i prøvemodus med stengt internett.' },
];
