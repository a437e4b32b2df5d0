// Issue 2 acceptance, the meeting cycle, through the pages as the people do it: the leader (staff) plans
// a meeting of Samarbeidsrådet, adds a case with a PDF attachment, sends the notice (the members' mails
// land in the outbox), records attendance and the decision, and approves the minutes in the next
// meeting's case 002; then a council member reads the papers.
// The steps build on each other (one meeting), so they run in order and stop at the first failure.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { bodyMembers, people } from '../demo/data/organisation';
import { signInByApi, signInThroughPage } from './support/accounts';
import { openStep, stepLink } from './support/meeting';
import { expectPdf, makePdf, pdfText } from './support/pdf';

test.describe.configure({ mode: 'serial' });

const body = 'Samarbeidsrådet for ROR-IKT';
// A year the demo has no meetings in, so the new meetings are M1 and M2 and the numbers are known; and in
// the past, because only a meeting that has been held approves minutes.
const first = { date: '2025-03-12', shown: '12.03.2025', label: `${body} 2025 M1`, link: '2025 M1', prefix: '2025/M1' };
const next = { date: '2025-06-11', label: `${body} 2025 M2`, prefix: '2025/M2' };
const caseTitle = 'Felles løsning for digital signatur i medlemskommunene';
const caseDescription = 'ROR-IKT foreslår å anskaffe en felles løsning for digital signatur som alle medlemskommunene kan ta i bruk.';
const caseProposal = 'Samarbeidsrådet ber ROR-IKT om å starte anskaffelsen.';
const decisionText = 'Samarbeidsrådet ber ROR-IKT om å starte anskaffelsen, med rapport i neste møte.';
const treatment = 'Rådet drøftet kostnadsfordelingen mellom kommunene.';
const attachmentName = 'kravspesifikasjon-signatur.pdf';
const attachmentText = 'Kravspesifikasjon digital signatur';

/** The council's members with an e-mail on the meeting day: who the notice goes to. */
const expectedRecipients = bodyMembers
  .filter((m) => m.body === 'samarbeidsradet' && m.from <= first.date && (!m.to || m.to >= first.date))
  .map((m) => people.find((p) => p.key === m.person)?.email)
  .filter((e): e is string => Boolean(e));

let staffContext: BrowserContext;
let staff: Page;
let firstMeetingId = '';
let attachmentPdf: Buffer;

async function newPage(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, locale: 'nb-NO', timezoneId: 'Europe/Oslo' });
  return { context, page: await context.newPage() };
}

/** Plans a meeting of the council through "Planlegg møte" and lands on its page. */
async function planMeeting(page: Page, meeting: { date: string; label: string }) {
  await page.goto('/moter');
  await page.getByRole('button', { name: 'Planlegg møte' }).click();
  const form = page.getByRole('form', { name: 'Nytt møte' });
  await form.getByLabel('Organ').selectOption({ label: body });
  await form.getByLabel('Dato').fill(meeting.date);
  await form.getByLabel('Starttid').fill('09:00');
  await form.getByLabel('Sluttid').fill('11:30');
  await form.getByLabel('Sted').fill('Rådhuset i Molde, møterom Romsdal');
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(page).toHaveURL(/\/moter\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(meeting.label);
}

/** Records a decision on one case of the open meeting page through "Registrer vedtak". */
async function recordDecision(page: Page, caseNumber: string, text: string, treatmentText?: string) {
  await openStep(page, 'Protokoll');
  await page.getByRole('button', { name: `Registrer vedtak ${caseNumber}` }).click();
  const form = page.getByRole('form', { name: `Vedtak i sak ${caseNumber}` });
  await form.getByLabel('Konklusjon').selectOption({ label: 'Vedtak' });
  await form.getByLabel('Vedtakstekst').fill(text);
  if (treatmentText) await form.getByLabel('Behandling').fill(treatmentText);
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form).toHaveCount(0);
}

test.beforeAll(async ({ browser, baseURL }) => {
  ({ context: staffContext, page: staff } = await newPage(browser, baseURL));
  attachmentPdf = await makePdf(browser, attachmentText);
});

test.afterAll(async () => {
  await staffContext?.close();
});

