// End-to-end tests in headless Chromium against the real server: the web app is built, samrad starts on
// its own port with fresh storage and the demo loaded (see e2e/support/serve.ts), and the tests drive it
// through the pages and the HTTP API as people and integrations would.
import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// The browser is Debian's chromium, never a Playwright download (CI sets PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD).
const chromium = '/usr/bin/chromium';
if (!existsSync(chromium)) {
  throw new Error(`The end-to-end tests need Debian's chromium at ${chromium}: run \`apt-get install chromium\``);
}

// A port of the run's own, so two runs on one machine (people sharing a checkout, npm test beside a
// single spec) never test each other's server. Set once in the runner; its workers inherit it.
process.env.SAMRAD_E2E_PORT ??= String(30_000 + Math.floor(Math.random() * 2_000));
const port = Number(process.env.SAMRAD_E2E_PORT);
const baseURL = `http://127.0.0.1:${port}`;

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath: chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
};
/**
 * What the browser makes of the pages (layout, axe, titles; the Content-Security-Policy; the font): they
 * only read, so they run beside the behaviour specs, and on the embedded database only (e2e/README.md,
 * docs/decisions/0025).
 */
const PAGE_CHECKS = /\/(pages|csp|font)\.spec\.ts$/;

export default defineConfig({
  testDir: 'e2e',
  // One folder per engine: .ci/run runs both at once, and a run empties its folder when it starts.
  outputDir: process.env.DATABASE_URL ? 'test-results/postgres' : 'test-results/pglite',
  // Two workers on one server: the behaviour specs one after another (they change the demo's data and
  // some read what they changed, so they never run beside each other), and beside them the page checks,
  // which only read (the projects below, each limited to one worker).
  workers: 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    headless: true,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 20_000,
  },
  projects: [
    { name: 'behaviour', testIgnore: PAGE_CHECKS, workers: 1, use: browser },
    // Page checks only read, so a second try is safe; in CI one retry absorbs a wait that the loaded
    // machine ran out of (the list reporter still prints such a test as flaky). A real fault fails twice.
    { name: 'page-checks', testMatch: PAGE_CHECKS, workers: 1, use: browser, retries: process.env.CI ? 1 : 0 },
  ],
  webServer: {
    command: 'node --import tsx e2e/support/build-web.ts && node --import tsx e2e/support/serve.ts',
    url: `${baseURL}/healthz`,
    // Always a fresh server: the tests change data and must start from the demo as loaded.
    reuseExistingServer: false,
    // The demo load takes ~30 s of CPU; on a machine shared with other runs (and in .ci/run, beside the
    // other engine's lane) the start has taken over 4 minutes.
    timeout: 480_000,
    stdout: 'ignore',
    stderr: 'pipe',
    // SIGTERM lets the server close its database and serve.ts remove the e2e storage afterwards.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    // The quarter-size service-desk history (2022-2024): no spec needs 2021, and the full one makes the
    // server's start (the demo load) several times longer.
    env: {
      PORT: String(port), SAMRAD_DEMO: 'on', SAMRAD_DEMO_SERVICEDESK: 'small', LOG_LEVEL: 'warn', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    },
  },
});
