import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, TestClient, startApp, type TStartedApp } from '../test/app.js';
import { createUser } from '../modules/org/users.service.js';
import { systemActor } from './context.js';
import { httpErrorFromPostgres } from './errors.js';
import { MAX_JSON_BYTES } from './guards.js';

let w: TStartedApp;

beforeAll(async () => {
  w = await startApp();
  await createUser(w.database.db, systemActor, { email: 'guard@example.no', name: 'Guard', role: 'staff', password: 'correct horse battery' });
});
afterAll(() => w.database.drop());

describe('foreign Origin on writes', () => {
  it('refuses a JSON write that names another site, and accepts our own origin', async () => {
    const foreign = await w.app.request('http://localhost/api/auth/login', {
      method: 'POST', headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'guard@example.no', password: 'correct horse battery' }),
    });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.code).toBe('csrf');
    expect(foreign.headers.get('set-cookie')).toBeNull();
    const own = await new TestClient(w.app).post('/api/auth/login', { email: 'guard@example.no', password: 'correct horse battery' });
    expect(own.status).toBe(200);
  });

  it('accepts PUBLIC_URL as our origin behind a proxy', async () => {
    const proxied = createTestApp(w.database.db, { PUBLIC_URL: 'https://samrad.example.no' });
    const res = await proxied.request('http://localhost/api/auth/login', {
      method: 'POST', headers: { origin: 'https://samrad.example.no', 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'guard@example.no', password: 'correct horse battery' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });
});

describe('body size', () => {
  it('refuses a JSON body over the limit with 413 before reading it all', async () => {
    const res = await new TestClient(w.app).post('/api/auth/login', { email: 'guard@example.no', password: 'x'.repeat(MAX_JSON_BYTES) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/for stor/);
  });
});

describe('caching', () => {
  it('marks answers for a signed-in user private and no-store', async () => {
    const client = await new TestClient(w.app).login('guard@example.no', 'correct horse battery');
    const res = await client.get('/api/auth/me');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('vary')).toMatch(/Cookie/);
  });
  it('leaves the API reference cacheable', async () => {
    const res = await new TestClient(w.app).get('/api/openapi.json');
    expect(res.headers.get('cache-control')).not.toBe('private, no-store');
  });
});

describe('values the database cannot hold', () => {
  const pgError = async (query: ReturnType<typeof sql>) => {
    try {
      await w.database.db.execute(query);
    } catch (err) {
      return httpErrorFromPostgres(err) ?? httpErrorFromPostgres((err as { cause?: unknown }).cause);
    }
    throw new Error('expected the query to fail');
  };
  it('maps year 0 and impossible dates to 400', async () => {
    expect((await pgError(sql`select '0000-01-01'::date`))?.status).toBe(400);
  });
  it('maps NUL bytes in text to 400', async () => {
    expect((await pgError(sql`select convert_from('\\x610062'::bytea, 'UTF8')`))?.status).toBe(400);
  });
});
