// A server killed with SIGKILL while a large upload streams in (issue 8: "a crash mid-upload leaves
// neither a row without a file nor a file counted as stored"). samrad runs as a real process on its own
// storage (a temporary data directory with the embedded database and the disk file store, or a fresh
// database on the PostgreSQL server when DATABASE_URL is set). Staff first stores one attachment whole,
// then starts a 16 MiB one and stops sending halfway; once its bytes are seen arriving in the store's
// staging directory, the process gets SIGKILL. After a restart on the same storage: the server serves,
// every attachment row has its stored file whose bytes hash to its name, the killed upload has no row,
// no stored file and nothing on the uploader's quota, and what it left is only a temporary that the
// file sweep removes.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../db/client.js';
import { migrateDatabase } from '../../../db/migrate.js';
import { diskFileStore } from '../../../lib/files/disk.js';
import { createTestApp } from '../../../test/app.js';
import { childServerStorage, signInTo, until, type TChildServer, type TChildStorage } from '../../../test/child-server.js';
import { buildGovernanceWorld, TEST_PASSWORD } from '../test-factories.js';

const MB = 1024 * 1024;
const BIG = 16 * MB;
const TAG = 'krasj';

let storage: TChildStorage;
let dataDir: string;
let caseId: string;

const open = () => storage.open();

beforeAll(async () => {
  storage = await childServerStorage('upcrash');
  dataDir = storage.dataDir;
  // The accounts, a meeting and a case, through the services, before the server ever runs.
  const database = await open();
  await migrateDatabase(database);
  const app = createTestApp(database.db, {}, diskFileStore(path.join(dataDir, 'files')));
  const w = await buildGovernanceWorld(database.db, app, TAG);
  const meeting = await w.clients.staff.post('/api/meetings', { bodyId: w.council.id, date: '2024-02-14', startTime: '09:00', place: 'Molde' });
  expect(meeting.status).toBe(201);
  const created = await w.clients.staff.post(`/api/meetings/${(await meeting.json()).meeting.id}/cases`, { title: 'Vedlegg som krasjer', caseType: 'orientering' });
  expect(created.status).toBe(201);
  caseId = (await created.json()).id;
  await database.close();
}, 300_000);

afterAll(() => storage.dispose());

type TServer = TChildServer;
const startServer = () => storage.start({ UPLOAD_RATE_PER_MINUTE: '1000' });
const signIn = (server: TServer) => signInTo(server, `staff@${TAG}.test`, TEST_PASSWORD);

