// Builds ten years of a busy council for the benchmark: one cooperation, five municipalities, a council
// meeting 7 times a year with ~10 cases each, three attachments per case, decisions and treatment notes
// in Norwegian. The text is generated from the vocabulary of the seeds so the Norwegian full-text index
// holds what a real archive would. Rows go in by bulk insert: the benchmark measures reads, and
// building 3,000 rows through the services would only make the set-up slow.
import { createHash } from 'node:crypto';
import type { Db } from '../src/db/client.js';
import { systemActor } from '../src/server/context.js';
import { createUser } from '../src/modules/org/users.service.js';
import { rng } from './support.js';
import { bodies, cooperations, memberships, municipalities, people } from '../src/modules/org/schema.js';
import { attachments, casePresenters, cases, legalBases, meetings } from '../src/modules/governance/schema.js';

export const BENCH_STAFF = { email: 'bench-staff@bench.samrad.no', password: 'benchmark-passord' };

const TOPICS = [
  'Helseplattformen', 'PC-rullering for ansatte og elever', 'Microsoft 365-lisenser', 'sikkerhetspartner',
  'Zero-trust nettverk', 'Grunnmur del 3', 'Beredskapsplattform', 'nytt sak-arkivsystem', 'Innbyggerportal',
  'chatboten Rakel', 'nytt system for lønn, økonomi og personal', 'skolenettverket', 'Politiker-PC',
  'kontraktadministrasjonsverktøy', 'digitalisering av teknisk sektor', 'velferdsteknologi', 'lisenser for P360',
  'Framsikt', 'klientsikkerhet', 'linjesamband', 'sikkerhetskopi og gjenoppretting', 'Kundeserviceportalen',
  'innovasjonsløypa', 'faggruppe for dokumentasjonsforvaltning', 'digital transformasjon i oppvekst',
];
const TITLE_FORMS = [
  'Status for {t}', 'Anskaffelse av {t}', 'Finansiering av {t}', 'Videre plan for {t}', 'Orientering om {t}',
  'Fordeling av kostnader for {t}', 'Evaluering av {t}', 'Risikovurdering av {t}', 'Prioritering av {t}',
];
const DESCRIPTION_SENTENCES = [
  'Saken gjelder {t} og hvordan arbeidet skal organiseres i samarbeidet.',
  'ROR-IKT har sammen med faggruppen vurdert behovet for {t} i {m} kommune og de andre kommunene.',
  'Kostnaden er beregnet til {n} 000 kroner og foreslås fordelt etter fordelingsnøkkelen.',
  'Prosjektet følger innovasjonsløypa: faggruppe, porteføljeråd og samarbeidsråd.',
  'Det er gjennomført en risikovurdering av informasjonssikkerhet og personvern.',
  'Leverandøren har levert et revidert tilbud etter forhandlinger med ROR innkjøp.',
  'Kommunene har meldt inn behov som er samlet i en felles kravspesifikasjon.',
  'Framdriften er forsinket fordi leveransen fra leverandøren er utsatt til neste kvartal.',
  'Tiltaket er ikke med i budsjett for inneværende år og må tas inn i budsjett og økonomiplan.',
];
const TREATMENT_SENTENCES = [
  'Leder ROR-IKT orienterte om saken og svarte på spørsmål fra Samarbeidsrådet.',
  'Samarbeidsrådet understreket viktigheten av sikkerhet i alle typer prosjekter.',
  'Det ble diskutert hvordan kostnadene skal fordeles når flere kommuner kobler seg på senere.',
  '{m} kommune ønsker å være pilot for {t}.',
  'Kommunedirektørene vil ta problemstillingen opp i eget møte.',
  'Avdelingsleder Tjenesteutvikling redegjorde for status i faggruppene.',
  'Saken ble godkjent uten videre kommentarer.',
];
const MUNICIPALITIES = [
  { name: 'Molde', number: '1506' }, { name: 'Aukra', number: '1547' }, { name: 'Rauma', number: '1539' },
  { name: 'Vestnes', number: '1535' }, { name: 'Hustadvika', number: '1579' },
];
const PEOPLE = [
  ['Gjørtz', 'Fred'], ['Spilling', 'Thormod'], ['Kristengård', 'Mette Kristin'], ['Mathisen', 'Elisabeth Sande'],
  ['Aasen', 'Marianne Stokkereit'], ['Ersvik', 'Per Sverre'], ['Skålhavn', 'Kristian'], ['Langøy', 'Gerd Marit'],
];

export type TFixtureSize = { years: number; meetingsPerYear: number; casesPerMeeting: number; attachmentsPerCase: number };
export const DEFAULT_SIZE: TFixtureSize = { years: 10, meetingsPerYear: 7, casesPerMeeting: 10, attachmentsPerCase: 3 };

export type TFixture = { meetings: number; cases: number; attachments: number; exempt: number; sampleMeetingId: string };

