// The embedded database must leave the event loop its turns (src/db/client.ts yieldBeforeEachStatement):
// PGlite runs statements synchronously, and a chain of them once starved timers and sockets for 50 s.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/db.js';

let database: TestDatabase;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(() => database.drop());

describe('a chain of statements', () => {
  it('lets a callback waiting for the event loop run before the chain ends, in and out of a transaction', async () => {
    const chain = async (run: (n: number) => Promise<unknown>) => {
      let done = 0;
      let seenAt: number | null = null;
      setImmediate(() => { seenAt = done; });
      for (let i = 0; i < 50; i++) { await run(i); done++; }
      return seenAt;
    };
    const outside = await chain(() => database.db.execute(sql`select 1`));
    expect(outside).not.toBeNull();
    expect(outside!).toBeLessThan(50);
    const inside = await database.db.transaction((tx) => chain(() => tx.execute(sql`select 1`)));
    expect(inside).not.toBeNull();
    expect(inside!).toBeLessThan(50);
  });
});
