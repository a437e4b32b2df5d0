// An economy line edited by two people follows decision 0024 (src/test/revision-convention.ts): its
// PATCH takes the revision read, and a stale one is refused with 409 `stale`, writing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClients, call } from '../../../test/app.js';
import { checkRevisionConvention } from '../../../test/revision-convention.js';
import { startEconomy, type TEconomyStart } from '../economy-fixture.js';
import { PW } from '../test-factories.js';

let e: TEconomyStart;
beforeAll(async () => { e = await startEconomy(); });
afterAll(() => e.database.drop());

describe('an economy line edited from two browsers', () => {
  it('takes the revision read, counts it up, and refuses a stale edit with 409 stale', async () => {
    const line = await call(e.staff, 'POST', '/api/economy/lines', { kind: 'drift', name: 'Lisenser' }, 201);
    expect(line.revision).toBe(1);
    const { staff2 } = await buildClients(e.app, { staff2: 'staff@example.no' }, PW);
    await checkRevisionConvention({
      path: `/api/economy/lines/${line.id}`,
      read: async () => {
        const stored = (await call(e.council, 'GET', '/api/economy/lines', undefined, 200)).lines.find((l: { id: string }) => l.id === line.id);
        return { revision: stored.revision, value: stored.name };
      },
      edits: [{ body: { name: 'Lisenser og abonnement' }, value: 'Lisenser og abonnement' }, { body: { name: 'Programvare' }, value: 'Programvare' }],
      answered: (body) => body.revision,
      editors: [e.staff, staff2],
    });
  });
});
