// Issue 12's acceptance: any cooperation takes samrad into use through the web. A fresh install
// (SAMRAD_DEMO=off, storage of its own) is set up from its one-time link, and its first admin builds a
// fictional cooperation, Fjordkyst IKT-samarbeid, through the pages only: the cooperation's particulars,
// six municipalities of which two leave at the end of 2024, a board (representantskap) of nine members
// with deputies and an employee representative, a working committee, three professional groups of 2024
// replaced by two from 2025, the board's own case numbers («RS 041/25») starting at 41, a held meeting
// of 2024 registered from the old papers, a notice to a member without e-mail, the service desk's rules,
// funds with movements and the exit settlement of a member that left. Then the papers (notice, minutes,
// economy) are read with pdftotext. The API is called only to verify what the pages made.
// The tests share one server and build on each other, so they run in order and stop at the first failure.
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { startFreshInstall, type TOwnServer } from './support/own-server';
import { openStep } from './support/meeting';
import { expectPdf } from './support/pdf';

test.describe.configure({ mode: 'serial' });

const coop = { name: 'Fjordkyst IKT-samarbeid', shortName: 'FJORDIKT', organisationNumber: '921000006', founded: '2016-01-01' };
const admin = { name: 'Sigrid Havsund', email: 'sigrid.havsund@fjordkyst.example', password: 'tre blå båter ved kaia' };
const host = { name: 'Havvik', number: '4691' };
/** The five other members; the last two leave on 31.12.2024. */
const others = [
  { name: 'Strandøy', number: '4692' }, { name: 'Bjørkedal', number: '4693' }, { name: 'Nordvåg', number: '4694' },
  { name: 'Sjøholm', number: '4695', left: '2024-12-31' }, { name: 'Lyngvik', number: '4696', left: '2024-12-31' },
];

type TPerson = { family: string; given: string; email: string | null; municipality: string };
const person = (family: string, given: string, municipality: string, email: string | null = `${given.toLowerCase()}.${family.toLowerCase()}@fjordkyst.example`): TPerson =>
  ({ family, given, email, municipality });
const label = (p: TPerson) => `${p.family}, ${p.given}`;
/** The board's nine members (leader, deputy leader, seven members); Tor Eide has no e-mail. */
const board = {
  name: 'Representantskapet i Fjordkyst IKT',
  prefix: 'RS',
  pattern: '{body} {nnn}/{yy}',
  leader: person('Aune', 'Kari', 'Havvik'),
  deputyLeader: person('Brekke', 'Jon', 'Strandøy'),
  members: [
    person('Dahl', 'Line', 'Bjørkedal'), person('Eide', 'Tor', 'Nordvåg', null), person('Fjeld', 'Mona', 'Havvik'),
    person('Gran', 'Ola', 'Strandøy'), person('Hauge', 'Siv', 'Bjørkedal'), person('Iversen', 'Per', 'Nordvåg'), person('Jensen', 'Eva', 'Havvik'),
  ],
  /** Deputies, each for one member. */
  deputies: [{ p: person('Kleiven', 'Anne', 'Nordvåg'), for: 1 }, { p: person('Lund', 'Geir', 'Bjørkedal'), for: 0 }],
  employeeRep: person('Moe', 'Trine', 'Havvik'),
};
const boardPeople = [board.leader, board.deputyLeader, ...board.members, ...board.deputies.map((d) => d.p), board.employeeRep];
const workingCommittee = { name: 'Arbeidsutvalget i Fjordkyst IKT' };
const groups2024 = ['Faggruppe skole', 'Faggruppe helse', 'Faggruppe økonomi'];
const groups2025 = ['Faggruppe oppvekst og helse', 'Faggruppe forvaltning'];

let server: TOwnServer;
let context: BrowserContext;
let page: Page;

