// The web sends an Idempotency-Key with every POST (issue 8, decision 0018): a create the server finished
// after the browser stopped waiting is answered from its first run when sent again, not done twice.
// Through the real client (openapi-fetch, its middleware and the one retry), with fetch replaced.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ok } from './client';

const BASE = 'http://samrad.test';
const sent: Request[] = [];

/** Replaces fetch: answers each request with `answer`, or fails the first `failFirst` like a dropped network. */
function stubFetch(failFirst = 0) {
  let calls = 0;
  vi.stubGlobal('fetch', async (request: Request) => {
    sent.push(request);
    if (calls++ < failFirst) throw new TypeError('fetch failed');
    return new Response(JSON.stringify({ id: 't1' }), { status: 201, headers: { 'content-type': 'application/json' } });
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  sent.length = 0;
});

const newTicket = { title: 'Skriveren virker ikke', description: 'På rådhuset', category: 'Utskrift' } as never;

describe('the web API client and Idempotency-Key', () => {
  it('gives every POST a fresh key of its own', async () => {
    stubFetch();
    await ok(api.POST('/api/servicedesk/tickets', { baseUrl: BASE, body: newTicket }));
    await ok(api.POST('/api/servicedesk/tickets', { baseUrl: BASE, body: newTicket }));
    const keys = sent.map((r) => r.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('keeps a key the caller gave', async () => {
    stubFetch();
    const key = 'skjema-7f3a9c2e1b4d4e21';
    await ok(api.POST('/api/servicedesk/tickets', { baseUrl: BASE, body: newTicket, params: { header: { 'Idempotency-Key': key } } }));
    expect(sent[0]!.headers.get('idempotency-key')).toBe(key);
  });

  it('sends a POST once more with the same key when the network fails, and a GET without a key', async () => {
    stubFetch(1);
    await ok(api.POST('/api/servicedesk/tickets', { baseUrl: BASE, body: newTicket }));
    expect(sent).toHaveLength(2);
    expect(sent[0]!.headers.get('idempotency-key')).toMatch(/^[0-9a-f]{32}$/);
    expect(sent[1]!.headers.get('idempotency-key')).toBe(sent[0]!.headers.get('idempotency-key'));
    expect(await sent[1]!.text()).toBe(JSON.stringify(newTicket));

    sent.length = 0;
    stubFetch();
    await ok(api.GET('/api/servicedesk/tickets', { baseUrl: BASE }));
    expect(sent[0]!.method).toBe('GET');
    expect(sent[0]!.headers.has('idempotency-key')).toBe(false);
  });
});
