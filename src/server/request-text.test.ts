// The API's text rules over real HTTP, for every route of the OpenAPI document (generated, not picked):
// a JSON body that is not UTF-8 is a 400 saying so, a NUL is refused, a PATCH that names nothing to
// change is a 400, and stored text has no control characters and no line breaks in single-line fields.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../test/db.js';
import { TEST_ORIGIN, type TestClient, type TestApp } from '../test/app.js';
import { PW } from '../modules/economy/test-factories.js';
import { startEconomy } from '../modules/economy/economy-fixture.js';
import { cleanRequestText } from './request-text.js';

let database: TestDatabase;
let app: TestApp;
let admin: TestClient;
let cookie = '';
type TOperation = { requestBody?: { content: Record<string, { schema: { $ref?: string; properties?: Record<string, { type?: string | string[]; format?: string }> } }> } };
let doc: { paths: Record<string, Record<string, TOperation>>; components: { schemas: Record<string, { properties?: Record<string, { type?: string | string[]; format?: string }> }> } };

beforeAll(async () => {
  ({ database, app, admin } = await startEconomy());
  // The same account again for raw bytes: the test client only sends strings.
  const login = await app.request(`${TEST_ORIGIN}/api/auth/login`, {
    method: 'POST', headers: { origin: TEST_ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.no', password: PW }),
  });
  expect(login.status).toBe(200);
  cookie = login.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  doc = await (await admin.get('/api/openapi.json')).json();
});
afterAll(() => database.drop());

/** Every operation of the document, its path filled with values of the right shape. */
function operations(filter: (method: string, op: TOperation) => boolean) {
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops)
    .filter(([method, op]) => filter(method, op))
    .map(([method, op]) => ({
      method: method.toUpperCase(), op, label: `${method.toUpperCase()} ${path}`,
      url: path.replace('{year}', '2023').replace('{source}', 'servicedesk').replace(/\{\w+\}/g, '4f1c2a8e-6a4b-4d61-9a77-0f2f3c9b1d10'),
    })));
}
const takesJson = (_method: string, op: TOperation) => Boolean(op.requestBody?.content['application/json']);

async function sendBytes(method: string, url: string, bytes: Uint8Array) {
  const res = await app.request(`${TEST_ORIGIN}${url}`, {
    method, headers: { origin: TEST_ORIGIN, cookie, 'content-type': 'application/json' }, body: new Blob([new Uint8Array(bytes)]),
  });
  return { status: res.status, body: await res.text() };
}

describe('a JSON body that is not UTF-8', () => {
  it('is a 400 saying so on every JSON route of the document', async () => {
    const routes = operations(takesJson);
    expect(routes.length).toBeGreaterThan(50);
    const bytes = Buffer.concat([Buffer.from('{"name":"Lønn '), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('","description":"x"}')]);
    const answers = [];
    for (const r of routes) {
      const { status, body } = await sendBytes(r.method, r.url, bytes);
      answers.push(`${r.label}: ${status} ${status === 400 ? JSON.parse(body).error.message : body.slice(0, 80)}`);
    }
    expect(answers).toEqual(routes.map((r) => `${r.label}: 400 Forespørselen er ikke gyldig UTF-8: send JSON-teksten kodet som UTF-8`));
  });

  it('and a NUL in any string is refused on every JSON route, with the field named', async () => {
    const routes = operations(takesJson);
    const answers = [];
    for (const r of routes) {
      const { status, body } = await sendBytes(r.method, r.url, Buffer.from(JSON.stringify({ nested: [{ text: 'a\u0000b' }] })));
      answers.push(`${r.label}: ${status} ${status === 400 ? JSON.stringify(JSON.parse(body).error.fields) : body.slice(0, 80)}`);
    }
    const refused = JSON.stringify([{ path: 'nested.0.text', message: 'Teksten inneholder et NUL-tegn, som ikke kan lagres' }]);
    expect(answers).toEqual(routes.map((r) => `${r.label}: 400 ${refused}`));
  });
});

describe('a PATCH with nothing to change', () => {
  it('is a 400 on every PATCH route of the document: {}, only unknown fields, only the version read', async () => {
    const routes = operations((method) => method === 'patch');
    expect(routes.length).toBeGreaterThan(10);
    for (const r of routes) {
      const media = r.op.requestBody!.content['application/json']!.schema;
      const properties = (media.$ref ? doc.components.schemas[media.$ref.split('/').pop()!]! : media).properties ?? {};
      // The version a client read, of the type this route takes (revision or version).
      const token = Object.fromEntries(Object.entries(properties)
        .filter(([k]) => ['revision', 'version'].includes(k))
        .map(([k, p]) => [k, p.type === 'integer' || p.type === 'number' ? 1 : 'v1']));
      const nothing = Object.keys(token).length ? { ...token, ukjentFelt: 'x' } : {};
      for (const body of [{}, { ukjentFelt: 'x', annet: 1 }, nothing]) {
        const res = await admin.patch(r.url, body);
        const text = await res.text();
        expect(res.status, `${r.label} ${JSON.stringify(body)}: ${text}`).toBe(400);
        if (body === nothing) {
          expect(JSON.parse(text).error.fields, `${r.label} ${JSON.stringify(body)}`).toContainEqual({ path: '(body)', message: 'Ingen endringer' });
        }
      }
    }
  });
});

describe('stored text', () => {
  it('keeps no control characters, turns CR into LF, and refuses a line break in a single-line field', async () => {
    const broken = await admin.post('/api/economy/lines', { kind: 'drift', name: 'Lønn\r\nURL:https://evil.example' });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error.fields).toEqual([{ path: 'name', message: 'Kan ikke inneholde linjeskift' }]);
    const line = await (await admin.post('/api/economy/lines', { kind: 'drift', name: 'Lønn\u0007\u001b[31m\u007f' })).json();
    expect(line.name).toBe('Lønn[31m');
    const forecast = await admin.post('/api/economy/2023/forecasts', {
      lineId: line.id, date: '2023-05-01', amountOre: 100, comment: 'første\r\nandre\rtredje\u000bfjerde\u000c\tfemte\u0000',
    });
    expect(forecast.status).toBe(400);
    const ok = await (await admin.post('/api/economy/2023/forecasts', {
      lineId: line.id, date: '2023-05-01', amountOre: 100, comment: 'første\r\nandre\rtredje\u000bfjerde\u000c\tfemte\u0008',
    })).json();
    expect(ok.comment).toBe('første\nandre\ntredje\nfjerde\n\tfemte');
  });

  it('cleans nested values and names every refused field, with lone surrogates refused too', () => {
    expect(cleanRequestText({ people: [{ familyName: 'A\nB', note: 'x\r\ny' }], place: 'Molde\u0085', email: 'a@b.no\u0000', t: '\ud800' })).toEqual({
      value: { people: [{ familyName: 'A\nB', note: 'x\ny' }], place: 'Molde\u0085', email: 'a@b.no\u0000', t: '\ud800' },
      issues: [
        { path: 'people.0.familyName', message: 'Kan ikke inneholde linjeskift' },
        { path: 'email', message: 'Teksten inneholder et NUL-tegn, som ikke kan lagres' },
        { path: 't', message: 'Teksten inneholder ugyldige tegn' },
      ],
    });
  });
});
