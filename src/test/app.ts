// Drives the real HTTP app in-process (app.request), keeping a cookie jar per client like a browser.
import { appendFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../server/app.js';
import { readEnv } from '../server/env.js';
import type { Db } from '../db/client.js';
import { diskFileStore } from '../lib/files/disk.js';
import type { TPaperCaches } from '../documents/cached-papers.js';
import type { FileStore } from '../lib/files/store.js';
import { expect } from 'vitest';
import { describeMismatch, responseContract, type TResponseContract } from './response-contract.js';
import { createTestDatabase } from './db.js';

export const TEST_ORIGIN = 'http://localhost';

/** A file store of its own in a fresh temporary directory, so tests never write into ./data. */
export function createTestFileStore(): FileStore {
  return diskFileStore(path.join(mkdtempSync(path.join(os.tmpdir(), 'samrad-files-')), 'files'));
}

export function createTestApp(db: Db, envOverrides: Record<string, string> = {}, files: FileStore = createTestFileStore(), papers?: TPaperCaches) {
  // A data directory of its own (the paper caches live there), never ./data.
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'samrad-data-'));
  const env = readEnv({ SAMRAD_DATA_DIR: dataDir, ...envOverrides, SAMRAD_DEMO: 'off' } as NodeJS.ProcessEnv);
  return createApp({ db, env, files, ...(papers ? { papers } : {}) });
}

/** A fresh database and the app on it, for a test file that needs no module's world: `w = await startApp()`. */
export async function startApp(env: Record<string, string> = {}) {
  const database = await createTestDatabase();
  return { database, app: createTestApp(database.db, env) };
}
export type TStartedApp = Awaited<ReturnType<typeof startApp>>;

export type TestApp = ReturnType<typeof createTestApp>;

export class TestClient {
  private cookies = new Map<string, string>();
  constructor(private readonly app: TestApp) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const h = new Headers(headers);
    if (this.cookies.size) h.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    h.set('origin', TEST_ORIGIN);
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      h.set('content-type', 'application/json');
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const res = await this.app.request(`${TEST_ORIGIN}${path}`, { method, headers: h, body: payload });
    await checkAgainstDocument(this.app, method, path, res);
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      if (!value || /expires=Thu, 01 Jan 1970|max-age=0/i.test(line)) this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    return res;
  }

  get = (path: string) => this.request('GET', path);
  post = (path: string, body?: unknown) => this.request('POST', path, body);
  put = (path: string, body?: unknown) => this.request('PUT', path, body);
  patch = (path: string, body?: unknown) => this.request('PATCH', path, body);
  delete = (path: string) => this.request('DELETE', path);

  async login(email: string, password: string) {
    const res = await this.post('/api/auth/login', { email, password });
    if (res.status !== 200) throw new Error(`login as ${email} failed: ${res.status} ${await res.text()}`);
    return this;
  }
}

const contracts = new WeakMap<TestApp, Promise<TResponseContract>>();

/**
 * Holds the answer against the app's own /api/openapi.json (src/test/response-contract.ts): a
 * mismatch fails the request's test. SAMRAD_CONTRACT=report only lists them; SAMRAD_CONTRACT_REPORT
 * names a file that collects every mismatch as a JSON line.
 */
async function checkAgainstDocument(app: TestApp, method: string, path: string, res: Response) {
  let contract = contracts.get(app);
  if (!contract) {
    contract = (async () => responseContract(await (await app.request(`${TEST_ORIGIN}/api/openapi.json`)).json()))();
    contracts.set(app, contract);
  }
  const contentType = res.headers.get('content-type');
  const body = contentType?.includes('json') ? await res.clone().text().then((text) => (text ? JSON.parse(text) : undefined)) : undefined;
  const mismatch = (await contract).check(method, path, res.status, contentType, body);
  if (!mismatch) return;
  if (process.env.SAMRAD_CONTRACT_REPORT) appendFileSync(process.env.SAMRAD_CONTRACT_REPORT, JSON.stringify(mismatch) + '\n');
  if (process.env.SAMRAD_CONTRACT !== 'report') throw new Error(describeMismatch(mismatch));
}

/**
 * One signed-in client per account, by the name the test uses for it, plus `anon` (signed out):
 * `buildClients(app, { staff: 'leder@example.no', council: 'rad@example.no' }, password)`.
 */
export async function buildClients<K extends string>(app: TestApp, accounts: Record<K, string>, password: string) {
  const clients = { anon: new TestClient(app) } as Record<K | 'anon', TestClient>;
  for (const [name, email] of Object.entries(accounts) as [K, string][]) {
    clients[name] = await new TestClient(app).login(email, password);
  }
  return clients;
}

/** The body of a response that must have this status (the body is shown when it has not). */
export async function json<T = any>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return text ? JSON.parse(text) : (null as T);
}

/** Sends a request whose answer must have this status, and returns its JSON body (the request and body are shown when it has not). */
export async function call(client: TestClient, method: string, path: string, body: unknown, status: number) {
  const res = await client.request(method, path, body);
  const text = await res.text();
  expect(res.status, `${method} ${path}: ${text}`).toBe(status);
  return text ? JSON.parse(text) : null;
}

/** The paths of a 400 answer's field errors, sorted. */
export const fieldsOf = (body: { error: { fields?: { path: string }[] } }) => (body.error.fields ?? []).map((f) => f.path).sort();
