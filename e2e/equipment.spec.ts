// The equipment pages on the demo: the PC status table per 28.11.2023 on the page is seed 000 §2.1.1
// figure by figure (Sum 798 / 488 / 320 / 30 / 1 182), reached from the main menu and by keyboard; every
// equipment page reflows at 320 px with zero axe violations; and a municipality user sees only their own
// municipality's PCs and table rows (another's is refused by the server, not hidden by the page).
import { expect, test, type Page } from '@playwright/test';
import { PC_STATUS_DATE, SEED_000_PC_STATUS } from '../demo/equipment';
import { signInThroughPage } from './support/accounts';
import { pageProblems, settled } from './support/pages';

const NB = '\u202f';
const n = (v: number) => String(v).replace(/\B(?=(\d{3})+(?!\d))/g, NB);
const NAMES = { aukra: 'Aukra', molde: 'Molde', rauma: 'Rauma', vestnes: 'Vestnes', hustadvika: 'Hustadvika' } as const;
const mustOrder = (f: { expired: number; expiring: number; inStock: number; ordered: number }) => Math.max(0, f.expired + f.expiring - f.inStock - f.ordered);

async function cellsOf(page: Page, testId: string) {
  return (await page.getByTestId(testId).locator('td').allTextContents()).map((s) => s.trim());
}

test('staff read seed 000’s PC table per 28.11.2023 on the page, by keyboard and at 320 px', async ({ page }) => {
  await signInThroughPage(page, 'staff');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Utstyr' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rullering av PC-er' })).toBeVisible();

  // The date is chosen in the form, as a person would, once the newest table is there: the form takes
  // the server's date when it arrives, and would drop a date typed before.
  await expect(page.getByTestId('eq-status-table')).toBeVisible();
  await page.getByLabel('Status per').fill(PC_STATUS_DATE);
  await expect(page.getByLabel('Status per')).toHaveValue(PC_STATUS_DATE);
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect(page).toHaveURL(/asOf=2023-11-28/);
  const table = page.getByTestId('eq-status-table');
  await expect(table.getByRole('columnheader')).toHaveText([
    'Kommune', 'Kategori', 'Utgått 2022', 'Utgår 2023', 'På lager 28.11', 'Bestilt ikke levert', 'Må bestilles', 'Må bestilles, kommunen',
  ]);
  for (const [key, name] of Object.entries(NAMES) as [keyof typeof NAMES, string][]) {
    const figures = SEED_000_PC_STATUS[key];
    const total = mustOrder(figures.ansatt) + mustOrder(figures.elev);
    for (const category of ['ansatt', 'elev'] as const) {
      const f = figures[category];
      const expected = [f.expired, f.expiring, f.inStock, f.ordered, mustOrder(f)].map(n);
      await expect.poll(() => cellsOf(page, `eq-status-${name}-${category}`)).toEqual(category === 'ansatt' ? [...expected, n(total)] : expected);
    }
  }
  await expect.poll(() => cellsOf(page, 'eq-status-sum')).toEqual(['798', '488', '320', '30', `1${NB}182`, `1${NB}182`]);

  // Narrowed to one municipality, the Sum is that municipality's.
  await page.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Hustadvika' });
  await page.getByRole('button', { name: 'Vis' }).click();
  await expect.poll(() => cellsOf(page, 'eq-status-sum')).toEqual(['368', '238', '6', '0', '600', '600']);
  await expect(table.locator('tbody tr')).toHaveCount(2);

  // At 320 px the page does not scroll sideways; the table scrolls in its own region, which the keyboard reaches.
  await page.goto(`/utstyr?asOf=${PC_STATUS_DATE}`);
  await page.setViewportSize({ width: 320, height: 640 });
  await settled(page);
  expect(await pageProblems(page)).toEqual([]);
  const region = page.locator('[data-scroll-region]').filter({ has: table });
  await expect(region).toHaveAttribute('tabindex', '0');
  await page.locator('#main').focus();
  let reached = false;
  for (let i = 0; i < 15 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await region.evaluate((el) => el === document.activeElement);
  }
  expect(reached, 'the table region is reached with Tab').toBe(true);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
});

