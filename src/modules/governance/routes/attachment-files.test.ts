// Attachment bytes live in the file store, not the database: what a download serves hashes to its
// ETag; downloads stream with Range and ETag; a failure between storing the file and committing its
// row leaves no row without a file, and the file it leaves is not stored as far as anyone can tell
// (no listing shows it, the sweep takes it). Per-file cap (413) and the uploader's quota and rate
// (429 with Retry-After) for meeting attachments.
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepUnreferencedFiles } from '../../../lib/files/sweep.js';
import type { FileStore } from '../../../lib/files/store.js';
import { referencedStoredFiles } from '../../../server/files.js';
import { buildClients, createTestApp } from '../../../test/app.js';
import type { TestDatabase } from '../../../test/db.js';
import { attachments, meetings } from '../schema.js';
import { legalBasisByCode, SAMPLE_FILES, startGovernanceWorld, TGovernanceWorld, uploadForm } from '../test-factories.js';

let database: TestDatabase;
let files: FileStore;
let w: TGovernanceWorld;
let meetingId: string;
let publicCaseId: string;
let exemptCaseId: string;
const CAP = 64 * 1024;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const text = (n: number, seed = 'a') => Buffer.from(seed.repeat(n).slice(0, n));

beforeAll(async () => {
  ({ database, files, w } = await startGovernanceWorld('filer', { MAX_MEETING_ATTACHMENT_BYTES: String(CAP), UPLOAD_RATE_PER_MINUTE: '1000' }));
  const basis = await legalBasisByCode(database.db, 'offl-23-3');
  meetingId = (await (await w.clients.staff.post('/api/meetings', { bodyId: w.council.id, date: '2024-02-14', startTime: '09:00', place: 'Molde' })).json()).meeting.id;
  publicCaseId = (await (await w.clients.staff.post(`/api/meetings/${meetingId}/cases`, { title: 'Aktivitetsrapport', caseType: 'orientering' })).json()).id;
  exemptCaseId = (await (await w.clients.staff.post(`/api/meetings/${meetingId}/cases`, {
    title: 'Anskaffelse', caseType: 'vedtak', access: 'unntatt', publicTitle: 'Anskaffelse', legalBasisId: basis.id,
  })).json()).id;
  // As if the notice had gone out: the public sees a published meeting's agenda (and files) from then on.
  await database.db.update(meetings).set({ noticeVersion: 1 }).where(eq(meetings.id, meetingId));
});
afterAll(() => database.drop());

const upload = (caseId: string, name: string, bytes: Uint8Array, client = w.clients.staff) =>
  client.post(`/api/cases/${caseId}/attachments`, uploadForm(name, bytes));
const get = (id: string, headers: Record<string, string> = {}, client = w.clients.council) => client.request('GET', `/api/attachments/${id}`, undefined, headers);

describe('attachment bytes in the file store', () => {
  it('keeps no bytes in the database; what the store and a download give back hashes to the row\'s SHA-256', async () => {
    const bytes = text(50_000, 'Økonomirapport 2023 ');
    const meta = await (await upload(publicCaseId, 'rapport.txt', bytes)).json();
    expect(meta.sha256).toBe(sha(bytes));
    const columns = await database.db.execute(sql`select column_name, data_type from information_schema.columns where table_name in ('attachments', 'sd_attachments', 'archived_documents')`);
    expect((columns as unknown as { rows: { data_type: string }[] }).rows.map((r) => r.data_type)).not.toContain('bytea');
    expect(await files.exists(meta.sha256)).toBe(true);
    const res = await get(meta.id);
    const served = Buffer.from(await res.arrayBuffer());
    expect(sha(served)).toBe(meta.sha256);
    expect(res.headers.get('etag')).toBe(`"${meta.sha256}"`);
  });
});

