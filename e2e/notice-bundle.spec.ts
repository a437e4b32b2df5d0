// Issue 10: the notice as one PDF with its attachments (decision 0039). The demo's 2023 M6 is seed 000:
// the notice with the activity report attached to 2023/M6-003. Staff and the public find the link on the
// meeting page (in both languages), and what it gives is the notice followed by the report, bookmarked.
// Read-only against the demo, but it is a behaviour spec: the bundle is made from the database's answer.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import { outlineTitles } from '../src/documents/bundle';
import { signInByApi } from './support/accounts';
import { useLanguage, WCAG_TAGS } from './support/pages';

const LINK = { nb: 'Innkalling med alle vedlegg i én fil (PDF)', en: 'Notice with all attachments in one file (PDF)' };

async function meeting2023M6(page: Page): Promise<string> {
  const res = await page.request.get('/api/public/meetings?year=2023');
  expect(res.status()).toBe(200);
  const body = await res.json() as { meetings: { id: string; year: number; numberLabel: string }[] };
  return body.meetings.find((m) => m.year === 2023 && m.numberLabel === 'M6')!.id;
}

/** Follows the page's link to the bundle and checks it: the notice's pages, then the report's, bookmarked. */
async function checkBundle(page: Page, name: string) {
  const link = page.getByRole('link', { name });
  await expect(link).toBeVisible({ timeout: 30_000 });
  const href = await link.getAttribute('href');
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^application\/pdf/);
  const bundle = await res.body();
  const notice = await (await page.request.get(href!.replace('notice-bundle.pdf', 'notice.pdf'))).body();
  const pages = async (b: Buffer) => (await PDFDocument.load(b)).getPageCount();
  expect(await pages(bundle)).toBeGreaterThan(await pages(notice));
  const titles = await outlineTitles(bundle);
  expect(titles[0]).toBe('Innkalling 2023/M6');
  expect(titles).toContain('Sak 2023/M6-003 Økonomi- og aktivitetsrapport');
  expect(titles.some((t) => t.startsWith('  Vedlegg: Aktivitetsrapport'))).toBe(true);
}

for (const language of ['nb', 'en'] as const) {
  test(`the meeting pages link the notice with its attachments (${language})`, async ({ page, context, browser }, info) => {
    test.setTimeout(180_000);
    await useLanguage(context, language);
    const id = await meeting2023M6(page);
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: width > 400 ? 768 : 844 });
      await page.goto(`/offentlig/moter/${id}`);
      await checkBundle(page, LINK[language]);
      expect((await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);
      await page.screenshot({ path: info.outputPath(`public-meeting-${language}-${width}.png`), fullPage: false });
    }

    const staff = await browser.newContext();
    await useLanguage(staff, language);
    await signInByApi(staff.request, 'staff');
    const staffPage = await staff.newPage();
    await staffPage.setViewportSize({ width: 1366, height: 768 });
    await staffPage.goto(`/moter/${id}`);
    await checkBundle(staffPage, LINK[language]);
    // Reached by keyboard like the other papers' links.
    await staffPage.getByRole('link', { name: LINK[language] }).focus();
    await expect(staffPage.getByRole('link', { name: LINK[language] })).toBeFocused();
    expect((await new AxeBuilder({ page: staffPage }).withTags(WCAG_TAGS).analyze()).violations.map((v) => v.id)).toEqual([]);
    await staffPage.screenshot({ path: info.outputPath(`staff-meeting-${language}-1366.png`) });
    await staff.close();
  });
}
