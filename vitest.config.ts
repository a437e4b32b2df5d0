import { defineConfig } from 'vitest/config';

const TESTS = ['src/**/*.test.ts', 'demo/**/*.test.ts', 'web/src/**/*.test.ts'];
/** Files that replace a module with vi.mock: they need a module graph of their own. */
const MOCKING = ['src/modules/governance/render-outside-transaction.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Migrates once per run; each test file's database is a copy (src/test/template.ts).
    globalSetup: ['src/test/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'shared',
          include: TESTS,
          exclude: MOCKING,
          // A worker runs file after file and keeps the modules it has loaded (the app, drizzle, zod, the
          // PDF threads): importing them afresh for each file cost more CPU than most files' tests.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'isolated', include: MOCKING } },
    ],
  },
});
