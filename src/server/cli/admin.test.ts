// The admin CLI through its exported function, on a real database: usage, creating an admin with a
// one-time password that signs in, resetting an existing account to admin, and what it refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient, startApp, type TStartedApp } from '../../test/app.js';
import { createUser, findUserByEmail } from '../../modules/org/users.service.js';
import { systemActor } from '../context.js';
import { runAdminCli, USAGE } from './admin.js';

let w: TStartedApp;

beforeAll(async () => {
  w = await startApp();
});
afterAll(() => w.database.drop());

async function run(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runAdminCli(args, {
    stdout: (l) => out.push(l), stderr: (l) => err.push(l), readStdinLine: async () => stdin, database: w.database,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('npm run admin', () => {
  it('prints the usage with exit code 2 for a missing or unknown command, 0 for --help', async () => {
    for (const args of [[], ['delete', 'a@example.no'], ['create'], ['create', 'not-an-email'], ['create', 'a@example.no', '--force']]) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain(USAGE);
    }
    const help = await run(['--help']);
    expect(help).toMatchObject({ code: 0, stdout: USAGE });
  });

  it('creates an admin and prints a one-time password that signs in', async () => {
    const result = await run(['create', 'drift@ror-ikt.no', '--name', 'Drift ROR-IKT']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Created the admin account drift@ror-ikt\.no \(Drift ROR-IKT\)\./);
    const password = /One-time password: (\S+)/.exec(result.stdout)![1]!;
    expect(password).toMatch(/^[\w]{5}-[\w]{5}-[\w]{5}-[\w]{5}$/);
    const client = await new TestClient(w.app).login('drift@ror-ikt.no', password);
    expect((await (await client.get('/api/auth/me')).json()).user).toMatchObject({ role: 'admin', name: 'Drift ROR-IKT' });
  });

  it('makes an existing account an enabled admin with the password from stdin, ending its sessions', async () => {
    await createUser(w.database.db, systemActor, { email: 'kari@molde.kommune.no', name: 'Kari', role: 'council', password: 'gammel hest i fjøset' });
    const old = await new TestClient(w.app).login('kari@molde.kommune.no', 'gammel hest i fjøset');
    const result = await run(['create', 'Kari@Molde.kommune.no', '--password-stdin'], 'blå traktor på taket\n');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe('kari@molde.kommune.no is now an enabled admin with a new password; its sessions have ended.');
    expect((await old.get('/api/auth/me')).status).toBe(401);
    const user = await findUserByEmail(w.database.db, 'kari@molde.kommune.no');
    expect(user).toMatchObject({ role: 'admin', disabled: false });
    await new TestClient(w.app).login('kari@molde.kommune.no', 'blå traktor på taket');
  });

  it('refuses a common password and a demo account with exit code 1 and a clear message, changing nothing', async () => {
    const weak = await run(['create', 'svak@example.no', '--password-stdin'], 'password123');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/^admin: Ugyldig verdi for password: /);
    expect(await findUserByEmail(w.database.db, 'svak@example.no')).toBeUndefined();

    await createUser(w.database.db, systemActor, { email: 'admin@demo.samrad.no', name: 'Demo', role: 'staff', password: 'samrad-demo', demo: true });
    const demo = await run(['create', 'admin@demo.samrad.no']);
    expect(demo.code).toBe(1);
    expect(demo.stderr).toBe('admin: admin@demo.samrad.no er en demokonto med kjent passord og kan ikke gjøres til en ekte administrator; bruk en annen e-postadresse');
    expect((await findUserByEmail(w.database.db, 'admin@demo.samrad.no'))!.role).toBe('staff');
  });

  it('says so in one line when the database cannot be reached', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runAdminCli(['create', 'x@example.no'], {
      stdout: (l) => out.push(l), stderr: (l) => err.push(l), readStdinLine: async () => '',
      env: { DATABASE_URL: 'postgres://samrad@127.0.0.1:1/samrad' },
    });
    expect(code).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^admin: samrad cannot start: the PostgreSQL server at 127\.0\.0\.1:1 does not answer/)]);
  });
});