test('the leader signs in, plans a meeting and gets the standing cases 001 and 002', async () => {
  await signInThroughPage(staff, 'staff');
  await planMeeting(staff, first);
  firstMeetingId = new URL(staff.url()).pathname.split('/').pop()!;
  // Dates and times as in Norway.
  await expect(staff.getByRole('main')).toContainText(first.shown);
  await expect(staff.getByRole('main')).toContainText(/09:00\s*[–-]\s*11:30/);
  // A new meeting opens on its first step, the agenda, suggested as the one to do next.
  await expect(stepLink(staff, 'Saksliste')).toHaveAttribute('aria-current', 'step');
  await expect(stepLink(staff, 'Saksliste')).toContainText('neste');
  const agenda = staff.getByRole('table', { name: 'Saksliste' });
  await expect(agenda.getByRole('row').filter({ hasText: `${first.prefix}-001` })).toContainText('Godkjenning av innkalling');
  await expect(agenda.getByRole('row').filter({ hasText: `${first.prefix}-002` })).toContainText(/Godkjenning av (møte)?referat/);
});

test('the leader adds a case with presenter and a PDF attachment', async () => {
  await staff.getByRole('button', { name: 'Legg til sak' }).click();
  const form = staff.getByRole('form', { name: 'Ny sak' });
  await form.getByLabel('Tittel', { exact: true }).fill(caseTitle);
  await form.getByLabel('Person').selectOption({ label: 'Gjørtz, Fred' });
  await form.getByRole('button', { name: 'Legg til person' }).click();
  await form.getByLabel('Beskrivelse').fill(caseDescription);
  await form.getByLabel('Sakstype').selectOption({ label: 'Vedtak' });
  await form.getByLabel('Forslag', { exact: true }).fill(caseProposal);
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form).toHaveCount(0);

  const caseNumber = `${first.prefix}-003`;
  const row = staff.getByRole('table', { name: 'Saksliste' }).getByRole('row').filter({ hasText: caseNumber });
  await expect(row).toContainText(caseTitle);
  await expect(row).toContainText('Gjørtz, Fred');

  await row.getByRole('button', { name: `Vedlegg ${caseNumber}` }).click();
  const panel = staff.getByRole('region', { name: `Vedlegg til sak ${caseNumber}` });
  await panel.getByLabel('Fil', { exact: true }).setInputFiles({ name: attachmentName, mimeType: 'application/pdf', buffer: attachmentPdf });
  await panel.getByRole('button', { name: 'Last opp vedlegg' }).click();
  await expect(panel.getByRole('status')).toContainText(`${attachmentName} er lastet opp`);
  const link = panel.getByRole('link', { name: attachmentName });
  await expect(link).toBeVisible();
  await expect(row).toContainText('1');

  // The stored file is the one uploaded, byte for byte.
  const download = await staff.request.get((await link.getAttribute('href'))!);
  expect(download.status()).toBe(200);
  expect(Buffer.compare(await download.body(), attachmentPdf)).toBe(0);
});

