// Papers are rendered once per content and read access: a strong ETag of what the paper is made of, 304
// while it holds, `public` caching for the public's papers only, and a new tag and new content when the
// meeting changes. A full paper (staff, council) never comes from the public cache nor is marked for a
// shared one; a municipality user reads the public's.
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, type TestClient } from '../../../test/app.js';
import type { TestDatabase } from '../../../test/db.js';
import { flatText } from '../../../documents/pdf-text.js';
import { renderCount } from '../../../documents/renderer.js';
import { attendance, cases, meetings } from '../schema.js';
import { SECRET, startCycle, type TCycle } from './cycle-fixture.js';

let database: TestDatabase;
let cycle: TCycle;
let anon: TestClient, staff: TestClient, council: TestClient, muni: TestClient;

beforeAll(async () => {
  ({ database, cycle, anon, staff, council, muni } = await startCycle());
  // The public reads a meeting's papers once its notice has gone out.
  await json(await staff.post(`/api/meetings/${cycle.m6.id}/notice`), 201);
});
afterAll(() => database.drop());

const papers = () => ({
  notice: `/api/meetings/${cycle.m6.id}/notice.pdf`,
  presentation: `/api/cases/${cycle.cases.c3.id}/presentation.pdf`,
});

describe('public papers', () => {
  it('renders a paper once for a stream of anonymous requests, all with the same strong ETag', async () => {
    for (const path of Object.values(papers())) {
      const before = renderCount();
      const answers = await Promise.all(Array.from({ length: 6 }, () => anon.get(path)));
      const more = [await anon.get(path), await anon.get(path)];
      const all = [...answers, ...more];
      const bodies = await Promise.all(all.map(async (r) => Buffer.from(await r.arrayBuffer())));
      expect(all.map((r) => r.status)).toEqual(all.map(() => 200));
      expect(renderCount() - before, path).toBe(1);
      const etag = all[0]!.headers.get('etag');
      expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
      for (const r of all) {
        expect(r.headers.get('etag')).toBe(etag);
        expect(r.headers.get('cache-control')).toBe('public, no-cache');
        expect(r.headers.get('vary')).toMatch(/Cookie/);
      }
      expect(bodies.every((b) => b.equals(bodies[0]!))).toBe(true);
    }
  });

  it('answers 304 without a body or a render to If-None-Match with the current ETag', async () => {
    const first = await anon.get(papers().notice);
    const etag = first.headers.get('etag')!;
    const before = renderCount();
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const res = await anon.request('GET', papers().notice, undefined, { 'if-none-match': header });
      expect(res.status).toBe(304);
      expect(res.headers.get('etag')).toBe(etag);
      expect((await res.arrayBuffer()).byteLength).toBe(0);
    }
    expect((await anon.request('GET', papers().notice, undefined, { 'if-none-match': '"other"' })).status).toBe(200);
    expect(renderCount()).toBe(before);
  });

  it('gives a changed meeting a new ETag and the new content, and the old tag a full answer', async () => {
    const old = await anon.get(papers().notice);
    const oldTag = old.headers.get('etag')!;
    expect(flatText(Buffer.from(await old.arrayBuffer()))).not.toContain('Kristiansund rådhus');
    await database.db.update(meetings).set({ place: 'Kristiansund rådhus' }).where(eq(meetings.id, cycle.m6.id));
    const changed = await anon.request('GET', papers().notice, undefined, { 'if-none-match': oldTag });
    expect(changed.status).toBe(200);
    const newTag = changed.headers.get('etag')!;
    expect(newTag).not.toBe(oldTag);
    expect(flatText(Buffer.from(await changed.arrayBuffer()))).toContain('Kristiansund rådhus');

    // A case's text is part of the saksframlegg's tag too.
    const presentationTag = (await anon.get(papers().presentation)).headers.get('etag');
    await database.db.update(cases).set({ title: 'Økonomi- og aktivitetsrapport per desember' }).where(eq(cases.id, cycle.cases.c3.id));
    const presentation = await anon.get(papers().presentation);
    expect(presentation.headers.get('etag')).not.toBe(presentationTag);
    expect(flatText(Buffer.from(await presentation.arrayBuffer()))).toContain('Økonomi- og aktivitetsrapport per desember');
  });

  it('gives each signed-in reader the paper of their read access: full ones rendered once, never marked public', async () => {
    const publicCopy = await anon.get(papers().notice);
    await publicCopy.arrayBuffer();
    // staff renders the full paper; the council reads the same one from the full cache; a municipality
    // user reads what the public reads, from the public's cache.
    const expectedRenders = new Map([[staff, 1], [council, 0], [muni, 0]]);
    for (const client of [staff, council, muni]) {
      const before = renderCount();
      const res = await client.get(papers().notice);
      expect(res.status).toBe(200);
      expect(renderCount() - before).toBe(expectedRenders.get(client));
      const text = flatText(Buffer.from(await res.arrayBuffer()));
      if (client === muni) {
        expect(text).not.toContain(SECRET.title);
        expect(res.headers.get('etag')).toBe(publicCopy.headers.get('etag'));
        expect(res.headers.get('cache-control')).toBe('public, no-cache');
      } else {
        expect(text).toContain(SECRET.title);
        expect(res.headers.get('etag')).not.toBe(publicCopy.headers.get('etag'));
        expect(res.headers.get('cache-control')).toBe('private, no-store');
      }
    }
    // And the public's copy holds nothing exempt after a signed-in reader had the full one.
    const text = flatText(Buffer.from(await (await anon.get(papers().notice)).arrayBuffer()));
    for (const secret of Object.values(SECRET)) expect(text).not.toContain(secret);
  });

  it('tags approved minutes with the stored copy\'s hash and serves them without a render', async () => {
    await database.db.insert(attendance).values({ meetingId: cycle.m6.id, personId: cycle.people.aasen.id, role: 'til_stede', position: 0 });
    await database.db.update(cases).set({ decisionKind: 'enighet', decisionText: 'Referatet godkjennes' }).where(eq(cases.id, cycle.cases.m1Referat.id));
    await json(await staff.post(`/api/meetings/${cycle.m6.id}/minutes/approve`, { approvedByCaseId: cycle.cases.m1Referat.id }), 200);
    const path = `/api/meetings/${cycle.m6.id}/minutes.pdf`;
    const before = renderCount();
    const first = await anon.get(path);
    expect(first.status).toBe(200);
    const body = Buffer.from(await first.arrayBuffer());
    const etag = first.headers.get('etag');
    expect(etag).toBe(`"${createHash('sha256').update(body).digest('hex')}"`);
    expect(first.headers.get('cache-control')).toBe('public, no-cache');
    expect((await anon.request('GET', path, undefined, { 'if-none-match': etag! })).status).toBe(304);
    expect(renderCount()).toBe(before);
    const full = await staff.get(path);
    const fullBody = Buffer.from(await full.arrayBuffer());
    // The full minutes as archived, tagged by their own hash: another copy than the public's.
    expect(full.headers.get('etag')).toBe(`"${createHash('sha256').update(fullBody).digest('hex')}"`);
    expect(full.headers.get('etag')).not.toBe(etag);
    expect(full.headers.get('cache-control')).toBe('private, no-store');
    expect(renderCount()).toBe(before);
  });

  it('answers 404 to the public for an unpublished meeting, with nothing cached to find', async () => {
    const res = await anon.get(`/api/meetings/${cycle.m2.id}/notice.pdf`);
    expect(res.status).toBe(404);
    expect(res.headers.get('etag')).toBeNull();
  });
});
