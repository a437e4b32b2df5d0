// Idempotency-Key on POST, over real HTTP (issue 8: a ticket and its replies committed after the client's
// 60 s timeout were created again by the client's retry). A repeat with the same key and request gets
// the first answer back and creates nothing; another request under the same key is 422; a repeat while
// the first is running is 409; a key is one user's only. Runs on PGlite and, with DATABASE_URL, on the
// PostgreSQL server, where the concurrent repeats really run side by side.
import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/db.js';
import type { TestClient } from '../../test/app.js';
import { sdTicketEvents, sdTickets } from '../../modules/servicedesk/schema.js';
import { startServiceDesk } from '../../modules/servicedesk/desk-fixture.js';
import { idempotencyKeys } from './schema.js';
import { sweepIdempotencyKeys } from './middleware.js';

let database: TestDatabase;
let anne: TestClient, bjorn: TestClient, agent: TestClient;

beforeAll(async () => {
  ({ database, anne, bjorn, agent } = await startServiceDesk());
});
afterAll(() => database.drop());

const ticket = (title: string) => ({ type: 'feilmelding', category: 'Fagapplikasjoner', title, description: 'Skjermen er svart' });
const post = (client: TestClient, path: string, body: unknown, key?: string) =>
  client.request('POST', path, body, key === undefined ? {} : { 'idempotency-key': key });
const ticketsTitled = async (title: string) => (await database.db.select({ n: count() }).from(sdTickets).where(eq(sdTickets.title, title)))[0]!.n;
const keyRow = async (key: string) => (await database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key)))[0];

async function answer(res: Response) {
  return { status: res.status, replayed: res.headers.get('idempotent-replayed'), body: await res.json() };
}

