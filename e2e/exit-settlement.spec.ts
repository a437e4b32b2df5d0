// The exit settlement on /okonomi, through the pages: staff make a draft for Midsund (left ROR-IKT on
// 31.12.2019 in the demo), are told why it cannot be made by the key (the demo has no key for 2019), make
// it with a decided amount, are refused a decision without the case number, decide it, and read the
// table; the council reads the same table without the forms; the section passes axe and fits 320 px.
// Only the last checks call the API, to verify what a municipality user may read.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { signInByApi, signInThroughPage } from './support/accounts';
import { WCAG_TAGS } from './support/pages';

const n = (s: string) => s.replace(/ /g, '\u202f');

test('staff make, fill and decide an exit settlement by the pages, and the council reads its table', async ({ page, browser }) => {
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

  // Verified through the API: Molde's municipality user reads none of it; the public gets 401.
  const member = await browser.newPage();
  await signInByApi(member.request, 'municipality');
  expect(await (await member.request.get('/api/economy/exit-settlements')).json()).toEqual({ settlements: [], leaving: [] });
  await member.close();
  const anonymous = await browser.newPage();
  expect((await anonymous.request.get('/api/economy/exit-settlements')).status()).toBe(401);
  await anonymous.close();
});
