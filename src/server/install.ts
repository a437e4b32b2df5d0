// What an empty install gets at start: the demo where that is safe, else a one-time set-up link
// while no admin exists (docs/decisions/0012).
import type { Database } from '../db/client.js';
import { loadDemoIfEmpty, type TDemoOptions } from '../../demo/load.js';
import { hasActiveAdmin, issueSetupToken, SETUP_TOKEN_HOURS, setupLink } from '../modules/org/setup.service.js';
import type { TEnv } from './env.js';

export type TDemoSetting = TEnv['SAMRAD_DEMO'];

/**
 * Whether the demo may go into an empty database. Its accounts have a published password, so a
 * PostgreSQL server (DATABASE_URL: likely production) gets it only when asked for by name (on); the
 * embedded database keeps the README's promise that `npm start` shows the demo (auto).
 */
export function demoWanted(setting: TDemoSetting, engine: Database['kind']): boolean {
  if (setting === 'on') return true;
  if (setting === 'off') return false;
  return engine === 'pglite';
}

export type TPrepareInstallOptions = {
  env: Pick<TEnv, 'SAMRAD_DEMO' | 'PUBLIC_URL' | 'PORT'>;
  demo?: TDemoOptions;
  log: { info: (message: string) => void; warn: (message: string) => void };
};

/** After the migrations: the demo into an empty database when wanted, else a set-up link while no admin exists. */
export async function prepareInstall(database: Database, options: TPrepareInstallOptions) {
  const { env, log } = options;
  let demoLoaded = false;
  if (demoWanted(env.SAMRAD_DEMO, database.kind)) {
    demoLoaded = await loadDemoIfEmpty(database.db, options.demo);
    if (demoLoaded) log.info('database was empty: loaded the demo cooperation ROR-IKT (accounts with the published demo password)');
  }
  const token = await issueSetupToken(database.db);
  const link = token ? setupLink({ publicUrl: env.PUBLIC_URL, port: env.PORT, token }) : null;
  // warn, not info: an install nobody can sign in to needs a person, and LOG_LEVEL=warn still shows it.
  if (link) log.warn(`samrad has no admin yet: set it up at ${link} (one use, valid ${SETUP_TOKEN_HOURS} hours; or run npm run admin -- create <email>)`);
  else if (!await hasActiveAdmin(database.db)) log.warn('samrad has no enabled admin: run npm run admin -- create <email> on the server');
  return { demoLoaded, setupLink: link };
}
