// Ticket attachments and import files under their own caps: a ticket screenshot is not 20 MiB. A file
// over the cap of its kind answers 413 naming that cap and stores nothing; a ticket attachment is read
// back from the file store by range; a municipality user past their uploads a minute gets 429.
import { createHash } from 'node:crypto';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../../test/db.js';
import type { TestClient } from '../../../test/app.js';
import { sdAttachments } from '../schema.js';
import { startServiceDesk } from '../desk-fixture.js';

let database: TestDatabase;
let anne: TestClient;
let agent: TestClient;
let ticketId: string;
const TICKET_CAP = 32 * 1024;
const IMPORT_CAP = 48 * 1024;

beforeAll(async () => {
  // The meeting cap stays at its default: each kind has its own.
  ({ database, anne, agent } = await startServiceDesk({ MAX_TICKET_ATTACHMENT_BYTES: String(TICKET_CAP), MAX_IMPORT_BYTES: String(IMPORT_CAP), UPLOAD_RATE_PER_MINUTE: '4', SAMRAD_TEST_CLOCK: 'on' }));
  const res = await anne.post('/api/servicedesk/tickets', { type: 'feilmelding', category: 'Fagapplikasjoner', title: 'Skjermbilde', description: 'Se vedlegg' });
  ticketId = (await res.json()).id;
});
afterAll(() => database.drop());

const form = (name: string, bytes: Uint8Array, extra: Record<string, string> = {}) => {
  const f = new FormData();
  f.set('file', new File([new Uint8Array(bytes)], name, { type: 'text/plain' }));
  for (const [k, v] of Object.entries(extra)) f.set(k, v);
  return f;
};
const attachmentCount = async () => (await database.db.select({ n: count() }).from(sdAttachments))[0]!.n;

describe('per-kind caps', () => {
  it('refuses a ticket attachment over MAX_TICKET_ATTACHMENT_BYTES with 413 naming the cap, storing nothing', async () => {
    const before = await attachmentCount();
    const res = await anne.post(`/api/servicedesk/tickets/${ticketId}/attachments`, form('logg.txt', Buffer.alloc(TICKET_CAP + 1, 'a')));
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toBe('Filen er for stor; største tillatte størrelse for vedlegg på en sak i kundeservice er 32 kB');
    // Far over the cap: refused while the body is read, with the same answer.
    const huge = await anne.post(`/api/servicedesk/tickets/${ticketId}/attachments`, form('logg.txt', Buffer.alloc(TICKET_CAP * 8, 'a')));
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.message).toContain('32 kB');
    expect(await attachmentCount()).toBe(before);
  });

  it('refuses an import file over MAX_IMPORT_BYTES with 413 on every import (tickets, phone statistics, ledger)', async () => {
    const big = Buffer.alloc(IMPORT_CAP + 1, 'a');
    for (const path of ['/api/servicedesk/ticket-imports/preview', '/api/servicedesk/ticket-imports', '/api/servicedesk/phone-stats/preview',
      '/api/servicedesk/phone-stats', '/api/economy/2024/ledger-imports/preview', '/api/economy/2024/ledger-imports']) {
      const res = await agent.post(path, form('stor.csv', big));
      expect(res.status, path).toBe(413);
      expect((await res.json()).error.message, path).toBe('Filen er for stor; største tillatte størrelse for importfiler er 48 kB');
    }
  });
});

describe('a ticket attachment from the store', () => {
  it('is served by range with its hash as ETag, private to the ticket\'s readers', async () => {
    const bytes = Buffer.from('Feilkode 0x80070005 på linje 1\n'.repeat(200));
    const meta = await (await anne.post(`/api/servicedesk/tickets/${ticketId}/attachments`, form('logg.txt', bytes))).json();
    expect(meta.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    const part = await anne.request('GET', `/api/servicedesk/attachments/${meta.id}`, undefined, { range: 'bytes=0-7' });
    expect(part.status).toBe(206);
    expect(await part.text()).toBe('Feilkode');
    expect(part.headers.get('etag')).toBe(`"${meta.sha256}"`);
    expect(part.headers.get('cache-control')).toBe('private, no-store');
    const whole = await agent.get(`/api/servicedesk/attachments/${meta.id}`);
    expect(createHash('sha256').update(Buffer.from(await whole.arrayBuffer())).digest('hex')).toBe(meta.sha256);
  });
});

describe('upload rate', () => {
  it('answers 429 with Retry-After once a user passes UPLOAD_RATE_PER_MINUTE, in Norwegian', async () => {
    // All six at one instant (the test clock), 15 s into a minute of tomorrow: four pass, and the
    // fifth is told to wait the 45 s left of that minute.
    const at = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 86_400_000 + 15_000).toISOString();
    const results: Response[] = [];
    for (let i = 0; i < 6; i++) {
      results.push(await anne.request('POST', `/api/servicedesk/tickets/${ticketId}/attachments`, form(`r${i}.txt`, Buffer.from(`fil ${i}`)), { 'x-samrad-now': at }));
    }
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 429, 429]);
    expect(results[4]!.headers.get('retry-after')).toBe('45');
    expect((await results[4]!.json()).error.message).toBe('Du har lastet opp 4 filer det siste minuttet, som er grensen; prøv igjen om 45 sekunder');
  });
});
