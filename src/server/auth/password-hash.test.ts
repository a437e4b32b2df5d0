// The cost of a password hash: the real one everywhere but in the processes vitest runs (password.ts).
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hashPassword, passwordHashOptions, PASSWORD_HASH_OPTIONS, verifyPassword } from './password.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('password hashing cost', () => {
  it('is argon2id at 19 MiB and two passes in every environment vitest does not run', () => {
    expect(PASSWORD_HASH_OPTIONS).toEqual({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    for (const env of [{}, { NODE_ENV: 'production' }, { NODE_ENV: 'test' }, { VITEST: '1' }, { VITEST: 'false' }]) {
      expect(passwordHashOptions(env), JSON.stringify(env)).toBe(PASSWORD_HASH_OPTIONS);
    }
  });

  it('is what a server process started without vitest stores', () => {
    const { VITEST: _v, VITEST_POOL_ID: _p, VITEST_WORKER_ID: _w, ...env } = process.env;
    const stored = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e',
      "const { hashPassword } = await import('./src/server/auth/password.ts'); process.stdout.write(await hashPassword('korrekt hest batteri'));"],
    { cwd: root, env: { ...env, NODE_ENV: 'production' }, encoding: 'utf8' });
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  }, 60_000);

  it('is the cheapest argon2id inside the test run, and such a hash still verifies', async () => {
    const stored = await hashPassword('korrekt hest batteri');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=8,t=1,p=1\$/);
    expect(await verifyPassword(stored, 'korrekt hest batteri')).toBe(true);
    expect(await verifyPassword(stored, 'feil hest batteri')).toBe(false);
  });
});
