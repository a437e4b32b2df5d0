// The economy page as the leader uses it: the 2023 report per 1.12 as seed 000 prints it; a ledger file
// with an unknown account is refused with its row and column and changes nothing; a good file is
// previewed and imported; a new forecast is entered; the tables and the chart follow; a wrong forecast
// is corrected and a wrong revision deleted, and the report follows again.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { signInByApi, signInThroughPage } from './support/accounts';
import { WCAG_TAGS } from './support/pages';

const NB = '\u202f';
const n = (text: string) => text.replace(/ /g, NB).replace(/^-/, '\u2212');

test('staff import a ledger file and set a forecast, and the report and chart change', async ({ page }) => {
  // A dozen saves one after another, each waited for: the default minute is too short when both CI lanes
  // run their browsers at once (it ran out on the revision's save at load 14).
  test.setTimeout(180_000);
  await signInThroughPage(page, 'staff');
  await page.getByRole('link', { name: 'Økonomi' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Økonomi' })).toBeVisible();
  await page.goto('/okonomi?year=2023&asOf=2023-12-01');

  const operating = page.getByTestId('operating-table');
  const lonn = operating.getByRole('row', { name: /^Lønn/ });
  await expect(lonn.getByRole('cell').nth(0)).toHaveText(n('25 858'));
  await expect(operating.getByRole('row', { name: /^SUM/ }).getByRole('cell').nth(3)).toHaveText(n('84 127'));
  await expect(operating.getByRole('row', { name: /^Inntekter/ }).getByRole('cell').nth(2)).toHaveText(n('2 787'));
  const chart = page.getByTestId('operating-chart');
  await expect(chart).toHaveAttribute('data-forecast', /^28783;/);
  await expect(chart).toHaveAttribute('aria-label', /Lønn: årsbudsjett 29.233, prognose 28.783/);

  // A file with an unknown account: refused, the row and column named, nothing changed.
  const fileInput = page.getByLabel('Regnskapsfil for 2023');
  await fileInput.setInputFiles({
    name: 'desember-feil.csv', mimeType: 'text/csv',
    buffer: Buffer.from('konto;prosjekt;periode;beløp\n10100;;2023-12;1 000,00\n99999;;2023-12;5,00\n'),
  });
  await expect(page.getByRole('alert')).toContainText('Rad 3, kolonne account: ukjent konto «99999»');
  await expect(lonn.getByRole('cell').nth(0)).toHaveText(n('25 858'));

  // A good file (Norwegian number format): preview with totals, then import.
  await fileInput.setInputFiles({
    name: 'desember.csv', mimeType: 'text/csv',
    buffer: Buffer.from('konto;prosjekt;periode;beløp\n10100;;2023-12;1 500 000,00\n10990;;2023-12;500 000\n16200;;2023-12;-1 361\n'),
  });
  const preview = page.getByTestId('ledger-preview');
  await expect(preview.getByRole('row', { name: /^Lønn/ })).toContainText(n('2 000 000,00'));
  await expect(preview.getByRole('row', { name: /^Inntekter/ })).toContainText(n('-1 361,00'));
  await page.getByRole('button', { name: 'Importer 3 rader' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Importert: 3 rader' })).toBeVisible();
  await expect(lonn.getByRole('cell').nth(0)).toHaveText(n('27 858'));

  // The month again with only the salary account (issue 12): the preview names the rows that would go,
  // the salary row of desember.csv and not its income row; cancelling keeps them.
  await fileInput.setInputFiles({
    name: 'desember-lonn.csv', mimeType: 'text/csv', buffer: Buffer.from('konto;prosjekt;periode;beløp\n10100;;2023-12;1 000,00\n'),
  });
  const replaces = page.getByTestId('ledger-replaces');
  await expect(replaces).toContainText('slettes (1 i alt)');
  await expect(replaces.getByRole('row').filter({ hasText: 'desember.csv' })).toContainText(n('1 500 000,00'));
  await expect(replaces).not.toContainText('16200');
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await expect(lonn.getByRole('cell').nth(0)).toHaveText(n('27 858'));

  // A new forecast for Lønn: Prognose and Avvik change, and so does the chart.
  const form = page.getByRole('form', { name: 'Ny prognose' });
  await form.getByLabel('Linje').selectOption({ label: 'Lønn' });
  await form.getByLabel('Dato').fill('2023-12-01');
  await form.getByLabel('Prognose for året (kr)').fill('30 000 000');
  await form.getByLabel('Kommentar').fill('Etterbetaling lønnsoppgjør');
  await form.getByRole('button', { name: 'Lagre prognose' }).click();
  await expect(lonn.getByRole('cell').nth(3)).toHaveText(n('30 000'));
  await expect(lonn.getByRole('cell').nth(2)).toHaveText(n('-767'));
  await expect(lonn).toContainText('Prognose: Etterbetaling lønnsoppgjør');
  await expect(chart).toHaveAttribute('data-forecast', /^30000;/);
  await expect(chart.locator('svg')).toBeVisible();
  await page.getByText('Prognosehistorikk 2023').click();
  await expect(page.getByRole('row', { name: /01\.12\.2023 Lønn .*Etterbetaling lønnsoppgjør/ })).toContainText(n('30 000 000,00'));

  // A budget revision decided by the council raises Lønn's budget; the deviation closes.
  await page.getByText('Linjer, budsjett, revisjoner, kontokobling og manuelle poster').click();
  const revision = page.getByRole('form', { name: 'Budsjettrevisjon' });
  await revision.getByLabel('Linje').selectOption({ label: 'Lønn' });
  await revision.getByLabel('Vedtaksdato').fill('2023-11-30');
  await revision.getByLabel('Endring (kr)').fill('767 000');
  await revision.getByLabel('Saksnummer').fill('2023/M5-004');
  await revision.getByRole('button', { name: 'Registrer revisjon' }).click();
  await expect(lonn.getByRole('cell').nth(1)).toHaveText(n('30 000'));
  await expect(lonn.getByRole('cell').nth(2)).toHaveText('–');
  await expect(page.getByRole('row', { name: /^Lønn Drift/ })).toContainText('30.11.2023 2023/M5-004');

  // The forecast was typed wrong: corrected in the history (the newest for Lønn on 01.12.2023 is first).
  await page.getByRole('button', { name: 'Rediger prognose 01.12.2023 Lønn' }).first().click();
  const correction = page.getByRole('form', { name: 'Rett oppføringen' });
  await expect(correction.getByLabel('Prognose (kr)')).toHaveValue('30 000 000');
  await correction.getByLabel('Prognose (kr)').fill('29 500 000');
  await correction.getByRole('button', { name: 'Lagre rettelsen' }).click();
  await expect(correction).toHaveCount(0);
  await expect(lonn.getByRole('cell').nth(3)).toHaveText(n('29 500'));
  await expect(lonn.getByRole('cell').nth(2)).toHaveText(n('500'));

  // The revision was registered on the wrong case: deleted (after a second click), the budget falls back.
  const revisions = page.getByTestId('revision-list');
  await revisions.getByRole('button', { name: 'Slett revisjon 2023/M5-004 Lønn' }).click();
  await revisions.getByRole('button', { name: 'Bekreft sletting av revisjon 2023/M5-004 Lønn' }).click();
  await expect(revisions.getByText('2023/M5-004')).toHaveCount(0);
  await expect(lonn.getByRole('cell').nth(1)).toHaveText(n('29 233'));
  await expect(lonn.getByRole('cell').nth(2)).toHaveText(n('-267'));

  // The spreadsheet carries the same figures.
  const xlsx = await page.request.get(await page.getByRole('link', { name: /regneark/ }).getAttribute('href') ?? '');
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
});

test('the council reads the report but gets no import or forecast forms', async ({ page }) => {
  await signInThroughPage(page, 'council');
  await page.goto('/okonomi?year=2023&asOf=2023-12-01');
  await expect(page.getByTestId('investment-table').getByRole('row', { name: /^SUM/ })).toContainText(n('14 500'));
  const financing = page.getByTestId('financing-table');
  await expect(financing.getByRole('row')).toHaveCount(7);
  await expect(financing.getByRole('row', { name: /^Sum/ })).toContainText(n('83 866 000'));
  await expect(financing.getByRole('row', { name: /^Sum/ })).toContainText(n('14 500 000'));
  await expect(page.getByLabel('Regnskapsfil for 2023')).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Ny prognose' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Rediger prognose/ })).toHaveCount(0);
});

test('after the year, the investments are settled: carried over or settled with the members by the key', async ({ page }) => {
  await signInThroughPage(page, 'council');
  await page.goto('/okonomi?year=2023&asOf=2024-02-15');
  const projects = page.getByTestId('investment-settlement-table');
  await expect(projects).toBeVisible();
  const rows = await projects.getByRole('row').count();
  expect(rows).toBeGreaterThan(2);
  await expect(projects.getByRole('row', { name: /^Zero-trust nettverk/ })).toContainText(/Overføres til neste år|Avregnes med kommunene/);
  const shares = page.getByTestId('investment-settlement-shares');
  await expect(shares.getByRole('row')).toHaveCount(6);
  // The closed year has nothing left to forecast: the deviation in per cent stands where Prognose was.
  const operating = page.getByTestId('operating-table');
  await expect(operating.getByRole('columnheader', { name: 'Avvik %' })).toBeVisible();
  await expect(operating.getByRole('columnheader', { name: 'Prognose' })).toHaveCount(0);
  await expect(operating.getByRole('row', { name: /^SUM/ })).toContainText(/\d,\d\u00a0%/);
  // The key in the order the cooperation entered it, every share with the key's decimals.
  await expect(page.getByTestId('financing-table').getByRole('row').nth(1)).toContainText(/Molde\s*50,9554\u00a0%/);
  await expect(page.getByTestId('financing-table').getByRole('row', { name: /^(Sum|Total)/ })).toContainText('100,0000\u00a0%');
});

test('the public meeting page shows the economy report published with it, and nothing when it is not', async ({ page, browser, baseURL }) => {
  await signInByApi(page.request, 'staff');
  const meetings = (await (await page.request.get('/api/meetings')).json()).meetings as { id: string; bodyId: string; published: boolean; date: string }[];
  const published = meetings.find((m) => m.published && m.date.startsWith('2023-12'))!;
  expect(published, 'a published meeting in December 2023').toBeTruthy();
  // A meeting just planned is not public.
  const planned = await page.request.post('/api/meetings', {
    data: { bodyId: published.bodyId, date: '2027-03-10', startTime: '09:00', place: 'Molde' }, headers: { origin: baseURL! },
  });
  expect(planned.status()).toBe(201);
  const unpublished = (await planned.json()).meeting as { id: string; published: boolean };
  expect(unpublished.published).toBe(false);
  const publish = (meetingId: string) => page.request.put('/api/economy/2023/publications', {
    data: { meetingId, asOf: '2023-12-01' }, headers: { origin: baseURL! },
  });

  // Anonymous: nothing economic on the meeting page until staff publish the report with it.
  const visitor = await browser.newPage();
  await visitor.goto(`/offentlig/moter/${published.id}`);
  await expect(visitor.getByRole('heading', { level: 2, name: 'Saksliste' })).toBeVisible();
  await expect(visitor.getByTestId('public-economy')).toHaveCount(0);
  expect((await visitor.request.get(`/api/public/meetings/${published.id}/economy`)).status()).toBe(404);

  expect((await publish(published.id)).status()).toBe(200);
  await visitor.reload();
  const section = visitor.getByRole('region', { name: 'Økonomirapport 2023' });
  await expect(section).toBeVisible();
  const operating = visitor.getByTestId('public-operating-table');
  await expect(operating.getByRole('row', { name: /^Lønn/ }).getByRole('cell').nth(1)).toHaveText(n('29 233'));
  await expect(operating.getByRole('row', { name: /^SUM/ })).toBeVisible();
  await expect(visitor.getByTestId('public-investment-table').getByRole('row', { name: /^Zero-trust nettverk/ })).toBeVisible();
  // The public copy carries no internal forecast comments, and there are no forms.
  await expect(section).not.toContainText('Prognose:');
  await expect(section.getByRole('button')).toHaveCount(0);
  await expect(section.getByRole('textbox')).toHaveCount(0);

  // A budget revision dated before the publication's date, entered afterwards: the public keeps the copy
  // as published; staff are told on /okonomi that it no longer matches; the revision is then removed.
  const lines = (await (await page.request.get('/api/economy/lines')).json()).lines as { id: string; name: string }[];
  const revision = await page.request.post('/api/economy/2023/budget-revisions', {
    data: { lineId: lines.find((l) => l.name === 'Lønn')!.id, date: '2023-11-15', changeOre: 1_000_000_00, decisionReference: '2023/M6-099' },
    headers: { origin: baseURL! },
  });
  expect(revision.status()).toBe(201);
  await visitor.reload();
  await expect(operating.getByRole('row', { name: /^Lønn/ }).getByRole('cell').nth(1)).toHaveText(n('29 233'));
  await page.goto('/okonomi?year=2023&asOf=2023-12-01');
  await expect(page.getByTestId('operating-table').getByRole('row', { name: /^Lønn/ }).getByRole('cell').nth(1)).toHaveText(n('30 233'));
  await expect(page.getByTestId('published-copy-differs')).toHaveText('Publisert versjon per 01.12.2023 avviker fra dagens tall.');
  const { id: revisionId, version } = await revision.json() as { id: string; version: string };
  expect((await page.request.delete(`/api/economy/budget-revisions/${revisionId}?version=${version}`, { headers: { origin: baseURL! } })).status()).toBe(204);
  await page.reload();
  await expect(page.getByTestId('operating-table').getByRole('row', { name: /^Lønn/ }).getByRole('cell').nth(1)).toHaveText(n('29 233'));
  await expect(page.getByTestId('published-copy-differs')).toHaveCount(0);

  // Withdrawn: gone from the page and the API.
  expect((await page.request.delete(`/api/economy/publications/${published.id}`, { headers: { origin: baseURL! } })).status()).toBe(204);
  await visitor.reload();
  await expect(visitor.getByRole('heading', { level: 2, name: 'Saksliste' })).toBeVisible();
  await expect(visitor.getByTestId('public-economy')).toHaveCount(0);

  // Published with a meeting that is not public: the public gets nothing, neither page nor API.
  expect((await publish(unpublished.id)).status()).toBe(200);
  expect((await visitor.request.get(`/api/public/meetings/${unpublished.id}/economy`)).status()).toBe(404);
  await visitor.goto(`/offentlig/moter/${unpublished.id}`);
  await expect(visitor.getByRole('heading', { level: 1, name: 'Vi finner ikke det du leter etter' })).toBeVisible();
  await expect(visitor.getByTestId('public-economy')).toHaveCount(0);
  await visitor.close();
});

test('without a year the page opens on the newest period with figures; a year without any says so, hides the tables and charts, and offers another year and the import', async ({ page }) => {
  await signInThroughPage(page, 'staff');
  await page.goto('/okonomi');
  const thisYear = new Date().getFullYear();
  await expect(page.getByTestId('operating-table')).toBeVisible();
  await expect(page.getByTestId('operating-chart')).toBeVisible();
  expect(Number(await page.getByRole('form', { name: 'Velg år og dato' }).getByLabel('År').inputValue())).toBeLessThan(thisYear);
  // The date and the period agree: «Pr. 30.11.2023, regnskap til og med periode 11».
  const intro = await page.getByText(/^Pr\. \d{2}\.\d{2}\.\d{4}, regnskap til og med periode \d+/).textContent();
  const [, month, period] = /^Pr\. \d{2}\.(\d{2})\.\d{4}, regnskap til og med periode (\d+)/.exec(intro!)!;
  expect(Number(month)).toBe(Number(period));
  // A date inside a month does not claim the whole period: it says the period is still open.
  const year = await page.getByRole('form', { name: 'Velg år og dato' }).getByLabel('År').inputValue();
  await page.getByRole('form', { name: 'Velg år og dato' }).getByLabel('Rapport pr.').fill(`${year}-12-01`);
  await expect(page.getByText(`Pr. 01.12.${year}, regnskap så langt det er bokført; periode 12 er ikke avsluttet.`, { exact: false })).toBeVisible();
  await expect(page.getByText(/regnskap til og med periode 12/)).toHaveCount(0);

  const next = thisYear + 1;
  await page.goto(`/okonomi?year=${next}`);
  const empty = page.getByTestId('economy-empty');
  await expect(empty).toContainText(`Det er ingen regnskapstall eller budsjett for ${next} ennå.`);
  await expect(page.getByTestId('operating-table')).toHaveCount(0);
  await expect(page.getByTestId('operating-chart')).toHaveCount(0);
  await expect(empty.getByRole('link', { name: `Importer regnskap for ${next}` })).toHaveAttribute('href', '#ledger-heading');
  await empty.getByRole('button', { name: /^Vis \d{4}$/ }).click();
  await expect(page).toHaveURL(/year=20(1|2)\d/);
  await expect(page.getByTestId('operating-table')).toBeVisible();
});

test('staff set a year’s frames and key in the form: the sum is checked, the order is theirs, by keyboard and at 320 px', async ({ page }) => {
  test.setTimeout(180_000);
  await signInThroughPage(page, 'staff');
  await page.goto('/okonomi?year=2025&asOf=2025-06-30');
  await page.getByText('Linjer, budsjett, revisjoner, kontokobling og manuelle poster').click();
  const form = page.getByTestId('financing-form');
  await expect(form.getByRole('heading', { name: 'Finansiering 2025: rammer og fordelingsnøkkel' })).toBeVisible({ timeout: 30_000 });
  await expect(form.getByRole('rowheader').first()).toBeVisible();
  const names = await form.getByRole('rowheader').allTextContents();
  expect(names.length).toBeGreaterThanOrEqual(3);

  await form.getByLabel('Netto driftsramme').fill('10 000 000');
  await form.getByLabel('Brutto investeringsramme').fill('1 000 000');
  // The first member 40 %, the rest share 50 %: the sum says it is 10 points short, and the server refuses.
  const rest = names.length - 1;
  await form.getByLabel(`Andel for ${names[0]} (%)`).fill('40');
  for (const name of names.slice(1)) await form.getByLabel(`Andel for ${name} (%)`).fill(String(50 / rest).replace('.', ','));
  await expect(page.getByTestId('financing-form-sum')).toContainText('Nøkkelen må summere til 100 %');
  await form.getByRole('button', { name: 'Lagre finansiering' }).click();
  await expect(form.getByText(/summerer til 90 %, må være nøyaktig 100 %/)).toBeVisible();

  await form.getByLabel(`Andel for ${names[0]} (%)`).fill('50');
  await expect(page.getByTestId('financing-form-sum')).not.toContainText('må summere');
  // The last member moves to the top, by keyboard; focus stays on its arrow.
  const last = names.at(-1)!;
  const up = form.getByRole('button', { name: `Flytt opp ${last}` });
  await up.focus();
  for (let i = 0; i < names.length - 1; i++) await page.keyboard.press('Enter');
  await expect(up).toBeFocused();
  await expect(form.getByRole('rowheader').first()).toHaveText(last);
  await form.getByRole('button', { name: 'Lagre finansiering' }).click();
  await expect(form.getByRole('status')).toHaveText('Lagret.');

  const res = await page.request.get('/api/economy/2025/financing');
  const saved = await res.json();
  expect(saved.shares.map((s: { name: string }) => s.name)).toEqual([last, ...names.slice(0, -1)]);
  expect(saved.operatingFrameOre).toBe(10_000_000_00);
  await expect(form.getByRole('rowheader').first()).toHaveText(last);

  const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).include('[data-testid="financing-form"]').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await form.screenshot({ path: test.info().outputPath('financing-form-1366.png') });
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await form.screenshot({ path: test.info().outputPath('financing-form-320.png') });
});

test('staff keep a fund: opening balance, an addition by decision, a use larger than the fund refused, the year’s table', async ({ page }) => {
  test.setTimeout(180_000);
  await signInThroughPage(page, 'staff');
  await page.goto('/okonomi?year=2023&asOf=2023-12-01');
  const section = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Fond' }) });
  await expect(section.getByText('Samarbeidet har ingen fond registrert.')).toBeVisible({ timeout: 30_000 });
  await section.getByText('Registrer fond og bevegelser').click();
  await section.getByLabel('Navn').fill('Disposisjonsfond ROR-IKT');
  await section.getByRole('button', { name: 'Opprett fond' }).click();
  await expect(section.getByTestId('funds-table')).toBeVisible();

  const form = section.getByTestId('fund-movement-form');
  const register = async (kind: string, date: string, amount: string, reference = '') => {
    await form.getByLabel('Fond', { exact: true }).selectOption({ label: 'Disposisjonsfond ROR-IKT' });
    await form.getByLabel('Bevegelse').selectOption({ label: kind });
    await form.getByLabel('Dato').fill(date);
    await form.getByLabel('Beløp (kr)').fill(amount);
    await form.getByLabel('Saksnummer', { exact: false }).fill(reference);
    await form.getByRole('button', { name: 'Registrer' }).click();
  };
  await register('inngående saldo', '2022-12-31', '1 200 000');
  await expect(form.getByRole('status')).toHaveText('Lagret.');
  await register('avsetning', '2023-06-15', '300 000');
  await expect(form.getByText('Vedtaksreferanse (saksnummer) må fylles ut').first()).toBeVisible();
  await register('avsetning', '2023-06-15', '300 000', '2023/M3-004');
  await expect(section.getByTestId('fund-movements')).toContainText('avsetning 300\u202f000 kr (vedtak i sak 2023/M3-004)');
  await register('bruk', '2023-10-01', '2 000 000', '2023/M5-002');
  await expect(form.getByText(/Fondet har bare 1.500.000 kr å bruke fra 2023-10-01/).first()).toBeVisible();

  const row = section.getByTestId('funds-table').getByRole('row', { name: /Disposisjonsfond ROR-IKT/ });
  await expect(row.getByRole('cell')).toHaveText(['1\u202f200\u202f000', '300\u202f000', '0', '1\u202f500\u202f000']);
  const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).include('section:has(#funds-heading)').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});
