// Contract test for GET /api/servicedesk/categories: the list the portal and the phone-call form offer,
// from the policy that applies to the municipality (its own when it has one), for portal users (their
// own municipality only) and the desk (any municipality, or the cooperation's default).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../../server/context.js';
import { json } from '../../../test/app.js';
import { DEMO_POLICY } from '../desk-rules.js';
import { savePolicy } from '../desk-rules.service.js';
import { startServiceDesk, type TDeskWorld } from '../desk-fixture.js';

let w: TDeskWorld;
const PATH = '/api/servicedesk/categories';
// Molde keeps its own, shorter list; Aukra follows the cooperation's (the demo's nine).
const MOLDE_CATEGORIES = ['Skole-PC', 'Helseplattformen', 'Annet'];
// Molde explains one of its own and keeps an entry for a category it has dropped (never shown).
const MOLDE_GUIDE = {
  'Skole-PC': { description: 'Elevenes PC-er og nettbrett.', examples: ['Elev-PC starter ikke'] },
  Bestillinger: { description: 'Ikke lenger i listen.', examples: [] },
};
const guideOf = (categories: readonly string[], guide: Record<string, { description: string; examples: string[] }>) =>
  categories.map((category) => ({ category, description: guide[category]?.description ?? null, examples: guide[category]?.examples ?? [] }));

beforeAll(async () => {
  w = await startServiceDesk();
  await savePolicy(w.database.db, systemActor, { cooperationId: w.desk.coop.id, municipalityId: w.desk.molde.id, document: { ...DEMO_POLICY, categories: MOLDE_CATEGORIES, categoryGuide: MOLDE_GUIDE } });
});
afterAll(() => w.database.drop());

describe('GET /api/servicedesk/categories', () => {
  it('refuses anonymous callers with 401', async () => {
    expect((await json(await w.anon.get(PATH), 401)).error.code).toBe('unauthorized');
  });

  it('refuses a council member with 403 (not a portal or desk user)', async () => {
    expect((await json(await w.council.get(PATH), 403)).error.code).toBe('forbidden');
  });

  it('gives a municipality user the list of the policy that applies to their municipality', async () => {
    const aukra = await json(await w.cecilie.get(PATH), 200);
    expect(aukra).toEqual({
      cooperationId: w.desk.coop.id, municipalityId: w.desk.aukra.id, categories: DEMO_POLICY.categories,
      guide: guideOf(DEMO_POLICY.categories, DEMO_POLICY.categoryGuide),
    });
    expect(aukra.categories).toContain('Skrivere/multimaskiner');
    // Every one of the demo's categories is explained to the portal user, with examples.
    expect(aukra.guide.filter((g: { description: string | null; examples: string[] }) => g.description && g.examples.length > 0)).toHaveLength(DEMO_POLICY.categories.length);
  });

  it("applies the municipality's own policy over the cooperation's", async () => {
    expect(await json(await w.anne.get(PATH), 200)).toEqual({
      cooperationId: w.desk.coop.id, municipalityId: w.desk.molde.id, categories: MOLDE_CATEGORIES,
      guide: [
        { category: 'Skole-PC', description: 'Elevenes PC-er og nettbrett.', examples: ['Elev-PC starter ikke'] },
        { category: 'Helseplattformen', description: null, examples: [] },
        { category: 'Annet', description: null, examples: [] },
      ],
    });
    // Asking for one's own municipality by id is the same answer.
    expect((await json(await w.anne.get(`${PATH}?municipality=${w.desk.molde.id}`), 200)).categories).toEqual(MOLDE_CATEGORIES);
  });

  it("refuses a portal user another municipality's list (403), which would tell them nothing they may use", async () => {
    const res = await w.anne.get(`${PATH}?municipality=${w.desk.aukra.id}`);
    expect((await json(res, 403)).error.code).toBe('forbidden');
  });

  it('lets the desk choose the municipality, and gives the cooperation default without one', async () => {
    expect((await json(await w.agent.get(`${PATH}?municipality=${w.desk.molde.id}`), 200)).categories).toEqual(MOLDE_CATEGORIES);
    expect((await json(await w.agent.get(`${PATH}?municipality=${w.desk.aukra.id}`), 200)).categories).toEqual(DEMO_POLICY.categories);
    expect(await json(await w.agent.get(PATH), 200)).toEqual({
      cooperationId: w.desk.coop.id, municipalityId: null, categories: DEMO_POLICY.categories,
      guide: guideOf(DEMO_POLICY.categories, DEMO_POLICY.categoryGuide),
    });
    expect((await json(await w.admin.get(`${PATH}?municipality=${w.desk.molde.id}`), 200)).categories).toEqual(MOLDE_CATEGORIES);
  });

  it('answers 404 for an unknown municipality and for one outside every cooperation', async () => {
    expect((await json(await w.agent.get(`${PATH}?municipality=${randomUUID()}`), 404)).error.code).toBe('not_found');
    expect((await json(await w.agent.get(`${PATH}?municipality=${w.desk.outside.id}`), 404)).error.code).toBe('not_found');
  });

  it('answers 400 naming the field when the municipality is not an id', async () => {
    const body = await json(await w.agent.get(`${PATH}?municipality=molde`), 400);
    expect(body.error.fields.map((x: { path: string }) => x.path)).toContain('municipality');
  });
});
