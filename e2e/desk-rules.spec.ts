// The service desk's rules in the admin pages (issue 12): the admin changes a category's portal text and
// an SLA target, and the portal shows the new text; a save on a document someone else has saved since is
// refused with a message and the form reopens on what is stored; a bad value is refused at its field;
// a municipality gets rules of its own with a calendar added and one deleted (a calendar a priority uses
// cannot be), and is taken back to the cooperation's rules. The demo's rules are put back afterwards,
// so the other specs find ROR-IKT's document as loaded and Vestnes without rules of its own.
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { signInByApi, signInThroughPage } from './support/accounts';
import { useLanguage } from './support/pages';

type TPolicy = { document: Record<string, unknown> & { categoryGuide: Record<string, { description: string; examples: string[] }> }; revision: number; isDefault: boolean };

const PAGE = '/admin?fane=kundeservice';
// The demo's sixth and fourth categories (DEMO_CATEGORIES): the form numbers its rows from 1.
const PRINTERS = { row: 'Kategori 6', name: 'Skrivere/multimaskiner' };
const ADVICE = { row: 'Kategori 4', name: 'Rådgiving' };

let cooperationId: string;
let demoRules: TPolicy['document'];

async function readRules(page: Page): Promise<TPolicy> {
  const res = await page.request.get(`/api/servicedesk/policy?cooperationId=${cooperationId}`);
  expect(res.status()).toBe(200);
  return await res.json() as TPolicy;
}

