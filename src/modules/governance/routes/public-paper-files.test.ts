// Papers on disk per meeting version (decision 0023) and read access (decision 0027): found with one
// statement, served from their file with Range and ETag, filed again under a new version when anything
// they show changes (triggers on every table the composition reads), the public's never holding what the
// public may not read, the full papers only ever served to roles that read everything (and audited), and
// a superseded version's files removed even when nobody asks for that meeting again.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/client.js';
import { flatText } from '../../../documents/pdf-text.js';
import { renderCount } from '../../../documents/renderer.js';
import { buildClients, createTestApp, createTestFileStore, json, type TestClient } from '../../../test/app.js';
import type { SessionUser } from '../../../server/context.js';
import { paperCachesIn, type TPaperCaches } from '../../../documents/cached-papers.js';
import { auditLog } from '../../audit/schema.js';
import { createTestDatabase, type TestDatabase } from '../../../test/db.js';
import { people } from '../../org/schema.js';
import { minutesPaper } from '../minutes.service.js';
import { noticePaper } from '../notice.service.js';
import { presentationPaper } from '../../../documents/papers.js';
import { MEETING_TABLES, paperVersion, retireSupersededPapers, SHARED_TABLES } from '../paper-revisions.js';
import { archivedDocuments, attachments, attendance, cases, caseVotes, meetings } from '../schema.js';
import { buildCycle, CYCLE_ACCOUNTS, PASSWORD, SECRET, type TCycle } from './cycle-fixture.js';

let database: TestDatabase;
let cycle: TCycle;
let dataDir: string;
let anon: TestClient, staff: TestClient, council: TestClient, muni: TestClient;
let papers: TPaperCaches;

beforeAll(async () => {
  database = await createTestDatabase();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'samrad-papers-'));
  papers = paperCachesIn(dataDir);
  const app = createTestApp(database.db, { SAMRAD_DATA_DIR: dataDir }, createTestFileStore(), papers);
  cycle = await buildCycle(database.db);
  ({ anon, staff, council, muni } = await buildClients(app, CYCLE_ACCOUNTS, PASSWORD));
  await json(await staff.post(`/api/meetings/${cycle.m6.id}/notice`), 201);
});
afterAll(() => database.drop());

const papersDir = () => path.join(dataDir, 'papers');
const fullPapersDir = () => path.join(dataDir, 'papers-full');
const pdfsIn = (dir: string) => { try { return readdirSync(dir).filter((f) => f.endsWith('.pdf')); } catch { return []; } };
const filed = () => pdfsIn(papersDir());
const filedFull = () => pdfsIn(fullPapersDir());
const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());
const notice = () => `/api/meetings/${cycle.m6.id}/notice.pdf`;
const presentation = () => `/api/cases/${cycle.cases.c3.id}/presentation.pdf`;

