// The Content-Security-Policy (src/server/security-headers.ts) must not break the pages: Chromium reports
// every blocked script, style, image or connection as a securitypolicyviolation event, and this walks the
// web app (public pages, signed in as staff, charts with their tooltips) and the API reference with a
// listener on that event, expecting none.
import { expect, test, type Page } from '@playwright/test';
import { signInThroughPage } from './support/accounts';

// Runs on the embedded database only, as pages.spec.ts (e2e/README.md, docs/decisions/0025).
test.skip(!!process.env.DATABASE_URL, 'the Content-Security-Policy is the server header and its enforcement in the browser, the same on either engine');

/** Collects CSP violations of every document the page loads. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => { violations.push(text); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportCspViolation: (t: string) => void })
        .reportCspViolation(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} "${e.sample}"`);
    });
  });
  page.on('console', (msg) => { if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text()); });
  return violations;
}

test('the web app runs under the CSP with no violation: public pages, signed-in pages and charts', async ({ page }) => {
  // Seven pages with their data, one after another: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  const violations = await watchViolations(page);
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await page.goto('/offentlig');
  await expect(page.locator('main')).toBeVisible();

  await signInThroughPage(page, 'staff');
  for (const path of ['/moter', '/okonomi?year=2023&asOf=2023-12-01', '/kundeservice/arbeidsliste', '/kundeservice/nokkeltall', '/sok']) {
    await page.goto(path, { waitUntil: 'networkidle' });
    await expect(page.locator('main')).toBeVisible();
    if (path.startsWith('/okonomi')) {
      // A chart's tooltip is markup ECharts builds with style attributes.
      const chart = page.locator('[_echarts_instance_]').first();
      if (await chart.count()) await chart.hover();
    }
  }
  expect(violations).toEqual([]);
});

test('the API reference (swagger-ui) renders under the CSP', async ({ page }) => {
  // swagger-ui parses 1.4 MB of script and the whole OpenAPI document: 20 s on a loaded two-core machine.
  test.setTimeout(150_000);
  const violations = await watchViolations(page);
  await page.goto('/api/docs');
  await expect(page.getByText('/api/auth/login').first()).toBeVisible({ timeout: 120_000 });
  expect(violations).toEqual([]);
});