describe('Idempotency-Key on POST', () => {
  it('replays the first answer for a repeat of the same request, creating nothing more', async () => {
    const key = randomUUID();
    const first = await answer(await post(anne, '/api/servicedesk/tickets', ticket('Svart skjerm'), key));
    expect(first).toMatchObject({ status: 201, replayed: null });
    const again = await answer(await post(anne, '/api/servicedesk/tickets', ticket('Svart skjerm'), key));
    expect(again).toEqual({ status: 201, replayed: 'true', body: first.body });
    expect(await ticketsTitled('Svart skjerm')).toBe(1);

    // A reply, the other create the reliability run saw duplicated.
    const replyKey = randomUUID();
    const replies = async () => (await database.db.select({ n: count() }).from(sdTicketEvents)
      .where(and(eq(sdTicketEvents.ticketId, first.body.id), eq(sdTicketEvents.kind, 'reply'))))[0]!.n;
    const reply = await answer(await post(agent, `/api/servicedesk/tickets/${first.body.id}/replies`, { text: 'Vi ser på det' }, replyKey));
    expect(reply.status).toBe(201);
    expect(await answer(await post(agent, `/api/servicedesk/tickets/${first.body.id}/replies`, { text: 'Vi ser på det' }, replyKey)))
      .toEqual({ ...reply, replayed: 'true' });
    expect(await replies()).toBe(1);

    // An upload sent again by a browser has a new multipart boundary; it is still the same request.
    const fileKey = randomUUID();
    const form = () => {
      const data = new FormData();
      data.append('file', new File([new TextEncoder().encode('logg\n')], 'logg.txt', { type: 'text/plain' }));
      return data;
    };
    const upload = await answer(await post(anne, `/api/servicedesk/tickets/${first.body.id}/attachments`, form(), fileKey));
    expect(upload.status).toBe(201);
    expect(await answer(await post(anne, `/api/servicedesk/tickets/${first.body.id}/attachments`, form(), fileKey)))
      .toEqual({ ...upload, replayed: 'true' });
    const view = await (await anne.get(`/api/servicedesk/tickets/${first.body.id}`)).json();
    expect(view.attachments.filter((a: { filename: string }) => a.filename === 'logg.txt')).toHaveLength(1);
  });

  it('refuses the same key with another request (422) and creates nothing', async () => {
    const key = randomUUID();
    expect((await post(anne, '/api/servicedesk/tickets', ticket('Skriver'), key)).status).toBe(201);
    const other = await answer(await post(anne, '/api/servicedesk/tickets', ticket('Skanner'), key));
    expect(other.status).toBe(422);
    expect(other.body.error).toMatchObject({ code: 'idempotency_mismatch', message: expect.stringMatching(/ny nøkkel/) });
    const otherPath = await answer(await post(anne, '/api/servicedesk/phone-calls', ticket('Skriver'), key));
    expect(otherPath.status).toBe(422);
    expect(await ticketsTitled('Skanner')).toBe(0);
  });

  it('takes keys of 1–200 printable characters and refuses others with 400, creating nothing', async () => {
    for (const key of ['', 'x'.repeat(201), 'nøkkel']) {
      const res = await answer(await post(anne, '/api/servicedesk/tickets', ticket('Ugyldig nøkkel'), key));
      expect(res.status, JSON.stringify(key)).toBe(400);
      expect(res.body.error.fields).toEqual([{ path: 'Idempotency-Key', message: 'Må være 1–200 skrivbare tegn (ASCII)' }]);
    }
    expect(await ticketsTitled('Ugyldig nøkkel')).toBe(0);
    expect((await post(anne, '/api/servicedesk/tickets', ticket('Lang nøkkel'), 'k'.repeat(200))).status).toBe(201);
  });

  it('keeps a key to its user: another user sending the same key and body gets an answer of their own', async () => {
    const key = randomUUID();
    const annes = await answer(await post(anne, '/api/servicedesk/tickets', ticket('Delt nøkkel'), key));
    const bjorns = await answer(await post(bjorn, '/api/servicedesk/tickets', ticket('Delt nøkkel'), key));
    expect(bjorns).toMatchObject({ status: 201, replayed: null, body: { requesterName: 'Bjørn Molde' } });
    expect(bjorns.body.id).not.toBe(annes.body.id);
    expect(await answer(await post(anne, '/api/servicedesk/tickets', ticket('Delt nøkkel'), key))).toEqual({ ...annes, replayed: 'true' });
    expect(await ticketsTitled('Delt nøkkel')).toBe(2);
  });

  it('releases the key of a refused request, so the corrected one may use it', async () => {
    const key = randomUUID();
    expect((await post(anne, '/api/servicedesk/tickets', { ...ticket('Rettet'), category: 'Kaffe' }, key)).status).toBe(400);
    expect(await keyRow(key)).toBeUndefined();
    expect((await post(anne, '/api/servicedesk/tickets', ticket('Rettet'), key)).status).toBe(201);
    expect(await ticketsTitled('Rettet')).toBe(1);
  });

  it('answers a repeat 409 while the first is in progress, and never runs a request again once it committed', async () => {
    const key = randomUUID();
    const first = await answer(await post(anne, '/api/servicedesk/tickets', ticket('Underveis'), key));
    const where = eq(idempotencyKeys.key, key);
    // As the row looks while the first request runs: claimed, its answer not yet stored.
    await database.db.update(idempotencyKeys).set({ status: null, committed: false, leaseUntil: new Date(Date.now() + 60_000) }).where(where);
    const busy = await answer(await post(anne, '/api/servicedesk/tickets', ticket('Underveis'), key));
    expect(busy).toMatchObject({ status: 409, body: { error: { code: 'idempotency_in_progress' } } });
    // Its writes committed but the process died before the answer was stored: telling the truth is a 409, not a second ticket.
    await database.db.update(idempotencyKeys).set({ committed: true, leaseUntil: new Date(Date.now() - 1000) }).where(where);
    const lost = await answer(await post(anne, '/api/servicedesk/tickets', ticket('Underveis'), key));
    expect(lost).toMatchObject({ status: 409, body: { error: { code: 'idempotency_outcome_lost' } } });
    expect(await ticketsTitled('Underveis')).toBe(1);
    // The process died before it committed anything: once the lease is over, the repeat does the work.
    await database.db.update(idempotencyKeys).set({ committed: false }).where(where);
    const redone = await answer(await post(anne, '/api/servicedesk/tickets', ticket('Underveis'), key));
    expect(redone).toMatchObject({ status: 201, replayed: null });
    expect(redone.body.id).not.toBe(first.body.id);
    expect(await keyRow(key)).toMatchObject({ status: 201, committed: true });
  });

  it('creates one ticket when the same request is sent several times at once', async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(anne, '/api/servicedesk/tickets', ticket('Samtidig'), key).then(answer)));
    expect(await ticketsTitled('Samtidig')).toBe(1);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    for (const a of answers.filter((x) => x.status !== 201)) expect(a).toMatchObject({ status: 409, body: { error: { code: 'idempotency_in_progress' } } });
  });

  it('forgets keys after their lifetime: the sweep deletes them and the key may be used again', async () => {
    const key = randomUUID();
    expect((await post(anne, '/api/servicedesk/tickets', ticket('Gammel nøkkel'), key)).status).toBe(201);
    await database.db.update(idempotencyKeys).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(idempotencyKeys.key, key));
    expect(await sweepIdempotencyKeys(database.db)).toBeGreaterThanOrEqual(1);
    expect(await keyRow(key)).toBeUndefined();
    expect((await post(anne, '/api/servicedesk/tickets', ticket('Gammel nøkkel'), key)).status).toBe(201);
    expect(await ticketsTitled('Gammel nøkkel')).toBe(2);
  });

  it('is named on every POST of the API document', async () => {
    const doc = await (await anne.get('/api/openapi.json')).json() as { paths: Record<string, { post?: { parameters?: { name: string; in: string }[] } }> };
    const posts = Object.entries(doc.paths).filter(([, ops]) => ops.post);
    expect(posts.length).toBeGreaterThan(30);
    for (const [path, ops] of posts) {
      expect(ops.post!.parameters?.some((p) => p.name === 'Idempotency-Key' && p.in === 'header'), path).toBe(true);
    }
  });

  it('leaves requests without a key as they were', async () => {
    expect((await post(anne, '/api/servicedesk/tickets', ticket('Uten nøkkel'))).status).toBe(201);
    expect((await post(anne, '/api/servicedesk/tickets', ticket('Uten nøkkel'))).status).toBe(201);
    expect(await ticketsTitled('Uten nøkkel')).toBe(2);
  });
});
