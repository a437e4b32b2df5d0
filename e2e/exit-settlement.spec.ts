// The exit settlement on /okonomi, through the pages: staff make a draft for Midsund (left ROR-IKT on
// 31.12.2019 in the demo), are told why it cannot be made by the key (the demo has no key for 2019), make
// it with a decided amount, are refused a decision without the case number, decide it, and read the
// table; the council reads the same table without the forms; the section passes axe and fits 320 px.
// Midsund's municipality user reads it on /okonomi, read-only; Molde's sees none. Only the account for
// Midsund is made through the API, and the last checks call it to verify what Molde's user may read.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { signInByApi, signInThroughPage } from './support/accounts';
import { WCAG_TAGS } from './support/pages';

const n = (s: string) => s.replace(/ /g, '\u202f');

test('staff make, fill and decide an exit settlement by the pages, and the council reads its table', async ({ page, browser, baseURL }) => {
  test.setTimeout(180_000);
  await signInThroughPage(page, 'staff');
  await page.goto('/okonomi?year=2023&asOf=2023-12-01');
  const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Utmeldingsoppgjør' }) });
  await expect(section.getByText('Ingen utmeldingsoppgjør ennå.')).toBeVisible({ timeout: 30_000 });

  const form = section.getByTestId('exit-settlement-form');
  await form.getByLabel('Utmelding').selectOption({ label: 'Midsund, siste medlemsdag 31.12.2019' });
  await expect(form.getByLabel('Grunnlag for oppgjøret')).toHaveValue('nokkel');
  // By keyboard: the button takes Enter.
  await form.getByRole('button', { name: 'Lag utkast' }).focus();
  await page.keyboard.press('Enter');
  await expect(form.getByRole('alert')).toContainText('Fordelingsnøkkelen for 2019 er ikke registrert; registrer den, eller lag oppgjøret med vedtatt beløp');
  await form.getByLabel('Grunnlag for oppgjøret').selectOption({ label: 'Bare vedtatte beløp' });
  await form.getByRole('button', { name: 'Lag utkast' }).click();

  const table = section.getByTestId('exit-settlement-table');
  await expect(table.locator('caption')).toHaveText('Utmeldingsoppgjør Midsund 31.12.2019 (kr)');
  await expect(section.getByTestId('exit-settlement-status')).toHaveText('Utkast, ikke vedtatt');
  // Midsund has its settlement now: no leaving is left to settle, so the new-settlement form is gone.
  await expect(section.getByTestId('exit-settlement-form')).toHaveCount(0);

  await section.getByText('Endre eller vedta: Utmeldingsoppgjør Midsund 31.12.2019 (kr)').click();
  const lineForm = section.getByRole('form', { name: 'Vedtatt beløp' });
  await lineForm.getByLabel('Tekst').fill('Andel av disposisjonsfond etter avtale');
  await lineForm.getByLabel('Beløp (kr)').fill('1 250 000');
  await lineForm.getByRole('button', { name: 'Legg til beløp' }).click();
  await expect(table.getByRole('row', { name: /Andel av disposisjonsfond/ })).toBeVisible();
  await lineForm.getByLabel('Tekst').fill('Utmeldt kommunes del av lisensavtale');
  await lineForm.getByLabel('Beløp (kr)').fill('−40 000');
  await lineForm.getByRole('button', { name: 'Legg til beløp' }).click();
  await expect(table.getByRole('row', { name: /lisensavtale/ })).toBeVisible();
  await expect(section.getByTestId('exit-settlement-sum')).toHaveText(n('1 210 000'));

  const decideForm = section.getByRole('form', { name: 'Vedta oppgjøret' });
  await decideForm.getByRole('button', { name: 'Vedta' }).click();
  await expect(decideForm.getByText('Vedtaksreferanse (saksnummer) må fylles ut').first()).toBeVisible();
  await decideForm.getByLabel('Saksnummer (vedtak)').fill('2019/M6-004');
  await decideForm.getByRole('button', { name: 'Vedta' }).click();
  await expect(section.getByTestId('exit-settlement-status')).toHaveText('Vedtatt i sak 2019/M6-004');
  // Decided: the forms are gone, the table stays.
  await expect(section.getByRole('form', { name: 'Vedta oppgjøret' })).toHaveCount(0);

  const rows = table.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  await expect(rows).toHaveCount(2);
  await expect(table.getByRole('row', { name: /Andel av disposisjonsfond/ }).getByRole('cell')).toHaveText(['vedtatt beløp', '', '', n('1 250 000')]);
  await expect(table.getByRole('row', { name: /lisensavtale/ }).getByRole('cell')).toHaveText(['vedtatt beløp', '', '', `\u2212${n('40 000')}`]);

  const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).include('section:has(#exit-settlement-heading)').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.setViewportSize({ width: 320, height: 800 });
  await expect(table).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await section.screenshot({ path: test.info().outputPath('exit-settlement-320.png') });

  // The council reads the same table, without any form.
  const council = await browser.newPage();
  await signInThroughPage(council, 'council');
  await council.goto('/okonomi?year=2023&asOf=2023-12-01');
  const read = council.locator('section', { has: council.getByRole('heading', { level: 2, name: 'Utmeldingsoppgjør' }) });
  const councilTable = read.getByTestId('exit-settlement-table');
  await expect(councilTable.locator('tbody tr').first()).toBeVisible({ timeout: 30_000 });
  await expect(councilTable.locator('tbody tr')).toHaveCount(2);
  await expect(read.getByTestId('exit-settlement-sum')).toHaveText(n('1 210 000'));
  await expect(read.getByTestId('exit-settlement-status')).toHaveText('Vedtatt i sak 2019/M6-004');
  await expect(read.getByTestId('exit-settlement-form')).toHaveCount(0);
  await expect(read.getByText(/^Endre eller vedta/)).toHaveCount(0);
  await council.close();

  // A user of Midsund reads Midsund's settlement on /okonomi, read-only; the account is made through the
  // API (the accounts page has its own spec).
  const admin = await browser.newPage();
  await signInByApi(admin.request, 'admin');
  const { municipalities } = await (await admin.request.get('/api/municipalities')).json() as { municipalities: { id: string; name: string }[] };
  const midsundUser = { email: `midsund-${Date.now().toString(36)}@example.no`, password: 'Fjordbris-over-taket-7' };
  const made = await admin.request.post('/api/users', {
    data: { ...midsundUser, name: 'Midsund-bruker', role: 'municipality', municipalityId: municipalities.find((m) => m.name === 'Midsund')!.id },
    headers: { origin: baseURL! },
  });
  expect(made.status(), await made.text()).toBe(201);
  await admin.close();
  const midsundContext = await browser.newContext();
  const midsund = await midsundContext.newPage();
  await midsund.goto('/logg-inn');
  await midsund.getByLabel('E-post').fill(midsundUser.email);
  await midsund.getByLabel('Passord').fill(midsundUser.password);
  await midsund.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await midsund.getByRole('link', { name: 'Økonomi' }).first().click({ timeout: 30_000 });
  const own = midsund.locator('section', { has: midsund.getByRole('heading', { level: 2, name: 'Utmeldingsoppgjør' }) });
  await expect(own.getByTestId('exit-settlement-table').locator('caption')).toHaveText('Utmeldingsoppgjør Midsund 31.12.2019 (kr)', { timeout: 30_000 });
  await expect(own.getByTestId('exit-settlement-sum')).toHaveText(n('1 210 000'));
  await expect(own.getByTestId('exit-settlement-status')).toHaveText('Vedtatt i sak 2019/M6-004');
  await expect(own.getByTestId('exit-settlement-form')).toHaveCount(0);
  const ownAxe = await new AxeBuilder({ page: midsund }).withTags(WCAG_TAGS).analyze();
  expect(ownAxe.violations.map((v) => v.id)).toEqual([]);
  await midsundContext.close();

  // Molde's user sees no other municipality's settlement, on the page or through the API; the public gets 401.
  const member = await browser.newPage();
  await signInThroughPage(member, 'municipality');
  await member.goto('/okonomi');
  await expect(member.getByText('Din kommune har ikke noe utmeldingsoppgjør.')).toBeVisible({ timeout: 30_000 });
  await expect(member.getByTestId('exit-settlement-table')).toHaveCount(0);
  await expect(member.getByText('Midsund')).toHaveCount(0);
  expect(await (await member.request.get('/api/economy/exit-settlements')).json()).toEqual({ settlements: [], leaving: [] });
  await member.close();
  const anonymous = await browser.newPage();
  expect((await anonymous.request.get('/api/economy/exit-settlements')).status()).toBe(401);
  await anonymous.close();
});