test('every equipment page reflows at 320 px with zero axe violations; screenshots at 1366 and 390', async ({ page }, info) => {
  test.setTimeout(240_000); // four pages, each loaded four times with axe and screenshots
  await signInThroughPage(page, 'staff');
  for (const path of [`/utstyr?asOf=${PC_STATUS_DATE}`, '/utstyr/pc-er?maned=2023-11', '/utstyr/lager', '/utstyr/import']) {
    for (const width of [1366, 320]) {
      await page.setViewportSize({ width, height: 800 });
      await page.goto(path);
      await settled(page);
      expect(await pageProblems(page), `${path} at ${width} px`).toEqual([]);
    }
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await settled(page);
      const name = path.replace(/[/?=]/g, '_').replace(/^_/, '');
      // The device list is a hundred rows long: its screenshot is the first screen.
      await page.screenshot({ path: info.outputPath(`${name}-${width}.png`), fullPage: !path.includes('pc-er'), timeout: 60_000 });
    }
  }
});

test('staff import a device export: a bad row refuses the file, a good one is previewed and imported', async ({ page }) => {
  await signInThroughPage(page, 'staff');
  await page.goto('/utstyr/import');
  const header = 'Device name;Serial number;Model;Primary user UPN;Ownership;Kommune;Last check-in;Purchase date';
  await page.getByLabel('Måneden eksporten gjelder (ÅÅÅÅ-MM)').fill('2024-01');
  const file = page.getByLabel('Fil (CSV eller XLSX)');
  await file.setInputFiles({ name: 'intune-feil.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\nE2E-1;E2E001;Latitude;a@molde.no;Corporate;Molde;15.01.2024 08:00;01.01.2020\nE2E-2;E2E002;Latitude;;Leasing;Sunndal;15.01.2024 08:00;\n`) });
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  await expect(page.getByTestId('sd-import-issues')).toContainText('Rad 3');
  await file.setInputFiles({ name: 'intune.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\nE2E-1;E2E001;Latitude;a@molde.no;Corporate;Molde;15.01.2024 08:00;01.01.2020\nE2E-2;E2E002;Chromebook;;Elev;Rauma;12.12.2023 08:00;\n`) });
  await page.getByRole('button', { name: 'Forhåndsvis' }).click();
  const preview = page.getByTestId('eq-import-preview');
  await expect(preview.getByRole('row', { name: /E2E002/ })).toContainText('Rauma');
  await page.getByRole('button', { name: 'Importer 2 rader' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Importert: 2 rader, 2 nye PC-er, 1 pålogget i måneden.' })).toBeVisible();
  await page.goto('/utstyr/pc-er?q=E2E&maned=2024-01');
  await expect(page.getByTestId('eq-devices').locator('tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('eq-devices').locator('tbody tr')).toContainText('E2E001');
});

test('a municipality user sees only their own municipality’s PCs and rows', async ({ page }) => {
  await signInThroughPage(page, 'municipality');
  await page.getByRole('navigation', { name: 'Hovedmeny' }).getByRole('link', { name: 'Utstyr' }).click();
  await page.getByRole('navigation', { name: 'Utstyr' }).getByRole('link', { name: 'PC-er' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'PC-er' })).toBeVisible();
  await expect(page.getByText('PC-ene i Molde')).toBeVisible();
  // No municipality choice is offered; every row of the list is Molde's.
  await expect(page.getByLabel('Kommune', { exact: true })).toHaveCount(0);
  await expect(page.getByTestId('eq-devices').locator('tbody tr').first()).toBeVisible();
  const column = await page.getByTestId('eq-devices').locator('tbody tr td:nth-child(4)').allTextContents();
  expect(column.length).toBeGreaterThan(0);
  expect(new Set(column)).toEqual(new Set(['Molde']));
  expect(await pageProblems(page)).toEqual([]);

  await page.goto(`/utstyr?asOf=${PC_STATUS_DATE}`);
  const molde = SEED_000_PC_STATUS.molde;
  await expect(page.getByTestId('eq-status-table').locator('tbody tr')).toHaveCount(2);
  await expect.poll(() => cellsOf(page, 'eq-status-Molde-elev')).toEqual([molde.elev.expired, molde.elev.expiring, molde.elev.inStock, molde.elev.ordered, mustOrder(molde.elev)].map(n));

  // Another municipality's devices and rows are refused by the server.
  const { municipalities } = (await (await page.request.get('/api/municipalities')).json()) as { municipalities: { id: string; name: string }[] };
  const rauma = municipalities.find((m) => m.name === 'Rauma')!;
  expect((await page.request.get(`/api/equipment/devices?municipalityId=${rauma.id}`)).status()).toBe(403);
  expect((await page.request.get(`/api/equipment/status?asOf=${PC_STATUS_DATE}&municipalityId=${rauma.id}`)).status()).toBe(403);
  const own = (await (await page.request.get('/api/equipment/devices?limit=500')).json()) as { devices: { municipality: string }[]; total: number };
  expect(new Set(own.devices.map((d) => d.municipality))).toEqual(new Set(['Molde']));
});

test('staff count stock, order, deliver and retire a PC on the forms; the status table moves with each', async ({ page }) => {
  test.setTimeout(180_000);
  // After the paper's date, so seed 000's figures per 28.11.2023 stay as they are; Aukra runs no campaign.
  const AS_OF = '2023-11-30';
  const seed = SEED_000_PC_STATUS.aukra.elev;
  const expectRow = async (f: { expired: number; expiring: number; inStock: number; ordered: number }) => {
    await page.goto(`/utstyr?asOf=${AS_OF}`);
    await expect(page.getByTestId('eq-status-Aukra-elev')).toBeVisible();
    await expect.poll(() => cellsOf(page, 'eq-status-Aukra-elev')).toEqual([f.expired, f.expiring, f.inStock, f.ordered, mustOrder(f)].map(n));
  };
  await signInThroughPage(page, 'staff');
  await expectRow(seed);

  await page.goto('/utstyr/lager');
  const count = page.getByRole('form', { name: 'Registrer en lagertelling' });
  await count.getByLabel('Kommune').selectOption({ label: 'Aukra' });
  await count.getByLabel('Kategori').selectOption({ label: 'Elev' });
  await count.getByLabel('Antall på lager').fill('9');
  await count.getByLabel('Telt dato').fill('2023-11-29');
  await count.getByRole('button', { name: 'Registrer tellingen' }).click();
  await expect(page.getByTestId('eqf-count-saved')).toContainText('9 på lager i Aukra (Elev) per 29.11.2023');
  await expect(page.getByTestId('eqf-count-saved')).toBeFocused();

  const order = page.getByRole('form', { name: 'Registrer en bestilling' });
  await order.getByLabel('Kommune').selectOption({ label: 'Aukra' });
  await order.getByLabel('Kategori').selectOption({ label: 'Elev' });
  await order.getByLabel('Antall').fill('4');
  await order.getByLabel('Bestilt dato').fill('2023-11-29');
  await order.getByRole('button', { name: 'Registrer bestillingen' }).click();
  await expect(page.getByTestId('eqf-order-saved')).toContainText('4 til Aukra (Elev)');
  await expectRow({ ...seed, inStock: 9, ordered: 4 });

  await page.goto('/utstyr/lager');
  await page.getByRole('button', { name: /^Registrer «Levert» for bestillingen til Aukra, 4 stk/ }).click();
  const step = page.getByRole('form', { name: 'Registrer «Levert»: 4 til Aukra' });
  await expect(step.getByLabel('Dato')).toBeFocused();
  await step.getByLabel('Dato').fill('2023-11-30');
  await step.getByRole('button', { name: 'Registrer', exact: true }).click();
  await expect(page.getByTestId('eqf-step-saved')).toHaveText('Bestillingen til Aukra er nå «Levert».');
  await expectRow({ ...seed, inStock: 9, ordered: 0 });

  // One of Aukra's pupils' PCs signed in during November is handed back, wiped with proof and sent to a recycler.
  await page.goto('/utstyr/pc-er?maned=2023-11&kategori=elev&q=');
  await page.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Aukra' });
  await page.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(page).toHaveURL(/kommune=/);
  const first = page.getByTestId('eq-devices').locator('tbody tr').first();
  await expect(first).toContainText('Aukra');
  const serial = (await first.locator('td').nth(1).textContent())!.trim();
  const expiry = Number((await first.locator('td').nth(9).textContent())!.trim().slice(0, 4));
  const retire = page.getByRole('form', { name: 'Utrangering av valgte PC-er' });
  for (const [stepName, note] of [['Innlevert', ''], ['Slettet', 'Blancco 4711'], ['Levert til godkjent returselskap', 'RENAS']] as const) {
    await page.getByRole('checkbox', { name: `Velg PC ${serial} for utrangering` }).check();
    await retire.getByRole('radio', { name: stepName }).check();
    await retire.getByLabel('Dato').fill('2023-11-30');
    if (note) await retire.getByRole('textbox', { name: /Dokumentasjon på slettingen|Godkjent returselskap/ }).fill(note);
    await retire.getByRole('button', { name: 'Registrer for 1 PC-er' }).click();
    await expect(page.getByTestId('eqf-retire-saved')).toHaveText(`Registrert «${stepName}» for ${serial}.`);
  }
  await expect(page.getByTestId(`eq-device-${serial}`)).toContainText('Levert til godkjent returselskap');
  await expectRow({ ...seed, expired: seed.expired - (expiry < 2023 ? 1 : 0), expiring: seed.expiring - (expiry === 2023 ? 1 : 0), inStock: 9, ordered: 0 });
});
