// Starts samrad: read the environment, open and migrate the database, load the demo into an empty
// database, then serve HTTP.
import path from 'node:path';
import { serve } from '@hono/node-server';
import { openDatabase } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import { createApp } from './app.js';
import { fileStoreFromEnv, startFileSweep } from './files.js';
import { readEnv } from './env.js';
import { logger } from './logger.js';
import { loadDemoIfEmpty } from '../../demo/load.js';
import { backgroundJobs } from './background.js';
import { startScheduler } from './jobs.js';

async function main() {
  const env = readEnv();
  const database = env.DATABASE_URL
    ? await openDatabase({ url: env.DATABASE_URL })
    : await openDatabase({ dataDir: path.resolve(env.SAMRAD_DATA_DIR) });
  await migrateDatabase(database);
  const files = fileStoreFromEnv(env);
  if (env.SAMRAD_DEMO === 'auto') {
    const loaded = await loadDemoIfEmpty(database.db, { files });
    if (loaded) logger.info('database was empty: loaded the demo cooperation ROR-IKT');
  }
  const app = createApp({ db: database.db, env, files });
  const scheduler = startScheduler(database.db, backgroundJobs(env));
  const fileSweep = startFileSweep(database.db, files);
  const server = serve({ fetch: app.fetch, port: env.PORT }, (info) => {
    logger.info(`samrad listening on http://localhost:${info.port} (${database.kind})`);
  });
  const stop = async () => {
    scheduler.stop();
    fileSweep.stop();
    server.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  // Startup errors (a wrong environment, an unreachable database) are for a person to read.
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
