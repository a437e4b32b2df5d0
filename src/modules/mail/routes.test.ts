// Contract test of the outbox: admins only; the list without attachment contents, one message with them.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/db.js';
import { startWithAccounts } from '../../test/accounts.js';
import { TestClient } from '../../test/app.js';
import { queueMail } from './service.js';

let database: TestDatabase;
let anon: TestClient;
let admin: TestClient;
let council: TestClient;
let noticeId: string;
const pdf = Buffer.from('%PDF-1.7 innkalling'); // 19 bytes

beforeAll(async () => {
  ({ database, anon, admin, council } = await startWithAccounts());
  await queueMail(database.db, { to: 'a@example.no', subject: 'Første', text: 'Hei' });
  noticeId = await queueMail(database.db, {
    to: 'b@example.no', subject: 'Innkalling til møte 2023/M6', text: 'Møtet er 13.12.2023 kl. 08:15.',
    attachments: [
      { filename: 'innkalling.pdf', contentType: 'application/pdf', content: pdf },
      { filename: 'mote.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' },
    ],
  });
});
afterAll(() => database.drop());

describe('GET /api/outbox', () => {
  it('refuses anonymous callers with 401 and other roles with 403', async () => {
    expect((await anon.get('/api/outbox')).status).toBe(401);
    expect((await council.get('/api/outbox')).status).toBe(403);
  });

  it('lists messages newest first with attachment names and sizes, not their contents', async () => {
    const res = await admin.get('/api/outbox');
    expect(res.status).toBe(200);
    const { messages } = await res.json();
    expect(messages).toHaveLength(2);
    const notice = messages.find((m: { id: string }) => m.id === noticeId);
    expect(notice).toMatchObject({ to: 'b@example.no', subject: 'Innkalling til møte 2023/M6', sentAt: null, error: null });
    expect(notice.attachments).toEqual([
      { filename: 'innkalling.pdf', contentType: 'application/pdf', size: pdf.length },
      { filename: 'mote.ics', contentType: 'text/calendar', size: 15 },
    ]);
    expect(JSON.stringify(messages)).not.toContain('contentBase64');
    expect((await (await admin.get('/api/outbox?limit=1')).json()).messages).toHaveLength(1);
  });

  it('refuses a bad limit with a field-level message', async () => {
    const res = await admin.get('/api/outbox?limit=0');
    expect(res.status).toBe(400);
    expect((await res.json()).error.fields[0].path).toBe('limit');
  });
});

describe('GET /api/outbox/{id}', () => {
  it('refuses anonymous callers with 401 and other roles with 403', async () => {
    expect((await anon.get(`/api/outbox/${noticeId}`)).status).toBe(401);
    expect((await council.get(`/api/outbox/${noticeId}`)).status).toBe(403);
  });

  it('shows one message with its attachments', async () => {
    const res = await admin.get(`/api/outbox/${noticeId}`);
    expect(res.status).toBe(200);
    const message = await res.json();
    expect(message.text).toBe('Møtet er 13.12.2023 kl. 08:15.');
    expect(Buffer.from(message.attachments[0].contentBase64, 'base64')).toEqual(pdf);
    expect(message.attachments[0]).toMatchObject({ filename: 'innkalling.pdf', size: pdf.length });
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const missing = await admin.get(`/api/outbox/${randomUUID()}`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toBe('E-posten finnes ikke');
    const bad = await admin.get('/api/outbox/123');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.fields[0].path).toBe('id');
  });
});
