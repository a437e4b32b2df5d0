// Every API route the app serves is in its OpenAPI document, so the typed client and the response
// check (src/test/response-contract.ts) see it: a route mounted with plain Hono instead of createRoute
// fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, TestClient, startApp, type TStartedApp } from '../test/app.js';

let w: TStartedApp;

beforeAll(async () => {
  w = await startApp();
});
afterAll(() => w.database.drop());

/** The document itself and its interactive reference, which are not API operations. */
const REFERENCE = ['/api/openapi.json', '/api/docs'];

describe('the OpenAPI document', () => {
  it('lists every /api route the app serves, with its method', async () => {
    const doc = await json(await new TestClient(w.app).get('/api/openapi.json'), 200) as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`)));
    const served = w.app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !REFERENCE.some((p) => r.path.startsWith(p)))
      .map((r) => `${r.method} ${r.path}`);
    expect(served.length).toBeGreaterThan(100);
    expect(served.filter((route) => !documented.has(route))).toEqual([]);
  });
});
