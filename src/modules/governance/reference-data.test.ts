import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/db.js';
import { ensureReferenceData, LEGAL_BASES } from './reference-data.js';
import { legalBases } from './schema.js';

let database: TestDatabase;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(() => database.drop());

describe('ensureReferenceData', () => {
  it('has seeded the legal bases during migration, and running again adds nothing', async () => {
    const before = await database.db.select().from(legalBases);
    expect(before.length).toBe(LEGAL_BASES.length);
    await ensureReferenceData(database.db);
    const after = await database.db.select().from(legalBases);
    expect(after.length).toBe(LEGAL_BASES.length);
  });
});
