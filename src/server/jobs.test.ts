import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createTestDatabase, type TestDatabase } from '../test/db.js';
import { queueMail, deliverOutbox, getOutboxMessage } from '../modules/mail/service.js';
import { runJobOnce, type TJob } from './jobs.js';

let database: TestDatabase;
let smtp: SMTPServer;
let smtpUrl: string;
const received: { to: string[]; raw: string }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], closeTimeout: 100,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk) => { raw += chunk.toString(); });
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await database.drop();
});

describe('deliverOutbox', () => {
  it('keeps mail in the outbox when no SMTP server is configured', async () => {
    const id = await queueMail(database.db, { to: 'a@example.no', subject: 'Innkalling', text: 'Hei' });
    expect(await deliverOutbox(database.db, { from: 'samrad@example.no' })).toBe(0);
    expect((await getOutboxMessage(database.db, id))?.sentAt).toBeNull();
  });

  it('delivers waiting mail with attachments through a real SMTP server and marks it sent', async () => {
    const id = await queueMail(database.db, {
      to: 'b@example.no', subject: 'Møte 13.12.2023', text: 'Sakliste',
      attachments: [{ filename: 'innkalling.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR' }],
    });
    const sent = await deliverOutbox(database.db, { smtpUrl, from: 'samrad@example.no' });
    expect(sent).toBe(2); // the one left from the test above, and this one
    expect(received.map((r) => r.to[0]).sort()).toEqual(['a@example.no', 'b@example.no']);
    expect(received.find((r) => r.to[0] === 'b@example.no')!.raw).toContain('innkalling.ics');
    expect((await getOutboxMessage(database.db, id))?.sentAt).toBeInstanceOf(Date);
    expect(await deliverOutbox(database.db, { smtpUrl, from: 'samrad@example.no' })).toBe(0);
  });

  it('records the error and keeps the mail waiting when the server cannot be reached', async () => {
    const id = await queueMail(database.db, { to: 'c@example.no', subject: 'x', text: 'y' });
    expect(await deliverOutbox(database.db, { smtpUrl: 'smtp://127.0.0.1:1', from: 'samrad@example.no' })).toBe(0);
    const row = await getOutboxMessage(database.db, id);
    expect(row?.sentAt).toBeNull();
    expect(row?.error).toMatch(/ECONNREFUSED|connect/i);
  });
});

describe('runJobOnce', () => {
  it('runs a job and hands the lock to one runner at a time', async () => {
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const job: TJob = { name: 'test', lockKey: 424242, everyMs: 1000, run: async () => { runs++; await gate; } };
    const first = runJobOnce(database.db, job);
    await new Promise((r) => setTimeout(r, 50));
    if (database.kind === 'postgres') {
      // A second connection sees the lock held and skips.
      expect(await runJobOnce(database.db, job)).toBe(false);
    }
    release();
    expect(await first).toBe(true);
    expect(runs).toBe(1);
    expect(await runJobOnce(database.db, { ...job, run: async () => { runs++; } })).toBe(true);
    expect(runs).toBe(2);
  });
});
