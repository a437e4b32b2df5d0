// Issue 12, history from before samrad: staff register a 2017 meeting from the old papers through the
// pages (the form on /moter, the meeting page's historical mode), with two cases, one exempt, one corrected
// and a third removed as entered by mistake; its papers give no time, so every page shows the date only. The public
// archive then shows it with the exempt case reduced to number, public title and legal basis, and the
// year count for 2017 includes it. A fresh body (made through the API, the bodies page has its own
// spec) keeps the counts to this test's own meeting.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signInByApi } from './support/accounts';
import { WCAG_TAGS } from './support/pages';

async function expectNoAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
}

test('a historical 2017 meeting reaches the public archive and the year count', async ({ page, browser, baseURL }) => {
  test.setTimeout(240_000);
  const headers = { origin: baseURL! };
  await signInByApi(page.request, 'admin');
  const coop = ((await (await page.request.get('/api/cooperations')).json()).cooperations as { id: string }[])[0]!;
  const stamp = Date.now().toString(36);
  const bodyName = `Historikkgruppe ${stamp}`;
  const bodyRes = await page.request.post('/api/bodies', { data: { cooperationId: coop.id, name: bodyName }, headers });
  expect(bodyRes.status(), await bodyRes.text()).toBe(201);

  await signInByApi(page.request, 'staff');
  await page.goto('/moter');
  await page.getByRole('button', { name: 'Registrer historisk møte' }).click({ timeout: 60_000 });
  const form = page.getByRole('form', { name: 'Historisk møte' });
  await form.getByLabel('Organ').selectOption({ label: bodyName });
  await form.getByLabel('Dato').fill('2017-03-14');
  await form.getByLabel('Sted').fill('Molde rådhus');
  await expectNoAxeViolations(page);
  await form.getByRole('button', { name: 'Lagre' }).click();
  await expect(page).toHaveURL(/\/moter\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const meetingId = page.url().split('/').pop()!;
  await expect(page.getByText('Registrert i ettertid fra papirene', { exact: false })).toBeVisible({ timeout: 30_000 });
  // The papers give no time: the page shows the date only, never «00:00».
  const facts = page.locator('dl.facts');
  await expect(facts.getByText('14.03.2017')).toBeVisible();
  await expect(facts.getByText('Tid', { exact: true })).toHaveCount(0);
  await expect(facts).not.toContainText('00:00');
  // No notice or attendance steps for a meeting that was never called here.
  await expect(page.getByRole('link', { name: 'Innkalling', exact: true })).toHaveCount(0);

  const addCase = async (fields: { number: string; title: string; decision: string; exempt?: { publicTitle: string } }) => {
    await page.getByRole('button', { name: 'Legg til sak' }).click();
    const caseForm = page.getByRole('form', { name: 'Ny sak' });
    await caseForm.getByLabel('Nr.', { exact: true }).fill(fields.number);
    await caseForm.getByLabel('Tittel', { exact: true }).fill(fields.title);
    if (fields.exempt) {
      await caseForm.getByLabel('Tilgang').selectOption({ label: 'Unntatt offentlighet' });
      await caseForm.getByLabel('Offentlig tittel').fill(fields.exempt.publicTitle);
      await caseForm.getByLabel('Hjemmel').selectOption({ index: 1 });
      await expectNoAxeViolations(page);
    }
    await caseForm.getByLabel('Vedtakstekst').fill(fields.decision);
    await caseForm.getByRole('button', { name: 'Lagre' }).click();
    await expect(caseForm).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByRole('heading', { name: new RegExp(fields.number.replace('/', '\\/')) })).toBeVisible({ timeout: 30_000 });
  };
  await addCase({ number: '12/17', title: 'Budsjett 2018', decision: 'Budsjettet for 2018 vedtas som foreslått.' });
  await addCase({ number: '13/17', title: 'Personalsak Hansen', decision: 'Som innstilt.', exempt: { publicTitle: 'Personalsak' } });
  await addCase({ number: '14/17', title: 'Ført ved en feil', decision: 'Feil.' });

  // Correct a case as the papers have it, and remove the one entered by mistake, before the approval.
  await page.getByRole('button', { name: 'Rett sak 12/17' }).click();
  const editForm = page.getByRole('form', { name: 'Rett sak 12/17' });
  await expect(editForm.getByLabel('Tittel', { exact: true })).toHaveValue('Budsjett 2018');
  await editForm.getByLabel('Vedtakstekst').fill('Budsjettet for 2018 vedtas som foreslått, med endringene i møtet.');
  await expectNoAxeViolations(page);
  await editForm.getByRole('button', { name: 'Lagre' }).click();
  await expect(editForm).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByText('med endringene i møtet.')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Slett 14/17' }).click();
  await page.getByRole('alertdialog', { name: 'Slette sak 14/17?' }).getByRole('button', { name: 'Slett 14/17' }).click();
  await expect(page.getByRole('heading', { name: /14\/17/ })).toHaveCount(0, { timeout: 30_000 });

  await page.getByRole('button', { name: 'Merk referatet som godkjent' }).click();
  await expect(page.getByRole('button', { name: 'Merk referatet som godkjent' })).toHaveCount(0, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Publiser møtet' }).click();
  await expect(page.getByRole('button', { name: 'Trekk tilbake' }).or(page.getByText('Publisert', { exact: true }).first())).toBeVisible({ timeout: 30_000 });
  await expectNoAxeViolations(page);
  // At 320 px the page reflows: nothing wider than the viewport.
  await page.setViewportSize({ width: 320, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.setViewportSize({ width: 1366, height: 900 });

  // The public archive, signed out.
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  await publicPage.goto(`/offentlig/moter/${meetingId}`);
  await expect(publicPage.getByText('Budsjett 2018').first()).toBeVisible({ timeout: 60_000 });
  await expect(publicPage.getByText('Budsjettet for 2018 vedtas som foreslått, med endringene i møtet.')).toBeVisible();
  // The exempt case: its number and public title as the heading, the legal basis, nothing more.
  const exempt = publicPage.getByRole('article', { name: '13/17 Personalsak' });
  await expect(exempt.getByRole('heading', { name: '13/17 Personalsak' })).toBeVisible();
  await expect(exempt.getByText(/^Unntatt offentlighet, \w+\. §/)).toBeVisible();
  await expect(publicPage.getByText('Hansen')).toHaveCount(0);
  // Date only, on the public page and in the public list.
  const publicFacts = publicPage.locator('dl.facts');
  await expect(publicFacts.getByText('14.03.2017')).toBeVisible();
  await expect(publicFacts.getByText('Tid', { exact: true })).toHaveCount(0);
  await expect(publicFacts).not.toContainText('00:00');
  // No notice was ever sent, so the papers offer the approved minutes and no notice.
  const papers = publicPage.getByRole('navigation', { name: 'Dokumenter' });
  await expect(papers.getByRole('link', { name: /^Møtereferat/ })).toBeVisible();
  await expect(papers.getByRole('link', { name: /^Innkalling/ })).toHaveCount(0);
  await publicPage.goto('/offentlig');
  const listed = publicPage.getByRole('row', { name: new RegExp(`${bodyName} 2017 M1`) });
  await expect(listed).toContainText('14.03.2017', { timeout: 60_000 });
  await expect(listed).not.toContainText('00:00');
  await expect(publicPage.getByText('Som innstilt.')).toHaveCount(0);
  await visitor.close();

  // The year count for 2017 (the annual report's numbers) includes it.
  await page.goto('/moter?year=2017');
  const stats = page.getByRole('table', { name: 'Møter og saker i 2017' });
  await expect(stats.getByRole('row', { name: new RegExp(`${bodyName} 1 2`) })).toBeVisible({ timeout: 60_000 });

  // The meeting page in English: the historical mode's words are there, and axe finds nothing.
  await page.goto(`/moter/${meetingId}`);
  await page.getByRole('button', { name: 'English' }).click({ timeout: 60_000 });
  await expect(page.getByText('Registered afterwards from the papers', { exact: false })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('heading', { name: 'Agenda', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});
