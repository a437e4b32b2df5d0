// The PC replacement campaign end to end (issue 13): staff switch it on for Molde with its standard models,
// name the fallback approver and invite the users of expired PCs; the user opens the invitation mail's
// link, sees their PC and orders; the approval mail's link lets the manager (signed out: the link is the
// access) approve by keyboard, once; staff record ordered → delivered → handed over → returned → wiped →
// retired, and the status table stops counting the old PC from its return. Then a rejection with a
// reason that reaches the user, and the plain message for a used or unknown link. The mails are read
// from the outbox (no SMTP in the tests), as meeting-cycle.spec.ts does.
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { accounts, signInByApi, signInThroughPage } from './support/accounts';
import { pageProblems, settled, useLanguage } from './support/pages';

// The behaviour steps share one server's data and run in order.
test.describe.configure({ mode: 'serial' });

/** Today in Oslo: the user's and manager's steps are dated today, so the PCs are signed in this month. */
const TODAY = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Oslo' });
const MONTH = TODAY.slice(0, 7);
const NO_DATE = `${TODAY.slice(8, 10)}.${TODAY.slice(5, 7)}.${TODAY.slice(0, 4)}`;
const STAMP = Date.now().toString(36).toUpperCase();
const OLD = `CMP-OLD-${STAMP}`;
const OLD_REJECTED = `CMP-OLD2-${STAMP}`;
const NEW = `CMP-NEW-${STAMP}`;
const USER = accounts.municipality;
const APPROVER = { name: 'Mona Leder', email: `mona.leder.${STAMP.toLowerCase()}@molde.kommune.no` };
const MODELS = ['Latitude 5450', 'ThinkPad T14 Gen 5'] as const;

type TMail = { id: string; to: string; subject: string; text: string };

/** The newest mail to someone whose subject matches, from the admin's outbox; polled, as mail is queued in the write's transaction. */
async function mailTo(admin: APIRequestContext, to: string, subject: RegExp): Promise<TMail> {
  let found: TMail | undefined;
  await expect.poll(async () => {
    const { messages } = await (await admin.get('/api/outbox')).json() as { messages: TMail[] };
    found = messages.find((m) => m.to.toLowerCase() === to.toLowerCase() && subject.test(m.subject));
    return !!found;
  }, { timeout: 30_000, message: `a mail to ${to} with ${subject}` }).toBe(true);
  return found!;
}
const linkIn = (text: string, path: RegExp) => path.exec(text)![0];

async function newPage(browser: Browser, language: 'nb' | 'en' = 'nb') {
  const context = await browser.newContext();
  await useLanguage(context, language);
  return { context, page: await context.newPage() };
}

/** The page passes the page checks at 320 px and at 1366 px, and is photographed at 1366 and 390 px. */
async function checkAndShoot(page: Page, name: string, outputPath: (name: string) => string) {
  for (const width of [320, 1366]) {
    await page.setViewportSize({ width, height: 800 });
    expect(await pageProblems(page), `${name} at ${width} px`).toEqual([]);
  }
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: outputPath(`${name}-${width}.png`), fullPage: true, timeout: 60_000 });
  }
}

/** Molde's «Utgått» employees' PCs in this month's table, as the staff page shows it (digits only). */
async function moldeExpired(page: Page): Promise<string> {
  await page.goto(`/utstyr?asOf=${TODAY}`);
  const cell = page.getByTestId('eq-status-Molde-ansatt').locator('td').first();
  await expect(cell).toBeVisible({ timeout: 30_000 });
  return (await cell.textContent())!.replace(/\D/g, '');
}

let admin: APIRequestContext;
let approvalLink = '';

