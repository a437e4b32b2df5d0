// Passwords: argon2id hashing (OWASP's recommended memory/time cost) and the
// one set of rules every new password must pass, wherever it is set (own change, an admin creating or
// resetting an account, the admin CLI and the set-up page).
import { hash, verify, type Options } from '@node-rs/argon2';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { badRequest } from '../errors.js';

/** argon2id (the library's default algorithm) as OWASP recommends it (19 MiB, two passes): ~50 ms a hash, on purpose. */
export const PASSWORD_HASH_OPTIONS: Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * The test suite's hashes: the smallest argon2id allows. The suite hashes and checks thousands of
 * passwords, ~50 ms each at the real cost; hashing strength is no behaviour any test checks. Only a
 * process that vitest itself runs gets them (vitest sets VITEST; nothing else does, and the servers the
 * tests start as child processes go without it), and password-hash.test.ts checks that any other
 * environment gets PASSWORD_HASH_OPTIONS. A hash records its own parameters, so verify needs none.
 */
const TEST_RUN_HASH_OPTIONS: Options = { memoryCost: 8, timeCost: 1, parallelism: 1 };

export function passwordHashOptions(env: NodeJS.ProcessEnv): Options {
  return env.VITEST === 'true' ? TEST_RUN_HASH_OPTIONS : PASSWORD_HASH_OPTIONS;
}

const hashOptions = passwordHashOptions(process.env);

export const hashPassword = (password: string) => hash(password, hashOptions);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A real hash of a throwaway password, verified when the account does not exist, so a wrong e-mail
// takes as long as a wrong password and does not reveal which accounts exist.
let decoy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  decoy ??= hashPassword('decoy-password-not-used');
  await verifyPassword(await decoy, password);
}

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1000;
/**
 * zxcvbn's score: 3 is "safely unguessable" (about 10^8 guesses or more), which with argon2 and the
 * sign-in throttle puts online guessing out of reach; lower scores are the common and breached
 * passwords and their small variations.
 */
const MIN_SCORE = 3;
/** The estimate reads this much of a password: past it guessing is hopeless anyway, and the matcher's cost grows with length. */
const SCORED_LENGTH = 40;

/**
 * Words Norwegian users build passwords from that the common (mostly English) lists miss. zxcvbn
 * ranks them like its other dictionaries, with their l33t and reversed variants.
 */
const NORWEGIAN_WORDS = [
  'passord', 'hemmelig', 'velkommen', 'sommer', 'vinter', 'høst', 'haust', 'vår', 'våren', 'hosten',
  'januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober',
  'november', 'desember', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag',
  'kommune', 'fylke', 'norge', 'noreg', 'oslo', 'bergen', 'trondheim', 'molde', 'kristiansund', 'ålesund',
  'rosenborg', 'brann', 'fotball', 'hallo', 'heisann', 'elsker', 'jegelskerdeg', 'kjæreste', 'mamma',
  'pappa', 'hund', 'katt', 'bruker', 'innlogging', 'samarbeid', 'samrad', 'rådet', 'ikt', 'data',
];

// The dictionaries are a few MB: loaded on the first check, not at start, and once.
let scorer: Promise<ZxcvbnFactory> | undefined;
function loadScorer(): Promise<ZxcvbnFactory> {
  scorer ??= (async () => {
    const [core, common] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common')]);
    // Both are CommonJS: Node puts the exports on `default`, a bundler may hoist them.
    const { ZxcvbnFactory: Factory } = ('default' in core && core.default ? core.default : core) as typeof import('@zxcvbn-ts/core');
    const { dictionary, adjacencyGraphs } = ('default' in common && common.default ? common.default : common) as typeof import('@zxcvbn-ts/language-common');
    // No Levenshtein matching: it multiplies the cost of a check by ~30 (100-500 ms of blocked event
    // loop per check here) while the dictionaries, l33t and reversed matching already catch the variants.
    return new Factory({
      dictionary: { ...dictionary, norwegian: NORWEGIAN_WORDS },
      graphs: adjacencyGraphs,
      useLevenshteinDistance: false,
    });
  })();
  scorer.catch(() => { scorer = undefined; });
  return scorer;
}

const normalise = (s: string) => s.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');

export type TPasswordRulesOptions = {
  password: string;
  /** The request field the password came in, named in the refusal. */
  field: string;
  /** Whose password it is: it must not be built from their e-mail or name. */
  email: string;
  name: string;
  /** The password it replaces, in clear (the user's own change) … */
  currentPassword?: string;
  /** … or as stored (an admin's reset): the same password again is refused either way. */
  currentPasswordHash?: string | null;
};

/** Refuses (400, the field named) a password samrad will not store. The one place the rules live. */
export async function assertPasswordAcceptable(options: TPasswordRulesOptions): Promise<void> {
  const problem = await passwordProblem(options);
  if (problem) throw badRequest(`Ugyldig verdi for ${options.field}: ${problem}`, [{ path: options.field, message: problem }]);
}

async function passwordProblem(options: TPasswordRulesOptions): Promise<string | null> {
  const { password } = options;
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Passordet må ha minst ${MIN_PASSWORD_LENGTH} tegn`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Passordet kan ha høyst ${MAX_PASSWORD_LENGTH} tegn`;
  if (options.currentPassword !== undefined && password === options.currentPassword) {
    return 'Det nye passordet må være et annet enn det nåværende';
  }
  const flat = normalise(password);
  const localPart = normalise(options.email.split('@')[0] ?? '');
  const fullName = normalise(options.name);
  if ((localPart.length >= 3 && flat.includes(localPart)) || (fullName.length >= 3 && flat.includes(fullName))) {
    return 'Passordet kan ikke inneholde e-postadressen eller navnet ditt';
  }
  const userInputs = [options.email, ...options.email.split(/[@.\-_+]/), options.name, ...options.name.split(/[\s,.-]+/)]
    .map((s) => s.trim().toLowerCase()).filter((s) => s.length >= 3);
  const result = (await loadScorer()).check(password.slice(0, SCORED_LENGTH), userInputs);
  if (result.score < MIN_SCORE) {
    return 'Passordet er for lett å gjette: det er et vanlig passord, står på lister over lekkede passord eller '
      + 'er bygd av ord og mønstre som prøves først. Bruk gjerne flere ord som ikke hører sammen';
  }
  // Last, since it costs a deliberate argon2 verification.
  if (options.currentPasswordHash && await verifyPassword(options.currentPasswordHash, password)) {
    return 'Det nye passordet må være et annet enn det nåværende';
  }
  return null;
}
