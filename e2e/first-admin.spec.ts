// A fresh install is taken into use (issue 8): samrad started with SAMRAD_DEMO=off on empty storage of
// its own prints a one-time set-up link; a person follows it in the browser, creates the first admin
// and the cooperation, and ends signed in on the admin pages. The link is dead afterwards. Also: the
// demo server (every other spec's) shows its Demo banner.
import { expect, test } from '@playwright/test';
import { startFreshInstall, type TOwnServer } from './support/own-server';
import { openHeaderMenu } from './support/accounts';
import { png } from '../src/test/images';

let server: TOwnServer | undefined;

test.afterAll(async () => {
  await server?.stop();
});

test('a fresh install prints a set-up link that makes the first admin and the cooperation, once', async ({ browser }) => {
  test.setTimeout(240_000);
  server = await startFreshInstall('samrad_e2e_setup_');
  const link = server.setupLink;

  const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Sett opp samrad' })).toBeVisible();
  // No demo here, so no banner; and at 320 px nothing scrolls sideways.
  await expect(page.getByRole('region', { name: 'Demo' })).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);

  // Filled from the keyboard, field to field with Tab, as the labels order them.
  await page.getByLabel('Fullt navn').focus();
  for (const value of ['Ingrid Drift', 'ingrid.drift@ror-ikt.no', 'grønn kaffekopp under brua', 'Romsdal IKT-samarbeid', 'ROR-IKT', '974 760 673', 'Molde', '1506']) {
    await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
  await expect(page.getByLabel('Etablert')).toBeFocused();
  await page.getByLabel('Etablert').fill('2006-01-01');
  await page.getByLabel('Organisasjonsnummer').press('Enter');

  await expect(page).toHaveURL(/\/admin/);
  // At 320 px the header folds the navigation and «Logg ut» behind «Meny».
  await openHeaderMenu(page);
  await expect(page.getByRole('button', { name: 'Logg ut' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Administrasjon' })).toBeVisible();
  const me = await (await page.request.get('/api/auth/me')).json();
  expect(me.user).toMatchObject({ email: 'ingrid.drift@ror-ikt.no', name: 'Ingrid Drift', role: 'admin' });
  const cooperation = await (await page.request.get('/api/cooperation')).json();
  expect(cooperation).toMatchObject({ name: 'Romsdal IKT-samarbeid', shortName: 'ROR-IKT', organisationNumber: '974760673', founded: '2006-01-01' });
  await expect(page.getByRole('table').getByRole('cell', { name: 'Molde', exact: true }).first()).toBeVisible();

  // The cooperation made by the set-up is in the admin pages, and its particulars and letterhead are kept there.
  await page.getByRole('link', { name: 'Samarbeidet', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Samarbeidet Romsdal IKT-samarbeid' })).toBeVisible();
  await expect(page.getByLabel('Organisasjonsnummer')).toHaveValue('974760673');
  await page.getByLabel('Organisasjonsnummer').fill('974760674');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByText('Organisasjonsnummeret er ikke gyldig (kontrollsifferet stemmer ikke)').first()).toBeVisible();
  await page.getByLabel('Organisasjonsnummer').fill('974760673');
  await page.getByLabel('Samarbeidsform').selectOption({ label: 'Vertskommunesamarbeid (kommuneloven § 20-1)' });
  await page.getByLabel('Adresse').fill('Postboks 1\n6401 Molde');
  await page.getByRole('button', { name: 'Lagre' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Samarbeidet er lagret' })).toBeVisible();
  await page.getByLabel('Logo', { exact: true }).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png(60, 30) });
  await page.getByRole('button', { name: 'Last opp logo' }).click();
  await expect(page.getByRole('img', { name: 'Logoen til Romsdal IKT-samarbeid' })).toBeVisible();
  expect(await (await page.request.get('/api/cooperation')).json()).toMatchObject({
    form: 'vertskommune', address: 'Postboks 1\n6401 Molde', logo: { contentType: 'image/png' },
  });

  // The link is spent: a second visit is refused with a message and creates nothing.
  const other = await browser.newContext({ baseURL: server.baseURL });
  const again = await other.newPage();
  await again.goto(link);
  await again.getByLabel('Fullt navn').fill('Noen Andre');
  await again.getByLabel('E-post').fill('noen.andre@example.no');
  await again.getByLabel('Passord').fill('lilla sykkel bak fjøset');
  await again.getByLabel('Navn på samarbeidet').fill('Et annet samarbeid');
  await again.getByLabel('Kortnavn').fill('ANNET');
  await again.getByLabel('Organisasjonsnummer').fill('974760673');
  await again.getByLabel('Vertskommune', { exact: true }).fill('Aukra');
  await again.getByLabel('Etablert').fill('2010-01-01');
  await again.getByRole('button', { name: 'Opprett administrator og samarbeid' }).click();
  await expect(again.getByRole('alert')).toContainText('Oppsettlenken er allerede brukt');
  expect((await again.request.get('/api/auth/me')).status()).toBe(401);
  const users = await (await page.request.get('/api/users')).json();
  expect(users.users.map((u: { email: string }) => u.email)).toEqual(['ingrid.drift@ror-ikt.no']);
  await other.close();
  await context.close();
});

test('the demo server shows a Demo banner as a named region, in both languages', async ({ page }) => {
  await page.goto('/offentlig');
  const banner = page.getByRole('region', { name: 'Demo' });
  await expect(banner).toContainText('Dette er en demo');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('region', { name: 'Demo' })).toContainText('This is a demo');
  await page.getByRole('button', { name: 'Norsk' }).click();
});
