// Starts samrad: check the environment, the data directory and the port, open and migrate the
// database, prepare the install (the demo, or the set-up link while there is no admin), then serve.
// Anything that stops the start is one line on stderr and exit code 1.
import path from 'node:path';
import type { createApp as TCreateApp } from './app.js';
import { readEnv } from './env.js';
import { createHttpServer } from './http-server.js';
import { logger, setLogLevel } from './logger.js';
import { checkDatabaseServer, checkDataDir, listen, StartupError } from './startup.js';

async function main() {
  const env = readEnv();
  setLogLevel(env.LOG_LEVEL);
  if (!env.DATABASE_URL) checkDataDir(path.resolve(env.SAMRAD_DATA_DIR));
  // The port is taken first, so a port in use is said at once, not after the migrations and the demo.
  // Until the app is ready every request (/healthz too) is told to come back.
  let app: ReturnType<typeof TCreateApp> | undefined;
  // That answer does not read a body, so it says Connection: close (see closeWhenBodyUnread).
  const server = createHttpServer((request, bindings) => app ? app.fetch(request, bindings as never)
    : new Response('samrad is starting', { status: 503, headers: { 'retry-after': '5', connection: 'close' } }));
  await listen(server, env.PORT);
  // The application's modules load once the checks above have passed: a start that cannot succeed
  // says so in about a second instead of after loading (and transpiling) all of samrad.
  const [{ openDatabase }, { migrateDatabase }, { createApp }, { fileStoreFromEnv, startFileSweep, startPaperSweep }, { prepareInstall },
    { backgroundJobs }, { startScheduler }, { configureRenderer }, { paperCachesIn }] = await Promise.all([
    import('../db/client.js'), import('../db/migrate.js'), import('./app.js'), import('./files.js'), import('./install.js'),
    import('./background.js'), import('./jobs.js'), import('../documents/renderer.js'), import('../documents/cached-papers.js'),
  ]);
  const database = env.DATABASE_URL
    ? await openDatabase({ url: env.DATABASE_URL })
    : await openDatabase({ dataDir: path.resolve(env.SAMRAD_DATA_DIR) });
  if (env.DATABASE_URL) await checkDatabaseServer(database, env.DATABASE_URL);
  await migrateDatabase(database);
  const files = fileStoreFromEnv(env);
  await prepareInstall(database, { env, demo: { files }, log: logger });
  configureRenderer({ maxQueued: env.SAMRAD_RENDER_QUEUE, ...(env.SAMRAD_RENDER_WORKERS ? { workers: env.SAMRAD_RENDER_WORKERS } : {}) });
  const papers = paperCachesIn(path.resolve(env.SAMRAD_DATA_DIR));
  app = createApp({ db: database.db, env, files, papers });
  const scheduler = startScheduler(database.db, backgroundJobs(env));
  const fileSweep = startFileSweep(database.db, files);
  const paperSweep = startPaperSweep(database.db, [papers.public, papers.full]);
  logger.info(`samrad listening on http://localhost:${env.PORT} (${database.kind})`);
  const stop = async () => {
    scheduler.stop();
    fileSweep.stop();
    paperSweep.stop();
    server.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  // Startup errors (a wrong environment, an unreachable database) are for a person to read: one line.
  const message = err instanceof Error ? err.message : String(err);
  const line = err instanceof StartupError || message.startsWith('samrad cannot start:') ? message : `samrad cannot start: ${message}`;
  console.error(line.replace(/\s*\n\s*/g, ' '));
  process.exit(1);
});