export async function buildBusyCouncil(db: Db, size: TFixtureSize = DEFAULT_SIZE): Promise<TFixture> {
  const rand = rng(2024);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const fill = (s: string, t: string) => s.replaceAll('{t}', t).replaceAll('{m}', pick(MUNICIPALITIES).name)
    .replaceAll('{n}', String(100 + Math.floor(rand() * 4900)));
  const sentences = (from: string[], t: string, count: number) =>
    Array.from({ length: count }, () => fill(pick(from), t)).join(' ');

  const [coop] = await db.insert(cooperations).values({ name: 'ROR-IKT', shortName: 'ROR-IKT', founded: '2009-01-01' }).returning();
  const towns = await db.insert(municipalities).values(MUNICIPALITIES).returning();
  await db.insert(memberships).values(towns.map((m) => ({ cooperationId: coop!.id, municipalityId: m.id, joined: '2009-01-01' })));
  const [body] = await db.insert(bodies).values({ cooperationId: coop!.id, name: 'Samarbeidsrådet for ROR-IKT' }).returning();
  const persons = await db.insert(people).values(PEOPLE.map(([familyName, givenName]) => ({ familyName: familyName!, givenName: givenName! }))).returning();
  const [basis] = await db.select().from(legalBases).limit(1);
  await createUser(db, systemActor, { email: BENCH_STAFF.email, name: 'Benchmark Staff', role: 'staff', password: BENCH_STAFF.password });

  const lastYear = new Date().getFullYear() - 1;
  const meetingRows: (typeof meetings.$inferInsert)[] = [];
  for (let y = lastYear - size.years + 1; y <= lastYear; y++) {
    for (let n = 1; n <= size.meetingsPerYear; n++) {
      const month = Math.min(12, Math.round((n * 11) / size.meetingsPerYear));
      meetingRows.push({
        bodyId: body!.id, year: y, number: n, date: `${y}-${String(month).padStart(2, '0')}-${String(10 + n).padStart(2, '0')}`,
        startTime: '08:15', endTime: '11:00', place: 'Del (Storgata 33, 3.etg)', status: 'godkjent', published: true,
        noticeVersion: 1, minutesApprovedAt: new Date(`${y}-12-31T12:00:00Z`),
      });
    }
  }
  const insertedMeetings = await db.insert(meetings).values(meetingRows).returning({ id: meetings.id, year: meetings.year, number: meetings.number });

  let caseCount = 0;
  let exemptCount = 0;
  let attachmentCount = 0;
  for (const m of insertedMeetings) {
    const caseRows: (typeof cases.$inferInsert)[] = [];
    for (let seq = 1; seq <= size.casesPerMeeting; seq++) {
      const number = `${m.year}/M${m.number}-${String(seq).padStart(3, '0')}`;
      const base = { bodyId: body!.id, meetingId: m.id, year: m.year, position: seq, sequence: seq, number, numberLocked: true };
      if (seq === 1 || seq === 2) {
        caseRows.push({
          ...base, standing: seq === 1 ? 'innkalling' : 'referat', caseType: 'vedtak',
          title: seq === 1 ? 'Godkjenning av innkalling og saksliste' : 'Godkjenning av møtereferat',
          decisionKind: 'enighet', decisionText: seq === 1 ? 'Innkalling og saksliste godkjent' : 'Møtereferat godkjent',
        });
        continue;
      }
      const topic = pick(TOPICS);
      const exempt = basis !== undefined && rand() < 0.05;
      if (exempt) exemptCount++;
      caseRows.push({
        ...base,
        title: seq === 3 ? 'Økonomi- og aktivitetsrapport' : fill(pick(TITLE_FORMS), topic),
        caseType: pick(['vedtak', 'orientering', 'diskusjon'] as const),
        description: sentences(DESCRIPTION_SENTENCES, topic, 3),
        proposalKind: 'enighet',
        proposal: `Samarbeidsrådet tar saken om ${topic} til orientering.`,
        decisionKind: 'enighet',
        decisionText: rand() < 0.5 ? 'Samarbeidsrådet tar saken til orientering.' : `Samarbeidsrådet godkjenner ${fill('en ramme på {n} 000 kroner', topic)} for ${topic}.`,
        treatment: sentences(TREATMENT_SENTENCES, topic, 4),
        access: exempt ? 'unntatt' : 'offentlig',
        publicTitle: exempt ? 'Sak unntatt offentlighet' : null,
        legalBasisId: exempt ? basis!.id : null,
      });
    }
    const insertedCases = await db.insert(cases).values(caseRows).returning({ id: cases.id, number: cases.number, title: cases.title });
    caseCount += insertedCases.length;
    await db.insert(casePresenters).values(insertedCases.map((c, i) => ({ caseId: c.id, personId: persons[i % persons.length]!.id, position: 1 })));
    const files: (typeof attachments.$inferInsert)[] = [];
    for (const c of insertedCases) {
      for (let a = 1; a <= size.attachmentsPerCase; a++) {
        const content = Buffer.from(`%PDF-1.4\n% ${c.number} vedlegg ${a}: ${c.title}\n%%EOF\n`, 'utf8');
        files.push({
          caseId: c.id, filename: `${c.number.replace('/', '-')} Vedlegg ${a} ${c.title}.pdf`, contentType: 'application/pdf',
          size: content.length, sha256: createHash('sha256').update(content).digest('hex'),
        });
      }
    }
    await db.insert(attachments).values(files);
    attachmentCount += files.length;
  }
  return {
    meetings: insertedMeetings.length, cases: caseCount, attachments: attachmentCount, exempt: exemptCount,
    sampleMeetingId: insertedMeetings[insertedMeetings.length - 1]!.id,
  };
}