async function openRules(page: Page) {
  await page.goto(PAGE);
  // The first render waits for the cooperation and the document; slow when the machine is loaded.
  await expect(page.getByRole('heading', { level: 2, name: 'Reglene for kundeservice' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('group', { name: PRINTERS.row, exact: true }).getByLabel('Navn')).toHaveValue(PRINTERS.name, { timeout: 30_000 });
}

async function asAdmin(browser: Browser) {
  const context = await browser.newContext();
  await signInByApi(context.request, 'admin');
  return context;
}

test.beforeAll(async ({ browser }) => {
  const context = await asAdmin(browser);
  cooperationId = ((await (await context.request.get('/api/cooperation')).json()) as { id: string }).id;
  const res = await context.request.get(`/api/servicedesk/policy?cooperationId=${cooperationId}`);
  demoRules = ((await res.json()) as TPolicy).document;
  await context.close();
});

test.afterAll(async ({ browser }) => {
  const context = await asAdmin(browser);
  const current = (await (await context.request.get(`/api/servicedesk/policy?cooperationId=${cooperationId}`)).json()) as TPolicy;
  const res = await context.request.put('/api/servicedesk/policy', { data: { cooperationId, document: demoRules, revision: current.revision } });
  expect(res.status()).toBe(200);
  // Vestnes follows the cooperation's rules in the demo: a test that stopped half-way leaves none of its own.
  const vestnes = await municipalityId(context.request, 'Vestnes');
  const own = (await (await context.request.get(`/api/servicedesk/policy?cooperationId=${cooperationId}&municipalityId=${vestnes}`)).json()) as TPolicy;
  if (!own.isDefault) {
    const gone = await context.request.delete(`/api/servicedesk/policy?cooperationId=${cooperationId}&municipalityId=${vestnes}&revision=${own.revision}`);
    expect(gone.status()).toBe(204);
  }
  await context.close();
});

async function municipalityId(request: APIRequestContext, name: string): Promise<string> {
  const res = await request.get('/api/municipalities');
  expect(res.status()).toBe(200);
  const found = ((await res.json()) as { municipalities: { id: string; name: string }[] }).municipalities.find((m) => m.name === name);
  expect(found, name).toBeTruthy();
  return found!.id;
}

test('the admin changes a category\'s portal text and an SLA target; the portal shows the text', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signInThroughPage(page, 'admin');
  const before = await readRules(page);
  await openRules(page);
  // Molde, which follows the cooperation's rules, is looked at first: after the save it must show the new ones.
  const scope = page.getByLabel('Reglene gjelder for');
  await scope.selectOption({ label: 'Molde' });
  await expect(page.getByText('Molde har ikke egne regler', { exact: false })).toBeVisible({ timeout: 30_000 });
  await scope.selectOption({ label: 'Hele samarbeidet' });
  const description = 'Utskrift, kopiering og skanning på alle kontorets maskiner (endret i e2e).';
  await page.getByRole('group', { name: PRINTERS.row, exact: true }).getByLabel('Beskrivelse i portalen').fill(description);
  await page.getByRole('group', { name: 'Høy', exact: true }).getByLabel('Løsning', { exact: true }).fill('6');
  await page.getByRole('button', { name: 'Lagre reglene' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reglene er lagret.' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(`Versjon ${before.revision + 1}`, { exact: true })).toBeVisible();
  // The form is reopened on the saved document.
  await expect(page.getByRole('group', { name: 'Høy', exact: true }).getByLabel('Løsning', { exact: true })).toHaveValue('6');

  await scope.selectOption({ label: 'Molde' });
  await expect(page.getByRole('group', { name: PRINTERS.row, exact: true }).getByLabel('Beskrivelse i portalen')).toHaveValue(description, { timeout: 30_000 });
  await expect(page.getByRole('group', { name: 'Høy', exact: true }).getByLabel('Løsning', { exact: true })).toHaveValue('6');

  const after = await readRules(page);
  expect(after.revision).toBe(before.revision + 1);
  expect((after.document.targets as { hoy: { resolution: unknown } }).hoy.resolution).toEqual({ value: 6, unit: 'hours' });
  expect(after.document.categoryGuide[PRINTERS.name]?.description).toBe(description);

  // A municipality user choosing the category in the portal reads the new text.
  const portal = await browser.newContext();
  await signInByApi(portal.request, 'municipality');
  const portalPage = await portal.newPage();
  await portalPage.goto('/kundeservice');
  await portalPage.getByLabel('Kategori', { exact: true }).selectOption({ label: PRINTERS.name }, { timeout: 30_000 });
  // Under the field (the chosen category's hint) and in «Hvilken kategori skal jeg velge?».
  await expect(portalPage.getByText(description).first()).toBeVisible();
  await expect(portalPage.getByText(description)).toHaveCount(2);
  await portal.close();
});

test('a save on rules someone else has saved since is refused, and the form reopens on theirs', async ({ page }) => {
  test.setTimeout(180_000);
  await signInThroughPage(page, 'admin');
  await openRules(page);
  const advice = page.getByRole('group', { name: ADVICE.row, exact: true }).getByLabel('Beskrivelse i portalen');
  await advice.fill('Min endring, som ikke blir lagret');

  // Meanwhile another admin saves through the API.
  const current = await readRules(page);
  const theirs = 'Råd før du kjøper eller endrer noe (lagret av en annen).';
  const document = { ...current.document, categoryGuide: { ...current.document.categoryGuide, [ADVICE.name]: { description: theirs, examples: [] } } };
  const res = await page.request.put('/api/servicedesk/policy', { data: { cooperationId, document, revision: current.revision } });
  expect(res.status()).toBe(200);

  await page.getByRole('button', { name: 'Lagre reglene' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Noen andre lagret reglene mens du redigerte' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText(`versjon ${current.revision + 1}`);
  await expect(alert).toBeFocused();
  await expect(advice).toHaveValue(theirs);
  await expect(page.getByText(`Versjon ${current.revision + 1}`, { exact: true })).toBeVisible();
  expect((await readRules(page)).document.categoryGuide[ADVICE.name]?.description).toBe(theirs);

  // Made again on the stored revision, the change goes through.
  await advice.fill('Råd før du kjøper eller endrer noe.');
  await page.getByRole('button', { name: 'Lagre reglene' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reglene er lagret.' })).toBeVisible({ timeout: 30_000 });
  await expect(alert).toHaveCount(0);
  expect((await readRules(page)).revision).toBe(current.revision + 2);
});

test('a bad value is refused at its field; rows are added and removed by keyboard', async ({ page }) => {
  test.setTimeout(180_000);
  await signInThroughPage(page, 'admin');
  await openRules(page);
  const before = await readRules(page);
  const resolution = page.getByRole('group', { name: 'Kritisk', exact: true }).getByLabel('Løsning', { exact: true });
  await resolution.fill('0');
  await page.getByRole('button', { name: 'Lagre reglene' }).click();
  // The summary names the priority and links to the field, which carries the server's message.
  const link = page.getByRole('link', { name: 'Kritisk, løsning: Må være større enn 0' });
  await expect(link).toBeVisible({ timeout: 30_000 });
  await expect(resolution).toHaveAttribute('aria-invalid', 'true');
  await expect(resolution).toHaveAccessibleDescription(/Må være større enn 0/);
  await link.click();
  await expect(resolution).toBeFocused();
  expect((await readRules(page)).revision).toBe(before.revision);

  // A new category row takes focus; removing the last row gives focus to the one before it.
  const add = page.getByRole('button', { name: 'Legg til kategori' });
  await add.focus();
  await page.keyboard.press('Enter');
  const newName = page.getByRole('group', { name: 'Kategori 10', exact: true }).getByLabel('Navn');
  await expect(newName).toBeFocused();
  await page.keyboard.type('Opplæring');
  const remove = page.getByRole('button', { name: 'Fjern kategorien Opplæring' });
  await remove.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Kategori 10', exact: true })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Kategori 9', exact: true }).getByLabel('Navn')).toBeFocused();
  // Removing a row in the middle gives focus to the row that takes its place.
  await page.getByRole('button', { name: `Fjern kategorien ${ADVICE.name}` }).click();
  await expect(page.getByRole('group', { name: ADVICE.row, exact: true }).getByLabel('Navn')).toBeFocused();
  await expect(page.getByRole('group', { name: ADVICE.row, exact: true }).getByLabel('Navn')).toHaveValue('Standardapplikasjoner');

  // A municipality without rules of its own is shown the cooperation's, and told so.
  await page.getByLabel('Reglene gjelder for').selectOption({ label: 'Molde' });
  await expect(page.getByText('Molde har ikke egne regler og følger samarbeidets.', { exact: false })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('group', { name: ADVICE.row, exact: true }).getByLabel('Navn')).toHaveValue(ADVICE.name);
});

test('a municipality gets its own calendar, a calendar in use is not deleted, and it goes back to the cooperation\'s rules', async ({ page }) => {
  test.setTimeout(180_000);
  await signInThroughPage(page, 'admin');
  const vestnes = await municipalityId(page.request, 'Vestnes');
  const readVestnes = async () => {
    const res = await page.request.get(`/api/servicedesk/policy?cooperationId=${cooperationId}&municipalityId=${vestnes}`);
    expect(res.status()).toBe(200);
    return await res.json() as TPolicy & { document: { calendars: Record<string, { openingHours: unknown[] }>; targets: Record<string, { calendar: string }> } };
  };
  await openRules(page);
  await page.getByLabel('Reglene gjelder for').selectOption({ label: 'Vestnes' });
  await expect(page.getByText('Vestnes har ikke egne regler og følger samarbeidets.', { exact: false })).toBeVisible({ timeout: 30_000 });
  // Following the cooperation's rules already, Vestnes has nothing to go back from.
  await expect(page.getByRole('button', { name: 'Følg samarbeidets regler igjen' })).toHaveCount(0);

  // «kontortid» is the calendar of Lav, Medium and Høy: deleting it is refused, and the page says why.
  const office = page.getByRole('group', { name: 'Kalenderen «kontortid»', exact: true });
  await office.getByRole('button', { name: 'Slett kalenderen «kontortid»' }).click();
  await expect(office.getByRole('alert')).toHaveText('Kalenderen «kontortid» brukes av Lav, Medium og Høy og kan ikke slettes. Velg en annen kalender for dem under «Prioriteter og SLA-mål» først.');
  await expect(office).toBeVisible();

  // A calendar is added by keyboard: its name, Enter; focus goes to the new calendar's first field.
  const name = page.getByLabel('Navn på kalenderen');
  await name.focus();
  await page.keyboard.type('Vakttelefon');
  await page.keyboard.press('Enter');
  const onCall = page.getByRole('group', { name: 'Kalenderen «Vakttelefon»', exact: true });
  await expect(onCall).toBeVisible();
  await expect(onCall.getByLabel('Slag')).toBeFocused();
  await expect(onCall.getByRole('group', { name: 'Åpningstider' }).getByLabel('Ukedag')).toHaveCount(5);
  // The same name again, in other letters, is refused at the field.
  await name.fill('vakttelefon');
  await page.getByRole('button', { name: 'Legg til kalender' }).click();
  await expect(name).toHaveAccessibleDescription(/Det finnes alt en kalender som heter «vakttelefon»\./);
  await expect(page.getByRole('group', { name: /^Kalenderen «/ })).toHaveCount(3);

  // Kritisk moves to the new calendar; «døgnet» is then used by nobody and goes, by keyboard.
  await page.getByRole('group', { name: 'Kritisk', exact: true }).getByLabel('Kalender', { exact: true }).selectOption('Vakttelefon');
  await page.getByRole('button', { name: 'Slett kalenderen «døgnet»' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Kalenderen «døgnet»', exact: true })).toHaveCount(0);
  await expect(onCall.getByRole('button', { name: 'Slett kalenderen «Vakttelefon»' })).toBeFocused();
  // The refusal about «kontortid» gave way to the deletion that went through.
  await expect(office.getByRole('alert')).toHaveCount(0);

  await page.getByRole('button', { name: 'Lagre reglene' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Reglene er lagret.' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Vestnes har egne regler, som gjelder i stedet for samarbeidets.')).toBeVisible();
  const own = await readVestnes();
  expect(own).toMatchObject({ isDefault: false, revision: 1 });
  expect(Object.keys(own.document.calendars).sort()).toEqual(['Vakttelefon', 'kontortid']);
  expect(own.document.targets.kritisk!.calendar).toBe('Vakttelefon');
  expect(own.document.calendars.Vakttelefon!.openingHours).toHaveLength(5);
  // The cooperation's own rules are untouched.
  expect(Object.keys((await readRules(page)).document.calendars as object).sort()).toEqual(['døgnet', 'kontortid']);

  // Back to the cooperation's rules: the button asks first, then deletes Vestnes' own.
  await page.getByRole('button', { name: 'Følg samarbeidets regler igjen' }).click();
  const question = page.getByText('Da slettes de egne reglene for Vestnes', { exact: false });
  await expect(question).toBeFocused();
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByRole('button', { name: 'Følg samarbeidets regler igjen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Ja, slett de egne reglene for Vestnes' }).click();
  const followed = page.getByRole('status').filter({ hasText: 'Vestnes følger nå samarbeidets regler.' });
  await expect(followed).toBeVisible({ timeout: 30_000 });
  await expect(followed).toBeFocused();
  await expect(page.getByText('Vestnes har ikke egne regler og følger samarbeidets.', { exact: false })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Kritisk', exact: true }).getByLabel('Kalender', { exact: true })).toHaveValue('døgnet');
  await expect(page.getByRole('group', { name: 'Kalenderen «Vakttelefon»', exact: true })).toHaveCount(0);
  expect(await readVestnes()).toMatchObject({ isDefault: true, revision: 0 });
});

test('staff get the forbidden page and no admin link', async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughPage(page, 'staff');
  await expect(page.getByRole('link', { name: 'Administrasjon' })).toHaveCount(0);
  await page.goto(PAGE);
  await expect(page.getByRole('heading', { level: 1, name: 'Du har ikke tilgang til denne siden' })).toBeVisible({ timeout: 30_000 });
});

test('screenshots at 1366 and 390 px, in bokmål and English', async ({ page }, info) => {
  test.setTimeout(240_000);
  await signInThroughPage(page, 'admin');
  for (const language of ['nb', 'en'] as const) {
    await useLanguage(page.context(), language);
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(PAGE);
      await expect(page.getByRole('group', { name: /^(Kategori|Category) 6$/ }).getByRole('textbox').first()).toHaveValue(PRINTERS.name, { timeout: 30_000 });
      await page.screenshot({ path: info.outputPath(`desk-rules-${language}-${width}.png`), fullPage: true, timeout: 60_000 });
      // The page is long: slices of it, each small enough to look at.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, n = 1; y < height; y += 1400, n++) {
        await page.screenshot({ path: info.outputPath(`slices/desk-rules-${language}-${width}-${n}.png`), fullPage: true, clip: { x: 0, y, width, height: Math.min(1400, height - y) } });
      }
    }
  }
});
