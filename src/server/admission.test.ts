// The admission gate (decision 0019): a bounded number of requests at work, the rest in one first-come
// queue, and past the bounds a 503 with Retry-After at once. Ordered by promises, never by sleeping;
// the deadline is driven by fake timers.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createTestDatabase, type TestDatabase } from '../test/db.js';
import { createApp } from './app.js';
import { createAdmissionGate, HOLD_SAMPLES_TO_REFUSE, ServerBusyError, type TAdmissionGate } from './admission.js';
import { readEnv } from './env.js';

/** Settles the microtask queue enough for every already-resolved continuation to run. */
const settle = async () => { for (let i = 0; i < 10; i++) await Promise.resolve(); };

describe('createAdmissionGate', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('admits up to its bound, queues the rest, and refuses at once when the queue is full', async () => {
    const gate = createAdmissionGate({ maxActive: 2, maxQueued: 2, maxWaitMs: 60_000 });
    const first = await gate.enter();
    await gate.enter();
    const admitted: string[] = [];
    const third = gate.enter().then((leave) => { admitted.push('third'); return leave; });
    const fourth = gate.enter().then((leave) => { admitted.push('fourth'); return leave; });
    expect([gate.active, gate.queued]).toEqual([2, 2]);
    const refused = await gate.enter().then(() => null, (err: unknown) => err);
    expect(refused).toBeInstanceOf(ServerBusyError);
    expect((refused as ServerBusyError).status).toBe(503);
    expect((refused as ServerBusyError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
    await settle();
    expect(admitted).toEqual([]);
    // A freed place goes to the first in the queue, not to whoever asks next.
    first();
    first(); // a second release of the same place frees nothing more
    await settle();
    expect(admitted).toEqual(['third']);
    expect([gate.active, gate.queued]).toEqual([2, 1]);
    (await third)();
    await settle();
    expect(admitted).toEqual(['third', 'fourth']);
    (await fourth)();
    expect(gate.active).toBe(1);
  });

  it('refuses a request that has waited its longest, and keeps the order of the others', async () => {
    vi.useFakeTimers();
    const gate = createAdmissionGate({ maxActive: 1, maxQueued: 10, maxWaitMs: 5_000 });
    const holder = await gate.enter();
    const early = gate.enter();
    vi.advanceTimersByTime(3_000);
    const late = gate.enter();
    vi.advanceTimersByTime(2_000);
    await expect(early).rejects.toBeInstanceOf(ServerBusyError);
    expect(gate.queued).toBe(1);
    holder();
    const leave = await late;
    expect(gate.active).toBe(1);
    leave();
    expect([gate.active, gate.queued]).toEqual([0, 0]);
  });
});

describe('the gate in front of the API, over HTTP', () => {
  let database: TestDatabase;
  let server: ServerType;
  let base: string;
  let gate: TAdmissionGate;

  beforeAll(async () => {
    database = await createTestDatabase();
    gate = createAdmissionGate({ maxActive: 1, maxQueued: 1, maxWaitMs: 60_000 });
    const env = readEnv({ SAMRAD_DEMO: 'off', SAMRAD_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'samrad-admission-')) } as NodeJS.ProcessEnv);
    const app = createApp({ db: database.db, env, admission: gate });
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    (server as import('node:http').Server).closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await database.drop();
  });

  it('answers 503 with Retry-After at once when full, serves /healthz past the queue, and admits the waiting request when a place frees', async () => {
    const holder = await gate.enter();
    const waiting = fetch(`${base}/api/auth/me`);
    // The request is in the queue once the gate counts it; polled on the gate, not on a clock.
    while (gate.queued === 0) await new Promise((r) => setImmediate(r));
    const refused = await fetch(`${base}/api/auth/me`);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()).error.code).toBe('busy');
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const docs = await fetch(`${base}/api/openapi.json`);
    expect(docs.status, await docs.clone().text()).toBe(200);
    holder();
    expect((await waiting).status).toBe(401);
    expect((await fetch(`${base}/api/auth/me`)).status).toBe(401);
    expect([gate.active, gate.queued]).toEqual([0, 0]);
  });

  it('reads a request body before it takes a place, so a slow sender holds none', async () => {
    const holder = await gate.enter();
    const body = JSON.stringify({ email: 'treg@example.no', password: 'feil passord her' });
    const slow = request(`${base}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), origin: base },
    });
    const answered = new Promise<number>((resolve, reject) => {
      slow.on('response', (res) => { res.resume(); resolve(res.statusCode!); });
      slow.on('error', reject);
    });
    const arrived = new Promise((resolve) => server.once('request', resolve));
    slow.write(body.slice(0, 10));
    await arrived;
    // The server has the headers and part of the body, and has run every step it can without more bytes.
    await new Promise((r) => setImmediate(r));
    expect(gate.queued).toBe(0);
    holder();
    expect((await fetch(`${base}/api/auth/me`)).status).toBe(401);
    expect([gate.active, gate.queued]).toEqual([0, 0]);
    slow.end(body.slice(10));
    expect(await answered).toBe(401);
  });
});

describe('createAdmissionGate, refusing early', () => {
  it('refuses at once a request that the pace of freed places would not reach within its longest wait', async () => {
    vi.useFakeTimers();
    const gate = createAdmissionGate({ maxActive: 1, maxQueued: 100, maxWaitMs: 1_000 });
    // Places held 2 s each, for a while: the gate learns its pace.
    for (let i = 0; i < 30; i++) {
      const leave = await gate.enter();
      vi.advanceTimersByTime(2_000);
      leave();
    }
    const holder = await gate.enter();
    const refused = await gate.enter().then(() => null, (err: unknown) => err);
    expect(refused).toBeInstanceOf(ServerBusyError);
    expect(gate.queued).toBe(0);
    holder();
    vi.useRealTimers();
  });
});

describe('createAdmissionGate, learning its pace', () => {
  afterEach(() => { vi.useRealTimers(); });

  /** Holds `n` places one after another, each for `ms`. */
  async function holdPlaces(gate: TAdmissionGate, n: number, ms: number) {
    for (let i = 0; i < n; i++) {
      const leave = await gate.enter();
      vi.advanceTimersByTime(ms);
      leave();
    }
  }

  it('queues a burst that arrives before it has learned how long places are held', async () => {
    vi.useFakeTimers();
    const gate = createAdmissionGate({ maxActive: 1, maxQueued: 500, maxWaitMs: 1_000 });
    await holdPlaces(gate, HOLD_SAMPLES_TO_REFUSE - 1, 2_000);
    const holder = await gate.enter();
    const burst = Array.from({ length: 200 }, () => gate.enter());
    expect(gate.queued).toBe(200);
    holder();
    // Past its longest wait each is refused, as before; none was refused at once.
    vi.advanceTimersByTime(1_000);
    const outcomes = await Promise.allSettled(burst);
    expect(outcomes[0]!.status).toBe('fulfilled');
    expect(outcomes.slice(1).every((o) => o.status === 'rejected')).toBe(true);
  });

  it('does not turn a moving queue away after one slow request', async () => {
    vi.useFakeTimers();
    const gate = createAdmissionGate({ maxActive: 1, maxQueued: 500, maxWaitMs: 1_000 });
    await holdPlaces(gate, 100, 10);
    // One request holds its place 5 s (a long transaction, a stall): the queue's pace hardly changes.
    await holdPlaces(gate, 1, 5_000);
    const holder = await gate.enter();
    const queue = Array.from({ length: 10 }, () => gate.enter());
    expect(gate.queued).toBe(10);
    holder();
    for (const entered of queue) (await entered)();
    expect([gate.active, gate.queued]).toEqual([0, 0]);
  });
});

