// The licences page on the demo (issue 13, seed 003 2024/M2-007): staff reach it from the equipment tabs,
// read December 2024's P360 figures against the contract, import January 2025 through the page (a bad
// row refuses the file, the preview says what the import will do), see Molde over its contract and the
// new idle user among the candidates, and decide on that candidate by keyboard; a municipality user sees
// only their own municipality. The page reflows at 320 px with zero axe violations.
import { expect, test } from '@playwright/test';
import { signInThroughPage } from './support/accounts';
import { pageProblems, settled } from './support/pages';

const HEADER = 'UPN;Kommune;Siste pålogging;Pålogginger';
/** January 2025 for Molde: 140 users signed in, and one last seen in August 2024 (idle five months). */
const JANUARY = [
  HEADER,
  ...Array.from({ length: 140 }, (_, i) => `e2e.aktiv${i + 1}@molde.demo.samrad.no;Molde;${String(1 + (i % 28)).padStart(2, '0')}.01.2025;${1 + (i % 5)}`),
  'e2e.inaktiv@molde.demo.samrad.no;Molde;02.08.2024;0',
].join('\n');

test('staff import a month of P360 sign-ins and see Molde over the contract and an idle user to decide on', async ({ page }) => {
  // The import, the decision and axe at 320 px: over a minute when other runs share the machine's two cores.
  test.setTimeout(180_000);
  await signInThroughPage(page, 'staff');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Utstyr' }).click();
  await page.getByRole('navigation', { name: 'Utstyr' }).getByRole('link', { name: 'Lisenser' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Lisenser' })).toBeVisible();

  // The demo's newest month: December 2024, Molde 136 active against 130.
  await expect(page.getByRole('heading', { level: 2, name: 'Public 360: aktive brukere mot avtalen, desember 2024' })).toBeVisible();
  await expect(page.getByTestId('eql-row-Molde').locator('td')).toHaveText(['130', '136', '170', '+6', '34']);

  const file = page.getByLabel('Fil (CSV eller XLSX)');
  await page.getByLabel('Måneden rapporten gjelder (ÅÅÅÅ-MM)').fill('2025-01');
  await file.setInputFiles({ name: 'p360-feil.csv', mimeType: 'text/csv', buffer: Buffer.from(`${HEADER}\na@molde.demo.samrad.no;Molde;03.02.2025;1\n`) });
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  await expect(page.getByTestId('sd-import-issues')).toContainText('er etter måneden');

  await file.setInputFiles({ name: 'p360-2025-01.csv', mimeType: 'text/csv', buffer: Buffer.from(JANUARY) });
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  const preview = page.getByTestId('eql-import-preview');
  await expect(preview).toContainText('Måneden er ikke importert før.');
  await expect(preview.getByRole('table', { name: 'Per kommune' }).getByRole('row', { name: /Molde/ })).toContainText('141');
  await page.getByRole('button', { name: 'Importer 141 brukere' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Importert: 141 brukere, 140 aktive i januar 2025.' })).toBeVisible();

  // The month view follows the import: January is the newest month now.
  await page.getByRole('button', { name: 'Vis januar 2025' }).click();
  await expect(page).toHaveURL(/maned=2025-01/);
  await expect(page.getByRole('heading', { level: 2, name: 'Public 360: aktive brukere mot avtalen, januar 2025' })).toBeVisible();
  await expect(page.getByTestId('eql-row-Molde').locator('td')).toHaveText(['130', '140', '141', '+10', '1']);

  const candidates = page.getByTestId('eql-candidates');
  const idle = page.getByTestId('eql-candidate-e2e.inaktiv@molde.demo.samrad.no');
  await expect(idle).toBeVisible();
  await expect(candidates.locator('tbody tr')).toHaveCount(1);
  await expect(idle.locator('td')).toHaveText(['e2e.inaktiv@molde.demo.samrad.no', 'Molde', '02.08.2024', '5', 'Ikke avgjort', 'Avgjør']);

  // Decided by keyboard: the row's button opens the form on its first choice, Space takes it, Tab to the
  // comment and on to the button, Enter saves.
  await idle.getByRole('button', { name: 'Avgjør for e2e.inaktiv@molde.demo.samrad.no' }).focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Beslutning for e2e.inaktiv@molde.demo.samrad.no' });
  const keep = form.getByRole('radio', { name: 'Beholdes' });
  await expect(keep).toBeFocused();
  await page.keyboard.press('Space');
  await expect(keep).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(form.getByLabel('Kommentar (valgfri)')).toBeFocused();
  await page.keyboard.type('Har tatt e-læringskurset');
  await page.keyboard.press('Tab');
  await expect(form.getByRole('button', { name: 'Lagre beslutningen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Beslutningen for e2e.inaktiv@molde.demo.samrad.no er lagret: Beholdes.' })).toBeVisible();
  await expect(idle.locator('td').nth(4)).toContainText('Beholdes (Fred Gjørtz');
  await expect(idle.locator('td').nth(4)).toContainText('Har tatt e-læringskurset');

  await page.setViewportSize({ width: 320, height: 640 });
  await settled(page);
  expect(await pageProblems(page)).toEqual([]);
});

test('a municipality user sees their own municipality\'s row and candidates, and may not decide', async ({ page }) => {
  await signInThroughPage(page, 'municipality');
  await page.goto('/utstyr/lisenser?maned=2024-12');
  await expect(page.getByTestId('eql-row-Molde')).toBeVisible();
  await expect(page.getByTestId('eql-month').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('eql-candidates').locator('tbody tr').first()).toBeVisible();
  const municipalities = await page.getByTestId('eql-candidates').locator('tbody tr td:nth-child(2)').allTextContents();
  expect(new Set(municipalities)).toEqual(new Set(['Molde']));
  await expect(page.getByRole('button', { name: /^Avgjør/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Importer en måned' })).toHaveCount(0);
});