test.beforeAll(async ({ browser }) => {
  // The migrations of a fresh database; slow on a loaded machine.
  test.setTimeout(240_000);
  server = await startFreshInstall('samrad_e2e_empty_');
  context = await browser.newContext({ baseURL: server.baseURL, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  page = await context.newPage();
});

test.afterAll(async () => {
  await context?.close();
  await server?.stop();
});

/** Opens a part of /admin from its navigation, as a person does. */
async function adminTab(name: string) {
  await page.getByRole('navigation', { name: 'Deler av administrasjonen' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('navigation', { name: 'Deler av administrasjonen' }).getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
}

/** A row of a table, found by a cell that holds exactly the text. */
function rowWith(scope: Page | Locator, text: string): Locator {
  return scope.getByRole('row').filter({ has: page.getByRole('cell', { name: text, exact: true }) });
}

test('the first admin sets up the install and the cooperation', async () => {
  test.setTimeout(120_000);
  await page.goto(server.setupLink);
  await expect(page.getByRole('heading', { level: 1, name: 'Sett opp samrad' })).toBeVisible();
  await page.getByLabel('Fullt navn').fill(admin.name);
  await page.getByLabel('E-post').fill(admin.email);
  await page.getByLabel('Passord').fill(admin.password);
  await page.getByLabel('Navn på samarbeidet').fill(coop.name);
  await page.getByLabel('Kortnavn').fill(coop.shortName);
  await page.getByLabel('Organisasjonsnummer').fill(coop.organisationNumber);
  await page.getByLabel('Vertskommune', { exact: true }).fill(host.name);
  await page.getByLabel('Vertskommunens kommunenummer').fill(host.number);
  await page.getByLabel('Etablert').fill(coop.founded);
  await page.getByRole('button', { name: 'Opprett administrator og samarbeid' }).click();
  await expect(page).toHaveURL(/\/admin/);
  await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();

  await adminTab('Samarbeidet');
  await expect(page.getByRole('heading', { level: 2, name: `Samarbeidet ${coop.name}` })).toBeVisible();
  await page.getByLabel('Samarbeidsform').selectOption({ label: 'Kommunalt oppgavefellesskap (kommuneloven kap. 19)' });
  await page.getByLabel('Adresse').fill('Postboks 40\n6999 Havvik');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Samarbeidet er lagret' })).toBeVisible();
});

test('six municipalities, two of which leave at the end of 2024', async () => {
  test.setTimeout(120_000);
  await adminTab('Kommuner');
  const memberships = page.getByRole('table', { name: `Medlemskap i ${coop.name}` });
  // The host municipality is a member from the founding, made by the set-up.
  await expect(rowWith(memberships, host.name)).toContainText('01.01.2016');
  const newMunicipality = page.getByRole('form', { name: 'Ny kommune' });
  const newMembership = page.getByRole('form', { name: 'Nytt medlemskap' });
  for (const m of others) {
    await newMunicipality.getByLabel('Navn').fill(m.name);
    await newMunicipality.getByLabel('Kommunenummer').fill(m.number);
    await newMunicipality.getByRole('button', { name: 'Legg til kommune' }).click();
    await expect(rowWith(page.getByRole('table', { name: 'Kommuner' }), m.name)).toBeVisible();
    // The form empties once every list is fresh, after the row shows: wait for it before typing on.
    await expect(newMunicipality.getByLabel('Navn')).toHaveValue('');
    await newMembership.getByLabel('Kommune').selectOption({ label: m.name });
    await newMembership.getByLabel('Innmeldt').fill(coop.founded);
    if (m.left) await newMembership.getByLabel('Utmeldt').fill(m.left);
    await newMembership.getByRole('button', { name: 'Legg til medlemskap' }).click();
    await expect(rowWith(memberships, m.name)).toContainText(m.left ? '31.12.2024' : '01.01.2016');
    await expect(newMembership.getByLabel('Kommune')).toHaveValue('');
  }
  await expect(memberships.locator('tbody tr')).toHaveCount(6);
});

test('the people of the board', async () => {
  test.setTimeout(180_000);
  await adminTab('Personer');
  const form = page.getByRole('form', { name: 'Ny person' });
  for (const p of boardPeople) {
    await form.getByLabel('Etternavn').fill(p.family);
    await form.getByLabel('Fornavn').fill(p.given);
    if (p.email) await form.getByLabel('E-post').fill(p.email);
    await form.getByLabel('Kommune').selectOption({ label: p.municipality });
    await form.getByRole('button', { name: 'Legg til person' }).click();
    await expect(page.getByRole('cell', { name: label(p), exact: true })).toBeVisible();
    await expect(form.getByLabel('Etternavn')).toHaveValue('');
  }
});

/** Adds a member to the body whose members are shown. */
async function addMember(p: TPerson, role: string, fromDate: string, deputyFor?: TPerson) {
  const form = page.getByRole('form', { name: 'Nytt medlem' });
  await form.getByLabel('Person').selectOption({ label: label(p) });
  await form.getByLabel('Rolle i organet').selectOption({ label: role });
  if (deputyFor) await form.getByLabel('Vara for').selectOption({ label: label(deputyFor) });
  await form.getByLabel('Kommune').selectOption({ label: p.municipality });
  await form.getByLabel('Fra').fill(fromDate);
  await form.getByRole('button', { name: 'Legg til medlem' }).click();
  await expect(rowWith(page, label(p)).first()).toBeVisible();
  await expect(form.getByLabel('Person')).toHaveValue('');
}

/** Makes a body through «Nytt organ». */
async function addBody(o: { name: string; kind: string; running?: boolean; prefix?: string; pattern?: string; validFrom?: string; validTo?: string }) {
  const form = page.getByRole('form', { name: 'Nytt organ' });
  await form.getByLabel('Navn').fill(o.name);
  await form.getByLabel('Type organ').fill(o.kind);
  // The form starts each body on numbering per meeting (also right after a body numbered through the year).
  if (o.running) await form.getByLabel('Saksnummerering').selectOption({ label: 'Løpende i året (ST 39/18)' });
  else await expect(form.getByLabel('Saksnummerering')).toHaveValue('meeting');
  if (o.prefix) await form.getByLabel('Prefiks for saksnummer').fill(o.prefix);
  if (o.pattern) await form.getByLabel('Eget mønster for saksnummer').fill(o.pattern);
  if (o.validFrom) await form.getByLabel('Gyldig fra').fill(o.validFrom);
  if (o.validTo) await form.getByLabel('Gyldig til').fill(o.validTo);
  await form.getByRole('button', { name: 'Legg til organ' }).click();
  await expect(form.getByLabel('Navn')).toHaveValue('');
}

test('the board with its own case numbers, nine members, deputies and an employee representative', async () => {
  test.setTimeout(180_000);
  await adminTab('Organer');
  const form = page.getByRole('form', { name: 'Nytt organ' });
  await form.getByLabel('Saksnummerering').selectOption({ label: 'Løpende i året (ST 39/18)' });
  await form.getByLabel('Prefiks for saksnummer').fill(board.prefix);
  await form.getByLabel('Eget mønster for saksnummer').fill(board.pattern);
  const yy = String(new Date().getFullYear() % 100).padStart(2, '0');
  await expect(form.getByText(`Slik blir numrene: RS 001/${yy}, RS 002/${yy}, RS 003/${yy}`)).toBeVisible();
  await addBody({ name: board.name, kind: 'representantskap', running: true, prefix: board.prefix, pattern: board.pattern, validFrom: coop.founded });
  const bodies = page.getByRole('table', { name: 'Organer' });
  await expect(rowWith(bodies, board.name)).toContainText(board.pattern);

  await page.getByRole('button', { name: `Vis medlemmer ${board.name}` }).click();
  await addMember(board.leader, 'Leder', '2025-01-01');
  await addMember(board.deputyLeader, 'Nestleder', '2025-01-01');
  for (const p of board.members) await addMember(p, 'Medlem', '2025-01-01');
  for (const d of board.deputies) await addMember(d.p, 'Varamedlem', '2025-01-01', board.members[d.for]);
  await addMember(board.employeeRep, 'Ansattrepresentant', '2025-01-01');
  await expect(rowWith(page, label(board.deputies[0]!.p))).toContainText(`Varamedlem (vara for ${label(board.members[1]!)})`);
  await expect(rowWith(page, label(board.employeeRep))).toContainText('Ansattrepresentant');
});

test('a working committee and the professional groups of 2024, replaced by two in 2025', async () => {
  test.setTimeout(180_000);
  await addBody({ name: workingCommittee.name, kind: 'arbeidsutvalg', validFrom: coop.founded });
  await page.getByRole('button', { name: `Vis medlemmer ${workingCommittee.name}` }).click();
  await addMember(board.leader, 'Leder', '2025-01-01');
  await addMember(board.deputyLeader, 'Nestleder', '2025-01-01');
  await addMember(board.members[0]!, 'Medlem', '2025-01-01');

  for (const name of groups2024) await addBody({ name, kind: 'faggruppe', validFrom: '2024-01-01', validTo: '2024-12-31' });
  for (const name of groups2025) await addBody({ name, kind: 'faggruppe', validFrom: '2025-01-01' });
  const bodies = page.getByRole('table', { name: 'Organer' });
  // The groups of 2024 have ended: out of the list until asked for, their history kept.
  for (const name of groups2025) await expect(rowWith(bodies, name)).toContainText('fra 01.01.2025');
  for (const name of groups2024) await expect(rowWith(bodies, name)).toHaveCount(0);
  await page.getByLabel('Vis også avsluttede organer (3)').check();
  for (const name of groups2024) await expect(rowWith(bodies, name)).toContainText('01.01.2024–31.12.2024');

  // Verified: seven bodies, the board's numbering as made, the three groups of 2024 ended.
  type TBodies = { bodies: { name: string; caseNumbering: string; casePrefix: string | null; casePattern: string | null }[] };
  const all = await (await page.request.get('/api/bodies')).json() as TBodies;
  expect(all.bodies).toHaveLength(7);
  expect(all.bodies.find((b) => b.name === board.name)).toMatchObject({ caseNumbering: 'running', casePrefix: 'RS', casePattern: board.pattern });
  const ended = await (await page.request.get('/api/bodies?current=false')).json() as TBodies;
  expect(ended.bodies.map((b) => b.name).sort()).toEqual([...groups2024].sort());
});

/** The board's meeting of 2024 from the old papers; its case 031/24 decided the fund's allocation. */
const historical = { date: '2024-11-14', place: 'Havvik rådhus', number: 'RS 031/24', title: 'Avsetning til disposisjonsfond 2024', decision: 'Representantskapet avsetter 500 000 kroner til disposisjonsfondet.' };
/** The first meeting held in samrad: its case numbers start at 41. */
const meeting = { date: '2025-03-20', shown: '20.03.2025', place: 'Havvik rådhus, kommunestyresalen', label: `${board.name} 2025 M1` };
const caseTitle = 'Felles sak- og arkivsystem for Fjordkyst';
const decisionText = 'Representantskapet vedtar å anskaffe et felles sak- og arkivsystem.';
let meetingId = '';

test('a held board meeting of 2024 is registered from the papers', async () => {
  test.setTimeout(180_000);
  await page.getByRole('link', { name: 'Møter', exact: true }).click();
  await page.getByRole('button', { name: 'Registrer historisk møte' }).click();
  const form = page.getByRole('form', { name: 'Historisk møte' });
  await form.getByLabel('Organ').selectOption({ label: board.name });
  await form.getByLabel('Dato').fill(historical.date);
  await form.getByLabel('Sted').fill(historical.place);
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(page).toHaveURL(/\/moter\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Registrert i ettertid fra papirene', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Legg til sak' }).click();
  const caseForm = page.getByRole('form', { name: 'Ny sak' });
  await caseForm.getByLabel('Nr.', { exact: true }).fill(historical.number);
  await caseForm.getByLabel('Tittel', { exact: true }).fill(historical.title);
  await caseForm.getByLabel('Vedtakstekst').fill(historical.decision);
  await caseForm.getByRole('button', { name: 'Lagre' }).click();
  await expect(caseForm).toHaveCount(0);
  await expect(page.getByRole('heading', { name: new RegExp(historical.number.replace('/', '\\/')) })).toBeVisible();
  await page.getByRole('button', { name: 'Merk referatet som godkjent' }).click();
  await expect(page.getByRole('button', { name: 'Merk referatet som godkjent' })).toHaveCount(0);

  // The year count of 2024 has it.
  await page.goto('/moter?year=2024');
  await expect(page.getByRole('table', { name: 'Møter og saker i 2024' }).getByRole('row', { name: new RegExp(`${board.name} 1 1`) })).toBeVisible();
});

test('the first meeting in samrad numbers its cases from 41 with the board\'s pattern', async () => {
  test.setTimeout(180_000);
  await page.goto('/moter');
  await page.getByRole('button', { name: 'Planlegg møte' }).click();
  const form = page.getByRole('form', { name: 'Nytt møte' });
  await form.getByLabel('Organ').selectOption({ label: board.name });
  await form.getByLabel('Dato').fill(meeting.date);
  await form.getByLabel('Starttid').fill('10:00');
  await form.getByLabel('Sluttid').fill('14:00');
  await form.getByLabel('Sted').fill(meeting.place);
  await form.getByLabel('Første saksnummer').fill('41');
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(page).toHaveURL(/\/moter\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(meeting.label);
  meetingId = new URL(page.url()).pathname.split('/').pop()!;
  const agenda = page.getByRole('table', { name: 'Saksliste' });
  await expect(agenda.getByRole('row').filter({ hasText: 'RS 041/25' })).toContainText('Godkjenning av innkalling');
  await expect(agenda.getByRole('row').filter({ hasText: 'RS 042/25' })).toContainText(/Godkjenning av (møte)?referat/);

  await page.getByRole('button', { name: 'Legg til sak' }).click();
  const caseForm = page.getByRole('form', { name: 'Ny sak' });
  await caseForm.getByLabel('Tittel', { exact: true }).fill(caseTitle);
  await caseForm.getByLabel('Beskrivelse').fill('Fjordkyst trenger ett sak- og arkivsystem for alle seks kommunene.');
  await caseForm.getByLabel('Sakstype').selectOption({ label: 'Vedtak' });
  await caseForm.getByLabel('Forslag', { exact: true }).fill(decisionText);
  await caseForm.getByRole('button', { name: 'Lagre' }).click();
  await expect(caseForm).toHaveCount(0);
  await expect(agenda.getByRole('row').filter({ hasText: 'RS 043/25' })).toContainText(caseTitle);
});

test('the notice goes out, Tor Eide\'s by post; the members with e-mail get it in the outbox', async () => {
  test.setTimeout(180_000);
  await openStep(page, 'Innkalling');
  await page.getByRole('button', { name: 'Send innkalling' }).click();
  const review = page.getByRole('alertdialog', { name: 'Sende innkalling versjon 1?' });
  await expect(review.getByRole('group', { name: /^Ett medlem har ingen e-postadresse/ })).toBeVisible();
  await review.getByLabel(label(board.members[1]!)).selectOption({ label: 'Sendt i posten' });
  await review.getByRole('button', { name: 'Send innkalling' }).click();
  const withEmail = boardPeople.filter((p) => p.email);
  await expect(page.getByRole('status').filter({ hasText: 'Innkalling versjon 1 er sendt' })).toBeVisible();
  const versions = page.getByRole('list', { name: 'Versjoner av innkallingen' });
  await expect(versions).toContainText(`${label(board.members[1]!)} (sendt i posten)`);

  const notice = (await expectPdf(await page.request.get(`/api/meetings/${meetingId}/notice.pdf`), 'notice.pdf')).replace(/\s+/g, ' ');
  // The cooperation's own letterhead, the board's own numbers from 41.
  for (const text of [coop.name, 'Postboks 40 6999 Havvik', 'Org.nr. 921 000 006', board.name, meeting.shown, meeting.place, 'RS 041/25', 'RS 042/25', 'RS 043/25', caseTitle]) {
    expect(notice, text).toContain(text);
  }
  // Sent, so no longer a draft: the numbers are locked.
  expect(notice).toMatch(/Versjon 1, sendt \d\d\.\d\d\.\d{4}/);
  expect(notice).not.toMatch(/Utkast|UTKAST/);

  const outbox = await (await page.request.get('/api/outbox')).json() as { messages: { to: string; subject: string }[] };
  const sent = outbox.messages.filter((m) => m.subject === `Innkalling: ${board.name} ${meeting.shown}`).map((m) => m.to).sort();
  expect(sent).toEqual(withEmail.map((p) => p.email).sort());
});

test('attendance and the decision are recorded; the minutes say so', async () => {
  test.setTimeout(180_000);
  await openStep(page, 'Møte');
  await page.getByRole('button', { name: 'Registrer oppmøte' }).click();
  const form = page.getByRole('form', { name: 'Registrer oppmøte' });
  // Tor Eide sends his apologies and his deputy comes; the employee representative is there too.
  await form.getByLabel(`Oppmøte for ${label(board.members[1]!)}`).selectOption({ label: 'Forfall' });
  await form.getByLabel(`Oppmøte for ${label(board.deputies[0]!.p)}`).selectOption({ label: 'Til stede' });
  await form.getByLabel(`Oppmøte for ${label(board.employeeRep)}`).selectOption({ label: 'Til stede' });
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Oppmøte' })).toContainText('Forfall');

  await openStep(page, 'Protokoll');
  await page.getByRole('button', { name: 'Registrer vedtak RS 043/25' }).click();
  const decision = page.getByRole('form', { name: 'Vedtak i sak RS 043/25' });
  await decision.getByLabel('Konklusjon').selectOption({ label: 'Vedtak' });
  await decision.getByLabel('Vedtakstekst').fill(decisionText);
  await decision.getByRole('button', { name: 'Lagre' }).click();
  await expect(decision).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Saker og vedtak' })).toContainText(decisionText);

  const minutes = (await expectPdf(await page.request.get(`/api/meetings/${meetingId}/minutes.pdf`), 'minutes.pdf')).replace(/\s+/g, ' ');
  for (const text of [coop.name, board.name, 'RS 041/25', 'RS 043/25', caseTitle, decisionText, `${label(board.leader)} Havvik`, label(board.deputies[0]!.p), label(board.employeeRep)]) {
    expect(minutes, text).toContain(text);
  }
  expect(minutes).toMatch(new RegExp(`Forfall .*${label(board.members[1]!)}`));
});

test('the service desk\'s rules start neutral and become the cooperation\'s own', async () => {
  test.setTimeout(120_000);
  await page.goto('/admin');
  await adminTab('Kundeservice');
  await expect(page.getByRole('heading', { level: 2, name: 'Reglene for kundeservice' })).toBeVisible();
  // A new cooperation starts from the neutral default: one category, none of ROR-IKT's.
  const first = page.getByRole('group', { name: 'Kategori 1', exact: true });
  await expect(first.getByLabel('Navn')).toHaveValue('Generelt');
  await expect(page.getByRole('group', { name: 'Kategori 2', exact: true })).toHaveCount(0);
  await first.getByLabel('Navn').fill('Brukerstøtte');
  await first.getByLabel('Beskrivelse i portalen').fill('Pålogging, passord, PC og skriver på kontoret.');
  await page.getByRole('button', { name: 'Legg til kategori' }).click();
  const second = page.getByRole('group', { name: 'Kategori 2', exact: true });
  await second.getByLabel('Navn').fill('Fagsystemer');
  await second.getByLabel('Beskrivelse i portalen').fill('Sak- og arkiv, økonomi og fagsystemene i kommunene.');
  await second.getByLabel('Eksempler').fill('Feil i sakssystemet');
  await page.getByRole('group', { name: 'Kritisk', exact: true }).getByLabel('Løsning', { exact: true }).fill('6');
  await page.getByRole('button', { name: 'Lagre reglene' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reglene er lagret.' })).toBeVisible();
  await expect(page.getByText('Versjon 1', { exact: true })).toBeVisible();

  const cooperation = await (await page.request.get('/api/cooperation')).json() as { id: string };
  const policy = await (await page.request.get(`/api/servicedesk/policy?cooperationId=${cooperation.id}`)).json() as {
    isDefault: boolean; document: { categories: string[]; categoryGuide: Record<string, { description: string; examples: string[] }>; targets: { kritisk: { resolution: unknown } } };
  };
  expect(policy.isDefault).toBe(false);
  expect(policy.document.categories).toEqual(['Brukerstøtte', 'Fagsystemer']);
  expect(policy.document.categoryGuide.Fagsystemer).toEqual({ description: 'Sak- og arkiv, økonomi og fagsystemene i kommunene.', examples: ['Feil i sakssystemet'] });
  expect(policy.document.targets.kritisk.resolution).toEqual({ value: 6, unit: 'hours' });
});

/** The key of 2024, in the order the papers print it. */
const key2024 = [['Havvik', '30'], ['Strandøy', '20'], ['Bjørkedal', '15'], ['Nordvåg', '15'], ['Sjøholm', '12'], ['Lyngvik', '8']] as const;
const n = (s: string) => s.replace(/ /g, '\u202f');

test('funds with movements over two years, and the financing key of 2024', async () => {
  test.setTimeout(180_000);
  await page.getByRole('link', { name: 'Økonomi', exact: true }).click();
  await page.getByLabel('År', { exact: true }).selectOption('2024');
  await page.getByText('Linjer, budsjett, revisjoner, kontokobling og manuelle poster').click();
  const financing = page.getByTestId('financing-form');
  await financing.getByLabel('Netto driftsramme').fill('24 000 000');
  await financing.getByLabel('Brutto investeringsramme').fill('3 000 000');
  for (const [name, percent] of key2024) await financing.getByLabel(`Andel for ${name} (%)`).fill(percent);
  await expect(financing.getByTestId('financing-form-sum')).toHaveText(/^Sum: 100/);
  await financing.getByRole('button', { name: 'Lagre finansiering' }).click();
  await expect(financing.getByRole('status')).toHaveText('Lagret.');

  const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Fond' }) });
  await expect(section.getByText('Samarbeidet har ingen fond registrert.')).toBeVisible();
  await section.getByText('Registrer fond og bevegelser').click();
  const newFund = section.getByRole('form', { name: 'Nytt fond' });
  for (const [kind, name] of [['disposisjonsfond', 'Disposisjonsfond Fjordkyst'], ['prosjektfond', 'Prosjektfond digitalisering']]) {
    await newFund.getByLabel('Type fond').selectOption({ label: kind! });
    await newFund.getByLabel('Navn').fill(name!);
    await newFund.getByRole('button', { name: 'Opprett fond' }).click();
    await expect(section.getByTestId('funds-table').getByRole('row', { name: new RegExp(name!) })).toBeVisible();
  }
  const form = section.getByTestId('fund-movement-form');
  const table = section.getByTestId('funds-table');
  /** Registers a movement and waits for the fund's row to read the figures it makes. */
  const register = async (fund: string, kind: string, date: string, amount: string, reference: string, row: string[]) => {
    await form.getByLabel('Fond', { exact: true }).selectOption({ label: fund });
    await form.getByLabel('Bevegelse').selectOption({ label: kind });
    await form.getByLabel('Dato').fill(date);
    await form.getByLabel('Beløp (kr)').fill(amount);
    await form.getByLabel('Saksnummer', { exact: false }).fill(reference);
    await form.getByRole('button', { name: 'Registrer' }).click();
    await expect(table.getByRole('row', { name: new RegExp(fund) }).getByRole('cell')).toHaveText(row.map(n));
  };
  await register('Disposisjonsfond Fjordkyst', 'inngående saldo', '2023-12-31', '1 000 000', '', ['1 000 000', '0', '0', '1 000 000']);
  // The addition of 2024 was decided in the historical meeting's case.
  await register('Disposisjonsfond Fjordkyst', 'avsetning', historical.date, '500 000', historical.number, ['1 000 000', '500 000', '0', '1 500 000']);
  await expect(section.getByTestId('fund-movements')).toContainText(`avsetning ${n('500 000')} kr (vedtak i sak ${historical.number})`);
  await register('Prosjektfond digitalisering', 'inngående saldo', '2023-12-31', '400 000', '', ['400 000', '0', '0', '400 000']);
  await register('Prosjektfond digitalisering', 'bruk', '2024-06-01', '100 000', 'RS 022/24', ['400 000', '0', '100 000', '300 000']);
  await expect(table.locator('tfoot').getByRole('cell')).toHaveText(['1 400 000', '500 000', '100 000', '1 800 000'].map(n));

  // 2025: the meeting's decision uses part of the disposition fund; the year opens on 2024's closing balance.
  await page.getByLabel('År', { exact: true }).selectOption('2025');
  await expect(section.locator('caption')).toHaveText('Fond 2025 (kr)');
  await section.getByText('Registrer fond og bevegelser').click();
  await register('Disposisjonsfond Fjordkyst', 'bruk', meeting.date, '250 000', 'RS 043/25', ['1 500 000', '0', '250 000', '1 250 000']);
});

test('Sjøholm\'s exit settlement by the key of 2024 is made and decided', async () => {
  test.setTimeout(120_000);
  const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Utmeldingsoppgjør' }) });
  const form = section.getByTestId('exit-settlement-form');
  // Both members that left at the end of 2024 are offered.
  await expect(form.getByLabel('Utmelding').getByRole('option', { name: 'Lyngvik, siste medlemsdag 31.12.2024' })).toHaveCount(1);
  await form.getByLabel('Utmelding').selectOption({ label: 'Sjøholm, siste medlemsdag 31.12.2024' });
  await expect(form.getByLabel('Grunnlag for oppgjøret')).toHaveValue('nokkel');
  await form.getByRole('button', { name: 'Lag utkast' }).click();
  const table = section.getByTestId('exit-settlement-table');
  await expect(table.locator('caption')).toHaveText('Utmeldingsoppgjør Sjøholm 31.12.2024 (kr)');
  // 12 % of each fund's balance on the leaving date.
  await expect(table.getByRole('row', { name: /Disposisjonsfond Fjordkyst/ })).toContainText(n('180 000'));
  await expect(table.getByRole('row', { name: /Prosjektfond digitalisering/ })).toContainText(n('36 000'));
  await expect(section.getByTestId('exit-settlement-sum')).toHaveText(n('216 000'));

  await section.getByText('Endre eller vedta: Utmeldingsoppgjør Sjøholm 31.12.2024 (kr)').click();
  const decide = section.getByRole('form', { name: 'Vedta oppgjøret' });
  await decide.getByLabel('Saksnummer (vedtak)').fill('RS 043/25');
  await decide.getByRole('button', { name: 'Vedta' }).click();
  await expect(section.getByTestId('exit-settlement-status')).toHaveText('Vedtatt i sak RS 043/25');
});

test('the papers: the notice, the minutes and the economy report read with pdftotext', async () => {
  test.setTimeout(180_000);
  // An admin makes the template of the economy and activity report, then the report with the economy blocks.
  await page.getByRole('link', { name: 'Rapporter', exact: true }).click();
  await page.getByRole('link', { name: 'Rapportmaler' }).click();
  const template = page.getByRole('form', { name: 'Mal for Økonomi- og aktivitetsrapport' });
  await template.getByRole('button', { name: 'Legg til seksjon' }).click();
  await template.getByLabel('Tittel på seksjon 1').fill('Økonomi');
  await template.getByRole('button', { name: 'Lag mal' }).click();
  await expect(template.getByRole('status')).toHaveText('Lagret.');

  await page.getByRole('link', { name: 'Rapporter', exact: true }).click();
  await page.getByRole('button', { name: 'Ny rapport' }).click();
  const create = page.getByRole('form', { name: 'Ny rapport' });
  await create.getByLabel('Type').selectOption({ label: 'Økonomi- og aktivitetsrapport' });
  await create.getByLabel('Per dato').fill('2025-03-31');
  await create.getByRole('button', { name: 'Opprett rapport' }).click();
  await expect(page).toHaveURL(/\/rapporter\/[0-9a-f-]{36}$/);
  const addBlock = page.getByRole('form', { name: 'Legg til datablokk: 1' });
  await addBlock.getByLabel('Blokktype').selectOption({ label: 'Fond: saldo, avsetning og bruk' });
  await addBlock.getByRole('button', { name: 'Legg til datablokk' }).click();
  await expect(page.getByRole('table', { name: /^Fond 2025/ })).toBeVisible();
  await addBlock.getByLabel('Blokktype').selectOption({ label: 'Utmeldingsoppgjør' });
  await addBlock.getByRole('button', { name: 'Legg til datablokk' }).click();
  await expect(page.getByRole('table', { name: /^Utmeldingsoppgjør Sjøholm 31\.12\.2024/ })).toBeVisible();

  const href = await page.getByRole('link', { name: 'Last ned PDF' }).getAttribute('href');
  const economy = (await expectPdf(await page.request.get(href!), 'report.pdf')).replace(/\s+/g, ' ');
  for (const text of [coop.name, 'Disposisjonsfond Fjordkyst', 'Prosjektfond digitalisering', '1 500 000', '1 250 000', 'Utmeldingsoppgjør Sjøholm 31.12.2024', '180 000', '36 000', '216 000', 'vedtatt i sak RS 043/25']) {
    expect(economy, text).toContain(text);
  }

  // The economy report of 2024 from /okonomi prints the year's key: each member's share of the frame.
  await page.getByRole('link', { name: 'Økonomi', exact: true }).click();
  await page.getByLabel('År', { exact: true }).selectOption('2024');
  await expect(page.getByLabel('Rapport pr.')).toHaveValue('2024-12-31');
  const economyPdf = await page.getByRole('link', { name: 'Last ned som PDF' }).getAttribute('href');
  const report2024 = (await expectPdf(await page.request.get(economyPdf!), 'economy report.pdf')).replace(/\s+/g, ' ');
  for (const [name, share] of [['Havvik', '7 200 000'], ['Sjøholm', '2 880 000'], ['Lyngvik', '1 920 000']]) {
    expect(report2024, name).toMatch(new RegExp(`${name} [^A-ZÆØÅ]*${share!.replace(/ /g, '.')}`));
  }
  expect(report2024).toContain('24 000 000');
});