describe('public papers on disk', () => {
  it('files the paper once and serves it from its file, whole, in ranges and as 304', async () => {
    const first = await anon.get(notice());
    expect(first.status).toBe(200);
    const body = await bytesOf(first);
    const etag = first.headers.get('etag')!;
    expect(first.headers.get('accept-ranges')).toBe('bytes');
    expect(first.headers.get('content-length')).toBe(String(body.length));
    const [file] = filed();
    expect(filed()).toHaveLength(1);
    expect(readFileSync(path.join(papersDir(), file!)).equals(body)).toBe(true);

    const renders = renderCount();
    const range = await anon.request('GET', notice(), undefined, { range: 'bytes=100-199' });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes 100-199/${body.length}`);
    expect(range.headers.get('etag')).toBe(etag);
    expect((await bytesOf(range)).equals(body.subarray(100, 200))).toBe(true);
    const tail = await anon.request('GET', notice(), undefined, { range: 'bytes=-20' });
    expect(tail.status).toBe(206);
    expect((await bytesOf(tail)).equals(body.subarray(body.length - 20))).toBe(true);
    expect((await anon.request('GET', notice(), undefined, { range: `bytes=${body.length}-` })).status).toBe(416);
    expect((await anon.request('GET', notice(), undefined, { 'if-none-match': etag })).status).toBe(304);
    expect(renderCount()).toBe(renders);

    // The answer is the file's bytes: change the file and the next answer changes with it, no render.
    const marked = Buffer.from(body);
    marked.write('%SAMRAD-FROM-DISK', 0, 'latin1');
    writeFileSync(path.join(papersDir(), file!), marked);
    expect((await bytesOf(await anon.get(notice()))).equals(marked)).toBe(true);
    writeFileSync(path.join(papersDir(), file!), body);
    expect(renderCount()).toBe(renders);
  });

  it('finds a paper with one statement: the meeting version', async () => {
    await anon.get(presentation());
    const statements = await countStatements(database.db, async () => {
      expect((await anon.get(presentation())).status).toBe(200);
    });
    // The version, and nothing else: no session (not signed in), no composition.
    expect(statements).toBe(1);
  });

  it('files a new paper when its meeting changes (an attachment, a case, a person) and removes the old file', async () => {
    const before = await anon.get(notice());
    const oldTag = before.headers.get('etag');
    const oldFiles = filed();
    await database.db.insert(attachments).values({
      caseId: cycle.cases.c3.id, filename: 'Tillegg til aktivitetsrapporten.pdf', contentType: 'application/pdf', size: 15, sha256: 'c'.repeat(64),
    });
    const after = await anon.get(notice());
    expect(after.headers.get('etag')).not.toBe(oldTag);
    expect(flatText(await bytesOf(after))).toContain('Tillegg til aktivitetsrapporten.pdf');
    // The meeting's earlier papers (the notice and the saksframlegg before the change) are gone from disk.
    expect(oldFiles.length).toBeGreaterThanOrEqual(2);
    expect(filed().filter((f) => oldFiles.includes(f))).toEqual([]);
    expect(filed()).toHaveLength(1);

    // A person's name is shared by every paper that shows it (the notice names the presenters).
    const noticeTag = (await anon.get(notice())).headers.get('etag');
    await database.db.update(people).set({ familyName: 'Gjørtz-Hansen' }).where(eq(people.id, cycle.people.gjortz.id));
    const renamed = await anon.get(notice());
    expect(renamed.headers.get('etag')).not.toBe(noticeTag);
    expect(flatText(await bytesOf(renamed))).toContain('Gjørtz-Hansen');

    // Another meeting's change leaves this paper where it is.
    const tag = (await anon.get(notice())).headers.get('etag');
    const renders = renderCount();
    await database.db.update(meetings).set({ place: 'Aukra rådhus' }).where(eq(meetings.id, cycle.m1.id));
    expect((await anon.get(notice())).headers.get('etag')).toBe(tag);
    expect(renderCount()).toBe(renders);
  });

  it('never files exempt content: not from a signed-in reader, not after a case becomes exempt', async () => {
    const filesBefore = filed();
    const full = await staff.get(notice());
    expect(flatText(await bytesOf(full))).toContain(SECRET.title);
    expect(filed()).toEqual(filesBefore);

    // A public case that was filed in the public's papers becomes exempt: its text leaves them at once.
    expect(flatText(await bytesOf(await anon.get(notice())))).toContain('Økonomi- og aktivitetsrapport');
    await database.db.update(cases).set({ access: 'unntatt', publicTitle: 'Rapport (unntatt)', legalBasisId: cycle.cases.c4.legalBasisId })
      .where(eq(cases.id, cycle.cases.c3.id));
    expect((await anon.get(presentation())).status).toBe(404);
    const text = flatText(await bytesOf(await anon.get(notice())));
    expect(text).not.toContain('Økonomi- og aktivitetsrapport');
    expect(text).toContain('Rapport (unntatt)');
    for (const file of filed()) {
      const onDisk = flatText(readFileSync(path.join(papersDir(), file)));
      for (const secret of Object.values(SECRET)) expect(onDisk, file).not.toContain(secret);
      expect(onDisk, file).not.toContain('Økonomi- og aktivitetsrapport');
    }
  });

  it('has a trigger on every table a public paper is composed from', async () => {
    const tables = new Set<string>();
    // The public's composition and the full one (a role that reads everything): both are cached.
    const reader: SessionUser = { id: '00000000-0000-4000-8000-000000000000', email: 'x@example.no', name: 'X', role: 'staff', municipalityId: null, personId: null };
    await countStatements(database.db, async () => {
      for (const viewer of [null, reader]) {
        await noticePaper(database.db, { meetingId: cycle.m6.id, viewer });
        await presentationPaper(database.db, { caseId: cycle.cases.c1.id, viewer });
        await presentationPaper(database.db, { caseId: cycle.cases.c4.id, viewer }).catch(() => undefined);
        await minutesPaper(database.db, { meetingId: cycle.m6.id, viewer }).catch(() => undefined);
      }
    }, (text) => {
      for (const m of text.matchAll(/\b(?:from|join)\s+"?([a-z_]+)"?/gi)) tables.add(m[1]!);
    });
    const covered = new Set<string>([...MEETING_TABLES.map(([t]) => t), ...SHARED_TABLES]);
    expect([...tables].filter((t) => !covered.has(t))).toEqual([]);
    expect(tables.size).toBeGreaterThan(5);

    // And each of them moves the version (rows first where the cycle has none).
    await database.db.insert(attendance).values({ meetingId: cycle.m6.id, personId: cycle.people.aasen.id, role: 'til_stede' });
    await database.db.insert(caseVotes).values({ caseId: cycle.cases.c1.id, personId: cycle.people.aasen.id, choice: 'for' });
    await database.db.insert(archivedDocuments).values({ meetingId: cycle.m6.id, kind: 'test', sha256: 'd'.repeat(64), size: 1 });
    for (const table of [...MEETING_TABLES.map(([t]) => t), ...SHARED_TABLES]) {
      const before = await paperVersion(database.db, { meetingId: cycle.m6.id });
      const touched = await database.db.execute(touchOne(table, cycle));
      expect((touched as unknown as { rowCount?: number; affectedRows?: number }).affectedRows ?? (touched as { rowCount?: number }).rowCount, table).toBeGreaterThan(0);
      expect(await paperVersion(database.db, { meetingId: cycle.m6.id }), table).not.toEqual(before);
    }
  });
});

describe('full papers on disk', () => {
  const exemptReadsOf = async (meetingId: string) => (await database.db.select({ id: auditLog.id }).from(auditLog)
    .where(and(eq(auditLog.action, 'read_exempt'), eq(auditLog.entity, 'meeting'), eq(auditLog.entityId, meetingId)))).length;
  const secretNotice = () => `/api/meetings/${cycle.m6.id}/notice.pdf`;
  const secretCase = () => `/api/cases/${cycle.cases.c4.id}/presentation.pdf`;

  it('renders a full paper once per version for every role that reads everything, audits every read, files it apart', async () => {
    const publicBefore = filed();
    const audited = await exemptReadsOf(cycle.m6.id);
    const first = await staff.get(secretNotice());
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('private, no-store');
    const body = await bytesOf(first);
    expect(flatText(body)).toContain(SECRET.title);

    const renders = renderCount();
    const again = await council.get(secretNotice());
    expect(again.status).toBe(200);
    expect(again.headers.get('cache-control')).toBe('private, no-store');
    expect((await bytesOf(again)).equals(body)).toBe(true);
    expect(renderCount()).toBe(renders);
    // Served from the cache or not, every read of a paper holding an exempt case is in the audit log.
    expect(await exemptReadsOf(cycle.m6.id)).toBe(audited + 2);

    // On disk in its own directory, readable by the server's user alone; the public's directory is as it was.
    const full = filedFull().filter((f) => readFileSync(path.join(fullPapersDir(), f)).equals(body));
    expect(full).toHaveLength(1);
    expect(statSync(path.join(fullPapersDir(), full[0]!)).mode & 0o077).toBe(0);
    expect(filed()).toEqual(publicBefore);
  });

  it('never gives a full paper to a signed-in role that reads what the public reads', async () => {
    // The full papers are filed first, so a mix-up of the caches would hand them out.
    expect(flatText(await bytesOf(await staff.get(secretNotice())))).toContain(SECRET.title);
    expect((await staff.get(secretCase())).status).toBe(200);
    const audited = await exemptReadsOf(cycle.m6.id);

    const muniNotice = await muni.get(secretNotice());
    expect(muniNotice.status).toBe(200);
    const muniBody = await bytesOf(muniNotice);
    for (const secret of Object.values(SECRET)) expect(flatText(muniBody)).not.toContain(secret);
    // The same paper as the public's, from the same file.
    const anonNotice = await anon.get(secretNotice());
    expect(muniNotice.headers.get('etag')).toBe(anonNotice.headers.get('etag'));
    expect(muniNotice.headers.get('cache-control')).toBe('public, no-cache');
    expect((await muni.get(secretCase())).status).toBe(404);
    expect((await anon.get(secretCase())).status).toBe(404);
    expect(await exemptReadsOf(cycle.m6.id)).toBe(audited);
  });

  it('files a new full paper when the meeting changes, and removes superseded versions nobody asks for again', async () => {
    await staff.get(secretNotice());
    await anon.get(secretNotice());
    const oldFull = filedFull();
    const oldPublic = filed();
    expect(oldFull.length).toBeGreaterThan(0);
    expect(oldPublic.length).toBeGreaterThan(0);
    await database.db.update(meetings).set({ place: 'Fræna samfunnshus' }).where(eq(meetings.id, cycle.m6.id));
    // Nobody asks for the meeting again; the sweep (every minute in a server) finds the versions moved.
    const removed = await retireSupersededPapers(database.db, [papers.public, papers.full]);
    expect(removed).toBe(oldFull.length + oldPublic.length);
    expect(filedFull()).toEqual([]);
    expect(filed()).toEqual([]);
    // Papers whose version holds stay.
    const renders = renderCount();
    const next = await staff.get(secretNotice());
    expect(flatText(await bytesOf(next))).toContain('Fræna samfunnshus');
    expect(renderCount()).toBe(renders + 1);
    expect(await retireSupersededPapers(database.db, [papers.public, papers.full])).toBe(0);
    expect(filedFull()).toHaveLength(1);
  });
});

/** An update that changes nothing but still writes one row of the table that a paper of m6 shows. */
function touchOne(table: string, c: TCycle) {
  const m6 = c.m6.id;
  const where: Record<string, string> = {
    meetings: `id = '${m6}'`,
    cases: `meeting_id = '${m6}'`,
    attendance: `meeting_id = '${m6}'`,
    notice_versions: `meeting_id = '${m6}'`,
    archived_documents: `meeting_id = '${m6}'`,
    attachments: `case_id in (select id from cases where meeting_id = '${m6}')`,
    case_presenters: `case_id in (select id from cases where meeting_id = '${m6}')`,
    case_votes: `case_id in (select id from cases where meeting_id = '${m6}')`,
  };
  const column: Record<string, string> = {
    meetings: 'place', cases: 'title', attendance: 'note', notice_versions: 'version', archived_documents: 'kind', attachments: 'filename',
    case_presenters: 'position', case_votes: 'choice', cooperations: 'address', bodies: 'name', people: 'family_name', municipalities: 'name', legal_bases: 'description',
  };
  const condition = where[table] ?? 'true';
  return sqlRaw(`update ${table} set ${column[table]} = ${column[table]} where ctid = (select ctid from ${table} where ${condition} limit 1)`);
}

const sqlRaw = (text: string) => sql.raw(text);

/** Statements sent to the database while `work` runs (each one's text to `onText`). */
async function countStatements(db: Db, work: () => Promise<void>, onText: (text: string) => void = () => undefined): Promise<number> {
  const client = (db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
  const query = client.query;
  let n = 0;
  client.query = function (this: unknown, ...args: unknown[]) {
    n++;
    const first = args[0];
    onText(typeof first === 'string' ? first : String((first as { text?: string }).text ?? ''));
    return query.apply(this, args);
  };
  try {
    await work();
  } finally {
    client.query = query;
  }
  return n;
}
