// An upload's body is streamed to a temporary file of the store as it arrives, never gathered in memory:
// the bytes are on disk while the client is still sending. A body cut off midway (a client that goes,
// a server that stops reading) leaves no row, no stored file, no temporary and nothing on the quota; a
// whole one is stored under its hash once the row is about to be written.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync, watch } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskFileStore } from '../../../lib/files/disk.js';
import type { FileStore } from '../../../lib/files/store.js';
import { createTestApp, TEST_ORIGIN, type TestApp } from '../../../test/app.js';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { STREAMED_UPLOADS } from '../../uploads/staging.js';
import { attachments } from '../schema.js';
import { buildGovernanceWorld, TEST_PASSWORD, uploadForm } from '../test-factories.js';

let database: TestDatabase;
let root: string;
let files: FileStore;
let app: TestApp;
let w: Awaited<ReturnType<typeof buildGovernanceWorld>>;
let caseId: string;
let cookie: string;
const MB = 1024 * 1024;
const BOUNDARY = 'samradstrom';

beforeAll(async () => {
  database = await createTestDatabase();
  root = path.join(mkdtempSync(path.join(os.tmpdir(), 'samrad-stream-')), 'files');
  files = diskFileStore(root);
  app = createTestApp(database.db, { UPLOAD_RATE_PER_MINUTE: '1000' }, files);
  w = await buildGovernanceWorld(database.db, app, 'strom');
  const meetingId = (await (await w.clients.staff.post('/api/meetings', { bodyId: w.council.id, date: '2024-02-14', startTime: '09:00', place: 'Molde' })).json()).meeting.id;
  caseId = (await (await w.clients.staff.post(`/api/meetings/${meetingId}/cases`, { title: 'Vedlegg i strøm', caseType: 'orientering' })).json()).id;
  const login = await app.request(`${TEST_ORIGIN}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: TEST_ORIGIN }, body: JSON.stringify({ email: 'staff@strom.test', password: TEST_PASSWORD }),
  });
  cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
});
afterAll(() => database.drop());

const tmpDir = () => path.join(root, 'tmp');
const temporaries = () => { try { return readdirSync(tmpDir()); } catch { return []; } };
const stored = async () => { const all: string[] = []; for await (const e of files.list()) all.push(e.sha256); return all; };
const usage = async () => (await database.db.execute(sql`select coalesce(sum(day_bytes), 0)::bigint as bytes from upload_usage`) as unknown as { rows: { bytes: string | number }[] }).rows[0]!.bytes;

/** Resolves once a temporary of at least `bytes` bytes is on disk (fs.watch, no timers). */
function temporaryOfAtLeast(bytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      for (const name of temporaries()) {
        try {
          if (statSync(path.join(tmpDir(), name)).size >= bytes) return name;
        } catch { /* gone meanwhile */ }
      }
      return null;
    };
    const watcher = watch(tmpDir(), () => {
      const found = check();
      if (found) {
        watcher.close();
        resolve(found);
      }
    });
    watcher.on('error', reject);
    const found = check();
    if (found) {
      watcher.close();
      resolve(found);
    }
  });
}

describe('uploads streamed to disk', () => {
  it('has the bytes on disk while the body is still arriving; a body cut off leaves nothing behind', async () => {
    await files.stage().then((s) => s.discard()); // the tmp directory exists before it is watched
    const head = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="avbrutt.txt"\r\nContent-Type: text/plain\r\n\r\n`);
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({ start(c) { controller = c; } });
    const usageBefore = await usage();
    const storedBefore = await stored();
    const answer = app.request(`${TEST_ORIGIN}/api/cases/${caseId}/attachments`, {
      method: 'POST', body, duplex: 'half',
      headers: { cookie, origin: TEST_ORIGIN, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    } as RequestInit);
    controller.enqueue(head);
    for (let i = 0; i < 3; i++) controller.enqueue(Buffer.alloc(MB, 'a'));
    // The megabytes sent so far are on disk before the body has ended (all but the few bytes that could
    // begin the closing delimiter): nothing waits for the whole body.
    await temporaryOfAtLeast(3 * MB - 100);
    controller.error(new Error('the client went away'));
    const res = await answer;
    expect(res.status).toBe(400);
    expect(await database.db.select().from(attachments).where(eq(attachments.filename, 'avbrutt.txt'))).toEqual([]);
    expect(await stored()).toEqual(storedBefore);
    expect(temporaries()).toEqual([]);
    expect(await usage()).toEqual(usageBefore);
  });

  it('stores a whole upload under its hash and leaves no temporary; a refused one leaves nothing', async () => {
    const bytes = Buffer.from('Økonomirapport, linje for linje.\n'.repeat(100_000));
    const res = await w.clients.staff.post(`/api/cases/${caseId}/attachments`, uploadForm('rapport.txt', bytes));
    expect(res.status).toBe(201);
    const meta = await res.json();
    expect(meta.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(meta.size).toBe(bytes.length);
    expect(await files.exists(meta.sha256)).toBe(true);
    expect(temporaries()).toEqual([]);

    const before = await stored();
    const invalid = Buffer.concat([Buffer.alloc(2 * MB, 'a'), Buffer.from([0xc3, 0x28])]);
    expect((await w.clients.staff.post(`/api/cases/${caseId}/attachments`, uploadForm('ugyldig.txt', invalid))).status).toBe(415);
    const brokenPdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MB, ' '), Buffer.from('\nstartxref\n999999999\n%%EOF\n')]);
    expect((await w.clients.staff.post(`/api/cases/${caseId}/attachments`, uploadForm('brutt.pdf', brokenPdf))).status).toBe(415);
    expect(await stored()).toEqual(before);
    expect(temporaries()).toEqual([]);
  });

  it('streams both upload routes', () => {
    const kinds = (p: string) => STREAMED_UPLOADS.find((u) => u.path.test(p))?.kind;
    expect(kinds(`/api/cases/${caseId}/attachments`)).toBe('meeting-attachment');
    expect(kinds(`/api/servicedesk/tickets/${caseId}/attachments`)).toBe('ticket-attachment');
  });
});
