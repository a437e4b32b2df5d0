// Issue 10: the audit log says what changed in words, «Fornavn: Ola → Kari», not as raw JSON, in
// bokmål and English; the stored JSON stays one click away. A person is made and renamed through the
// API, then found in the log by its id as an admin does.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signInByApi } from './support/accounts';
import { useLanguage, WCAG_TAGS } from './support/pages';

test('the audit log shows each changed field as old → new, in both languages', async ({ page, context, baseURL }, info) => {
  test.setTimeout(180_000);
  await signInByApi(page.request, 'admin');
  const headers = { origin: baseURL! };
  const stamp = Date.now().toString(36);
  const made = await page.request.post('/api/people', { data: { familyName: `Revisjon ${stamp}`, givenName: 'Ola' }, headers });
  expect(made.status(), await made.text()).toBe(201);
  const person = await made.json() as { id: string; revision: number };
  const renamed = await page.request.patch(`/api/people/${person.id}`, { data: { givenName: 'Kari', revision: person.revision }, headers });
  expect(renamed.status(), await renamed.text()).toBe(200);

  const words = {
    nb: { meeting: 'Møte', updated: 'Endret', id: 'Id', filter: 'Filtrer', line: /^Fornavn: Ola\s*→\s*endret til\s*Kari$/, created: /^Etternavn: Revisjon /, raw: 'Rådata (JSON)' },
    en: { meeting: 'Meeting', updated: 'Changed', id: 'Id', filter: 'Filter', line: /^Given name: Ola\s*→\s*changed to\s*Kari$/, created: /^Family name: Revisjon /, raw: 'Raw data (JSON)' },
  };
  for (const language of ['nb', 'en'] as const) {
    await useLanguage(context, language);
    const w = words[language];
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: width > 400 ? 768 : 844 });
      await page.goto('/admin?fane=logg');
      const filters = page.getByRole('form', { name: language === 'nb' ? 'Filtrer revisjonsloggen' : 'Filter the audit log' });
      // What an entry is about is named in words too, in the filter and the table.
      await expect(filters.getByRole('combobox').first().locator('option', { hasText: new RegExp(`^${w.meeting}$`) })).toHaveCount(1);
      await expect(filters.getByRole('combobox').first().locator('option', { hasText: /^(meeting|sd_ticket)$/ })).toHaveCount(0);
      await filters.getByLabel(w.id, { exact: true }).fill(person.id);
      await filters.getByRole('button', { name: w.filter }).click();
      const lines = page.locator('.audit-changes li');
      await expect(lines.filter({ hasText: w.line })).toHaveCount(1, { timeout: 30_000 });
      await expect(page.getByRole('cell', { name: w.updated, exact: true })).toHaveCount(1);
      // The create lists the fields it made, each with its value alone.
      await expect(lines.filter({ hasText: w.created })).toHaveCount(1);
      // The raw JSON is still there for who needs it, folded until asked for.
      await expect(page.getByText(w.raw).first()).toBeVisible();
      await expect(page.locator('pre.json').first()).toBeHidden();
      expect((await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);
      await page.screenshot({ path: info.outputPath(`audit-${language}-${width}.png`) });
    }
  }
});