test('the leader sends the notice; every member gets a mail with the agenda in the outbox', async ({ browser, baseURL }) => {
  // With a case on the agenda, the notice is the step suggested next.
  await expect(stepLink(staff, 'Saksliste')).toContainText('ferdig');
  await expect(stepLink(staff, 'Innkalling')).toContainText('neste');
  await openStep(staff, 'Innkalling');
  await staff.getByRole('button', { name: 'Send innkalling' }).click();
  // Sending cannot be undone: a modal dialog shows who gets it and the PDF, and sends on confirmation.
  const review = staff.getByRole('alertdialog', { name: 'Sende innkalling versjon 1?' });
  await expect(review.getByRole('list', { name: 'Mottakere' }).getByRole('listitem')).toHaveCount(expectedRecipients.length);
  await expect(review.getByRole('link', { name: /^Se innkallingen som PDF/ })).toHaveAttribute('href', `/api/meetings/${firstMeetingId}/notice.pdf`);
  await expect(review.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await review.getByRole('button', { name: 'Send innkalling' }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'Innkalling versjon 1 er sendt' }))
    .toContainText(`til ${expectedRecipients.length} mottakere`);
  await expect(staff.getByRole('status').filter({ hasText: 'Innkalling versjon 1 er sendt' })).toBeFocused();
  await expect(staff.getByRole('list', { name: 'Versjoner av innkallingen' })).toContainText('Versjon 1');

  const notice = await expectPdf(await staff.request.get(`/api/meetings/${firstMeetingId}/notice.pdf`), 'notice.pdf');
  expect(notice).toContain(`${first.prefix}-003`);
  expect(notice.replace(/\s+/g, ' ')).toContain(caseTitle);

  // The admin reads the outbox (no SMTP in the tests): one mail per member, with the notice PDF and an
  // iCal invitation attached.
  const { context, page } = await newPage(browser, baseURL);
  try {
    await signInThroughPage(page, 'admin');
    await page.getByRole('link', { name: 'Administrasjon' }).click();
    await page.getByRole('navigation', { name: 'Deler av administrasjonen' }).getByRole('link', { name: 'Utgående e-post' }).click();
    const outboxPage = page.getByRole('region', { name: 'Utgående e-post' });
    const subject = `Innkalling: ${body} ${first.shown}`;
    for (const email of expectedRecipients) {
      await expect(outboxPage.getByText(`${email} · ${subject}`), `the mail to ${email} on the outbox page`).toBeVisible();
    }
    const firstMail = outboxPage.getByRole('group').filter({ hasText: `${expectedRecipients[0]} · ${subject}` });
    await firstMail.getByText(`${expectedRecipients[0]} · ${subject}`).click();
    // Opened, the mail shows its text with the agenda and its attachments.
    await expect(firstMail.getByText(caseTitle).first()).toBeVisible();
    await expect(firstMail.getByText(/\.ics/)).toBeVisible();

    // The same through the API, with the attachments' content: the notice PDF and the iCal invitation.
    const outbox = await page.request.get('/api/outbox');
    expect(outbox.status(), 'the admin can read the outbox').toBe(200);
    type TMessage = { id: string; to: string; subject: string; text: string; attachments: { filename: string; contentType: string; contentBase64?: string }[] };
    const { messages } = await outbox.json() as { messages: TMessage[] };
    const notices = messages.filter((m) => m.subject.includes('Innkalling') && m.subject.includes(first.shown));
    expect(notices.map((m) => m.to).sort()).toEqual([...expectedRecipients].sort());
    for (const mail of notices) {
      expect(mail.text, `the agenda in the mail to ${mail.to}`).toContain(caseTitle);
      expect(mail.attachments.map((a) => a.contentType.split(';')[0])).toEqual(expect.arrayContaining(['application/pdf', 'text/calendar']));
    }
    const full = await (await page.request.get(`/api/outbox/${notices[0]!.id}`)).json() as TMessage;
    const pdf = full.attachments.find((a) => a.contentType.startsWith('application/pdf'))!;
    expect((await pdfText(Buffer.from(pdf.contentBase64!, 'base64'))).replace(/\s+/g, ' ')).toContain(caseTitle);
    const ics = Buffer.from(full.attachments.find((a) => a.contentType.startsWith('text/calendar'))!.contentBase64!, 'base64').toString('utf8');
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`DTSTART;TZID=Europe/Oslo:${first.date.replace(/-/g, '')}T090000`);
  } finally {
    await context.close();
  }
});

test('a change after the notice goes out as version 2 that says what changed', async ({ browser, baseURL }) => {
  const newPlace = 'Rådhuset i Molde, bystyresalen';
  await staff.getByRole('button', { name: 'Rediger møte' }).click();
  const form = staff.getByRole('form', { name: 'Endre tid og sted' });
  await form.getByLabel('Sted').fill(newPlace);
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form).toHaveCount(0);

  await staff.getByRole('button', { name: 'Send innkalling' }).click();
  await staff.getByRole('alertdialog', { name: 'Sende innkalling versjon 2?' }).getByRole('button', { name: 'Send innkalling' }).click();
  await expect(staff.getByRole('status').filter({ hasText: 'Innkalling versjon 2 er sendt' })).toBeVisible();
  const versions = staff.getByRole('list', { name: 'Versjoner av innkallingen' });
  await expect(versions.getByRole('listitem').filter({ hasText: 'Versjon 2' }).first()).toContainText(`Sted endret`);
  await expect(versions).toContainText(newPlace);
  await expect(versions).toContainText('Versjon 1');

  const { context, page } = await newPage(browser, baseURL);
  try {
    await signInByApi(page.request, 'admin');
    const { messages } = await (await page.request.get('/api/outbox')).json() as { messages: { to: string; subject: string; text: string }[] };
    const changed = messages.filter((m) => m.subject.startsWith('Endret innkalling (versjon 2)'));
    expect(changed.map((m) => m.to).sort()).toEqual([...expectedRecipients].sort());
    expect(changed[0]!.text).toContain(newPlace);
  } finally {
    await context.close();
  }
});

