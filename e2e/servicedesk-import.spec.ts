// The desk's import pages, end to end: the leader (staff) saves a column mapping for a new source tool,
// previews an export with one bad row (the error is named by row and column, and nothing is imported),
// fixes the file, imports it, and imports it again (every ticket skipped as already imported); then the
// same for the phone system's daily statistics (the second import replaces the days, nothing doubles).
// The files are dated 2019, before the demo's history, and the tickets are closed, so the other specs'
// work lists and key figures are untouched.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { signInThroughPage } from './support/accounts';

const csv = (lines: string[]) => ({ name: 'eksport.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf-8') });

/** The cells of the table row whose first cell is exactly `first`. */
const rowOf = (table: Locator, first: string) => table.getByRole('row').filter({ has: table.page().getByRole('cell', { name: first, exact: true }) });

async function openFromPortal(page: Page, link: string) {
  await page.goto('/kundeservice');
  await page.getByRole('link', { name: link }).click();
}

test('ticket import: mapping saved, a bad row refused with nothing imported, the fixed file imported once', async ({ page }) => {
  const stamp = Date.now().toString(36);
  const source = `Gammelt verktøy ${stamp}`;
  const header = 'Saksnummer;Opprettet;Tittel;Kategori;Kommune;Hastegrad;Status;Lukket';
  const rows = [
    `OLD-${stamp}-1;04.03.2019 08:15;Skriveren på rådhuset ${stamp};Skrivere/multimaskiner;Molde;Haster;Lukket;04.03.2019 10:00`,
    `OLD-${stamp}-2;05.03.2019 09:00;Kaffemaskinen lekker ${stamp};Kaffemaskin;Molde;Vanlig;Lukket;06.03.2019 12:00`,
    `OLD-${stamp}-3;06.03.2019 13:30;Ny bruker i Visma ${stamp};Ansattadministrasjon;Molde;Vanlig;Lukket;07.03.2019 09:00`,
  ];
  const fixed = rows.map((r) => r.replace(';Kaffemaskin;', ';Maskiner og utstyr;'));

  await signInThroughPage(page, 'staff');
  await openFromPortal(page, 'Importer saker fra andre verktøy');
  await expect(page.getByRole('heading', { level: 1, name: 'Importer saker' })).toBeVisible();

  // 1. A new source whose export calls the priority «Hastegrad» and writes «Haster»/«Vanlig».
  const mappingForm = page.getByRole('form', { name: '1. Kilde og kolonnekobling' });
  await mappingForm.getByLabel('Kildeverktøy').selectOption({ label: 'Ny kilde …' });
  await mappingForm.getByLabel('Navn på den nye kilden').fill(source);
  await mappingForm.getByRole('group', { name: 'Kolonner i filen' }).getByLabel('Prioritet').fill('Hastegrad');
  await mappingForm.getByRole('group', { name: 'Verdier' }).getByLabel('Prioritet').fill('Haster = kritisk\nVanlig = medium');
  await mappingForm.getByRole('button', { name: 'Lagre kolonnekoblingen' }).click();
  await expect(mappingForm.getByRole('status')).toHaveText(`Kolonnekoblingen for ${source} er lagret.`);
  await expect(mappingForm.getByLabel('Kildeverktøy')).toHaveValue(source);
  await expect(mappingForm.getByRole('group', { name: 'Kolonner i filen' }).getByLabel('Prioritet')).toHaveValue('Hastegrad');

  // 2. The file with one bad row is refused (preview and import alike): the error names row 3 and the
  // category column, the count says one error, and there is no import button.
  const fileForm = page.getByRole('form', { name: '2. Fil' });
  await fileForm.getByLabel('Fil (CSV eller XLSX)').setInputFiles(csv([header, ...rows]));
  await fileForm.getByRole('button', { name: 'Forhåndsvis' }).click();
  const issues = page.getByTestId('sd-import-issues');
  await expect(issues).toBeVisible();
  const bad = rowOf(issues, '3');
  await expect(bad.getByRole('cell').nth(1)).toHaveText('Kategori');
  await expect(bad.getByRole('cell').nth(2)).toContainText('ukjent kategori «Kaffemaskin»');
  await expect(issues.getByRole('row')).toHaveCount(2); // the header and the one error
  await expect(page.getByTestId('sd-import-issue-count')).toHaveText('Filen er ikke lest inn: den har 1 feil.');
  await expect(page.getByTestId('sd-import-totals')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Importer', exact: true })).toHaveCount(0);

  // 3. The fixed file: three new tickets, none imported before (so the refused file wrote nothing),
  // with the mapped values shown (Haster → Kritisk, Vanlig → Medium).
  await fileForm.getByLabel('Fil (CSV eller XLSX)').setInputFiles(csv([header, ...fixed]));
  await fileForm.getByRole('button', { name: 'Forhåndsvis' }).click();
  const sample = page.getByTestId('sd-import-sample');
  await expect(sample.getByRole('row')).toHaveCount(4);
  const totals = page.getByTestId('sd-import-totals');
  await expect(totals).toContainText('Nye saker3');
  await expect(totals).toContainText('Allerede importert0');
  await expect(page.getByTestId('sd-import-issues')).toHaveCount(0);
  const first = rowOf(sample, '2');
  await expect(first).toContainText(`OLD-${stamp}-1`);
  await expect(first).toContainText('04.03.2019 08:15');
  await expect(first).toContainText('Kritisk');
  await expect(first).toContainText('Lukket');
  await expect(rowOf(sample, '3')).toContainText('Medium');
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Importert:' }))
    .toHaveText('Importert: 3 nye saker. Hoppet over fordi de er importert fra før: 0.');

  // 4. The same file again: the preview says all three are here already, and the import skips them.
  await fileForm.getByRole('button', { name: 'Forhåndsvis' }).click();
  await expect(totals).toContainText('Nye saker0');
  await expect(totals).toContainText('Allerede importert3');
  await expect(page.getByText('Ingen nye saker: alle radene er importert fra før')).toBeVisible();
  await page.getByRole('button', { name: 'Importer', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Importert:' }))
    .toHaveText('Importert: 0 nye saker. Hoppet over fordi de er importert fra før: 3.');

  // The desk finds each ticket once, closed, with the mapped priority.
  const found = await (await page.request.get(`/api/servicedesk/tickets?q=${encodeURIComponent(stamp)}&limit=50`)).json();
  expect(found.tickets.map((x: { title: string }) => x.title).sort()).toEqual([
    `Kaffemaskinen lekker ${stamp}`, `Ny bruker i Visma ${stamp}`, `Skriveren på rådhuset ${stamp}`,
  ]);
  expect(found.tickets.find((x: { title: string }) => x.title.startsWith('Skriveren')))
    .toMatchObject({ priority: 'kritisk', status: 'lukket', category: 'Skrivere/multimaskiner' });
});

test('phone statistics: a bad day refused, the fixed file imported, importing it again replaces the days', async ({ page }) => {
  const header = 'Dato;Anrop;Besvart;Snitt ventetid;Snitt samtaletid';
  const days = ['02.01.2019;120;110;0:35;4:10', '03.01.2019;100;130;1:20;3:40', '04.01.2019;90;80;1:05;3:55'];
  const fixed = days.map((d) => d.replace(';100;130;', ';100;95;'));

  await signInThroughPage(page, 'staff');
  await openFromPortal(page, 'Telefonstatistikk');
  await expect(page.getByRole('heading', { level: 1, name: 'Telefonstatistikk' })).toBeVisible();
  const upload = page.getByRole('form', { name: 'Last opp' });
  const file = upload.getByLabel('Fil (CSV eller XLSX)');

  await file.setInputFiles(csv([header, ...days]));
  await upload.getByRole('button', { name: 'Forhåndsvis' }).click();
  const issues = page.getByTestId('sd-import-issues');
  const bad = rowOf(issues, '3');
  await expect(bad.getByRole('cell').nth(1)).toHaveText('Besvart');
  await expect(bad.getByRole('cell').nth(2)).toContainText('flere besvart (130) enn anrop (100)');
  await expect(page.getByRole('button', { name: 'Importer telefonstatistikken' })).toHaveCount(0);
  // Nothing stored: January 2019 has no days (the list is read through the API the page uses).
  expect((await (await page.request.get('/api/servicedesk/phone-stats?from=2019-01-01&to=2019-01-31')).json()).days).toEqual([]);

  await file.setInputFiles(csv([header, ...fixed]));
  await upload.getByRole('button', { name: 'Forhåndsvis' }).click();
  const preview = page.getByTestId('sd-phone-preview');
  await expect(preview.getByRole('row')).toHaveCount(5); // header, three days, the totals
  const cells = rowOf(preview, '02.01.2019').getByRole('cell');
  await expect(cells).toHaveText(['02.01.2019', '120', '110', /^91,7\s%$/, '0:35', '4:10']);
  const total = preview.getByRole('row').filter({ hasText: 'Sum (3 dager)' });
  await expect(total).toContainText('310');
  await expect(total).toContainText('285');
  await expect(total).toContainText(/91,9\s%/);
  await page.getByRole('button', { name: 'Importer telefonstatistikken' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Lagret' })).toHaveText('Lagret 3 dager, 0 av dem erstattet.');

  // The list turns to January 2019 and shows the stored days.
  await expect(page.getByLabel('År')).toHaveValue('2019');
  await expect(page.getByLabel('Måned')).toHaveValue('1');
  const stored = page.getByTestId('sd-phone-days');
  await expect(stored.getByRole('row')).toHaveCount(5);
  await expect(rowOf(stored, '03.01.2019').getByRole('cell')).toHaveText(['03.01.2019', '100', '95', /^95,0\s%$/, '1:20', '3:40']);

  // Again: the preview says the days will be replaced; afterwards there are still three days, not six.
  await upload.getByRole('button', { name: 'Forhåndsvis' }).click();
  await expect(page.getByText('3 av dagene finnes fra før og blir erstattet.')).toBeVisible();
  await page.getByRole('button', { name: 'Importer telefonstatistikken' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Lagret' })).toHaveText('Lagret 3 dager, 3 av dem erstattet.');
  await expect(stored.getByRole('row')).toHaveCount(5);
  await expect(stored.getByRole('row').filter({ hasText: 'Sum (3 dager)' })).toContainText('310');
});

test('the portal offers the categories of the municipality, and no import pages to a municipality user', async ({ page }) => {
  await signInThroughPage(page, 'municipality');
  await page.goto('/kundeservice');
  const form = page.getByRole('form', { name: 'Ny sak' });
  const api = await (await page.request.get('/api/servicedesk/categories')).json();
  expect(api.categories).toContain('Skrivere/multimaskiner');
  await expect(form.getByLabel('Kategori').getByRole('option')).toHaveText(['Velg …', ...api.categories]);
  await expect(page.getByRole('link', { name: 'Importer saker fra andre verktøy' })).toHaveCount(0);
  await page.goto('/kundeservice/import');
  await expect(page.getByText('Du har ikke tilgang', { exact: false })).toBeVisible();
  expect((await page.request.get('/api/servicedesk/import-mappings')).status()).toBe(403);
});
