// A Typst render never runs inside a database transaction (decision 0014): renderPdf refuses while the
// caller is inside db.transaction, on both engines, and renders once the transaction is over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/db.js';
import { renderPdf, RENDER_IN_TRANSACTION, type TTemplateData } from '../documents/renderer.js';
import { allowingRenderInTransaction, inTransaction, mayRenderHere } from './transaction-scope.js';

let database: TestDatabase;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => { await database.drop(); });

const notice = {} as TTemplateData['notice'];

describe('the transaction scope', () => {
  it('is set inside db.transaction and its savepoints, and only there', async () => {
    const seen: boolean[] = [inTransaction()];
    await database.db.transaction(async (tx) => {
      await tx.execute('select 1');
      seen.push(inTransaction());
      await tx.transaction(async () => { seen.push(inTransaction()); });
      seen.push(inTransaction());
    });
    seen.push(inTransaction());
    expect(seen).toEqual([false, true, true, true, false]);
  });

  it('makes renderPdf refuse inside a transaction, before any render starts', async () => {
    await expect(database.db.transaction(async () => renderPdf('notice', notice))).rejects.toThrow(RENDER_IN_TRANSACTION);
    // The refusal is the transaction's error: it rolled back, and the database is usable after it.
    const rows = await database.db.execute('select 1 as one');
    expect(rows).toBeTruthy();
  });

  it('lets only a load that runs before the server takes requests render inside its transaction', async () => {
    const seen = await allowingRenderInTransaction(() => database.db.transaction(async () => mayRenderHere()));
    expect(seen).toBe(true);
    expect(await database.db.transaction(async () => mayRenderHere())).toBe(false);
  });
});