const BOUNDARY = 'samradkrasj';
const head = (filename: string) => Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\n`);
const tail = Buffer.from(`\r\n--${BOUNDARY}--\r\n`);

/** A text file of `size` bytes whose first line names it, so no two are the same content. */
const textFile = (name: string, size: number) => {
  const bytes = Buffer.alloc(size, 'a');
  bytes.write(`${name}\n`, 0, 'latin1');
  return bytes;
};

/**
 * Starts an upload that announces the whole body (Content-Length) but sends only `sendBytes` of the
 * file, then keeps the socket open: the server is mid-body when it is killed.
 */
function startHalfUpload(server: TServer, cookie: string, file: Buffer, sendBytes: number) {
  const body = Buffer.concat([head('stor.txt'), file, tail]);
  const req = httpRequest(`${server.base}/api/cases/${caseId}/attachments`, {
    method: 'POST',
    headers: { cookie, origin: server.base, 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, 'content-length': body.length },
  }, (res) => res.resume());
  let answered = false;
  req.on('response', () => { answered = true; });
  req.on('error', () => { /* the server is killed under it */ });
  req.write(body.subarray(0, head('stor.txt').length + sendBytes));
  return { answered: () => answered, abort: () => req.destroy() };
}

const filesRoot = () => path.join(dataDir, 'files');
const temporaries = () => { try { return readdirSync(path.join(filesRoot(), 'tmp')); } catch { return []; } };
const stagedBytes = () => temporaries().reduce((sum, name) => { try { return sum + statSync(path.join(filesRoot(), 'tmp', name)).size; } catch { return sum; } }, 0);

type TRow = { sha256: string; size: number; filename: string };
type TUsage = { day_bytes: string | number };

async function readState(): Promise<{ rows: TRow[]; usage: number }> {
  const database: Database = await open();
  try {
    const rows = (await database.db.execute(sql`select a.sha256, a.size, a.filename from attachments a where a.case_id = ${caseId} order by a.filename`) as unknown as { rows: TRow[] }).rows;
    const usage = (await database.db.execute(sql`select coalesce(sum(day_bytes), 0)::bigint as day_bytes from upload_usage`) as unknown as { rows: TUsage[] }).rows;
    return { rows: rows.map((r) => ({ ...r, size: Number(r.size) })), usage: Number(usage[0]?.day_bytes ?? 0) };
  } finally {
    await database.close();
  }
}

describe('an upload killed with SIGKILL mid-body', () => {
  it('restarts with no row without its file, no partial file stored, nothing counted for it', async () => {
    const first = await startServer();
    const cookie = await signIn(first);

    // One attachment stored whole before the crash: it must survive it, bytes and all.
    const small = textFile('helt vedlegg', 256 * 1024);
    const form = new FormData();
    form.append('file', new Blob([small], { type: 'text/plain' }), 'helt.txt');
    const whole = await fetch(`${first.base}/api/cases/${caseId}/attachments`, { method: 'POST', headers: { cookie, origin: first.base }, body: form });
    expect(whole.status, await whole.clone().text()).toBe(201);
    const before = await fetch(`${first.base}/api/cases/${caseId}`, { headers: { cookie } });
    expect(before.status).toBe(200);

    // Half of a 16 MiB file, and the server is seen writing it to its staging directory.
    const big = textFile('halvt vedlegg', BIG);
    const upload = startHalfUpload(first, cookie, big, BIG / 2);
    await until('the upload to be staged', () => stagedBytes() >= MB);
    expect(upload.answered()).toBe(false);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    upload.abort();
    const leftBehind = temporaries();
    expect(leftBehind.length).toBeGreaterThan(0);

    // The same storage again: it starts, signs in and answers.
    const second = await startServer();
    const again = await signIn(second);
    const view = await fetch(`${second.base}/api/cases/${caseId}`, { headers: { cookie: again } });
    expect(view.status).toBe(200);
    const listed = ((await view.json()) as { attachments: { filename: string }[] }).attachments.map((a) => a.filename);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const { rows, usage } = await readState();
    // The whole attachment only; the killed one has no row.
    expect(rows.map((r) => r.filename)).toEqual(['helt.txt']);
    expect(listed).toEqual(['helt.txt']);
    // Every row has its file, and the file's bytes hash to its name and have the row's size.
    const store = diskFileStore(filesRoot());
    for (const row of rows) {
      expect(await store.exists(row.sha256), row.filename).toBe(true);
      const onDisk = readFileSync(path.join(filesRoot(), row.sha256.slice(0, 2), row.sha256.slice(2, 4), row.sha256));
      expect(createHash('sha256').update(onDisk).digest('hex')).toBe(row.sha256);
      expect(onDisk.length).toBe(row.size);
    }
    // Nothing of the killed upload counts as stored: the store holds exactly the rows' files, and
    // none of the half file's bytes under any hash.
    const stored: string[] = [];
    for await (const entry of store.list()) stored.push(entry.sha256);
    expect(stored.sort()).toEqual(rows.map((r) => r.sha256).sort());
    expect(stored).not.toContain(createHash('sha256').update(big.subarray(0, BIG / 2)).digest('hex'));
    // The quota counts the whole attachment's bytes, not the killed one's.
    expect(usage).toBe(small.length);
    // What it left is a temporary, which the sweep removes once past its grace.
    expect(temporaries().filter((t) => leftBehind.includes(t)).length).toBeGreaterThan(0);
    expect(await store.removeStaleTemporaries(new Date(Date.now() + 1000))).toBeGreaterThan(0);
    expect(temporaries()).toEqual([]);
  }, 300_000);
});