test('the leader records attendance and the decision; the minutes show them', async () => {
  await openStep(staff, 'Møte');
  await staff.getByRole('button', { name: 'Registrer oppmøte' }).click();
  const form = staff.getByRole('form', { name: 'Registrer oppmøte' });
  // «Alle møtte» is the start: the regular members are present before anything is chosen.
  await expect(form.getByLabel('Oppmøte for Aasen, Marianne Stokkereit')).toHaveValue('til_stede');
  await form.getByLabel('Oppmøte for Aasen, Marianne Stokkereit').selectOption({ label: 'Til stede' });
  await form.getByLabel('Oppmøte for Ersvik, Per Sverre').selectOption({ label: 'Til stede' });
  await form.getByLabel('Oppmøte for Skålhavn, Kristian').selectOption({ label: 'Forfall' });
  await form.getByLabel('Oppmøte for Langøy, Gerd Marit').selectOption({ label: 'Til stede' });
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(form).toHaveCount(0);
  const attendance = staff.getByRole('region', { name: 'Oppmøte' });
  await expect(attendance).toContainText('Aasen, Marianne Stokkereit');
  await expect(attendance).toContainText('Forfall');

  await recordDecision(staff, `${first.prefix}-003`, decisionText, treatment);
  const minutes = staff.getByRole('region', { name: 'Saker og vedtak' });
  await expect(minutes).toContainText(decisionText);
  await expect(minutes).toContainText(treatment);

  const pdf = (await expectPdf(await staff.request.get(`/api/meetings/${firstMeetingId}/minutes.pdf`), 'minutes.pdf')).replace(/\s+/g, ' ');
  expect(pdf).toContain(decisionText);
  expect(pdf).toContain('Aasen');
});

test('the minutes are approved in the next meeting\'s case 002, which locks them', async () => {
  await planMeeting(staff, next);
  const approvingCase = `${next.prefix}-002`;
  await recordDecision(staff, approvingCase, `Referatet fra møte ${first.prefix.replace('/', ' ')} godkjennes.`);

  await openStep(staff, 'Godkjenning');
  const approve = staff.getByRole('region', { name: 'Godkjenning av referat' });
  await approve.getByLabel('Referat som godkjennes').selectOption({ label: `${first.label} (${first.shown})` });
  await approve.getByRole('button', { name: 'Godkjenn referat' }).click();
  // Irreversible: a modal dialog names the minutes and what approval does, then approves.
  const confirm = staff.getByRole('alertdialog', { name: /^Godkjenne referatet fra / });
  await expect(confirm).toContainText('Referatet låses');
  await confirm.getByRole('button', { name: 'Godkjenn referat' }).click();
  await expect(approve.getByRole('status')).toContainText('Referatet er godkjent og arkivert');
  await expect(approve.getByRole('status')).toBeFocused();

  await staff.goto(`/moter/${firstMeetingId}`);
  await expect(staff.getByRole('heading', { level: 1 })).toHaveText(first.label);
  await expect(staff.getByText('Referatet er godkjent og låst')).toBeVisible();
  await openStep(staff, 'Protokoll');
  await expect(staff.getByRole('region', { name: 'Saker og vedtak' })).toContainText(decisionText);
  await expect(staff.getByRole('button', { name: /Registrer vedtak/ })).toHaveCount(0);

  // Locked for real, not just in the page: a new decision on the approved minutes is refused.
  const view = await (await staff.request.get(`/api/meetings/${firstMeetingId}`)).json() as { cases: { id: string; number: string; revision: number }[] };
  const decided = view.cases.find((c) => c.number === `${first.prefix}-003`)!;
  const change = await staff.request.put(`/api/cases/${decided.id}/decision`, { data: { revision: decided.revision, decisionKind: 'vedtak', decisionText: 'Endret etterpå' } });
  expect(change.status()).toBe(409);
  const minutes = await pdfText(await (await staff.request.get(`/api/meetings/${firstMeetingId}/minutes.pdf`)).body());
  expect(minutes.replace(/\s+/g, ' ')).toContain(decisionText);
});