test.beforeAll(async ({ playwright, baseURL }) => {
  admin = await playwright.request.newContext({ baseURL });
  await signInByApi(admin, 'admin');
  // This month's export from endpoint management: the user's two expired PCs and the new PC in stock.
  const csv = [
    'Serial number;Device name;Model;Primary user UPN;Ownership;Kommune;Last check-in;Purchase date',
    `${OLD};MOL-PC-0417;Latitude 5400;${USER};Corporate;Molde;${NO_DATE} 08:00;15.01.2015`,
    `${OLD_REJECTED};MOL-PC-0418;Latitude 5300;${USER};Corporate;Molde;${NO_DATE} 08:30;15.01.2016`,
    `${NEW};MOL-PC-0901;Latitude 5450;;Corporate;Molde;${NO_DATE} 09:00;${NO_DATE}`,
  ].join('\n');
  const res = await admin.post('/api/equipment/device-imports', {
    multipart: { month: MONTH, file: { name: 'intune.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) } }, headers: { origin: baseURL! },
  });
  expect(res.status(), await res.text()).toBe(201);
});
test.afterAll(() => admin.dispose());

test('staff switch the campaign on for Molde, name the approver and invite the users of expired PCs', async ({ page }, info) => {
  test.setTimeout(180_000);
  await signInThroughPage(page, 'staff');
  await page.goto('/utstyr/bytte');
  await expect(page.getByRole('heading', { level: 1, name: 'Byttekampanje' })).toBeVisible({ timeout: 30_000 });

  const campaign = page.getByRole('form', { name: 'Slå på eller endre en kampanje' });
  await campaign.getByLabel('Kommune').selectOption({ label: 'Molde' });
  await campaign.getByLabel('Standardmodeller, én per linje').fill(MODELS.join('\n'));
  await expect(campaign.getByLabel('Kampanjen er på')).toBeChecked();
  await campaign.getByRole('button', { name: 'Lagre kampanjen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kampanjen for Molde er lagret.' })).toBeVisible();
  await expect(page.getByTestId('eqc-campaigns').getByRole('row', { name: /Molde/ })).toContainText(`På${MODELS.join(', ')}`);

  const approver = page.getByRole('form', { name: 'Sett en godkjenner' });
  await approver.getByLabel('Kommune').selectOption({ label: 'Molde' });
  await approver.getByLabel('Navn').fill(APPROVER.name);
  await approver.getByLabel('E-post').fill(APPROVER.email);
  await approver.getByRole('button', { name: 'Lagre godkjenneren' }).click();
  await expect(page.getByTestId('eqc-approvers').getByRole('row', { name: new RegExp(APPROVER.name) })).toContainText('Reservegodkjenner');

  const invite = page.getByRole('form', { name: 'Inviter brukerne av utgåtte PC-er' });
  await invite.getByLabel('Kommune').selectOption({ label: 'Molde' });
  await invite.getByLabel('Pålogget i måneden for').fill(TODAY);
  await invite.getByRole('button', { name: 'Send invitasjoner' }).click();
  // The user's two expired PCs; the new PC is not expired.
  await expect(page.getByRole('status').filter({ hasText: /^Invitert: 2\./ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId(`eqc-request-${OLD}`)).toContainText('Invitert, ikke bestilt');
  await settled(page);
  await checkAndShoot(page, 'campaign-staff', (n) => info.outputPath(n));
});

test('the user orders from the invitation’s link; the manager approves by keyboard from the mail, once', async ({ browser }, info) => {
  test.setTimeout(240_000);
  const invitation = await mailTo(admin, USER, new RegExp(OLD));
  const userLink = linkIn(invitation.text, /\/utstyr\/bytte\/[0-9a-f-]{36}/);
  const { context, page } = await newPage(browser);
  try {
    await signInThroughPage(page, 'municipality');
    await page.goto(userLink);
    await expect(page.getByRole('heading', { level: 1, name: 'Bytte av PC' })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('eqc-pc')).toContainText('MOL-PC-0417');
    await expect(page.getByTestId('eqc-pc')).toContainText('Latitude 5400');
    await expect(page.getByTestId('eqc-pc')).toContainText('2020');
    await settled(page);
    await checkAndShoot(page, 'campaign-user-invited', (n) => info.outputPath(n));

    await page.getByRole('radio', { name: MODELS[0] }).check();
    await page.getByRole('button', { name: 'Send til godkjenning' }).click();
    await expect(page.getByTestId('eqc-status')).toContainText('Venter på godkjenning', { timeout: 30_000 });
    await expect(page.getByTestId('eqc-status')).toContainText(`venter på godkjenning fra ${APPROVER.name}`);
    // Ordered, the order form is gone; the steps say when, with Norwegian dates.
    await expect(page.getByRole('button', { name: 'Send til godkjenning' })).toHaveCount(0);
    await expect(page.getByTestId('eqc-steps')).toContainText(NO_DATE);
  } finally {
    await context.close();
  }

  approvalLink = linkIn((await mailTo(admin, APPROVER.email, /Godkjenn ny PC/)).text, /\/utstyr\/godkjenning\?token=[\w-]+/);
  // The manager has no samrad account: a fresh, signed-out browser.
  const manager = await newPage(browser);
  try {
    await manager.page.goto(approvalLink);
    await expect(manager.page.getByRole('heading', { level: 1, name: 'Godkjenning av ny PC' })).toBeVisible({ timeout: 30_000 });
    await expect(manager.page.getByTestId('eqc-approval-case')).toContainText(MODELS[0]);
    await expect(manager.page.getByTestId('eqc-approval-case')).toContainText(OLD);
    await settled(manager.page);
    await checkAndShoot(manager.page, 'campaign-approval', (n) => info.outputPath(n));
    // One click, made with the keyboard: Tab to «Godkjenn», Enter.
    const approve = manager.page.getByRole('button', { name: 'Godkjenn' });
    await manager.page.locator('body').focus();
    for (let i = 0; i < 30 && !(await approve.evaluate((el) => el === document.activeElement)); i++) await manager.page.keyboard.press('Tab');
    await expect(approve).toBeFocused();
    await manager.page.keyboard.press('Enter');
    await expect(manager.page.getByRole('heading', { level: 1, name: 'Bestillingen er godkjent' })).toBeVisible({ timeout: 30_000 });

    // The link works once: opened again, it says so in a sentence.
    await manager.page.goto(approvalLink);
    await expect(manager.page.getByRole('heading', { level: 1, name: 'Lenken kan ikke brukes' })).toBeVisible({ timeout: 30_000 });
    await expect(manager.page.getByText('Hver godkjenningslenke virker én gang')).toBeVisible();
    await expect(manager.page.getByRole('button', { name: 'Godkjenn' })).toHaveCount(0);
  } finally {
    await manager.context.close();
  }
  expect((await mailTo(admin, USER, /Ny PC er godkjent/)).text).toContain(MODELS[0]);
});

test('staff move the approved order through its steps; the table stops counting the old PC once returned', async ({ page, browser }, info) => {
  test.setTimeout(300_000);
  await signInThroughPage(page, 'staff');
  const before = await moldeExpired(page);
  await page.goto('/utstyr/bytte');
  const row = page.getByTestId(`eqc-request-${OLD}`);
  await expect(row).toContainText('Godkjent', { timeout: 30_000 });

  const record = async (step: string, fill?: (form: ReturnType<Page['getByRole']>) => Promise<void>) => {
    await row.getByRole('button', { name: `Registrer «${step}» for ${OLD}` }).click();
    const form = page.getByRole('form', { name: new RegExp(`«${step}» for ${OLD}`) });
    await expect(form.getByLabel('Dato')).toHaveValue(TODAY);
    if (fill) await fill(form);
    await form.getByRole('button', { name: 'Registrer steget' }).click();
    await expect(page.getByRole('status').filter({ hasText: `«${step}» er registrert for ${OLD}.` })).toBeVisible({ timeout: 30_000 });
    await expect(row).toContainText(step);
  };
  await record('Bestilt');
  await record('Levert');
  await record('Utlevert', (form) => form.getByLabel('Serienummeret til den nye PC-en').fill(NEW));
  expect(await moldeExpired(page), 'handed over, the old PC is still in use until it is returned').toBe(before);

  await page.goto('/utstyr/bytte');
  await record('Gammel PC innlevert');
  expect(Number(await moldeExpired(page)), 'returned, the old PC no longer counts').toBe(Number(before) - 1);

  await page.goto('/utstyr/bytte');
  // The wipe needs its proof: without it the server names the field.
  await row.getByRole('button', { name: `Registrer «Gammel PC slettet» for ${OLD}` }).click();
  const wipe = page.getByRole('form', { name: new RegExp(`«Gammel PC slettet» for ${OLD}`) });
  await wipe.getByRole('button', { name: 'Registrer steget' }).click();
  await expect(wipe.getByRole('link', { name: /Dokumentasjon på slettingen/ })).toBeVisible({ timeout: 30_000 });
  await wipe.getByLabel(/Dokumentasjon på slettingen/).fill('Blancco rapport 4471');
  await wipe.getByRole('button', { name: 'Registrer steget' }).click();
  await expect(row).toContainText('Gammel PC slettet', { timeout: 30_000 });
  await record('Gammel PC utrangert');
  await expect(row.getByRole('button')).toHaveCount(0);

  // The user's page says it is done, every step listed.
  const { context, page: user } = await newPage(browser);
  try {
    await signInByApi(context.request, 'municipality');
    const invitation = await mailTo(admin, USER, new RegExp(OLD));
    await user.goto(linkIn(invitation.text, /\/utstyr\/bytte\/[0-9a-f-]{36}/));
    await expect(user.getByTestId('eqc-status')).toContainText('Byttet er fullført', { timeout: 30_000 });
    await expect(user.getByTestId('eqc-steps').locator('tbody tr')).toHaveCount(9);
    await settled(user);
    await checkAndShoot(user, 'campaign-user-done', (n) => info.outputPath(n));
  } finally {
    await context.close();
  }
});

test('a rejection needs a reason and reaches the user; the pages work in English; an unknown link is a sentence', async ({ browser }, info) => {
  test.setTimeout(240_000);
  const invitation = await mailTo(admin, USER, new RegExp(OLD_REJECTED));
  const userLink = linkIn(invitation.text, /\/utstyr\/bytte\/[0-9a-f-]{36}/);
  const user = await newPage(browser, 'en');
  try {
    await signInByApi(user.context.request, 'municipality');
    await user.page.goto(userLink);
    await expect(user.page.getByRole('heading', { level: 1, name: 'PC replacement' })).toBeVisible({ timeout: 30_000 });
    await settled(user.page);
    await checkAndShoot(user.page, 'campaign-user-en', (n) => info.outputPath(n));
    await user.page.getByRole('radio', { name: MODELS[1] }).check();
    await user.page.getByLabel('Your unit (optional)').fill('Skole');
    await user.page.getByRole('button', { name: 'Send for approval' }).click();
    // No approver for «Skole»: the order goes to the fallback.
    await expect(user.page.getByTestId('eqc-status')).toContainText(`waiting for approval by ${APPROVER.name}`, { timeout: 30_000 });
  } finally {
    await user.context.close();
  }

  const mails = await (await admin.get('/api/outbox')).json() as { messages: TMail[] };
  const link = linkIn(mails.messages.find((m) => m.to === APPROVER.email && m.text.includes(OLD_REJECTED))!.text, /\/utstyr\/godkjenning\?token=[\w-]+/);
  expect(link).not.toBe(approvalLink);
  const manager = await newPage(browser, 'en');
  try {
    await manager.page.goto(link);
    await expect(manager.page.getByRole('heading', { level: 1, name: 'Approval of a new PC' })).toBeVisible({ timeout: 30_000 });
    await settled(manager.page);
    await checkAndShoot(manager.page, 'campaign-approval-en', (n) => info.outputPath(n));
    await manager.page.getByRole('button', { name: 'Reject' }).click();
    await expect(manager.page.getByRole('alert').filter({ hasText: 'Give a reason for the rejection.' })).toBeVisible();
    await manager.page.getByLabel('Reason, if you reject').fill('Vent til budsjettet for 2027');
    await manager.page.getByRole('button', { name: 'Reject' }).click();
    await expect(manager.page.getByRole('heading', { level: 1, name: 'The order is rejected' })).toBeVisible({ timeout: 30_000 });
  } finally {
    await manager.context.close();
  }
  expect((await mailTo(admin, USER, /avslått/)).text).toContain('Vent til budsjettet for 2027');

  // In bokmål the user reads the rejection with its reason, and may order again.
  const again = await newPage(browser);
  try {
    await signInByApi(again.context.request, 'municipality');
    await again.page.goto(userLink);
    await expect(again.page.getByTestId('eqc-status')).toContainText('Avslått', { timeout: 30_000 });
    await expect(again.page.getByTestId('eqc-status')).toContainText('Begrunnelse: Vent til budsjettet for 2027');
    await expect(again.page.getByRole('button', { name: 'Send til godkjenning' })).toBeVisible();
    await expect(again.page.getByRole('button', { name: 'Utsett byttet' })).toHaveCount(0);

    // A link cut short or made up: the same plain sentence, no error code.
    await again.page.goto(`/utstyr/godkjenning?token=${'x'.repeat(32)}`);
    await expect(again.page.getByRole('heading', { level: 1, name: 'Lenken kan ikke brukes' })).toBeVisible({ timeout: 30_000 });
    await again.page.goto('/utstyr/godkjenning');
    await expect(again.page.getByRole('heading', { level: 1, name: 'Lenken kan ikke brukes' })).toBeVisible({ timeout: 30_000 });
    await settled(again.page);
    expect(await pageProblems(again.page)).toEqual([]);
  } finally {
    await again.context.close();
  }
});
