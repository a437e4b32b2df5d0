// The per-address sign-in throttle behind a reverse proxy: which address counts (TRUST_PROXY hops of
// X-Forwarded-For, none by default), checked as a pure function and over real HTTP on a loopback port.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { createApp } from '../app.js';
import { systemActor } from '../context.js';
import { readEnv } from '../env.js';
import { loginThrottle } from '../../modules/org/schema.js';
import { createUser } from '../../modules/org/users.service.js';
import { addressKey, clientAddress, FREE_FAILURES_PER_ADDRESS, MAX_BLOCK_SECONDS } from './throttle.js';

describe('clientAddress', () => {
  const socket = '10.0.0.5';

  it('ignores X-Forwarded-For unless proxies are trusted (TRUST_PROXY=0)', () => {
    expect(clientAddress({ socket, forwardedFor: '203.0.113.7', trustedHops: 0 })).toBe(socket);
    expect(clientAddress({ socket, forwardedFor: undefined, trustedHops: 0 })).toBe(socket);
  });

  it('takes the address the trusted hops saw, counting from the right, never a client-written entry', () => {
    // The client wrote "198.51.100.1" itself; the proxy appended the address it saw.
    expect(clientAddress({ socket, forwardedFor: '198.51.100.1, 203.0.113.7', trustedHops: 1 })).toBe('203.0.113.7');
    // Two proxies (a load balancer, then nginx): the second entry from the right is the client.
    expect(clientAddress({ socket, forwardedFor: '198.51.100.1, 203.0.113.7, 10.0.0.9', trustedHops: 2 })).toBe('203.0.113.7');
    expect(clientAddress({ socket, forwardedFor: '2001:db8::1', trustedHops: 1 })).toBe('2001:db8::1');
  });

  it('falls back to the nearest trusted address when the header is missing, short or not an address', () => {
    expect(clientAddress({ socket, forwardedFor: undefined, trustedHops: 1 })).toBe(socket);
    expect(clientAddress({ socket, forwardedFor: '203.0.113.7', trustedHops: 3 })).toBe('203.0.113.7');
    expect(clientAddress({ socket, forwardedFor: 'evil, 10.0.0.9', trustedHops: 2 })).toBe('10.0.0.9');
    expect(clientAddress({ socket, forwardedFor: ' , ', trustedHops: 1 })).toBe(socket);
    expect(clientAddress({ socket: undefined, forwardedFor: undefined, trustedHops: 0 })).toBe('unknown');
  });
});

describe('TRUST_PROXY in the environment', () => {
  it('defaults to 0 and takes a whole number of hops; anything else stops the start', () => {
    expect(readEnv({}).TRUST_PROXY).toBe(0);
    expect(readEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    for (const bad of ['yes', 'true', '-1', '1.5', '11']) expect(() => readEnv({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
  });
});

describe('POST /api/auth/login behind a proxy (real HTTP on 127.0.0.1)', () => {
  let database: TestDatabase;
  const servers: ServerType[] = [];
  const ATTACKER = '203.0.113.7';
  const COLLEAGUE = '198.51.100.20';

  beforeAll(async () => {
    database = await createTestDatabase();
    await createUser(database.db, systemActor, { email: 'leder@example.no', name: 'Leder', role: 'staff', password: 'correct horse battery' });
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((done) => s.close(done))));
    await database.drop();
  });

  async function start(trustProxy: string): Promise<string> {
    const app = createApp({ db: database.db, env: readEnv({ SAMRAD_DEMO: 'off', LOG_LEVEL: 'silent', TRUST_PROXY: trustProxy }) });
    const server = await new Promise<ServerType>((ready) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => ready(s));
    });
    servers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  const login = (base: string, forwardedFor: string) => fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base, 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ email: 'leder@example.no', password: 'correct horse battery' }),
  });

  /** Blocks an address as if it had used up its free failures (for as long as the throttle ever blocks, so no test races the clock). */
  async function block(address: string) {
    await database.db.delete(loginThrottle);
    await database.db.insert(loginThrottle).values({
      key: addressKey(address).key, failures: FREE_FAILURES_PER_ADDRESS + 1, lastFailureAt: new Date(),
      blockedUntil: new Date(Date.now() + MAX_BLOCK_SECONDS * 1000),
    });
  }

  it('TRUST_PROXY=0: the socket address counts, so a forged X-Forwarded-For neither escapes a block nor causes one', async () => {
    const base = await start('0');
    await block('127.0.0.1');
    expect((await login(base, COLLEAGUE)).status).toBe(429);
    await block(ATTACKER);
    expect((await login(base, ATTACKER)).status).toBe(200);
  });

  it('TRUST_PROXY=1: the address the proxy appended counts, so one blocked client does not lock out the rest', async () => {
    const base = await start('1');
    await block(ATTACKER);
    expect((await login(base, ATTACKER)).status).toBe(429);
    // Whatever the attacker writes in front, the proxy's entry is what counts.
    expect((await login(base, `${COLLEAGUE}, ${ATTACKER}`)).status).toBe(429);
    expect((await login(base, COLLEAGUE)).status).toBe(200);
    expect((await login(base, `${ATTACKER}, ${COLLEAGUE}`)).status).toBe(200);
  });
});
