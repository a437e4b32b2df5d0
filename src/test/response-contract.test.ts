// The response check of TestClient must be able to fail: a body that is not what /api/openapi.json
// documents, or a status it does not document, is refused; what it documents passes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestApp } from './app.js';
import { createTestDatabase, type TestDatabase } from './db.js';
import { responseContract, type TResponseContract } from './response-contract.js';

const MEETING_ID = '4f1c2a8e-6a4b-4d61-9a77-0f2f3c9b1d10';

let database: TestDatabase;
let contract: TResponseContract;

beforeAll(async () => {
  database = await createTestDatabase();
  const app = createTestApp(database.db);
  contract = responseContract(await (await app.request('http://localhost/api/openapi.json')).json());
});
afterAll(() => database.drop());

describe('the response check against /api/openapi.json', () => {
  it('refuses a body that does not match the documented schema, naming the field', () => {
    const mismatch = contract.check('GET', `/api/meetings/${MEETING_ID}`, 200, 'application/json', { meeting: { id: 'not-a-uuid' }, cases: [] });
    expect(mismatch).toMatchObject({ method: 'GET', route: '/api/meetings/{id}', status: 200 });
    expect(mismatch?.problem).toMatch(/body does not match the schema: .*\/meeting must have required property 'bodyId'/);
  });

  it('refuses a status the route does not document', () => {
    expect(contract.check('DELETE', `/api/meetings/${MEETING_ID}`, 200, 'application/json', {})?.problem).toBe('status is not documented');
  });

  it('refuses JSON where the route documents no JSON body', () => {
    expect(contract.check('DELETE', `/api/meetings/${MEETING_ID}`, 204, 'application/json', { deleted: true })?.problem)
      .toMatch(/no application\/json content/);
  });

  it('passes a documented error body, and leaves paths the document does not name alone', () => {
    const notFound = { error: { code: 'not_found', message: 'Møtet finnes ikke', requestId: 'r1' } };
    expect(contract.check('GET', `/api/meetings/${MEETING_ID}?x=1`, 404, 'application/json; charset=UTF-8', notFound)).toBeNull();
    expect(contract.check('GET', '/api/no-such-thing', 404, 'application/json', notFound)).toBeNull();
    expect(contract.check('GET', `/api/meetings/${MEETING_ID}`, 404, 'application/json', { error: 'nope' })?.problem)
      .toMatch(/body does not match/);
  });

  it('fails the request of a TestClient whose answer drifts from the document', async () => {
    const document = {
      openapi: '3.1.0',
      paths: { '/api/things/{id}': { get: { responses: { 200: { description: 'x', content: { 'application/json': { schema: {
        type: 'object', properties: { count: { type: 'integer' } }, required: ['count'],
      } } } } } } } },
    };
    const drifting = {
      request: async (url: string) => (url.endsWith('/api/openapi.json') ? Response.json(document) : Response.json({ count: '3' })),
    } as unknown as TestApp;
    await expect(new TestClient(drifting).get('/api/things/1')).rejects.toThrow(
      'GET /api/things/{id} answered 200, which /api/openapi.json does not document so: body does not match the schema: /count must be integer',
    );
  });
});