test('a council member reads the meeting, its attachment and its papers, and cannot change them', async ({ browser, baseURL }) => {
  const { context, page } = await newPage(browser, baseURL);
  try {
    await signInThroughPage(page, 'council');
    await page.getByRole('link', { name: 'Møter' }).click();
    await page.getByRole('table', { name: 'Møter' }).getByRole('link', { name: first.link }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.label);
    const minutes = page.getByRole('region', { name: 'Saker og vedtak' });
    await expect(minutes).toContainText(caseTitle);
    await expect(minutes).toContainText(caseDescription);
    await expect(minutes).toContainText(decisionText);

    const attachment = await page.request.get((await minutes.getByRole('link', { name: attachmentName }).getAttribute('href'))!);
    expect(attachment.status()).toBe(200);
    expect(Buffer.compare(await attachment.body(), attachmentPdf)).toBe(0);

    const papers = page.getByRole('navigation', { name: 'Dokumenter' });
    for (const name of ['Innkalling og saksliste (PDF)', 'Møtereferat (PDF)']) {
      const href = await papers.getByRole('link', { name }).getAttribute('href');
      const text = await expectPdf(await page.request.get(href!), name);
      expect(text.replace(/\s+/g, ' ')).toContain(caseTitle);
    }

    // A council member reads; only staff write.
    for (const name of ['Legg til sak', 'Send innkalling', 'Registrer oppmøte', 'Publiser møtet']) {
      await expect(page.getByRole('button', { name })).toHaveCount(0);
    }
    const view = await (await page.request.get(`/api/meetings/${firstMeetingId}`)).json() as { meeting: { revision: number } };
    const write = await page.request.patch(`/api/meetings/${firstMeetingId}`, { data: { revision: view.meeting.revision, place: 'Et annet sted' } });
    expect(write.status()).toBe(403);
  } finally {
    await context.close();
  }
});

test('the public sees the meeting only once the leader publishes it', async ({ browser, baseURL, playwright }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  try {
    for (const url of [`/api/public/meetings/${firstMeetingId}`, `/api/meetings/${firstMeetingId}/notice.pdf`, `/api/meetings/${firstMeetingId}/minutes.pdf`]) {
      expect((await anonymous.get(url)).status(), `${url} before publishing`).toBe(404);
    }

    await staff.goto(`/moter/${firstMeetingId}`);
    await staff.getByRole('button', { name: 'Publiser møtet' }).click();
    await expect(staff.getByRole('button', { name: 'Avpubliser møtet' })).toBeVisible();

    const { context, page } = await newPage(browser, baseURL);
    try {
      await page.goto('/offentlig');
      // The public sees where the meeting stands: its minutes are approved.
      const listed = page.getByRole('table', { name: 'Publiserte møter' }).getByRole('row').filter({ has: page.getByRole('link', { name: first.label, exact: true }) });
      await expect(listed.getByRole('cell').nth(1)).toHaveText('Referat godkjent');
      await page.getByRole('table', { name: 'Publiserte møter' }).getByRole('link', { name: first.label, exact: true }).click();
      await expect(page.getByRole('main').getByText('Referat godkjent', { exact: true })).toBeVisible();
      const publicCase = page.getByRole('article', { name: new RegExp(`${first.prefix}-003`) });
      await expect(publicCase).toContainText(caseTitle);
      await expect(publicCase).toContainText(decisionText);
      const href = await publicCase.getByRole('link', { name: attachmentName }).getAttribute('href');
      const attachment = await page.request.get(href!);
      expect(attachment.status()).toBe(200);
      expect(Buffer.compare(await attachment.body(), attachmentPdf)).toBe(0);
      const notice = await expectPdf(await page.request.get(`/api/meetings/${firstMeetingId}/notice.pdf`), 'public notice.pdf');
      expect(notice.replace(/\s+/g, ' ')).toContain(caseTitle);
    } finally {
      await context.close();
    }
  } finally {
    await anonymous.dispose();
  }
});
