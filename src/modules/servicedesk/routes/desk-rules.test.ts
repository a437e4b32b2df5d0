// Contract test for DELETE /api/servicedesk/policy: taking a municipality back to the cooperation's
// rules. 401 signed out, 403 for anyone but an admin, 400 per missing field, 404 for a municipality
// without rules of its own (and for an unknown cooperation), 409 at an old revision with nothing
// deleted, 204 with the document gone, the audit entry written and the municipality's tickets and
// portal on the cooperation's rules from then on.
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../server/context.js';
import { json } from '../../../test/app.js';
import { auditLog } from '../../audit/schema.js';
import { DEMO_POLICY } from '../desk-rules.js';
import { loadPolicy, savePolicy } from '../desk-rules.service.js';
import { sdPolicies } from '../schema.js';
import { startServiceDesk, type TDeskWorld } from '../desk-fixture.js';

let w: TDeskWorld;
const MOLDE_CATEGORIES = ['Skole-PC', 'Helseplattformen', 'Annet'];
const path = (o: { cooperationId?: string; municipalityId?: string; revision?: number | string }) =>
  `/api/servicedesk/policy?${new URLSearchParams(Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString()}`;
const fieldsOf = (body: { error: { fields: { path: string }[] } }) => body.error.fields.map((f) => f.path).sort();

async function moldeRows() {
  return w.database.db.select().from(sdPolicies)
    .where(and(eq(sdPolicies.cooperationId, w.desk.coop.id), eq(sdPolicies.municipalityId, w.desk.molde.id)));
}
async function deletions() {
  return w.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'sd_policy'), eq(auditLog.action, 'delete')));
}

beforeAll(async () => {
  w = await startServiceDesk();
  // Molde keeps its own rules (revision 1), then changes them once more (revision 2); Aukra has none.
  await savePolicy(w.database.db, systemActor, { cooperationId: w.desk.coop.id, municipalityId: w.desk.molde.id, document: { ...DEMO_POLICY, categories: MOLDE_CATEGORIES } });
  await savePolicy(w.database.db, systemActor, { cooperationId: w.desk.coop.id, municipalityId: w.desk.molde.id, document: { ...DEMO_POLICY, categories: MOLDE_CATEGORIES, reopenWindowDays: 7 } });
});
afterAll(() => w.database.drop());

describe('DELETE /api/servicedesk/policy', () => {
  const molde = () => path({ cooperationId: w.desk.coop.id, municipalityId: w.desk.molde.id, revision: 2 });

  it('refuses anonymous callers with 401 and everyone but an admin with 403, deleting nothing', async () => {
    expect((await json(await w.anon.delete(molde()), 401)).error.code).toBe('unauthorized');
    for (const caller of [w.agent, w.council, w.anne]) {
      expect((await json(await caller.delete(molde()), 403)).error.code).toBe('forbidden');
    }
    expect(await moldeRows()).toHaveLength(1);
  });

  it('names every missing or malformed field with 400', async () => {
    expect(fieldsOf(await json(await w.admin.delete('/api/servicedesk/policy'), 400))).toEqual(['cooperationId', 'municipalityId', 'revision']);
    expect(fieldsOf(await json(await w.admin.delete(path({ cooperationId: 'x', municipalityId: w.desk.molde.id, revision: 0 })), 400))).toEqual(['cooperationId', 'revision']);
    // A municipality that does not exist is a bad field, as for the save.
    expect(fieldsOf(await json(await w.admin.delete(path({ cooperationId: w.desk.coop.id, municipalityId: randomUUID(), revision: 1 })), 400))).toEqual(['municipalityId']);
    expect(await moldeRows()).toHaveLength(1);
  });

  it('answers 404 for a municipality without rules of its own, and for an unknown cooperation', async () => {
    const none = await json(await w.admin.delete(path({ cooperationId: w.desk.coop.id, municipalityId: w.desk.aukra.id, revision: 1 })), 404);
    expect(none.error).toMatchObject({ code: 'not_found', message: 'Egne regler for kommunen finnes ikke' });
    expect((await json(await w.admin.delete(path({ cooperationId: randomUUID(), municipalityId: w.desk.molde.id, revision: 2 })), 404)).error.message).toBe('Samarbeidet finnes ikke');
  });

  it('refuses an old revision with 409 stale and the current one, deleting nothing', async () => {
    const stale = await json(await w.admin.delete(path({ cooperationId: w.desk.coop.id, municipalityId: w.desk.molde.id, revision: 1 })), 409);
    expect(stale.error).toMatchObject({ code: 'stale', current: { revision: 2 } });
    expect(await moldeRows()).toHaveLength(1);
    expect(await deletions()).toHaveLength(0);
  });

  it('deletes Molde\'s own rules with 204: audited, and Molde follows the cooperation\'s from then on', async () => {
    expect((await loadPolicy(w.database.db, w.desk.coop.id, w.desk.molde.id)).document.categories).toEqual(MOLDE_CATEGORIES);
    const [row] = await moldeRows();
    const res = await w.admin.delete(molde());
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
    expect(await moldeRows()).toHaveLength(0);

    const [entry, ...more] = await deletions();
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({ entityId: row!.id, actorUserId: w.desk.admin.id });
    expect(entry!.before).toMatchObject({ municipalityId: w.desk.molde.id, revision: 2, document: { categories: MOLDE_CATEGORIES, reopenWindowDays: 7 } });

    // The page's read: the cooperation's document, marked as not Molde's own, at revision 0.
    const read = await json(await w.admin.get(path({ cooperationId: w.desk.coop.id, municipalityId: w.desk.molde.id })), 200);
    expect(read).toMatchObject({ isDefault: true, revision: 0, document: { categories: DEMO_POLICY.categories, reopenWindowDays: 14 } });
    expect((await loadPolicy(w.database.db, w.desk.coop.id, w.desk.molde.id)).document.categories).toEqual(DEMO_POLICY.categories);
    // The portal offers Anne (Molde) the cooperation's categories.
    expect((await json(await w.anne.get('/api/servicedesk/categories'), 200)).categories).toEqual(DEMO_POLICY.categories);

    // Once gone, a second delete finds nothing; the cooperation's own document is untouched.
    expect((await json(await w.admin.delete(molde()), 404)).error.code).toBe('not_found');
    expect((await json(await w.admin.get(path({ cooperationId: w.desk.coop.id })), 200))).toMatchObject({ isDefault: false, revision: 1 });
  });
});
