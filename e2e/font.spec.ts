// The design system's font (issue 10): Inter is served by samrad itself and is what the page renders in,
// with a sans-serif fallback named after it, never the browser's default serif.
import { expect, test } from '@playwright/test';

// Runs on the embedded database only, as pages.spec.ts (e2e/README.md, docs/decisions/0025).
test.skip(!!process.env.DATABASE_URL, 'the font is a static file rendered by the browser, the same on either engine');

test('pages render in Inter, loaded from our own origin, with a sans-serif fallback', async ({ page, baseURL }) => {
  const fontRequests: string[] = [];
  page.on('requestfinished', (req) => { if (req.resourceType() === 'font') fontRequests.push(req.url()); });
  await page.goto('/offentlig');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);

  const family = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(family).toMatch(/^"?Inter Variable"?,/);
  expect(family).toMatch(/sans-serif$/);
  // The heading and a button inherit it (Designsystemet's components use font-family: inherit).
  const headingFamily = await page.getByRole('heading', { level: 1 }).evaluate((el) => getComputedStyle(el).fontFamily);
  expect(headingFamily).toBe(family);

  // The face is really loaded, not only named: the browser has an Inter face in the loaded state.
  const loaded = await page.evaluate(() => [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Inter Variable' && f.status === 'loaded').length);
  expect(loaded).toBeGreaterThan(0);
  expect(fontRequests.length).toBeGreaterThan(0);
  for (const url of fontRequests) expect(new URL(url).origin).toBe(new URL(baseURL!).origin);
});
