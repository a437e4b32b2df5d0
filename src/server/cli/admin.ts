// `npm run admin -- create <email>`: the operator's way to an admin account from the server's shell,
// when the set-up link is lost or every admin is locked out. Goes through the same service as the set-up
// page (ensureAdmin), so the same password rules and audit apply. Exit codes: 0 done, 1 refused or
// failed, 2 wrong usage.
import { randomInt } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase, type Database } from '../../db/client.js';
import { migrateDatabase } from '../../db/migrate.js';
import { ensureAdmin } from '../../modules/org/setup.service.js';
import { readEnv } from '../env.js';
import { HttpError } from '../errors.js';
import { setLogLevel } from '../logger.js';
import { checkDatabaseServer, checkDataDir, StartupError } from '../startup.js';

export const USAGE = `Usage: npm run admin -- create <email> [--name "<full name>"] [--password-stdin]

Makes <email> an admin of this samrad install: creates the account, or makes an existing account an
enabled admin with a new password (its sessions end). Without --password-stdin a one-time password is
printed; sign in with it and change it under Profil. With --password-stdin the password is the first
line of standard input (echo "…" | npm run admin -- create … --password-stdin).

The database is the server's: DATABASE_URL, or the embedded one in SAMRAD_DATA_DIR (default ./data).
Stop the server first when it runs on the embedded database: it holds that directory.

Exit codes: 0 done, 1 refused or failed, 2 wrong usage.`;

export type TAdminCliIo = {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** The first line of standard input, for --password-stdin. */
  readStdinLine: () => Promise<string>;
  /** A database to use instead of the one the environment names (tests). */
  database?: Database;
  env?: NodeJS.ProcessEnv;
};

type TParsed = { email: string; name?: string; passwordStdin: boolean };

function parseArgs(args: string[]): TParsed | string {
  const [command, email, ...rest] = args;
  if (command !== 'create') return command ? `unknown command "${command}"` : 'no command given';
  if (!email || email.startsWith('--')) return 'create needs the e-mail address of the account';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return `"${email}" is not an e-mail address`;
  const parsed: TParsed = { email, passwordStdin: false };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--password-stdin') parsed.passwordStdin = true;
    else if (arg === '--name' && rest[i + 1] && !rest[i + 1]!.startsWith('--')) parsed.name = rest[++i]!.trim();
    else return `unknown option "${arg}"`;
  }
  return parsed;
}

// No look-alike characters (0/O, 1/l/I): the password is read off a terminal and typed in.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Four groups of five: about 115 bits, far past any guessing. */
export function oneTimePassword(): string {
  const group = () => Array.from({ length: 5 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

async function openFromEnv(env: NodeJS.ProcessEnv): Promise<Database> {
  const checked = readEnv(env);
  setLogLevel('warn');
  if (checked.DATABASE_URL) {
    const database = await openDatabase({ url: checked.DATABASE_URL });
    await checkDatabaseServer(database, checked.DATABASE_URL);
    return database;
  }
  const dataDir = path.resolve(checked.SAMRAD_DATA_DIR);
  checkDataDir(dataDir);
  return openDatabase({ dataDir });
}

export async function runAdminCli(args: string[], io: TAdminCliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout(USAGE);
    return 0;
  }
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') {
    io.stderr(`admin: ${parsed}\n\n${USAGE}`);
    return 2;
  }
  let password: string;
  if (parsed.passwordStdin) {
    password = (await io.readStdinLine()).replace(/\r?\n$/, '');
    if (!password) {
      io.stderr('admin: --password-stdin was given but standard input had no password');
      return 2;
    }
  } else {
    password = oneTimePassword();
  }
  let database: Database | undefined;
  try {
    database = io.database ?? await openFromEnv(io.env ?? process.env);
    if (!io.database) await migrateDatabase(database);
    const result = await ensureAdmin(database.db, { userId: null, name: 'admin-kommandoen' }, {
      email: parsed.email, name: parsed.name, password,
    });
    io.stdout(result.action === 'created'
      ? `Created the admin account ${result.user.email} (${result.user.name}).`
      : `${result.user.email} is now an enabled admin with a new password; its sessions have ended.`);
    if (!parsed.passwordStdin) io.stdout(`One-time password: ${password}\nSign in and change it under Profil.`);
    return 0;
  } catch (err) {
    const message = err instanceof HttpError || err instanceof StartupError || err instanceof Error ? err.message : String(err);
    io.stderr(`admin: ${message.replace(/\s*\n\s*/g, ' ')}`);
    return 1;
  } finally {
    if (database && !io.database) await database.close();
  }
}

async function readFirstLine(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split('\n')[0] ?? '';
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runAdminCli(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    readStdinLine: readFirstLine,
  }).then((code) => process.exit(code));
}
