// Contract test of GET /api/audit: admins only, filters, field-level refusals.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestDatabase } from '../../test/db.js';
import { startWithAccounts } from '../../test/accounts.js';
import { TestClient } from '../../test/app.js';
import { systemActor } from '../../server/context.js';
import { auditLog } from './schema.js';
import { recordAudit } from './service.js';

let database: TestDatabase;
let anon: TestClient;
let admin: TestClient;
let staff: TestClient;
let adminId: string;

beforeAll(async () => {
  // Signed in before the entries below: since issue 8 a sign-in is itself an audit entry.
  let users: { admin: { id: string } };
  ({ database, users, anon, admin, staff } = await startWithAccounts());
  adminId = users.admin.id;
  const actor = { userId: adminId, name: 'Admin' };
  // One entry back in time, on a known Norwegian day: 13.12.2023 at 08:15 Oslo time.
  await database.db.insert(auditLog).values({ at: new Date('2023-12-13T07:15:00Z'), actorName: 'system', action: 'create', entity: 'body', entityId: 'b1' });
  await recordAudit(database.db, actor, { action: 'create', entity: 'meeting', entityId: 'm1', after: { number: 'M6' } });
  await recordAudit(database.db, actor, { action: 'update', entity: 'meeting', entityId: 'm1', before: { number: 'M6' }, after: { number: 'M7' } });
  await recordAudit(database.db, systemActor, { action: 'create', entity: 'case', entityId: 'c1', after: { title: 'Budsjett' } });
});
afterAll(() => database.drop());

const get = async (client: TestClient, query: string, status = 200) => {
  const res = await client.get(`/api/audit${query}`);
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body;
};

describe('GET /api/audit', () => {
  it('refuses anonymous callers with 401 and other roles with 403', async () => {
    await get(anon, '', 401);
    await get(staff, '', 403);
  });

  it('lists newest first with who, what, before and after', async () => {
    const { entries } = await get(admin, '');
    expect(entries[0]).toMatchObject({ action: 'create', entity: 'case', entityId: 'c1', actorName: 'system', before: null, after: { title: 'Budsjett' } });
    expect(entries[0].at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(typeof entries[0].id).toBe('number');
  });

  it('filters by entity, entity id, actor and limit', async () => {
    expect((await get(admin, '?entity=meeting')).entries.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect((await get(admin, '?entity=meeting&entityId=m1&limit=1')).entries).toMatchObject([{ action: 'update', before: { number: 'M6' }, after: { number: 'M7' } }]);
    // The admin's two changes, and the admin's own sign-in.
    expect((await get(admin, `?actor=${adminId}`)).entries.map((e: { action: string }) => e.action)).toEqual(['update', 'create', 'sign_in']);
    expect((await get(admin, `?actor=${randomUUID()}`)).entries).toEqual([]);
  });

  it('filters by day (Oslo time) or instant', async () => {
    expect((await get(admin, '?from=2023-12-13&to=2023-12-13')).entries.map((e: { entity: string }) => e.entity)).toEqual(['body']);
    expect((await get(admin, '?to=2023-12-12')).entries).toEqual([]);
    expect((await get(admin, '?from=2023-12-13T08:16:00%2B01:00&to=2023-12-31')).entries).toEqual([]);
    expect((await get(admin, '?from=2024-01-01')).entries.map((e: { entity: string }) => e.entity)).not.toContain('body');
  });

  it('refuses bad filters with field-level messages', async () => {
    const bad = await get(admin, '?actor=nobody&from=yesterday&limit=5000', 400);
    expect(bad.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['actor', 'from', 'limit']);
    const reversed = await get(admin, '?from=2024-02-01&to=2024-01-01', 400);
    expect(reversed.error.fields[0].path).toBe('to');
  });
});