describe('GET /api/attachments/{id} from the store', () => {
  it('answers with ETag, Accept-Ranges and the length; If-None-Match gives 304 without the body', async () => {
    const meta = await (await upload(publicCaseId, 'Økonomi.pdf', SAMPLE_FILES.pdf)).json();
    const res = await get(meta.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(SAMPLE_FILES.pdf.length));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''%C3%98konomi.pdf");
    await res.arrayBuffer();
    const again = await get(meta.id, { 'if-none-match': `"${meta.sha256}"` });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(`"${meta.sha256}"`);
    expect(await again.text()).toBe('');
    expect((await get(meta.id, { 'if-none-match': '"something-else"' })).status).toBe(200);
  });

  it('serves one range with 206 and Content-Range, and 416 for a range past the end', async () => {
    const bytes = text(10_000, '0123456789');
    const meta = await (await upload(publicCaseId, 'tall.txt', bytes)).json();
    const part = await get(meta.id, { range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 100-199/10000');
    expect(part.headers.get('content-length')).toBe('100');
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
    const tail = await get(meta.id, { range: 'bytes=-10' });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe('bytes 9990-9999/10000');
    expect(await tail.text()).toBe('0123456789');
    const open = await get(meta.id, { range: 'bytes=9995-' });
    expect(await open.text()).toBe('56789');
    const past = await get(meta.id, { range: 'bytes=10000-' });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe('bytes */10000');
  });

  it('lets caches keep a public case\'s file of a published meeting (revalidating), never an exempt one', async () => {
    const open = await (await upload(publicCaseId, 'offentlig.pdf', SAMPLE_FILES.pdf)).json();
    const secret = await (await upload(exemptCaseId, 'unntatt.pdf', SAMPLE_FILES.pdf)).json();
    expect((await get(open.id)).headers.get('cache-control')).toBe('private, no-store');
    await w.clients.staff.post(`/api/meetings/${meetingId}/publish`);
    // The case papers are public once the notice is sent (decision 0016).
    await database.db.update(meetings).set({ noticeVersion: 1 }).where(eq(meetings.id, meetingId));
    try {
      const pub = await get(open.id, {}, w.clients.anon);
      expect(pub.status).toBe(200);
      expect(pub.headers.get('cache-control')).toBe('public, no-cache');
      expect((await get(open.id, { 'if-none-match': `"${open.sha256}"` }, w.clients.anon)).status).toBe(304);
      const exempt = await get(secret.id);
      expect(exempt.status).toBe(200);
      expect(exempt.headers.get('cache-control')).toBe('private, no-store');
      // A 304 is no way around access: the exempt file is 404 for the public whatever it sends.
      expect((await get(secret.id, { 'if-none-match': `"${secret.sha256}"` }, w.clients.anon)).status).toBe(404);
    } finally {
      await w.clients.staff.post(`/api/meetings/${meetingId}/unpublish`);
    }
  });
});

describe('a failure between storing the file and committing its row', () => {
  it('leaves no row, gives back the quota, and the file left behind is not stored: not listed, swept', async () => {
    // The row's insert fails inside its transaction, after the file is in the store, as a crash or a
    // database error there would.
    await database.db.execute(sql.raw(`
      create function fail_attachment_insert() returns trigger language plpgsql as $$
      begin if new.filename = 'krasj.txt' then raise exception 'simulated failure after the file was stored'; end if; return new; end $$`));
    await database.db.execute(sql.raw('create trigger fail_attachment_insert before insert on attachments for each row execute function fail_attachment_insert()'));
    const usage = async () => ((await database.db.execute(sql`select coalesce(sum(day_bytes), 0)::int as n from upload_usage`)) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    const before = await usage();
    const kept = text(1000, 'beholdes ');
    const keptMeta = await (await upload(publicCaseId, 'beholdes.txt', kept)).json();
    const lost = text(1000, 'mistes ');
    const res = await upload(publicCaseId, 'krasj.txt', lost);
    expect(res.status).toBe(500);
    // The file reached the store …
    expect(await files.exists(sha(lost))).toBe(true);
    // … but no row names it, nobody sees it, and the uploader is not charged for it.
    expect(await database.db.select().from(attachments).where(sql`${attachments.sha256} = ${sha(lost)}`)).toEqual([]);
    const agenda = await (await w.clients.staff.get(`/api/meetings/${meetingId}`)).text();
    expect(agenda).not.toContain('krasj.txt');
    expect(await usage()).toBe(before + kept.length);
    // The sweep takes exactly the files no row names (the cut-off is "now": nothing is young here).
    const swept = await sweepUnreferencedFiles(files, { isReferenced: referencedStoredFiles(database.db), olderThan: new Date(Date.now() + 1000) });
    expect(swept.removed).toEqual([sha(lost)]);
    expect(await files.exists(sha(lost))).toBe(false);
    expect(await files.exists(keptMeta.sha256)).toBe(true);
    expect(sha(Buffer.from(await (await get(keptMeta.id)).arrayBuffer()))).toBe(keptMeta.sha256);
    await database.db.execute(sql.raw('drop trigger fail_attachment_insert on attachments'));
  });
});

describe('limits on meeting attachments', () => {
  it('refuses a file over MAX_MEETING_ATTACHMENT_BYTES with 413 and a message naming the cap, storing nothing', async () => {
    const before = (await database.db.select().from(attachments)).length;
    const res = await upload(publicCaseId, 'stor.txt', text(CAP + 1));
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toBe('Filen er for stor; største tillatte størrelse for vedlegg til en møtesak er 64 kB');
    expect((await upload(publicCaseId, 'akkurat.txt', text(CAP))).status).toBe(201);
    expect((await database.db.select().from(attachments)).length).toBe(before + 1);
  });

  it('answers 429 with Retry-After past the uploads a minute, and past the bytes a day', async () => {
    const limited = createTestApp(database.db, { UPLOAD_RATE_PER_MINUTE: '3', UPLOAD_QUOTA_BYTES_PER_DAY: String(10_000) }, files);
    const { TEST_PASSWORD } = await import('../test-factories.js');
    // A user of their own, so the other tests' uploads do not count.
    const { createUser } = await import('../../org/users.service.js');
    const { systemActor } = await import('../../../server/context.js');
    // Five at once; should the minute turn during the burst, the counter starts again, so try anew as
    // another user (the burst takes well under a minute, so the second try is within one).
    let statuses: Response[] = [];
    for (const attempt of [1, 2]) {
      await createUser(database.db, systemActor, { email: `rate${attempt}@filer.test`, name: 'Rate', role: 'staff', password: TEST_PASSWORD });
      const { staff } = await buildClients(limited, { staff: `rate${attempt}@filer.test` }, TEST_PASSWORD);
      const minute = Math.floor(Date.now() / 60_000);
      statuses = await Promise.all([1, 2, 3, 4, 5].map((i) => staff.post(`/api/cases/${publicCaseId}/attachments`, uploadForm(`r${i}.txt`, text(100, String(i))))));
      if (Math.floor(Date.now() / 60_000) === minute) break;
    }
    // Five at once against a limit of three: the counter is one atomic statement, so exactly three pass.
    expect(statuses.map((r) => r.status).sort()).toEqual([201, 201, 201, 429, 429]);
    const refused = statuses.find((r) => r.status === 429)!;
    const wait = Number(refused.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(60);
    expect((await refused.json()).error).toMatchObject({ code: 'too_many_uploads', message: expect.stringMatching(/^Du har lastet opp 3 filer det siste minuttet, som er grensen; prøv igjen om (1 sekund|([02-9]|\d{2,}) sekunder)$/) });

    await createUser(database.db, systemActor, { email: 'kvote@filer.test', name: 'Kvote', role: 'staff', password: TEST_PASSWORD });
    const { quota } = await buildClients(limited, { quota: 'kvote@filer.test' }, TEST_PASSWORD);
    expect((await quota.post(`/api/cases/${publicCaseId}/attachments`, uploadForm('a.txt', text(6000, 'a')))).status).toBe(201);
    const over = await quota.post(`/api/cases/${publicCaseId}/attachments`, uploadForm('b.txt', text(6000, 'b')));
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await over.json()).error.message).toBe('Du har nådd grensen for opplasting i dag (10 kB per døgn); prøv igjen etter midnatt (UTC)');
    expect((await quota.post(`/api/cases/${publicCaseId}/attachments`, uploadForm('c.txt', text(4000, 'c')))).status).toBe(201);
  });
});
