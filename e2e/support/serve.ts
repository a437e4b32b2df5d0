// Starts samrad for the end-to-end tests on storage of its own, and removes that storage when the server
// stops, so every run begins from a freshly loaded demo and leaves nothing behind:
// - embedded database: a new temporary SAMRAD_DATA_DIR;
// - DATABASE_URL set: a new database samrad_e2e_<random> on that server, dropped afterwards.
// This lives in the webServer command rather than in a Playwright globalSetup because Playwright starts
// webServer BEFORE globalSetup runs (runner: plugin setup tasks come first), so a globalSetup could not
// create the database before the server needs it.
// The demo is asked for by name (SAMRAD_DEMO=on): on a DATABASE_URL database 'auto' would leave it out.
// The server also runs with the service desk's test clock on (SAMRAD_TEST_CLOCK=on: a request's
// x-samrad-now header is its "now"), so servicedesk.spec.ts can let days pass. Only here: `npm start` and
// every other way of running samrad leave it at its default, off.
import { spawn } from 'node:child_process';
import { createStorage } from './storage.js';

async function main() {
  const storage = await createStorage();
  process.stderr.write(`e2e: samrad on ${storage.describe}\n`);
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, SAMRAD_DEMO: 'on', SAMRAD_TEST_CLOCK: 'on', ...storage.env },
  });

  let cleaned = false;
  const cleanup = async (code: number) => {
    if (cleaned) return;
    cleaned = true;
    try {
      await storage.remove();
    } catch (err) {
      console.error(`e2e: could not remove ${storage.describe}:`, err instanceof Error ? err.message : err);
    }
    process.exit(code);
  };
  // Playwright stops the webServer's whole process group with SIGTERM (gracefulShutdown in the config):
  // the server closes its database, then we remove the storage.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (server.exitCode === null) server.kill(signal);
    });
  }
  server.on('exit', (code, signal) => void cleanup(code ?? (signal ? 0 : 1)));
}

main().catch((err) => {
  console.error('e2e: could not start samrad:', err instanceof Error ? err.message : err);
  process.exit(1);
});
