// The cache of public papers on its own: one make per key however many ask at once, nothing filed when
// the version moved while the paper was made, and a new version's file replacing the old one's.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { PaperCache, paperKey, type TPaperSlot } from './cached-papers.js';

const slot = (identity: string, version: string, group = 'm1'): TPaperSlot => ({ identity, group, version, key: paperKey(identity, [group, version]) });
const pdf = (text: string) => async () => ({ pdf: Buffer.from(`%PDF-1.7 ${text}`), filename: 'x.pdf' });
const dirOf = () => mkdtempSync(path.join(os.tmpdir(), 'samrad-paper-cache-'));

describe('PaperCache', () => {
  it('makes a paper once for requests that ask at the same time, and files it', async () => {
    const dir = path.join(dirOf(), 'papers');
    const cache = new PaperCache(dir);
    let makes = 0;
    const make = async () => {
      makes++;
      return pdf('one')();
    };
    const s = slot('notice:m1', 'v1');
    const papers = await Promise.all(Array.from({ length: 5 }, () => cache.fill(s, make, async () => true)));
    expect(makes).toBe(1);
    expect(new Set(papers.map((p) => p.etag)).size).toBe(1);
    expect(cache.find(s.key)).not.toBeNull();
    expect(readdirSync(dir)).toEqual([`${s.key}.pdf`]);
    expect((await buffer(await papers[0]!.open({ start: 0, end: 7 }))).toString()).toBe('%PDF-1.7');
  });

  it('serves but does not file a paper whose version moved while it was made', async () => {
    const dir = path.join(dirOf(), 'papers');
    const cache = new PaperCache(dir);
    const s = slot('notice:m1', 'v1');
    const paper = await cache.fill(s, pdf('stale'), async () => false);
    expect((await buffer(await paper.open())).toString()).toContain('stale');
    expect(cache.find(s.key)).toBeNull();
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('replaces the file of an older version, retires a group\'s other versions, and refills a file that vanished', async () => {
    const dir = path.join(dirOf(), 'papers');
    const cache = new PaperCache(dir);
    const old = slot('notice:m1', 'v1');
    const other = slot('presentation:c1', 'v1');
    await cache.fill(old, pdf('old'), async () => true);
    await cache.fill(other, pdf('case'), async () => true);
    const next = slot('notice:m1', 'v2');
    await cache.fill(next, pdf('new'), async () => true);
    expect(readdirSync(dir).sort()).toEqual([`${next.key}.pdf`, `${other.key}.pdf`].sort());
    await cache.retire('m1', 'v2');
    expect(readdirSync(dir)).toEqual([`${next.key}.pdf`]);
    await cache.retire('m1', 'v2', 'notice:m1');
    expect(readdirSync(dir)).toEqual([]);

    const again = await cache.fill(next, pdf('new'), async () => true);
    rmSync(dir, { recursive: true, force: true });
    const { stream } = await cache.openOrRefill(next.key, again, () => cache.fill(next, pdf('refilled'), async () => true));
    expect((await buffer(stream)).toString()).toContain('refilled');
  });
});
